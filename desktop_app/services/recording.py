"""Record interviews (Qt-free): consent first, a session per recording, live notes and markers,
the finished file attached in place, and recordings cut off by a crash recovered at next start.

The capture itself (Qt, PyAV) belongs to the front ends: they start the engine on
`RecordingSession.path` and hand the file it produced to `finish()`. Media adapters are injected
like the importer's: `probe`, `picture`, `partial_for` (where the engine keeps the crash-safe
file while recording) and `recover` (remux an interrupted file into a playable one).

Files live in the library's recordings folder as `interview-<id>-<UTC start>.mp4`; beside each
running recording a small `.session.json` names the process that records it, so a recording
still running in another process (the CLI, a second window) is never taken for a crashed one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from desktop_app.config.paths import recordings_dir
from desktop_app.domain.errors import CloserError, NotFoundError, ValidationError
from desktop_app.domain.media import MediaError, MediaInfo
from desktop_app.domain.recording import (
    TRACK_LABELS,
    ConsentChoice,
    InterruptedRecording,
    NoteView,
    RecordingSession,
    SavedRecording,
    clock,
)
from desktop_app.services.consent import ConsentService
from desktop_app.services.recording_recovery import RecoveryMixin
from desktop_app.services.scheduling import SchedulingService
from desktop_app.services.scheduling_status import GuideInfo
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Customer, Interview, InterviewNote, MediaAsset
from desktop_app.storage.types import utcnow

__all__ = ["TRACK_LABELS", "ConsentChoice", "InterruptedRecording", "NoteView",
           "RecordingService", "RecordingSession", "SavedRecording"]

log = logging.getLogger(__name__)
Prober = Callable[[Path], MediaInfo]
PictureMaker = Callable[[Path, MediaInfo, Path], Path]
_CHUNK = 4 * 1024 * 1024


class RecordingService(RecoveryMixin):
    """Recording sessions over the library; media adapters injected by the composition root."""

    def __init__(self, engine: Engine, home: Path, *, consent: ConsentService,
                 scheduling: SchedulingService, probe: Prober, picture: PictureMaker,
                 partial_for: Callable[[Path], Path],
                 recover: Callable[[Path], Path]) -> None:
        self._engine = engine
        self._home = home
        self._consent = consent
        self._scheduling = scheduling
        self._probe = probe
        self._picture = picture
        self._partial_for = partial_for
        self._recover = recover
        self._lock = threading.Lock()
        self._active: dict[int, str | None] = {}  # interview id -> status before (None: new)

    @property
    def folder(self) -> Path:
        return recordings_dir(self._home)

    # --- starting ----------------------------------------------------------------------------

    def start_session(self, consent: ConsentChoice, *, interview_id: int | None = None,
                      customer_id: int | None = None, customer_name: str | None = None,
                      series_id: int | None = None, occurrence_start_utc: datetime | None = None,
                      title: str = "") -> RecordingSession:
        """Record consent and put the interview in status "recording" (a new one unless
        `interview_id`); for a scheduled meeting, link it to the series occurrence."""
        problem = consent.problem()
        if problem:
            raise ValidationError(f"Recording needs consent first: {problem}")
        series_title = ""
        if series_id is not None:
            series = self._scheduling.series(series_id)
            customer_id, series_title = series.customer_id, series.title
        previous: str | None = None
        with session_scope(self._engine) as s:
            if interview_id is not None:
                iv = self._interview(s, interview_id)
                if iv.status == "recording":
                    raise ValidationError(f"Interview {interview_id} is being recorded already "
                                          "(or was interrupted: run `closer recover`).")
                if iv.media_id is not None:
                    raise ValidationError(f"Interview {interview_id} already has a recording: "
                                          "start a new interview instead.")
                previous = iv.status
                customer = s.get(Customer, iv.customer_id)
            else:
                customer = self._customer(s, customer_id, customer_name)
                default = (f"{series_title} with {customer.name}" if series_title
                           else f"Interview with {customer.name}")
                iv = Interview(customer_id=customer.id, recorded_at=utcnow(),
                               title=title.strip() or default,
                               language=customer.language or "auto")
            assert customer is not None and customer.id is not None
            iv.status, iv.source, iv.recorded_at = "recording", "recording", utcnow()
            if title.strip():
                iv.title = title.strip()
            s.add(iv)
            s.flush()
            assert iv.id is not None
            session = RecordingSession(
                interview_id=iv.id, customer_id=customer.id, customer=customer.name,
                title=iv.title, path=self.folder / f"interview-{iv.id}-"
                f"{iv.recorded_at:%Y%m%d-%H%M%S}.mp4", series_id=series_id or iv.series_id,
                language=iv.language, consent_method=consent.method)
        with self._lock:
            self._active[session.interview_id] = previous
        try:
            self._write_consent(session.interview_id, consent)
            if series_id is not None and occurrence_start_utc is not None:
                self._scheduling.attach_interview(series_id, occurrence_start_utc,
                                                  session.interview_id)
        except CloserError:
            self.abandon(session.interview_id)
            raise
        self._sidecar(session.path).write_text(json.dumps(
            {"interview_id": session.interview_id, "pid": os.getpid(),
             "path": str(session.path)}), encoding="utf-8")
        return session

    def abandon(self, interview_id: int) -> None:
        """The recording could not start: a new interview is removed, an old one restored."""
        with self._lock:
            known = interview_id in self._active
            previous = self._active.pop(interview_id, None)
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                return
            path = self._target(iv)
            if known and previous is None and iv.media_id is None:
                s.delete(iv)
            else:
                iv.status = previous or "new"
                s.add(iv)
        self._sidecar(path).unlink(missing_ok=True)

    def _write_consent(self, interview_id: int, consent: ConsentChoice) -> None:
        form_path = ""
        if consent.method == "form" and consent.form_file is not None:
            folder = self._home / "consent"
            folder.mkdir(parents=True, exist_ok=True)
            dest = folder / f"interview-{interview_id}-{consent.form_file.name}"
            try:
                shutil.copy2(consent.form_file, dest)
            except OSError as exc:
                raise ValidationError(f"The consent form {consent.form_file.name} could not be "
                                      f"copied into the library ({exc.strerror}).") from None
            form_path = str(dest)
        notes = consent.notes
        if consent.method == "none":
            notes = notes or "Recorded without consent: an explicit, confirmed choice."
            log.warning("Interview %s is recorded WITHOUT consent (explicit choice); it is "
                        "kept out of every reel.", interview_id)
        allowed = consent.method != "none"  # without consent: no audience, whatever was ticked
        self._consent.set_consent(
            interview_id, internal=allowed and consent.internal,
            onboarding=allowed and consent.onboarding, public=allowed and consent.public,
            given_by=consent.given_by, method=consent.method, form_path=form_path, notes=notes)

    # --- while recording ---------------------------------------------------------------------

    def add_marker(self, interview_id: int, t: float, text: str = "") -> NoteView:
        """A marker at `t` seconds into the recording (a highlight stub after Stop)."""
        return self._add(interview_id, t, "marker", text.strip())

    def add_note(self, interview_id: int, t: float, text: str) -> NoteView:
        clean = text.strip()
        if not clean:
            raise ValidationError("A note needs some text.")
        return self._add(interview_id, t, "note", clean)

    def notes(self, interview_id: int) -> list[NoteView]:
        with session_scope(self._engine) as s:
            rows = s.exec(select(InterviewNote).where(InterviewNote.interview_id == interview_id)
                          .order_by(col(InterviewNote.t), col(InterviewNote.id))).all()
            return [_note(n) for n in rows]

    def _add(self, interview_id: int, t: float, kind: str, text: str) -> NoteView:
        with session_scope(self._engine) as s:
            self._interview(s, interview_id)
            row = InterviewNote(interview_id=interview_id, t=round(max(0.0, t), 3), kind=kind,
                                text=text)
            s.add(row)
            s.flush()
            return _note(row)

    def guide_for(self, interview_id: int) -> GuideInfo | None:
        """The series' guide, else the default check-in guide in the customer's language."""
        found = self._scheduling.guide_for_interview(interview_id)
        if found is not None:
            return found
        with session_scope(self._engine) as s:
            iv = self._interview(s, interview_id)
            customer_id, language = iv.customer_id, iv.language
        return self.default_guide(customer_id=customer_id, language=language)

    def default_guide(self, *, series_id: int | None = None, customer_id: int | None = None,
                      language: str = "auto", fallback: str = "en") -> GuideInfo | None:
        """The guide to show before a recording: the series' own guide, else the check-in
        guide in the customer's language (`fallback`, e.g. the app's language, when unknown)."""
        if series_id is not None:
            found = self._scheduling.guide(series_id)
            if found is not None:
                return found
            customer_id = self._scheduling.series(series_id).customer_id
        if language == "auto" and customer_id is not None:
            with session_scope(self._engine) as s:
                customer = s.get(Customer, customer_id)
                language = customer.language if customer else "auto"
        guides = self._scheduling.guides()
        lang = language if language in ("en", "ru") else fallback
        for key in (f"checkin-{lang}", "checkin-en"):
            for g in guides:
                if g.builtin_key == key:
                    return g
        return guides[0] if guides else None

    # --- after Stop --------------------------------------------------------------------------

    def finish(self, interview_id: int, path: Path) -> SavedRecording:
        """Attach the finished file in place (probed, hashed, a picture; never copied) and set
        the interview to "recorded". A file that cannot be read fails the interview."""
        return self._attach(interview_id, Path(path), recovered=False)

    def recovered(self, interview_id: int, path: Path) -> SavedRecording:
        """Attach a file recovered after a crash (noted on the interview)."""
        return self._attach(interview_id, Path(path), recovered=True)

    def fail(self, interview_id: int, error: str) -> None:
        """Nothing could be saved: the interview keeps its notes and says why."""
        with session_scope(self._engine) as s:
            iv = self._interview(s, interview_id)
            path = self._target(iv)
            iv.status = "failed"
            iv.notes = _append(iv.notes, f"Recording failed: {error}")
            s.add(iv)
        self._done(interview_id, path)

    def _attach(self, interview_id: int, path: Path, *, recovered: bool) -> SavedRecording:
        with session_scope(self._engine) as s:
            iv = self._interview(s, interview_id)
            target = self._target(iv)
        try:
            info = self._probe(path)
            digest = _sha256(path)
        except (MediaError, OSError) as exc:
            error = exc if isinstance(exc, MediaError) else MediaError(
                path, f"the recording cannot be read ({exc.strerror})")
            self.fail(interview_id, str(error))
            raise error from None
        picture = self._make_picture(path, info, digest)
        with session_scope(self._engine) as s:
            iv = self._interview(s, interview_id)
            asset = s.exec(select(MediaAsset).where(MediaAsset.sha256 == digest)).first()
            if asset is None:
                asset = MediaAsset(
                    sha256=digest, path=str(path.resolve()), original_path=str(path.resolve()),
                    original_name=path.name, linked=True, size_bytes=path.stat().st_size,
                    container=info.container, duration_s=info.duration_s,
                    has_video=info.has_video, has_audio=info.has_audio,
                    video_codec=info.video_codec, width=info.width, height=info.height,
                    fps=info.fps, audio_codec=info.audio_codec,
                    audio_channels=info.audio_channels, sample_rate=info.sample_rate,
                    audio_tracks=info.audio_tracks, picture_path=picture)
                s.add(asset)
                s.flush()
            iv.media_id, iv.status = asset.id, "recorded"
            if recovered:
                iv.notes = _append(iv.notes, f"Recovered after an interruption on "
                                   f"{utcnow():%Y-%m-%d %H:%M} UTC: {clock(info.duration_s)} "
                                   "were saved.")
            s.add(iv)
            customer = s.get(Customer, iv.customer_id)
            saved = SavedRecording(
                interview_id=interview_id, customer=customer.name if customer else "",
                title=iv.title, path=path, duration_s=info.duration_s,
                has_video=info.has_video, has_audio=info.has_audio,
                video_codec=info.video_codec, audio_codec=info.audio_codec,
                audio_tracks=info.audio_tracks, recovered=recovered)
        self._done(interview_id, target)
        return saved

    def _make_picture(self, path: Path, info: MediaInfo, digest: str) -> str:
        out = self._home / "pictures" / f"{digest}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        try:
            return str(self._picture(path, info, out))
        except MediaError:
            return ""  # the list shows a placeholder

    def _done(self, interview_id: int, target: Path) -> None:
        with self._lock:
            self._active.pop(interview_id, None)
        self._sidecar(target).unlink(missing_ok=True)

    # --- helpers -----------------------------------------------------------------------------

    def _target(self, iv: Interview) -> Path:
        return self.folder / f"interview-{iv.id}-{iv.recorded_at:%Y%m%d-%H%M%S}.mp4"

    def _target_of(self, interview_id: int) -> Path:
        with session_scope(self._engine) as s:
            return self._target(self._interview(s, interview_id))

    @staticmethod
    def _sidecar(target: Path) -> Path:
        return target.with_name(target.stem + ".session.json")

    @staticmethod
    def _interview(s: Any, interview_id: int) -> Interview:
        iv = s.get(Interview, interview_id)
        if iv is None:
            raise NotFoundError(f"Interview {interview_id} does not exist.")
        return iv

    @staticmethod
    def _customer(s: Any, customer_id: int | None, name: str | None) -> Customer:
        if customer_id is not None:
            c = s.get(Customer, customer_id)
            if c is None:
                raise NotFoundError(f"The customer with id {customer_id} does not exist.")
            return c
        clean = " ".join((name or "").split())
        if not clean:
            raise ValidationError("Choose the customer you are recording.")
        for c in s.exec(select(Customer)):
            if c.name.casefold() == clean.casefold():
                return c
        c = Customer(name=clean)
        s.add(c)
        s.flush()
        return c


def _note(n: InterviewNote) -> NoteView:
    assert n.id is not None
    return NoteView(n.id, n.interview_id, n.t, n.kind, n.text)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _append(notes: str, line: str) -> str:
    return f"{notes.rstrip()}\n{line}".strip()
