"""Erasure: "forget this customer" leaves no trace of them anywhere in the library folder.

Checked the hard way: after forgetting, every file under the library (the SQLite file after
VACUUM and its WAL included) is read byte by byte for their name and for words only their
transcript had. Everything of the other customer stays, and exports outside the library are
listed, not touched.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.reels import ReelOptions
from desktop_app.services.search import SearchService
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Consent, Interview
from desktop_app.wiring import Services, build_services
from tests.unit.privacy_lib import JFK, WAV, recorded_interview

NAME = "Marisol Quintanilla"
HER_LINES = ["the quokka courier brought marmalade", "call Marisol on zanzibar street"]
HIS_LINES = ["the parcel came late twice", "refunds took three weeks"]
HER_TRACES = [b"marisol", b"quintanilla", b"quokka", b"marmalade", b"zanzibar"]


def drain(gen: Generator[Any, None, Any]) -> Any:
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def traces(home: Path) -> dict[str, list[str]]:
    """{file: [what was found]} for every file under `home` holding one of HER_TRACES."""
    found: dict[str, list[str]] = {}
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes().lower()
            hits = [t.decode() for t in HER_TRACES if t in data]
            if hits:
                found[str(path.relative_to(home))] = hits
    return found


@pytest.fixture()
def svc(tmp_path: Path) -> Services:
    home = tmp_path / "library"
    home.mkdir()
    return build_services(home)


def make_library(svc: Services, tmp_path: Path) -> dict[str, Any]:
    her = recorded_interview(svc, NAME, HER_LINES, JFK)
    his = recorded_interview(svc, "Oleg Petrov", HIS_LINES, WAV)
    form = svc.home / "consent" / f"interview-{her}-form.txt"
    form.parent.mkdir(exist_ok=True)
    form.write_text(f"I, {NAME}, agree to be recorded.", encoding="utf-8")
    svc.consent.set_consent(her, internal=True, onboarding=True, method="form",
                            form_path=str(form), given_by=NAME)
    svc.consent.set_consent(his, internal=True, onboarding=True)
    h1 = svc.tagging.create(her, start=0.0, end=1.5, notes=f"{NAME} was upset")
    h2 = svc.tagging.create(his, start=0.0, end=1.4)
    reel = svc.reels.create(f"What {NAME} and Oleg said", highlight_ids=[h1.id, h2.id])
    her_item = reel.items[0].id
    words = svc.reels.words(her_item)
    svc.reels.update(reel.id, options=ReelOptions(
        captions="soft", masked={her_item: [w.index for w in words if w.text == "quokka"]}))
    inside = svc.home / "exports" / "team.mp4"
    inside.parent.mkdir(exist_ok=True)
    drain(svc.reels.render_iter(reel.id, inside))
    outside = tmp_path / "sent" / "team.mp4"
    outside.parent.mkdir()
    drain(svc.reels.render_iter(reel.id, outside))
    drain(svc.reels.private_copies(reel.id))  # the presenter's cached copies
    svc.suggestions.reject_suggestion(f"{her}:1:0.00")
    svc.suggestions.reject_suggestion(f"{his}:1:0.00")
    svc.jobs.submit("transcribe", {"interview_id": her}, title=f"Transcribe {NAME}",
                    target_id=her)
    playlist = svc.playlists.create("Onboarding", description=f"Start with {NAME}")
    svc.playlists.add_reel(playlist.id, reel.id, text=f"{NAME} on couriers")
    return {"her": her, "his": his, "reel": reel.id, "playlist": playlist.id,
            "outside": outside, "inside": inside}


def test_forgetting_a_customer_leaves_no_trace_in_any_library_file(
        svc: Services, tmp_path: Path) -> None:
    lib = make_library(svc, tmp_path)
    search = SearchService(svc.engine)
    assert search.search("quokka") and search.search("refunds")
    before = traces(svc.home)
    assert "closer.sqlite3" in before or "closer.sqlite3-wal" in before
    assert any(p.startswith("consent") for p in before)
    assert any(p.startswith("exports") for p in before)  # the .srt/.vtt captions
    cid = int(svc.library.customer_by_name(NAME).id)  # type: ignore[arg-type]

    preview = svc.erasure.preview(cid)
    assert (preview.interviews, preview.reel_clips, preview.done) == (1, 1, False)
    with pytest.raises(ValidationError, match="Type the customer's name"):
        svc.erasure.forget(cid, confirm="Marisol")
    assert traces(svc.home) == before  # a refusal removes nothing

    report = svc.erasure.forget(cid, confirm="  marisol   QUINTANILLA ")
    assert report.done and report.interviews == 1
    out = lib["outside"]
    assert [e["path"] for e in report.exports_outside] == [
        str(out), str(out.with_suffix(".srt")), str(out.with_suffix(".vtt"))]
    assert {e["what"] for e in report.exports_outside} == {"Reel rendered"}
    assert lib["outside"].is_file()  # not ours to delete: listed
    assert not lib["inside"].exists()
    assert traces(svc.home) == {}
    wal = svc.home / "closer.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed and truncated

    # nothing of the other customer is lost
    assert [h.interview_id for h in search.search("refunds")] == [lib["his"]]
    assert search.search("quokka") == [] and search.search("marmalade") == []
    reel = svc.reels.get(lib["reel"])
    assert [(i.position, i.customer) for i in reel.items] == [(0, "Oleg Petrov")]
    assert reel.name == "What (forgotten customer) and Oleg said"
    assert set(reel.options.mask_words) <= {reel.items[0].id}
    assert svc.suggestions.rejected_keys() == {f"{lib['his']}:1:0.00"}
    assert [c.name for c in svc.library.customers()] == ["Oleg Petrov"]
    with session_scope(svc.engine) as s:
        assert s.get(Interview, lib["her"]) is None
        assert [c.interview_id for c in s.exec(select(Consent))] == [lib["his"]]
    assert [j.title for j in svc.jobs.list()] == []
    entries = svc.audit.list()
    assert entries and all(cid not in e.customer_ids for e in entries)
    his_media = Path(svc.interviews.get(lib["his"]).media_path)
    assert his_media.is_file()
    plan, _ = svc.reels.checked_plan(lib["reel"])
    assert len(plan.clips) == 1
