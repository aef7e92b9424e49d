"""Free disk space while recording: refuse to start, warn, or stop (and finalise) in time."""

from __future__ import annotations

import enum
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

FreeSpaceReader = Callable[[Path], int]
_MB = 1024 * 1024


def free_bytes(folder: Path) -> int:
    """Bytes free for this user on the disk that holds `folder`."""
    return shutil.disk_usage(folder).free


class DiskLevel(enum.Enum):
    OK = "ok"
    WARN = "warn"
    STOP = "stop"


@dataclass(frozen=True)
class DiskCheck:
    """The verdict on one free-space reading; `message` is fit to show the user."""

    level: DiskLevel
    free: int
    message: str = ""


@dataclass(frozen=True)
class DiskPolicy:
    """Thresholds: start needs `start_bytes`, warn below `warn_bytes`, stop below `stop_bytes`.

    Finalising a recording remuxes it, which needs about its own size again; when that much is
    not free, the fragmented file itself becomes the final file (playable, index not first).
    """

    start_bytes: int = 500 * _MB
    warn_bytes: int = 1024 * _MB
    stop_bytes: int = 200 * _MB
    interval_s: float = 3.0

    def check(self, folder: Path, free: int, *, starting: bool = False) -> DiskCheck:
        where = f"the disk holding {folder}"
        if starting and free < self.start_bytes:
            return DiskCheck(
                DiskLevel.STOP,
                free,
                f"Cannot start recording: only {_mb(free)} free on {where} "
                f"(at least {_mb(self.start_bytes)} needed)",
            )
        if free < self.stop_bytes:
            return DiskCheck(
                DiskLevel.STOP,
                free,
                f"Recording stopped: {where} is almost full ({_mb(free)} free); "
                "what was recorded is kept",
            )
        if free < self.warn_bytes:
            return DiskCheck(
                DiskLevel.WARN,
                free,
                f"Low disk space: {_mb(free)} free on {where}; recording stops by itself "
                f"below {_mb(self.stop_bytes)}",
            )
        return DiskCheck(DiskLevel.OK, free)


def _mb(value: int) -> str:
    if value >= 1024 * _MB:
        return f"{value / (1024 * _MB):.1f} GB"
    return f"{value / _MB:.0f} MB"
