"""Persisted jobs: long work as generators of Progress, recorded in the DB so a crash loses nothing.

A job function takes (payload, cancel, job_id) and yields Progress; its `return` value (a dict)
becomes the job's result. `JobService.run` drives one synchronously (CLI, tests, worker threads).
At start-up `mark_interrupted` turns rows left `running` by a crash into `interrupted` rows that
can be resumed: job functions must be idempotent and continue from what they committed.

A job runs only while its process holds the claim on its work (services/claims.py: an OS file
lock on kind + target, freed by the OS when the process dies), so the same interview is never
transcribed by two threads, two windows, or the app and the CLI at once; a "running" row whose
claim nobody holds was left by a dead process and is resumed.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from desktop_app.domain.errors import CloserError, JobCancelled, NotFoundError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.services.claims import Claims
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Job
from desktop_app.storage.types import utcnow

JobFn = Callable[[dict[str, Any], CancelToken, int], Iterator[Progress]]

ACTIVE = ("queued", "running", "interrupted")
FINAL = ("done", "failed", "cancelled")


@dataclass(frozen=True)
class JobInfo:
    """A snapshot of a job row for views and the CLI."""

    id: int
    kind: str
    status: str
    title: str
    target_id: int | None
    done: float
    total: float
    message: str
    error: str
    result: dict[str, Any]
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    # set by `run` when another live process holds the job's work: nothing was done
    busy: str = ""

    @property
    def fraction(self) -> float:
        return Progress(self.done, self.total).fraction


def _info(job: Job) -> JobInfo:
    try:
        result = json.loads(job.result_json or "{}")
    except ValueError:
        result = {}
    assert job.id is not None
    return JobInfo(job.id, job.kind, job.status, job.title, job.target_id, job.progress_done,
                   job.progress_total, job.message, job.error, result, job.created_at,
                   job.started_at, job.finished_at)


class JobService:
    """Registry of job kinds plus the persisted queue."""

    def __init__(self, engine: Engine, *, progress_interval_s: float = 0.25,
                 lock_dir: Path | None = None) -> None:
        self._engine = engine
        self.claims = Claims(lock_dir or _default_lock_dir(engine))
        self._kinds: dict[str, JobFn] = {}
        self._interval = progress_interval_s
        self._lock = threading.Lock()

    def register(self, kind: str, fn: JobFn) -> None:
        self._kinds[kind] = fn

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(self._kinds)

    def submit(self, kind: str, payload: dict[str, Any], *, title: str = "",
               target_id: int | None = None) -> int:
        if kind not in self._kinds:
            raise CloserError(f"Unknown job kind '{kind}'.")
        with session_scope(self._engine) as s:
            job = Job(kind=kind, payload_json=json.dumps(payload, ensure_ascii=False),
                      title=title, target_id=target_id)
            s.add(job)
            s.flush()
            assert job.id is not None
            return job.id

    def get(self, job_id: int) -> JobInfo:
        with session_scope(self._engine) as s:
            job = s.get(Job, job_id)
            if job is None:
                raise NotFoundError(f"Job {job_id} does not exist.")
            return _info(job)

    def list(self, *, active_only: bool = False, limit: int = 200) -> list[JobInfo]:
        with session_scope(self._engine) as s:
            q = select(Job).order_by(col(Job.id).desc()).limit(limit)
            if active_only:
                q = q.where(col(Job.status).in_(ACTIVE))
            return [_info(j) for j in s.exec(q)]

    def find_active(self, kind: str, target_id: int) -> JobInfo | None:
        with session_scope(self._engine) as s:
            job = s.exec(select(Job).where(Job.kind == kind, Job.target_id == target_id,
                                           col(Job.status).in_(ACTIVE))).first()
            return _info(job) if job else None

    def mark_interrupted(self) -> list[int]:
        """At start-up: jobs left `running` by a crash or kill become `interrupted`.

        A job whose claim is held is running in a live process (another app, the CLI) and stays.
        """
        with session_scope(self._engine) as s:
            rows = [j for j in s.exec(select(Job).where(Job.status == "running")).all()
                    if not self.claims.held(_claim_key(j))]
            for job in rows:
                job.status = "interrupted"
                job.message = "Interrupted: the app stopped while this was running."
                s.add(job)
            return [j.id for j in rows if j.id is not None]

    def is_claimed(self, job_id: int) -> bool:
        """True while a live thread or process is running the job's work."""
        with session_scope(self._engine) as s:
            job = s.get(Job, job_id)
            return job is not None and self.claims.held(_claim_key(job))

    def resumable(self) -> list[JobInfo]:
        with session_scope(self._engine) as s:
            q = select(Job).where(col(Job.status).in_(("queued", "interrupted"))).order_by(Job.id)
            return [_info(j) for j in s.exec(q)]

    def cancel_queued(self, job_id: int) -> None:
        self._finish(job_id, "cancelled", message="Cancelled")

    def run(self, job_id: int, cancel: CancelToken | None = None,
            on_progress: Callable[[int, Progress], None] | None = None) -> JobInfo:
        """Run one job to its end on the calling thread; never raises for job failures."""
        cancel = cancel or CancelToken()
        with session_scope(self._engine) as s:
            job = s.get(Job, job_id)
            if job is None:
                raise NotFoundError(f"Job {job_id} does not exist.")
            key = _claim_key(job)
        claim = self.claims.try_claim(key)
        if claim is None:
            info = self.get(job_id)
            pid = self.claims.holder(key)
            who = f"another process (pid {pid})" if pid else "another process"
            return replace(info, busy=f"already running in {who}")
        with claim:
            return self._run_claimed(job_id, cancel, on_progress)

    def _run_claimed(self, job_id: int, cancel: CancelToken,
                     on_progress: Callable[[int, Progress], None] | None) -> JobInfo:
        with session_scope(self._engine) as s:
            job = s.get(Job, job_id)
            if job is None:
                raise NotFoundError(f"Job {job_id} does not exist.")
            if job.status in FINAL:
                return _info(job)
            job.status = "running"
            job.started_at = job.started_at or utcnow()
            job.error = ""
            s.add(job)
            kind, payload = job.kind, json.loads(job.payload_json or "{}")
        fn = self._kinds.get(kind)
        if fn is None:
            return self._finish(job_id, "failed", error=f"Unknown job kind '{kind}'.")
        last_write = 0.0
        gen = fn(payload, cancel, job_id)
        try:
            while True:
                if cancel.cancelled:
                    raise JobCancelled(job_id)
                try:
                    p = next(gen)
                except StopIteration as stop:
                    result = stop.value if isinstance(stop.value, dict) else {}
                    return self._finish(job_id, "done", result=result, message="Done")
                if on_progress is not None:
                    on_progress(job_id, p)
                now = time.monotonic()
                if now - last_write >= self._interval:
                    last_write = now
                    self._progress(job_id, p)
        except JobCancelled:
            gen.close()
            if cancel.reason == "shutdown":
                return self._finish(job_id, "interrupted",
                                    message="Paused when the app closed; resumes at next start")
            return self._finish(job_id, "cancelled", message="Cancelled")
        except CloserError as exc:
            return self._finish(job_id, "failed", error=str(exc))
        except MemoryError:
            return self._finish(job_id, "failed", error="Out of memory")
        except Exception as exc:  # a bug or an unexpected library error: keep the queue going
            return self._finish(job_id, "failed", error=f"{type(exc).__name__}: {exc}")

    def _progress(self, job_id: int, p: Progress) -> None:
        with session_scope(self._engine) as s:
            job = s.get(Job, job_id)
            if job is not None:
                job.progress_done, job.progress_total, job.message = p.done, p.total, p.message
                s.add(job)

    def _finish(self, job_id: int, status: str, *, error: str = "", message: str = "",
                result: dict[str, Any] | None = None) -> JobInfo:
        with session_scope(self._engine) as s:
            job = s.get(Job, job_id)
            if job is None:
                raise NotFoundError(f"Job {job_id} does not exist.")
            job.status = status
            job.error = error
            job.message = message or error
            if result is not None:
                job.result_json = json.dumps(result, ensure_ascii=False, default=str)
                if job.progress_total:
                    job.progress_done = job.progress_total
            job.finished_at = utcnow()
            s.add(job)
            return _info(job)


def _claim_key(job: Job) -> str:
    """One claim per piece of work: the job's kind and target (or the job itself)."""
    return f"{job.kind}-{job.target_id}" if job.target_id is not None else f"job-{job.id}"


def _default_lock_dir(engine: Engine) -> Path:
    """`locks/` beside an SQLite database; for a server database, one folder per URL in /tmp."""
    database = engine.url.database
    if engine.url.get_backend_name() == "sqlite":
        if not database or database == ":memory:":
            return Path(tempfile.mkdtemp(prefix="closer-locks-"))  # this process only
        return Path(database).resolve().parent / "locks"
    url = engine.url.render_as_string(hide_password=True).encode()
    return Path(tempfile.gettempdir()) / f"closer-locks-{hashlib.sha256(url).hexdigest()[:16]}"
