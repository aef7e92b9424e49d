"""Qt-free composition root: builds the engine, services and media adapters for CLI and GUI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from desktop_app.config.paths import database_url, library_home
from desktop_app.config.settings import Settings, load_settings
from desktop_app.domain.media import MediaInfo
from desktop_app.services.importing import ImportService
from desktop_app.services.interviews import InterviewService
from desktop_app.services.jobs import JobService
from desktop_app.services.library import LibraryService
from desktop_app.storage.db import make_engine, upgrade_to_head


def probe_media(path: Path) -> MediaInfo:
    from desktop_app.media.probe import probe  # heavy (PyAV): imported on first use

    return probe(path)


def picture_for(path: Path, info: MediaInfo, out_png: Path) -> Path:
    from desktop_app.media.pictures import picture_for as make

    return make(path, info, out_png)


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


def build_services(home: Path | None = None) -> Services:
    """Open (and migrate) the library at `home` (default: CLOSER_HOME or the user data dir)."""
    home = home or library_home()
    engine = make_engine(database_url(home))
    upgrade_to_head(engine)
    library = LibraryService(engine)
    library.seed_defaults()
    jobs = JobService(engine)
    importer = ImportService(engine, home, probe=probe_media, picture=picture_for)
    jobs.register("import", importer.import_job)
    return Services(home=home, engine=engine, settings=load_settings(home), library=library,
                    interviews=InterviewService(engine), importer=importer, jobs=jobs)
