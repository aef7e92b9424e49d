"""The side panel of the heatmap: the quotes behind the selected cell, each one playable.

Shows the strongest highlights first (severity, then the most recent interview); the reel
button carries every highlight id of the cell, not only the ones listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.highlights import HighlightView
from desktop_app.ui.kit.palette import (
    SeverityDots,
    emotion_label,
    format_clock,
    format_date,
    severity_colour,
)
from desktop_app.ui.kit.tokens import qss

MAX_CARDS = 30
_CSS = qss("""
QFrame#QuoteCard { background: @CARD; border: 1px solid @LINE; border-radius: 8px; }
QLabel#Quote { font-size: 10.5pt; color: @INK; }
QLabel#QuoteMeta { color: @MUTED; font-size: 9pt; }
QLabel#Emotion { background: @SURFACE_ALT; color: @INK_SOFT; border-radius: 8px; padding: 1px 8px;
                 font-size: 8.5pt; }
QPushButton#PlayButton { padding: 3px 10px; font-size: 9pt; }
QLabel#PanelNotice { background: @AMBER_50; color: @AMBER_800; border: 1px solid @AMBER_200;
                     border-radius: 6px; padding: 8px 10px; }
QLabel#PanelHint { color: @MUTED; font-size: 10pt; }
QLabel#PanelBig { font-size: 12pt; font-weight: bold; color: @INK; }
""")


class QuoteCard(QFrame):
    """One highlight: quote, who and when, severity, emotion and a Play button."""

    play_clicked = Signal(int, float)  # interview id, seconds

    def __init__(self, view: HighlightView, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QuoteCard")
        self.highlight_id = view.id
        self.view = view
        colour = severity_colour(view.severity).name()
        self.setStyleSheet(f"QFrame#QuoteCard {{ border-left: 3px solid {colour}; }}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 10, 10)
        lay.setSpacing(6)
        quote = QLabel(f"“{view.quote}”" if view.quote else self.tr("(no transcript words yet)"))
        quote.setObjectName("Quote")
        quote.setWordWrap(True)
        quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_label = quote
        meta = QLabel(f"{view.customer} · {format_date(view.recorded_at, language)}")
        meta.setObjectName("QuoteMeta")
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(SeverityDots(view.severity))
        if view.emotion:
            chip = QLabel(emotion_label(view.emotion))
            chip.setObjectName("Emotion")
            row.addWidget(chip)
        row.addStretch(1)
        self.play_button = QPushButton(self.tr("▶  Play {0}").format(format_clock(view.start)))
        self.play_button.setObjectName("PlayButton")
        self.play_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.play_button.setToolTip(self.tr("Open the interview at this moment"))
        self.play_button.clicked.connect(
            lambda: self.play_clicked.emit(view.interview_id, float(view.start)))
        row.addWidget(self.play_button)
        lay.addWidget(quote)
        lay.addWidget(meta)
        lay.addLayout(row)


class HeatmapPanel(QFrame):
    """Placeholder until a cell is picked, then the cell's quotes and the reel button."""

    play_requested = Signal(int, float)
    reel_requested = Signal(list)  # highlight ids

    def __init__(self, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setStyleSheet(_CSS)
        self.language = language
        self.cards: list[QuoteCard] = []
        self._ids: list[int] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack)
        self.stack.addWidget(self._placeholder())
        self.stack.addWidget(self._cell_page())

    def _placeholder(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 24, 24, 24)
        lay.addStretch(1)
        big = QLabel(self.tr("Who says so?"))
        big.setObjectName("PanelBig")
        big.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Click a coloured cell to read the quotes behind it and play "
                              "each moment on camera."))
        hint.setObjectName("PanelHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(big)
        lay.addSpacing(6)
        lay.addWidget(hint)
        lay.addStretch(2)
        return page

    def _cell_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(16, 16, 16, 16)
        lay.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("Muted")
        self.subtitle.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("PanelNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addSpacing(4)
        lay.addWidget(self.notice)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget "
                                  "{ background: transparent; }")
        self.list_host = QWidget()
        self.list_lay = QVBoxLayout(self.list_host)
        self.list_lay.setContentsMargins(0, 4, 4, 4)
        self.list_lay.setSpacing(8)
        self.list_lay.addStretch(1)
        self.scroll.setWidget(self.list_host)
        lay.addWidget(self.scroll, 1)
        self.more_label = QLabel()
        self.more_label.setObjectName("Muted")
        self.more_label.setWordWrap(True)
        self.more_label.hide()
        lay.addWidget(self.more_label)
        lay.addSpacing(4)
        self.reel_button = QPushButton(self.tr("Make a reel from these"))
        self.reel_button.setObjectName("PrimaryButton")
        self.reel_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reel_button.clicked.connect(lambda: self.reel_requested.emit(list(self._ids)))
        lay.addWidget(self.reel_button)
        return page

    # --- content ---------------------------------------------------------------------------

    def show_placeholder(self) -> None:
        self._ids = []
        self._clear()
        self.stack.setCurrentIndex(0)

    def highlight_ids(self) -> list[int]:
        return list(self._ids)

    def show_cell(self, title: str, views: Sequence[HighlightView], ids: Sequence[int],
                  score: int) -> None:
        """List `views` (strongest first) for the cell `title`; `ids` are all its highlights."""
        self._ids = list(ids)
        self._clear()
        self.notice.hide()
        self.stack.setCurrentIndex(1)
        self.title.setText(title)
        n = len(self._ids)
        if n:
            count = self.tr("%n highlight(s)", "", n)
            self.subtitle.setText(self.tr("{0} · severity score {1} · average {2}")
                                  .format(count, score, f"{score / n:.1f}"))
        else:
            self.subtitle.setText(self.tr("No highlights here with these filters."))
        ranked = sorted(views, key=lambda v: (-v.severity, -v.recorded_at.timestamp(),
                                              v.start))
        for v in ranked[:MAX_CARDS]:
            card = QuoteCard(v, self.language)
            card.play_clicked.connect(self.play_requested)
            self.cards.append(card)
            self.list_lay.insertWidget(self.list_lay.count() - 1, card)
        hidden = n - min(len(ranked), MAX_CARDS)
        self.more_label.setVisible(hidden > 0)
        if hidden > 0:
            self.more_label.setText(self.tr("Showing the {0} strongest; {1} more are in the "
                                            "Highlights tab.").format(MAX_CARDS, hidden))
        self.reel_button.setEnabled(n > 0)
        self.reel_button.setText(self.tr("Make a reel from these ({0})").format(n) if n
                                 else self.tr("Make a reel from these"))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _clear(self) -> None:
        for card in self.cards:
            card.hide()
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.more_label.hide()
