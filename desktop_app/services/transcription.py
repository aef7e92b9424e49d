"""Local transcription: the "transcribe" job (reads and edits: services/transcripts.py).

The speech engine and the audio decoder are injected (see wiring.py), so this module never
touches faster-whisper or PyAV. Segments are committed as they arrive: each segment, its words
and the transcript's resume point go in one transaction, so a killed job loses at most the
window being recognised and a new run continues from `Transcript.transcribed_until_s`.

Speakers: a recording with two or more audio tracks (our recorder: track 0 the interviewer's
microphone, track 1 the call audio) or with two stereo channels that carry different voices is
transcribed per track/channel and labelled "Interviewer" / "Customer"; the segments of the
sources are committed interleaved in time order. Ordinary stereo (the same sound on both
channels) is mixed down and speakers are left empty for the user to assign.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from sqlalchemy import Engine, func
from sqlmodel import Session, col, delete, select

from desktop_app.domain.errors import JobCancelled, NotFoundError, ValidationError
from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.transcript import TRACK_SPEAKERS
from desktop_app.services.transcript_versions import (
    SpeakerSpan,
    TranscriptVersions,
    covered_by_edit,
    inherited_speaker,
    speaker_spans,
)
from desktop_app.services.transcripts import TranscriptQueries
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Interview,
    MediaAsset,
    Transcript,
    TranscriptSegment,
    TranscriptWord,
)
from desktop_app.storage.types import utcnow

if TYPE_CHECKING:
    from desktop_app.config.settings import Settings

SAMPLE_RATE = 16_000
SILENCE_PEAK = 10 ** (-50 / 20)  # below -50 dBFS everywhere: nothing to recognise
NO_SPEECH = "No speech found in the recording"
# Stereo channels "differ" (one voice per channel) when they are nearly uncorrelated and,
# frame by frame, one side is much louder than the other; copies or room stereo are not.
_DIFFER_MAX_CORRELATION = 0.5
_DIFFER_MIN_LEVEL_GAP_DB = 10.0
_QUIET_CHANNEL_DB = -30.0  # a channel this far below the other is an empty side, not a speaker
_FRAME = 320  # 20 ms at 16 kHz
# Audio is decoded and recognised in windows of this length (about 38 MB of samples), so a
# 10-hour recording needs no more memory than a 10-minute one. A segment that reaches into the
# last _EDGE_S of a window is recognised again at the start of the next window.
WINDOW_S = 600.0
_EDGE_S = 30.0
_ANALYSIS_S = 300.0  # how much of a stereo file decides whether its channels are two speakers


class _Cut:
    """Keeps a window's segments that end before its edge; remembers where the next begins."""

    def __init__(self, at: float | None, reached: float) -> None:
        self.at = at  # None: the last window of its source, keep everything
        self.reached = reached
        self.next_start: float | None = None

    def keep(self, segments: Iterator[Any], ends: list[float], k: int) -> Iterator[Any]:
        """Yield the kept segments; `ends[k]` becomes where the next window must begin."""
        for seg in segments:
            if self.at is not None and float(seg.end) > self.at:
                self.next_start = ends[k] = float(seg.start)
                return
            yield seg


class SpeechEngine(Protocol):
    """What the job needs from a loaded model (desktop_app.media.whisper.WhisperEngine)."""

    def transcribe(self, audio: np.ndarray, *, language: str | None,
                   initial_prompt: str | None = None, vad: bool = False,
                   batched: bool = False, offset_s: float = 0.0) -> tuple[Any, Iterator[Any]]: ...


class AudioLoader(Protocol):
    """Decode one audio track (or one channel of it) from `start_s` as 16 kHz mono float32."""

    def __call__(self, path: Path, *, track: int = 0, channel: int | None = None,
                 start_s: float = 0.0, cancel: CancelToken | None = None) -> np.ndarray: ...


EngineFactory = Callable[[str], SpeechEngine]


@dataclass
class _Source:
    """One stream of speech to recognise: a track or a channel, with its speaker label."""

    track: int
    speaker: str
    load: Callable[[float], np.ndarray]  # start_s -> samples from there on


@dataclass(frozen=True)
class _Request:
    interview_id: int
    path: Path
    name: Path  # what the user calls the file (its original name): errors show this
    duration_s: float
    tracks: int
    channels: int
    model: str
    language: str | None
    prompt: str | None
    replace: bool = False


def channels_differ(left: np.ndarray, right: np.ndarray) -> bool:
    """True when two channels carry different voices (a call: one speaker per side)."""
    n = min(left.size, right.size) // _FRAME * _FRAME
    if n == 0:
        return False
    a, b = left[:n].astype(np.float64), right[:n].astype(np.float64)
    ea, eb = float(np.dot(a, a)), float(np.dot(b, b))
    if min(ea, eb) <= max(ea, eb) * 10 ** (_QUIET_CHANNEL_DB / 10):
        return False  # one side is (nearly) empty: a mono recording in a stereo file
    if abs(float(np.dot(a, b))) / np.sqrt(ea * eb) >= _DIFFER_MAX_CORRELATION:
        return False
    level_a = 10 * np.log10(np.square(a).reshape(-1, _FRAME).mean(axis=1) + 1e-12)
    level_b = 10 * np.log10(np.square(b).reshape(-1, _FRAME).mean(axis=1) + 1e-12)
    active = np.maximum(level_a, level_b) > max(level_a.max(), level_b.max()) - 40
    return float(np.median(np.abs(level_a - level_b)[active])) >= _DIFFER_MIN_LEVEL_GAP_DB


def _speaker(track: int) -> str:
    return TRACK_SPEAKERS[track] if track < len(TRACK_SPEAKERS) else f"Speaker {track + 1}"


def _auto(code: str | None) -> bool:
    return (code or "").strip().lower() in ("", "auto")


class TranscriptionService(TranscriptQueries):
    """Runs transcription jobs; reads and edits transcripts (see TranscriptQueries)."""

    def __init__(self, engine: Engine, *, engine_factory: EngineFactory,
                 audio_loader: AudioLoader, settings: Callable[[], Settings],
                 vad: bool = False, batched: bool = False,
                 versions_dir: Path | None = None) -> None:
        super().__init__(engine)
        self.versions = TranscriptVersions(engine, versions_dir)
        self._speakers: dict[int, list[SpeakerSpan]] = {}
        self._factory = engine_factory
        self._load_audio = audio_loader
        self._settings = settings
        self._vad, self._batched = vad, batched
        self._engines: dict[str, SpeechEngine] = {}
        self._lock = threading.Lock()

    # --- the job ---------------------------------------------------------------------------

    def transcribe_job(self, payload: dict[str, Any], cancel: CancelToken,
                       job_id: int) -> Iterator[Progress]:
        """Job kind "transcribe"; payload: interview_id, model?, language?, vad?, batched?,
        replace? (needed to transcribe a finished transcript again: hand-edited segments and
        speaker names are kept, and the old version is saved, see `versions`)."""
        interview_id = int(payload["interview_id"])
        self.check_replace(interview_id, replace=bool(payload.get("replace")))
        self._set_status(interview_id, "transcribing")
        try:
            result = yield from self._run(self._request(interview_id, payload), payload, cancel)
        except (JobCancelled, GeneratorExit):
            # quitting: stays "transcribing" and resumes at next start; a user cancel keeps the
            # partial transcript and puts the interview back among the untranscribed ones
            self._set_status(interview_id,
                             "transcribing" if cancel.reason == "shutdown" else "imported")
            raise
        except Exception:
            self._set_status(interview_id, "failed")
            raise
        self._set_status(interview_id, "transcribed")
        self._speakers.pop(interview_id, None)
        return result

    def check_replace(self, interview_id: int, *, replace: bool) -> None:
        """Raise ValidationError when a finished transcript would be redone without `replace`."""
        with session_scope(self._engine) as s:
            tr = s.exec(select(Transcript).where(Transcript.interview_id == interview_id)).first()
            if tr is None or not tr.complete or replace:
                return
            edited = s.exec(select(func.count()).select_from(TranscriptSegment).where(
                TranscriptSegment.interview_id == interview_id,
                col(TranscriptSegment.edited))).one()
        note = f" ({edited} segment(s) corrected by hand)" if edited else ""
        raise ValidationError(
            f"Interview {interview_id} is already transcribed{note}; to transcribe it again "
            "use --replace: corrected segments and speaker names are kept and the old version "
            "is saved.")

    def engine_for(self, model: str) -> SpeechEngine:
        """The loaded model `model`, loaded once per service (raises the adapter's ModelError)."""
        with self._lock:
            if model not in self._engines:
                self._engines[model] = self._factory(model)
            return self._engines[model]

    def _request(self, interview_id: int, payload: dict[str, Any]) -> _Request:
        settings = self._settings()
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is None:
                raise NotFoundError(f"Interview {interview_id} does not exist.")
            asset = s.get(MediaAsset, iv.media_id) if iv.media_id is not None else None
            if asset is None:
                raise ValidationError(f"Interview {interview_id} has no recording to transcribe.")
            name = Path(asset.original_name or asset.path)
            if not asset.has_audio or asset.audio_tracks == 0:
                raise MediaError(name, "has no audio track, so there is nothing to transcribe")
            customer = s.get(Customer, iv.customer_id)
            if "language" in payload and payload["language"] is not None:
                language: str | None = str(payload["language"])
            else:
                choices = (iv.language, customer.language if customer else "",
                           settings.transcription_language)
                language = next((c for c in choices if not _auto(c)), None)
            return _Request(
                interview_id=interview_id, path=Path(asset.path), name=name,
                duration_s=asset.duration_s,
                tracks=asset.audio_tracks, channels=asset.audio_channels or 1,
                model=str(payload.get("model") or settings.whisper_model or "base"),
                language=None if _auto(language) else str(language).strip().lower(),
                prompt=settings.initial_prompt.strip() or None,
                replace=bool(payload.get("replace")))

    def _sources(self, req: _Request, cancel: CancelToken) -> list[_Source]:
        def loader(track: int, channel: int | None) -> Callable[[float], np.ndarray]:
            return lambda start: self._load_audio(req.path, track=track, channel=channel,
                                                  start_s=start, cancel=cancel,
                                                  duration_s=WINDOW_S)

        if req.tracks >= 2:
            return [_Source(k, _speaker(k), loader(k, None)) for k in range(req.tracks)]
        if req.channels == 2:
            # decided on the first minutes only, so memory does not grow with the length
            left, right = (self._load_audio(req.path, channel=k, start_s=0.0, cancel=cancel,
                                            duration_s=_ANALYSIS_S) for k in (0, 1))
            if channels_differ(left, right):
                return [_Source(k, _speaker(k), loader(0, k)) for k in (0, 1)]
        return [_Source(0, "", loader(0, None))]

    def _prepare(self, req: _Request, sources: Sequence[_Source]) -> tuple[int, list[float],
                                                                           str | None]:
        """Create or reuse the transcript; return its id, each source's resume point, language."""
        with session_scope(self._engine) as s:
            tr = s.exec(select(Transcript).where(
                Transcript.interview_id == req.interview_id)).first()
            if tr is not None and tr.complete:  # transcribe again (check_replace allowed it)
                self.versions.save(s, req.interview_id)
                self._speakers[req.interview_id] = speaker_spans(s, req.interview_id)
            if tr is None or tr.complete:  # first run, or transcribe again (edits stay)
                s.exec(delete(TranscriptSegment).where(
                    col(TranscriptSegment.interview_id) == req.interview_id,
                    col(TranscriptSegment.edited).is_(False)))
                tr = tr or Transcript(interview_id=req.interview_id)
                tr.transcribed_until_s, tr.complete, tr.language = 0.0, False, ""
            tr.model, tr.duration_s, tr.updated_at = req.model, req.duration_s, utcnow()
            s.add(tr)
            s.flush()
            if len(sources) == 1:  # the resume point is the end of the last committed segment
                s.exec(delete(TranscriptSegment).where(
                    col(TranscriptSegment.interview_id) == req.interview_id,
                    col(TranscriptSegment.end) > tr.transcribed_until_s + 1e-6,
                    col(TranscriptSegment.edited).is_(False)))
                resume = [tr.transcribed_until_s]
            else:
                resume = [max(tr.transcribed_until_s, self._track_end(s, req, src.track))
                          for src in sources]
            language = req.language or (tr.language or None)
            assert tr.id is not None
            return tr.id, resume, language

    @staticmethod
    def _track_end(s: Session, req: _Request, track: int) -> float:
        end = s.exec(select(func.max(TranscriptSegment.end)).where(
            TranscriptSegment.interview_id == req.interview_id,
            TranscriptSegment.track == track)).one()
        return float(end or 0.0)

    def _run(self, req: _Request, payload: dict[str, Any],
             cancel: CancelToken) -> Iterator[Progress]:
        total = req.duration_s
        yield Progress(0, total, f"Loading speech model '{req.model}'")
        engine = self.engine_for(req.model)
        cancel.raise_if_cancelled(req.interview_id)
        yield Progress(0, total, "Reading the audio")
        try:
            sources = self._sources(req, cancel)
        except MediaError as exc:
            raise MediaError(req.name, exc.reason) from None
        tid, resume, language = self._prepare(req, sources)
        start_at = min(resume)
        if start_at > 0:
            yield Progress(start_at, total, f"Resuming at {start_at:.1f} s")
        vad = bool(payload.get("vad", self._vad))
        batched = bool(payload.get("batched", self._batched))
        detected = ""
        positions = list(resume)
        finished = [False] * len(sources)
        until = start_at
        audio_end = 0.0
        while not all(finished):
            # one window of at most WINDOW_S per source: memory stays the same for any length
            streams: list[Iterator[Any]] = []
            ends: list[float] = []
            cuts: list[_Cut] = []
            for k, (src, offset) in enumerate(zip(sources, positions, strict=True)):
                if finished[k]:
                    streams.append(iter(()))
                    ends.append(offset)
                    cuts.append(_Cut(None, offset))
                    continue
                try:
                    audio = src.load(offset)
                except MediaError as exc:
                    raise MediaError(req.name, exc.reason) from None
                last = audio.size < round(WINDOW_S * SAMPLE_RATE)
                reached = offset + audio.size / SAMPLE_RATE
                audio_end = max(audio_end, reached)
                cut = _Cut(None if last else reached - _EDGE_S, reached)
                cuts.append(cut)
                ends.append(reached if last else reached - _EDGE_S)
                cancel.raise_if_cancelled(req.interview_id)
                if audio.size == 0 or float(np.abs(audio).max()) < SILENCE_PEAK:
                    streams.append(iter(()))
                    del audio
                    continue
                # auto: the first source with sound decides the language for the others too
                # (both sides of an interview speak it; a quiet side alone would guess badly)
                info, segments = engine.transcribe(audio, language=language or detected or None,
                                                   initial_prompt=req.prompt, vad=vad,
                                                   batched=batched, offset_s=offset)
                del audio
                detected = detected or str(info.language)
                streams.append(cut.keep(segments, ends, k))
            if detected or language:
                self._set_language(tid, language or detected)
            until = yield from self._merge(req, tid, sources, streams, positions, ends, cancel)
            for k, cut in enumerate(cuts):
                if cut.at is None:
                    finished[k] = True
                    positions[k] = cut.reached
                else:  # go on where the first segment cut by the window's edge began
                    positions[k] = cut.next_start if cut.next_start is not None else cut.at
        if req.duration_s > 0 and audio_end < req.duration_s - max(2.0, 0.05 * req.duration_s):
            raise MediaError(req.name, f"the audio stops at {audio_end:.1f} s of "
                                       f"{req.duration_s:.1f} s (the file is damaged or cut "
                                       "short); the transcript up to there is kept")
        count = self._finish(tid, max(until, req.duration_s))
        message = "Transcribed" if count else NO_SPEECH
        yield Progress(total, total, message)
        return {"interview_id": req.interview_id, "model": req.model,
                "language": language or detected, "segments": count,
                "resumed_from_s": round(start_at, 3), "message": message}

    def _merge(self, req: _Request, tid: int, sources: Sequence[_Source],
               streams: list[Iterator[Any]], resume: list[float], ends: list[float],
               cancel: CancelToken) -> Iterator[Progress]:
        """Commit the sources' segments in time order; return the final resume point."""
        frontier = list(resume)
        heads: list[Any] = []
        for k, stream in enumerate(streams):
            heads.append(next(stream, None))
            if heads[k] is None:
                frontier[k] = ends[k]
            cancel.raise_if_cancelled(req.interview_id)
        while any(h is not None for h in heads):
            k = min((i for i, h in enumerate(heads) if h is not None),
                    key=lambda i: (heads[i].start, i))
            seg = heads[k]
            frontier[k] = float(seg.end)
            self._commit(req.interview_id, tid, seg, sources[k], min(frontier))
            yield Progress(min(frontier), req.duration_s,
                           f"Transcribing: {min(frontier):.0f} s of {req.duration_s:.0f} s")
            cancel.raise_if_cancelled(req.interview_id)
            heads[k] = next(streams[k], None)
            if heads[k] is None:
                frontier[k] = ends[k]
        return min(frontier)

    def _commit(self, interview_id: int, tid: int, seg: Any, src: _Source,
                until: float) -> None:
        start, end = float(seg.start), float(seg.end)
        with session_scope(self._engine) as s:
            if covered_by_edit(s, interview_id, src.track, start, end):
                row = None  # the person's corrected text for this stretch stays
            else:
                speaker = inherited_speaker(self._speakers.get(interview_id, []), src.track,
                                            start, end) or src.speaker
                row = TranscriptSegment(interview_id=interview_id, track=src.track,
                                        start=start, end=end, speaker=speaker,
                                        text=str(seg.text).strip())
                s.add(row)
                s.flush()
            if row is not None and row.id is not None:
                self._add_words(s, row.id, seg)
            tr = s.get(Transcript, tid)
            assert tr is not None
            tr.transcribed_until_s, tr.updated_at = round(until, 3), utcnow()
            s.add(tr)

    @staticmethod
    def _add_words(s: Session, segment_id: int, seg: Any) -> None:
        s.add_all([TranscriptWord(segment_id=segment_id, idx=i, start=float(w.start),
                                  end=float(w.end), word=str(w.word),
                                  probability=float(w.probability))
                   for i, w in enumerate(seg.words)])

    def _finish(self, tid: int, until: float) -> int:
        with session_scope(self._engine) as s:
            tr = s.get(Transcript, tid)
            assert tr is not None
            tr.transcribed_until_s, tr.complete, tr.updated_at = round(until, 3), True, utcnow()
            s.add(tr)
            return int(s.exec(select(func.count()).select_from(TranscriptSegment).where(
                TranscriptSegment.interview_id == tr.interview_id)).one())

    def _set_language(self, tid: int, language: str) -> None:
        with session_scope(self._engine) as s:
            tr = s.get(Transcript, tid)
            if tr is not None:
                tr.language = language
                s.add(tr)

    def _set_status(self, interview_id: int, status: str) -> None:
        with session_scope(self._engine) as s:
            iv = s.get(Interview, interview_id)
            if iv is not None:
                iv.status = status
                s.add(iv)
