"""Item 8 of issue #13: long recordings are decoded and recognised window by window.

With the window shrunk to 40 s, the 105 s LJ Speech reading is done in three windows: the text
must be as good as in one piece and no segment may be lost or doubled at a window's edge. The
memory itself is measured by bench/transcribe_memory.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli.context import services
from desktop_app.domain.text import wer
from desktop_app.services import transcription
from tests.e2e.test_transcription import LONG, assert_well_timed, import_one, reference, text_of
from tests.faults.test_concurrent_transcribe import _no_duplicates, _segments


def test_a_long_file_in_small_windows_loses_and_doubles_nothing(
        closer_home: Path, shared_media: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = services()
    iv = import_one(s, shared_media / LONG)
    job = s.jobs.submit("transcribe", {"interview_id": iv, "model": "tiny.en"}, target_id=iv)
    whole = s.jobs.run(job)
    assert whole.status == "done", whole.error
    one_piece = s.transcription.transcript(iv)
    assert one_piece is not None
    baseline = wer(reference(shared_media, LONG), text_of(one_piece.as_json()))

    monkeypatch.setattr(transcription, "WINDOW_S", 40.0)
    monkeypatch.setattr(transcription, "_EDGE_S", 10.0)
    loads: list[float | None] = []
    loader = s.transcription._load_audio

    def counting(path: Path, **kw: object) -> object:
        loads.append(kw.get("duration_s"))  # type: ignore[arg-type]
        return loader(path, **kw)

    monkeypatch.setattr(s.transcription, "_load_audio", counting)
    job = s.jobs.submit("transcribe", {"interview_id": iv, "model": "tiny.en", "replace": True},
                        target_id=iv)
    windowed = s.jobs.run(job)
    assert windowed.status == "done", windowed.error
    assert len(loads) >= 3 and set(loads) == {40.0}  # never the whole file at once
    view = s.transcription.transcript(iv)
    assert view is not None and view.complete
    result = view.as_json()
    assert_well_timed(result)
    _no_duplicates(_segments(closer_home, iv))
    assert result["segments"][-1]["end"] > 100
    assert wer(reference(shared_media, LONG), text_of(result)) <= baseline + 0.03
