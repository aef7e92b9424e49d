"""Insights: where we hurt customers (heatmap), the journey map, trends and every highlight.

Queries run on worker threads (BackgroundLoader); a tab hidden when the library changes is
reloaded when it is shown again. A freshly tagged highlight is counted into the heatmap on
screen at once (`add_to_heatmap`), then a full query confirms the numbers in the background.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMetaMethod, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.highlights import Heatmap, HighlightView, InsightFilter
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.container import Services
from desktop_app.ui.insights.filters import InsightFilterBar
from desktop_app.ui.insights.heatmap_tab import HeatmapTab, add_to_heatmap
from desktop_app.ui.insights.highlights_table import HighlightsTable
from desktop_app.ui.insights.journey_tab import JourneyTab
from desktop_app.ui.insights.trends_chart import TrendsChart
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.i18n import resolve_language
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.palette import Segmented
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.tokens import PAGE_MARGINS

HEATMAP, JOURNEY, TRENDS, HIGHLIGHTS = range(4)
TABS = ("heatmap", "journey", "trends", "highlights")
CONFIRM_MS = 250  # the full heatmap query waits this long after a change (coalesces bursts)


def interviewer_names(services: Services) -> list[str]:
    """Distinct interviewer names of the library's interviews, sorted."""
    return services.interviews.interviewers()


class InsightsView(SectionView):
    """The Insights section; `make_reel_requested(ids)` asks the Reels section for a reel."""

    make_reel_requested = Signal(list)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.services = ctx.services
        self.language = resolve_language(ctx.services.settings.ui_language)
        self.loader = BackgroundLoader(self)
        self.incremental_updates = True
        self._dirty: set[str] = set(TABS)
        self._heatmap: Heatmap | None = None
        self._heatmap_filter: InsightFilter | None = None
        self._unique = 0
        self._unique_by_map: dict[int, tuple[Heatmap, int]] = {}  # distinct ids per result
        self._max_seen_id = 0
        self._zone_labels: dict[int, str] = {}
        self._own_taxonomy_change = False
        self._confirm = QTimer(self)
        self._confirm.setSingleShot(True)
        self._confirm.setInterval(CONFIRM_MS)
        self._confirm.timeout.connect(self._load_heatmap)
        self._build()
        ev = ctx.events
        ev.highlights_changed.connect(self._on_highlights_changed)
        ev.taxonomy_changed.connect(self._on_taxonomy_changed)
        ev.interviews_changed.connect(self._on_library_changed)
        ev.customers_changed.connect(self._on_library_changed)

    # --- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(*PAGE_MARGINS)
        root.setSpacing(0)
        root.addWidget(PageHeader(self.tr("Insights"), self.tr(
            "Where exactly we hurt our customers, and who says so on camera.")))
        root.addSpacing(14)
        self.stack = QStackedWidget()
        self.empty = EmptyState(
            self.tr("No pain points tagged yet"),
            self.tr("Open an interview, select the words where the customer struggles and "
                    "press a touchpoint key (Q–U) and a problem-zone key (1–0). Every tag "
                    "lands here: on the heatmap, the journey map and the trends."),
            self.tr("Go to Interviews"))
        self.empty.action_clicked.connect(self._go_to_interviews)
        # a tab bar over pages (not a QTabWidget) so the filters sit under the tabs, and the
        # tabs never move when a page hides the filters
        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(0)
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setDrawBase(True)
        self.tabs.setExpanding(False)
        for name in (self.tr("Heatmap"), self.tr("Journey map"), self.tr("Trends"),
                     self.tr("Highlights")):
            self.tabs.addTab(name)
        self.filters = InsightFilterBar()
        self.filters.changed.connect(self._on_filters_changed)
        self.heatmap_tab = HeatmapTab(self.services.tagging.list_by_ids, self.loader,
                                      self.language)
        self.heatmap_tab.play_requested.connect(self.play)
        self.heatmap_tab.reel_requested.connect(self.request_reel)
        self.journey_tab = JourneyTab(self.ctx, self.loader, self.language)
        self.journey_tab.value_saved.connect(self._on_value_saved)
        self.highlights_tab = HighlightsTable(self.ctx, self.loader, self.language)
        self.highlights_tab.play_requested.connect(self.play)
        self.pages = QStackedWidget()
        for page in (self.heatmap_tab, self.journey_tab, self._build_trends(),
                     self.highlights_tab):
            self.pages.addWidget(page)
        self.tabs.currentChanged.connect(self._on_tab)
        content.addWidget(self.tabs)
        content.addSpacing(14)
        content.addWidget(self.filters)
        content.addWidget(self.pages, 1)
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.empty)
        root.addWidget(self.stack, 1)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        root.addWidget(self.error)
        self.grid = self.heatmap_tab.grid
        self.panel = self.heatmap_tab.panel

    def _build_trends(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 14, 0, 0)
        lay.setSpacing(10)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel(self.tr("Pains per touchpoint, month by month"))
        title.setObjectName("SectionTitle")
        hint = QLabel(self.tr("Highlights tagged with each touchpoint, by the month of the "
                              "interview. Click a name in the legend to hide or show it."))
        hint.setObjectName("Muted")
        titles.addWidget(title)
        titles.addWidget(hint)
        head.addLayout(titles, 1)
        self.trends_mode = Segmented([("lines", self.tr("Lines")),
                                      ("stacked", self.tr("Stacked bars"))], "lines")
        head.addWidget(self.trends_mode)
        lay.addLayout(head)
        card = QFrame()
        card.setObjectName("Card")
        card_lay = QVBoxLayout(card)
        card_lay.setContentsMargins(16, 14, 16, 12)
        self.trends_chart = TrendsChart()
        self.trends_mode.changed.connect(self.trends_chart.set_mode)
        card_lay.addWidget(self.trends_chart)
        lay.addWidget(card, 1)
        return page

    # --- public ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the filter choices and reload the visible tab (others when shown)."""
        self._reload_choices()
        self._dirty = set(TABS)
        self._load_visible()

    def shutdown(self) -> None:
        """Wait for queries still running (the window is closing)."""
        self._confirm.stop()
        self.loader.shutdown()

    def play(self, interview_id: int, seconds: float) -> None:
        self.ctx.events.play_interview_at.emit(interview_id, seconds)

    def request_reel(self, ids: Sequence[int]) -> None:
        signal = QMetaMethod.fromSignal(self.make_reel_requested)
        if self.isSignalConnected(signal):
            self.panel.show_notice("")
            self.make_reel_requested.emit(list(ids))
            return
        self.panel.show_notice(self.tr("Reels are not available yet in this version. These "
                                       "highlights stay tagged, so a reel can be made from "
                                       "them as soon as Reels arrive."))

    def busy(self) -> bool:
        """Whether a query is running or a confirming heatmap query is still due."""
        return self.loader.busy() or self._confirm.isActive()

    def shown_filter(self) -> InsightFilter | None:
        """The filter of the heatmap on screen (None before the first one arrived)."""
        return self._heatmap_filter

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(key))

    # --- loading -----------------------------------------------------------------------------

    def _reload_choices(self) -> None:
        lib = self.services.library
        zones = lib.zones()
        self._zone_labels = {int(z.id): zone_display_name(z.name, z.name_ru, self.language)
                             for z in zones if z.id is not None}
        self.filters.set_choices([(int(p.id), p.name) for p in lib.personas() if p.id],
                                 [(int(c.id), c.name) for c in lib.customers() if c.id],
                                 interviewer_names(self.services))
        self.highlights_tab.set_choices()

    def _load_visible(self) -> None:
        if not self.isVisible():
            return
        tab = self.current_tab()
        # the heatmap also decides the empty state, so it is always kept current
        if "heatmap" in self._dirty:
            self._load_heatmap()
        if tab != "heatmap" and tab in self._dirty:
            self._load_tab(tab)

    def _load_tab(self, tab: str) -> None:
        self._dirty.discard(tab)
        flt = self.filters.insight_filter()
        if tab == "heatmap":
            self._load_heatmap()
        elif tab == "journey":
            self.journey_tab.load(flt)
        elif tab == "trends":
            ins, lib = self.services.insights, self.services.library
            self.loader.submit("trends", lambda: (ins.trends(flt),
                                                  [t.name for t in lib.touchpoints()]),
                               self._on_trends, self._show_error)
        else:
            self.highlights_tab.reload()

    def _load_heatmap(self) -> None:
        self._dirty.discard("heatmap")
        self._confirm.stop()
        flt = self.filters.insight_filter()
        ins = self.services.insights
        self.grid.set_busy(self._heatmap is not None)

        def query() -> tuple[Heatmap, int, bool]:
            hm = ins.heatmap(flt)  # the same object while the data stays the same
            known = self._unique_by_map.get(id(hm))
            unique = known[1] if known and known[0] is hm else \
                len({i for c in hm.cells for i in c.highlight_ids})
            if len(self._unique_by_map) > 32:
                self._unique_by_map.clear()
            self._unique_by_map[id(hm)] = (hm, unique)
            # with no filter and no tagged cell, is the library empty or just untagged?
            anything = bool(unique) or flt != InsightFilter() or \
                bool(self.services.tagging.list())
            return hm, unique, anything

        self.loader.submit("heatmap", query, lambda r: self._on_heatmap(flt, *r),
                           self._show_error)

    def _on_heatmap(self, flt: InsightFilter, hm: Heatmap, unique: int, anything: bool) -> None:
        self._heatmap, self._heatmap_filter, self._unique = hm, flt, unique
        top = max((max(c.highlight_ids, default=0) for c in hm.cells), default=0)
        self._max_seen_id = top if flt == InsightFilter() else max(self._max_seen_id, top)
        self.error.hide()
        self.stack.setCurrentWidget(self.content if anything else self.empty)
        self.filters.setVisible(self.current_tab() != "highlights")
        self.heatmap_tab.set_heatmap(hm, self._zone_labels, unique, flt != InsightFilter())

    def _on_trends(self, result: tuple[list, list[str]]) -> None:
        points, touchpoints = result
        self.trends_chart.set_points(points, touchpoints, self.language)

    def _apply_new_highlights(self, ids: list[int]) -> bool:
        """Count newly made highlights (the event's ids) into the matrix on screen; anything
        else (an edit, a delete, an undo) needs the full query."""
        hm, flt = self._heatmap, self._heatmap_filter
        if hm is None or flt is None or flt != self.filters.insight_filter():
            return False
        if not ids or min(ids) <= self._max_seen_id:
            return False
        found: list[HighlightView] = self.services.tagging.list_by_ids(ids)
        if len(found) != len(set(ids)):
            return False
        self._max_seen_id = max(v.id for v in found)
        result = add_to_heatmap(hm, found, flt)
        if result is None:
            return False
        self._heatmap, added = result
        self._unique += added
        self.heatmap_tab.set_heatmap(self._heatmap, None, self._unique,
                                     flt != InsightFilter())
        self.stack.setCurrentWidget(self.content)
        self.filters.setVisible(self.current_tab() != "highlights")
        return True

    # --- events ------------------------------------------------------------------------------

    def _on_highlights_changed(self, ids: list[int]) -> None:
        self._dirty = set(TABS)
        if not self.isVisible():
            return
        if self.incremental_updates and self.current_tab() == "heatmap" \
                and self._apply_new_highlights([int(i) for i in ids]):
            self._dirty.discard("heatmap")
            self.grid.set_busy(True)
            self._confirm.start()  # the full query confirms the numbers a moment later
        self._load_visible()

    def _on_taxonomy_changed(self) -> None:
        if self._own_taxonomy_change:  # a value text typed on the journey map: shown already
            return
        self._reload_choices()
        self._dirty = set(TABS)
        self._load_visible()

    def _on_library_changed(self) -> None:
        self._reload_choices()
        self._dirty = set(TABS)
        self._load_visible()

    def _on_value_saved(self, touchpoint_id: int) -> None:
        self._own_taxonomy_change = True
        self.ctx.events.taxonomy_changed.emit([touchpoint_id])
        self._own_taxonomy_change = False

    def _on_filters_changed(self) -> None:
        self._dirty |= set(TABS) - {"highlights"}
        self._load_visible()

    def _on_tab(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        self.filters.setVisible(index != HIGHLIGHTS)
        self._load_visible()

    def _show_error(self, message: str) -> None:
        self.grid.set_busy(False)
        self.error.setText(message)
        self.error.show()

    def _go_to_interviews(self) -> None:
        self.ctx.events.section_requested.emit("interviews")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            QTimer.singleShot(0, self._load_visible)
