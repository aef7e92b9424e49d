"""The Highlights tab: every highlight in a sortable table, filters, delete with undo, files.

Files: highlights as CSV (for Excel), the taxonomy (touchpoints, zones, keyword rules) as JSON
out and in. A taxonomy file with any problem is refused whole and the reason is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.highlights import HighlightFilter, HighlightView
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.taxonomy_io import (
    export_taxonomy,
    import_taxonomy,
    write_highlights_csv,
)
from desktop_app.ui.insights.highlight_edit_dialog import HighlightEditDialog
from desktop_app.ui.insights.highlights_model import (
    AT,
    CUSTOMER,
    DATE,
    EMOTION,
    ID_ROLE,
    PERSONA,
    QUOTE,
    SEVERITY,
    TOUCHPOINTS,
    ZONES,
    HighlightsModel,
    HighlightsProxy,
    QuoteDelegate,
    SeverityDelegate,
)
from desktop_app.ui.insights.tag_history import tag_edit_text
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.kit.filter_bar import fill_combo
from desktop_app.ui.kit.tokens import CARD, LINE_STRONG, SURFACE_ALT, qss

# (parent, save?, caption, suggested file name, name filter) -> chosen path or None
PathAsker = Callable[[QWidget, bool, str, str, str], Path | None]
_CSS = qss("""
QLabel#InfoBar { background: @ACCENT_SOFT; color: @INDIGO_800; border-radius: 6px;
    padding: 7px 10px; }
QLabel#ErrorBar { background: @DANGER_SOFT; color: @DANGER_DARK; border: 1px solid @RED_200;
                  border-radius: 6px; padding: 7px 10px; }
QTableView::item { padding: 0 6px; }
""")


def ask_path(parent: QWidget, save: bool, caption: str, suggested: str,
             name_filter: str) -> Path | None:
    """The platform's file dialog; None when cancelled."""
    if save:
        chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested),
                                                name_filter)
    else:
        chosen, _ = QFileDialog.getOpenFileName(parent, caption, str(Path.home()), name_filter)
    return Path(chosen) if chosen else None


class HighlightsTable(QWidget):
    """All highlights with touchpoint / zone / persona filters; double-click plays one."""

    play_requested = Signal(int, float)  # interview id, seconds

    def __init__(self, ctx: UiContext, loader: BackgroundLoader, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loader = loader
        self.language = language
        self.ask_path: PathAsker = ask_path
        self.loaded = False
        self.setStyleSheet(_CSS)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addLayout(self._filters_row())
        self.info = QLabel()
        self.info.setObjectName("InfoBar")
        self.info.setWordWrap(True)
        self.info.hide()
        self.error = QLabel()
        self.error.setObjectName("ErrorBar")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        lay.addWidget(self.info)
        lay.addWidget(self.error)
        self.model = HighlightsModel(language, self)
        self.proxy = HighlightsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        lay.addWidget(self.table, 1)
        lay.addLayout(self._bottom_row())
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.undo_action.triggered.connect(self.undo)
        self.addAction(self.undo_action)
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcuts([QKeySequence.StandardKey.Delete,
                                         QKeySequence(Qt.Key.Key_Backspace)])
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.table.addAction(self.delete_action)
        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter), QKeySequence("F2")])
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_action.triggered.connect(self.edit_selected)
        self.table.addAction(self.edit_action)
        self.edit_dialog: HighlightEditDialog | None = None
        self.active_dialog: QDialog | None = None  # the one open dialog (see open_dialog)
        self._update_buttons()

    # --- building ----------------------------------------------------------------------------

    def _filters_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        self.touchpoint_box = QComboBox()
        self.zone_box = QComboBox()
        self.persona_box = QComboBox()
        for box, width in ((self.touchpoint_box, 170), (self.zone_box, 200),
                           (self.persona_box, 170)):
            box.setMinimumWidth(width)
            box.currentIndexChanged.connect(self.reload)
            row.addWidget(box)
        self.count_label = QLabel()
        self.count_label.setObjectName("Muted")
        row.addSpacing(8)
        row.addWidget(self.count_label)
        row.addStretch(1)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(self.export_csv)
        self.taxonomy_button = QToolButton()
        self.taxonomy_button.setText(self.tr("Taxonomy JSON"))
        self.taxonomy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.taxonomy_button.setStyleSheet(
            f"QToolButton {{ background: {CARD}; border: 1px solid {LINE_STRONG};"
            f" border-radius: 6px; padding: 6px 14px; }}"
            f" QToolButton:hover {{ background: {SURFACE_ALT}; }}"
            " QToolButton::menu-indicator { image: none; }")
        menu = QMenu(self.taxonomy_button)
        self.export_taxonomy_action = menu.addAction(self.tr("Export taxonomy JSON…"))
        self.export_taxonomy_action.triggered.connect(self.export_taxonomy)
        self.import_taxonomy_action = menu.addAction(self.tr("Import taxonomy JSON…"))
        self.import_taxonomy_action.triggered.connect(self.import_taxonomy)
        self.taxonomy_button.setMenu(menu)
        self.taxonomy_button.setText(self.tr("Taxonomy JSON  ▾"))
        self.taxonomy_button.setToolTip(self.tr("Share touchpoints, problem zones and keyword "
                                                "rules with another library"))
        row.addWidget(self.csv_button)
        row.addWidget(self.taxonomy_button)
        return row

    def _make_table(self) -> QTableView:
        t = QTableView()
        t.setModel(self.proxy)
        t.setSortingEnabled(True)
        t.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(50)
        t.setItemDelegateForColumn(QUOTE, QuoteDelegate(t))
        t.setItemDelegateForColumn(SEVERITY, SeverityDelegate(t))
        header = t.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for col, width in {DATE: 108, CUSTOMER: 116, TOUCHPOINTS: 104, ZONES: 150, PERSONA: 110,
                           SEVERITY: 76, EMOTION: 90, AT: 50}.items():
            t.setColumnWidth(col, max(width, self._heading_width(col)))
        t.doubleClicked.connect(self._on_double_click)
        t.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        return t

    def _heading_width(self, col: int) -> int:
        """Room for a column's heading (bold in the stylesheet, 8 px padding, sort arrow)."""
        bold = QFont(self.font())
        bold.setBold(True)
        text = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
        return QFontMetrics(bold).horizontalAdvance(text) + 16 + 14

    def _fit_tag_columns(self) -> None:
        """The touchpoint and zone columns as wide as their longest names (up to a limit); the
        quote column keeps the rest, so tags are not cut while the quote has room to spare."""
        fm = self.table.fontMetrics()
        for col, most in ((TOUCHPOINTS, 220), (ZONES, 280)):
            texts = [str(self.model.index(r, col).data() or "")
                     for r in range(min(self.model.rowCount(), 500))]
            need = max([fm.horizontalAdvance(t) + 20 for t in texts] + [0])
            self.table.setColumnWidth(col, max(self._heading_width(col), min(most, need)))

    def _bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.edit_button = QPushButton(self.tr("Edit tags…"))
        self.edit_button.setToolTip(self.tr("Change tags, severity, emotion or the note of the "
                                            "selected rows (Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        hint = QLabel(self.tr("Double-click a row to play it · Enter edits · Delete removes · "
                              "Ctrl+Z undoes"))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        return row

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # the quote matters most: on a narrow window the persona and emotion columns give way
        width = self.width()
        self.table.setColumnHidden(PERSONA, width < 1150)
        self.table.setColumnHidden(EMOTION, width < 900)

    # --- data --------------------------------------------------------------------------------

    def set_choices(self) -> None:
        """Reload the filter choices from the library (keeps the current choices)."""
        lib = self.ctx.services.library
        tps = [(t.name, t.id) for t in lib.touchpoints()]
        zones = [(zone_display_name(z.name, z.name_ru, self.language), z.id)
                 for z in lib.zones()]
        personas = [(p.name, p.id) for p in lib.personas()]
        self._zone_names = {z.key: zone_display_name(z.name, z.name_ru, self.language)
                            for z in lib.zones()}
        for box, everyone, items in ((self.touchpoint_box, self.tr("All touchpoints"), tps),
                                     (self.zone_box, self.tr("All problem zones"), zones),
                                     (self.persona_box, self.tr("All personas"), personas)):
            fill_combo(box, everyone, items)

    def highlight_filter(self) -> HighlightFilter:
        return HighlightFilter(touchpoint_id=self.touchpoint_box.currentData(),
                               zone_id=self.zone_box.currentData(),
                               persona_id=self.persona_box.currentData())

    def reload(self) -> None:
        """Load the filtered list in the background."""
        if not hasattr(self, "_zone_names"):
            self.set_choices()
        flt = self.highlight_filter()
        tagging = self.ctx.services.tagging
        self.count_label.setText(self.tr("Loading…") if not self.loaded
                                 else self.count_label.text())
        self.loader.submit("highlights", lambda: tagging.list(flt), self._on_rows,
                           self._show_error)

    def _on_rows(self, rows: list[HighlightView]) -> None:
        selected = set(self.selected_ids())
        self.model.set_rows(rows, self._zone_names)
        self._fit_tag_columns()
        self.loaded = True
        self.count_label.setText(self._count(len(rows)))
        if selected:
            sel = self.table.selectionModel()
            for r in range(self.proxy.rowCount()):
                index = self.proxy.index(r, 0)
                if self.proxy.data(index, ID_ROLE) in selected:
                    sel.select(index, sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
        self._update_buttons()

    def row_of(self, highlight_id: int) -> int:
        """The table row (as sorted now) of a highlight, or -1."""
        for r in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(r, 0), ID_ROLE) \
                    == highlight_id:
                return r
        return -1

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_view(self.proxy.mapToSource(self.proxy.index(r, 0)).row()).id
                for r in sorted(rows)]

    # --- actions -----------------------------------------------------------------------------

    def _on_double_click(self, index: QModelIndex) -> None:
        v = self.model.row_view(self.proxy.mapToSource(index).row())
        self.play_requested.emit(v.interview_id, float(v.start))

    def edit_selected(self) -> HighlightEditDialog | None:
        """Open the editor for the selected rows (several at once: one change for all)."""
        ids = self.selected_ids()
        if not ids:
            return None
        by_id = {v.id: v for v in self.model.rows()}
        views = [by_id[i] for i in ids if i in by_id]
        lib = self.ctx.services.library
        tps = [(int(t.id), t.name) for t in lib.touchpoints()]  # type: ignore[arg-type]
        zones = [(int(z.id), zone_display_name(z.name, z.name_ru, self.language))  # type: ignore[arg-type]
                 for z in lib.zones()]
        dialog = HighlightEditDialog(self.ctx.services.tagging, views, tps, zones, self)
        self.edit_dialog = dialog

        def saved() -> None:
            self._show_info(self.tr("Changed %n highlight(s).", "", len(dialog.saved_ids)))
            self.reload()
            self._update_buttons()
            self.ctx.events.highlights_changed.emit(list(dialog.saved_ids))

        open_dialog(self, dialog, saved)
        return dialog

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.ctx.services.tagging.delete(*ids)
        except CloserError as exc:
            self._show_error(str(exc))
            return
        self.model.remove_ids(ids)
        self._show_info(self.tr("Deleted %n highlight(s).", "", len(ids)) + " "
                        + self.tr("Press Ctrl+Z (or Undo) to bring it back."))
        self.count_label.setText(self._count(self.model.rowCount()))
        self._update_buttons()
        self.ctx.events.highlights_changed.emit(list(ids))

    def undo(self) -> None:
        tagging = self.ctx.services.tagging
        kind, n = tagging.undo_kind
        try:
            label = tagging.undo()
        except CloserError as exc:
            self._show_error(str(exc))
            self._update_buttons()
            return
        if label is None:
            self._show_info(self.tr("Nothing to undo."))
            return
        self._show_info(self.tr("Undone: {0}.").format(tag_edit_text(kind, n, label)))
        self._update_buttons()
        self.ctx.events.highlights_changed.emit(tagging.last_changed_ids)

    def export_csv(self) -> None:
        path = self.ask_path(self, True, self.tr("Export highlights as CSV"), "highlights.csv",
                             self.tr("CSV files (*.csv)"))
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_suffix(".csv")
        rows = [self.model.row_view(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]
        try:
            n = write_highlights_csv(rows, path)
        except OSError as exc:
            self._show_error(self.tr("Could not write {0}: {1}").format(path, exc.strerror))
            return
        self.ctx.services.audit.record_interviews(  # what left the library, and where
            "highlights_csv", [h.interview_id for h in rows], subject=f"{n} highlights",
            path=str(path.resolve()))
        self._show_info(self.tr("Exported %n highlight(s) to {0}.", "", n).format(path))

    def export_taxonomy(self) -> None:
        path = self.ask_path(self, True, self.tr("Export taxonomy"), "closer-taxonomy.json",
                             self.tr("JSON files (*.json)"))
        if path is None:
            return
        if path.suffix.lower() != ".json":
            path = path.with_suffix(".json")
        try:
            counts = export_taxonomy(self.ctx.services.engine, path)
        except OSError as exc:
            self._show_error(self.tr("Could not write {0}: {1}").format(path, exc.strerror))
            return
        self.ctx.services.audit.record("taxonomy_export", subject="touchpoints, zones and rules",
                                       path=str(path.resolve()))
        self._show_info(self.tr("Exported {0} touchpoints, {1} problem zones and {2} keyword "
                                "rules to {3}.").format(counts["touchpoints"], counts["zones"],
                                                        counts["rules"], path))

    def import_taxonomy(self) -> None:
        path = self.ask_path(self, False, self.tr("Import taxonomy"), "",
                             self.tr("JSON files (*.json)"))
        if path is None:
            return
        try:
            r = import_taxonomy(self.ctx.services.engine, path)
        except CloserError as exc:
            self._show_error(self.tr("Nothing was imported. {0}").format(exc))
            return
        self._show_info(self.tr("Imported {0}: touchpoints {1} added, {2} updated; problem zones "
                                "{3} added, {4} updated; keyword rules {5} added, {6} already "
                                "there.").format(path.name, r.touchpoints_added,
                                                 r.touchpoints_updated, r.zones_added,
                                                 r.zones_updated, r.rules_added,
                                                 r.rules_skipped))
        self.ctx.events.taxonomy_changed.emit([])  # a whole taxonomy: everything may change

    def _count(self, n: int) -> str:
        return self.tr("%n highlight(s)", "", n)

    # --- feedback ----------------------------------------------------------------------------

    def _show_info(self, text: str) -> None:
        self.error.hide()
        self.info.setText(text)
        self.info.show()

    def _show_error(self, text: str) -> None:
        self.info.hide()
        self.error.setText(text)
        self.error.show()

    def _update_buttons(self) -> None:
        has_sel = bool(self.table.selectionModel().selectedRows())
        self.delete_button.setEnabled(has_sel)
        self.edit_button.setEnabled(has_sel)
        tagging = self.ctx.services.tagging
        self.undo_button.setEnabled(tagging.can_undo)
        self.undo_button.setText(self.tr("Undo: {0}").format(
            tag_edit_text(*tagging.undo_kind, tagging.undo_label).lower())
                                 if tagging.can_undo else self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Ctrl+Z"))

