"""Widgets that end their text in "…" when it does not fit, the whole text then in the tooltip:
a label for names of any length (a job's file name), a combo box (capture devices), and a line
edit whose placeholder (a hint longer in some languages) is shortened the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)


class ElidingComboBox(QComboBox):
    """Paints the current text elided to the edit field; `shown_text()` is what it paints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tip = ""
        self.currentIndexChanged.connect(lambda _i: self._sync_tip())

    def _field_width(self) -> int:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return max(10, field.width() - 4)

    def shown_text(self) -> str:
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideRight,
                                             self._field_width())

    def _sync_tip(self) -> None:
        elided = self.shown_text() != self.currentText()
        if elided or self.toolTip() == self._tip:
            self._tip = self.currentText() if elided else ""
            self.setToolTip(self._tip)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._sync_tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        opt.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class ElidedHintEdit(QLineEdit):
    """A line edit whose placeholder is elided to its width; `full_placeholder()` is the hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = ""

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._hint = text
        self._fit()

    def full_placeholder(self) -> str:
        return self._hint

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        m = self.textMargins()
        room = self.width() - 2 - 16 - 4 - m.left() - m.right()  # frame, padding, inner margin
        shown = self.fontMetrics().elidedText(self._hint, Qt.TextElideMode.ElideRight,
                                              max(20, room))
        super().setPlaceholderText(shown)
        self.setToolTip(self._hint if shown != self._hint else "")


class ElidedTextLabel(QLabel):
    """One line that ends in "…" when it does not fit; `full_text()` is the whole text."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit()

    def _fit(self) -> None:
        room = max(20, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
