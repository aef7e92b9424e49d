"""Before recording: who it is with, consent (step 1) and the sources (step 2). "Start recording"
stays disabled until consent is complete and something is chosen to record."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.recording import TRACK_LABELS
from desktop_app.services.scheduling_status import GuideInfo
from desktop_app.ui.kit.elided_fields import ElidingComboBox
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import FAINT
from desktop_app.ui.recorder.catalog import SourceCatalog, SourceOption, find
from desktop_app.ui.recorder.consent_step import ConsentStep
from desktop_app.ui.recorder.target import TargetInfo


class SourcesCard(QFrame):
    """Video, microphone and call audio pickers, rescanned when devices come and go."""

    changed = Signal()

    def __init__(self, catalog: SourceCatalog, *, remote_call: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.catalog = catalog
        self.options: dict[str, list[SourceOption]] = {"video": [], "mic": [], "call": []}
        self._remote = remote_call
        self._first = True
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.setSpacing(10)
        number = QLabel("2")
        number.setObjectName("StepNumber")
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Sources"))
        title.setObjectName("SectionTitle")
        self.rescan_button = QPushButton(self.tr("Refresh devices"))
        self.rescan_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.rescan_button.clicked.connect(self.rescan)
        head.addWidget(number)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.rescan_button)
        lay.addLayout(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        # device names can be any length: they end in "…" with the whole name as the tooltip
        self.video_box, self.mic_box, self.call_box = (ElidingComboBox(), ElidingComboBox(),
                                                       ElidingComboBox())
        self.video_help, self.mic_help, self.call_help = QLabel(), QLabel(), QLabel()
        rows = ((self.tr("Video"), self.video_box, self.video_help),
                (self.tr("Microphone"), self.mic_box, self.mic_help),
                (self.tr("Call audio"), self.call_box, self.call_help))
        for i, (text, box, helper) in enumerate(rows):
            label = QLabel(text)
            label.setObjectName("FieldLabel")
            box.setMinimumWidth(220)
            box.currentIndexChanged.connect(self.changed)
            helper.setObjectName("SourceHelp")
            helper.setWordWrap(True)
            grid.addWidget(label, i * 2, 0)
            grid.addWidget(box, i * 2, 1)
            grid.addWidget(helper, i * 2 + 1, 1)
        lay.addLayout(grid)
        tracks = QLabel(self.tr("Each sound source is its own track: the microphone is "
                                "“{0}”, call audio is “{1}”, so the transcript knows who "
                                "spoke.").format(*TRACK_LABELS))
        tracks.setObjectName("Muted")
        tracks.setWordWrap(True)
        lay.addWidget(tracks)
        lay.addStretch(1)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self.rescan)
        self._devices.audioInputsChanged.connect(self.rescan)
        self.rescan()

    def rescan(self) -> None:
        """Read the devices again, keeping what was chosen when it is still there."""
        kept = {name: box.currentData() for name, box in self._boxes().items()}
        self.options = {"video": self.catalog.video(), "mic": self.catalog.microphones(),
                        "call": self.catalog.call_audio()}
        self._fill(self.video_box, self.options["video"], self.tr("No video (audio only)"),
                   kept["video"], self._default_video())
        self._fill(self.mic_box, self.options["mic"], self.tr("No microphone"), kept["mic"],
                   self.options["mic"][0].key if self.options["mic"] else None)
        call_default = (self.options["call"][0].key
                        if self._remote and self.options["call"] else None)
        self._fill(self.call_box, self.options["call"], self.tr("No call audio"), kept["call"],
                   call_default)
        self._first = False
        has_camera = any(o.kind == "camera" for o in self.options["video"])
        self._help(self.video_help, "" if has_camera else self.tr(
            "No camera found: record the screen for a remote call, or sound only."))
        self._help(self.mic_help, "" if self.options["mic"] else self.tr(
            "No microphone found: plug one in, then Refresh devices."))
        self._help(self.call_help, self.tr("What the speakers play: the other side of a remote "
                                           "call.") if self.options["call"]
                   else self.catalog.call_audio_help())
        self.call_box.setEnabled(bool(self.options["call"]))
        self.changed.emit()

    @staticmethod
    def _help(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _default_video(self) -> str | None:
        video = self.options["video"]
        kinds = ("screen", "synthetic", "camera") if self._remote else ("camera", "synthetic")
        for kind in kinds:
            found = next((o for o in video if o.kind == kind), None)
            if found is not None:
                return found.key
        return None

    def _fill(self, box: QComboBox, options: list[SourceOption], none_text: str,
              kept: str | None, default: str | None) -> None:
        with signals_blocked(box):
            box.clear()
            box.addItem(none_text, None)
            for option in options:
                box.addItem(option.label, option.key)
            wanted = default if self._first else kept
            index = box.findData(wanted) if wanted is not None else 0
            box.setCurrentIndex(max(0, index))

    def _boxes(self) -> dict[str, QComboBox]:
        return {"video": self.video_box, "mic": self.mic_box, "call": self.call_box}

    def select(self, name: str, key: str | None) -> None:
        box = self._boxes()[name]
        box.setCurrentIndex(max(0, box.findData(key)) if key is not None else 0)

    def selected(self, name: str) -> SourceOption | None:
        return find(self.options[name], self._boxes()[name].currentData())

    def anything(self) -> bool:
        return any(self.selected(n) is not None for n in ("video", "mic", "call"))

    def has_sound(self) -> bool:
        """A microphone or the call audio is chosen (else the recording has no sound track)."""
        return any(self.selected(n) is not None for n in ("mic", "call"))


class GuideCard(QFrame):
    """The interview guide to keep beside the recording (the series' own, or another)."""

    def __init__(self, guides: list[GuideInfo], default: GuideInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.guides = guides
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 16, 22, 16)
        lay.setSpacing(10)
        head = QHBoxLayout()
        head.setSpacing(10)
        title = QLabel(self.tr("Interview guide"))
        title.setObjectName("SectionTitle")
        note = QLabel(self.tr("shown beside the recording; tick questions off as you ask"))
        note.setObjectName("Muted")
        self.box = QComboBox()
        self.box.setMinimumWidth(280)
        self.box.addItem(self.tr("No guide"), None)
        for g in guides:
            self.box.addItem(g.name, g.id)
        head.addWidget(title)
        head.addWidget(note)
        head.addStretch(1)
        head.addWidget(self.box)
        lay.addLayout(head)
        self.questions = QLabel()
        self.questions.setObjectName("GuidePreview")
        self.questions.setWordWrap(True)
        self.questions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setObjectName("GuideScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.questions)
        lay.addWidget(scroll, 1)
        self.box.currentIndexChanged.connect(self._show)
        index = self.box.findData(default.id) if default is not None else 0
        self.box.setCurrentIndex(max(0, index))
        self._show()

    def chosen(self) -> GuideInfo | None:
        gid = self.box.currentData()
        return next((g for g in self.guides if g.id == gid), None)

    def _show(self) -> None:
        guide = self.chosen()
        if guide is None:
            self.questions.setText(self.tr("No guide: you lead the conversation freely."))
            return
        self.questions.setText("".join(
            f"<p style='margin: 0 0 7px 0'><span style='color: {FAINT}'>{i}.</span>&nbsp; "
            f"{html.escape(q)}</p>" for i, q in enumerate(guide.questions, 1)))


class SetupPage(QWidget):
    """Header (and customer picker for an ad-hoc interview), consent, sources, Start."""

    start_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, info: TargetInfo, catalog: SourceCatalog, customers: list[str],
                 guides: list[GuideInfo] | None = None, default_guide: GuideInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 26, 32, 22)
        lay.setSpacing(16)
        title = QLabel(self.tr("New recording"))
        title.setObjectName("PageTitle")
        lay.addWidget(title)
        self.customer_box: QComboBox | None = None
        if info.customer:
            subtitle = QLabel(self.tr("With {0}").format(info.customer)
                              + (f" · {info.subtitle}" if info.subtitle else ""))
            subtitle.setObjectName("PageSubtitle")
            lay.addWidget(subtitle)
        else:
            row = QHBoxLayout()
            row.setSpacing(10)
            who = QLabel(self.tr("Recording with"))
            who.setObjectName("PageSubtitle")
            self.customer_box = QComboBox()
            self.customer_box.setEditable(True)
            self.customer_box.addItems(customers)
            self.customer_box.setCurrentIndex(-1)
            self.customer_box.setMinimumWidth(280)
            line = self.customer_box.lineEdit()
            assert line is not None
            line.setPlaceholderText(self.tr("Customer (pick or type a new name)"))
            self.customer_box.currentTextChanged.connect(self._on_customer)
            row.addWidget(who)
            row.addWidget(self.customer_box)
            row.addStretch(1)
            lay.addLayout(row)
        cards = QHBoxLayout()
        cards.setSpacing(16)
        self.consent = ConsentStep(info.customer)
        self.sources = SourcesCard(catalog, remote_call=info.remote_call)
        cards.addWidget(self.consent, 11)
        cards.addWidget(self.sources, 9)
        lay.addLayout(cards)
        self.guide = GuideCard(guides or [], default_guide)
        lay.addWidget(self.guide, 1)
        foot = QHBoxLayout()
        foot.setSpacing(12)
        self.hint = QLabel()
        self.hint.setObjectName("SetupHint")
        self.hint.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("ControlButton")
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.start_button = QPushButton(self.tr("●  Start recording"))
        self.start_button.setObjectName("RecordButton")
        self.start_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start_button.clicked.connect(self.start_requested)
        foot.addWidget(self.hint, 1)
        foot.addWidget(self.cancel_button)
        foot.addWidget(self.start_button)
        lay.addLayout(foot)
        self.consent.changed.connect(self.update_state)
        self.sources.changed.connect(self.update_state)
        self._given_by_auto = info.customer
        self.update_state()

    def customer_name(self) -> str:
        if self.customer_box is not None:
            return " ".join(self.customer_box.currentText().split())
        return self.info.customer

    def _on_customer(self, text: str) -> None:
        field = self.consent.given_by
        if field.text() == self._given_by_auto:  # not typed by the user: follow the customer
            self._given_by_auto = text.strip()
            field.setText(self._given_by_auto)
        self.update_state()

    def blocker(self) -> str:
        """Why recording cannot start yet ("" when it can)."""
        if not self.customer_name():
            return self.tr("Choose the customer you are recording.")
        if not self.consent.is_complete():
            return self.tr("Record consent first (step 1).")
        if not self.sources.anything():
            return self.tr("Choose something to record (step 2).")
        return ""

    def update_state(self) -> None:
        blocker = self.blocker()
        self.start_button.setEnabled(not blocker)
        if not blocker and not self.sources.has_sound():
            self.show_hint(self.tr("No microphone or call audio is chosen: the recording will "
                                   "have no sound."), error=True)
            return
        self.show_hint(blocker or self.tr("Recording starts at once; a crash never loses more "
                                          "than the last second."))

    def show_hint(self, text: str, *, error: bool = False) -> None:
        self.hint.setText(text)
        self.hint.setProperty("kind", "error" if error else "")
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
