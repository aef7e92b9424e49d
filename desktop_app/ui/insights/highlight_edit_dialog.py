"""Edit one or several highlights from the Insights table: tags, severity, emotion, notes.

With several rows selected, each field starts as "keep" (a tag checkbox half-checked when only
some of them carry it): only what the user changes is written, to all of them, in one undoable
step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import EMOTIONS, HighlightView
from desktop_app.services.tagging import HighlightService
from desktop_app.ui.kit.dialog import FormDialog, labelled
from desktop_app.ui.kit.palette import emotion_label, severity_label

KEEP = "__keep__"
COLUMNS = 3


class HighlightEditDialog(FormDialog):
    """Changes the highlights `views` through `tagging.update_many` (one undo step)."""

    def __init__(self, tagging: HighlightService, views: list[HighlightView],
                 touchpoints: list[tuple[int, str]], zones: list[tuple[int, str]],
                 parent: QWidget | None = None) -> None:
        n = len(views)
        super().__init__(self.tr("Edit highlight") if n == 1
                         else self.tr("Edit %n highlight(s)", "", n),
                         self.tr("Only what you change is saved. A ticked tag goes to all of "
                                 "them, an unticked one is taken off all of them, a half-ticked "
                                 "one (some have it) stays as each one has it.")
                         if n > 1 else views[0].quote[:120], parent=parent)
        self.tagging = tagging
        self.views = views
        self.saved_ids: list[int] = []
        self.touchpoint_boxes = self._tag_grid(self.tr("Touchpoints"), touchpoints,
                                               [set(v.touchpoint_ids) for v in views])
        self.zone_boxes = self._tag_grid(self.tr("Problem zones"), zones,
                                         [set(v.zone_ids) for v in views])
        self.severity = QComboBox()
        self.emotion = QComboBox()
        if n > 1:
            self.severity.addItem(self.tr("(keep)"), KEEP)
            self.emotion.addItem(self.tr("(keep)"), KEEP)
        for level in range(1, 6):
            self.severity.addItem(f"{level} · {severity_label(level)}", level)
        self.emotion.addItem("—", "")
        for e in EMOTIONS:
            self.emotion.addItem(emotion_label(e), e)
        if n == 1:
            self.severity.setCurrentIndex(self.severity.findData(views[0].severity))
            self.emotion.setCurrentIndex(max(0, self.emotion.findData(views[0].emotion)))
        self.notes = QLineEdit()
        if n == 1:
            self.notes.setText(views[0].notes)
        else:
            self.notes.setPlaceholderText(self.tr("(keep each one's note)"))
        self.row(labelled(self.tr("Severity"), self.severity),
                 labelled(self.tr("Emotion"), self.emotion))
        self.body.addWidget(labelled(self.tr("Note"), self.notes))

    def _tag_grid(self, title: str, choices: list[tuple[int, str]],
                  present: list[set[int]]) -> dict[int, QCheckBox]:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        boxes: dict[int, QCheckBox] = {}
        for cid, name in choices:
            box = QCheckBox(name)
            box.setToolTip(name)
            have = sum(1 for p in present if cid in p)
            if 0 < have < len(present):
                box.setTristate(True)
                box.setCheckState(Qt.CheckState.PartiallyChecked)
            else:
                box.setChecked(have == len(present) and have > 0)
            boxes[cid] = box
        # as many columns as the longest name leaves room for (the form is 504 px wide)
        widest = max([b.sizeHint().width() for b in boxes.values()] + [1])
        columns = max(1, min(COLUMNS, 504 // (widest + grid.horizontalSpacing())))
        for i, box in enumerate(boxes.values()):
            grid.addWidget(box, i // columns, i % columns)
        head = QLabel(title)
        head.setObjectName("FieldLabel")
        self.body.addWidget(head)
        self.body.addWidget(holder)
        return boxes

    @staticmethod
    def _changes(boxes: dict[int, QCheckBox]) -> tuple[list[int], list[int]]:
        add = [i for i, b in boxes.items() if b.checkState() == Qt.CheckState.Checked]
        remove = [i for i, b in boxes.items() if b.checkState() == Qt.CheckState.Unchecked]
        return add, remove

    def save(self) -> None:
        add_tp, del_tp = self._changes(self.touchpoint_boxes)
        add_z, del_z = self._changes(self.zone_boxes)
        changes: dict[str, object] = {}
        if self.severity.currentData() != KEEP:
            changes["severity"] = int(self.severity.currentData())
        if self.emotion.currentData() != KEEP:
            changes["emotion"] = str(self.emotion.currentData())
        if len(self.views) == 1 or self.notes.text().strip():
            changes["notes"] = self.notes.text()
        if len(self.views) == 1 and not add_tp and not add_z:
            raise ValidationError(self.tr("A highlight needs at least one touchpoint or "
                                          "problem zone."))
        done = self.tagging.update_many([v.id for v in self.views], add_touchpoints=add_tp,
                                        remove_touchpoints=del_tp, add_zones=add_z,
                                        remove_zones=del_z, **changes)
        self.saved_ids = [v.id for v in done]
