"""Search every transcript: what customers said, best matches first; a click plays that moment.

Each result shows the interview, the customer, the time and the words around the match with
the matched words marked; a click opens the interview where the first matched word is said.
Results come from the context's SearchService (SQLite FTS5).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPen,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.text import normalize_text
from desktop_app.services.search import SearchHit
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.tokens import (
    ACCENT,
    ACCENT_HOVER,
    ACCENT_SOFT,
    AMBER_200,
    CARD,
    FAINT,
    HAZE_LILAC,
    INDIGO_300,
    INK,
    INK_SOFT,
    LINE,
    MUTED,
)
from desktop_app.ui.player.parts import format_clock
from desktop_app.ui.transcript.speakers import speaker_label
from desktop_app.ui.transcript.styles import SEARCH_QSS

OPEN, CLOSE = "\x02", "\x03"  # match markers asked from FTS5 snippet(); never typed by users
MARK_STYLE = f"background-color:{AMBER_200}; color:{INK}; font-weight:bold;"
MAX_RESULTS = 200
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def search_icon(colour: str = FAINT) -> QIcon:
    """A small magnifier for search fields."""
    pix = QPixmap(32, 32)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(colour), 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawEllipse(QRectF(6, 6, 15, 15))
    p.drawLine(19, 19, 26, 26)
    p.end()
    return QIcon(pix)


def snippet_html(snippet: str, speaker: str = "") -> str:
    """The snippet as HTML: text escaped, matched words marked."""
    body = html.escape(snippet).replace(OPEN, f'<span style="{MARK_STYLE}">') \
        .replace(CLOSE, "</span>")
    who = (f'<span style="color:{MUTED};">{html.escape(speaker_label(speaker))}: </span>'
           if speaker else "")
    return f"{who}{body}"


def snippet_text(snippet: str) -> str:
    """The snippet with the matched words in [brackets] (what tests and screen readers get)."""
    return snippet.replace(OPEN, "[").replace(CLOSE, "]")


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title} · {hit.customer} · {format_clock(hit.start)} · " \
                   f"{snippet_text(hit.snippet)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Play from {0}").format(format_clock(hit.start))
        return None


class SearchResultDelegate(QStyledItemDelegate):
    """A result card: time pill, interview title and customer, the snippet with marks."""

    PAD = 16
    PILL_W = 64

    def __init__(self, parent: QListView) -> None:
        super().__init__(parent)
        self._view = parent
        base = parent.font()
        self.title_font = QFont(base)
        self.title_font.setBold(True)
        self.small = QFont(base)
        self.small.setPointSizeF(max(8.0, base.pointSizeF() * 0.9))
        self.small_bold = QFont(self.small)
        self.small_bold.setBold(True)
        self.body_font = QFont(base)
        self.body_font.setPointSizeF(base.pointSizeF() * 1.06)

    def _doc(self, hit: SearchHit, width: float) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(self.body_font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet(f"body {{ color: {INK_SOFT}; }}")
        doc.setHtml(f"<body>{snippet_html(hit.snippet, hit.speaker)}</body>")
        doc.setTextWidth(max(120.0, width))
        return doc

    def _text_left(self) -> float:
        return self.PAD + self.PILL_W + 14

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._view.viewport().width()
        doc = self._doc(index.data(HIT_ROLE), width - self._text_left() - self.PAD)
        title_h = QFontMetricsF(self.title_font).height()
        return QSize(width, int(14 + title_h + 6 + doc.size().height() + 16 + 8))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit: SearchHit = index.data(HIT_ROLE)
        rect = QRectF(option.rect).adjusted(0, 4, -2, -4)  # type: ignore[attr-defined]
        state = option.state  # type: ignore[attr-defined]
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(INDIGO_300) if hover or selected else QColor(LINE))
        painter.setBrush(QColor(HAZE_LILAC) if hover or selected else QColor(CARD))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        pill = QRectF(rect.left() + self.PAD, rect.top() + 14, self.PILL_W, 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ACCENT_SOFT))
        painter.drawRoundedRect(pill, 12, 12)
        painter.setPen(QColor(ACCENT_HOVER))
        painter.setFont(self.small_bold)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, "▶ " + format_clock(hit.start))
        left = rect.left() + self._text_left()
        width = rect.right() - self.PAD - left
        fm = QFontMetricsF(self.title_font)
        title_rect = QRectF(left, rect.top() + 14, width, fm.height())
        painter.setFont(self.title_font)
        painter.setPen(QColor(INK))
        title = fm.elidedText(hit.title, Qt.TextElideMode.ElideRight, width * 0.6)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)
        painter.setFont(self.small)
        painter.setPen(QColor(MUTED))
        painter.drawText(title_rect.adjusted(fm.horizontalAdvance(title) + 10, 0, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         hit.customer)
        doc = self._doc(hit, width)
        painter.translate(left, title_rect.bottom() + 6)
        doc.drawContents(painter)
        painter.restore()


class SearchResultsPage(QWidget):
    """Results of a transcript search; `open_requested(interview_id, seconds)` on a click."""

    open_requested = Signal(int, float)
    back_requested = Signal()
    transcribe_all_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setStyleSheet(SEARCH_QSS)
        self.service = ctx.services.search
        self.query = ""
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(lambda: self.search(self.field.text()))
        self._build()

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 24)
        lay.setSpacing(12)
        self.back_button = QPushButton(self.tr("← Back to all interviews"))
        self.back_button.setObjectName("BackButton")
        self.back_button.setStyleSheet(
            f"QPushButton#BackButton {{ border: none; background: transparent; color: {ACCENT};"
            " padding: 2px 0; font-weight: bold; text-align: left; }"
            "QPushButton#BackButton:hover { text-decoration: underline; }")
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button.clicked.connect(self.back_requested)
        lay.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        head = PageHeader(self.tr("What customers said"), gap=2, spacing=lay.spacing())
        self.summary = head.subtitle
        self.field = QLineEdit()
        self.field.setObjectName("TranscriptSearch")
        self.field.setPlaceholderText(self.tr("Search what customers said…"))
        self.field.setClearButtonEnabled(True)
        self.field.addAction(search_icon(), QLineEdit.ActionPosition.LeadingPosition)
        self.field.setMinimumWidth(340)
        self.field.textEdited.connect(lambda _t: self._debounce.start())
        self.field.returnPressed.connect(lambda: self.search(self.field.text()))
        head.add_action(self.field, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addWidget(head)
        hint = QLabel(self.tr("Words match in any order; put a phrase in \"quotes\"; end a "
                              "word with * to match its beginning (pric* finds price, pricing)."))
        hint.setObjectName("Muted")
        hint.setWordWrap(True)
        lay.addWidget(hint)

        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setObjectName("SearchResults")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SearchResultDelegate(self.list))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMouseTracking(True)
        self.list.setSpacing(0)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.list.clicked.connect(self._open)
        self.list.activated.connect(self._open)
        self.no_match = EmptyState(self.tr("No one said that yet"),
                                   self.tr("Try fewer or other words, or the beginning of a "
                                           "word followed by *."))
        self.nothing = EmptyState(
            self.tr("Nothing to search yet"),
            self.tr("Transcribe your interviews first: every word customers said becomes "
                    "searchable here."), self.tr("Transcribe all interviews"))
        self.nothing.action_clicked.connect(self.transcribe_all_requested)
        self.stack = QStackedWidget()
        for w in (self.list, self.no_match, self.nothing):
            self.stack.addWidget(w)
        lay.addWidget(self.stack, 1)

    # --- public -----------------------------------------------------------------------------

    def search(self, query: str) -> list[SearchHit]:
        """Run `query` over every transcript and show the results."""
        self.query = query.strip()
        if self.field.text() != query:
            self.field.setText(query)
        try:
            hits = self.service.search(self.query, limit=MAX_RESULTS, marks=(OPEN, CLOSE)) \
                if self.query else []
        except CloserError as exc:
            hits = []
            self.summary.setText(str(exc))
        self.model.set_hits(hits)
        interviews = len({h.interview_id for h in hits})
        if hits:
            moments = self.tr("%n moment(s)", "", len(hits))
            where = self.tr("%n interview(s)", "", interviews)
            self.summary.setText(self.tr("{0} in {1} for “{2}”").format(moments, where,
                                                                      self.query))
            self.stack.setCurrentWidget(self.list)
            self.list.scrollToTop()
        elif not self._anything_transcribed():
            self.summary.setText(self.tr("No interview is transcribed yet"))
            self.stack.setCurrentWidget(self.nothing)
        else:
            self.summary.setText(self.tr("No results for “{0}”").format(self.query)
                                 if self.query else self.tr("Type what you are looking for"))
            self.stack.setCurrentWidget(self.no_match)
        return hits

    def result_texts(self) -> list[str]:
        """What each result says, as plain text (title · customer · time · snippet)."""
        return [self.model.index(r).data() for r in range(self.model.rowCount())]

    def open_result(self, row: int) -> None:
        self._open(self.model.index(row))

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def _anything_transcribed(self) -> bool:
        return any(r.status == "transcribed" for r in self.ctx.services.interviews.list())

    def moment_of(self, hit: SearchHit) -> float:
        """When the first matched word is said (the segment's start if it cannot be found)."""
        marked = re.findall(re.escape(OPEN) + "(.*?)" + re.escape(CLOSE), hit.snippet)
        terms = {t for m in marked for t in normalize_text(m).split()}
        try:
            view = self.ctx.services.transcription.transcript(hit.interview_id)
        except CloserError:
            return hit.start
        seg = next((g for g in view.segments if g.id == hit.segment_id), None) \
            if view is not None else None
        for w in seg.words if seg is not None else ():
            if set(normalize_text(w.word).split()) & terms:
                return w.start
        return hit.start

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            hit: SearchHit = index.data(HIT_ROLE)
            self.open_requested.emit(hit.interview_id, self.moment_of(hit))
