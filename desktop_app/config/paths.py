"""Where the library lives on disk: CLOSER_HOME overrides the platform's user data dir."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Closer"


def library_home() -> Path:
    """The library folder (database, media, thumbnails, settings), created on demand."""
    env = os.environ.get("CLOSER_HOME")
    home = Path(env).expanduser() if env else Path(user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


def database_path(home: Path | None = None) -> Path:
    return (home or library_home()) / "closer.sqlite3"


def database_url(home: Path | None = None) -> str:
    """CLOSER_DATABASE_URL lets a team point at another database (e.g. PostgreSQL)."""
    env = os.environ.get("CLOSER_DATABASE_URL")
    if env:
        return env
    return f"sqlite:///{database_path(home)}"


def media_dir(home: Path | None = None) -> Path:
    path = (home or library_home()) / "media"
    path.mkdir(parents=True, exist_ok=True)
    return path


def pictures_dir(home: Path | None = None) -> Path:
    path = (home or library_home()) / "pictures"
    path.mkdir(parents=True, exist_ok=True)
    return path


def exports_dir(home: Path | None = None) -> Path:
    path = (home or library_home()) / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def recordings_dir(home: Path | None = None) -> Path:
    path = (home or library_home()) / "recordings"
    path.mkdir(parents=True, exist_ok=True)
    return path
