"""Tag edits in the UI language: the undo history's kinds worded for the Undo button/messages.

TaggingService keeps English labels (the CLI prints them); the UI words the same edit from
`TaggingService.undo_kind` here, with Qt's plural forms.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tag_edit_text(kind: str, n: int, fallback: str) -> str:
    """"Delete 2 highlights" / "Удаление 2 фрагментов"; `fallback` for an unknown kind."""
    if kind == "create":
        return QCoreApplication.translate("TagHistory", "Create highlight")
    if kind == "retime":
        return QCoreApplication.translate("TagHistory", "Re-time highlight")
    if kind == "edit":
        return QCoreApplication.translate("TagHistory", "Edit %n highlight(s)", "", n)
    if kind == "merge":
        return QCoreApplication.translate("TagHistory", "Merge %n highlight(s)", "", n)
    if kind == "delete":
        return QCoreApplication.translate("TagHistory", "Delete %n highlight(s)", "", n)
    if kind == "stubs":
        return QCoreApplication.translate("TagHistory", "Create %n stub(s) from markers", "", n)
    return fallback
