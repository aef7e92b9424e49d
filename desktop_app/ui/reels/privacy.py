"""The privacy and output panel of a reel: captions, picture size, blurred faces, aliases and
the words to mask (bleep + "•••") in the selected clip.

Detected names, phone numbers and e-mail addresses are offered first as checkboxes (a phone
number spread over several words is one checkbox); every word of the clip is a chip below.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.reels import ClipWord, ReelItemView, ReelOptions, ReelView
from desktop_app.services.reels import ReelService
from desktop_app.ui.kit.palette import Segmented
from desktop_app.ui.kit.tokens import INDIGO_300, INK, LINE, SURFACE, SURFACE_ALT
from desktop_app.ui.reels.style import FlowLayout

_CHIP_CSS = (
    f"QPushButton {{ background: {SURFACE_ALT}; border: 1px solid {LINE}; border-radius: 11px;"
    f" padding: 2px 9px; font-size: 9.5pt; color: {INK}; }}"
    f"QPushButton:hover {{ border-color: {INDIGO_300}; }}"
    f"QPushButton:checked {{ background: {INK}; color: {SURFACE}; border-color: {INK}; }}")


def sensitive_groups(words: list[ClipWord]) -> list[tuple[str, list[int]]]:
    """Runs of neighbouring words flagged with the same kind: (kind, word indexes)."""
    groups: list[tuple[str, list[int]]] = []
    for w in words:
        if not w.sensitive:
            continue
        if groups and groups[-1][0] == w.sensitive and groups[-1][1][-1] == w.index - 1 \
                and w.sensitive != "name":
            groups[-1][1].append(w.index)
        else:
            groups.append((w.sensitive, [w.index]))
    return groups


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("SectionTitle")
    return label


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("Muted")
    label.setWordWrap(True)
    return label


class ReelPrivacyPanel(QScrollArea):
    """Edits the reel's ReelOptions through the service; `changed` carries the saved reel."""

    changed = Signal(object)  # ReelView

    def __init__(self, reels: ReelService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reels = reels
        self._reel: ReelView | None = None
        self._item: ReelItemView | None = None
        self._words: list[ClipWord] = []
        self._syncing = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("PrivacyBody")
        body.setStyleSheet("QWidget#PrivacyBody { background: transparent; }")
        self.setWidget(body)
        self.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        self.setStyleSheet("QScrollArea { background: transparent; }")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 4, 12, 12)
        lay.setSpacing(8)
        lay.addWidget(_section(self.tr("Captions")))
        self.captions = Segmented([("burn", self.tr("Burned in")),
                                   ("soft", self.tr("Subtitle track")),
                                   ("none", self.tr("None"))], "burn")
        self.captions.changed.connect(lambda key: self._save(captions=key))
        lay.addWidget(self.captions, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(_hint(self.tr("Burned in: always visible, even in a chat preview. "
                                    "Subtitle track: viewers can switch them off.")))
        lay.addSpacing(6)
        lay.addWidget(_section(self.tr("Picture")))
        self.height_choice = Segmented([("720", self.tr("720p · smaller file")),
                                        ("1080", self.tr("1080p · projector"))], "720")
        self.height_choice.changed.connect(lambda key: self._save(height=int(key)))
        lay.addWidget(self.height_choice, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(6)
        lay.addWidget(_section(self.tr("Protect the customer")))
        self.blur = QCheckBox(self.tr("Blur faces"))
        self.blur.toggled.connect(lambda on: self._save(blur_faces=on))
        lay.addWidget(self.blur)
        lay.addWidget(_hint(self.tr("Finds faces in every frame and blurs them; rendering "
                                    "takes longer.")))
        self.alias = QCheckBox(self.tr("Use aliases instead of names"))
        self.alias.toggled.connect(lambda on: self._save(use_alias=on))
        lay.addWidget(self.alias)
        lay.addWidget(_hint(self.tr("Lower thirds show the customer's alias (or “Customer 12”) "
                                    "instead of the first name.")))
        lay.addSpacing(6)
        self.mask_title = _section(self.tr("Mask words"))
        lay.addWidget(self.mask_title)
        lay.addWidget(_hint(self.tr("Masked words are bleeped and show as ••• in captions.")))
        self.suggested_box = QVBoxLayout()
        self.suggested_box.setSpacing(4)
        lay.addLayout(self.suggested_box)
        self.none_found = _hint("")
        lay.addWidget(self.none_found)
        chips = QWidget()
        self.chips_layout = FlowLayout(chips, spacing=5)
        self.chips_layout.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(chips)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.suggestions: list[tuple[QCheckBox, list[int]]] = []
        self.chips: list[QPushButton] = []

    # --- public API ------------------------------------------------------------------------------

    def set_reel(self, reel: ReelView | None, item: ReelItemView | None) -> None:
        self._reel, self._item = reel, item
        self._syncing = True
        try:
            if reel is not None:
                o = reel.options
                self.captions.set_current(o.captions)
                self.height_choice.set_current(str(o.height))
                self.blur.setChecked(o.blur_faces)
                self.alias.setChecked(o.use_alias)
                has_video = any(i.has_video for i in reel.items)
                self.blur.setEnabled(has_video or not reel.items)
        finally:
            self._syncing = False
        self._load_words()

    def masked(self) -> set[int]:
        return {i for i, chip in enumerate(self.chips) if chip.isChecked()}

    # --- masks -----------------------------------------------------------------------------------

    def _load_words(self) -> None:
        for box, _ in self.suggestions:
            box.deleteLater()
        for chip in self.chips:
            chip.deleteLater()
        self.suggestions, self.chips = [], []
        item = self._item
        if item is None:
            self.mask_title.setText(self.tr("Mask words"))
            self.none_found.setText(self.tr("Select a clip to choose words to mask."))
            self._words = []
            return
        self.mask_title.setText(self.tr("Mask words in clip {0}").format(item.position + 1))
        try:
            self._words = self._reels.words(item.id)
        except CloserError as exc:
            self._words = []
            self.none_found.setText(str(exc))
            return
        kinds = {"name": self.tr("name"), "phone": self.tr("phone number"),
                 "email": self.tr("e-mail")}
        for kind, indexes in sensitive_groups(self._words):
            text = " ".join(self._words[i].text for i in indexes)
            box = QCheckBox(self.tr("{0}  ·  {1}").format(text, kinds.get(kind, kind)))
            box.setChecked(all(self._words[i].masked for i in indexes))
            box.toggled.connect(lambda on, ix=indexes: self._toggle(ix, on))
            self.suggested_box.addWidget(box)
            self.suggestions.append((box, indexes))
        self.none_found.setText(
            self.tr("Suggested above: names, phone numbers and e-mails found in this clip. "
                    "Click any word below to mask it too.") if self.suggestions else
            self.tr("Nothing sensitive detected in this clip. Click any word below to mask it."))
        for w in self._words:
            chip = QPushButton(w.text)
            chip.setCheckable(True)
            chip.setChecked(w.masked)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setStyleSheet(_CHIP_CSS)
            chip.setToolTip(self.tr("Mask this word") if not w.sensitive
                            else self.tr("Detected: {0}").format(kinds.get(w.sensitive, "")))
            chip.toggled.connect(lambda on, i=w.index: self._toggle([i], on))
            self.chips_layout.addWidget(chip)
            self.chips.append(chip)

    def _toggle(self, indexes: list[int], on: bool) -> None:
        if self._syncing or self._item is None:
            return
        self._syncing = True
        try:
            for i in indexes:
                self.chips[i].setChecked(on)
            for box, ix in self.suggestions:
                box.setChecked(all(self.chips[i].isChecked() for i in ix))
        finally:
            self._syncing = False
        try:
            reel = self._reels.set_masked(self._item.id, sorted(self.masked()))
        except CloserError as exc:
            self._show_error(str(exc))
            return
        self._reel = reel
        self.error.hide()
        self.changed.emit(reel)

    # --- options ---------------------------------------------------------------------------------

    def _save(self, **changes: object) -> None:
        if self._syncing or self._reel is None:
            return
        try:
            options: ReelOptions = replace(self._reels.get(self._reel.id).options,
                                           **changes)  # type: ignore[arg-type]
            reel = self._reels.update(self._reel.id, options=options)
        except CloserError as exc:
            self._show_error(str(exc))
            return
        self._reel = reel
        self.error.hide()
        self.changed.emit(reel)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

