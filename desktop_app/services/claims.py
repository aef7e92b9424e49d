"""Exclusive claims on work, held as OS file locks: a live job is never run twice.

A claim is an advisory lock (flock on POSIX, msvcrt on Windows) on a small file in the library's
`locks/` folder, held for as long as the work runs. The operating system lets go of it when the
process ends in any way, kill -9 included, so a job row left "running" with no holder is known
to be dead and can be resumed, while one whose claim is held belongs to a live process (another
thread, another window, another app or the CLI) and is left alone. The holder writes its pid
into the file so the message can say who has it.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import IO

from desktop_app.domain.errors import CloserError

try:  # POSIX
    import fcntl

    def _lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _lock(fh: IO[bytes]) -> bool:
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]


class Claim:
    """A held claim; `release` (or leaving the `with` block) lets go of it."""

    def __init__(self, path: Path, fh: IO[bytes]) -> None:
        self.path = path
        self._fh: IO[bytes] | None = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            _unlock(self._fh)
        finally:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> Claim:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


class Claims:
    """Named claims in one folder (one per library)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / (re.sub(r"[^A-Za-z0-9_.-]", "_", key)[:120] + ".lock")

    def _acquire(self, key: str) -> Claim | None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(key)
        fh = open(path, "a+b")  # noqa: SIM115 - held open for as long as the claim lives
        if not _lock(fh):
            fh.close()
            return None
        return Claim(path, fh)

    def try_claim(self, key: str) -> Claim | None:
        """The claim on `key`, or None while a live process (or thread) holds it."""
        claim = self._acquire(key)
        if claim is not None and claim._fh is not None:
            claim._fh.seek(0)
            claim._fh.truncate()
            claim._fh.write(f"{os.getpid()}\n".encode())
            claim._fh.flush()
        return claim

    def wait(self, key: str, *, timeout_s: float = 120.0, what: str = "this") -> Claim:
        """The claim on `key`, waiting while another holds it; CloserError after `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while True:
            claim = self.try_claim(key)
            if claim is not None:
                return claim
            if time.monotonic() > deadline:
                pid = self.holder(key)
                raise CloserError(f"Gave up waiting for {what}: another process "
                                  f"{f'(pid {pid}) ' if pid else ''}has been busy with it for "
                                  f"{timeout_s:.0f} s.")
            time.sleep(0.05)

    def held(self, key: str) -> bool:
        """True while someone holds the claim on `key`."""
        claim = self._acquire(key)
        if claim is None:
            return True
        claim.release()
        return False

    def holder(self, key: str) -> int | None:
        """The pid written by the holder of `key` (None when unknown)."""
        try:
            text = self._path(key).read_text(encoding="ascii", errors="replace").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None
