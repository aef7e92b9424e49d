"""Qt-free composition root: builds the engine, services and media adapters for CLI and GUI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from desktop_app.config.paths import database_url, library_home
from desktop_app.config.settings import Settings, content_language, load_settings
from desktop_app.domain.media import MediaInfo
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.services.audit import AuditService
from desktop_app.services.consent import ConsentService
from desktop_app.services.container import Services
from desktop_app.services.erasure import ErasureService
from desktop_app.services.importing import ImportService
from desktop_app.services.insights import InsightsService
from desktop_app.services.interviews import InterviewService
from desktop_app.services.jobs import JobService
from desktop_app.services.library import LibraryService
from desktop_app.services.playlists import PlaylistService
from desktop_app.services.recording import RecordingService
from desktop_app.services.reels import ReelService
from desktop_app.services.retention import RetentionService
from desktop_app.services.scheduling import SchedulingService
from desktop_app.services.search import SearchService
from desktop_app.services.suggestions import SuggestionService
from desktop_app.services.tagging import HighlightService
from desktop_app.services.transcription import SpeechEngine, TranscriptionService
from desktop_app.storage.db import make_engine, upgrade_to_head

if TYPE_CHECKING:
    import numpy as np

    from desktop_app.domain.reel_plan import ReelPlan, RenderResult


def probe_media(path: Path) -> MediaInfo:
    from desktop_app.media.probe import probe  # heavy (PyAV): imported on first use

    return probe(path)


def picture_for(path: Path, info: MediaInfo, out_png: Path) -> Path:
    from desktop_app.media.pictures import picture_for as make

    return make(path, info, out_png)


def render_reel(plan: ReelPlan, out_path: Path, cancel: CancelToken,
                progress: Callable[[Progress], None]) -> RenderResult:
    from desktop_app.media.render import render_reel as render  # heavy: imported on first use

    return render(plan, out_path, cancel=cancel, progress=progress)


def load_audio(path: Path, *, track: int = 0, channel: int | None = None, start_s: float = 0.0,
               cancel: CancelToken | None = None, duration_s: float | None = None) -> np.ndarray:
    """16 kHz mono float32 samples of audio track `track` (one channel, or all mixed down)."""
    from desktop_app.media import audio

    return audio.decode_audio(path, channel=channel, start_s=start_s, cancel=cancel,
                              track=track, duration_s=duration_s)


def load_whisper(settings: Settings) -> Callable[[str], SpeechEngine]:
    """A loader of faster-whisper models with the user's thread count (bundled, folder, name)."""

    def load(name: str) -> SpeechEngine:
        from desktop_app.media.whisper import WhisperEngine

        return WhisperEngine.load(name, cpu_threads=max(1, settings.cpu_threads))

    return load


def recording_partial_path(final: Path) -> Path:
    """Where the recording engine keeps the crash-safe file while `final` is recorded."""
    from desktop_app.media.capture.writer import partial_path_for

    return partial_path_for(final)


def recover_recording(partial: Path) -> Path:
    """Remux an interrupted recording into a playable MP4 (the recording engine's recover)."""
    from desktop_app.media.capture.writer import recover

    return recover(partial)


def build_services(home: Path | None = None) -> Services:
    """Open (and migrate) the library at `home` (default: CLOSER_HOME or the user data dir)."""
    home = home or library_home()
    home.mkdir(parents=True, exist_ok=True)
    engine = make_engine(database_url(home))
    upgrade_to_head(engine)
    settings = load_settings(home)
    language = content_language(settings.ui_language)  # of a new library's defaults
    library = LibraryService(engine)
    library.seed_defaults(language)
    jobs = JobService(engine)
    importer = ImportService(engine, home, probe=probe_media, picture=picture_for)
    jobs.register("import", importer.import_job)  # auto-transcription is the GUI's decision
    transcription = TranscriptionService(
        engine, engine_factory=load_whisper(settings), audio_loader=load_audio,
        settings=lambda: load_settings(home), versions_dir=home / "transcript-versions")
    jobs.register("transcribe", transcription.transcribe_job)
    tagging = HighlightService(engine)
    suggestions = SuggestionService(engine, home, tagging)
    suggestions.seed_default_rules(language)
    scheduling = SchedulingService(engine)
    scheduling.seed_guides()
    audit = AuditService(engine)
    reels = ReelService(engine, home, render=render_reel, audit=audit)
    jobs.register("render_reel", reels.render_job)
    jobs.register("prepare_presentation", reels.present_job)
    playlists = PlaylistService(engine, reels, audit=audit)
    jobs.register("export_playlist", playlists.export_job)
    consent = ConsentService(
        engine, validity_days=lambda: load_settings(home).consent_validity_days)
    recording = RecordingService(engine, home, consent=consent, scheduling=scheduling,
                                 probe=probe_media, picture=picture_for,
                                 partial_for=recording_partial_path, recover=recover_recording)
    jobs.register("recover_recordings", recording.recover_job)
    return Services(home=home, engine=engine, settings=settings, library=library,
                    interviews=InterviewService(engine), importer=importer, jobs=jobs,
                    transcription=transcription, tagging=tagging,
                    insights=InsightsService(engine), suggestions=suggestions,
                    scheduling=scheduling, reels=reels, playlists=playlists,
                    consent=consent, recording=recording, search=SearchService(engine),
                    audit=audit,
                    erasure=ErasureService(engine, home, reels=reels, suggestions=suggestions,
                                           audit=audit),
                    retention=RetentionService(engine, home, lambda: load_settings(home)))


def transcription_service(home: Path) -> tuple[TranscriptionService, Engine]:
    """Just the transcription service over the library at `home` (the transcription child
    process needs no more); the caller disposes of the engine."""
    engine = make_engine(database_url(home))
    service = TranscriptionService(engine, engine_factory=load_whisper(load_settings(home)),
                                   audio_loader=load_audio, settings=lambda: load_settings(home))
    return service, engine
