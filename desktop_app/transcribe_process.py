"""Run the "transcribe" job in a child process, so the window never waits for the speech model.

In a thread of the GUI process, faster-whisper/CTranslate2 hold the GIL while loading a model
(150-300 ms) and in parts of each 30 s window (encoder, word alignment, numpy FFT: 50-250 ms):
each hold freezes the window (measured with bench/gui_responsiveness.py). The GUI composition
root registers `out_of_process(home)` as the "transcribe" job function: the JobRunner thread
starts `python -m desktop_app.transcribe_process`, which runs the same
TranscriptionService.transcribe_job in the child and prints one JSON line per progress report and
one for the outcome. The child commits segments itself (SQLite WAL), so a killed child loses
nothing already committed, exactly like a killed app. The child runs at a lower CPU priority, so
on a 2-core laptop the window wins when both want the CPU. Cancel: "cancel <reason>" on the child's
stdin (EOF too: the parent died) stops it at its next check, setting the interview's status as
in-process jobs do. Qt-free on both sides: it sits beside app.py and wiring.py (a composition
root for the child), not in ui.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from desktop_app.domain.errors import CloserError, JobCancelled
from desktop_app.domain.progress import CancelToken, Progress

CHILD_NICE = 10  # POSIX niceness of the child (Windows: below-normal priority)
STOP_WAIT_S = 8.0  # a cancelled child gets this long to stop at its next check, then is killed
_PACKAGE_ROOT = Path(__file__).resolve().parents[1]

JobFn = Callable[[dict[str, Any], CancelToken, int], Iterator[Progress]]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(_PACKAGE_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def _tell_stop(proc: subprocess.Popen[str], reason: str) -> None:
    try:
        assert proc.stdin is not None
        proc.stdin.write(f"cancel {reason or 'user'}\n")
        proc.stdin.flush()
    except (OSError, ValueError):  # the child is gone already
        pass


def _pump(stream: IO[str], lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def out_of_process(home: Path, *, python: str | None = None) -> JobFn:
    """A "transcribe" job function that does the work in a child process over library `home`."""

    def job(payload: dict[str, Any], cancel: CancelToken, job_id: int) -> Iterator[Progress]:
        cmd = [python or sys.executable, "-m", "desktop_app.transcribe_process",
               str(home), str(job_id), json.dumps(payload)]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                text=True, encoding="utf-8", bufsize=1, env=_child_env())
        assert proc.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_pump, args=(proc.stdout, lines), daemon=True).start()
        outcome: dict[str, Any] = {}
        told = False
        try:
            while True:
                if cancel.cancelled and not told:
                    _tell_stop(proc, cancel.reason)
                    told = True
                try:
                    line = lines.get(timeout=0.1)
                except queue.Empty:
                    continue
                if line is None:
                    break
                try:
                    msg = json.loads(line)
                except ValueError:
                    continue  # not ours (a library printing to stdout)
                if "progress" in msg:
                    done, total, message = msg["progress"]
                    yield Progress(float(done), float(total), str(message))
                else:
                    outcome = msg
        finally:  # also when JobService closes us after a cancel: let the child stop cleanly
            if proc.poll() is None:
                _tell_stop(proc, cancel.reason or "shutdown")
                try:
                    proc.wait(timeout=STOP_WAIT_S)
                except subprocess.TimeoutExpired:
                    proc.kill()
            proc.wait()
            if proc.stdin is not None:
                with contextlib.suppress(OSError):  # a cancel line buffered for a gone child
                    proc.stdin.close()
        if "result" in outcome:  # finished, even if a cancel came too late to stop it
            result = outcome["result"]
            return result if isinstance(result, dict) else {}
        if "cancelled" in outcome or cancel.cancelled:
            raise JobCancelled(job_id)
        if "error" in outcome:
            raise CloserError(str(outcome["error"]))
        raise CloserError(f"The transcription process stopped unexpectedly "
                          f"(exit code {proc.returncode}).")

    return job


# --- the child ------------------------------------------------------------------------------


def _send(msg: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(msg, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def _watch_stdin(token: CancelToken) -> None:
    for line in sys.stdin:
        if line.startswith("cancel"):
            token.cancel(line.split(maxsplit=1)[1].strip() if " " in line else "user")
            return
    token.cancel("shutdown")  # EOF: the app went away; resume at its next start


def _lower_priority() -> None:
    """Yield the CPU to the window (and everything else the user does) when it needs it."""
    try:
        import psutil

        proc = psutil.Process()
        if sys.platform == "win32":
            proc.nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
        else:
            proc.nice(CHILD_NICE)
    except Exception:  # best effort: a priority we may not set is no reason to fail
        pass


def child_main(argv: list[str]) -> int:
    home, job_id, payload = Path(argv[0]), int(argv[1]), json.loads(argv[2])
    _lower_priority()
    from desktop_app.wiring import transcription_service

    service, engine = transcription_service(home)
    token = CancelToken()
    threading.Thread(target=_watch_stdin, args=(token,), daemon=True).start()
    gen = service.transcribe_job(payload, token, job_id)
    try:
        while True:
            if token.cancelled:
                raise JobCancelled(job_id)
            try:
                p = next(gen)
            except StopIteration as stop:
                _send({"result": stop.value if isinstance(stop.value, dict) else {}})
                return 0
            _send({"progress": [p.done, p.total, p.message]})
    except JobCancelled:
        gen.close()
        _send({"cancelled": token.reason})
        return 0
    except CloserError as exc:
        _send({"error": str(exc)})
        return 1
    except Exception as exc:  # the same text JobService records for unexpected errors
        _send({"error": f"{type(exc).__name__}: {exc}"})
        return 1
    finally:
        engine.dispose()


if __name__ == "__main__":
    raise SystemExit(child_main(sys.argv[1:]))
