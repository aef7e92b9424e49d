"""Where a reel may be saved: never over a recording, and never inside the library's own folders.

A reel (and its .srt/.vtt captions) may go anywhere the user can write except onto any
interview's media (the library copy or a linked original, whatever the path spelling, symlink
or hard link) and except inside the library folder, whose one place for output is `exports/`.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import select

from desktop_app.domain.media import MediaError
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Interview, MediaAsset

SIDECARS = (".srt", ".vtt")


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path.expanduser()))
    except (OSError, ValueError):
        return path.expanduser().absolute()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_reel_out(engine: Engine, home: Path, out: Path) -> None:
    """Raise MediaError when writing a reel at `out` (or its captions) would harm the library."""
    library = _resolved(home)
    exports = library / "exports"
    targets = [_resolved(out), *(_resolved(out.with_suffix(s)) for s in SIDECARS)]
    for target in targets:
        if _inside(target, library) and not _inside(target, exports):
            raise MediaError(out, f"cannot be saved inside the library folder ({library}); "
                                  f"save it elsewhere or in {exports}")
    with session_scope(engine) as s:
        rows = s.exec(select(MediaAsset.id, MediaAsset.path, MediaAsset.original_path)).all()
        for asset_id, path, original in rows:
            for media in {p for p in (path, original) if p}:
                media_path = _resolved(Path(media))
                if any(_same_file(t, media_path) for t in targets):
                    iv = s.exec(select(Interview.id).where(Interview.media_id == asset_id)).first()
                    whose = f"interview {iv}" if iv is not None else "an interview"
                    raise MediaError(out, f"is the recording of {whose} ({media_path}); a reel "
                                          "never overwrites a recording: choose another name")
