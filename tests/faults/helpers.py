"""Run the real `closer` CLI in its own process, against a library folder, for fault tests."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def closer_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, CLOSER_HOME=str(home), PYTHONPATH=str(REPO),
               QT_QPA_PLATFORM="offscreen")
    env.pop("PYTEST_CURRENT_TEST", None)
    return env


def closer_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop_app", *args]


def run_closer(home: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`closer ARGS` in a subprocess; its exit code, stdout and stderr."""
    return subprocess.run(closer_cmd(*args), cwd=REPO, env=closer_env(home), text=True,
                          capture_output=True, timeout=timeout, check=False)


def start_closer(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(closer_cmd(*args), cwd=REPO, env=closer_env(home), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def json_out(done: subprocess.CompletedProcess[str]) -> object:
    return json.loads(done.stdout)


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    """A user never sees a traceback, a segfault or an SQLAlchemy URL."""
    text = done.stdout + done.stderr
    assert "Traceback" not in text, text
    assert "sqlite:///" not in text and "sqlalchemy" not in text.lower(), text
    assert done.returncode >= 0, f"killed by signal {-done.returncode}: {text}"


def integrity_ok(home: Path) -> None:
    db = home / "closer.sqlite3"
    assert db.is_file(), list(home.iterdir())
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
