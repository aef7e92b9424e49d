"""What the app knows about a media file, and the error raised when a file is unusable."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop_app.domain.errors import CloserError

AUDIO_EXTENSIONS = frozenset({".m4a", ".mp3", ".wav", ".flac", ".ogg", ".opus", ".aac", ".wma"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".mov", ".mkv", ".webm", ".avi", ".m4v"})
MEDIA_EXTENSIONS = AUDIO_EXTENSIONS | VIDEO_EXTENSIONS


@dataclass(frozen=True)
class MediaInfo:
    """Probed facts about one media file."""

    duration_s: float
    has_video: bool
    has_audio: bool
    container: str = ""
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    audio_codec: str | None = None
    audio_channels: int | None = None
    sample_rate: int | None = None
    audio_tracks: int = 0


class MediaError(CloserError):
    """A media file cannot be used; `str()` names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


def check_media_file(path: Path) -> int:
    """Raise MediaError unless `path` is an existing, readable, non-empty regular file; its size.

    Says what is really wrong: a path too long for the system, a symbolic link that loops or
    points nowhere, a FIFO or device (never opened: reading a FIFO would wait forever).
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise MediaError(_short(path), f"the path is too long for the system "
                                           f"({len(str(path)):,} characters)") from None
        if exc.errno == errno.ELOOP:
            raise MediaError(path, "is a symbolic link that loops (it never reaches a "
                                   "file)") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise MediaError(path, "permission denied: the file cannot be read") from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            broken = os.path.islink(path)
            raise MediaError(path, "is a symbolic link to a file that does not exist"
                             if broken else "file not found") from None
        raise MediaError(path, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # an embedded NUL
        raise MediaError(_short(path), f"is not a valid path ({exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise MediaError(path, "is a folder, not a media file")
    if not stat.S_ISREG(info.st_mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else
                "a socket" if stat.S_ISSOCK(info.st_mode) else "a device")
        raise MediaError(path, f"is {kind}, not a media file")
    if info.st_size == 0:
        raise MediaError(path, "the file is empty")
    return info.st_size


def _short(path: Path) -> Path:
    """A path whose name is shown cut short (a 300-character name would flood the message)."""
    name = Path(str(path)).name
    return Path(name if len(name) <= 80 else name[:60] + "…" + name[-12:])
