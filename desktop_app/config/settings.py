"""User settings stored as JSON in the library folder (no Qt: QSettings stays out of the core)."""

from __future__ import annotations

import json
import locale
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from desktop_app.config.paths import library_home

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    """Preferences the user can change in the Settings view."""

    ui_language: str = "system"  # "system", "en" or "ru"
    whisper_model: str = "base"
    transcription_language: str = "auto"
    initial_prompt: str = ""
    auto_transcribe: bool = True
    import_mode: str = "copy"  # "copy" or "link"
    reminder_minutes: int = 15
    cpu_threads: int = 2
    consent_validity_days: int = 365  # new consent holds this long (0: no expiry)
    retention_months: int = 0  # delete recordings older than this (0: keep them all)
    retention_keep_transcripts: bool = True
    retention_keep_reel_recordings: bool = True  # keep those used by reels with valid consent


def content_language(ui_language: str) -> str:
    """"ru" or "en": the language of the defaults a new library gets (its touchpoints), from
    the UI language setting; "system" reads the OS locale as Qt does (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG, then the platform's locale)."""
    if ui_language in ("en", "ru"):
        return ui_language
    names = [os.environ.get(v, "") for v in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    names.append(locale.getlocale()[0] or "")
    first = next((n for n in names if n and n not in ("C", "POSIX")), "")
    return "ru" if first.lower().startswith("ru") else "en"


def _path(home: Path | None) -> Path:
    return (home or library_home()) / SETTINGS_FILE


def load_settings(home: Path | None = None) -> Settings:
    """Read settings; unknown keys are ignored and a broken file falls back to defaults."""
    path = _path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name for f in fields(Settings)}
    clean = {k: v for k, v in data.items() if k in known} if isinstance(data, dict) else {}
    try:
        return Settings(**clean)
    except TypeError:
        return Settings()


def save_settings(settings: Settings, home: Path | None = None) -> None:
    """Write atomically so a crash never leaves half a file."""
    path = _path(home)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(asdict(settings), fh, ensure_ascii=False, indent=2)
    os.replace(tmp, path)
