"""Open the library once per CLI invocation (one per library folder within a process)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.config.paths import library_home
from desktop_app.wiring import Services, build_services

_open: dict[Path, Services] = {}


def services() -> Services:
    home = library_home().resolve()
    if home not in _open:
        _open[home] = build_services(home)
    return _open[home]
