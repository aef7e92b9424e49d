"""A small library for the consent, retention and erasure tests: real recordings imported into
the library (copied), with a transcript written word by word, highlights and reels."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import select

from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Interview, Transcript, TranscriptSegment, TranscriptWord
from desktop_app.wiring import Services

WORD_S = 0.3
MEDIA = Path(__file__).resolve().parent.parent / "media"
JFK = MEDIA / "en" / "jfk.flac"  # 11 s
WAV = MEDIA / "en" / "librivox_sense_and_sensibility_01_0870.wav"


def recorded_interview(svc: Services, customer: str, lines: Sequence[str], media: Path, *,
                       when: datetime | None = None) -> int:
    """Import `media` (copied into the library) for `customer` and give it a transcript."""
    try:
        cid = int(svc.library.customer_by_name(customer).id)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - not there yet
        cid = int(svc.library.add_customer(name=customer).id)  # type: ignore[arg-type]
    [result] = svc.importer.import_many([media], customer_id=cid,
                                        recorded_at=when or datetime(2026, 1, 5, 9, tzinfo=UTC),
                                        link=False)
    assert result.ok and result.interview_id is not None, result
    iid = result.interview_id
    with session_scope(svc.engine) as s:
        # an imported file's transcript sidecar (.txt) is replaced by the lines given
        for old in s.exec(select(TranscriptSegment).where(TranscriptSegment.interview_id == iid)):
            s.delete(old)
        for old in s.exec(select(Transcript).where(Transcript.interview_id == iid)):
            s.delete(old)
        s.flush()
        t = 0.0
        for line in lines:
            words = line.split()
            seg = TranscriptSegment(interview_id=iid, start=round(t, 3),
                                    end=round(t + len(words) * WORD_S, 3), text=line)
            s.add(seg)
            s.flush()
            for i, w in enumerate(words):
                ws = round(t + i * WORD_S, 3)
                s.add(TranscriptWord(segment_id=seg.id, idx=i, start=ws,
                                     end=round(ws + WORD_S - 0.05, 3), word=" " + w,
                                     probability=0.9))
            t = seg.end + 0.5
        s.add(Transcript(interview_id=iid, model="base", language="en", duration_s=11.0,
                         transcribed_until_s=t, complete=True))
        iv = s.get(Interview, iid)
        assert iv is not None
        iv.status = "transcribed"
        s.add(iv)
    return iid
