"""Recording sessions as plain data: the consent choice made before recording, the session,
live notes and markers, and what was saved (after Stop or recovered after a crash)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from desktop_app.domain import durations
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.reels import AUDIENCES

TRACK_LABELS = ("Interviewer", "Customer")  # track 0: the interviewer's mic, 1: call audio


@dataclass(frozen=True)
class ConsentChoice:
    """What the consent step recorded: how, by whom, for which audiences.

    method "verbal" (asked at the start of the recording), "form" (a signed form, copied into
    the library) or "none": recorded without consent, which only counts when `confirmed`.
    """

    method: str
    internal: bool = False
    onboarding: bool = False
    public: bool = False
    given_by: str = ""
    form_file: Path | None = None
    confirmed: bool = False
    notes: str = ""

    @property
    def audiences(self) -> tuple[str, ...]:
        flags = (self.internal, self.onboarding, self.public)
        return tuple(a for a, on in zip(AUDIENCES, flags, strict=True) if on)

    def problem(self) -> str:
        """Why this choice cannot start a recording yet ("" when it can)."""
        if self.method == "none":
            return "" if self.confirmed else "Confirm that you record without consent."
        if self.method not in ("verbal", "form"):
            return "Choose how the customer consented."
        if not self.given_by.strip():
            return "Enter who gave consent."
        if self.method == "form" and (self.form_file is None or not self.form_file.is_file()):
            return "Attach the signed consent form."
        if not self.audiences:
            return "Choose where the recording may be shown."
        return ""

    @classmethod
    def parse(cls, text: str, *, given_by: str = "",
              form_file: Path | None = None) -> ConsentChoice:
        """`internal,onboarding,public` (any of them) or `none`, as typed on the command line."""
        words = [w.strip().lower() for w in (text or "").replace(" ", ",").split(",") if w.strip()]
        if words == ["none"]:
            return cls(method="none", given_by=given_by, confirmed=True,
                       notes="Recorded without consent (chosen on the command line).")
        unknown = [w for w in words if w not in AUDIENCES]
        if unknown or not words:
            raise ValidationError(f"Unknown consent '{text}': give audiences from internal, "
                                  "onboarding, public (comma-separated), or none.")
        return cls(method="form" if form_file else "verbal", given_by=given_by,
                   form_file=form_file, internal="internal" in words,
                   onboarding="onboarding" in words, public="public" in words)


@dataclass(frozen=True)
class RecordingSession:
    """One recording about to start: the interview (status "recording") and its target file."""

    interview_id: int
    customer_id: int
    customer: str
    title: str
    path: Path
    series_id: int | None
    language: str
    consent_method: str


@dataclass(frozen=True)
class NoteView:
    id: int
    interview_id: int
    t: float
    kind: str  # note | marker
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "t": round(self.t, 3), "kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class SavedRecording:
    """A recording attached to its interview (after Stop, or recovered after a crash)."""

    interview_id: int
    customer: str
    title: str
    path: Path | None
    duration_s: float
    has_video: bool = False
    has_audio: bool = False
    video_codec: str | None = None
    audio_codec: str | None = None
    audio_tracks: int = 0
    recovered: bool = False
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path) if self.path else None
        data["duration_s"] = round(self.duration_s, 3)
        return data


@dataclass(frozen=True)
class InterruptedRecording:
    """An interview left in status "recording": `path` is what is on disk (None: nothing)."""

    interview_id: int
    customer: str
    title: str
    path: Path | None
    partial: bool




def clock(seconds: float) -> str:
    """`m:ss`, or `h:mm:ss` from an hour on (the one rule: `desktop_app.domain.durations`)."""
    return durations.clock(seconds)
