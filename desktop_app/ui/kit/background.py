"""The one way to run a callable off the GUI thread: `BackgroundLoader.submit(key, fn, ...)`.

The result (or a one-line error) is delivered on the GUI thread, and only the newest answer per
key reaches a widget. A call for a key that is still running is not started twice: the newest
request waits and runs when the running one ends, and the older answer is dropped (it is already
out of date). Insights' queries, the transcript reader and the recorder's save use it; persisted,
cancellable jobs with progress go through `kit.jobs.JobRunner` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.domain.errors import CloserError


class _Relay(QObject):
    done = Signal(str, int, object)  # key, generation, result
    failed = Signal(str, int, str)  # key, generation, message


class _Task(QRunnable):
    def __init__(self, key: str, gen: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._key, self._gen, self._fn, self._relay = key, gen, fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except CloserError as exc:
            self._relay.failed.emit(self._key, self._gen, str(exc))
        except Exception as exc:  # a bug must not kill the worker thread silently
            self._relay.failed.emit(self._key, self._gen, f"{type(exc).__name__}: {exc}")
        else:
            self._relay.done.emit(self._key, self._gen, result)


@dataclass
class _Request:
    gen: int
    fn: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[str], None] | None


class BackgroundLoader(QObject):
    """`submit(key, fn, on_done)`: runs `fn` on a worker, then `on_done(result)` on the GUI."""

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)
        self._gen = 0
        self._latest: dict[str, _Request] = {}
        self._running: dict[str, int] = {}  # key -> generation on a worker now
        self._closed = False

    def submit(self, key: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[str], None] | None = None) -> int:
        """Queue `fn` for `key`; returns its generation (newer requests supersede older)."""
        if self._closed:
            return -1
        self._gen += 1
        self._latest[key] = _Request(self._gen, fn, on_done, on_error)
        if key not in self._running:
            self._start(key)
        return self._gen

    def busy(self, key: str | None = None) -> bool:
        """Whether `key` (or any key) still has work running or waiting."""
        return bool(self._running) if key is None else key in self._running

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until the running work ends (results still arrive through the event loop)."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop accepting work and wait for running queries; True when all finished."""
        self._closed = True
        self._latest.clear()
        return self._pool.waitForDone(timeout_ms)

    def _start(self, key: str) -> None:
        req = self._latest[key]
        self._running[key] = req.gen
        self._pool.start(_Task(key, req.gen, req.fn, self._relay))

    def _finish(self, key: str, gen: int) -> _Request | None:
        """The request `gen` answers, if it is still the newest; starts a waiting newer one."""
        self._running.pop(key, None)
        req = self._latest.get(key)
        if req is None:
            return None
        if req.gen == gen:
            del self._latest[key]
            return req
        if not self._closed:
            self._start(key)
        return None

    def _on_done(self, key: str, gen: int, result: object) -> None:
        req = self._finish(key, gen)
        if req is not None:
            req.on_done(result)

    def _on_failed(self, key: str, gen: int, message: str) -> None:
        req = self._finish(key, gen)
        if req is not None and req.on_error is not None:
            req.on_error(message)
