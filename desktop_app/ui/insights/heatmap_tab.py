"""The Heatmap tab: the painted grid, its colour toggle and the side panel of quotes.

`add_to_heatmap` applies freshly made highlights to the matrix on screen, so a tag shows up at
once; the view then confirms the numbers with a full query in the background.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.highlights import Heatmap, HeatmapCell, HighlightView, InsightFilter
from desktop_app.ui.insights.heatmap_grid import HeatmapGrid
from desktop_app.ui.insights.heatmap_panel import HeatmapPanel
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.palette import Segmented

SYNC_PANEL_IDS = 300  # cells with more highlights load their quotes in the background


def matches(v: HighlightView, f: InsightFilter) -> bool | None:
    """Whether `v` passes `f`; None when it cannot tell (the interviewer is not on the view)."""
    if f.interviewer is not None:
        return None
    if f.persona_id is not None and v.persona_id != f.persona_id:
        return False
    if f.customer_id is not None and v.customer_id != f.customer_id:
        return False
    if f.date_from is not None and v.recorded_at < f.date_from:
        return False
    return not (f.date_to is not None and v.recorded_at >= f.date_to)


def add_to_heatmap(hm: Heatmap, views: Sequence[HighlightView],
                   flt: InsightFilter) -> tuple[Heatmap, int] | None:
    """`hm` with `views` counted in (those passing `flt`, not counted yet); returns the new
    matrix and how many highlights were added, or None when nothing changed or the filter
    cannot be checked here."""
    index = {(c.touchpoint_id, c.zone_id): i for i, c in enumerate(hm.cells)}
    cells: list[HeatmapCell] = list(hm.cells)
    added = 0
    for v in views:
        ok = matches(v, flt)
        if ok is None:
            return None
        if not ok:
            continue
        hit = False
        for t in v.touchpoint_ids:
            for z in v.zone_ids:
                i = index.get((t, z))
                if i is None or v.id in cells[i].highlight_ids:
                    continue
                c = cells[i]
                cells[i] = replace(c, count=c.count + 1, score=c.score + v.severity,
                                   highlight_ids=tuple(sorted((*c.highlight_ids, v.id))))
                hit = True
        added += hit
    if not added:
        return None
    return Heatmap(hm.touchpoints, hm.zones, tuple(cells)), added


class HeatmapTab(QWidget):
    """Grid + panel; asks its owner to play a moment or make a reel."""

    play_requested = Signal(int, float)
    reel_requested = Signal(list)

    def __init__(self, fetch: Callable[[Sequence[int]], list[HighlightView]],
                 loader: BackgroundLoader, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._loader = loader
        self._labels: dict[int, str] = {}
        self._shown_ids: tuple[int, ...] | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 14, 0, 0)
        lay.setSpacing(10)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel(self.tr("Touchpoints × problem zones"))
        title.setObjectName("SectionTitle")
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        titles.addWidget(title)
        titles.addWidget(self.summary)
        head.addLayout(titles, 1)
        colour_by = QLabel(self.tr("Colour by"))
        colour_by.setObjectName("Muted")
        self.mode_toggle = Segmented([("score", self.tr("Severity score")),
                                      ("count", self.tr("Count"))], "score")
        head.addWidget(colour_by, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addSpacing(6)
        head.addWidget(self.mode_toggle, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addLayout(head)
        self.grid = HeatmapGrid()
        self.grid.cell_clicked.connect(self.show_cell)
        self.mode_toggle.changed.connect(self.grid.set_mode)
        card = QFrame()
        card.setObjectName("Card")
        card_lay = QVBoxLayout(card)
        card_lay.setContentsMargins(18, 14, 18, 8)
        card_lay.addWidget(self.grid)
        self.panel = HeatmapPanel(language)
        self.panel.setMinimumWidth(280)
        self.panel.play_requested.connect(self.play_requested)
        self.panel.reel_requested.connect(self.reel_requested)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(12)
        self.splitter.setStyleSheet("QSplitter::handle { background: transparent; }")
        self.splitter.addWidget(card)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([700, 320])
        lay.addWidget(self.splitter, 1)

    def set_heatmap(self, hm: Heatmap, zone_labels: Mapping[int, str] | None, unique: int,
                    filtered: bool) -> None:
        """Show `hm` (`unique`: distinct highlights in it); keeps the selected cell open."""
        if zone_labels is not None:
            self._labels = dict(zone_labels)
        self.grid.set_heatmap(hm, zone_labels)
        self.grid.set_busy(False)
        self.grid.set_message("" if hm.total else (
            self.tr("No highlights match these filters") if filtered
            else self.tr("No highlight has both a touchpoint and a problem zone yet")))
        self.summary.setText(self._summary(hm, unique))
        sel = self.grid.selected()
        if sel is None:
            return
        try:
            cell = hm.cell(*sel)
        except KeyError:
            self.grid.set_selected(None, None)
            self._shown_ids = None
            self.panel.show_placeholder()
            return
        if cell.highlight_ids != self._shown_ids:
            self.show_cell(*sel)

    def _summary(self, hm: Heatmap, unique: int) -> str:
        if not hm.total:
            return self.tr("Nothing tagged here yet")
        hot = max(hm.cells, key=lambda c: (c.score, c.count))
        ref = next((z for z in hm.zones if z.id == hot.zone_id), None)
        zone = self._labels.get(hot.zone_id) or (ref.label if ref else hot.zone)
        n = self.tr("%n highlight(s)", "", unique)
        return n + "  ·  " + self.tr(
            "hottest spot: {0} · {1} (score {2})").format(hot.touchpoint, zone, hot.score)

    def show_cell(self, touchpoint_id: int, zone_id: int) -> None:
        """Select a cell and list its highlights in the panel."""
        hm = self.grid.heatmap()
        if hm is None:
            return
        self.grid.set_selected(touchpoint_id, zone_id)
        cell = hm.cell(touchpoint_id, zone_id)
        title = f"{cell.touchpoint} · {self._labels.get(cell.zone_id, cell.zone)}"
        ids = cell.highlight_ids
        self._shown_ids = ids
        if len(ids) <= SYNC_PANEL_IDS:
            self.panel.show_cell(title, self._fetch(ids) if ids else [], ids, cell.score)
            return
        self.panel.show_cell(title, [], ids, cell.score)
        self._loader.submit("panel", lambda: self._fetch(ids),
                            lambda views: self._fill_panel(title, ids, cell.score, views))

    def _fill_panel(self, title: str, ids: tuple[int, ...], score: int,
                    views: list[HighlightView]) -> None:
        if self._shown_ids == ids:
            self.panel.show_cell(title, views, ids, score)
