"""The transcript editor's menus: speakers (assign, new, none, rename everywhere) and the
right-click menu of a segment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.domain.transcript import CUSTOMER, INTERVIEWER
from desktop_app.ui.transcript.speakers import speaker_label

if TYPE_CHECKING:
    from desktop_app.ui.transcript.editor import TranscriptEditor


def _t(text: str) -> str:
    return QCoreApplication.translate("TranscriptEditor", text)


def colour_icon(colour: QColor, ring: QColor | None = None) -> QIcon:
    """A round speaker dot for menus (the chip's colours)."""
    pix = QPixmap(28, 28)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    if ring is not None:
        p.setBrush(ring)
        p.drawEllipse(2, 2, 24, 24)
    p.setBrush(colour)
    p.drawEllipse(8, 8, 12, 12)
    p.end()
    return QIcon(pix)


def speaker_menu(editor: TranscriptEditor, parent: QWidget) -> QMenu:
    """Assign a speaker to the selected segments (a ✓ marks theirs), or rename one."""
    menu = QMenu(_t("Speaker"), parent)
    menu.setObjectName("SpeakerMenu")
    model = editor.model
    ids = editor.selected_segment_ids()
    n = len(ids)
    writable = n > 0 and not editor.is_read_only()
    head = menu.addAction(QCoreApplication.translate("TranscriptEditor",
                                                     "Assign %n segment(s) to", "", n))
    head.setEnabled(False)
    names = editor.speakers()
    names += [d for d in (INTERVIEWER, CUSTOMER) if d not in names]
    current = {model.segment(r).speaker for r in range(model.rowCount())
               if model.segment(r).id in ids}
    for name in names:
        fg, bg = model.speaker_colours(name)
        action = menu.addAction(colour_icon(fg, bg),
                                _t("{0}  ✓").format(speaker_label(name)) if current == {name}
                                else speaker_label(name))
        action.setEnabled(writable)
        action.triggered.connect(lambda _c=False, s=name: editor.assign_speaker(s))
    new = menu.addAction(_t("New speaker…"))
    new.setEnabled(writable)
    new.triggered.connect(editor.ask_new_speaker)
    clear = menu.addAction(_t("No speaker"))
    clear.setEnabled(writable)
    clear.triggered.connect(lambda: editor.assign_speaker(""))
    if editor.speakers():
        menu.addSeparator()
        rename = menu.addMenu(_t("Rename speaker everywhere"))
        rename.setEnabled(not editor.is_read_only())
        for name in editor.speakers():
            fg, bg = model.speaker_colours(name)
            act = rename.addAction(colour_icon(fg, bg), _t("{0}…").format(speaker_label(name)))
            act.triggered.connect(lambda _c=False, s=name: editor.ask_rename_speaker(s))
    return menu


def context_menu(editor: TranscriptEditor, index: QModelIndex) -> QMenu:
    """Right-click on a segment: play from it, edit it, speakers, undo/redo."""
    seg = editor.model.segment(index.row())
    menu = QMenu(editor)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    play = menu.addAction(_t("Play from here"))
    play.triggered.connect(lambda: editor.seek_requested.emit(seg.start))
    edit = menu.addAction(_t("Edit text"))
    edit.setShortcut(QKeySequence(Qt.Key.Key_Return))
    edit.setEnabled(not editor.is_read_only())
    edit.triggered.connect(lambda: editor.begin_edit(index))
    menu.addSeparator()
    menu.addMenu(speaker_menu(editor, menu))
    menu.addSeparator()
    menu.addAction(editor.undo_action)
    menu.addAction(editor.redo_action)
    return menu
