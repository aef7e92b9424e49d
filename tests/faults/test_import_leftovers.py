"""Item 6 (import) of issue #13: kill -9 and a full disk during import leave nothing behind.

Real processes and real kill -9; the full disk is a real 1 MB tmpfs mounted over the library's
pictures folder (or media folder), so it needs root (skipped otherwise).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop_app.media.audio import decode_audio
from tests.faults.helpers import integrity_ok, json_out, no_traceback, run_closer, start_closer

SPEECH = "en/librivox_sense_and_sensibility_01_0870.wav"
OTHER = "en/cmu_goforward.wav"


def _rows(home: Path, table: str) -> int:
    with sqlite3.connect(home / "closer.sqlite3") as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _long_wav(src: Path, out: Path, minutes: int) -> Path:
    """Real speech looped to `minutes` at 48 kHz stereo (big enough to kill mid-copy)."""
    speech = decode_audio(src, sample_rate=48000)
    pcm = (np.clip(speech, -1, 1) * 32767).astype("<i2")
    stereo = np.repeat(pcm[:, np.newaxis], 2, axis=1).tobytes()
    with wave.open(str(out), "wb") as fh:
        fh.setnchannels(2)
        fh.setsampwidth(2)
        fh.setframerate(48000)
        for _ in range(int(minutes * 60 / (speech.size / 48000)) + 1):
            fh.writeframes(stereo)
    return out


@pytest.fixture()
def tiny_mount() -> Iterator[object]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    mounted: list[Path] = []

    def mount(path: Path, size: str = "1m") -> Path:
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                       check=True)
        mounted.append(path)
        return path

    yield mount
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def test_kill_9_during_import_then_the_next_import_cleans_up(
        closer_home: Path, shared_media: Path, tmp_path: Path) -> None:
    big = _long_wav(shared_media / SPEECH, tmp_path / "long interview.wav", 40)  # ~460 MB
    assert run_closer(closer_home, "customers").returncode == 0
    proc = start_closer(closer_home, "import", str(big), "--customer", "Anna")
    media = closer_home / "media"
    deadline = time.monotonic() + 120
    while not list(media.glob(".importing-*")):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list(media.glob(".importing-*"))  # the partial copy the kill left
    # what a kill between moving the copy into place and writing its row leaves
    orphan_src = shared_media / SPEECH
    digest = hashlib.sha256(orphan_src.read_bytes()).hexdigest()
    orphan = media / digest[:2] / f"{digest}.wav"
    orphan.parent.mkdir(parents=True)
    shutil.copy(orphan_src, orphan)
    assert _rows(closer_home, "interview") == 0

    done = run_closer(closer_home, "import", str(shared_media / OTHER), "--customer", "Anna")
    assert done.returncode == 0, done.stderr
    assert not list(media.glob(".importing-*"))
    assert not orphan.exists()
    again = run_closer(closer_home, "import", str(big), str(orphan_src), "--customer", "Anna",
                       "--json")
    assert again.returncode == 0, again.stderr
    assert [r["duplicate"] for r in json_out(again)] == [False, False]  # type: ignore
    files = sorted(p for p in media.rglob("*") if p.is_file())
    assert len(files) == 3 and not any(p.name.startswith(".") for p in files)
    assert _rows(closer_home, "interview") == _rows(closer_home, "mediaasset") == 3
    integrity_ok(closer_home)


def test_full_disk_for_pictures_never_leaves_an_empty_picture(
        closer_home: Path, shared_media: Path, tiny_mount: object) -> None:
    assert run_closer(closer_home, "customers").returncode == 0
    pictures = tiny_mount(closer_home / "pictures")  # type: ignore[operator]
    filler = _fill(pictures)
    done = run_closer(closer_home, "import", str(shared_media / SPEECH), "--customer", "Anna",
                      "--json")
    no_traceback(done)
    assert done.returncode == 0, done.stderr  # the recording is in; the picture is missing
    [row] = json_out(done)  # type: ignore[misc]
    assert row["ok"] and not row["duplicate"]
    assert [p.name for p in pictures.iterdir()] == ["filler"]  # no 0-byte picture
    filler.unlink()
    again = run_closer(closer_home, "import", str(shared_media / SPEECH), "--customer", "Anna",
                       "--json")
    assert json_out(again)[0]["duplicate"] is True  # type: ignore[index]
    [picture] = list(pictures.glob("*.png"))
    assert picture.stat().st_size > 1000  # made now that there is room
    listed = json_out(run_closer(closer_home, "interviews", "--json"))
    assert len(listed) == 1  # type: ignore[arg-type]
    integrity_ok(closer_home)


def test_full_disk_for_media_refuses_cleanly(closer_home: Path, shared_media: Path,
                                             tiny_mount: object) -> None:
    assert run_closer(closer_home, "customers").returncode == 0
    media = tiny_mount(closer_home / "media")  # type: ignore[operator]
    done = run_closer(closer_home, "import", str(shared_media / SPEECH),
                      str(shared_media / OTHER), "--customer", "Anna", "--json")
    no_traceback(done)
    assert done.returncode == 1
    for row in json_out(done):  # type: ignore[union-attr]
        assert not row["ok"] and "not enough free disk space in the library" in row["error"]
    assert list(media.iterdir()) == []
    assert _rows(closer_home, "interview") == 0
    integrity_ok(closer_home)
