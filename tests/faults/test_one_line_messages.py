"""Item 9 of issue #13: one-line messages instead of tracebacks, and the batch goes on.

Real CLI processes: over-long paths and names, FIFOs, symlink loops, dates at the ends of the
calendar, numbers above 2^63, and a completely full disk (a real 1 MB tmpfs, root only).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.faults.helpers import integrity_ok, json_out, no_traceback, run_closer


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    no_traceback(done)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert done.returncode in (1, 2)
    return lines[0]


def test_bad_paths_fail_one_by_one_and_the_batch_goes_on(closer_home: Path, shared_media: Path,
                                                         tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.wav"
    os.mkfifo(fifo)
    loop_a, loop_b = tmp_path / "a.wav", tmp_path / "b.wav"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling = tmp_path / "gone.wav"
    dangling.symlink_to(tmp_path / "nowhere.wav")
    long_name = tmp_path / ("n" * 296 + ".wav")  # 300 characters: over NAME_MAX
    long_path = tmp_path.joinpath(*(["d" * 200] * 21), "x.wav")  # over PATH_MAX (4,096)
    good = tmp_path / "good.wav"
    shutil.copy(shared_media / "en/cmu_goforward.wav", good)
    paths = [fifo, loop_a, dangling, long_name, long_path, good]
    done = run_closer(closer_home, "import", *map(str, paths), "--customer", "Anna", "--json",
                      timeout=120)  # a FIFO opened for reading would wait forever
    no_traceback(done)
    assert done.returncode == 1
    errors = [r["error"] for r in json_out(done)]  # type: ignore[union-attr]
    assert errors[0] == "pipe.wav: is a FIFO (named pipe), not a media file"
    assert errors[1] == "a.wav: is a symbolic link that loops (it never reaches a file)"
    assert errors[2] == "gone.wav: is a symbolic link to a file that does not exist"
    assert "too long for the system" in errors[3] and len(errors[3]) < 200
    assert "too long for the system (4," in errors[4] and len(errors[4]) < 200
    assert errors[5] is None
    assert len(json_out(run_closer(closer_home, "interviews", "--json"))) == 1  # type: ignore
    integrity_ok(closer_home)


@pytest.mark.parametrize("start", ["9999-12-31 23:59", "0001-01-01 00:00"])
def test_dates_at_the_ends_of_the_calendar(closer_home: Path, start: str) -> None:
    assert run_closer(closer_home, "customer", "add", "Anna").returncode == 0
    for rule in ((), ("--rrule", "FREQ=WEEKLY")):
        line = _one_line(run_closer(closer_home, "schedule", "add", "--customer", "Anna",
                                    "--start", start, "--tz", "Pacific/Kiritimati", *rule))
        assert line == (f"closer: Cannot read the start time {start!r}: the year must be "
                        "between 1900 and 2999")


@pytest.mark.parametrize("args", [
    ("transcript", str(2**63)), ("transcribe", str(2**64 + 5)),
    ("search", "hello", "--limit", str(2**63)), ("reel", "show", "9" * 400),
])
def test_numbers_above_2_63(closer_home: Path, args: tuple[str, ...]) -> None:
    done = run_closer(closer_home, *args)
    no_traceback(done)
    assert done.returncode == 2
    assert "is too large (at most 9223372036854775807)" in done.stderr
    assert len(done.stderr) < 600


def test_a_completely_full_disk(closer_home: Path, shared_media: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    home = tmp_path / "full"
    home.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(home)], check=True)
    try:
        assert run_closer(home, "customer", "add", "Anna").returncode == 0
        with open(home / "filler", "wb", buffering=0) as fh:
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError:
                pass
        for args in (("interviews",), ("customers", "--json"), ("schedule", "list"),
                     ("customer", "add", "Boris"),
                     ("import", str(shared_media / "en/jfk.flac"), "--customer", "Anna")):
            done = run_closer(home, *args)
            no_traceback(done)
            if done.returncode == 0:  # a read that needed no space: fine, and correct
                continue
            assert len(done.stderr.strip().splitlines()) == 1, done.stderr
            assert "full" in done.stderr or "disk space" in done.stderr, done.stderr
        (home / "filler").unlink()
        listed = json_out(run_closer(home, "customers", "--json"))
        assert [c["name"] for c in listed] == ["Anna"]  # type: ignore[union-attr]
        integrity_ok(home)
    finally:
        subprocess.run(["umount", "-l", str(home)], check=False)
