"""Delete a touchpoint or problem zone that highlights use: move their tag elsewhere or untag."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from desktop_app.ui.kit.dialog import FormDialog


class ReassignDeleteDialog(FormDialog):
    """Asks what happens to tagged highlights, then calls `delete(reassign_to)` on confirm.

    With no tagged highlights it is a plain confirmation. `reassign_to` is None for "untag".
    """

    def __init__(self, title: str, message: str, usage: int, choices: list[tuple[int, str]],
                 delete: Callable[[int | None], None], parent: QWidget | None = None) -> None:
        super().__init__(title, message, save_text=self.tr("Delete"), parent=parent)
        self.setMinimumWidth(500)
        self.body.setSpacing(10)
        self.save_button.setObjectName("DangerButton")
        self.save_button.setStyleSheet("font-weight: bold;")
        self._delete = delete
        self.move_radio = QRadioButton()
        self.untag_radio = QRadioButton(self.tr("Remove the tag (the highlights stay, without it)"))
        self.target_combo = QComboBox()
        for item_id, label in choices:
            self.target_combo.addItem(label, item_id)
        self.group = QButtonGroup(self)
        self.group.addButton(self.move_radio)
        self.group.addButton(self.untag_radio)
        if usage:
            intro = QLabel(self.tr("%n highlight(s) tagged with it. What should happen to "
                                   "the tag?", "", usage))
            intro.setWordWrap(True)
            self.body.addWidget(intro)
            self.move_radio.setText(self.tr("Move the tag to:"))
            self.body.addWidget(self.move_radio)
            indent = QHBoxLayout()
            indent.setContentsMargins(26, 0, 0, 0)
            self.target_combo.setMinimumWidth(280)
            indent.addWidget(self.target_combo)
            indent.addStretch(1)
            self.body.addLayout(indent)
            self.body.addWidget(self.untag_radio)
            if choices:
                self.move_radio.setChecked(True)
            else:
                self.move_radio.setEnabled(False)
                self.target_combo.setEnabled(False)
                self.untag_radio.setChecked(True)
            self.untag_radio.toggled.connect(lambda on: self.target_combo.setEnabled(not on))
            self.target_combo.activated.connect(lambda _i: self.move_radio.setChecked(True))
        else:
            self.untag_radio.setChecked(True)
            note = QLabel(self.tr("No highlight uses it."))
            note.setObjectName("Muted")
            self.body.addWidget(note)

    def reassign_to(self) -> int | None:
        if self.move_radio.isChecked() and self.target_combo.currentIndex() >= 0:
            return int(self.target_combo.currentData())
        return None

    def choose_target(self, item_id: int) -> None:
        self.move_radio.setChecked(True)
        self.target_combo.setCurrentIndex(self.target_combo.findData(item_id))

    def save(self) -> None:
        self._delete(self.reassign_to())
