"""The main window: a sidebar of sections, the page stack, and background work in the sidebar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.errors import CloserError
from desktop_app.ui.context import UiContext
from desktop_app.ui.recorder.launcher import connect_recorder
from desktop_app.ui.widgets.empty_state import EmptyState
from desktop_app.ui.widgets.jobs_panel import JobsPanel


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    module: str  # desktop_app.ui.views.<module>, class <cls>
    cls: str
    empty_title: str = ""
    empty_text: str = ""


def sections() -> list[Section]:
    return [
        Section("schedule", _t("Schedule"), "schedule_view", "ScheduleView",
                _t("Plan regular customer interviews"),
                _t("Recurring interviews per customer, a calendar and reminders arrive in a "
                   "coming version. Until then, import recordings in Interviews.")),
        Section("interviews", _t("Interviews"), "interviews_view", "InterviewsView"),
        Section("insights", _t("Insights"), "insights_view", "InsightsView",
                _t("Where do we hurt our customers?"),
                _t("The touchpoint × problem-zone heatmap and the journey map appear here once "
                   "interviews are transcribed and tagged. Tagging is not built yet.")),
        Section("reels", _t("Reels"), "reels_view", "ReelsView",
                _t("Short clips of real customers"),
                _t("Highlight reels for staff meetings and onboarding playlists are built from "
                   "tagged highlights. Reels are not built yet.")),
        Section("customers", _t("Customers & Personas"), "customers_view", "CustomersView"),
        Section("touchpoints", _t("Touchpoints"), "touchpoints_view", "TouchpointsView"),
        Section("settings", _t("Settings"), "settings_view", "SettingsView"),
    ]


def _build_view(section: Section, ctx: UiContext) -> QWidget:
    """Instantiate a section's view; sections not built yet get an honest empty state."""
    try:
        mod = importlib.import_module(f"desktop_app.ui.views.{section.module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"desktop_app.ui.views.{section.module}":
            raise
        return EmptyState(section.empty_title or section.title, section.empty_text)
    factory: Callable[..., QWidget] = getattr(mod, section.cls)
    return factory(ctx)


class MainWindow(QMainWindow):
    """Sidebar navigation over the section views."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("Closer")
        self.resize(1280, 800)
        self.setMinimumSize(960, 600)
        self.views: dict[str, QWidget] = {}
        self._build()
        ctx.events.open_interview.connect(self.show_interview)
        ctx.events.open_interview_at.connect(self.show_interview_at)
        for i, key in enumerate(self.views):
            sc = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            sc.activated.connect(lambda k=key: self.show_section(k))

    def _build(self) -> None:
        root = QWidget()
        lay = QHBoxLayout(root)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        side = QWidget()
        side.setObjectName("Sidebar")
        side.setFixedWidth(232)
        slay = QVBoxLayout(side)
        slay.setContentsMargins(0, 0, 0, 0)
        slay.setSpacing(0)
        name = QLabel("Closer")
        name.setObjectName("AppName")
        tagline = QLabel(_t("Hear your customers"))
        tagline.setObjectName("AppTagline")
        slay.addWidget(name)
        slay.addWidget(tagline)
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        slay.addWidget(self.nav, 1)
        self.jobs_panel = JobsPanel(self.ctx.runner)
        slay.addWidget(self.jobs_panel)
        version = QLabel(f"v{__version__} · {_t('offline')}")
        version.setObjectName("AppTagline")
        slay.addWidget(version)
        self.pages = QStackedWidget()
        self.pages.setObjectName("Pages")
        lay.addWidget(side)
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(root)
        for section in sections():
            view = _build_view(section, self.ctx)
            view.setObjectName(f"view_{section.key}")
            self.views[section.key] = view
            self.pages.addWidget(view)
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)
        connect_recorder(self, self.ctx, self.views)  # Schedule "Record now", Interviews "Record…"
        insights = self.views.get("insights")
        if hasattr(insights, "make_reel_requested"):
            insights.make_reel_requested.connect(self._make_reel)
        self.show_section("interviews")

    def section_keys(self) -> list[str]:
        return list(self.views)

    def current_section(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_section(self, key: str) -> QWidget:
        keys = list(self.views)
        self.nav.setCurrentRow(keys.index(key))
        return self.views[key]

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        view = list(self.views.values())[row]
        self.pages.setCurrentWidget(view)
        refresh = getattr(view, "refresh", None)
        if callable(refresh):
            refresh()

    def _make_reel(self, highlight_ids: list[int]) -> None:
        """Insights' "Make a reel from these": a new reel from the cell's highlights."""
        view = self.show_section("reels")
        maker = getattr(view, "create_reel_from_highlights", None)
        if callable(maker):
            try:
                maker(list(highlight_ids))
            except CloserError as exc:
                QMessageBox.warning(self, _t("Could not make the reel"), str(exc))

    def show_interview(self, interview_id: int) -> None:
        view = self.show_section("interviews")
        opener = getattr(view, "open_interview", None)
        if callable(opener):
            opener(interview_id)

    def show_interview_at(self, interview_id: int, seconds: float) -> None:
        view = self.show_section("interviews")
        opener = getattr(view, "open_interview", None)
        if callable(opener):
            opener(interview_id, seconds)

    def rebuild(self) -> None:
        """Re-create every view (after the UI language changed)."""
        current = self.current_section() or "interviews"
        old = self.centralWidget()
        self.views = {}
        self._build()
        if old is not None:
            old.deleteLater()
        self.show_section(current)

    def closeEvent(self, event: QCloseEvent) -> None:
        for view in self.views.values():
            closer = getattr(view, "shutdown", None)
            if callable(closer):
                closer()
        self.ctx.runner.shutdown()
        super().closeEvent(event)
