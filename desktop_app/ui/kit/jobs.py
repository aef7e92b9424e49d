"""Runs persisted jobs off the GUI thread (QThreadPool) and reports through Qt signals."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.services.jobs import JobInfo, JobService


class _Signals(QObject):
    progress = Signal(int, float, float, str)  # job id, done, total, message
    finished = Signal(int, str)  # job id, final status


class _Task(QRunnable):
    def __init__(self, jobs: JobService, job_id: int, token: CancelToken,
                 signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._jobs, self._id, self._token, self._signals = jobs, job_id, token, signals

    def run(self) -> None:
        def report(job_id: int, p: Progress) -> None:
            self._signals.progress.emit(job_id, p.done, p.total, p.message)

        info = self._jobs.run(self._id, self._token, on_progress=report)
        self._signals.finished.emit(self._id, info.status)


class JobRunner(QObject):
    """Queue of background jobs; widgets listen to `progress`/`finished` (delivered on GUI thread).

    `max_parallel` bounds CPU-heavy work (transcription uses the cores itself).
    """

    progress = Signal(int, float, float, str)
    finished = Signal(int, str)
    submitted = Signal(int)

    def __init__(self, jobs: JobService, *, max_parallel: int = 1,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_parallel)
        self._tokens: dict[int, CancelToken] = {}
        self._lock = threading.Lock()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.finished.connect(self._on_finished)

    @property
    def service(self) -> JobService:
        return self._jobs

    def submit(self, kind: str, payload: dict, *, title: str = "",
               target_id: int | None = None) -> int:
        job_id = self._jobs.submit(kind, payload, title=title, target_id=target_id)
        self.start(job_id)
        return job_id

    def start(self, job_id: int) -> None:
        """Queue an existing job row (a new one, or an interrupted one to resume)."""
        token = CancelToken()
        with self._lock:
            self._tokens[job_id] = token
        self._pool.start(_Task(self._jobs, job_id, token, self._signals))
        self.submitted.emit(job_id)

    def resume_interrupted(self) -> list[int]:
        """Start-up: mark crashed jobs interrupted, then queue them and leftover queued ones."""
        self._jobs.mark_interrupted()
        ids = [j.id for j in self._jobs.resumable()]
        for job_id in ids:
            self.start(job_id)
        return ids

    def cancel(self, job_id: int) -> None:
        with self._lock:
            token = self._tokens.get(job_id)
        if token is not None:
            token.cancel()

    def active_ids(self) -> list[int]:
        with self._lock:
            return list(self._tokens)

    def info(self, job_id: int) -> JobInfo:
        return self._jobs.get(job_id)

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel everything and wait (bounded); True when all threads stopped."""
        with self._lock:
            tokens = list(self._tokens.values())
        for t in tokens:
            t.cancel("shutdown")
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)

    def _on_finished(self, job_id: int, status: str) -> None:
        with self._lock:
            self._tokens.pop(job_id, None)
        self.finished.emit(job_id, status)
