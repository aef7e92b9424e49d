"""Consent per interview: who agreed to which audience (internal, onboarding, public) and how.

One current consent record per interview: `set_consent` replaces what was recorded before
(the recorder calls it when a recording starts; the interview screen when consent changes).
Whether a clip may be shown is the pure rule `desktop_app.domain.reels.consent_verdict`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.reels import CONSENT_METHODS, ConsentView, consent_verdict
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Consent, Interview
from desktop_app.storage.types import utcnow


def _view(row: Consent) -> ConsentView:
    return ConsentView(interview_id=row.interview_id, given_by=row.given_by,
                       given_at=row.given_at, method=row.method, internal=row.internal,
                       onboarding=row.onboarding, public=row.public, form_path=row.form_path,
                       notes=row.notes)


def latest_consents(s: Session, interview_ids: Iterable[int]) -> dict[int, ConsentView]:
    """The current consent of each interview that has one (the newest row wins)."""
    ids = list(dict.fromkeys(interview_ids))
    if not ids:
        return {}
    rows = s.exec(select(Consent).where(col(Consent.interview_id).in_(ids))
                  .order_by(col(Consent.given_at), col(Consent.id))).all()
    return {r.interview_id: _view(r) for r in rows}


class ConsentService:
    """Record and read interview consent."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def set_consent(self, interview_id: int, *, internal: bool = False,
                    onboarding: bool = False, public: bool = False, given_by: str = "",
                    method: str = "verbal", form_path: str = "",
                    notes: str = "") -> ConsentView:
        """Record the interview's consent (replacing any earlier record).

        method: "verbal", "form" or "none" (recorded without consent: no audience allowed).
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
            row.given_at = utcnow()
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

    def check(self, interview_id: int, audience: str) -> tuple[bool, str]:
        """(allowed, problem) for showing this interview to `audience`."""
        return consent_verdict(self.get(interview_id), audience)
