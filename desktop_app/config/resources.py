"""Locate bundled resources (icons, qss, translations, demo media) in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def demo_media_dir() -> Path:
    return resources_dir() / "demo"
