"""One-line messages for failures that reach the command line from below the services.

A full or read-only disk, a database that cannot be opened, a path the system refuses, numbers
or nesting too large: each becomes one line that names the reason and what to do. Nothing of
SQLAlchemy (statements, URLs) or a traceback reaches the user.
"""

from __future__ import annotations

import errno

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from desktop_app.config.paths import library_home

_OS_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENAMETOOLONG: "a path or file name is too long for the system",
    errno.ELOOP: "a symbolic link loops (it never reaches a file)",
}


def _home() -> str:
    try:
        return str(library_home())
    except OSError:
        return "the library folder"


def _database_reason(exc: SQLAlchemyError) -> str:
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    text = str(orig or "").lower()
    if "disk is full" in text or "disk i/o" in text:
        return (f"The disk holding the library ({_home()}) is full: nothing was changed. "
                "Free some space and try again.")
    if "readonly" in text or "read-only" in text:
        return f"The library ({_home()}) is read-only here: nothing was changed."
    if "locked" in text or "busy" in text:
        return "The library is busy in another window or process; try again in a moment."
    if "unable to open" in text:
        return f"The library database in {_home()} cannot be opened (is the folder there?)."
    if "not a database" in text or "malformed" in text:
        return f"The library database in {_home()} is damaged; restore it from a backup."
    return f"The library database failed ({type(orig or exc).__name__}); nothing was changed."


def describe_failure(exc: BaseException) -> str | None:
    """The one-line message for `exc`, or None when it is a bug to show in full."""
    if isinstance(exc, SQLAlchemyError):
        return _database_reason(exc)
    if isinstance(exc, OSError) and exc.errno in _OS_REASONS:
        where = f" ({exc.filename})" if isinstance(exc.filename, str) and \
            len(exc.filename) <= 200 else ""
        reason = _OS_REASONS[exc.errno]
        return f"{reason[0].upper()}{reason[1:]}{where}: nothing was changed."
    if isinstance(exc, OverflowError):
        return "A number or date is out of range: nothing was changed."
    if isinstance(exc, RecursionError):
        return "The input is nested too deeply: nothing was changed."
    if isinstance(exc, MemoryError):
        return "Out of memory: nothing was changed."
    return None
