"""The audit log: what left the app (reel renders, playlist, transcript and CSV exports) or was
shown (presenter sessions), when, for which audience, where it went, and whose words it carried.

Entries are appended by the services that export (`AuditService.record`); nothing edits them,
except erasure, which drops a forgotten customer from them (`forget_customer`) after listing the
files the app wrote for them (`exports_of`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import AuditEntry, Interview, ReelItem
from desktop_app.storage.types import utcnow

ACTIONS: dict[str, str] = {
    "reel_render": "Reel rendered",
    "playlist_export": "Playlist exported",
    "transcript_export": "Transcript exported",
    "presentation": "Reel presented",
    "highlights_csv": "Highlights exported (CSV)",
    "taxonomy_export": "Touchpoints and zones exported",
}


@dataclass(frozen=True)
class AuditView:
    id: int
    at: datetime
    action: str
    audience: str
    subject: str
    path: str
    customer_ids: tuple[int, ...]
    details: dict[str, Any]

    @property
    def label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "action": self.action,
                "label": self.label, "audience": self.audience, "subject": self.subject,
                "path": self.path, "customer_ids": list(self.customer_ids),
                "details": self.details}


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip().isdigit())


def _view(row: AuditEntry) -> AuditView:
    try:
        details = json.loads(row.details_json or "{}")
    except ValueError:
        details = {}
    return AuditView(int(row.id), row.at, row.action, row.audience,  # type: ignore[arg-type]
                     row.subject, row.path, _ids(row.customer_ids), details)


def customers_of_interviews(s: Session, interview_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(interview_ids))
    if not ids:
        return []
    return sorted({int(c) for c in s.exec(select(Interview.customer_id)
                                          .where(col(Interview.id).in_(ids)))})


def customers_of_reels(s: Session, reel_ids: Iterable[int]) -> list[int]:
    ids = list(reel_ids)
    if not ids:
        return []
    iids = s.exec(select(ReelItem.interview_id).where(col(ReelItem.reel_id).in_(ids))).all()
    return customers_of_interviews(s, iids)


class AuditService:
    """Append to and read the audit log."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def record(self, action: str, *, audience: str = "", subject: str = "", path: str = "",
               customer_ids: Iterable[int] = (), **details: Any) -> AuditView:
        ids = sorted(set(int(i) for i in customer_ids))
        with session_scope(self._engine) as s:
            row = AuditEntry(at=utcnow(), action=action, audience=audience, subject=subject,
                             path=str(path),
                             customer_ids=("," + ",".join(map(str, ids)) + ",") if ids else "",
                             details_json=json.dumps(details, ensure_ascii=False,
                                                     sort_keys=True, default=str))
            s.add(row)
            s.flush()
            return _view(row)

    def record_reels(self, action: str, reel_ids: Iterable[int], **kwargs: Any) -> AuditView:
        """`record`, with the customers whose clips are in these reels."""
        with session_scope(self._engine) as s:
            customers = customers_of_reels(s, reel_ids)
        return self.record(action, customer_ids=customers, **kwargs)

    def record_interviews(self, action: str, interview_ids: Iterable[int],
                          **kwargs: Any) -> AuditView:
        """`record`, with the customers of these interviews."""
        with session_scope(self._engine) as s:
            customers = customers_of_interviews(s, interview_ids)
        return self.record(action, customer_ids=customers, **kwargs)

    def list(self, *, limit: int | None = None, action: str | None = None) -> list[AuditView]:
        """Newest first."""
        with session_scope(self._engine) as s:
            q = select(AuditEntry).order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())
            if action:
                q = q.where(AuditEntry.action == action)
            if limit:
                q = q.limit(limit)
            return [_view(r) for r in s.exec(q)]

    def exports_of(self, s: Session, customer_id: int) -> list[AuditView]:
        """Entries that carried this customer (their files may still be out there)."""
        rows = s.exec(select(AuditEntry).where(
            col(AuditEntry.customer_ids).contains(f",{int(customer_id)},")))
        return [_view(r) for r in rows]

    @staticmethod
    def forget_customer(s: Session, customer_id: int, names: Iterable[str],
                        placeholder: str) -> None:
        """Drop the customer from the log: their id, and their name wherever it was written."""
        tag = f",{int(customer_id)},"
        for row in s.exec(select(AuditEntry).where(col(AuditEntry.customer_ids).contains(tag))):
            rest = [i for i in _ids(row.customer_ids) if i != customer_id]
            row.customer_ids = ("," + ",".join(map(str, rest)) + ",") if rest else ""
            s.add(row)
        for row in s.exec(select(AuditEntry)):
            changed = False
            for field in ("subject", "path", "details_json"):
                value = getattr(row, field)
                new = scrub(value, names, placeholder)
                if new != value:
                    setattr(row, field, new)
                    changed = True
            if changed:
                s.add(row)


def scrub(text: str, names: Iterable[str], placeholder: str) -> str:
    """`text` with each of `names` (any case) replaced by `placeholder`."""
    import re

    for name in sorted({n for n in names if n.strip()}, key=len, reverse=True):
        text = re.sub(re.escape(name), placeholder, text, flags=re.IGNORECASE)
    return text
