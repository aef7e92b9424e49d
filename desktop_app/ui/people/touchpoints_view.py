"""Touchpoints: the customer journey (ordered stages) and the problem-zone taxonomy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.library import ProblemZone, Touchpoint
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.kit.i18n import resolve_language
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.tokens import BLUSH, PAGE_MARGINS
from desktop_app.ui.people.journey_strip import JourneyStrip, ReorderTable
from desktop_app.ui.people.reference_data import ReferenceDataMixin
from desktop_app.ui.people.rules_page import KeywordRulesPage
from desktop_app.ui.people.touchpoint_delete_dialog import ReassignDeleteDialog
from desktop_app.ui.people.touchpoint_dialog import TouchpointDialog, update_touchpoint_field
from desktop_app.ui.people.zone_dialog import ZoneDialog, update_zone_field

ID_ROLE = Qt.ItemDataRole.UserRole
TP_FIELDS = {1: "name", 2: "channel", 3: "department", 4: "description", 5: "shortcut"}
TABLE_CSS = "QTableView::item { padding: 0 8px; }"


def _table(table: QTableWidget, headers: list[str], widths: dict[int, int],
           stretch: int) -> QTableWidget:
    table.setHorizontalHeaderLabels(headers)
    table.setStyleSheet(TABLE_CSS)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                          | QAbstractItemView.EditTrigger.EditKeyPressed)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(40)
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for col, width in widths.items():
        table.setColumnWidth(col, width)
    return table


def _item(text: str, item_id: int | None, editable: bool = True,
          centre: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(ID_ROLE, item_id)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if centre:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _button(text: str, slot: Callable[[], object], name: str = "") -> QPushButton:
    b = QPushButton(text)
    if name:
        b.setObjectName(name)
    if name == "DangerButton":  # the app stylesheet keeps it red even when disabled
        b.setStyleSheet(f"QPushButton#DangerButton:disabled {{ color: {BLUSH}; }}")
    b.clicked.connect(slot)
    return b


class TouchpointsView(ReferenceDataMixin, SectionView):
    """Edit the journey (strip + reorderable table) and the problem zones."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.library = ctx.services.library
        self.language = resolve_language(ctx.services.settings.ui_language)
        self.active_dialog: QDialog | None = None
        self._touchpoints: list[Touchpoint] = []
        self._usage: dict[int, int] = {}
        self._zones: list[ProblemZone] = []
        self._filling = False
        root = QVBoxLayout(self)
        root.setContentsMargins(*PAGE_MARGINS)
        root.setSpacing(0)
        root.addWidget(PageHeader(self.tr("Touchpoints & problem zones"), self.tr(
            "The stages of your customer journey and the places where companies let customers "
            "down. Highlights are tagged with both.")))
        root.addSpacing(18)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_journey(), self.tr("Customer journey"))
        self.tabs.addTab(self._build_zones(), self.tr("Problem zones"))
        self.rules_page = KeywordRulesPage(ctx, self.language, lambda ids: self._changed(ids))
        self.tabs.addTab(self.rules_page, self.tr("Keyword rules"))
        root.addWidget(self.tabs, 1)
        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        root.addSpacing(6)
        root.addWidget(self.error_label)
        ctx.events.taxonomy_changed.connect(self._on_external_change)
        ctx.events.highlights_changed.connect(self._on_external_change)
        self.refresh()

    def _build_journey(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        self.strip = JourneyStrip()
        self.strip.stage_clicked.connect(self.select_touchpoint)
        scroll = QScrollArea()
        scroll.setWidget(self.strip)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFixedHeight(152)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                             "{ background: transparent; }")
        lay.addWidget(scroll)
        bar = QHBoxLayout()
        self.up_button = _button(self.tr("↑  Move earlier"), lambda: self.move_selected(-1))
        self.down_button = _button(self.tr("↓  Move later"), lambda: self.move_selected(1))
        hint = QLabel(self.tr("Double-click a cell to edit it; drag rows to reorder."))
        hint.setObjectName("Muted")
        self.edit_tp_button = _button(self.tr("Edit"), self.edit_touchpoint)
        self.delete_tp_button = _button(self.tr("Delete"), self.delete_touchpoint, "DangerButton")
        self.add_tp_button = _button(self.tr("Add touchpoint"), self.add_touchpoint,
                                     "PrimaryButton")
        for w in (self.up_button, self.down_button):
            bar.addWidget(w)
        bar.addSpacing(10)
        bar.addWidget(hint, 1)
        for w in (self.edit_tp_button, self.delete_tp_button, self.add_tp_button):
            bar.addWidget(w)
        lay.addLayout(bar)
        self.tp_table = _table(ReorderTable(0, 7), [
            "#", self.tr("Touchpoint"), self.tr("Channel"), self.tr("Owning department"),
            self.tr("Description"), self.tr("Key"), self.tr("Highlights")],
            {0: 44, 1: 160, 2: 200, 3: 170, 5: 60, 6: 96}, 4)
        self.tp_table.row_moved.connect(self._on_row_dropped)
        self.tp_table.itemChanged.connect(self._on_tp_edited)
        self.tp_table.itemSelectionChanged.connect(self._on_tp_selection)
        lay.addWidget(self.tp_table, 1)
        return page

    def _build_zones(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 16, 0, 0)
        lay.setSpacing(12)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("The ten zones of the method are preloaded. Rename them, add your "
                              "own, or give them other keys."))
        hint.setObjectName("Muted")
        self.edit_zone_button = _button(self.tr("Edit"), self.edit_zone)
        self.delete_zone_button = _button(self.tr("Delete"), self.delete_zone, "DangerButton")
        self.add_zone_button = _button(self.tr("Add zone"), self.add_zone, "PrimaryButton")
        bar.addWidget(hint, 1)
        for w in (self.edit_zone_button, self.delete_zone_button, self.add_zone_button):
            bar.addWidget(w)
        lay.addLayout(bar)
        # The name in the UI language comes first; both stay editable.
        english, russian = self.tr("Name (English)"), self.tr("Name (Russian)")
        self.zone_fields = {0: "name", 1: "name_ru", 2: "description", 3: "shortcut"}
        names = [english, russian]
        if self.language == "ru":
            self.zone_fields.update({0: "name_ru", 1: "name"})
            names.reverse()
        self.zone_table = _table(QTableWidget(0, 5), [
            *names, self.tr("What it sounds like"), self.tr("Key"), self.tr("Highlights")],
            {0: 210, 1: 210, 3: 60, 4: 96}, 2)
        self.zone_table.itemChanged.connect(self._on_zone_edited)
        self.zone_table.itemSelectionChanged.connect(self._update_buttons)
        lay.addWidget(self.zone_table, 1)
        return page

    # --- data --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the journey, the zones and the keyword rules from the library."""
        self.rules_page.refresh()
        self._touchpoints = self.library.touchpoints()
        self._zones = self.library.zones()
        self._filling = True
        try:
            self._fill_touchpoints()
            self._fill_zones()
        finally:
            self._filling = False
        self._update_buttons()

    def _fill_touchpoints(self) -> None:
        selected = self.selected_touchpoint_id()
        self.tp_table.setRowCount(len(self._touchpoints))
        self._usage = {t.id: self.library.touchpoint_usage(t.id) for t in self._touchpoints
                       if t.id is not None}
        for r, t in enumerate(self._touchpoints):
            used = self._usage.get(t.id or 0, 0)
            cells = [_item(str(r + 1), t.id, False, True), _item(t.name, t.id),
                     _item(t.channel, t.id), _item(t.department, t.id),
                     _item(t.description, t.id), _item(t.shortcut, t.id, centre=True),
                     _item(str(used), t.id, False, True)]
            for c, cell in enumerate(cells):
                cell.setToolTip(cell.text() if c in (2, 4) else "")
                self.tp_table.setItem(r, c, cell)
            if t.id == selected:
                self.tp_table.selectRow(r)
        self.strip.set_stages(self._touchpoints, selected, self._usage)

    def _fill_zones(self) -> None:
        selected = self.selected_zone_id()
        self.zone_table.setRowCount(len(self._zones))
        for r, z in enumerate(self._zones):
            used = self.library.zone_usage(z.id) if z.id is not None else 0
            first, second = (z.name_ru, z.name) if self.language == "ru" else (z.name, z.name_ru)
            cells = [_item(first, z.id), _item(second, z.id), _item(z.description, z.id),
                     _item(z.shortcut, z.id, centre=True), _item(str(used), z.id, False, True)]
            for c, cell in enumerate(cells):
                cell.setToolTip(z.description)
                self.zone_table.setItem(r, c, cell)
            if z.id == selected:
                self.zone_table.selectRow(r)

    @staticmethod
    def _selected(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        value = rows[0].data(ID_ROLE) if rows else None
        return int(value) if value is not None else None

    def selected_touchpoint_id(self) -> int | None:
        return self._selected(self.tp_table)

    def selected_zone_id(self) -> int | None:
        return self._selected(self.zone_table)

    def select_touchpoint(self, touchpoint_id: int | None) -> None:
        ids = [t.id for t in self._touchpoints]
        if touchpoint_id in ids:
            self.tp_table.selectRow(ids.index(touchpoint_id))

    def _on_tp_selection(self) -> None:
        if not self._filling:
            self.strip.set_stages(self._touchpoints, self.selected_touchpoint_id(), self._usage)
        self._update_buttons()

    def _update_buttons(self) -> None:
        tp = self.selected_touchpoint_id()
        row = self.tp_table.currentRow() if tp is not None else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < len(self._touchpoints) - 1)
        self.edit_tp_button.setEnabled(tp is not None)
        self.delete_tp_button.setEnabled(tp is not None)
        zone = self.selected_zone_id()
        self.edit_zone_button.setEnabled(zone is not None)
        self.delete_zone_button.setEnabled(zone is not None)

    # --- journey actions ---------------------------------------------------------------------

    def move_selected(self, step: int) -> None:
        row = self.tp_table.currentRow()
        if row >= 0:
            self._move(row, row + step)

    def _on_row_dropped(self, src: int, dst: int) -> None:
        self._move(src, dst)

    def _move(self, src: int, dst: int) -> None:
        if not (0 <= src < len(self._touchpoints)) or not (0 <= dst < len(self._touchpoints)):
            return
        tp_id = self._touchpoints[src].id
        assert tp_id is not None
        self._run(lambda: self.library.move_touchpoint(tp_id, dst))
        self.select_touchpoint(tp_id)

    def _on_tp_edited(self, item: QTableWidgetItem) -> None:
        field = TP_FIELDS.get(item.column())
        if not self._filling and field is not None and item.data(ID_ROLE) is not None:
            tp_id, value = int(item.data(ID_ROLE)), item.text()
            # Deferred: not while the cell editor is still closing.
            QTimer.singleShot(0, lambda: self._run(lambda: update_touchpoint_field(
                self.library, tp_id, field, value, language=self.language)))

    def add_touchpoint(self) -> None:
        self._open(TouchpointDialog(self.library, language=self.language, parent=self), 0)

    def edit_touchpoint(self) -> None:
        tp = next((t for t in self._touchpoints if t.id == self.selected_touchpoint_id()), None)
        if tp is not None:
            self._open(TouchpointDialog(self.library, tp, language=self.language, parent=self), 0)

    def delete_touchpoint(self) -> None:
        tp = next((t for t in self._touchpoints if t.id == self.selected_touchpoint_id()), None)
        if tp is None or tp.id is None:
            return
        tp_id = tp.id
        dialog = ReassignDeleteDialog(
            self.tr("Delete the touchpoint “{0}”?").format(tp.name),
            self.tr("It is removed from the journey; the stages after it move up."),
            self.library.touchpoint_usage(tp_id),
            [(t.id, t.name) for t in self._touchpoints if t.id not in (tp_id, None)],
            lambda to: self.library.delete_touchpoint(tp_id, reassign_to=to), parent=self)
        self._open(dialog, 0)

    # --- zone actions ------------------------------------------------------------------------

    def _zone_name(self, z: ProblemZone) -> str:
        return zone_display_name(z.name, z.name_ru, self.language)

    def _on_zone_edited(self, item: QTableWidgetItem) -> None:
        field = self.zone_fields.get(item.column())
        if not self._filling and field is not None and item.data(ID_ROLE) is not None:
            zone_id, value = int(item.data(ID_ROLE)), item.text()
            QTimer.singleShot(0, lambda: self._run(lambda: update_zone_field(
                self.library, zone_id, field, value, language=self.language)))

    def add_zone(self) -> None:
        self._open(ZoneDialog(self.library, language=self.language, parent=self), 1)

    def edit_zone(self) -> None:
        zone = next((z for z in self._zones if z.id == self.selected_zone_id()), None)
        if zone is not None:
            self._open(ZoneDialog(self.library, zone, language=self.language, parent=self), 1)

    def delete_zone(self) -> None:
        zone = next((z for z in self._zones if z.id == self.selected_zone_id()), None)
        if zone is None or zone.id is None:
            return
        zone_id = zone.id
        dialog = ReassignDeleteDialog(
            self.tr("Delete the problem zone “{0}”?").format(self._zone_name(zone)),
            self.tr("It will no longer be offered when tagging highlights."),
            self.library.zone_usage(zone_id),
            [(z.id, self._zone_name(z)) for z in self._zones if z.id not in (zone_id, None)],
            lambda to: self.library.delete_zone(zone_id, reassign_to=to), parent=self)
        self._open(dialog, 1)

    # --- plumbing ----------------------------------------------------------------------------

    def _open(self, dialog: QDialog, tab: int) -> None:
        """Show a dialog without blocking; on success refresh, select and announce."""

        def saved() -> None:
            saved_id = getattr(dialog, "saved_id", None)
            self._changed([saved_id] if saved_id is not None else [])
            self.tabs.setCurrentIndex(tab)
            table, rows = ((self.tp_table, self._touchpoints) if tab == 0
                           else (self.zone_table, self._zones))
            ids = [r.id for r in rows]
            saved_id = getattr(dialog, "saved_id", None)
            if saved_id in ids:
                table.selectRow(ids.index(saved_id))

        open_dialog(self, dialog, saved)

    def _run(self, change: Callable[[], object]) -> bool:
        """Apply a change; errors are shown under the tables and the view is reloaded."""
        try:
            change()
        except CloserError as exc:
            self.refresh()
            self._show_error(str(exc))
            return False
        self._changed()
        return True

    def _change_signal(self) -> Any:
        return self.ctx.events.taxonomy_changed
