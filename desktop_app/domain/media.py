"""What the app knows about a media file, and the error raised when a file is unusable."""

from __future__ import annotations

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
