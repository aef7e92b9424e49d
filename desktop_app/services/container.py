"""`Services`: everything a front end (CLI or GUI) talks to; `desktop_app.wiring` builds it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from desktop_app.config.settings import Settings
from desktop_app.services.audit import AuditService
from desktop_app.services.consent import ConsentService
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
from desktop_app.services.transcription import TranscriptionService


@dataclass
class Services:
    """Everything a front end (CLI or GUI) talks to."""

    home: Path
    engine: Engine
    settings: Settings
    library: LibraryService
    interviews: InterviewService
    importer: ImportService
    jobs: JobService
    transcription: TranscriptionService
    tagging: HighlightService
    insights: InsightsService
    suggestions: SuggestionService
    scheduling: SchedulingService
    reels: ReelService
    playlists: PlaylistService
    consent: ConsentService
    recording: RecordingService
    search: SearchService
    audit: AuditService
    erasure: ErasureService
    retention: RetentionService
