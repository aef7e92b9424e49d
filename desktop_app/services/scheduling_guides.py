"""Interview guides: reusable question lists shown beside the recorder.

Mixed into SchedulingService. The defaults from desktop_app.domain.guides are copied into an
empty library; after that the guides are the user's to add, change and delete.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.guides import DEFAULT_GUIDES
from desktop_app.services.scheduling_status import GuideInfo
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Interview, InterviewGuide, InterviewSeries


def _guide(g: InterviewGuide) -> GuideInfo:
    assert g.id is not None
    questions = tuple(q.strip() for q in g.questions.splitlines() if q.strip())
    return GuideInfo(g.id, g.name, g.language, questions, g.builtin_key)


class GuidesMixin:
    """Guides and which guide a series or an interview uses."""

    _engine: Engine

    @staticmethod
    def _series_row(s: Session, series_id: int) -> InterviewSeries:
        raise NotImplementedError

    def seed_guides(self) -> int:
        """Put the default guides into an empty guide table; returns how many were added."""
        with session_scope(self._engine) as s:
            if s.exec(select(func.count()).select_from(InterviewGuide)).one():
                return 0
            for g in DEFAULT_GUIDES:
                s.add(InterviewGuide(name=g.name, language=g.language,
                                     questions="\n".join(g.questions), builtin_key=g.key))
            return len(DEFAULT_GUIDES)

    def guides(self) -> list[GuideInfo]:
        with session_scope(self._engine) as s:
            rows = s.exec(select(InterviewGuide).order_by(InterviewGuide.name)).all()
            return [_guide(g) for g in rows]

    def guide_by_name(self, name: str) -> GuideInfo:
        key = " ".join(name.split()).casefold()
        for g in self.guides():
            if g.name.casefold() == key or g.builtin_key == key:
                return g
        known = ", ".join(g.name for g in self.guides()) or "none"
        raise NotFoundError(f"No interview guide named '{name}' (known: {known}).")

    def save_guide(self, *, name: str, language: str, questions: str | Sequence[str],
                   guide_id: int | None = None) -> GuideInfo:
        """Add a guide, or change the one with `guide_id`; questions one per line."""
        clean = " ".join((name or "").split())
        if not clean:
            raise ValidationError("The interview guide needs a name.")
        lines = questions.splitlines() if isinstance(questions, str) else list(questions)
        qs = [" ".join(q.split()) for q in lines if q.strip()]
        if not qs:
            raise ValidationError(f"The interview guide '{clean}' needs at least one question.")
        with session_scope(self._engine) as s:
            clash = s.exec(select(InterviewGuide).where(InterviewGuide.name == clean)).first()
            if clash is not None and clash.id != guide_id:
                raise ValidationError(f"An interview guide named '{clean}' already exists.")
            g = InterviewGuide() if guide_id is None else s.get(InterviewGuide, guide_id)
            if g is None:
                raise NotFoundError(f"Interview guide {guide_id} does not exist.")
            g.name, g.language, g.questions = clean, (language or "en").strip(), "\n".join(qs)
            s.add(g)
            s.flush()
            return _guide(g)

    def delete_guide(self, guide_id: int) -> None:
        with session_scope(self._engine) as s:
            g = s.get(InterviewGuide, guide_id)
            if g is None:
                raise NotFoundError(f"Interview guide {guide_id} does not exist.")
            s.delete(g)

    def guide(self, series_id: int) -> GuideInfo | None:
        """The guide chosen for a series (None when it has none)."""
        with session_scope(self._engine) as s:
            row = self._series_row(s, series_id)
            g = s.get(InterviewGuide, row.guide_id) if row.guide_id else None
            return _guide(g) if g else None

    def guide_for_interview(self, interview_id: int) -> GuideInfo | None:
        """The guide of the series an interview belongs to (for the recorder's side panel)."""
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            series_id = iv.series_id
        return self.guide(series_id) if series_id is not None else None

