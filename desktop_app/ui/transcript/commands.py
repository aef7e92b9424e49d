"""Undoable transcript edits (QUndoCommand): a segment's text, speakers of segments, a rename.

Each command is pushed after its first application succeeded, so `redo` skips the first call;
later undo/redo calls go through the editor, which writes the library and updates the model.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand


class TranscriptWriter(Protocol):
    """What the commands need from the editor (TranscriptEditor implements it)."""

    def apply_text(self, segment_id: int, text: str) -> bool: ...

    def apply_speakers(self, names: dict[int, str]) -> bool: ...


class _Once(QUndoCommand):
    def __init__(self, title: str) -> None:
        super().__init__(title)
        self._applied = True  # already done by the editor when pushed

    def _redo(self, action: Callable[[], bool]) -> None:
        if self._applied:
            self._applied = False
            return
        action()


class EditTextCommand(_Once):
    """Replace one segment's text (word timings are kept by the service)."""

    def __init__(self, writer: TranscriptWriter, segment_id: int, old: str, new: str,
                 title: str) -> None:
        super().__init__(title)
        self._writer, self._id, self._old, self._new = writer, segment_id, old, new

    def redo(self) -> None:
        self._redo(lambda: self._writer.apply_text(self._id, self._new))

    def undo(self) -> None:
        self._writer.apply_text(self._id, self._old)


class SpeakerCommand(_Once):
    """Give segments new speakers (assign or rename); undo restores each one's old speaker."""

    def __init__(self, writer: TranscriptWriter, old: dict[int, str], new: dict[int, str],
                 title: str) -> None:
        super().__init__(title)
        self._writer, self._old, self._new = writer, dict(old), dict(new)

    def redo(self) -> None:
        self._redo(lambda: self._writer.apply_speakers(self._new))

    def undo(self) -> None:
        self._writer.apply_speakers(self._old)


class TagHistory(Protocol):
    """What a tag command needs (the tagging controller implements it)."""

    def undo_tag_edit(self, serial: int, title: str) -> bool: ...

    def redo_tag_edit(self, serial: int, title: str) -> bool: ...


class TagCommand(_Once):
    """One highlight edit of the tagging service (create, edit, re-time, merge, delete), kept
    on the transcript's undo stack so Ctrl+Z walks back through tag and text edits alike."""

    def __init__(self, history: TagHistory, serial: int, title: str) -> None:
        super().__init__(title)
        self._history, self._serial = history, serial

    def redo(self) -> None:
        self._redo(lambda: self._history.redo_tag_edit(self._serial, self.text()))

    def undo(self) -> None:
        self._history.undo_tag_edit(self._serial, self.text())


class RejectCommand(_Once):
    """Reject a suggestion; undo offers it again."""

    def __init__(self, reject: Callable[[], object], unreject: Callable[[], object],
                 title: str) -> None:
        super().__init__(title)
        self._reject, self._unreject = reject, unreject

    def redo(self) -> None:
        self._redo(lambda: bool(self._reject()))

    def undo(self) -> None:
        self._unreject()
