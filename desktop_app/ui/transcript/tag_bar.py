"""The tag bar under the transcript: what the selected words are tagged with before they are saved.

It shows the range and quote, the touchpoints in journey order (keys Q W E R…), the ten problem
zones (keys 1…0), persona, severity (Shift+1..5), emotion, need, value and a note, and Save /
Cancel (Enter / Esc). The same bar edits an existing highlight, reviews a recorder marker or
accepts a suggestion; the tagging controller decides what Save does.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.highlights import EMOTIONS
from desktop_app.ui.kit.elided_fields import ElidedHintEdit
from desktop_app.ui.kit.palette import emotion_label, series_colour, severity_label
from desktop_app.ui.kit.tag_keys import touchpoint_key_label, zone_key_label
from desktop_app.ui.kit.tokens import qss
from desktop_app.ui.player.parts import format_clock

NEW, EDIT, REVIEW, SUGGESTION = "new", "edit", "review", "suggestion"
CHIP_COLUMNS = 5

TAG_BAR_QSS = qss("""
QFrame#TagBar { background: @CARD; border: 1px solid @LINE; border-radius: 10px; }
QLabel#TagBarTitle { font-weight: bold; color: @INK; }
QLabel#TagBarRange { color: @INK_SOFT; }
QLabel#TagBarWarning { color: @AMBER_700; }
QLabel#TagBarGroup { color: @MUTED; font-size: 11px; }
QPushButton#TagChip { border: 1px solid @LINE_STRONG; border-radius: 12px; padding: 3px 10px;
    background: @CARD; color: @INK; text-align: left; }
QPushButton#TagChip:checked { background: @ACCENT_SOFT; border: 2px solid @ACCENT;
    color: @INDIGO_900; font-weight: bold; }
QPushButton#SeverityButton { border: 1px solid @LINE_STRONG; border-radius: 6px; padding: 3px 6px;
    background: @CARD; min-width: 14px; }
QPushButton#SeverityButton:checked { background: @ACCENT; color: @CARD; border-color: @ACCENT; }
""")


@dataclass(frozen=True)
class TagChoice:
    id: int
    label: str
    key: str = ""  # its tagging shortcut ("Q", "5"), "" for none


def zone_colour(index: int) -> str:
    """The colour of the index-th problem zone (marks in the transcript, list dots)."""
    return series_colour(index).name()


class ElidedChip(QPushButton):
    """A checkable chip whose text ends in "…" when the column is too narrow (full text in
    the tooltip), so no name is ever cut off silently."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.full_text = text
        self.setMinimumWidth(40)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 120), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        opt = QStyleOptionButton()
        opt.initFrom(self)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt,
                                           self).width() - 2  # inside the stylesheet padding
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight,
                                                   max(10, room)))


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit; the whole text is in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(60)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str, tip: str | None = None) -> None:
        self._full = text
        self.setToolTip(text if tip is None else tip)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(20, self.width())))


class TagBar(QFrame):
    """Tags for one range; emits requests, stores nothing itself."""

    save_requested = Signal()
    cancel_requested = Signal()
    delete_requested = Signal()
    reject_requested = Signal()
    nudge_requested = Signal(str, int)  # "start" | "end", -1 | +1 word

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TagBar")
        self.setStyleSheet(TAG_BAR_QSS)
        self.mode = NEW
        self.start = 0.0
        self.end = 0.0
        self.highlight_id: int | None = None
        self.suggestion_key = ""
        self._touchpoints: list[TagChoice] = []
        self._zones: list[TagChoice] = []
        self.touchpoint_buttons: list[QPushButton] = []
        self.zone_buttons: list[QPushButton] = []
        self._keyed: list[tuple[str, QPushButton]] = []
        self._build()
        for seq, slot in (("Escape", self.cancel_requested.emit),):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self._open = False
        self.close_bar()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("TagBarTitle")
        self.range_label = ElidedLabel()
        self.range_label.setObjectName("TagBarRange")
        self.range_label.setMinimumWidth(60)
        head.addWidget(self.title)
        head.addWidget(self.range_label, 1)
        self.nudge_buttons: dict[tuple[str, int], QPushButton] = {}
        for edge, step, text, tip in (
                ("start", -1, "⇤", self.tr("Start one word earlier")),
                ("start", 1, "⇥", self.tr("Start one word later")),
                ("end", -1, "⇤", self.tr("End one word earlier")),
                ("end", 1, "⇥", self.tr("End one word later"))):
            b = QPushButton(text)
            b.setObjectName("SeverityButton")
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _c=False, e=edge, s=step: self.nudge_requested.emit(e, s))
            self.nudge_buttons[(edge, step)] = b
        self.start_label = QLabel(self.tr("Start"))
        self.start_label.setObjectName("TagBarGroup")
        self.end_label = QLabel(self.tr("End"))
        self.end_label.setObjectName("TagBarGroup")
        head.addWidget(self.start_label)
        head.addWidget(self.nudge_buttons[("start", -1)])
        head.addWidget(self.nudge_buttons[("start", 1)])
        head.addWidget(self.end_label)
        head.addWidget(self.nudge_buttons[("end", -1)])
        head.addWidget(self.nudge_buttons[("end", 1)])
        lay.addLayout(head)
        self.warning = QLabel()
        self.warning.setObjectName("TagBarWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        lay.addWidget(self.warning)

        groups = QGridLayout()
        groups.setHorizontalSpacing(10)
        groups.setVerticalSpacing(6)
        tp_head = QLabel(self.tr("Touchpoints"))
        tp_head.setObjectName("TagBarGroup")
        tp_head.setToolTip(self.tr("Keys Q, W, E, R… in journey order"))
        zone_head = QLabel(self.tr("Problem zones"))
        zone_head.setObjectName("TagBarGroup")
        zone_head.setToolTip(self.tr("Keys 1…9, 0"))
        self.tp_grid = QGridLayout()
        self.zone_grid = QGridLayout()
        for grid in (self.tp_grid, self.zone_grid):
            grid.setHorizontalSpacing(6)
            grid.setVerticalSpacing(4)
            for c in range(CHIP_COLUMNS):
                grid.setColumnStretch(c, 1)
        groups.addWidget(tp_head, 0, 0, Qt.AlignmentFlag.AlignTop)
        groups.addLayout(self.tp_grid, 0, 1)
        groups.addWidget(zone_head, 1, 0, Qt.AlignmentFlag.AlignTop)
        groups.addLayout(self.zone_grid, 1, 1)
        groups.setColumnStretch(1, 1)
        lay.addLayout(groups)

        row = QHBoxLayout()
        row.setSpacing(8)
        sev_label = QLabel(self.tr("Severity (Shift+1…5)"))
        sev_label.setObjectName("TagBarGroup")
        sev_label.setToolTip(self.tr("Shift+1…5"))
        row.addWidget(sev_label)
        self.severity_group = QButtonGroup(self)
        self.severity_group.setExclusive(True)
        self.severity_buttons: list[QPushButton] = []
        for level in range(1, 6):
            b = QPushButton(str(level))
            b.setObjectName("SeverityButton")
            b.setCheckable(True)
            b.setToolTip(f"Shift+{level}: {severity_label(level)}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.severity_group.addButton(b, level)
            self.severity_buttons.append(b)
            row.addWidget(b)
        emo_label = QLabel(self.tr("Emotion"))
        emo_label.setObjectName("TagBarGroup")
        self.emotion = QComboBox()
        self.emotion.setObjectName("TagEmotion")
        self.emotion.addItem("—", "")
        for e in EMOTIONS:
            self.emotion.addItem(emotion_label(e), e)
        row.addSpacing(6)
        row.addWidget(emo_label)
        row.addWidget(self.emotion)
        persona_label = QLabel(self.tr("Persona"))
        persona_label.setObjectName("TagBarGroup")
        self.persona = QComboBox()
        self.persona.setObjectName("TagPersona")
        self.persona.setMinimumWidth(96)
        row.addSpacing(6)
        row.addWidget(persona_label)
        row.addWidget(self.persona, 1)
        lay.addLayout(row)

        texts = QHBoxLayout()
        texts.setSpacing(8)
        # narrow fields: their placeholders end in "…" with the whole hint as the tooltip
        self.need = ElidedHintEdit()
        self.need.setPlaceholderText(self.tr("Need: what the customer wanted"))
        self.value = ElidedHintEdit()
        self.value.setPlaceholderText(self.tr("Value: what would help"))
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("Note"))
        for edit in (self.need, self.value, self.notes):
            edit.returnPressed.connect(self.save_requested)
            texts.addWidget(edit, 1)
        self.error = QLabel()
        self.error.setObjectName("ErrorText")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = texts
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(self.delete_requested)
        self.reject_button = QPushButton(self.tr("Reject (X)"))
        self.reject_button.clicked.connect(self.reject_requested)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.save_button = QPushButton(self.tr("Save (Enter)"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save_requested)
        for b in (self.delete_button, self.reject_button, self.cancel_button, self.save_button):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        lay.addLayout(texts)
        lay.addWidget(self.error)

    def set_choices(self, touchpoints: list[TagChoice], zones: list[TagChoice],
                    personas: list[TagChoice]) -> None:
        """The touchpoints (journey order), zones and personas the chips and box offer."""
        self._touchpoints, self._zones = list(touchpoints), list(zones)
        for grid, buttons in ((self.tp_grid, self.touchpoint_buttons),
                              (self.zone_grid, self.zone_buttons)):
            for b in buttons:
                grid.removeWidget(b)
                b.deleteLater()
            buttons.clear()
        self._keyed = []  # (shortcut, chip), touchpoints first: what a key press switches
        for i, tp in enumerate(self._touchpoints):
            key = tp.key or touchpoint_key_label(i)
            b = self._chip(f"{key}  {tp.label}" if key else tp.label, tp.label)
            self._keyed.append((key.upper(), b))
            self.touchpoint_buttons.append(b)
            self.tp_grid.addWidget(b, i // CHIP_COLUMNS, i % CHIP_COLUMNS)
        for i, z in enumerate(self._zones):
            key = z.key or zone_key_label(i)
            b = self._chip(f"{key}  {z.label}" if key else z.label, z.label)
            b.setStyleSheet(f"QPushButton#TagChip:checked {{ border-color: {zone_colour(i)}; }}")
            self._keyed.append((key.upper(), b))
            self.zone_buttons.append(b)
            self.zone_grid.addWidget(b, i // CHIP_COLUMNS, i % CHIP_COLUMNS)
        current = self.persona.currentData()
        self.persona.clear()
        self.persona.addItem(self.tr("No persona"), None)
        for p in personas:
            self.persona.addItem(p.label, p.id)
        self._select_persona(current)
        self._set_enabled(self._open)

    def _chip(self, text: str, tip: str) -> QPushButton:
        b = ElidedChip(text)
        b.setObjectName("TagChip")
        b.setCheckable(True)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        return b

    # --- opening ----------------------------------------------------------------------------

    def open(self, mode: str, start: float, end: float, quote: str, *,
             touchpoint_ids: tuple[int, ...] = (), zone_ids: tuple[int, ...] = (),
             persona_id: int | None = None, severity: int = 3, emotion: str = "",
             need: str = "", value: str = "", notes: str = "", highlight_id: int | None = None,
             suggestion_key: str = "", source_text: str = "") -> None:
        self.mode = mode
        self.highlight_id = highlight_id
        self.suggestion_key = suggestion_key
        titles = {NEW: self.tr("New highlight"), EDIT: self.tr("Edit highlight"),
                  REVIEW: self.tr("Review marker"), SUGGESTION: self.tr("Suggested highlight")}
        self.title.setText(titles[mode] + (f" · {source_text}" if source_text else ""))
        ids_tp, ids_z = set(touchpoint_ids), set(zone_ids)
        for b, tp in zip(self.touchpoint_buttons, self._touchpoints, strict=False):
            b.setChecked(tp.id in ids_tp)
        for b, z in zip(self.zone_buttons, self._zones, strict=False):
            b.setChecked(z.id in ids_z)
        self._select_persona(persona_id)
        self.set_severity(severity)
        idx = self.emotion.findData(emotion)
        self.emotion.setCurrentIndex(max(0, idx))
        self.need.setText(need)
        self.value.setText(value)
        self.notes.setText(notes)
        self.delete_button.setVisible(mode in (EDIT, REVIEW))
        self.reject_button.setVisible(mode == SUGGESTION)
        self.save_button.setText(self.tr("Accept (A)") if mode == SUGGESTION
                                 else self.tr("Save (Enter)"))
        self.show_error("")
        self._open = True
        self._set_enabled(True)
        for w in (*self.nudge_buttons.values(), self.start_label, self.end_label):
            w.show()
        self.set_range(start, end, quote)

    def is_open(self) -> bool:
        """Whether a range is being tagged (else the bar waits, showing how to start)."""
        return self._open

    def close_bar(self) -> None:
        """Back to waiting: the same place on screen, how to tag, nothing to press."""
        self._open = False
        self.mode = NEW
        self.highlight_id = None
        self.suggestion_key = ""
        self.title.setText(self.tr("Tag a moment"))
        self.range_label.set_full_text(self.tr(
            "Select words (drag or Shift+arrows), or press a key while it plays. Keys: Q W E… "
            "touchpoints, 1…0 zones (several allowed; a key switches a tag on and off), "
            "Shift+1…5 severity, Enter saves, Esc cancels."))
        self.set_warnings([])
        self.show_error("")
        for b in (*self.touchpoint_buttons, *self.zone_buttons):
            b.setChecked(False)
        self.set_severity(3)
        self.emotion.setCurrentIndex(0)
        self._select_persona(None)
        for edit in (self.need, self.value, self.notes):
            edit.clear()
        self.delete_button.hide()
        self.reject_button.hide()
        self.save_button.setText(self.tr("Save (Enter)"))
        for w in (*self.nudge_buttons.values(), self.start_label, self.end_label):
            w.hide()
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (*self.touchpoint_buttons, *self.zone_buttons, *self.severity_buttons,
                  *self.nudge_buttons.values(), self.persona, self.emotion, self.need,
                  self.value, self.notes, self.save_button, self.cancel_button,
                  self.delete_button, self.reject_button):
            w.setEnabled(on)

    def set_range(self, start: float, end: float, quote: str,
                  warnings: list[str] | None = None) -> None:
        self.start, self.end = start, end
        text = f"{format_clock(start)}–{format_clock(end)}"
        no_words = self.tr("no words in this range")
        self.range_label.set_full_text(f"{text} · “{quote}”" if quote else
                                       f"{text} · {no_words}", quote)
        self.set_warnings(warnings or [])

    def set_warnings(self, warnings: list[str]) -> None:
        self.warning.setText(" ".join(warnings))
        self.warning.setVisible(bool(warnings))

    def _select_persona(self, persona_id: int | None) -> None:
        idx = self.persona.findData(persona_id) if persona_id is not None else 0
        self.persona.setCurrentIndex(max(0, idx))

    # --- keys -------------------------------------------------------------------------------

    def _chip_for(self, key: str) -> QPushButton | None:
        """The chip whose shortcut is `key` (touchpoints before zones), if any."""
        wanted = key.upper()
        return next((b for k, b in self._keyed if k == wanted), None)

    def has_key(self, key: str) -> bool:
        """Whether some touchpoint or zone has the shortcut `key`."""
        return self._chip_for(key) is not None

    def toggle_key(self, key: str) -> bool:
        """Switch the touchpoint (first) or zone whose shortcut is `key`; False if none."""
        chip = self._chip_for(key)
        if chip is not None:
            chip.toggle()
        return chip is not None

    def set_severity(self, level: int) -> None:
        button = self.severity_group.button(max(1, min(5, int(level))))
        if button is not None:
            button.setChecked(True)

    # --- reading ----------------------------------------------------------------------------

    def touchpoint_ids(self) -> list[int]:
        return [tp.id for b, tp in zip(self.touchpoint_buttons, self._touchpoints, strict=False)
                if b.isChecked()]

    def zone_ids(self) -> list[int]:
        return [z.id for b, z in zip(self.zone_buttons, self._zones, strict=False)
                if b.isChecked()]

    def persona_id(self) -> int | None:
        data = self.persona.currentData()
        return None if data is None else int(data)

    def severity(self) -> int:
        return max(1, self.severity_group.checkedId())

    def values(self) -> dict[str, object]:
        return {"touchpoints": self.touchpoint_ids(), "zones": self.zone_ids(),
                "persona": self.persona_id(), "severity": self.severity(),
                "emotion": str(self.emotion.currentData() or ""),
                "need": self.need.text().strip(), "value": self.value.text().strip(),
                "notes": self.notes.text().strip()}

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
