"""Transcribing again without losing a person's work: saved versions, kept edits and speakers.

Before a finished transcript is transcribed again (`replace`), its segments, words and speakers
are saved as one JSON file per version under the library's `transcript-versions/` folder, and
`restore` puts any saved version back. Segments corrected by hand (`edited`) are not deleted:
new recognition that falls on them is dropped. Speaker names given by hand carry over to the new
segments that overlap the old ones on the same track.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, delete, select

from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.transcript import TRACK_SPEAKERS
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord
from desktop_app.storage.types import utcnow

_COVERED = 0.5  # a new segment half inside an edited one is the edited one's stretch


@dataclass(frozen=True)
class SpeakerSpan:
    """Who spoke from `start` to `end` on `track`, as the person named them."""

    track: int
    start: float
    end: float
    speaker: str


def speaker_spans(s: Session, interview_id: int) -> list[SpeakerSpan]:
    """Speakers named by hand (not the recorder's default labels) in the current transcript."""
    rows = s.exec(select(TranscriptSegment).where(
        TranscriptSegment.interview_id == interview_id, TranscriptSegment.speaker != "")).all()
    return [SpeakerSpan(r.track, r.start, r.end, r.speaker) for r in rows
            if r.speaker not in TRACK_SPEAKERS]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def inherited_speaker(spans: list[SpeakerSpan], track: int, start: float, end: float) -> str:
    """The hand-given speaker that overlaps [start, end] on `track` most ('' when none)."""
    best, best_overlap = "", 0.0
    for span in spans:
        if span.track == track:
            o = _overlap(start, end, span.start, span.end)
            if o > best_overlap:
                best, best_overlap = span.speaker, o
    return best


def covered_by_edit(s: Session, interview_id: int, track: int, start: float, end: float) -> bool:
    """True when an edited segment on `track` covers at least half of [start, end]."""
    rows = s.exec(select(TranscriptSegment.start, TranscriptSegment.end).where(
        TranscriptSegment.interview_id == interview_id, TranscriptSegment.track == track,
        col(TranscriptSegment.edited), col(TranscriptSegment.start) < end,
        col(TranscriptSegment.end) > start)).all()
    length = max(end - start, 1e-3)
    return any(_overlap(start, end, a, b) >= _COVERED * length for a, b in rows)


class TranscriptVersions:
    """Saved earlier versions of transcripts, one JSON file each."""

    def __init__(self, engine: Engine, folder: Path | None = None) -> None:
        self._engine = engine
        if folder is None:
            database = engine.url.database
            base = Path(database).resolve().parent if database and database != ":memory:" \
                else Path(tempfile.gettempdir())
            folder = base / "transcript-versions"
        self.folder = folder

    def save(self, s: Session, interview_id: int) -> Path:
        """Write the interview's current transcript to a new version file; return its path."""
        tr = s.exec(select(Transcript).where(Transcript.interview_id == interview_id)).first()
        segs = s.exec(select(TranscriptSegment).where(
            TranscriptSegment.interview_id == interview_id)
            .order_by(col(TranscriptSegment.start), col(TranscriptSegment.id))).all()
        data = {
            "interview_id": interview_id, "saved_at": datetime.now(UTC).isoformat(),
            "model": tr.model if tr else "", "language": tr.language if tr else "",
            "duration_s": tr.duration_s if tr else 0.0,
            "segments": [{
                "track": g.track, "start": g.start, "end": g.end, "speaker": g.speaker,
                "text": g.text, "edited": g.edited,
                "words": [[w.start, w.end, w.word, w.probability] for w in s.exec(
                    select(TranscriptWord).where(TranscriptWord.segment_id == g.id)
                    .order_by(col(TranscriptWord.idx)))],
            } for g in segs],
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        path = self.folder / f"interview-{interview_id}-{stamp}.json"
        tmp = path.with_name(f".{path.name}.partial")
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return path

    def list(self, interview_id: int) -> list[Path]:
        """Saved versions of the interview, oldest first."""
        return sorted(self.folder.glob(f"interview-{interview_id}-*.json"))

    def restore(self, interview_id: int, version: Path) -> int:
        """Put a saved version back as the transcript (the current one is saved first)."""
        try:
            data = json.loads(Path(version).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise NotFoundError(f"{Path(version).name}: not a saved transcript ({exc})") from None
        if data.get("interview_id") != interview_id:
            raise NotFoundError(f"{Path(version).name} is not a version of interview "
                                f"{interview_id}.")
        with session_scope(self._engine) as s:
            tr = s.exec(select(Transcript).where(Transcript.interview_id == interview_id)).first()
            if tr is not None:
                self.save(s, interview_id)
            s.exec(delete(TranscriptSegment).where(
                col(TranscriptSegment.interview_id) == interview_id))
            tr = tr or Transcript(interview_id=interview_id)
            tr.model, tr.language = data.get("model", ""), data.get("language", "")
            tr.duration_s = float(data.get("duration_s", 0.0))
            tr.transcribed_until_s, tr.complete, tr.updated_at = tr.duration_s, True, utcnow()
            s.add(tr)
            for g in data.get("segments", []):
                row = TranscriptSegment(interview_id=interview_id, track=g["track"],
                                        start=g["start"], end=g["end"], speaker=g["speaker"],
                                        text=g["text"], edited=g["edited"])
                s.add(row)
                s.flush()
                s.add_all([TranscriptWord(segment_id=row.id, idx=i, start=w[0], end=w[1],
                                          word=w[2], probability=w[3])
                           for i, w in enumerate(g["words"])])
            return len(data.get("segments", []))
