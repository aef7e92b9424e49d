"""`closer search` in Russian, end to end: the real recording of "нейронные сети это хорошо".

The recording is imported through the CLI; its transcript (the words the speaker says, with
word timings) is stored the way a transcription stores it, so no Whisper run is needed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main as cli
from desktop_app.cli.context import services
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord

RU = "ru/pisets_test_sound_ru.wav"
SAID = [("нейронные", 0.42, 1.08), ("сети", 1.14, 1.62), ("это", 1.80, 2.04),
        ("хорошо", 2.10, 2.76)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = cli(list(args))
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    rc, out, _err = run(capsys, *args, "--json")
    return rc, json.loads(out)


@pytest.fixture()
def interview(closer_home: Path, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> int:
    rc, imported = run_json(capsys, "import", str(shared_media / RU), "--customer",
                            "Анна Петрова", "--date", "2026-10-01T10:00")
    assert rc == 0, imported
    iid = int(imported[0]["interview_id"])
    with session_scope(services().engine) as s:
        seg = TranscriptSegment(interview_id=iid, start=SAID[0][1], end=SAID[-1][2],
                                text=" ".join(w for w, _s, _e in SAID))
        s.add(seg)
        s.flush()
        s.add_all([TranscriptWord(segment_id=seg.id, idx=i, start=a, end=b, word=" " + w,
                                  probability=0.9) for i, (w, a, b) in enumerate(SAID)])
        s.add(Transcript(interview_id=iid, model="base", language="ru", duration_s=3.234,
                         transcribed_until_s=3.234, complete=True))
    return iid


def test_search_two_russian_words_and_word_forms(interview: int,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    rc, hits = run_json(capsys, "search", "нейронные сети")
    assert rc == 0
    assert hits == [{"interview_id": interview, "customer": "Анна Петрова", "start": 0.42,
                     "end": 2.76, "snippet": "[нейронные] [сети] это хорошо"}]
    rc, hits = run_json(capsys, "search", "нейронная сеть")  # other forms of the same words
    assert [h["snippet"] for h in hits] == ["[нейронные] [сети] это хорошо"]
    rc, hits = run_json(capsys, "search", '"нейронная сеть"')  # quotes: exactly these words
    assert rc == 0 and hits == []
    rc, out, err = run(capsys, "search", "НЕЙРОННЫЕ СЕТИ")
    assert rc == 0 and err == ""
    assert out.strip().endswith("[нейронные] [сети] это хорошо")


def test_search_with_syntax_typed_as_words_is_an_ordinary_search(
        interview: int, capsys: pytest.CaptureFixture[str]) -> None:
    for query in ('сети AND (', 'NEAR("сети"', '"нейронные', "сет* -это", "«это хорошо»"):
        rc, out, err = run(capsys, "search", query)
        assert rc == 0 and "Traceback" not in err and "syntax" not in out + err, (query, err)
    rc, hits = run_json(capsys, "search", "«это хорошо» сет*")
    assert [h["snippet"] for h in hits] == ["нейронные [сети] [это хорошо]"]
