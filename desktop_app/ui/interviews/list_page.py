"""The list page of the Interviews section: header, filters, import banner, table or grid."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.interviews import InterviewRow
from desktop_app.ui.interviews.delegates import CardDelegate, StatusDelegate, TitleDelegate
from desktop_app.ui.interviews.filters import InterviewFilterBar
from desktop_app.ui.interviews.model import ROW_ROLE, SORT_ROLE, InterviewsModel
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.tokens import qss
from desktop_app.ui.search.results_page import search_icon

TABLE_QSS = qss("""
QTableView#InterviewTable { border: 1px solid @LINE; border-radius: 10px; padding: 0 4px; }
QTableView#InterviewTable::item { border-bottom: 1px solid @SURFACE_ALT; padding: 0 8px; }
QTableView#InterviewTable::item:selected { background: @ACCENT_SOFT; color: @INK; }
QListView#InterviewGrid { background: transparent; border: none; }
QPushButton#ModeButton { padding: 5px 12px; border-radius: 0; }
QPushButton#ModeButton:checked { background: @ACCENT_SOFT; color: @ACCENT_HOVER;
    border-color: @ACCENT_LINE; }
QFrame#ImportBanner { background: @ACCENT_SOFT; border: 1px solid @ACCENT_LINE;
    border-radius: 8px; }
QFrame#ImportBanner[state="error"] { background: @DANGER_SOFT; border-color: @RED_200; }
QFrame#ImportBanner[state="ok"] { background: @EMERALD_50; border-color: @EMERALD_200; }
QPushButton#BannerLink { border: none; background: transparent; color: @ACCENT_HOVER;
    font-weight: bold; padding: 2px 6px; }
QPushButton#BannerLink:hover { text-decoration: underline; }
QLineEdit#TranscriptSearch { padding: 6px 10px; border-radius: 8px; }
""")


class ImportBanner(QFrame):
    """A one-line note about the last import batch, with Details and a dismiss button."""

    details_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportBanner")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 8, 8, 8)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.details = QPushButton(self.tr("Details"))
        self.details.setObjectName("BannerLink")
        self.details.setCursor(Qt.CursorShape.PointingHandCursor)
        self.details.clicked.connect(self.details_clicked)
        self.dismiss = QPushButton("✕")
        self.dismiss.setObjectName("BannerLink")
        self.dismiss.setToolTip(self.tr("Dismiss"))
        self.dismiss.clicked.connect(self.hide)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.details)
        lay.addWidget(self.dismiss)
        self.hide()

    def show_message(self, text: str, state: str, *, details: bool) -> None:
        self.text.setText(text)
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)
        self.details.setVisible(details)
        self.dismiss.setVisible(state != "busy")
        self.show()


class InterviewsListPage(QWidget):
    """Browse interviews; asks the view to open, import or delete through signals."""

    open_requested = Signal(int)
    import_requested = Signal()
    delete_requested = Signal(int)
    search_requested = Signal(str)  # search every transcript for what the user typed
    transcribe_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(TABLE_QSS)
        self.model = InterviewsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 26, 32, 24)
        lay.setSpacing(14)
        self.header = head = PageHeader(self.tr("Interviews"), gap=2, spacing=lay.spacing())
        self.subtitle = head.subtitle
        self.transcript_search = QLineEdit()
        self.transcript_search.setObjectName("TranscriptSearch")
        self.transcript_search.setPlaceholderText(self.tr("Search what customers said…"))
        self.transcript_search.setToolTip(self.tr("Search every transcript (Enter)"))
        self.transcript_search.setClearButtonEnabled(True)
        self.transcript_search.addAction(search_icon(), QLineEdit.ActionPosition.LeadingPosition)
        # wide enough for the placeholder in any language, beside the icon and the clear button
        room = self.transcript_search.fontMetrics().horizontalAdvance(
            self.transcript_search.placeholderText()) + 80
        self.transcript_search.setMinimumWidth(max(230, room))
        self.transcript_search.setMaximumWidth(max(320, room))
        self.transcript_search.returnPressed.connect(self._search)
        head.add_action(self.transcript_search, 1)
        head.add_spacing(12)
        self.list_button = QPushButton(self.tr("List"))
        self.grid_button = QPushButton(self.tr("Grid"))
        modes = QButtonGroup(self)
        for b in (self.list_button, self.grid_button):
            b.setObjectName("ModeButton")
            b.setCheckable(True)
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            modes.addButton(b)
        self.list_button.setStyleSheet("border-top-right-radius: 0; border-bottom-right-radius: 0;"
                                       "border-top-left-radius: 6px;"
                                       "border-bottom-left-radius: 6px;")
        self.grid_button.setStyleSheet("border-top-right-radius: 6px;"
                                       "border-bottom-right-radius: 6px; border-left: none;")
        self.list_button.setChecked(True)
        self.list_button.clicked.connect(lambda: self.set_mode("list"))
        self.grid_button.clicked.connect(lambda: self.set_mode("grid"))
        mode_box = QHBoxLayout()
        mode_box.setSpacing(0)
        mode_box.addWidget(self.list_button)
        mode_box.addWidget(self.grid_button)
        head.add_action(mode_box)
        head.add_spacing(12)
        self.transcribe_all_button = QPushButton()
        self.transcribe_all_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.transcribe_all_button.setToolTip(self.tr(
            "Queue every interview without a finished transcript; progress is shown in the "
            "sidebar"))
        self.transcribe_all_button.clicked.connect(self.transcribe_all_requested)
        self.transcribe_all_button.hide()
        head.add_action(self.transcribe_all_button)
        self.import_button = QPushButton(self.tr("Import recordings…"))
        self.import_button.setObjectName("PrimaryButton")
        self.import_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.import_button.clicked.connect(self.import_requested)
        head.add_action(self.import_button)
        lay.addWidget(head)

        self.filters = InterviewFilterBar()
        lay.addWidget(self.filters)
        self.banner = ImportBanner()
        lay.addWidget(self.banner)

        self.stack = QStackedWidget()
        self.table = self._make_table()
        self.grid = self._make_grid()
        self.empty = EmptyState(
            self.tr("No interviews yet"),
            self.tr("Import the recordings you already have: video calls, voice memos, "
                    "phone recordings. Drag files here or pick them from disk."),
            self.tr("Import recordings…"))
        self.empty.action_clicked.connect(self.import_requested)
        self.no_match = EmptyState(self.tr("No interviews match these filters"),
                                   self.tr("Try another customer, persona or date range."),
                                   self.tr("Clear filters"))
        self.no_match.action_clicked.connect(self.filters.clear)
        for w in (self.table, self.grid, self.empty, self.no_match):
            self.stack.addWidget(w)
        lay.addWidget(self.stack, 1)
        self._mode = "list"

    def _make_table(self) -> QTableView:
        t = QTableView()
        t.setObjectName("InterviewTable")
        t.setModel(self.proxy)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setSortingEnabled(True)
        t.sortByColumn(InterviewsModel.DATE, Qt.SortOrder.DescendingOrder)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(70)
        t.setIconSize(QSize(96, 54))
        t.setMouseTracking(True)
        t.setItemDelegateForColumn(InterviewsModel.TITLE, TitleDelegate(t))
        t.setItemDelegateForColumn(InterviewsModel.STATUS, StatusDelegate(t))
        h = t.horizontalHeader()
        h.setHighlightSections(False)
        h.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        h.setSectionResizeMode(InterviewsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((InterviewsModel.CUSTOMER, 170), (InterviewsModel.PERSONA, 185),
                           (InterviewsModel.DATE, 165), (InterviewsModel.DURATION, 80),
                           (InterviewsModel.STATUS, 150)):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            t.setColumnWidth(col, width)
        t.activated.connect(self._open_index)
        self._context_menu(t)
        return t

    def _make_grid(self) -> QListView:
        g = QListView()
        g.setObjectName("InterviewGrid")
        g.setModel(self.proxy)
        g.setModelColumn(InterviewsModel.TITLE)
        g.setViewMode(QListView.ViewMode.IconMode)
        g.setResizeMode(QListView.ResizeMode.Adjust)
        g.setMovement(QListView.Movement.Static)
        g.setUniformItemSizes(True)
        g.setSpacing(4)
        g.setMouseTracking(True)
        g.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        g.setItemDelegate(CardDelegate(g))
        g.activated.connect(self._open_index)
        self._context_menu(g)
        return g

    def _context_menu(self, view: QAbstractItemView) -> None:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._menu(v, pos))
        delete = QAction(self.tr("Delete interview…"), view)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda _c=False, v=view: self._delete_current(v))
        view.addAction(delete)

    def _menu(self, view: QAbstractItemView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        r = self._row(index)
        if r is None:
            return
        menu = QMenu(view)
        menu.addAction(self.tr("Open"), lambda: self.open_requested.emit(r.id))
        menu.addSeparator()
        menu.addAction(self.tr("Delete interview…"), lambda: self.delete_requested.emit(r.id))
        menu.exec(view.viewport().mapToGlobal(pos))

    # --- public -----------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self._mode = mode
        self.list_button.setChecked(mode == "list")
        self.grid_button.setChecked(mode == "grid")
        self._update_stack()

    def mode(self) -> str:
        return self._mode

    def set_rows(self, rows: list[InterviewRow], library_total: int) -> None:
        self.model.set_rows(rows)
        self._total = library_total
        n, c = len(rows), len({r.customer_id for r in rows})
        if library_total == 0:
            self.subtitle.setText(self.tr("Recordings of your customer conversations"))
        elif n == library_total:
            interviews = self.tr("%n interview(s)", "", n)
            customers = self.tr("%n customer(s)", "", c)
            self.subtitle.setText(self.tr("{0} with {1}").format(interviews, customers))
        else:
            self.subtitle.setText(self.tr("Showing {0} of %n interview(s)", "",
                                          library_total).format(n))
        self._update_stack()

    def set_untranscribed(self, count: int) -> None:
        """How many interviews wait for a transcript (0 hides "Transcribe all")."""
        self.transcribe_all_button.setText(
            self.tr("Transcribe %n untranscribed", "", count))
        self.transcribe_all_button.setVisible(count > 0)

    def _search(self) -> None:
        query = self.transcript_search.text().strip()
        if query:
            self.search_requested.emit(query)

    def visible_rows(self) -> list[InterviewRow]:
        """The rows in the order the user sees them."""
        return [self.proxy.index(i, 0).data(ROW_ROLE) for i in range(self.proxy.rowCount())]

    def select_interview(self, interview_id: int) -> None:
        row = self.model.row_of(interview_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        for view in (self.table, self.grid):
            view.setCurrentIndex(index)
            view.scrollTo(index)

    def _update_stack(self) -> None:
        if self.model.rowCount() == 0:
            total = getattr(self, "_total", 0)
            self.stack.setCurrentWidget(self.no_match if total else self.empty)
        else:
            self.stack.setCurrentWidget(self.grid if self._mode == "grid" else self.table)

    @staticmethod
    def _row(index: QModelIndex) -> InterviewRow | None:
        return index.data(ROW_ROLE) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        r = self._row(index)
        if r is not None:
            self.open_requested.emit(r.id)

    def _delete_current(self, view: QAbstractItemView) -> None:
        r = self._row(view.currentIndex())
        if r is not None:
            self.delete_requested.emit(r.id)
