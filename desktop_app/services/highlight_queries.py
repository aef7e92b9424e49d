"""Read side of highlights: tag references by id or name, transcript words, highlight views.

Shared by the tagging, suggestion and export code; everything here takes an open session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import HighlightView, TimedWord
from desktop_app.storage.tables import (
    Customer,
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    MediaAsset,
    Persona,
    ProblemZone,
    Touchpoint,
    Transcript,
    TranscriptSegment,
    TranscriptWord,
)

TagRefs = Sequence[int | str]


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def resolve_touchpoints(s: Session, refs: TagRefs) -> list[int]:
    """Touchpoint ids for ids or names; unknown names list the valid ones."""
    rows = list(s.exec(select(Touchpoint).order_by(Touchpoint.position, Touchpoint.id)))
    out: list[int] = []
    for ref in refs:
        hit = next((t for t in rows if (isinstance(ref, int) and t.id == ref)
                    or (isinstance(ref, str) and _norm(t.name) == _norm(ref))), None)
        if hit is None:
            valid = ", ".join(t.name for t in rows) or "none yet"
            raise ValidationError(f"Unknown touchpoint '{ref}'. Valid touchpoints: {valid}.")
        if hit.id not in out:
            out.append(int(hit.id))  # type: ignore[arg-type]
    return out


def resolve_zones(s: Session, refs: TagRefs) -> list[int]:
    """Problem-zone ids for ids, keys, English or Russian names."""
    rows = list(s.exec(select(ProblemZone).order_by(ProblemZone.position, ProblemZone.id)))
    out: list[int] = []
    for ref in refs:
        hit = next((z for z in rows if (isinstance(ref, int) and z.id == ref)
                    or (isinstance(ref, str)
                        and _norm(ref) in (_norm(z.key), _norm(z.name), _norm(z.name_ru)))),
                   None)
        if hit is None:
            valid = ", ".join(f"{z.key} ({z.name})" for z in rows) or "none yet"
            raise ValidationError(f"Unknown problem zone '{ref}'. Valid zones: {valid}.")
        if hit.id not in out:
            out.append(int(hit.id))  # type: ignore[arg-type]
    return out


def resolve_persona(s: Session, ref: int | str | None) -> int | None:
    if ref is None or ref == "":
        return None
    rows = list(s.exec(select(Persona).order_by(Persona.name)))
    for p in rows:
        if (isinstance(ref, int) and p.id == ref) or (isinstance(ref, str)
                                                      and _norm(p.name) == _norm(ref)):
            return p.id
    valid = ", ".join(p.name for p in rows) or "none yet"
    raise ValidationError(f"Unknown persona '{ref}'. Valid personas: {valid}.")


def customer_persona(s: Session, iv: Interview) -> int | None:
    c = s.get(Customer, iv.customer_id)
    return c.persona_id if c else None


def recording_duration(s: Session, iv: Interview) -> float | None:
    """The recording's length: the media's, else the transcript's; None when unknown."""
    if iv.media_id is not None:
        m = s.get(MediaAsset, iv.media_id)
        if m is not None and m.duration_s > 0:
            return m.duration_s
    t = s.exec(select(Transcript).where(Transcript.interview_id == iv.id)).first()
    return t.duration_s if t is not None and t.duration_s > 0 else None


def transcript_words(s: Session, interview_id: int, start: float | None,
           end: float | None) -> list[TimedWord]:
    q = (select(TranscriptWord.start, TranscriptWord.end, TranscriptWord.word)
         .join(TranscriptSegment, col(TranscriptSegment.id) == TranscriptWord.segment_id)
         .where(TranscriptSegment.interview_id == interview_id)
         .order_by(col(TranscriptWord.start), col(TranscriptSegment.start),
                   col(TranscriptWord.idx)))
    if start is not None:
        q = q.where(TranscriptWord.end >= start)
    if end is not None:
        q = q.where(TranscriptWord.start <= end)
    return [TimedWord(a, b, w) for a, b, w in s.exec(q)]


def highlight_views(s: Session, *conds: Any) -> list[HighlightView]:
    q = (select(Highlight, Customer.id, Customer.name, Interview.recorded_at, Interview.title,
                Persona.name)
         .join(Interview, col(Interview.id) == Highlight.interview_id)
         .join(Customer, col(Customer.id) == Interview.customer_id)
         .join(Persona, col(Persona.id) == Highlight.persona_id, isouter=True)
         .where(*conds)
         .order_by(col(Interview.recorded_at).desc(), col(Highlight.interview_id),
                   col(Highlight.start), col(Highlight.id)))
    rows = s.exec(q).all()
    ids = [int(r[0].id) for r in rows]  # type: ignore[arg-type]
    wanted = set(ids)
    tp_q = (select(HighlightTouchpoint.highlight_id, Touchpoint.id, Touchpoint.name)
            .join(Touchpoint, col(Touchpoint.id) == HighlightTouchpoint.touchpoint_id)
            .order_by(col(Touchpoint.position), col(Touchpoint.id)))
    z_q = (select(HighlightZone.highlight_id, ProblemZone.id, ProblemZone.key)
           .join(ProblemZone, col(ProblemZone.id) == HighlightZone.zone_id)
           .order_by(col(ProblemZone.position), col(ProblemZone.id)))
    if len(ids) <= 500:  # a short IN list; for big lists one scan of the links is cheaper
        tp_q = tp_q.where(col(HighlightTouchpoint.highlight_id).in_(ids))
        z_q = z_q.where(col(HighlightZone.highlight_id).in_(ids))
    tps: dict[int, list[tuple[int, str]]] = {}
    zones: dict[int, list[tuple[int, str]]] = {}
    for hid, tid, name in s.exec(tp_q):
        if hid in wanted:
            tps.setdefault(hid, []).append((int(tid), name))  # type: ignore[arg-type]
    for hid, zid, key in s.exec(z_q):
        if hid in wanted:
            zones.setdefault(hid, []).append((int(zid), key))  # type: ignore[arg-type]
    out: list[HighlightView] = []
    for h, cid, cname, recorded_at, title, pname in rows:
        hid = int(h.id)  # type: ignore[arg-type]
        t, z = tps.get(hid, []), zones.get(hid, [])
        out.append(HighlightView(
            id=hid, interview_id=h.interview_id, start=h.start, end=h.end, quote=h.quote,
            touchpoints=tuple(n for _, n in t), zones=tuple(k for _, k in z),
            touchpoint_ids=tuple(i for i, _ in t), zone_ids=tuple(i for i, _ in z),
            persona=pname or "", persona_id=h.persona_id, severity=h.severity,
            emotion=h.emotion, need=h.need, value=h.value, notes=h.notes, source=h.source,
            status=h.status, customer=cname, customer_id=int(cid), recorded_at=recorded_at,
            interview_title=title))
    return out
