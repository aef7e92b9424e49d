"""UI test fixtures: a fresh library's services, the UiContext the views get, the Interviews view.

A module that needs something else (a fixed clock, a pre-built library, another view) defines a
fixture of the same name, which takes precedence over these.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui.interviews.view import InterviewsView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.i18n import install_translators
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.wiring import Services, build_services


@pytest.fixture(autouse=True)
def _english_translator(qapp: QApplication) -> None:
    """The English UI as the app shows it: with closer_en.qm's plural forms installed."""
    install_translators(qapp, "en")


@pytest.fixture()
def services(closer_home: Path) -> Iterator[Services]:
    """The services of an empty library in `closer_home`; closed after the test."""
    svc = build_services(closer_home)
    yield svc
    svc.insights.close()
    svc.engine.dispose()


@pytest.fixture()
def ctx(services: Services) -> Iterator[UiContext]:
    """What every view is built with: the services and a job runner, stopped after the test."""
    runner = JobRunner(services.jobs)
    yield UiContext(services, runner)
    assert runner.shutdown()


@pytest.fixture()
def view(qtbot: QtBot, services: Services) -> Iterator[InterviewsView]:
    """The Interviews view, shown at 1300x820 (modules testing another view define their own)."""
    runner = JobRunner(services.jobs, max_parallel=1)
    v = InterviewsView(UiContext(services=services, runner=runner))
    qtbot.addWidget(v)
    v.resize(1300, 820)
    v.show()
    yield v
    v.shutdown()
    assert runner.shutdown(10000)
