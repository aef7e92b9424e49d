"""Find texts a user would see cut off: labels, buttons, tabs, header sections, combo boxes,
placeholders and chips whose text is wider (or taller) than the room the widget gives it.

A text that does not fit is fine only when it is elided ("…") and the widget's tooltip holds the
whole text. The measures follow the application stylesheet (resources/qss/closer.qss): bold
header sections with 8 px padding, tabs with 16 px padding, combo boxes with 8 + 26 px.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # px of rounding a text may overflow by


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _full_text(w: QWidget) -> str:
    """The text an elided widget stands for (ElidedLabel / ElidedChip keep it), else ""."""
    full = getattr(w, "full_text", None)
    if callable(full):
        full = full()
    return full if isinstance(full, str) else ""


def _elided_ok(shown: str, full: str, tip: str) -> bool:
    """An elided text is acceptable when it ends in "…" and the tooltip holds the full text
    (or, for a chip showing a key before a name, the whole name)."""
    tip = tip.strip()
    return shown.endswith("…") and bool(full) and bool(tip) and (
        full in tip or (full.endswith(tip) and shown[:-1].strip() in full))


def _shown_rect(w: QWidget) -> QRect:
    """The widget's rectangle (own coordinates) left after clipping by its ancestors, up to the
    window or a scroll area's viewport (scrolled-away content is not clipped)."""
    rect = w.rect()
    offset = w.pos()
    parent = w.parentWidget()
    while parent is not None and not isinstance(parent.parentWidget(), QAbstractScrollArea):
        rect = rect.intersected(parent.rect().translated(-offset))
        if parent.isWindow():
            break
        offset += parent.pos()
        parent = parent.parentWidget()
    return rect


def _label_problem(w: QLabel) -> str:
    text = w.text()
    if not text:
        return ""
    rich = w.textFormat() == Qt.TextFormat.RichText or (
        w.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text))
    room = w.contentsRect().adjusted(w.margin(), w.margin(), -w.margin(), -w.margin())
    room = room.intersected(_shown_rect(w))
    fm = w.fontMetrics()
    if rich:
        doc = QTextDocument()
        doc.setDefaultFont(w.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        plain = doc.toPlainText()
        if w.wordWrap():
            doc.setTextWidth(room.width())
            need_h = doc.size().height()
            return f"label '{plain}' cut at the bottom" if need_h > room.height() + 3 else ""
        need_w = doc.idealWidth()
        need_h = doc.size().height()
    else:
        plain = _plain(text) if w.buddy() is not None else text
        if w.wordWrap():
            need_h = w.heightForWidth(w.width())
            return f"label '{plain}' cut at the bottom" if need_h > w.height() + 3 else ""
        lines = plain.split("\n")
        need_w = max(fm.horizontalAdvance(x) for x in lines)
        need_h = fm.height() * len(lines)
    if need_w > room.width() + SLACK:
        return f"label '{plain}' ({int(need_w)} px in {room.width()})"
    if need_h > room.height() + 3:
        return f"label '{plain}' cut at the bottom ({int(need_h)} px in {room.height()})"
    full = _full_text(w)
    if full and plain != full and not _elided_ok(plain, full, w.toolTip()):
        return f"label '{plain}' elided without the full text in its tooltip"
    return ""


def _button_problem(w: QAbstractButton) -> str:
    text = _plain(w.text())
    if not text:
        return ""
    fm = w.fontMetrics()
    icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
    if isinstance(w, QPushButton):
        opt = QStyleOptionButton()
        opt.initFrom(w)
        opt.text, opt.icon, opt.iconSize = w.text(), w.icon(), w.iconSize()
        if w.isFlat():
            opt.features |= QStyleOptionButton.ButtonFeature.Flat
        room = w.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, w)
    elif isinstance(w, (QCheckBox, QRadioButton)):
        opt = QStyleOptionButton()
        opt.initFrom(w)
        opt.text = w.text()
        element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(w, QCheckBox)
                   else QStyle.SubElement.SE_RadioButtonContents)
        room = w.style().subElementRect(element, opt, w)
    else:
        room = w.contentsRect().adjusted(3, 0, -3, 0)
        if isinstance(w, QToolButton) and \
                w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return ""
    room = room.intersected(_shown_rect(w))
    lines = text.split("\n")
    need_w = max(fm.horizontalAdvance(x) for x in lines) + icon
    full = _full_text(w)
    if need_w > room.width() + SLACK:
        return f"button '{text}' ({need_w} px in {room.width()})"
    if fm.height() * len(lines) > room.height() + 3:
        return f"button '{text}' cut at the bottom ({fm.height()} px in {room.height()})"
    if full and text != full and not _elided_ok(text, full, w.toolTip()):
        return f"chip '{text}' elided without '{full}' in its tooltip"
    return ""


def _tab_problems(bar: QTabBar) -> list[str]:
    out = []
    fm = bar.fontMetrics()
    for i in range(bar.count()):
        if not bar.isTabVisible(i):
            continue
        text = _plain(bar.tabText(i))
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(i).isNull() else 0
        need = fm.horizontalAdvance(text) + icon + 2 * 8  # half the stylesheet padding at least
        if bar.tabRect(i).width() < need and text not in bar.tabToolTip(i):
            out.append(f"tab '{text}' ({need} px in {bar.tabRect(i).width()})")
    return out


def _header_problems(h: QHeaderView) -> list[str]:
    model = h.model()
    if model is None or h.orientation() != Qt.Orientation.Horizontal or h.isHidden():
        return []
    font = QFont(h.font())
    font.setBold(True)
    fm = QFontMetrics(font)
    out = []
    for c in range(model.columnCount()):
        if h.isSectionHidden(c) or h.sectionSize(c) == 0:
            continue
        text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        tip = str(model.headerData(c, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.ToolTipRole) or "")
        need = max(fm.horizontalAdvance(x) for x in text.split("\n")) + 2 * 8
        if h.isSortIndicatorShown() and h.sortIndicatorSection() == c:
            need += 12
        if need > h.sectionSize(c) + SLACK and not (text.endswith("…") and tip):
            out.append(f"header '{text}' ({need} px in {h.sectionSize(c)})")
    return out


def _combo_problem(w: QComboBox) -> str:
    if w.isEditable():
        return ""
    text = w.currentText()
    if not text:
        return ""
    painted = getattr(w, "shown_text", None)  # kit's ElidingComboBox paints an elided text
    if callable(painted):
        shown = painted()
        if shown != text and not _elided_ok(shown, text, w.toolTip()):
            return f"combo '{shown}' elided without '{text}' in its tooltip"
        text = shown
    need = w.fontMetrics().horizontalAdvance(text) + 8 + 26 + 2 + (
        w.iconSize().width() + 4 if not w.itemIcon(w.currentIndex()).isNull() else 0)
    shown = _shown_rect(w).width()
    if need > shown + SLACK and text not in w.toolTip():
        return f"combo '{text}' ({need} px in {shown})"
    return ""


def _placeholder_problem(w: QLineEdit) -> str:
    parent = w.parentWidget()
    if w.text() or not w.placeholderText() or isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return ""
    full = getattr(w, "full_placeholder", None)  # kit's ElidedHintEdit
    if callable(full) and w.placeholderText() != full() and \
            not _elided_ok(w.placeholderText(), full(), w.toolTip()):
        return f"placeholder '{w.placeholderText()}' elided without '{full()}' in its tooltip"
    margins = w.textMargins()
    side = sum(b.width() + 2 for b in w.findChildren(QToolButton) if b.isVisible())
    room = _shown_rect(w).width() - 2 - 16 - 4 - margins.left() - margins.right() - side
    need = w.fontMetrics().horizontalAdvance(w.placeholderText())
    if need > room + SLACK:
        return f"placeholder '{w.placeholderText()}' ({need} px in {room})"
    return ""


def clipped_texts(root: QWidget) -> list[str]:
    """Every visible text under `root` (root included) that does not fit its widget."""
    found: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.width() < 4 or w.height() < 4:
            continue
        if isinstance(w, QLabel):
            problem = _label_problem(w)
        elif isinstance(w, QAbstractButton):
            problem = _button_problem(w)
        elif isinstance(w, QComboBox):
            problem = _combo_problem(w)
        elif isinstance(w, QLineEdit):
            problem = _placeholder_problem(w)
        elif isinstance(w, QTabBar):
            found += _tab_problems(w)
            continue
        elif isinstance(w, QHeaderView):
            found += _header_problems(w)
            continue
        else:
            continue
        if problem:
            found.append(f"{problem} [{type(w).__name__} {w.objectName() or ''}]".rstrip())
    return found
