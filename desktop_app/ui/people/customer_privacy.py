"""Customer privacy actions of the Customers view: the consent column (expired consent shown),
"Renew consent" and "Forget…" (erasure with a typed confirmation)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QMessageBox, QTableWidgetItem

from desktop_app.domain.errors import CloserError
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.kit.tokens import DANGER_DARK
from desktop_app.ui.people.forget_dialog import ForgetCustomerDialog

ID_ROLE = Qt.ItemDataRole.UserRole  # as the view's rows use it


def _t(text: str) -> str:
    return QCoreApplication.translate("CustomersView", text)


class CustomerPrivacyMixin:
    """Mixed into CustomersView (which provides ctx, _customers, selected_customer_id,
    _changed and _show_error); texts are translated in the view's context."""

    ctx: Any
    _customers: list[Any]

    def _consent_item(self, customer_id: int | None, expired: Any) -> QTableWidgetItem:
        """"⚠ Expired <date>" in red when a consent of theirs ran out (their clips are left
        out of reels, presentations and exports until it is renewed)."""
        if expired is None:
            item = QTableWidgetItem("—")
        else:
            day = QLocale().toString(expired.date(), QLocale.FormatType.ShortFormat)
            item = QTableWidgetItem("\u26a0 " + _t("Expired {0}").format(day))
            item.setForeground(QBrush(QColor(DANGER_DARK)))
            item.setToolTip(_t("Consent expired on {0}: clips of this customer are left "
                                    "out of reels, presentations and exports until they renew "
                                    "it.").format(day))
        item.setData(ID_ROLE, customer_id)
        return item

    def renew_consent(self) -> None:
        """Renew every expired consent of the selected customer (they agreed again)."""
        cid = self.selected_customer_id()
        customer = next((c for c in self._customers if c.id == cid), None)
        if customer is None or cid is None:
            return
        consent = self.ctx.services.consent
        box = QMessageBox(QMessageBox.Icon.Question, _t("Renew consent?"),
                          _t("Did {0} agree again, today, to the same audiences as "
                                  "before?").format(customer.name), parent=self)
        box.addButton(QMessageBox.StandardButton.Cancel)
        confirm = box.addButton(_t("Renew consent"), QMessageBox.ButtonRole.AcceptRole)
        box.confirm_button = confirm  # type: ignore[attr-defined]  # handy for tests

        def done(button: object) -> None:
            if button is not confirm:
                return
            try:
                for gone in consent.expired(customer_id=cid):
                    consent.renew(gone.interview_id)
            except CloserError as exc:
                self._show_error(str(exc))
                return
            self._changed([cid])

        box.buttonClicked.connect(done)
        open_dialog(self, box, lambda: None)

    def forget_customer(self) -> None:
        """Erase the selected customer after a typed confirmation; then say what is left
        outside the library (exports the app cannot reach)."""
        cid = self.selected_customer_id()
        customer = next((c for c in self._customers if c.id == cid), None)
        if customer is None or cid is None:
            return
        dialog = ForgetCustomerDialog(self.ctx.services.erasure, cid, customer.name, self)

        def done() -> None:
            report = dialog.report
            self._changed()
            if report is not None and report.exports_outside:
                self._show_error(_t("{0} was forgotten. Files exported outside the "
                                         "library remain; delete them yourself: {1}").format(
                    report.customer, ", ".join(e["path"] for e in report.exports_outside)))
            self.ctx.events.interviews_changed.emit([])

        open_dialog(self, dialog, done)

