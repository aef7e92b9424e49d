"""One interview: the player, its transcript beside it, and what we know about the recording.

The player and the transcript share a QSplitter: side by side on wide windows, the transcript
below on narrow ones. The transcript follows playback (the current word is highlighted) and a
click on a word seeks the player there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.interviews import InterviewRow
from desktop_app.ui.interviews.model import (
    format_datetime,
    format_duration,
    format_size,
    shown_status,
    status_label,
)
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.folders import open_folder
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.tokens import qss
from desktop_app.ui.player.player import PlayerWidget
from desktop_app.ui.transcript.panel import TranscriptPanel

PAGE_QSS = qss("""
QPushButton#BackButton { border: none; background: transparent; color: @ACCENT;
    padding: 2px 0; font-weight: bold; text-align: left; }
QPushButton#BackButton:hover { color: @ACCENT_HOVER; text-decoration: underline; }
QFrame#DetailsCard QLabel#FieldName { color: @MUTED; }
QFrame#DetailsCard QLabel#FieldValue { color: @INK; }
QScrollArea#DetailsScroll { background: transparent; border: none; }
QScrollArea#DetailsScroll > QWidget#qt_scrollarea_viewport { background: transparent; }
QSplitter#DetailSplitter::handle { background: transparent; }
""")
WIDE_MIN_PX = 1000  # narrower than this: the transcript goes below the player


def channels_text(n: int | None) -> str:
    if not n:
        return ""
    if n in (1, 2):
        return QCoreApplication.translate("InterviewDetailPage", "mono" if n == 1 else "stereo")
    return QCoreApplication.translate("InterviewDetailPage", "%n channel(s)", "", n)


class InterviewDetailPage(QWidget):
    """Shows one InterviewRow; `back_requested` / `delete_requested(id)` go to the view."""

    back_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(PAGE_QSS)
        self.ctx = ctx
        self.row: InterviewRow | None = None
        self._wide: bool | None = None
        self.folder_message: QMessageBox | None = None  # "cannot open the folder", when shown
        self._build()
        self.player.position_changed.connect(self.transcript.editor.set_position)
        self.player.position_changed.connect(self.transcript.tagging.set_position)
        self.transcript.seek_requested.connect(self._seek)
        self.transcript.play_pause_requested.connect(self.player.toggle)

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 20, 32, 24)
        lay.setSpacing(12)
        self.back_button = QPushButton(self.tr("← Back to all interviews"))
        self.back_button.setObjectName("BackButton")
        self.back_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.back_button.setShortcut("Alt+Left")
        self.back_button.clicked.connect(self.back_requested)
        lay.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)

        head = PageHeader(gap=2, spacing=lay.spacing())
        self.title, self.subtitle = head.title, head.subtitle
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.delete_button = QPushButton(self.tr("Delete interview…"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(self._delete)
        head.add_action(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(head)

        self.splitter = QSplitter()
        self.splitter.setObjectName("DetailSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(20)
        media = QWidget()
        self.media_box = QBoxLayout(QBoxLayout.Direction.TopToBottom, media)
        self.media_box.setContentsMargins(0, 0, 0, 0)
        self.media_box.setSpacing(16)
        self.player = PlayerWidget()
        self.player.setMinimumSize(320, 220)
        self.media_box.addWidget(self.player, 3)
        self.details_scroll = QScrollArea()
        self.details_scroll.setObjectName("DetailsScroll")
        self.details_scroll.setWidgetResizable(True)
        self.details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.details_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details_scroll.setWidget(self._details_card())
        self.transcript = TranscriptPanel(self.ctx)
        self.transcript.setMinimumSize(340, 240)
        # beside the player: the interview's highlights (tagging) and the recording's details
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("DetailTabs")
        self.side_tabs.setDocumentMode(True)
        self.highlights_list = self.transcript.highlights_list
        self.side_tabs.addTab(self.highlights_list, self.tr("Highlights"))
        self.side_tabs.addTab(self.details_scroll, self.tr("About this recording"))
        self.media_box.addWidget(self.side_tabs, 2)
        media.installEventFilter(self)
        self._media = media
        self.splitter.addWidget(media)
        self.splitter.addWidget(self.transcript)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        lay.addWidget(self.splitter, 1)
        # tagging spans the page under both (room for the ten zones in any language)
        lay.addWidget(self.transcript.tag_bar)

    def _details_card(self) -> QFrame:
        card = QFrame()
        card.setObjectName("Card")
        card.setProperty("class", "DetailsCard")
        card.setMinimumWidth(300)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(20, 18, 20, 18)
        inner.setSpacing(12)
        heading = QLabel(self.tr("About this recording"))
        heading.setObjectName("SectionTitle")
        inner.addWidget(heading)
        form_host = QFrame()
        form_host.setObjectName("DetailsCard")
        self.form = QFormLayout(form_host)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(9)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.fields: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        for key, name in (("customer", self.tr("Customer")), ("persona", self.tr("Persona")),
                          ("recorded", self.tr("Recorded")), ("duration", self.tr("Duration")),
                          ("status", self.tr("Status")), ("video", self.tr("Video")),
                          ("audio", self.tr("Audio")), ("size", self.tr("Size")),
                          ("original", self.tr("Original file")),
                          ("stored", self.tr("Stored"))):
            label = QLabel(name)
            label.setObjectName("FieldName")
            value = QLabel()
            value.setObjectName("FieldValue")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
            self.fields[key] = value
            self._names[key] = label
        inner.addWidget(form_host)
        inner.addSpacing(4)
        self.folder_button = QPushButton(self.tr("Show file in folder"))
        self.folder_button.clicked.connect(self._show_folder)
        inner.addWidget(self.folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addStretch(1)
        return card

    # --- public -----------------------------------------------------------------------------

    def show_row(self, r: InterviewRow, seconds: float | None = None) -> None:
        """Fill the page, load the recording (paused) and the transcript (at `seconds`)."""
        self.update_row(r)
        self.transcript.show_interview(r.id, r.title)
        self.player.load(r.media_path, r.has_video, r.picture_path or None)
        if seconds:
            self.player.seek(seconds)
        self.transcript.editor.set_position(seconds or 0.0, reveal=True)

    def update_row(self, r: InterviewRow) -> None:
        """Refresh what the page says about the interview (title, status...) in place."""
        self.row = r
        self.title.setText(r.title)
        self.subtitle.setText(f"{r.customer}  ·  {format_datetime(r.recorded_at)}")
        self._set("customer", r.customer)
        self._set("persona", r.persona or self.tr("Not set"))
        self._set("recorded", format_datetime(r.recorded_at))
        self._set("duration", format_duration(r.duration_s))
        self._set("status", status_label(shown_status(r)))
        video = ""
        if r.has_video:
            size = f"{r.width}×{r.height}" if r.width and r.height else ""
            video = "  ·  ".join(x for x in (size, r.video_codec or "") if x)
        self._set("video", video or "", visible=r.has_video)
        audio = "  ·  ".join(x for x in (r.audio_codec or "", channels_text(r.audio_channels))
                             if x)
        self._set("audio", audio or self.tr("No sound track"))
        self._set("size", format_size(r.size_bytes) if r.size_bytes else "—")
        self._set("original", r.original_name or "—")
        self._set("stored", self.tr("Linked to the original file:\n{0}").format(r.media_path)
                  if r.linked else self.tr("Copied into the library"))
        self.fields["stored"].setToolTip(r.media_path)
        if r.media_removed:  # the transcript stays; the recording went by the library's policy
            self._set("stored", self.tr("Recording removed by the retention policy"))
            self.fields["stored"].setToolTip(r.media_removed)
        self.folder_button.setEnabled(bool(r.media_path) and Path(r.media_path).exists())

    def _seek(self, seconds: float) -> None:
        self.player.seek(seconds)
        self.transcript.editor.set_position(seconds)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._apply_orientation(event.size().width() >= WIDE_MIN_PX)
        super().resizeEvent(event)

    def _apply_orientation(self, wide: bool) -> None:
        """Wide: player (details below it) | transcript. Narrow: player | details, then the
        transcript below both."""
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.media_box.setDirection(QBoxLayout.Direction.TopToBottom)
            self.side_tabs.setMaximumWidth(16777215)
            self.side_tabs.setMinimumWidth(0)
            total = max(self.splitter.width(), 900)
            self.splitter.setSizes([total * 4 // 9, total * 5 // 9])
        else:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.media_box.setDirection(QBoxLayout.Direction.LeftToRight)
            self.side_tabs.setMaximumWidth(380)
            self.side_tabs.setMinimumWidth(330)
            total = max(self.splitter.height(), 600)
            self.splitter.setSizes([total * 2 // 5, total * 3 // 5])
        self._fit_player()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._media and event.type() == QEvent.Type.Resize:
            self._fit_player()
        return super().eventFilter(watched, event)

    def _fit_player(self) -> None:
        """Wide layout: the player is as tall as a 16:9 picture (the details get the rest)."""
        if self._wide:
            self.player.setMaximumHeight(max(240, self._media.width() * 9 // 16 + 54))
        else:
            self.player.setMaximumHeight(16777215)

    def is_wide(self) -> bool:
        return bool(self._wide)

    def field_text(self, key: str) -> str:
        return self.fields[key].text()

    def _set(self, key: str, text: str, *, visible: bool = True) -> None:
        self.fields[key].setText(text)
        self.fields[key].setVisible(visible)
        self._names[key].setVisible(visible)

    def set_back_to_search(self, on: bool) -> None:
        self.back_button.setText(self.tr("← Back to search results") if on
                                 else self.tr("← Back to all interviews"))

    def _delete(self) -> None:
        if self.row is not None:
            self.delete_requested.emit(self.row.id)

    def _show_folder(self) -> None:
        if self.row is not None and self.row.media_path:
            self.folder_message = open_folder(Path(self.row.media_path).parent, self)
