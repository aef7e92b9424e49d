"""Highlights: make them from transcript time ranges, tag, edit, re-time, merge, delete, undo.

Every edit runs in one transaction (bad input leaves nothing half-saved) and is recorded on a
per-service undo stack as exact before/after snapshots of the highlight rows, their tag links
and the reel items pointing at them, so `undo()`/`redo()` restore rows with their original ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, update
from sqlmodel import Session, col, select

from desktop_app.domain.errors import CloserError, NotFoundError, ValidationError
from desktop_app.domain.highlights import (
    STATUSES,
    HighlightFilter,
    HighlightView,
    SnappedRange,
    TimedWord,
    check_emotion,
    check_severity,
    snap_range,
)
from desktop_app.services.highlight_queries import (
    TagRefs,
    customer_persona,
    highlight_views,
    recording_duration,
    resolve_persona,
    resolve_touchpoints,
    resolve_zones,
    transcript_words,
)
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    InterviewNote,
    ReelItem,
)

STUB_BEFORE_S = 10.0
STUB_AFTER_S = 5.0
_END_TOLERANCE_S = 0.5
EDITABLE = frozenset({"touchpoints", "zones", "persona", "severity", "emotion", "need", "value",
                      "notes", "status"})


@dataclass(frozen=True)
class _Snap:
    row: tuple[tuple[str, Any], ...]
    touchpoint_ids: tuple[int, ...]
    zone_ids: tuple[int, ...]
    reel_item_ids: tuple[int, ...]


@dataclass(frozen=True)
class _Action:
    label: str
    before: dict[int, _Snap | None]
    after: dict[int, _Snap | None]
    serial: int = 0
    kind: str = ""  # what the UI words in its language: see TaggingService.undo_kind
    count: int = 0


def _check_status(status: str) -> str:
    if status not in STATUSES:
        raise ValidationError(f"Unknown status '{status}': use one of {', '.join(STATUSES)}.")
    return status


class HighlightService:
    """Create, edit and query highlights; one undo/redo history per service instance."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._undo: list[_Action] = []
        self._redo: list[_Action] = []
        self.last_changed_ids: list[int] = []  # highlights the last undo/redo touched
        self._serial = 0

    # --- queries ---------------------------------------------------------------------------

    def get(self, highlight_id: int) -> HighlightView:
        found = self.list_by_ids([highlight_id])
        if not found:
            raise NotFoundError(f"Highlight {highlight_id} does not exist.")
        return found[0]

    def list_by_ids(self, ids: Sequence[int]) -> list[HighlightView]:
        with session_scope(self._engine) as s:
            return highlight_views(s, col(Highlight.id).in_(list(ids)))

    def list(self, flt: HighlightFilter | None = None) -> list[HighlightView]:
        """Highlights, newest interview first, in recording order within an interview."""
        f = flt or HighlightFilter()
        conds: list[Any] = []
        if f.interview_id is not None:
            conds.append(Highlight.interview_id == f.interview_id)
        if f.touchpoint_id is not None:
            conds.append(col(Highlight.id).in_(
                select(HighlightTouchpoint.highlight_id)
                .where(HighlightTouchpoint.touchpoint_id == f.touchpoint_id)))
        if f.zone_id is not None:
            conds.append(col(Highlight.id).in_(
                select(HighlightZone.highlight_id).where(HighlightZone.zone_id == f.zone_id)))
        if f.persona_id is not None:
            conds.append(Highlight.persona_id == f.persona_id)
        if f.customer_id is not None:
            conds.append(Interview.customer_id == f.customer_id)
        if f.status is not None:
            conds.append(Highlight.status == f.status)
        if f.min_severity is not None:
            conds.append(Highlight.severity >= f.min_severity)
        if f.date_from is not None:
            conds.append(Interview.recorded_at >= f.date_from)
        if f.date_to is not None:
            conds.append(Interview.recorded_at < f.date_to)
        with session_scope(self._engine) as s:
            return highlight_views(s, *conds)

    def words(self, interview_id: int, start: float | None = None,
              end: float | None = None) -> list[TimedWord]:
        """Transcript words of an interview in time order (optionally only near a range)."""
        with session_scope(self._engine) as s:
            return transcript_words(s, interview_id, start, end)

    def snap(self, interview_id: int, start: float, end: float) -> SnappedRange:
        """Preview where a range would snap to (and its quote) without saving anything."""
        with session_scope(self._engine) as s:
            return self._snapped(s, interview_id, start, end)

    # --- edits -----------------------------------------------------------------------------

    def create(self, interview_id: int, *, start: float, end: float, touchpoints: TagRefs = (),
               zones: TagRefs = (), persona: int | str | None = None, severity: int = 3,
               emotion: str = "", need: str = "", value: str = "", notes: str = "",
               source: str = "manual", status: str = "done",
               allow_empty: bool = False) -> HighlightView:
        """Make a highlight from a time range; persona None = the interview customer's.

        With `allow_empty`, a range holding no transcript words (silence in a screen
        recording can be the pain) is kept as it is, with an empty quote; it needs a note.
        """
        with session_scope(self._engine) as s:
            iv = _interview(s, interview_id)
            self._check_range(s, interview_id, start, end)
            words = transcript_words(s, interview_id, start, end)
            try:
                snapped = snap_range(words, start, end)
            except ValidationError:
                if not allow_empty or end <= start:
                    raise
                if not notes.strip():
                    raise ValidationError(
                        f"No words are spoken between {start:.1f} s and {end:.1f} s: add a "
                        "note saying what happens there, then save.") from None
                snapped = SnappedRange(start=round(start, 3), end=round(end, 3), quote="",
                                       first=-1, last=-1)
            h = Highlight(interview_id=interview_id, start=snapped.start, end=snapped.end,
                          quote=snapped.quote, severity=check_severity(severity),
                          emotion=check_emotion(emotion), need=need.strip(),
                          value=value.strip(), notes=notes.strip(), source=source,
                          status=_check_status(status),
                          persona_id=(resolve_persona(s, persona) if persona is not None
                                      else customer_persona(s, iv)))
            tps, zs = resolve_touchpoints(s, touchpoints), resolve_zones(s, zones)
            s.add(h)
            s.flush()
            hid = int(h.id)  # type: ignore[arg-type]
            _set_links(s, hid, tps, zs)
            self._record(s, "Create highlight", {hid: None}, [hid], "create")
        return self.get(hid)

    def update(self, highlight_id: int, **changes: Any) -> HighlightView:
        """Change tags or texts: touchpoints, zones, persona (None clears), severity, emotion,
        need, value, notes, status. Use `retime` to move the range."""
        self.update_many([highlight_id], **changes)
        return self.get(highlight_id)

    def update_many(self, ids: Sequence[int], *, add_touchpoints: TagRefs = (),
                    remove_touchpoints: TagRefs = (), add_zones: TagRefs = (),
                    remove_zones: TagRefs = (), **changes: Any) -> list[HighlightView]:
        """The same change to several highlights at once, all or none, one undo step.

        Besides the fields of `update`, tags can be added to or removed from each highlight's
        own tags (`add_touchpoints`, `remove_zones`...), keeping the others it has.
        """
        unique = list(dict.fromkeys(int(i) for i in ids))
        if not unique:
            return []
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} of a highlight; "
                                  f"editable: {', '.join(sorted(EDITABLE))}.")
        with session_scope(self._engine) as s:
            rows = [_highlight(s, i) for i in unique]
            before = {i: _snap(s, i) for i in unique}
            tps = resolve_touchpoints(s, changes["touchpoints"]) \
                if "touchpoints" in changes else None
            zs = resolve_zones(s, changes["zones"]) if "zones" in changes else None
            add_tp, del_tp = resolve_touchpoints(s, add_touchpoints), \
                set(resolve_touchpoints(s, remove_touchpoints))
            add_z, del_z = resolve_zones(s, add_zones), set(resolve_zones(s, remove_zones))
            persona = resolve_persona(s, changes["persona"]) if "persona" in changes else None
            severity = check_severity(changes["severity"]) if "severity" in changes else None
            emotion = check_emotion(changes["emotion"]) if "emotion" in changes else None
            status = _check_status(changes["status"]) if "status" in changes else None
            for h in rows:
                hid = int(h.id)  # type: ignore[arg-type]
                if "persona" in changes:
                    h.persona_id = persona
                if severity is not None:
                    h.severity = severity
                if emotion is not None:
                    h.emotion = emotion
                if status is not None:
                    h.status = status
                for key in ("need", "value", "notes"):
                    if key in changes:
                        setattr(h, key, (changes[key] or "").strip())
                s.add(h)
                s.flush()
                snap = before[hid]
                assert snap is not None
                new_tps = list(tps) if tps is not None else list(snap.touchpoint_ids)
                new_zs = list(zs) if zs is not None else list(snap.zone_ids)
                new_tps = [t for t in dict.fromkeys([*new_tps, *add_tp]) if t not in del_tp]
                new_zs = [z for z in dict.fromkeys([*new_zs, *add_z]) if z not in del_z]
                if new_tps != list(snap.touchpoint_ids):
                    s.exec(delete(HighlightTouchpoint)
                           .where(col(HighlightTouchpoint.highlight_id) == hid))
                    _set_links(s, hid, new_tps, [])
                if new_zs != list(snap.zone_ids):
                    s.exec(delete(HighlightZone).where(col(HighlightZone.highlight_id) == hid))
                    _set_links(s, hid, [], new_zs)
            label = "Edit highlight" if len(unique) == 1 else f"Edit {len(unique)} highlights"
            self._record(s, label, before, unique, "edit")
        return self.list_by_ids(unique)

    def requote(self, interview_id: int) -> list[int]:
        """Read the quotes of an interview's highlights again from the transcript words (after
        the text was corrected; the times stay). Returns the ids whose quote changed."""
        changed: list[int] = []
        with session_scope(self._engine) as s:
            words = transcript_words(s, interview_id, None, None)
            rows = s.exec(select(Highlight).where(Highlight.interview_id == interview_id)).all()
            for h in rows:
                try:
                    quote = snap_range(words, h.start, h.end).quote
                except ValidationError:
                    continue
                if quote != h.quote:
                    h.quote = quote
                    s.add(h)
                    changed.append(int(h.id))  # type: ignore[arg-type]
        return changed

    def retime(self, highlight_id: int, start: float, end: float) -> HighlightView:
        """Move the range: it snaps to words again and the quote is re-read from them."""
        with session_scope(self._engine) as s:
            h = _highlight(s, highlight_id)
            before = {highlight_id: _snap(s, highlight_id)}
            snapped = self._snapped(s, h.interview_id, start, end)
            h.start, h.end, h.quote = snapped.start, snapped.end, snapped.quote
            s.add(h)
            s.flush()
            self._record(s, "Re-time highlight", before, [highlight_id], "retime")
        return self.get(highlight_id)

    def merge(self, ids: Sequence[int]) -> HighlightView:
        """Merge 2+ highlights of one interview into the earliest: spanning range, union of
        tags, highest severity; the others are deleted."""
        unique = list(dict.fromkeys(ids))
        if len(unique) < 2:
            raise ValidationError("Merging needs at least two different highlights.")
        with session_scope(self._engine) as s:
            rows = sorted((_highlight(s, i) for i in unique), key=lambda h: (h.start, h.id))
            interviews = {h.interview_id for h in rows}
            if len(interviews) > 1:
                raise ValidationError(
                    f"Highlights {', '.join(map(str, unique))} belong to different interviews "
                    f"({', '.join(map(str, sorted(interviews)))}); only highlights of one "
                    "interview can be merged.")
            before = {int(h.id): _snap(s, int(h.id)) for h in rows}  # type: ignore[arg-type]
            keep, others = rows[0], rows[1:]
            kid = int(keep.id)  # type: ignore[arg-type]
            tps = [t for h in rows for t in before[int(h.id)].touchpoint_ids]  # type: ignore
            zs = [z for h in rows for z in before[int(h.id)].zone_ids]  # type: ignore
            start, end = min(h.start for h in rows), max(h.end for h in rows)
            words = transcript_words(s, keep.interview_id, start, end)
            try:
                snapped = snap_range(words, start, end)
                keep.start, keep.end, keep.quote = snapped.start, snapped.end, snapped.quote
            except ValidationError:  # stubs without transcript words: keep the raw span
                keep.start, keep.end = start, end
                keep.quote = " … ".join(h.quote for h in rows if h.quote)
            strongest = max(rows, key=lambda h: h.severity)
            keep.severity = strongest.severity
            keep.emotion = strongest.emotion or next((h.emotion for h in rows if h.emotion), "")
            keep.persona_id = next((h.persona_id for h in rows if h.persona_id), None)
            for name in ("need", "value", "notes"):
                texts = [getattr(h, name) for h in rows if getattr(h, name)]
                setattr(keep, name, "\n".join(dict.fromkeys(texts)))
            keep.status = "done" if any(h.status == "done" for h in rows) else "stub"
            for h in others:
                s.exec(update(ReelItem).where(col(ReelItem.highlight_id) == h.id)
                       .values(highlight_id=kid))
                s.delete(h)
            s.add(keep)
            s.flush()
            s.exec(delete(HighlightTouchpoint).where(col(HighlightTouchpoint.highlight_id) == kid))
            s.exec(delete(HighlightZone).where(col(HighlightZone.highlight_id) == kid))
            _set_links(s, kid, list(dict.fromkeys(tps)), list(dict.fromkeys(zs)))
            self._record(s, f"Merge {len(rows)} highlights", before, list(before), "merge",
                         len(rows))
        return self.get(kid)

    def delete(self, *ids: int) -> None:
        """Delete highlights (all or none); `undo()` brings them back."""
        unique = list(dict.fromkeys(ids))
        if not unique:
            return
        with session_scope(self._engine) as s:
            rows = [_highlight(s, i) for i in unique]
            before = {i: _snap(s, i) for i in unique}
            for h in rows:
                s.delete(h)
            s.flush()
            label = "Delete highlight" if len(unique) == 1 else f"Delete {len(unique)} highlights"
            self._record(s, label, before, unique, "delete")

    def stubs_from_markers(self, interview_id: int) -> list[HighlightView]:
        """Turn recording markers into stub highlights (t-10 s .. t+5 s, snapped to words).

        Idempotent: a marker whose time lies inside an existing marker stub, or whose window
        snaps to exactly an existing stub's range, makes no new one (a second marker inside a
        stub made in the same run adds its text to that stub's notes).
        """
        made: list[int] = []
        with session_scope(self._engine) as s:
            iv = _interview(s, interview_id)
            markers = s.exec(select(InterviewNote).where(
                InterviewNote.interview_id == interview_id, InterviewNote.kind == "marker")
                .order_by(col(InterviewNote.t))).all()
            stubs = list(s.exec(select(Highlight).where(Highlight.interview_id == interview_id,
                                                         Highlight.source == "marker")))
            duration = recording_duration(s, iv)
            for m in markers:
                lo = max(0.0, m.t - STUB_BEFORE_S)
                hi = m.t + STUB_AFTER_S if duration is None else min(duration, m.t + STUB_AFTER_S)
                try:
                    sn = snap_range(transcript_words(s, interview_id, lo, hi), lo, hi)
                    start, end, quote = sn.start, sn.end, sn.quote
                except ValidationError:  # not transcribed yet: keep the raw window
                    start, end, quote = round(lo, 3), round(max(hi, lo), 3), ""
                # done before: a marker stub holds this moment, or is exactly this window
                hit = next((h for h in stubs if h.start - 0.05 <= m.t <= h.end + 0.05
                            or (abs(h.start - start) < 1e-6 and abs(h.end - end) < 1e-6)),
                           None)
                if hit is not None:
                    if hit.id in made and m.text.strip():
                        hit.notes = "\n".join(x for x in (hit.notes, m.text.strip()) if x)
                        s.add(hit)
                    continue
                h = Highlight(interview_id=interview_id, start=start, end=end, quote=quote,
                              persona_id=customer_persona(s, iv), notes=m.text.strip(),
                              source="marker", status="stub")
                s.add(h)
                s.flush()
                stubs.append(h)
                made.append(int(h.id))  # type: ignore[arg-type]
            s.flush()
            if made:
                self._record(s, f"Create {len(made)} stub(s) from markers",
                             dict.fromkeys(made), made, "stubs")
        return self.list_by_ids(made)

    # --- undo / redo -----------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    @property
    def undo_kind(self) -> tuple[str, int]:
        """What the next undo reverts, for the UI to word in its language: (kind, how many
        highlights), kind one of "create", "edit", "retime", "merge", "delete", "stubs";
        ("", 0) when there is nothing to undo. `undo_label` is the same in English."""
        return (self._undo[-1].kind, self._undo[-1].count) if self._undo else ("", 0)

    @property
    def last_serial(self) -> int:
        """The number of the edit on top of the undo history (0: none); an undo command kept
        elsewhere (the transcript's undo stack) passes it back to undo exactly that edit."""
        return self._undo[-1].serial if self._undo else 0

    def undo(self, expect: int | None = None) -> str | None:
        """Undo the last edit; returns its label, or None when there is nothing to undo.
        With `expect`, only if that edit is the last one (else a CloserError says so)."""
        if not self._undo:
            return None
        action = self._undo[-1]
        if expect is not None and action.serial != expect:
            raise CloserError("Cannot undo this tag edit: highlights were changed elsewhere "
                              "(Insights) since; undo there first.")
        self._restore(action, action.after, action.before)
        self.last_changed_ids = sorted(set(action.before) | set(action.after))
        self._redo.append(self._undo.pop())
        return action.label

    def redo(self, expect: int | None = None) -> str | None:
        """Redo the last undone edit; returns its label, or None."""
        if not self._redo:
            return None
        action = self._redo[-1]
        if expect is not None and action.serial != expect:
            raise CloserError("Cannot redo this tag edit: highlights were changed elsewhere "
                              "(Insights) since.")
        self._restore(action, action.before, action.after)
        self.last_changed_ids = sorted(set(action.before) | set(action.after))
        self._undo.append(self._redo.pop())
        return action.label

    def clear_history(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def _record(self, s: Session, label: str, before: dict[int, _Snap | None],
                ids: Sequence[int], kind: str, count: int | None = None) -> None:
        s.flush()
        after = {i: _snap(s, i) for i in ids}
        self._serial += 1
        self._undo.append(_Action(label, before, after, self._serial, kind,
                                  len(ids) if count is None else count))
        self._redo.clear()

    def _restore(self, action: _Action, expected: dict[int, _Snap | None],
                 target: dict[int, _Snap | None]) -> None:
        with session_scope(self._engine) as s:
            for hid, snap in expected.items():
                if _snap(s, hid) != snap:
                    self.clear_history()
                    raise CloserError(f"Cannot undo or redo '{action.label}': highlight {hid} "
                                      "was changed elsewhere in the meantime.")
            s.expunge_all()  # rows are rewritten below with their original ids
            s.exec(delete(Highlight).where(col(Highlight.id).in_(list(target))))
            for hid, snap in target.items():
                if snap is None:
                    continue
                s.add(Highlight(**dict(snap.row)))
                s.flush()
                _set_links(s, hid, list(snap.touchpoint_ids), list(snap.zone_ids))
                if snap.reel_item_ids:
                    s.exec(update(ReelItem).where(col(ReelItem.id).in_(snap.reel_item_ids))
                           .values(highlight_id=hid))

    # --- helpers ---------------------------------------------------------------------------

    def _snapped(self, s: Session, interview_id: int, start: float, end: float) -> SnappedRange:
        self._check_range(s, interview_id, start, end)
        return snap_range(transcript_words(s, interview_id, start, end), start, end)

    @staticmethod
    def _check_range(s: Session, interview_id: int, start: float, end: float) -> None:
        iv = _interview(s, interview_id)
        if end < start:
            raise ValidationError(f"The range ends ({end:.1f} s) before it starts "
                                  f"({start:.1f} s).")
        duration = recording_duration(s, iv)
        if start < 0 or (duration is not None and (start >= duration
                                                   or end > duration + _END_TOLERANCE_S)):
            limit = f"0.0-{duration:.1f} s" if duration is not None else "from 0.0 s"
            raise ValidationError(f"The range {start:.1f}-{end:.1f} s is outside the recording "
                                  f"of interview {interview_id} ({limit}).")


def _interview(s: Session, interview_id: int) -> Interview:
    iv = s.get(Interview, interview_id)
    if iv is None:
        raise NotFoundError(f"Interview {interview_id} does not exist.")
    return iv


def _highlight(s: Session, highlight_id: int) -> Highlight:
    h = s.get(Highlight, highlight_id)
    if h is None:
        raise NotFoundError(f"Highlight {highlight_id} does not exist.")
    return h


def _set_links(s: Session, hid: int, touchpoint_ids: Sequence[int],
               zone_ids: Sequence[int]) -> None:
    for t in touchpoint_ids:
        s.add(HighlightTouchpoint(highlight_id=hid, touchpoint_id=t))
    for z in zone_ids:
        s.add(HighlightZone(highlight_id=hid, zone_id=z))
    s.flush()


def _snap(s: Session, hid: int) -> _Snap | None:
    h = s.get(Highlight, hid)
    if h is None:
        return None
    s.refresh(h)
    row = tuple((k, getattr(h, k)) for k in Highlight.model_fields)
    tps = s.exec(select(HighlightTouchpoint.touchpoint_id)
                 .where(HighlightTouchpoint.highlight_id == hid)).all()
    zs = s.exec(select(HighlightZone.zone_id).where(HighlightZone.highlight_id == hid)).all()
    reels = s.exec(select(ReelItem.id).where(ReelItem.highlight_id == hid)).all()
    return _Snap(row, tuple(sorted(tps)), tuple(sorted(zs)),
                 tuple(sorted(int(r) for r in reels if r is not None)))


