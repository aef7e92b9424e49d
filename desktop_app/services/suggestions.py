"""Suggested highlights: user-editable keyword rules matched against an interview's words.

`suggest()` only proposes (nothing is written); `accept_suggestion()` creates a highlight through
the HighlightService (so it can be undone); `reject_suggestion()` remembers the suggestion in
`suggestions_rejected.json` under the library home so it is not offered again. The phrase
syntax (case, ё=е, word boundaries, Russian endings, `word*`) is documented in domain/rules.py.
"""

from __future__ import annotations

import bisect
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.highlights import HighlightView, Suggestion, TimedWord, snap_range
from desktop_app.domain.rules import DEFAULT_RULES, WordText, compile_phrase, phrase_tokens
from desktop_app.domain.taxonomy import default_touchpoint_name
from desktop_app.services.highlight_queries import resolve_touchpoints, resolve_zones
from desktop_app.services.tagging import HighlightService
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    KeywordRule,
    ProblemZone,
    Touchpoint,
    TranscriptSegment,
    TranscriptWord,
)

CONTEXT_S = 3.0
REJECTED_FILE = "suggestions_rejected.json"

WINDOW_S = 60.0  # words further than this from a match cannot overlap its range

@dataclass(frozen=True)
class RuleView:
    """A keyword rule with its touchpoint name and zone key resolved ("" when not set)."""

    id: int
    phrase: str
    language: str
    touchpoint_id: int | None
    touchpoint: str
    zone_id: int | None
    zone: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "phrase": self.phrase, "language": self.language,
                "touchpoint": self.touchpoint or None, "zone": self.zone or None}


@dataclass(frozen=True)
class _Word:
    start: float
    end: float
    word: str
    seg_start: float
    seg_end: float


def _covers(tp: int | None, zone: int | None, tps: set[int], zones: set[int]) -> bool:
    """True when tags (tps, zones) already say everything the proposal (tp, zone) says."""
    return (tp is None or tp in tps) and (zone is None or zone in zones)


class SuggestionService:
    """Keyword rules (CRUD, defaults) and the suggestions they produce."""

    def __init__(self, engine: Engine, home: Path, highlights: HighlightService) -> None:
        self._engine = engine
        self._rejected_path = home / REJECTED_FILE
        self._highlights = highlights

    # --- rules -----------------------------------------------------------------------------

    def seed_default_rules(self, language: str = "en") -> int:
        """Load the shipped English and Russian rules when there are no rules yet; they tag
        the default touchpoints as `seed_defaults(language)` named them."""
        with session_scope(self._engine) as s:
            if s.exec(select(func.count()).select_from(KeywordRule)).one():
                return 0
            tps = {t.name: t.id for t in s.exec(select(Touchpoint))}
            zones = {z.key: z.id for z in s.exec(select(ProblemZone))}
            added = 0
            for r in DEFAULT_RULES:
                tp = (tps.get(default_touchpoint_name(r.touchpoint, language))
                      if r.touchpoint else None)
                zone = zones.get(r.zone) if r.zone else None
                if tp is None and zone is None:  # the user renamed or removed both targets
                    continue
                s.add(KeywordRule(phrase=r.phrase, language=r.language, touchpoint_id=tp,
                                  zone_id=zone))
                added += 1
            return added

    def rules(self) -> list[RuleView]:
        with session_scope(self._engine) as s:
            q = (select(KeywordRule, Touchpoint.name, ProblemZone.key)
                 .join(Touchpoint, col(Touchpoint.id) == KeywordRule.touchpoint_id,
                       isouter=True)
                 .join(ProblemZone, col(ProblemZone.id) == KeywordRule.zone_id, isouter=True)
                 .order_by(col(KeywordRule.language), col(KeywordRule.id)))
            return [RuleView(int(r.id), r.phrase, r.language,  # type: ignore[arg-type]
                             r.touchpoint_id, tp or "", r.zone_id, zk or "")
                    for r, tp, zk in s.exec(q)]

    def add_rule(self, phrase: str, *, language: str = "", touchpoint: int | str | None = None,
                 zone: int | str | None = None) -> RuleView:
        """Add a rule; it needs a phrase and a touchpoint and/or a zone (by id or name)."""
        with session_scope(self._engine) as s:
            rule = KeywordRule(language=language.strip().lower())
            self._fill(s, rule, phrase, touchpoint, zone)
            s.add(rule)
            s.flush()
            rid = int(rule.id)  # type: ignore[arg-type]
        return self._rule(rid)

    def update_rule(self, rule_id: int, *, phrase: str | None = None,
                    language: str | None = None, touchpoint: int | str | None = None,
                    zone: int | str | None = None) -> RuleView:
        """Change a rule; touchpoint/zone "" clears it, None keeps it."""
        with session_scope(self._engine) as s:
            rule = s.get(KeywordRule, rule_id)
            if rule is None:
                raise NotFoundError(f"Keyword rule {rule_id} does not exist.")
            if language is not None:
                rule.language = language.strip().lower()
            tp = rule.touchpoint_id if touchpoint is None else (touchpoint or None)
            zn = rule.zone_id if zone is None else (zone or None)
            self._fill(s, rule, rule.phrase if phrase is None else phrase, tp, zn)
            s.add(rule)
        return self._rule(rule_id)

    def delete_rule(self, rule_id: int) -> None:
        with session_scope(self._engine) as s:
            rule = s.get(KeywordRule, rule_id)
            if rule is None:
                raise NotFoundError(f"Keyword rule {rule_id} does not exist.")
            s.delete(rule)

    def _rule(self, rule_id: int) -> RuleView:
        return next(r for r in self.rules() if r.id == rule_id)

    @staticmethod
    def _fill(s: Any, rule: KeywordRule, phrase: str, touchpoint: int | str | None,
              zone: int | str | None) -> None:
        text = " ".join((phrase or "").split())
        if not phrase_tokens(text):
            raise ValidationError("A keyword rule needs a phrase with at least one word.")
        if touchpoint is None and zone is None:
            raise ValidationError(f"The rule '{text}' needs a touchpoint or a problem zone.")
        rule.phrase = text
        rule.touchpoint_id = resolve_touchpoints(s, [touchpoint])[0] if touchpoint else None
        rule.zone_id = resolve_zones(s, [zone])[0] if zone else None

    # --- suggestions -----------------------------------------------------------------------

    def suggest(self, interview_id: int) -> list[Suggestion]:
        """Candidate highlights for an interview, in time order; nothing is saved."""
        rules = sorted(self.rules(), key=lambda r: -len(phrase_tokens(r.phrase)))
        rejected = self.rejected_keys()
        with session_scope(self._engine) as s:
            if s.get(Interview, interview_id) is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            q = (select(TranscriptWord.start, TranscriptWord.end, TranscriptWord.word,
                        TranscriptSegment.start, TranscriptSegment.end)
                 .join(TranscriptSegment, col(TranscriptSegment.id) == TranscriptWord.segment_id)
                 .where(TranscriptSegment.interview_id == interview_id)
                 .order_by(col(TranscriptWord.start), col(TranscriptWord.idx)))
            words = [_Word(*row) for row in s.exec(q)]
            existing = self._existing(s, interview_id)
        timed = [TimedWord(w.start, w.end, w.word) for w in words]
        starts = [w.start for w in words]  # in time order: a match snaps within a window
        text = WordText([w.word for w in words])
        out: list[Suggestion] = []
        for rule in rules:
            pattern = compile_phrase(rule.phrase)
            if pattern is None:
                continue
            for first, last in text.find(pattern):
                m_start, m_end = words[first].start, max(w.end for w in words[first:last + 1])
                lo = max(words[first].seg_start, m_start - CONTEXT_S)
                hi = min(words[last].seg_end, m_end + CONTEXT_S)
                a, b = min(lo, m_start), max(hi, m_end)
                near = timed[bisect.bisect_left(starts, a - WINDOW_S):
                             bisect.bisect_right(starts, b + WINDOW_S)]
                snapped = snap_range(near, a, b)
                key = f"{interview_id}:{rule.id}:{snapped.start:.2f}"
                if key in rejected:
                    continue
                overlapping = [x for x in out if x.match_start < m_end and x.match_end > m_start]
                if any(_covers(rule.touchpoint_id, rule.zone_id,
                               {x.touchpoint_id} - {None}, {x.zone_id} - {None})  # type: ignore
                       for x in overlapping):
                    continue
                if any(a < m_end and b > m_start and _covers(rule.touchpoint_id, rule.zone_id,
                                                              tps, zs)
                       for a, b, tps, zs in existing):
                    continue
                out.append(Suggestion(
                    key=key, interview_id=interview_id, rule_id=rule.id, phrase=rule.phrase,
                    start=snapped.start, end=snapped.end, quote=snapped.quote,
                    matched=" ".join(w.word.strip() for w in words[first:last + 1]),
                    match_start=m_start, match_end=m_end, touchpoint_id=rule.touchpoint_id,
                    touchpoint=rule.touchpoint, zone_id=rule.zone_id, zone=rule.zone))
        return sorted(out, key=lambda x: (x.start, x.match_start, x.rule_id))

    @staticmethod
    def _existing(s: Any, interview_id: int) -> list[tuple[float, float, set[int], set[int]]]:
        rows = s.exec(select(Highlight.id, Highlight.start, Highlight.end)
                      .where(Highlight.interview_id == interview_id)).all()
        ids = [r[0] for r in rows]
        tps: dict[int, set[int]] = {i: set() for i in ids}
        zones: dict[int, set[int]] = {i: set() for i in ids}
        for hid, tid in s.exec(select(HighlightTouchpoint.highlight_id,
                                      HighlightTouchpoint.touchpoint_id)
                               .where(col(HighlightTouchpoint.highlight_id).in_(ids))):
            tps[hid].add(tid)
        for hid, zid in s.exec(select(HighlightZone.highlight_id, HighlightZone.zone_id)
                               .where(col(HighlightZone.highlight_id).in_(ids))):
            zones[hid].add(zid)
        return [(a, b, tps[i], zones[i]) for i, a, b in rows]

    def find(self, interview_id: int, key: str) -> Suggestion:
        """The current suggestion with this key (as printed by `closer suggest`)."""
        for sg in self.suggest(interview_id):
            if sg.key == key:
                return sg
        raise NotFoundError(f"No open suggestion '{key}' for interview {interview_id} "
                            "(already accepted, rejected, or the rules changed).")

    def accept_suggestion(self, suggestion: Suggestion, *,
                          touchpoints: list[int | str] | None = None,
                          zones: list[int | str] | None = None, severity: int = 3,
                          emotion: str = "", need: str = "", value: str = "", notes: str = "",
                          persona: int | str | None = None) -> HighlightView:
        """Create the suggested highlight (source "suggestion"); tags default to the rule's."""
        tps = touchpoints if touchpoints is not None else (
            [suggestion.touchpoint_id] if suggestion.touchpoint_id else [])
        zs = zones if zones is not None else ([suggestion.zone_id] if suggestion.zone_id else [])
        return self._highlights.create(
            suggestion.interview_id, start=suggestion.start, end=suggestion.end,
            touchpoints=tps, zones=zs, severity=severity, emotion=emotion, need=need,
            value=value, notes=notes, persona=persona, source="suggestion")

    def reject_suggestion(self, suggestion: Suggestion | str) -> None:
        """Remember a rejection (by key: interview id + rule id + start) so it is not offered
        again."""
        key = suggestion if isinstance(suggestion, str) else suggestion.key
        keys = self.rejected_keys()
        if key in keys:
            return
        keys.add(key)
        tmp = self._rejected_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps({"rejected": sorted(keys)}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, self._rejected_path)

    def unreject_suggestion(self, key: str) -> None:
        """Offer a rejected suggestion again (undo of a rejection)."""
        keys = self.rejected_keys()
        if key not in keys:
            return
        keys.discard(key)
        tmp = self._rejected_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps({"rejected": sorted(keys)}, ensure_ascii=False, indent=1),
                       encoding="utf-8")
        os.replace(tmp, self._rejected_path)

    def forget_interviews(self, interview_ids: set[int]) -> int:
        """Drop the rejections of these interviews (erasure); returns how many went."""
        keys = self.rejected_keys()
        keep = {k for k in keys if not k.split(":", 1)[0].isdigit()
                or int(k.split(":", 1)[0]) not in interview_ids}
        if keep != keys:
            tmp = self._rejected_path.with_suffix(".json.tmp")
            tmp.write_text(json.dumps({"rejected": sorted(keep)}, ensure_ascii=False, indent=1),
                           encoding="utf-8")
            os.replace(tmp, self._rejected_path)
        return len(keys) - len(keep)

    def rejected_keys(self) -> set[str]:
        try:
            data = json.loads(self._rejected_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return set()
        except (OSError, ValueError) as exc:
            raise ValidationError(f"{self._rejected_path} cannot be read ({exc}); delete it to "
                                  "forget rejected suggestions.") from exc
        return {str(k) for k in data.get("rejected", [])} if isinstance(data, dict) else set()
