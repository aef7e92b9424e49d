"""Progress reports and cooperative cancellation for long jobs."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from desktop_app.domain.errors import JobCancelled


@dataclass(frozen=True)
class Progress:
    """How far a job is: `done` out of `total` (same unit, e.g. seconds of audio)."""

    done: float
    total: float
    message: str = ""

    @property
    def fraction(self) -> float:
        if self.total <= 0:
            return 0.0
        return max(0.0, min(1.0, self.done / self.total))


class CancelToken:
    """Thread-safe flag a job checks between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.reason = ""

    def cancel(self, reason: str = "user") -> None:
        """Stop the job; reason "shutdown" means the app is quitting and the job will resume."""
        if not self._event.is_set():
            self.reason = reason
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self, what: object = None) -> None:
        if self._event.is_set():
            raise JobCancelled(what)
