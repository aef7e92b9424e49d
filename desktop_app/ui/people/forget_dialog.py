""""Forget this customer": what goes, a typed confirmation (their name), then the erasure.

The dialog previews the erasure (interviews, reel clips, files), enables "Forget" only once the
customer's name is typed, runs `ErasureService.forget` and then lists the exported files the app
cannot reach (outside the library) so the user can delete them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.services.erasure import ErasureReport, ErasureService


class ForgetCustomerDialog(QDialog):
    """Typed confirmation for erasing a customer; `report` is set once they are forgotten."""

    def __init__(self, erasure: ErasureService, customer_id: int, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.erasure = erasure
        self.customer_id = customer_id
        self.name = name
        self.report: ErasureReport | None = None
        self.setWindowTitle(self.tr("Forget {0}").format(name))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        preview = erasure.preview(customer_id)
        self.summary = QLabel(self.tr(
            "Everything about {0} is removed for good: {1} interview(s) with their recordings, "
            "transcripts and highlights, {2} clip(s) in reels, consent forms, pictures, cached "
            "copies and {3} file(s) in the library, and their name wherever it was written."
        ).format(name, preview.interviews, preview.reel_clips, len(preview.files_removed)))
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.outside = QPlainTextEdit()
        self.outside.setReadOnly(True)
        self.outside_label = QLabel(self.tr("Exported outside the library — the app cannot "
                                            "reach these, delete them yourself:"))
        self.outside_label.setWordWrap(True)
        lay.addWidget(self.outside_label)
        lay.addWidget(self.outside)
        self._show_outside(preview)
        self.prompt = QLabel(self.tr("Type “{0}” to confirm:").format(name))
        lay.addWidget(self.prompt)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(name)
        self.name_edit.textChanged.connect(self._typed)
        lay.addWidget(self.name_edit)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.forget_button = self.buttons.addButton(self.tr("Forget this customer"),
                                                    QDialogButtonBox.ButtonRole.DestructiveRole)
        self.forget_button.setObjectName("DangerButton")
        self.forget_button.setEnabled(False)
        self.forget_button.clicked.connect(self._forget)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _show_outside(self, report: ErasureReport) -> None:
        lines = [e["path"] for e in report.exports_outside]
        self.outside.setPlainText("\n".join(lines))
        self.outside.setVisible(bool(lines))
        self.outside_label.setVisible(bool(lines))

    def _typed(self, text: str) -> None:
        self.forget_button.setEnabled(
            " ".join(text.split()).casefold() == " ".join(self.name.split()).casefold())

    def _forget(self) -> None:
        try:
            self.report = self.erasure.forget(self.customer_id, confirm=self.name_edit.text())
        except CloserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
