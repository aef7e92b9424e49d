"""Shared fixtures: offscreen Qt, a throwaway library home, the real media in tests/media."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

REPO = Path(__file__).resolve().parent.parent

# PySide6 6.12 on CPython 3.11 drops references to None/True on many calls; without this a long
# test session aborts with "Fatal Python error: none_dealloc" (see the module).
from desktop_app.media.qtfix import immortalise_singletons  # noqa: E402

immortalise_singletons()


def _shared_media() -> Path:
    """CLOSER_SHARED_MEDIA when set, else the clips kept in the repository (tests/media)."""
    env = os.environ.get("CLOSER_SHARED_MEDIA")
    return Path(env) if env else REPO / "tests" / "media"


SHARED_MEDIA = _shared_media()


@pytest.fixture(scope="session")
def shared_media() -> Path:
    """The real speech/video corpus (tests/media/README.md lists the clips and their licences)."""
    if not (SHARED_MEDIA / "manifest.tsv").is_file():
        pytest.fail(f"shared media not found at {SHARED_MEDIA}: no manifest.tsv there")
    return SHARED_MEDIA


@pytest.fixture(scope="session")
def media_manifest(shared_media: Path) -> list[dict[str, str]]:
    with open(shared_media / "manifest.tsv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@pytest.fixture()
def closer_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty library folder used through CLOSER_HOME."""
    home = tmp_path / "library"
    home.mkdir()
    monkeypatch.setenv("CLOSER_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _english_ui_after_each_test() -> object:
    """A test that switches the UI to Russian must not leak it into the next test."""
    yield
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        from desktop_app.ui.kit.i18n import install_translators

        install_translators(app, "en")
