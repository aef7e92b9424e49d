"""GUI composition root: QApplication, translators, style, services, job runner, main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from desktop_app.media.qtfix import immortalise_singletons
from desktop_app.transcribe_process import out_of_process
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.i18n import install_translators
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.kit.style import apply_style
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.recorder.recovery_notice import start_recovery
from desktop_app.ui.schedule.reminders import start_reminders
from desktop_app.ui.transcript.auto_transcribe import AutoTranscriber
from desktop_app.wiring import Services, build_services


def create_main_window(app: QApplication, services: Services | None = None) -> MainWindow:
    """Build the window over a library (used by run_gui and by UI tests)."""
    immortalise_singletons()  # PySide6 6.12 + CPython 3.11 reference bug: see the module
    services = services or build_services()
    install_translators(app, services.settings.ui_language)
    apply_style(app)
    runner = JobRunner(services.jobs, max_parallel=1)
    ctx = UiContext(services=services, runner=runner)
    # the library's retention policy runs at start-up (Settings; off unless chosen there)
    window_retention = services.retention.apply() if services.settings.retention_months else None
    window = MainWindow(ctx)
    window.retention = window_retention  # type: ignore[attr-defined]

    def on_language(setting: str) -> None:
        install_translators(app, setting)
        window.rebuild()

    ctx.events.language_changed.connect(on_language)
    if not getattr(sys, "frozen", False):  # a frozen bundle has no `python -m` to start
        # the speech model holds the GIL at times: transcribe in a child process (see module)
        services.jobs.register("transcribe", out_of_process(services.home))
    # queue a transcription after each import when Settings say so
    window.auto_transcriber = AutoTranscriber(  # type: ignore[attr-defined]
        services, runner, window)
    # interview reminders (tray, or a banner in the window) while the app runs
    window.reminders = start_reminders(  # type: ignore[attr-defined]
        window, services.scheduling, services.home)
    window.reminders.open_schedule.connect(lambda: window.show_section("schedule"))
    # recordings a crash interrupted: recover, attach and tell the user (once the loop runs)
    window.recovery = start_recovery(  # type: ignore[attr-defined]
        window, services, runner, ctx.events)
    return window


def run_gui(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName("Closer")
    app.setOrganizationName("Closer")
    app.setApplicationDisplayName("Closer")
    window = create_main_window(app)
    window.show()
    window.ctx.runner.resume_interrupted()
    return app.exec()
