"""Persisted jobs: progress, results, failures, cancel, and crash recovery on a real library."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.errors import CloserError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.services.jobs import JobService
from desktop_app.storage.db import make_engine, session_scope, upgrade_to_head
from desktop_app.storage.tables import Job


@pytest.fixture()
def jobs(tmp_path: Path) -> JobService:
    engine = make_engine(f"sqlite:///{tmp_path / 'lib.sqlite3'}")
    upgrade_to_head(engine)
    svc = JobService(engine, progress_interval_s=0)
    return svc


def counting(payload: dict[str, Any], cancel: CancelToken, job_id: int) -> Iterator[Progress]:
    for i in range(payload["n"]):
        cancel.raise_if_cancelled()
        yield Progress(i + 1, payload["n"], f"step {i + 1}")
    return {"counted": payload["n"]}


def failing(payload: dict[str, Any], cancel: CancelToken, job_id: int) -> Iterator[Progress]:
    yield Progress(1, 2)
    raise CloserError("interview.mp4: corrupt: cannot decode audio at 12.0 s")


def test_job_runs_to_done_with_result_and_progress(jobs: JobService) -> None:
    jobs.register("count", counting)
    seen: list[float] = []
    job_id = jobs.submit("count", {"n": 5}, title="Counting")
    info = jobs.run(job_id, on_progress=lambda _j, p: seen.append(p.done))
    assert info.status == "done"
    assert info.result == {"counted": 5}
    assert seen == [1, 2, 3, 4, 5]
    assert info.fraction == 1.0


def test_failure_is_recorded_with_reason_and_queue_goes_on(jobs: JobService) -> None:
    jobs.register("fail", failing)
    jobs.register("count", counting)
    bad = jobs.run(jobs.submit("fail", {}))
    good = jobs.run(jobs.submit("count", {"n": 2}))
    assert bad.status == "failed"
    assert "corrupt: cannot decode audio" in bad.error
    assert good.status == "done"


def test_cancel_from_another_thread_and_shutdown_marks_interrupted(jobs: JobService) -> None:
    gate = threading.Event()

    def slow(payload: dict[str, Any], cancel: CancelToken, job_id: int) -> Iterator[Progress]:
        for i in range(10_000):
            gate.set()
            cancel.raise_if_cancelled()
            threading.Event().wait(0.001)
            yield Progress(i, 10_000)
        return {}

    jobs.register("slow", slow)
    for reason, expected in (("user", "cancelled"), ("shutdown", "interrupted")):
        gate.clear()
        token = CancelToken()
        job_id = jobs.submit("slow", {})
        out: list[Any] = []
        t = threading.Thread(target=lambda: out.append(jobs.run(job_id, token)))  # noqa: B023
        t.start()
        assert gate.wait(5)
        token.cancel(reason)
        t.join(5)
        assert not t.is_alive()
        assert out[0].status == expected


def test_running_rows_left_by_a_crash_become_interrupted_and_resumable(jobs: JobService) -> None:
    jobs.register("count", counting)
    job_id = jobs.submit("count", {"n": 3})
    with session_scope(jobs._engine) as s:  # simulate a process killed mid-job
        row = s.get(Job, job_id)
        row.status = "running"
        s.add(row)
    assert jobs.mark_interrupted() == [job_id]
    assert [j.id for j in jobs.resumable()] == [job_id]
    assert jobs.get(job_id).status == "interrupted"
    assert jobs.run(job_id).status == "done"
    assert jobs.resumable() == []
