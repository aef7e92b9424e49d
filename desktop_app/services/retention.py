"""Retention policy: delete raw recordings older than N months, keeping the interview.

The policy is per library (Settings: `retention_months`, 0 = off; keep transcripts; keep the
recordings that reels with valid consent use). `plan` previews what would go; `apply` deletes
the library's copies (a linked original outside the library is the user's file: only the link
is dropped), their pictures and the presenter cache, and marks each interview "recording removed
by the retention policy on <date>"; its transcript stays unless the policy drops transcripts
too. Nothing else is touched: highlights, notes, consent and reels stay.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.config.settings import Settings
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.reels import consent_verdict
from desktop_app.services.consent import latest_consents
from desktop_app.services.reels_present import CACHE_DIR
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Interview,
    MediaAsset,
    Reel,
    ReelItem,
    Transcript,
    TranscriptSegment,
)
from desktop_app.storage.types import utcnow


def months_before(now: datetime, months: int) -> datetime:
    """The same day `months` calendar months earlier (clamped to the month's last day)."""
    y, m = divmod(now.year * 12 + now.month - 1 - months, 12)
    day = now.day
    while True:
        try:
            return now.replace(year=y, month=m + 1, day=day)
        except ValueError:
            day -= 1


@dataclass(frozen=True)
class RetentionItem:
    interview_id: int
    customer: str
    title: str
    recorded_at: datetime
    path: str
    size_bytes: int
    kept_because: str = ""  # why it stays ("" = it goes)

    def as_json(self) -> dict[str, Any]:
        return {"interview_id": self.interview_id, "customer": self.customer,
                "title": self.title, "recorded_at": self.recorded_at.isoformat(),
                "path": self.path, "size_bytes": self.size_bytes,
                "kept_because": self.kept_because}


@dataclass
class RetentionReport:
    months: int
    cutoff: datetime | None
    keep_transcripts: bool
    goes: list[RetentionItem] = field(default_factory=list)
    kept: list[RetentionItem] = field(default_factory=list)
    applied: bool = False

    @property
    def bytes_freed(self) -> int:
        return sum(i.size_bytes for i in self.goes)

    def as_json(self) -> dict[str, Any]:
        return {"months": self.months,
                "cutoff": self.cutoff.isoformat() if self.cutoff else None,
                "keep_transcripts": self.keep_transcripts, "applied": self.applied,
                "bytes": self.bytes_freed, "goes": [i.as_json() for i in self.goes],
                "kept": [i.as_json() for i in self.kept]}


class RetentionService:
    """Preview and apply the library's retention policy."""

    def __init__(self, engine: Engine, home: Path, settings: Callable[[], Settings]) -> None:
        self._engine = engine
        self._home = Path(home)
        self._settings = settings

    def plan(self, *, months: int | None = None, now: datetime | None = None) -> RetentionReport:
        """What the policy (or `months`) would delete now, and what it keeps and why."""
        st = self._settings()
        months = st.retention_months if months is None else int(months)
        if months < 0:
            raise ValidationError(f"A retention of {months} months makes no sense: use 0 "
                                  "(keep everything) or more.")
        report = RetentionReport(months, None, st.retention_keep_transcripts)
        if months == 0:
            return report
        now = now or utcnow()
        report.cutoff = months_before(now, months)
        with session_scope(self._engine) as s:
            rows = s.exec(select(Interview, Customer, MediaAsset)
                          .join(Customer, col(Customer.id) == Interview.customer_id)
                          .join(MediaAsset, col(MediaAsset.id) == Interview.media_id)
                          .where(col(Interview.recorded_at) < report.cutoff)
                          .order_by(col(Interview.recorded_at))).all()
            in_reels = self._in_consented_reels(s, [int(iv.id) for iv, _, _ in rows],  # type: ignore[arg-type]
                                                now) if st.retention_keep_reel_recordings else set()
            old_ids = {int(iv.id) for iv, _, _ in rows}  # type: ignore[arg-type]
            for iv, c, m in rows:
                item = RetentionItem(int(iv.id), c.name, iv.title, iv.recorded_at,  # type: ignore
                                     m.path, m.size_bytes)
                users = {int(i) for i in s.exec(select(Interview.id).where(
                    Interview.media_id == m.id))}
                if int(iv.id) in in_reels:  # type: ignore[arg-type]
                    report.kept.append(_why(item, "used in a reel with valid consent"))
                elif users - old_ids:
                    report.kept.append(_why(item, "a newer interview uses the same recording"))
                else:
                    report.goes.append(item)
        return report

    def apply(self, *, months: int | None = None, now: datetime | None = None
              ) -> RetentionReport:
        """Delete what `plan` lists; returns the report (applied)."""
        report = self.plan(months=months, now=now)
        if not report.goes:
            report.applied = True
            return report
        when = (now or utcnow())
        reason = (f"Recording removed by the retention policy (older than {report.months} "
                  f"months) on {when:%Y-%m-%d}.")
        files: list[Path] = []
        with session_scope(self._engine) as s:
            for item in report.goes:
                iv = s.get(Interview, item.interview_id)
                assert iv is not None
                asset = s.get(MediaAsset, iv.media_id) if iv.media_id is not None else None
                iv.media_id = None
                iv.media_removed_at = when
                iv.media_removed_reason = reason
                s.add(iv)
                if not report.keep_transcripts:
                    for seg in s.exec(select(TranscriptSegment).where(
                            TranscriptSegment.interview_id == iv.id)):
                        s.delete(seg)
                    for tr in s.exec(select(Transcript).where(Transcript.interview_id == iv.id)):
                        s.delete(tr)
                    iv.status = "imported"
                if asset is not None:
                    for raw in (asset.path, asset.picture_path):
                        if raw and not (asset.linked and raw == asset.path) \
                                and _inside(Path(raw), self._home):
                            files.append(Path(raw))
                    s.flush()
                    s.delete(asset)
        for path in files:
            path.unlink(missing_ok=True)
        shutil.rmtree(self._home.joinpath(*CACHE_DIR), ignore_errors=True)
        report.applied = True
        return report

    @staticmethod
    def _in_consented_reels(s: Session, interview_ids: list[int], now: datetime) -> set[int]:
        if not interview_ids:
            return set()
        rows = s.exec(select(ReelItem.interview_id, Reel.audience)
                      .join(Reel, col(Reel.id) == ReelItem.reel_id)
                      .where(col(ReelItem.interview_id).in_(interview_ids))).all()
        consents = latest_consents(s, [i for i, _ in rows])
        return {int(i) for i, audience in rows
                if consent_verdict(consents.get(i), audience, now)[0]}


def _why(item: RetentionItem, reason: str) -> RetentionItem:
    return replace(item, kept_because=reason)


def _inside(path: Path, home: Path) -> bool:
    try:
        path.resolve().relative_to(home.resolve())
    except (ValueError, OSError):
        return False
    return True
