"""Browse, filter, open and edit interviews (joined with their customer, persona and media)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Customer, Interview, MediaAsset, Persona

INTERVIEW_FIELDS = {"title", "recorded_at", "language", "interviewer", "notes", "status",
                    "customer_id"}


@dataclass(frozen=True)
class InterviewRow:
    """What the interview list and `closer interviews --json` show."""

    id: int
    title: str
    customer_id: int
    customer: str
    persona: str
    recorded_at: datetime
    duration_s: float
    media_path: str
    picture_path: str
    has_video: bool
    has_audio: bool
    status: str
    language: str
    width: int | None = None
    height: int | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    audio_channels: int | None = None
    size_bytes: int = 0
    original_name: str = ""
    linked: bool = False
    media_removed: str = ""  # why the recording is gone (the retention policy), if it is

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "customer": self.customer, "date": self.recorded_at.isoformat(),
                "duration_s": round(self.duration_s, 3), "media_path": self.media_path,
                "has_video": self.has_video, "has_audio": self.has_audio, "status": self.status,
                "title": self.title, "persona": self.persona,
                "media_removed": self.media_removed}


@dataclass(frozen=True)
class InterviewFilter:
    customer_id: int | None = None
    persona_id: int | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None
    text: str = ""


class InterviewService:
    """Queries and edits over interviews."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def list(self, flt: InterviewFilter | None = None) -> list[InterviewRow]:
        flt = flt or InterviewFilter()
        with session_scope(self._engine) as s:
            q = (select(Interview, Customer, Persona, MediaAsset)
                 .join(Customer, col(Customer.id) == Interview.customer_id)
                 .join(Persona, col(Persona.id) == Customer.persona_id, isouter=True)
                 .join(MediaAsset, col(MediaAsset.id) == Interview.media_id, isouter=True)
                 .order_by(col(Interview.recorded_at).desc(), col(Interview.id).desc()))
            if flt.customer_id is not None:
                q = q.where(Interview.customer_id == flt.customer_id)
            if flt.persona_id is not None:
                q = q.where(Customer.persona_id == flt.persona_id)
            if flt.date_from is not None:
                q = q.where(Interview.recorded_at >= flt.date_from)
            if flt.date_to is not None:
                q = q.where(Interview.recorded_at < flt.date_to)
            rows = [self._row(*r) for r in s.exec(q)]
        if flt.text:
            needle = flt.text.casefold()
            rows = [r for r in rows if needle in r.title.casefold()
                    or needle in r.customer.casefold()]
        return rows

    def get(self, interview_id: int) -> InterviewRow:
        with session_scope(self._engine) as s:
            q = (select(Interview, Customer, Persona, MediaAsset)
                 .join(Customer, col(Customer.id) == Interview.customer_id)
                 .join(Persona, col(Persona.id) == Customer.persona_id, isouter=True)
                 .join(MediaAsset, col(MediaAsset.id) == Interview.media_id, isouter=True)
                 .where(Interview.id == interview_id))
            found = s.exec(q).first()
            if found is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            return self._row(*found)

    def interviewers(self) -> list[str]:
        """Distinct interviewer names of the library's interviews (spaces tidied), sorted."""
        with session_scope(self._engine) as s:
            names = s.exec(select(Interview.interviewer).distinct()).all()
        unique = {" ".join(n.split()).casefold(): " ".join(n.split()) for n in names if n.strip()}
        return sorted(unique.values(), key=str.casefold)

    def update(self, interview_id: int, **changes: Any) -> None:
        unknown = set(changes) - INTERVIEW_FIELDS
        if unknown:
            raise ValidationError(f"Unknown field(s): {', '.join(sorted(unknown))}")
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            for k, v in changes.items():
                setattr(iv, k, v)
            s.add(iv)

    def set_status(self, interview_id: int, status: str) -> None:
        self.update(interview_id, status=status)

    def delete(self, interview_id: int) -> None:
        """Remove the interview from the library (the media copy stays for other interviews)."""
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            s.delete(iv)

    @staticmethod
    def _row(iv: Interview, c: Customer, p: Persona | None,
             m: MediaAsset | None) -> InterviewRow:
        assert iv.id is not None and c.id is not None
        return InterviewRow(
            id=iv.id, title=iv.title, customer_id=c.id, customer=c.name,
            persona=p.name if p else "", recorded_at=iv.recorded_at,
            duration_s=m.duration_s if m else 0.0, media_path=m.path if m else "",
            picture_path=m.picture_path if m else "", has_video=bool(m and m.has_video),
            has_audio=bool(m and m.has_audio), status=iv.status, language=iv.language,
            width=m.width if m else None, height=m.height if m else None,
            video_codec=m.video_codec if m else None, audio_codec=m.audio_codec if m else None,
            audio_channels=m.audio_channels if m else None, size_bytes=m.size_bytes if m else 0,
            original_name=m.original_name if m else "", linked=bool(m and m.linked),
            media_removed=iv.media_removed_reason if iv.media_removed_at else "")
