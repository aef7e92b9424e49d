"""The Reels section: compose highlight reels, present them at staff meetings, render MP4s, and
build onboarding playlists (the "Playlists" tab).

Left: the reels; right: the composer of the selected one. "Present" plays the clips full-screen
straight from the recordings (or, with privacy on, from copies rendered for the audience);
the main window calls `create_reel_from_highlights(ids)` when the
Insights heatmap asks for a reel.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.reels import ReelView
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.reels_present import needs_private_copies
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.i18n import resolve_language
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.section import SectionView
from desktop_app.ui.kit.tokens import PAGE_MARGINS
from desktop_app.ui.reels.auto_dialog import AutoReelDialog
from desktop_app.ui.reels.composer import ReelComposer
from desktop_app.ui.reels.jobs import JobTracker
from desktop_app.ui.reels.list_page import ReelListPanel
from desktop_app.ui.reels.playlists import PlaylistsPage
from desktop_app.ui.reels.present import presenter_clips
from desktop_app.ui.reels.presenter import PresenterWindow
from desktop_app.ui.reels.style import clip_count

REELS, PLAYLISTS = range(2)


class ReelsView(SectionView):
    """Reels and onboarding playlists."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.services = ctx.services
        self.reels = ctx.services.reels
        self.language = resolve_language(ctx.services.settings.ui_language)
        self.presenter: PresenterWindow | None = None
        self.active_dialog: object | None = None
        self.fullscreen_presenter = True
        self._current: int | None = None
        self._pending: ReelView | None = None
        self.preparing = JobTracker(ctx.runner, self)
        self.preparing.succeeded.connect(self._on_prepared)
        self.preparing.failed.connect(self._on_prepare_failed)
        self.preparing.cancelled.connect(lambda: self._on_prepare_failed(self.tr("cancelled")))
        self._build()
        ctx.events.highlights_changed.connect(self._on_library_changed)
        ctx.events.interviews_changed.connect(self._on_library_changed)
        ctx.events.customers_changed.connect(self._on_library_changed)
        self.refresh()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(*PAGE_MARGINS)
        root.setSpacing(0)
        root.addWidget(PageHeader(self.tr("Reels"),
                                  self.tr("Short clips of real customers, for staff meetings "
                                          "and onboarding.")))
        root.addSpacing(12)
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setDrawBase(True)
        self.tabs.setExpanding(False)
        self.tabs.addTab(self.tr("Reels"))
        self.tabs.addTab(self.tr("Onboarding playlists"))
        self.tabs.currentChanged.connect(self._on_tab)
        root.addWidget(self.tabs)
        root.addSpacing(16)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        reels_page = QWidget()
        lay = QHBoxLayout(reels_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(20)
        self.list_panel = ReelListPanel()
        self.list_panel.selected.connect(self.select_reel)
        self.list_panel.new_requested.connect(self.new_reel)
        self.list_panel.auto_requested.connect(self.auto_reel)
        self.list_panel.delete_requested.connect(self.delete_reel)
        lay.addWidget(self.list_panel)
        self.right = QStackedWidget()
        self.composer = ReelComposer(self.ctx, self.language)
        self.composer.reel_changed.connect(self._on_reel_changed)
        self.composer.present_requested.connect(self.present_reel)
        self.composer.present_file_requested.connect(self.present_file)
        self.empty = EmptyState(
            self.tr("Let your team hear the customer"),
            self.tr("A reel is a few short clips of real customers: the strongest moments of a "
                    "touchpoint, trimmed to the word. Present it full-screen at a staff meeting "
                    "or add it to an onboarding playlist."),
            self.tr("Auto reel…"))
        self.empty.action_clicked.connect(self.auto_reel)
        self.no_highlights = EmptyState(
            self.tr("Tag a few moments first"),
            self.tr("Reels are made of highlights. Open an interview, select the words where "
                    "the customer struggles and tag a touchpoint and a problem zone; then come "
                    "back to build a reel."))
        for w in (self.composer, self.empty, self.no_highlights):
            self.right.addWidget(w)
        lay.addWidget(self.right, 1)
        self.pages.addWidget(reels_page)
        self.playlists = PlaylistsPage(self.ctx)
        self.pages.addWidget(self.playlists)

    # --- public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the reels (and the playlists when that tab is shown)."""
        summaries = self.reels.list()
        ids = [r.id for r in summaries]
        if self._current not in ids:
            self._current = ids[0] if ids else None
        self.list_panel.set_reels(summaries, self._current)
        if self._current is None:
            has_highlights = bool(self.services.tagging.list())
            self.right.setCurrentWidget(self.empty if has_highlights else self.no_highlights)
            self.composer.set_reel(None)
        else:
            self.right.setCurrentWidget(self.composer)
            self.composer.reload(self._current)
        if self.tabs.currentIndex() == PLAYLISTS:
            self.playlists.refresh()

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(PLAYLISTS if name == "playlists" else REELS)

    def select_reel(self, reel_id: int) -> None:
        self._current = reel_id
        self.list_panel.select(reel_id)
        self.right.setCurrentWidget(self.composer)
        self.composer.set_reel(reel_id)

    def create_reel_from_highlights(self, ids: Sequence[int]) -> int:
        """A new reel with a clip per highlight (from the Insights heatmap); shown at once."""
        reel = self.reels.create(self._name_for(list(ids)), highlight_ids=list(ids))
        self.show_tab("reels")
        self._current = reel.id
        self.refresh()
        self.select_reel(reel.id)
        return reel.id

    def new_reel(self) -> None:
        reel = self.reels.create(self.tr("Untitled reel"))
        self._current = reel.id
        self.refresh()
        self.select_reel(reel.id)
        self.composer.name_edit.setFocus()
        self.composer.name_edit.selectAll()

    def auto_reel(self) -> None:
        dialog = AutoReelDialog(self.services, language=self.language, parent=self)

        def created() -> None:
            if dialog.created_id is not None:
                self._current = dialog.created_id
                self.refresh()
                self.select_reel(dialog.created_id)

        open_dialog(self, dialog, created)

    def delete_reel(self, reel_id: int) -> None:
        name = next((r.name for r in self.reels.list() if r.id == reel_id), "")
        answer = QMessageBox.question(
            self, self.tr("Delete reel"),
            self.tr("Delete the reel “{0}”? The interviews and highlights stay; rendered files "
                    "are not touched.").format(name))
        if answer == QMessageBox.StandardButton.Yes:
            self.reels.delete(reel_id)
            if self._current == reel_id:
                self._current = None
            self.refresh()

    def present_reel(self, reel: ReelView) -> PresenterWindow | None:
        """Play the reel's clips full-screen.

        Clips whose customer did not consent to the reel's audience are left out, and the
        composer says so. Without privacy options the clips play straight from the recordings;
        with faces blurred or words masked, each clip is first rendered as the audience would
        see it (the "prepare_presentation" job; cached) and the presenter opens when they are
        ready (None is returned then)."""
        allowed = [i for i in reel.items if i.consent_ok]
        left_out = len(reel.items) - len(allowed)
        banner = self.composer.error_banner
        if left_out:
            text = self.tr("{0} left out of the presentation: no valid consent for this "
                           "audience.").format(clip_count(left_out))
            text += "".join(f"\n• {i.customer}: {i.consent_problem}"
                            for i in reel.items if not i.consent_ok)
            banner.show_message("warning" if allowed else "error", text,
                                [(self.tr("Dismiss"), banner.hide)])
        if not allowed:
            return None
        shown = replace(reel, items=tuple(allowed))
        if needs_private_copies(shown):
            self._prepare_private(shown)
            return None
        clips = presenter_clips(self.services, shown, self.language)
        self.reels.record_presentation(reel.id, [i.id for i in shown.items])  # audit log
        return self._open_presenter(PresenterWindow(clips, title=reel.name))

    def _prepare_private(self, reel: ReelView) -> None:
        if self.preparing.busy():
            return
        self._pending = reel
        self.preparing.submit("prepare_presentation",
                              {"reel_id": reel.id, "item_ids": [i.id for i in reel.items]},
                              title=self.tr("Prepare “{0}” for presenting").format(reel.name),
                              target_id=reel.id)
        self.composer.error_banner.show_message(
            "info", self.tr("Preparing the presentation with faces blurred and words masked, "
                            "as this audience sees them…"),
            [(self.tr("Cancel"), self.preparing.cancel)])

    def _on_prepared(self, result: dict) -> None:
        reel, self._pending = self._pending, None
        self.composer.error_banner.hide()
        if reel is None:
            return
        copies = {int(c["item_id"]): str(c["path"]) for c in result.get("clips", [])}
        clips = presenter_clips(self.services, reel, self.language, copies)
        self.reels.record_presentation(reel.id, [i.id for i in reel.items])  # audit log
        self._open_presenter(PresenterWindow(clips, title=reel.name))

    def _on_prepare_failed(self, error: str) -> None:
        self._pending = None
        banner = self.composer.error_banner
        banner.show_message("error", self.tr("The presentation could not be prepared: {0}")
                            .format(error), [(self.tr("Dismiss"), banner.hide)])

    def present_file(self, path: str, title: str = "",
                     chapters: Sequence[float] = ()) -> PresenterWindow:
        """Play a rendered reel file full-screen."""
        return self._open_presenter(PresenterWindow.for_file(Path(path), title=title,
                                                             chapters=list(chapters)))

    def shutdown(self) -> None:
        if self.presenter is not None:
            self.presenter.close()
        self.composer.shutdown()

    # --- internals -------------------------------------------------------------------------------

    def _open_presenter(self, window: PresenterWindow) -> PresenterWindow:
        if self.presenter is not None:
            self.presenter.close()
        self.presenter = window
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(lambda w=window: self._presenter_closed(w))
        window.present(fullscreen=self.fullscreen_presenter)
        return window

    def _presenter_closed(self, window: PresenterWindow) -> None:
        if self.presenter is window:
            self.presenter = None

    def _name_for(self, ids: list[int]) -> str:
        highlights = self.services.tagging.list_by_ids(ids) if ids else []
        touchpoints = {t for h in highlights for t in h.touchpoints[:1]}
        zones = {z for h in highlights for z in h.zones[:1]}
        if len(touchpoints) == 1:
            parts = [next(iter(touchpoints))]
            if len(zones) == 1:
                key = next(iter(zones))
                zone = next((zone_display_name(z.name, z.name_ru, self.language)
                             for z in self.services.library.zones() if z.key == key), key)
                parts.append(zone)
            return self.tr("{0}: customer voices").format(" · ".join(parts))
        return self.tr("%n customer moment(s)", "", len(ids)) if ids \
            else self.tr("Untitled reel")

    def _on_reel_changed(self, reel_id: int) -> None:
        self.list_panel.set_reels(self.reels.list(), reel_id)

    def _on_tab(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if index == PLAYLISTS:
            self.playlists.refresh()
        else:
            self.refresh()

    def _on_library_changed(self, *_args: object) -> None:
        if self.isVisible():
            with contextlib.suppress(CloserError):
                self.refresh()
