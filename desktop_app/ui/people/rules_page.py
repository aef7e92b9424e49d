"""The keyword rules tab of Touchpoints: phrases that suggest highlights in transcripts.

Each rule is a phrase (English or Russian; `*` ends a word stem, e.g. "возврат*") with the
touchpoint and/or problem zone a matching passage is suggested with. Add, edit and delete here;
open transcripts offer the new suggestions at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError, ValidationError
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.suggestions import RuleView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import FormDialog, labelled, open_dialog

LANGUAGES = ("", "en", "ru")


def language_names() -> dict[str, str]:
    def t(text: str) -> str:
        return QCoreApplication.translate("KeywordRulesPage", text)
    return {"": t("Any language"), "en": t("English"), "ru": t("Russian")}


class RuleDialog(FormDialog):
    """Add or change one keyword rule."""

    def __init__(self, ctx: UiContext, rule: RuleView | None, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Edit keyword rule") if rule else self.tr("New keyword rule"),
                         self.tr("When these words are spoken, the passage is suggested as a "
                                 "highlight with this touchpoint and zone. End a word with * to "
                                 "match its forms (refund*, возврат*)."), parent=parent)
        self.ctx = ctx
        self.rule = rule
        self.saved_id: int | None = None
        self.phrase = QLineEdit(rule.phrase if rule else "")
        self.phrase.setPlaceholderText(self.tr("e.g. transferred me, перевели на*"))
        self.language = QComboBox()
        for code, name in language_names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(rule.language if rule
                                                                     else "")))
        lib = ctx.services.library
        self.touchpoint = QComboBox()
        self.touchpoint.addItem(self.tr("(none)"), None)
        for t in lib.touchpoints():
            self.touchpoint.addItem(t.name, int(t.id))  # type: ignore[arg-type]
        self.zone = QComboBox()
        self.zone.addItem(self.tr("(none)"), None)
        for z in lib.zones():
            self.zone.addItem(zone_display_name(z.name, z.name_ru, language),
                              int(z.id))  # type: ignore[arg-type]
        if rule is not None:
            self.touchpoint.setCurrentIndex(max(0, self.touchpoint.findData(rule.touchpoint_id)))
            self.zone.setCurrentIndex(max(0, self.zone.findData(rule.zone_id)))
        self.body.addWidget(labelled(self.tr("Phrase"), self.phrase))
        self.row(labelled(self.tr("Language"), self.language),
                 labelled(self.tr("Touchpoint"), self.touchpoint),
                 labelled(self.tr("Problem zone"), self.zone))

    def save(self) -> None:
        phrase = " ".join(self.phrase.text().split())
        if not phrase:
            raise ValidationError(self.tr("Type the words to listen for."))
        tp, zone = self.touchpoint.currentData(), self.zone.currentData()
        if tp is None and zone is None:
            raise ValidationError(self.tr("Choose a touchpoint or a problem zone (or both)."))
        svc = self.ctx.services.suggestions
        language = str(self.language.currentData() or "")
        if self.rule is None:
            made = svc.add_rule(phrase, language=language, touchpoint=tp, zone=zone)
        else:
            made = svc.update_rule(self.rule.id, phrase=phrase, language=language,
                                   touchpoint=tp if tp is not None else "",
                                   zone=zone if zone is not None else "")
        self.saved_id = made.id


class KeywordRulesPage(QWidget):
    """The rules in a table with Add / Edit / Delete; `changed(ids)` after each edit."""

    def __init__(self, ctx: UiContext, language: str, changed: Callable[[list[int]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.language = language
        self._changed = changed
        self.active_dialog: QDialog | None = None
        self._rules: list[RuleView] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Phrases that suggest highlights in transcripts. A suggestion is "
                              "only offered; nothing is tagged until you accept it."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.clicked.connect(self.edit_rule)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(self.delete_rule)
        self.add_button = QPushButton(self.tr("Add rule"))
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(self.add_rule)
        bar.addWidget(hint, 1)
        for b in (self.edit_button, self.delete_button, self.add_button):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            bar.addWidget(b)
        lay.addLayout(bar)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Phrase"), self.tr("Language"),
                                              self.tr("Touchpoint"), self.tr("Problem zone")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 130), (2, 190), (3, 230)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.edit_rule())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        lay.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        zones = {z.key: zone_display_name(z.name, z.name_ru, self.language)
                 for z in self.ctx.services.library.zones()}
        names = language_names()
        keep = self.selected_id()
        self._rules = self.ctx.services.suggestions.rules()
        self.table.setRowCount(len(self._rules))
        for row, r in enumerate(self._rules):
            for col, text in enumerate((r.phrase, names.get(r.language, r.language),
                                        r.touchpoint, zones.get(r.zone, r.zone))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
            if r.id == keep:
                self.table.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.model() else []
        if not rows or rows[0].row() >= len(self._rules):
            return None
        return self._rules[rows[0].row()].id

    def select_rule(self, rule_id: int) -> None:
        for row, r in enumerate(self._rules):
            if r.id == rule_id:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def add_rule(self) -> RuleDialog:
        return self._open(None)

    def edit_rule(self) -> RuleDialog | None:
        rid = self.selected_id()
        rule = next((r for r in self._rules if r.id == rid), None)
        return None if rule is None else self._open(rule)

    def _open(self, rule: RuleView | None) -> RuleDialog:
        dialog = RuleDialog(self.ctx, rule, self.language, self)

        def saved() -> None:
            self.refresh()
            if dialog.saved_id is not None:
                self.select_rule(dialog.saved_id)
                self._changed([dialog.saved_id])

        open_dialog(self, dialog, saved)
        return dialog

    def delete_rule(self) -> None:
        rid = self.selected_id()
        rule = next((r for r in self._rules if r.id == rid), None)
        if rule is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete keyword rule?"),
            self.tr("The rule “{0}” will no longer suggest highlights. Highlights accepted "
                    "from it stay.").format(rule.phrase))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.services.suggestions.delete_rule(rule.id)
        except CloserError as exc:
            QMessageBox.warning(self, self.tr("Could not delete"), str(exc))
            return
        self.refresh()
        self._changed([rule.id])
