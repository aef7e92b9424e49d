"""Tagging through the real CLI: a real Whisper transcript of JFK, highlights, heatmap, exports."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from faster_whisper import decode_audio
from PIL import Image

from desktop_app.cli import main as cli
from desktop_app.cli.context import services
from desktop_app.domain.text import normalize_text
from desktop_app.media.whisper import SAMPLE_RATE, WhisperEngine
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord
from tests.unit.test_tagging import COFFEE_STORY_RU, SUPPORT_STORY_EN, make_interview

JFK = "en/jfk.flac"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    rc = cli([*args, "--json"])
    captured = capsys.readouterr()
    return rc, json.loads(captured.out)


def run_error(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    rc = cli(list(args))
    assert rc == 2
    return capsys.readouterr().err


@pytest.mark.slow
def test_tag_a_real_whisper_transcript_by_time_range(closer_home: Path, shared_media: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    rc, imported = run_json(capsys, "import", str(shared_media / JFK), "--customer",
                            "John F. Kennedy", "--date", "1961-01-20T12:00")
    assert rc == 0, imported
    iid = imported[0]["interview_id"]
    engine = WhisperEngine.load("base", cpu_threads=2)
    info, segments = engine.transcribe(decode_audio(str(shared_media / JFK),
                                                    sampling_rate=SAMPLE_RATE), language="en")
    svc = services()
    with session_scope(svc.engine) as s:
        for seg in segments:
            row = TranscriptSegment(interview_id=iid, start=seg.start, end=seg.end, text=seg.text)
            s.add(row)
            s.flush()
            s.add_all([TranscriptWord(segment_id=row.id, idx=i, start=w.start, end=w.end,
                                      word=w.word, probability=w.probability)
                       for i, w in enumerate(seg.words)])
        s.add(Transcript(interview_id=iid, model="base", language=info.language,
                         duration_s=info.duration_s, complete=True))
    words = svc.tagging.words(iid)
    plain = [normalize_text(w.word) for w in words]
    first = plain.index("ask")
    last = first + plain[first:].index("you")
    assert " ".join(plain[first:last + 1]) == "ask not what your country can do for you"
    # a sloppy selection, as a person drags it: starts late in "ask", ends early in "you,"
    start = round(words[first].start + 0.2, 2)
    end = round(words[last].end - 0.1, 2)
    rc, h = run_json(capsys, "highlight", "add", str(iid), "--start", str(start), "--end",
                     str(end), "--touchpoint", "Support", "--zone", "handoff_responsibility",
                     "--severity", "4", "--emotion", "pleased", "--need", "Serve the country")
    assert rc == 0, h
    assert set(h) >= {"id", "interview_id", "start", "end", "quote", "touchpoints", "zones",
                      "persona", "severity"}
    assert normalize_text(h["quote"]) == "ask not what your country can do for you"
    assert h["start"] == words[first].start and h["end"] == words[last].end
    assert h["start"] < start and h["end"] > end
    assert (h["touchpoints"], h["zones"], h["severity"]) == (["Support"],
                                                             ["handoff_responsibility"], 4)
    rc, hm = run_json(capsys, "heatmap")
    cells = {(c["touchpoint"], c["zone"]): c for c in hm["cells"]}
    assert cells[("Support", "handoff_responsibility")]["count"] == 1
    assert cells[("Support", "handoff_responsibility")]["highlight_ids"] == [h["id"]]
    assert sum(c["count"] for c in hm["cells"]) == 1
    rc, hm = run_json(capsys, "heatmap", "--from", "1961-01-21")
    assert sum(c["count"] for c in hm["cells"]) == 0
    rc, hm = run_json(capsys, "heatmap", "--from", "1961-01-20", "--to", "1961-01-20",
                      "--customer", "John F. Kennedy")
    assert sum(c["count"] for c in hm["cells"]) == 1


@pytest.fixture()
def library(closer_home: Path) -> dict[str, int]:
    svc = services()
    return {
        "ru": make_interview(svc, "Анна Петрова", COFFEE_STORY_RU, persona="Занятой родитель",
                             when=datetime(2026, 10, 1, 10, tzinfo=UTC)),
        "en": make_interview(svc, "John Smith", SUPPORT_STORY_EN, persona="IT manager",
                             language="en", when=datetime(2026, 11, 5, 9, tzinfo=UTC)),
    }


def test_highlight_errors_are_clear_and_save_nothing(library: dict[str, int],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    iid = str(library["ru"])
    err = run_error(capsys, "highlight", "add", iid, "--start", "2.0", "--end", "2.8")
    assert "No transcript words between 2.0 s and 2.8 s." in err  # the pause after line 1
    err = run_error(capsys, "highlight", "add", iid, "--start", "0", "--end", "2",
                    "--touchpoint", "Кассa")
    assert "Unknown touchpoint 'Кассa'. Valid touchpoints: Discover, Order, Pay" in err
    err = run_error(capsys, "highlight", "add", iid, "--start", "0", "--end", "2",
                    "--zone", "chaos")
    assert "Unknown problem zone 'chaos'" in err and "between_departments" in err
    err = run_error(capsys, "highlight", "add", iid, "--start", "0", "--end", "2",
                    "--severity", "9")
    assert "Severity must be a whole number from 1 to 5, got 9" in err
    err = run_error(capsys, "highlight", "add", iid, "--start", "900", "--end", "910")
    assert "outside the recording" in err
    rc, out = run_json(capsys, "highlight", "add", iid, "--start", "900", "--end", "910")
    assert rc == 2 and "outside the recording" in out["error"]
    rc, rows = run_json(capsys, "highlights")
    assert rows == []


def test_list_merge_delete_suggest_and_exports(library: dict[str, int], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ru, en = str(library["ru"]), str(library["en"])
    _, a = run_json(capsys, "highlight", "add", ru, "--start", "0", "--end", "2.3",
                    "--touchpoint", "Delivery", "--zone", "Организация процессов",
                    "--severity", "4", "--need", "Получить именно то, что заказал")
    _, b = run_json(capsys, "highlight", "add", ru, "--start", "4.5", "--end", "7.8",
                    "--touchpoint", "Support", "--zone", "between_departments",
                    "--severity", "5", "--note", "перевели")
    _, c = run_json(capsys, "highlight", "add", en, "--start", "0", "--end", "4",
                    "--touchpoint", "Delivery", "--severity", "2")
    assert a["persona"] == "Занятой родитель" and a["zones"] == ["process_organisation"]
    _, listed = run_json(capsys, "highlights", "--touchpoint", "delivery")
    assert [x["id"] for x in listed] == [c["id"], a["id"]]
    _, listed = run_json(capsys, "highlights", "--persona", "занятой РОДИТЕЛЬ")
    assert [x["id"] for x in listed] == [a["id"], b["id"]]
    _, listed = run_json(capsys, "highlights", "--zone", "between_departments",
                         "--interview", ru)
    assert [x["id"] for x in listed] == [b["id"]]

    rc, merged = run_json(capsys, "highlight", "merge", str(b["id"]), str(a["id"]))
    assert rc == 0 and merged["id"] == a["id"]
    assert (merged["start"], merged["end"], merged["severity"]) == (a["start"], b["end"], 5)
    assert merged["touchpoints"] == ["Delivery", "Support"]
    assert merged["quote"].startswith("Курьер привёз") and "перевели" in merged["quote"]
    assert "different interviews" in run_error(capsys, "highlight", "merge", str(a["id"]),
                                               str(c["id"]))
    rc, _ = run_json(capsys, "highlight", "delete", str(c["id"]))
    assert rc == 0
    assert "Highlight 999 does not exist" in run_error(capsys, "highlight", "delete", "999")

    rc, found = run_json(capsys, "suggest", ru)
    assert rc == 0
    phrases = {s["rule"]["phrase"]: s for s in found}
    assert phrases["продиктуйте ещё раз"]["zone"] == "data_collection"
    assert phrases["это не ко мне"]["zone"] == "handoff_responsibility"
    assert "перевели в другой отдел" not in phrases  # already covered by the merged highlight
    key = phrases["это не ко мне"]["key"]
    rc, done = run_json(capsys, "suggest", ru, "--accept", key,
                        "--reject", phrases["продиктуйте ещё раз"]["key"])
    assert rc == 0 and done["accepted"][0]["zones"] == ["handoff_responsibility"]
    _, again = run_json(capsys, "suggest", ru)
    assert {"это не ко мне", "продиктуйте ещё раз"}.isdisjoint(s["rule"]["phrase"]
                                                                for s in again)

    _, trends = run_json(capsys, "trends")
    assert {"month": "2026-10", "touchpoint": "Support", "count": 1} in trends
    rc, res = run_json(capsys, "journey-map", "Занятой родитель", "--out",
                       str(tmp_path / "map.png"))
    assert rc == 0 and res["highlights"] == 1  # the accepted suggestion has no touchpoint
    with Image.open(tmp_path / "map.png") as img:
        assert img.size == (2480, 1754)
        assert len(img.convert("RGB").getcolors(1 << 20) or []) > 200
    rc, res = run_json(capsys, "journey-map", "--out", str(tmp_path / "all.pdf"),
                       "--language", "ru")
    assert rc == 0 and (tmp_path / "all.pdf").read_bytes().startswith(b"%PDF-")
    assert "use a .png or .pdf" in run_error(capsys, "journey-map", "--out",
                                             str(tmp_path / "map.jpg"))

    rc, res = run_json(capsys, "highlights-csv", "--out", str(tmp_path / "h.csv"))
    assert rc == 0 and res["rows"] == 2
    with open(tmp_path / "h.csv", encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert {r["customer"] for r in table} == {"Анна Петрова"}

    rc, counts = run_json(capsys, "taxonomy", "export", "--out", str(tmp_path / "tax.json"))
    assert rc == 0 and counts["touchpoints"] == 7 and counts["zones"] == 10
    data = json.loads((tmp_path / "tax.json").read_text(encoding="utf-8"))
    data["touchpoints"].append({"name": "Loyalty", "channel": "App"})
    data["rules"].append({"phrase": "бонусы", "language": "ru", "touchpoint": "Loyalty"})
    (tmp_path / "tax.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rc, report = run_json(capsys, "taxonomy", "import", str(tmp_path / "tax.json"))
    assert rc == 0 and (report["touchpoints_added"], report["rules_added"]) == (1, 1)
    (tmp_path / "bad.json").write_text('{"rules": [{"phrase": "x", "zone": "nope"}]}',
                                       encoding="utf-8")
    rc, out = run_json(capsys, "taxonomy", "import", str(tmp_path / "bad.json"))
    assert rc == 2 and "refers to zone 'nope'" in out["error"]
