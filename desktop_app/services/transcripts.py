"""Stored transcripts: read them as domain views, and the edits a person makes to them.

Text edits keep the timings of unchanged words (see `domain.transcript.realign_words`); the FTS
index follows every change through the triggers on `transcriptsegment`.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.transcript import SegmentView, TranscriptView, WordView, realign_words
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Interview,
    MediaAsset,
    Transcript,
    TranscriptSegment,
    TranscriptWord,
)
from desktop_app.storage.types import utcnow


class TranscriptQueries:
    """Reads and edits over transcripts; TranscriptionService adds the transcription job."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- queries ---------------------------------------------------------------------------

    def transcript(self, interview_id: int) -> TranscriptView | None:
        """The stored transcript (possibly partial), or None when it was never transcribed."""
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            tr = s.exec(select(Transcript).where(Transcript.interview_id == interview_id)).first()
            if tr is None:
                return None
            customer = s.get(Customer, iv.customer_id)
            segs = s.exec(select(TranscriptSegment)
                          .where(TranscriptSegment.interview_id == interview_id)
                          .order_by(col(TranscriptSegment.start), col(TranscriptSegment.id))).all()
            words: dict[int, list[WordView]] = {}
            rows = s.exec(select(TranscriptWord)
                          .join(TranscriptSegment,
                                col(TranscriptSegment.id) == TranscriptWord.segment_id)
                          .where(TranscriptSegment.interview_id == interview_id)
                          .order_by(col(TranscriptWord.segment_id), col(TranscriptWord.idx)))
            for w in rows:
                words.setdefault(w.segment_id, []).append(
                    WordView(w.start, w.end, w.word, w.probability))
            return TranscriptView(
                interview_id=interview_id, language=tr.language, model=tr.model,
                duration_s=tr.duration_s, complete=tr.complete,
                transcribed_until_s=tr.transcribed_until_s, title=iv.title,
                customer=customer.name if customer else "", recorded_at=iv.recorded_at,
                segments=tuple(_segment_view(g, tuple(words.get(g.id or 0, ()))) for g in segs))

    def untranscribed_ids(self) -> list[int]:
        """Interviews with audio whose transcript is missing or incomplete, oldest first."""
        with session_scope(self._engine) as s:
            done = select(Transcript.interview_id).where(col(Transcript.complete))
            q = (select(Interview.id)
                 .join(MediaAsset, col(MediaAsset.id) == Interview.media_id)
                 .where(col(MediaAsset.has_audio), col(Interview.status) != "recording",
                        col(Interview.id).not_in(done))
                 .order_by(col(Interview.recorded_at), col(Interview.id)))
            return [int(i) for i in s.exec(q) if i is not None]

    def speakers(self, interview_id: int) -> list[str]:
        """Speaker names used in the interview, in order of first appearance."""
        with session_scope(self._engine) as s:
            names = s.exec(select(TranscriptSegment.speaker)
                           .where(TranscriptSegment.interview_id == interview_id,
                                  TranscriptSegment.speaker != "")
                           .order_by(col(TranscriptSegment.start))).all()
        return list(dict.fromkeys(names))

    # --- edits -----------------------------------------------------------------------------

    def edit_segment(self, segment_id: int, new_text: str) -> list[WordView]:
        """Replace a segment's text; unchanged words keep their timings. Returns the words."""
        if not new_text.split():
            raise ValidationError("A segment's text cannot be empty: delete the segment instead.")
        with session_scope(self._engine) as s:
            seg = self._segment(s, segment_id)
            old = s.exec(select(TranscriptWord).where(TranscriptWord.segment_id == segment_id)
                         .order_by(col(TranscriptWord.idx))).all()
            words = realign_words([WordView(w.start, w.end, w.word, w.probability) for w in old],
                                  new_text, seg.start, seg.end)
            for w in old:
                s.delete(w)
            s.flush()
            s.add_all([TranscriptWord(segment_id=segment_id, idx=i, start=w.start, end=w.end,
                                      word=w.word, probability=w.probability)
                       for i, w in enumerate(words)])
            seg.text, seg.edited = " ".join(new_text.split()), True
            s.add(seg)
            self._touch(s, seg.interview_id)
        return words

    def delete_segment(self, segment_id: int) -> None:
        with session_scope(self._engine) as s:
            seg = self._segment(s, segment_id)
            self._touch(s, seg.interview_id)
            s.delete(seg)

    def set_speaker(self, segment_ids: Sequence[int], speaker: str) -> int:
        """Give the selected segments `speaker`; returns how many changed."""
        name = speaker.strip()
        with session_scope(self._engine) as s:
            segs = s.exec(select(TranscriptSegment)
                          .where(col(TranscriptSegment.id).in_(list(segment_ids)))).all()
            missing = set(segment_ids) - {g.id for g in segs}
            if missing:
                raise NotFoundError(f"Segment(s) {', '.join(map(str, sorted(missing)))} "
                                    "do not exist.")
            changed = [g for g in segs if g.speaker != name]
            for g in changed:
                g.speaker = name
                s.add(g)
            return len(changed)

    def rename_speaker(self, interview_id: int, old: str, new: str) -> int:
        """Rename speaker `old` to `new` everywhere in the interview; returns segments changed."""
        with session_scope(self._engine) as s:
            segs = s.exec(select(TranscriptSegment).where(
                TranscriptSegment.interview_id == interview_id,
                TranscriptSegment.speaker == old.strip())).all()
            for g in segs:
                g.speaker = new.strip()
                s.add(g)
            return len(segs) if old.strip() != new.strip() else 0

    @staticmethod
    def _segment(s: Session, segment_id: int) -> TranscriptSegment:
        seg = s.get(TranscriptSegment, segment_id)
        if seg is None:
            raise NotFoundError(f"Segment {segment_id} does not exist.")
        return seg

    @staticmethod
    def _touch(s: Session, interview_id: int) -> None:
        tr = s.exec(select(Transcript).where(Transcript.interview_id == interview_id)).first()
        if tr is not None:
            tr.updated_at = utcnow()
            s.add(tr)


def _segment_view(g: TranscriptSegment, words: tuple[WordView, ...]) -> SegmentView:
    assert g.id is not None
    return SegmentView(id=g.id, start=g.start, end=g.end, text=g.text, speaker=g.speaker,
                       track=g.track, edited=g.edited, words=words)
