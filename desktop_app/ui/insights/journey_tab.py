"""The Journey map tab: who it is for, the live board, value editing and PNG/PDF export.

The export re-reads the map (so value texts typed a moment ago are in it) and renders the
poster on a worker thread in the UI language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.errors import CloserError
from desktop_app.domain.highlights import InsightFilter, JourneyMap
from desktop_app.services.journey_render import render_journey_map
from desktop_app.ui.insights.highlights_table import PathAsker, ask_path
from desktop_app.ui.insights.journey_board import JourneyBoard
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.tokens import qss

_CSS = qss("""
QLabel#JourneyWho { font-size: 15pt; font-weight: bold; color: @INK; }
QLabel#JourneyKicker { color: @MATERIAL_TEAL; font-size: 8.5pt; font-weight: bold;
    letter-spacing: 1px; }
QLabel#InfoBar { background: @ACCENT_SOFT; color: @INDIGO_800; border-radius: 6px;
    padding: 7px 10px; }
QLabel#ErrorBar { background: @DANGER_SOFT; color: @DANGER_DARK; border: 1px solid @RED_200;
                  border-radius: 6px; padding: 7px 10px; }
""")


class JourneyTab(QWidget):
    """Header (persona, numbers, export buttons) over a JourneyBoard."""

    exported = Signal(str)  # the written file
    value_saved = Signal(int)  # touchpoint id

    def __init__(self, ctx: UiContext, loader: BackgroundLoader, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loader = loader
        self.language = language
        self.ask_path: PathAsker = ask_path
        self._filter = InsightFilter()
        self.setStyleSheet(_CSS)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 14, 0, 0)
        lay.setSpacing(10)
        head = QHBoxLayout()
        who = QVBoxLayout()
        who.setSpacing(2)
        kicker = QLabel(self.tr("CUSTOMER JOURNEY MAP"))
        kicker.setObjectName("JourneyKicker")
        self.who = QLabel()
        self.who.setObjectName("JourneyWho")
        self.about = QLabel()
        self.about.setObjectName("Muted")
        self.about.setWordWrap(True)
        # room for the description and the counts line from the start (the map arrives later)
        self.about.setMinimumHeight(self.about.fontMetrics().lineSpacing() * 2 + 4)
        who.addWidget(kicker)
        who.addWidget(self.who)
        who.addWidget(self.about)
        head.addLayout(who, 1)
        self.png_button = QPushButton(self.tr("Export PNG…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.png_button.clicked.connect(lambda: self.export(".png"))
        self.pdf_button.clicked.connect(lambda: self.export(".pdf"))
        for b in (self.png_button, self.pdf_button):
            b.setToolTip(self.tr("An A3 poster of this map, for the wall or a slide"))
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(head)
        self.info = QLabel()
        self.info.setObjectName("InfoBar")
        self.info.setWordWrap(True)
        self.info.hide()
        self.error = QLabel()
        self.error.setObjectName("ErrorBar")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.info)
        lay.addWidget(self.error)
        self.board = JourneyBoard()
        self.board.value_edited.connect(self.save_value)
        lay.addWidget(self.board, 1)

    def _journey(self, flt: InsightFilter) -> JourneyMap:
        """The map for `flt` (its persona picks the persona); runs on a worker thread."""
        return self.ctx.services.insights.journey_map(flt.persona_id, flt,
                                                      language=self.language)

    def load(self, flt: InsightFilter) -> None:
        self._filter = flt
        self.loader.submit("journey", lambda: self._journey(flt), self.show_map,
                           self._show_error)

    def show_map(self, jm: JourneyMap) -> None:
        self.error.hide()
        self.who.setText(jm.persona or self.tr("All customers"))
        about = jm.persona_description or (self.tr("Every persona together") if not jm.persona
                                           else "")
        stats = self.tr("%n interview(s)", "", jm.interviews) + "  ·  " + \
            self.tr("%n pain(s) tagged", "", jm.highlights)
        if jm.period:
            stats += "  ·  " + jm.period
        self.about.setText(f"{about}\n{stats}" if about else stats)
        self.about.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the header takes its new height now, not on the next pass
        self.board.set_map(jm)

    def save_value(self, touchpoint_id: int, text: str) -> None:
        try:
            self.ctx.services.library.update_touchpoint(touchpoint_id, value_text=text)
        except CloserError as exc:
            self._show_error(str(exc))
            return
        self.value_saved.emit(touchpoint_id)

    def export(self, suffix: str) -> None:
        kind = suffix.lstrip(".").upper()
        name = self._file_stem() + suffix
        path = self.ask_path(self, True, self.tr("Export the journey map as {0}").format(kind),
                             name, self.tr("{0} files (*{1})").format(kind, suffix))
        if path is None:
            return
        self.export_to(path if path.suffix.lower() == suffix else path.with_suffix(suffix))

    def export_to(self, path: Path) -> None:
        """Render the current map to `path` (.png or .pdf) in the background."""
        flt, lang = self._filter, self.language
        for b in (self.png_button, self.pdf_button):
            b.setEnabled(False)
        self._show_info(self.tr("Drawing the poster…"))
        self.loader.submit(f"export:{path}",
                           lambda: render_journey_map(self._journey(flt), path, language=lang),
                           self._exported, self._export_failed)

    def _exported(self, path: Path) -> None:
        for b in (self.png_button, self.pdf_button):
            b.setEnabled(True)
        self._show_info(self.tr("Saved the journey map to {0}").format(path))
        self.exported.emit(str(path))

    def _export_failed(self, message: str) -> None:
        for b in (self.png_button, self.pdf_button):
            b.setEnabled(True)
        self._show_error(self.tr("The journey map was not exported: {0}").format(message))

    def _file_stem(self) -> str:
        jm = self.board.journey()
        who = (jm.persona if jm and jm.persona else "all-customers").strip()
        safe = "".join(ch if ch.isalnum() else "-" for ch in who).strip("-").lower()
        return f"journey-map-{safe or 'persona'}"

    def _show_info(self, text: str) -> None:
        self.error.hide()
        self.info.setText(text)
        self.info.show()

    def _show_error(self, text: str) -> None:
        self.info.hide()
        self.error.setText(text)
        self.error.show()
