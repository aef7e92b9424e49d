"""Items 3 and 6 (render) of issue #13: a reel never overwrites a recording or the library, and
a render killed with kill -9 leaves no hidden .partial files behind after the next render.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import time
from pathlib import Path

import av

from tests.faults.helpers import integrity_ok, json_out, no_traceback, run_closer, start_closer

VIDEO = "video/auto-editor_example.mp4"
JFK = "en/jfk.flac"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _library(home: Path, media: Path, tmp: Path) -> tuple[Path, Path, int]:
    """A linked original (video) and a library copy (JFK); a reel with a clip of the video."""
    original = tmp / "orig" / "customer call.mp4"
    original.parent.mkdir()
    shutil.copy(media / VIDEO, original)
    done = run_closer(home, "import", str(original), "--customer", "Anna", "--link", "--json")
    assert done.returncode == 0, done.stderr
    video_id = json_out(done)[0]["interview_id"]  # type: ignore[index]
    assert run_closer(home, "import", str(media / JFK), "--customer", "John").returncode == 0
    listed = json_out(run_closer(home, "interviews", "--json"))
    copy = next(Path(i["media_path"]) for i in listed if i["id"] != video_id)  # type: ignore
    reel = json_out(run_closer(home, "reel", "create", "Pains", "--json"))
    reel_id = reel["id"]  # type: ignore[index]
    added = run_closer(home, "reel", "add", str(reel_id), "--interview", str(video_id),
                       "--start", "0", "--end", "40", "--json")
    assert added.returncode == 0, added.stderr
    return original, copy, reel_id


def test_render_refuses_every_path_of_the_library_and_its_media(
        closer_home: Path, shared_media: Path, tmp_path: Path) -> None:
    original, copy, reel_id = _library(closer_home, shared_media, tmp_path)
    link = tmp_path / "shortcut.mp4"
    link.symlink_to(original)
    hard = tmp_path / "hard.mp4"
    os.link(original, hard)
    spelled = tmp_path / "orig" / ".." / "orig" / "customer call.mp4"
    copy_mp4 = copy.with_suffix(".mp4")  # beside the library copies, and so its captions
    before = {p: _sha(p) for p in (original, copy)}
    cases = {
        original: "is the recording of interview 1",
        spelled: "is the recording of interview 1",
        link: "is the recording of interview 1",
        hard: "is the recording of interview 1",
        copy_mp4: "cannot be saved inside the library folder",
        closer_home / "pictures" / "reel.mp4": "cannot be saved inside the library folder",
        closer_home / "closer.sqlite3.mp4": "cannot be saved inside the library folder",
    }
    for out, reason in cases.items():
        done = run_closer(closer_home, "reel", "render", str(reel_id), "--out", str(out),
                          "--captions", "soft")
        no_traceback(done)
        assert done.returncode == 2, (out, done.stdout)
        line = done.stderr.strip()
        assert line.startswith(f"closer: {out.name}: {reason}"), line
        assert "\n" not in line
    assert {p: _sha(p) for p in before} == before  # nothing overwritten
    assert not list(copy.parent.glob("*.srt")) and not list(copy.parent.glob("*.vtt"))
    assert not list((closer_home / "media").rglob("*.partial"))
    ok = run_closer(closer_home, "reel", "render", str(reel_id), "--out",
                    str(tmp_path / "fine.mp4"))
    assert ok.returncode == 0, ok.stderr
    integrity_ok(closer_home)


def test_kill_9_during_render_then_render_again(closer_home: Path, shared_media: Path,
                                                tmp_path: Path) -> None:
    _, _, reel_id = _library(closer_home, shared_media, tmp_path)
    out = tmp_path / "out" / "reel.mp4"
    out.parent.mkdir()
    args = ("reel", "render", str(reel_id), "--out", str(out), "--height", "1080")
    proc = start_closer(closer_home, *args)
    deadline = time.monotonic() + 120
    while not list(out.parent.glob(".reel.mp4.*.partial")):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list(out.parent.glob(".*.partial")) and not out.exists()
    done = run_closer(closer_home, *args)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []
    assert out.is_file()
    with av.open(str(out)) as c:
        assert c.duration / av.time_base > 30
    integrity_ok(closer_home)
