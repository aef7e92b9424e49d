"""`closer import` on every real file in tests/media and on broken files, end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from desktop_app.cli import main as cli


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object]:
    rc = cli([*args, "--json"])
    out = capsys.readouterr().out
    return rc, json.loads(out)


def test_import_every_shared_file_matches_manifest(closer_home: Path, shared_media: Path,
                                                  media_manifest: list[dict[str, str]],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(shared_media / row["file"]) for row in media_manifest]
    rc, results = run_json(capsys, "import", *paths, "--customer", "Anna Petrova",
                           "--date", "2026-10-01T10:00")
    assert rc == 0, results
    assert isinstance(results, list) and len(results) == len(paths)
    by_path = {r["path"]: r for r in results}
    for row in media_manifest:
        r = by_path[str(shared_media / row["file"])]
        assert r["ok"], r
        assert r["error"] is None
        assert abs(r["duration_s"] - float(row["duration_s"])) < 0.1, (row["file"], r)
        assert r["has_audio"] is True
        assert r["has_video"] is ("h264" in row["codec"])
    rc, listed = run_json(capsys, "interviews")
    assert rc == 0
    assert len(listed) == len(paths)
    assert {i["customer"] for i in listed} == {"Anna Petrova"}
    assert all(i["date"].startswith("2026-10-01T10:00") for i in listed)
    # originals untouched, the library holds hashed copies and a picture for each
    for item in listed:
        media = Path(item["media_path"])
        assert media.is_file() and closer_home in media.parents
    pictures = list((closer_home / "pictures").glob("*.png"))
    assert len(pictures) == len(paths)
    with Image.open(pictures[0]) as img:
        assert img.width == 320


def test_bad_files_fail_clearly_and_the_batch_goes_on(closer_home: Path, shared_media: Path,
                                                      tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "Интервью с клиентом 1.wav"
    shutil.copy(shared_media / "ru" / "pisets_test_sound_ru.wav", good)
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    text = tmp_path / "notes.mp4"
    text.write_text("this is not a video, just a text file renamed\n" * 50)
    garbage = tmp_path / "noise.wav"
    garbage.write_bytes(bytes(range(256)) * 400)
    source = (shared_media / "video" / "auto-editor_example.mp4").read_bytes()
    truncated = tmp_path / "cut short.mp4"
    truncated.write_bytes(source[: len(source) * 3 // 10])
    missing = tmp_path / "gone.mp4"
    unsupported = tmp_path / "slides.pdf"
    unsupported.write_bytes(b"%PDF-1.4\n")
    args = [str(p) for p in (empty, good, text, garbage, truncated, missing, unsupported)]
    rc, results = run_json(capsys, "import", *args, "--customer", "Олег")
    assert rc == 1
    by_name = {Path(r["path"]).name: r for r in results}
    assert by_name[good.name]["ok"] and by_name[good.name]["interview_id"]
    for bad in (empty, text, garbage, truncated, missing, unsupported):
        r = by_name[bad.name]
        assert not r["ok"], r
        assert r["error"].startswith(bad.name + ":"), r["error"]
        assert len(r["error"]) > len(bad.name) + 8
    assert "empty" in by_name[empty.name]["error"]
    assert "not found" in by_name[missing.name]["error"]
    assert "unsupported" in by_name[unsupported.name]["error"]
    rc, listed = run_json(capsys, "interviews")
    assert [i["customer"] for i in listed] == ["Олег"]
    assert not list((closer_home / "media").rglob(".importing-*")), "temp copies left behind"


def test_reimport_is_deduplicated_and_link_mode_keeps_original(
        closer_home: Path, shared_media: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    src = shared_media / "en" / "jfk.flac"
    rc, first = run_json(capsys, "import", str(src), "--customer", "John")
    rc2, second = run_json(capsys, "import", str(src), "--customer", "John")
    assert rc == rc2 == 0
    assert second[0]["interview_id"] == first[0]["interview_id"]
    assert second[0]["duplicate"] is True
    assert len(list((closer_home / "media").rglob("*.flac"))) == 1
    other = tmp_path / "call recording.wav"
    shutil.copy(shared_media / "en" / "cmu_goforward.wav", other)
    rc, linked = run_json(capsys, "import", str(other), "--customer", "John", "--link")
    assert rc == 0 and linked[0]["ok"]
    _, listed = run_json(capsys, "interviews")
    item = next(i for i in listed if i["id"] == linked[0]["interview_id"])
    assert Path(item["media_path"]) == other.resolve()


def test_invalid_date_is_rejected_before_anything_is_imported(
        closer_home: Path, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = cli(["import", str(shared_media / "en" / "jfk.flac"), "--customer", "X",
              "--date", "2026-13-45", "--json"])
    captured = capsys.readouterr()
    assert rc == 2
    assert "Invalid date '2026-13-45'" in captured.err
    assert cli(["interviews", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_demo_library_is_full_and_idempotent(closer_home: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    rc, first = run_json(capsys, "demo")
    assert rc == 0, first
    assert first["interviews"] == 5 and not first["errors"]
    assert len(first["transcribed"]) == 5
    assert first["series_created"] == 4
    assert first["highlights_created"] >= 3 and first["reel_id"]
    rc, second = run_json(capsys, "demo")
    assert rc == 0 and second["interviews"] == 5 and second["created_customers"] == []
    assert second["transcribed"] == [] and second["highlights_created"] == 0
    assert second["reel_id"] == first["reel_id"]
    rc, customers = run_json(capsys, "customers")
    assert {c["persona"] for c in customers} >= {"Busy parent", "Small-business owner"}
    rc, zones = run_json(capsys, "zones")
    assert len(zones) == 10
    rc, heat = run_json(capsys, "heatmap")
    support = [c for c in heat["cells"] if c["touchpoint"] == "Support" and c["count"]]
    assert support, heat["cells"]
    rc, hits = run_json(capsys, "search", "another department")
    assert hits and hits[0]["customer"] == "Emma Clarke"


def test_customer_add_and_version(closer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, data = run_json(capsys, "customer", "add", "Мария", "--company", "Лопес", "--persona",
                        "Office manager")
    assert rc == 0 and data["name"] == "Мария" and data["persona"] == "Office manager"
    rc, personas = run_json(capsys, "personas")
    assert [p["name"] for p in personas] == ["Office manager"]
    with pytest.raises(SystemExit) as exc:
        cli(["--version"])
    assert exc.value.code == 0
    assert "closer 0.1.0" in capsys.readouterr().out
