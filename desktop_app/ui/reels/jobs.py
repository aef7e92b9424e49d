"""Follow one background job (a reel render, a playlist export) for the screen that started it.

The sidebar already lists every job with its progress; this tracker lets the composer show its
own banner: progress while it runs, then the result (or the error) when it ends.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop_app.ui.kit.jobs import JobRunner


class JobTracker(QObject):
    """Submits jobs through the runner and reports the ones it submitted."""

    progressed = Signal(float, str)  # fraction 0..1, message
    succeeded = Signal(dict)  # the job's result
    failed = Signal(str)  # the job's error
    cancelled = Signal()

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.job_id: int | None = None
        self.payload: dict[str, Any] = {}
        runner.progress.connect(self._on_progress)
        runner.finished.connect(self._on_finished)

    def submit(self, kind: str, payload: dict[str, Any], *, title: str,
               target_id: int | None = None) -> int:
        self.payload = dict(payload)
        self.job_id = self._runner.submit(kind, payload, title=title, target_id=target_id)
        return self.job_id

    def busy(self) -> bool:
        return self.job_id is not None

    def cancel(self) -> None:
        if self.job_id is not None:
            self._runner.cancel(self.job_id)

    def _on_progress(self, job_id: int, done: float, total: float, message: str) -> None:
        if job_id == self.job_id:
            self.progressed.emit(0.0 if total <= 0 else max(0.0, min(1.0, done / total)),
                                 message)

    def _on_finished(self, job_id: int, status: str) -> None:
        if job_id != self.job_id:
            return
        self.job_id = None
        info = self._runner.info(job_id)
        if status == "done":
            self.succeeded.emit(dict(info.result))
        elif status in ("cancelled", "interrupted"):
            self.cancelled.emit()
        else:
            self.failed.emit(info.error or info.message or status)
