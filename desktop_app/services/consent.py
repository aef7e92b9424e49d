"""Consent per interview: who agreed to which audience (internal, onboarding, public) and how.

One current consent record per interview: `set_consent` replaces what was recorded before
(the recorder calls it when a recording starts; the interview screen when consent changes).
Whether a clip may be shown is the pure rule `desktop_app.domain.reels.consent_verdict`.
Consent is valid for a number of days (Settings: `consent_validity_days`, one year by default;
0 = it does not expire); `expired()` lists the consents that ran out, naming the customer and
the date, and `renew()` records the same audiences again from today.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.reels import CONSENT_METHODS, ConsentView, consent_verdict
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Consent, Customer, Interview
from desktop_app.storage.types import utcnow


def _view(row: Consent) -> ConsentView:
    return ConsentView(interview_id=row.interview_id, given_by=row.given_by,
                       given_at=row.given_at, method=row.method, internal=row.internal,
                       onboarding=row.onboarding, public=row.public, form_path=row.form_path,
                       notes=row.notes, valid_until=row.valid_until)


@dataclass(frozen=True)
class ExpiredConsent:
    """A consent that ran out: whose, for which interview, since when."""

    interview_id: int
    interview_title: str
    customer_id: int
    customer: str
    valid_until: datetime

    @property
    def message(self) -> str:
        return (f"{self.customer}: consent for interview {self.interview_id} expired on "
                f"{self.valid_until:%Y-%m-%d}")

    def as_json(self) -> dict[str, Any]:
        return {"interview_id": self.interview_id, "interview_title": self.interview_title,
                "customer_id": self.customer_id, "customer": self.customer,
                "valid_until": self.valid_until.isoformat(), "message": self.message}


def latest_consents(s: Session, interview_ids: Iterable[int]) -> dict[int, ConsentView]:
    """The current consent of each interview that has one (the newest row wins)."""
    ids = list(dict.fromkeys(interview_ids))
    if not ids:
        return {}
    rows = s.exec(select(Consent).where(col(Consent.interview_id).in_(ids))
                  .order_by(col(Consent.given_at), col(Consent.id))).all()
    return {r.interview_id: _view(r) for r in rows}


def expired_by_customer(s: Session, customer_ids: Iterable[int] | None = None,
                        now: datetime | None = None) -> dict[int, datetime]:
    """For each customer with an expired consent, the earliest date one ran out."""
    now = now or utcnow()
    q = select(Interview.id, Interview.customer_id)
    if customer_ids is not None:
        q = q.where(col(Interview.customer_id).in_(list(customer_ids)))
    owner = {int(i): int(c) for i, c in s.exec(q)}
    out: dict[int, datetime] = {}
    for iid, view in latest_consents(s, owner).items():
        if view.expired(now) and view.valid_until is not None:
            cid = owner[iid]
            out[cid] = min(out.get(cid, view.valid_until), view.valid_until)
    return out


class ConsentService:
    """Record and read interview consent."""

    def __init__(self, engine: Engine, *,
                 validity_days: Callable[[], int] | None = None) -> None:
        self._engine = engine
        self._validity_days = validity_days or (lambda: 365)

    def set_consent(self, interview_id: int, *, internal: bool = False,
                    onboarding: bool = False, public: bool = False, given_by: str = "",
                    method: str = "verbal", form_path: str = "",
                    notes: str = "", valid_days: int | None = None,
                    given_at: datetime | None = None) -> ConsentView:
        """Record the interview's consent (replacing any earlier record).

        method: "verbal", "form" or "none" (recorded without consent: no audience allowed).
        valid_days: how long it holds (default: the Settings' validity; 0 = no expiry).
        given_at: when it was given (default: now), e.g. a form signed earlier.
        """
        method = (method or "").strip().lower()
        if method not in CONSENT_METHODS:
            raise ValidationError(f"Unknown consent method '{method}': use verbal, form or none.")
        if method == "none" and (internal or onboarding or public):
            raise ValidationError(f"Interview {interview_id}: method 'none' means recorded "
                                  "without consent, so no audience can be allowed.")
        with session_scope(self._engine) as s:
            if s.get(Interview, interview_id) is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            rows = s.exec(select(Consent).where(Consent.interview_id == interview_id)
                          .order_by(col(Consent.given_at), col(Consent.id))).all()
            row = rows[-1] if rows else Consent(interview_id=interview_id)
            for old in rows[:-1]:
                s.delete(old)
            row.internal, row.onboarding, row.public = bool(internal), bool(onboarding), \
                bool(public)
            row.given_by, row.method = given_by.strip(), method
            row.form_path, row.notes = form_path.strip(), notes.strip()
            row.given_at = given_at or utcnow()
            days = self._validity_days() if valid_days is None else int(valid_days)
            if days < 0:
                raise ValidationError(f"Consent validity of {days} days: use 0 (no expiry) "
                                      "or more.")
            row.valid_until = (row.given_at + timedelta(days=days)
                               if days and method != "none" else None)
            s.add(row)
            s.flush()
            return _view(row)

    def get(self, interview_id: int) -> ConsentView | None:
        with session_scope(self._engine) as s:
            return latest_consents(s, [interview_id]).get(interview_id)

    def clear(self, interview_id: int) -> None:
        """Forget the consent record (back to "not recorded")."""
        with session_scope(self._engine) as s:
            for row in s.exec(select(Consent).where(Consent.interview_id == interview_id)):
                s.delete(row)

    def renew(self, interview_id: int, *, given_by: str = "",
              valid_days: int | None = None) -> ConsentView:
        """The same audiences consented again from today (e.g. at the next meeting)."""
        old = self.get(interview_id)
        if old is None or old.method == "none":
            raise ValidationError(f"Interview {interview_id} has no consent to renew: record "
                                  "the customer's consent instead.")
        return self.set_consent(interview_id, internal=old.internal, onboarding=old.onboarding,
                                public=old.public, given_by=given_by or old.given_by,
                                method=old.method, form_path=old.form_path, notes=old.notes,
                                valid_days=valid_days)

    def expired(self, *, customer_id: int | None = None,
                now: datetime | None = None) -> list[ExpiredConsent]:
        """Consents that have run out (oldest first), of one customer or all."""
        now = now or utcnow()
        with session_scope(self._engine) as s:
            q = select(Interview, Customer).join(Customer,
                                                 col(Customer.id) == Interview.customer_id)
            if customer_id is not None:
                q = q.where(Interview.customer_id == customer_id)
            rows = {int(iv.id): (iv, c) for iv, c in s.exec(q)}  # type: ignore[arg-type]
            out = []
            for iid, view in latest_consents(s, rows).items():
                if view.expired(now):
                    iv, c = rows[iid]
                    assert view.valid_until is not None
                    out.append(ExpiredConsent(iid, iv.title, int(c.id),  # type: ignore[arg-type]
                                              c.name, view.valid_until))
        return sorted(out, key=lambda e: (e.valid_until, e.interview_id))

    def expired_customers(self, now: datetime | None = None) -> dict[int, datetime]:
        """customer id -> the earliest date one of their consents ran out."""
        with session_scope(self._engine) as s:
            return expired_by_customer(s, None, now)

    def check(self, interview_id: int, audience: str) -> tuple[bool, str]:
        """(allowed, problem) for showing this interview to `audience`."""
        return consent_verdict(self.get(interview_id), audience)
