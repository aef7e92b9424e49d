"""The library's schema (SQLModel tables). Alembic migrations in storage/migrations follow it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop_app.storage.types import UTCDateTime, utcnow


def _ts(nullable: bool = False) -> Column:  # type: ignore[type-arg]
    return Column(UTCDateTime(), nullable=nullable)


def created_field() -> datetime:
    return Field(default_factory=utcnow, sa_column=_ts())  # type: ignore[no-any-return]


# --- people and the journey ---------------------------------------------------------------


class Persona(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    portrait_path: str = ""
    goals: str = ""
    description: str = ""
    created_at: datetime = created_field()


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    company: str = ""
    contact: str = ""
    email: str = ""
    persona_id: int | None = Field(default=None, foreign_key="persona.id", ondelete="SET NULL")
    language: str = "auto"  # transcription/invitation language: auto, ru, en...
    alias: str = ""  # shown instead of the name in reels when anonymised
    notes: str = ""
    cadence_days: int | None = None
    created_at: datetime = created_field()


class Touchpoint(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True)
    position: int = 0
    channel: str = ""
    department: str = ""
    description: str = ""
    value_text: str = ""  # the value the business creates here (journey map row)
    shortcut: str = ""


class ProblemZone(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True)
    name: str
    name_ru: str = ""
    description: str = ""
    position: int = 0
    shortcut: str = ""


# --- media and interviews -----------------------------------------------------------------


class MediaAsset(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(index=True, unique=True)
    path: str  # where the app reads it: the library copy, or the original when linked
    original_path: str = ""
    original_name: str = ""
    linked: bool = False
    size_bytes: int = 0
    container: str = ""
    duration_s: float = 0.0
    has_video: bool = False
    has_audio: bool = False
    video_codec: str | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    audio_codec: str | None = None
    audio_channels: int | None = None
    sample_rate: int | None = None
    audio_tracks: int = 0
    picture_path: str = ""
    created_at: datetime = created_field()


class InterviewSeries(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    title: str = ""
    start_local: str  # naive wall time "YYYY-MM-DDTHH:MM" in `tz`
    tz: str
    duration_min: int = 60
    rrule: str | None = None
    interviewers: str = ""
    channel: str = ""  # in person / video call
    location: str = ""  # address or call link
    guide_id: int | None = Field(default=None, foreign_key="interviewguide.id", ondelete="SET NULL")
    ended_at: datetime | None = Field(default=None, sa_column=_ts(True))
    created_at: datetime = created_field()


class SeriesChange(SQLModel, table=True):
    """A skipped or moved single occurrence of a series."""

    id: int | None = Field(default=None, primary_key=True)
    series_id: int = Field(foreign_key="interviewseries.id", index=True, ondelete="CASCADE")
    original_start: datetime = Field(sa_column=_ts())
    kind: str  # skip | move
    new_start: datetime | None = Field(default=None, sa_column=_ts(True))


class InterviewGuide(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    language: str = "en"
    questions: str = ""  # one question per line
    builtin_key: str = ""


class Interview(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(foreign_key="customer.id", index=True, ondelete="CASCADE")
    title: str = ""
    recorded_at: datetime = Field(sa_column=_ts())
    media_id: int | None = Field(default=None, foreign_key="mediaasset.id", ondelete="SET NULL")
    status: str = "new"  # new, imported, recording, transcribing, transcribed, tagged, failed
    language: str = "auto"
    interviewer: str = ""
    series_id: int | None = Field(
        default=None, foreign_key="interviewseries.id", ondelete="SET NULL"
    )
    occurrence_start: datetime | None = Field(default=None, sa_column=_ts(True))
    source: str = "import"  # import, recording, demo
    notes: str = ""
    created_at: datetime = created_field()
    # set when the recording was deleted (retention policy): the interview and transcript stay
    media_removed_at: datetime | None = Field(default=None, sa_column=_ts(True))
    media_removed_reason: str = ""


class Consent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", index=True, ondelete="CASCADE")
    given_by: str = ""
    given_at: datetime = created_field()
    method: str = "verbal"  # verbal, form, none (explicitly recorded without consent)
    form_path: str = ""
    internal: bool = False
    onboarding: bool = False
    public: bool = False
    notes: str = ""
    valid_until: datetime | None = Field(default=None, sa_column=_ts(True))  # None: no expiry


class InterviewNote(SQLModel, table=True):
    """A live note or marker taken during recording, at a time in the recording."""

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", index=True, ondelete="CASCADE")
    t: float = 0.0
    kind: str = "note"  # note | marker
    text: str = ""
    created_at: datetime = created_field()


# --- transcripts --------------------------------------------------------------------------


class Transcript(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", unique=True, ondelete="CASCADE")
    model: str = ""
    language: str = ""
    duration_s: float = 0.0
    transcribed_until_s: float = 0.0  # resume point: end of the last committed segment
    complete: bool = False
    created_at: datetime = created_field()
    updated_at: datetime = created_field()


class TranscriptSegment(SQLModel, table=True):
    __table_args__ = (Index("ix_segment_interview_start", "interview_id", "start"),)

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", ondelete="CASCADE")
    track: int = 0
    start: float
    end: float
    speaker: str = ""
    text: str = ""
    edited: bool = False


class TranscriptWord(SQLModel, table=True):
    __table_args__ = (Index("ix_word_segment_idx", "segment_id", "idx"),)

    id: int | None = Field(default=None, primary_key=True)
    segment_id: int = Field(foreign_key="transcriptsegment.id", ondelete="CASCADE")
    idx: int
    start: float
    end: float
    word: str
    probability: float = 0.0


# --- tagging ------------------------------------------------------------------------------


class Highlight(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", index=True, ondelete="CASCADE")
    start: float
    end: float
    quote: str = ""
    persona_id: int | None = Field(default=None, foreign_key="persona.id", ondelete="SET NULL")
    severity: int = 3
    emotion: str = ""
    need: str = ""
    value: str = ""
    notes: str = ""
    source: str = "manual"  # manual, suggestion, marker
    status: str = "done"  # done, stub
    created_at: datetime = created_field()


class HighlightTouchpoint(SQLModel, table=True):
    highlight_id: int = Field(foreign_key="highlight.id", primary_key=True, ondelete="CASCADE")
    touchpoint_id: int = Field(foreign_key="touchpoint.id", primary_key=True, ondelete="CASCADE")


class HighlightZone(SQLModel, table=True):
    highlight_id: int = Field(foreign_key="highlight.id", primary_key=True, ondelete="CASCADE")
    zone_id: int = Field(foreign_key="problemzone.id", primary_key=True, ondelete="CASCADE")


class KeywordRule(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    phrase: str
    language: str = ""
    touchpoint_id: int | None = Field(default=None, foreign_key="touchpoint.id", ondelete="CASCADE")
    zone_id: int | None = Field(default=None, foreign_key="problemzone.id", ondelete="CASCADE")


# --- reels --------------------------------------------------------------------------------


class Reel(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    audience: str = "internal"  # internal, onboarding, public
    title: str = ""
    subtitle: str = ""
    end_text: str = ""
    options_json: str = "{}"
    created_at: datetime = created_field()


class ReelItem(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("reel_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    reel_id: int = Field(foreign_key="reel.id", index=True, ondelete="CASCADE")
    position: int
    interview_id: int = Field(foreign_key="interview.id", ondelete="CASCADE")
    highlight_id: int | None = Field(default=None, foreign_key="highlight.id", ondelete="SET NULL")
    start: float
    end: float
    lower_third: str = ""


class Playlist(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str
    role: str = ""
    description: str = ""
    created_at: datetime = created_field()


class PlaylistItem(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    playlist_id: int = Field(foreign_key="playlist.id", index=True, ondelete="CASCADE")
    reel_id: int = Field(foreign_key="reel.id", ondelete="CASCADE")
    position: int = 0
    text: str = ""


# --- audit ---------------------------------------------------------------------------------


class AuditEntry(SQLModel, table=True):
    """What left the app (render, export) or was shown (presenter): when, to whom, where."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = created_field()
    action: str = Field(index=True)  # reel_render, playlist_export, transcript_export, ...
    audience: str = ""
    subject: str = ""  # the reel, playlist or interview it was about
    path: str = ""  # where the file went ("" for a presentation)
    customer_ids: str = ""  # ",1,3," : whose words or faces it carried
    details_json: str = "{}"


# --- jobs ---------------------------------------------------------------------------------


class Job(SQLModel, table=True):
    """Long work (import, transcribe, render, recover) persisted so it survives a crash."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(index=True)
    status: str = Field(default="queued", index=True)
    # queued, running, done, failed, cancelled, interrupted
    target_id: int | None = None
    title: str = ""
    payload_json: str = "{}"
    result_json: str = "{}"
    progress_done: float = 0.0
    progress_total: float = 0.0
    message: str = ""
    error: str = ""
    created_at: datetime = created_field()
    started_at: datetime | None = Field(default=None, sa_column=_ts(True))
    finished_at: datetime | None = Field(default=None, sa_column=_ts(True))
