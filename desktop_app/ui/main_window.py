"""The main window: a sidebar of sections, the page stack, and background work in the sidebar.

Each section's view is built on its first visit (start-up pays only for the page it shows) and is
wired to the others through explicit signals: the recorder launcher, "Make a reel from these",
"open this interview" and "show that section" requests on `LibraryEvents`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
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
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.jobs_panel import JobsPanel
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.recorder.launcher import RecorderLauncher


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


# Factories import their view on first use, so start-up loads only the page it shows.
def _schedule(ctx: UiContext) -> SectionView:
    from desktop_app.ui.schedule.view import ScheduleView
    return ScheduleView(ctx)


def _interviews(ctx: UiContext) -> SectionView:
    from desktop_app.ui.interviews.view import InterviewsView
    return InterviewsView(ctx)


def _insights(ctx: UiContext) -> SectionView:
    from desktop_app.ui.insights.view import InsightsView
    return InsightsView(ctx)


def _reels(ctx: UiContext) -> SectionView:
    from desktop_app.ui.reels.view import ReelsView
    return ReelsView(ctx)


def _customers(ctx: UiContext) -> SectionView:
    from desktop_app.ui.people.customers_view import CustomersView
    return CustomersView(ctx)


def _touchpoints(ctx: UiContext) -> SectionView:
    from desktop_app.ui.people.touchpoints_view import TouchpointsView
    return TouchpointsView(ctx)


def _settings(ctx: UiContext) -> SectionView:
    from desktop_app.ui.settings.view import SettingsView
    return SettingsView(ctx)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    build: Callable[[UiContext], SectionView]


def sections() -> list[Section]:
    return [
        Section("schedule", _t("Schedule"), _schedule),
        Section("interviews", _t("Interviews"), _interviews),
        Section("insights", _t("Insights"), _insights),
        Section("reels", _t("Reels"), _reels),
        Section("customers", _t("Customers & Personas"), _customers),
        Section("touchpoints", _t("Touchpoints"), _touchpoints),
        Section("settings", _t("Settings"), _settings),
    ]


class _Views(Mapping[str, SectionView]):
    """The section views by key; looking one up builds it if it was not visited yet."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getitem__(self, key: str) -> SectionView:
        return self._window.view(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._window.section_keys())

    def __len__(self) -> int:
        return len(self._window.section_keys())


class MainWindow(QMainWindow):
    """Sidebar navigation over the section views."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle("Closer")
        self.resize(1280, 800)
        self.setMinimumSize(960, 600)
        self.recorder_launcher = RecorderLauncher(self, ctx)
        self._sections: list[Section] = []
        self._built: dict[str, SectionView] = {}
        self._holders: dict[str, QWidget] = {}
        self._build()
        ctx.events.open_interview.connect(self.show_interview)
        ctx.events.play_interview_at.connect(self.play_interview_at)
        ctx.events.section_requested.connect(self.show_section)
        for i, section in enumerate(self._sections):
            sc = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            sc.activated.connect(lambda k=section.key: self.show_section(k))

    @property
    def views(self) -> Mapping[str, SectionView]:
        """Every section's view by key (built on first access)."""
        return _Views(self)

    def built_views(self) -> dict[str, SectionView]:
        """Only the views built so far."""
        return dict(self._built)

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
        self._sections = sections()
        self._built = {}
        self._holders = {}
        for section in self._sections:
            holder = QWidget()  # stands in the stack until the section is first visited
            self._holders[section.key] = holder
            self.pages.addWidget(holder)
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)
        self.show_section("interviews")

    def view(self, key: str) -> SectionView:
        """The view of a section, built and wired on first use."""
        built = self._built.get(key)
        if built is not None:
            return built
        section = next(s for s in self._sections if s.key == key)
        view = section.build(self.ctx)
        view.setObjectName(f"view_{key}")
        holder = self._holders.pop(key)
        index = self.pages.indexOf(holder)
        self.pages.insertWidget(index, view)
        if self.pages.currentWidget() is holder:
            self.pages.setCurrentWidget(view)
        self.pages.removeWidget(holder)
        holder.deleteLater()
        self._built[key] = view
        self._wire(key, view)
        return view

    def _wire(self, key: str, view: SectionView) -> None:
        """Connect a freshly built view's requests to the window and the recorder."""
        from desktop_app.ui.insights.view import InsightsView
        from desktop_app.ui.interviews.view import InterviewsView
        from desktop_app.ui.schedule.view import ScheduleView

        if isinstance(view, ScheduleView):
            view.record_requested.connect(self.recorder_launcher.record_occurrence)
        elif isinstance(view, InterviewsView):
            view.record_requested.connect(self.recorder_launcher.record_for_customer)
        elif isinstance(view, InsightsView):
            view.make_reel_requested.connect(self._make_reel)

    def section_keys(self) -> list[str]:
        return [s.key for s in self._sections]

    def current_section(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_section(self, key: str) -> SectionView:
        self.nav.setCurrentRow(self.section_keys().index(key))
        return self.view(key)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        key = self._sections[row].key
        fresh = key not in self._built
        view = self.view(key)
        self.pages.setCurrentWidget(view)
        if not (fresh and view.reads_on_build):  # else it has just read its data
            view.refresh()

    def _make_reel(self, highlight_ids: list[int]) -> None:
        """Insights' "Make a reel from these": a new reel from the cell's highlights."""
        from desktop_app.ui.reels.view import ReelsView

        view = self.show_section("reels")
        assert isinstance(view, ReelsView)
        try:
            view.create_reel_from_highlights(list(highlight_ids))
        except CloserError as exc:
            QMessageBox.warning(self, _t("Could not make the reel"), str(exc))

    def show_interview(self, interview_id: int) -> None:
        self.show_interview_at(interview_id, -1.0)

    def show_interview_at(self, interview_id: int, seconds: float) -> None:
        from desktop_app.ui.interviews.view import InterviewsView

        view = self.show_section("interviews")
        assert isinstance(view, InterviewsView)
        view.open_interview(interview_id, seconds if seconds >= 0 else None)

    def play_interview_at(self, interview_id: int, seconds: float) -> None:
        """Open an interview at a moment and start playing (a highlight's Play)."""
        from desktop_app.ui.interviews.view import InterviewsView

        view = self.show_section("interviews")
        assert isinstance(view, InterviewsView)
        view.open_interview(interview_id, max(0.0, seconds), play=True)

    def rebuild(self) -> None:
        """Re-create every view (after the UI language changed)."""
        current = self.current_section() or "interviews"
        old = self.centralWidget()
        for view in self._built.values():
            view.shutdown()
        self._build()
        if old is not None:
            old.deleteLater()
        self.show_section(current)

    def closeEvent(self, event: QCloseEvent) -> None:
        for view in self._built.values():
            view.shutdown()
        self.ctx.runner.shutdown()
        super().closeEvent(event)
