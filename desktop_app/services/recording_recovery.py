"""Crash recovery for recordings (mixed into RecordingService).

At the next start, interviews still in status "recording" that no running process records are
interrupted recordings: their crash-safe partial file is remuxed into a playable MP4 (everything
up to the last whole fragment, so at most a second is lost) and attached; a file that was
finished but not attached yet is simply attached; an interview with nothing on disk is marked
failed. Each is one step of a job ("recover_recordings"), so the GUI shows it in its queue.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psutil
from sqlalchemy import Engine
from sqlmodel import col, select

from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.recording import InterruptedRecording, SavedRecording
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Customer, Interview


class RecoveryMixin:
    """`interrupted()`, `recover_iter()`, `recover_all()` and the job function."""

    _engine: Engine
    _lock: threading.Lock
    _active: dict[int, str | None]
    _partial_for: Callable[[Path], Path]
    _recover: Callable[[Path], Path]

    def _target(self, iv: Interview) -> Path:
        raise NotImplementedError

    def _target_of(self, interview_id: int) -> Path:
        raise NotImplementedError

    @staticmethod
    def _sidecar(target: Path) -> Path:
        raise NotImplementedError

    def fail(self, interview_id: int, error: str) -> None:
        raise NotImplementedError

    def recovered(self, interview_id: int, path: Path) -> SavedRecording:
        raise NotImplementedError

    def interrupted(self) -> list[InterruptedRecording]:
        """Recordings a crash cut off: interviews in status "recording" that no running
        process records (their crash-safe partial file, a finished file, or nothing)."""
        with session_scope(self._engine) as s:
            rows = s.exec(select(Interview, Customer)
                          .join(Customer, col(Customer.id) == Interview.customer_id)
                          .where(Interview.status == "recording")
                          .order_by(col(Interview.id))).all()
            found = [(iv.id, c.name, iv.title, self._target(iv)) for iv, c in rows]
        out = []
        for iid, customer, title, target in found:
            assert iid is not None
            if self._is_running(iid, target):
                continue
            partial = self._partial_for(target)
            if target.is_file():
                out.append(InterruptedRecording(iid, customer, title, target, False))
            elif partial.is_file():
                out.append(InterruptedRecording(iid, customer, title, partial, True))
            else:
                out.append(InterruptedRecording(iid, customer, title, None, False))
        return out

    def recover_all(self, cancel: CancelToken | None = None) -> list[SavedRecording]:
        """Recover every interrupted recording (see `recover_iter`)."""
        gen = self.recover_iter(cancel)
        while True:
            try:
                next(gen)
            except StopIteration as stop:
                return list(stop.value or [])

    def recover_iter(self, cancel: CancelToken | None = None) -> Iterator[Progress]:
        """Remux each interrupted recording into a playable file and attach it; returns the
        list of `SavedRecording` (with `error` for those where nothing could be saved)."""
        cancel = cancel or CancelToken()
        todo = self.interrupted()
        results: list[SavedRecording] = []
        for i, item in enumerate(todo):
            cancel.raise_if_cancelled(item.interview_id)
            yield Progress(i, len(todo), f"Recovering {item.title}")
            results.append(self._recover_one(item))
        yield Progress(len(todo), len(todo), "Recovered")
        return results

    def recover_job(self, payload: dict[str, Any], cancel: CancelToken,
                    job_id: int) -> Iterator[Progress]:
        """Job function for kind "recover_recordings" (payload unused)."""
        results = yield from self.recover_iter(cancel)
        return {"recovered": [r.as_json() for r in results]}

    def _recover_one(self, item: InterruptedRecording) -> SavedRecording:
        iid = item.interview_id
        failed = SavedRecording(iid, item.customer, item.title, None, 0.0, recovered=True)
        if item.path is None:
            self.fail(iid, "the app stopped before anything was recorded")
            return _with_error(failed, "nothing was recorded before the app stopped")
        try:
            final = self._recover(item.path) if item.partial else item.path
        except MediaError as exc:
            self.fail(iid, str(exc))
            with contextlib.suppress(OSError):
                item.path.unlink()  # holds no whole packet: nothing anyone could play
            return _with_error(failed, str(exc))
        except OSError as exc:  # left as it is: retried at the next start
            return _with_error(failed, f"{item.path.name}: {exc.strerror}")
        try:
            saved = self.recovered(iid, final)
        except MediaError as exc:
            return _with_error(failed, str(exc))
        with contextlib.suppress(OSError):
            self._partial_for(self._target_of(iid)).unlink(missing_ok=True)
        return saved

    def _is_running(self, interview_id: int, target: Path) -> bool:
        """Recorded right now: by this process, or by another live process (its sidecar)."""
        with self._lock:
            if interview_id in self._active:
                return True
        try:
            pid = int(json.loads(self._sidecar(target).read_text(encoding="utf-8"))["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return pid != os.getpid() and _alive(pid)


def _with_error(saved: SavedRecording, error: str) -> SavedRecording:
    return SavedRecording(saved.interview_id, saved.customer, saved.title, None, 0.0,
                          recovered=True, error=error)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False
