"""Candidates for an automatic reel: the highlights of a touchpoint / zone (or a heatmap cell).

Only reviewed highlights (status "done") are used unless ids are given explicitly; clips whose
interview may not be shown to the reel's audience, or whose recording is missing, are left out.
Each candidate is padded into the silence around its words (`pad_range`); `pick_auto` then
chooses the most severe clips, one customer after another, within the time budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session, col, select

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.reels import AutoCandidate, consent_verdict, pad_range
from desktop_app.services.consent import latest_consents
from desktop_app.services.highlight_queries import (
    recording_duration,
    resolve_persona,
    resolve_touchpoints,
    resolve_zones,
    transcript_words,
)
from desktop_app.storage.tables import (
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    MediaAsset,
)


def auto_candidates(s: Session, *, touchpoint: int | str | None, zone: int | str | None,
                    highlight_ids: Sequence[int] | None, persona: int | str | None,
                    audience: str) -> list[AutoCandidate]:
    """Highlights an automatic reel may use, padded and ranked facts attached."""
    q = select(Highlight, Interview).join(Interview, col(Interview.id) == Highlight.interview_id)
    if highlight_ids is not None:
        q = q.where(col(Highlight.id).in_(list(highlight_ids)))
    else:
        q = q.where(Highlight.status == "done")
    if touchpoint is not None:
        tid = resolve_touchpoints(s, [touchpoint])[0]
        q = q.where(col(Highlight.id).in_(select(HighlightTouchpoint.highlight_id)
                                          .where(HighlightTouchpoint.touchpoint_id == tid)))
    if zone is not None:
        zid = resolve_zones(s, [zone])[0]
        q = q.where(col(Highlight.id).in_(select(HighlightZone.highlight_id)
                                          .where(HighlightZone.zone_id == zid)))
    if persona is not None:
        q = q.where(Highlight.persona_id == resolve_persona(s, persona))
    rows = list(s.exec(q.order_by(col(Highlight.id))))
    consents = latest_consents(s, [iv.id for _, iv in rows if iv.id is not None])
    out: list[AutoCandidate] = []
    for h, iv in rows:
        media = s.get(MediaAsset, iv.media_id) if iv.media_id is not None else None
        if media is None or not Path(media.path).is_file():
            continue
        if not consent_verdict(consents.get(int(iv.id)), audience)[0]:  # type: ignore[arg-type]
            continue
        words = transcript_words(s, h.interview_id, h.start - 5.0, h.end + 5.0)
        start, end = pad_range(words, h.start, h.end, duration=recording_duration(s, iv))
        out.append(AutoCandidate(highlight_id=int(h.id), interview_id=h.interview_id,  # type: ignore
                                 customer_id=iv.customer_id, severity=h.severity,
                                 recorded_at=iv.recorded_at, start=start, end=end))
    if not out:
        what = " and ".join(f"{k} '{v}'" for k, v in (("touchpoint", touchpoint),
                                                      ("zone", zone), ("persona", persona))
                            if v is not None) or "these filters"
        raise ValidationError(f"No highlights for {what} can go into a {audience} reel "
                              "(none tagged, or none with a recording and consent).")
    return out
