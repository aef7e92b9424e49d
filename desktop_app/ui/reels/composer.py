"""The reel composer: name and audience, the ordered clips, and the trim / privacy / cards tabs.

Every edit goes to `ReelService` at once and the composer redraws from what it saved. Rendering
is a "render_reel" job (see render: progress in the sidebar and here); it stays disabled,
with the reason on screen, while any clip lacks consent for the chosen audience.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.reels import ReelItemView, ReelView
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.kit.tokens import CARD, INDIGO_500, LINE, LINE_STRONG
from desktop_app.ui.reels.clip_list import ClipListView
from desktop_app.ui.reels.highlight_picker import HighlightPickerDialog
from desktop_app.ui.reels.privacy import ReelPrivacyPanel
from desktop_app.ui.reels.render import RenderStatus
from desktop_app.ui.reels.style import (
    Banner,
    audience_choices,
    clip_count,
    format_length,
)
from desktop_app.ui.reels.titles import ReelTitlesPanel
from desktop_app.ui.reels.trimmer import ClipTrimmer

TRIM, PRIVACY, CARDS = range(3)


def file_name_for(name: str) -> str:
    slug = re.sub(r"[^\w\-]+", "-", name.strip(), flags=re.UNICODE).strip("-").lower()
    return f"{slug or 'reel'}.mp4"


def default_folder() -> Path:
    movies = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.MoviesLocation)
    return Path(movies) if movies and Path(movies).is_dir() else Path.home()


class ReelComposer(QWidget):
    """Edits one reel; `reel_changed(id)` when its name/length/audience changed."""

    reel_changed = Signal(int)
    present_requested = Signal(object)  # ReelView: present its clips from the recordings
    present_file_requested = Signal(str, str, list)  # path, title, chapter starts (s)

    def __init__(self, ctx: UiContext, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reels = ctx.services.reels
        self.language = language
        self.reel: ReelView | None = None
        self.active_dialog: object | None = None
        self._folder: Path | None = None
        self._lengths: dict[int, float] = {}  # interview id -> recording seconds
        self.ask_path: Callable[[str], Path | None] = self._ask_path
        self.render_status = RenderStatus(ctx.runner)
        self.render_status.present_file_requested.connect(self.present_file_requested)
        self.render_status.ended.connect(lambda: self._update_consent() if self.reel else None)
        self._build()

    # --- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("ReelName")
        self.name_edit.setStyleSheet(
            "QLineEdit#ReelName { font-size: 15pt; font-weight: bold; border: 1px solid "
            "transparent; background: transparent; padding: 2px 4px; }"
            f"QLineEdit#ReelName:hover {{ border-color: {LINE}; background: {CARD}; }}"
            f"QLineEdit#ReelName:focus {{ border-color: {INDIGO_500}; background: {CARD}; }}")
        self.name_edit.setToolTip(self.tr("Click to rename the reel"))
        self.name_edit.editingFinished.connect(self._rename)
        lay.addWidget(self.name_edit)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.meta = QLabel()
        self.meta.setObjectName("Muted")
        self.meta.setContentsMargins(6, 0, 0, 0)
        top.addWidget(self.meta, 1)
        audience = QLabel(self.tr("Audience"))
        audience.setObjectName("Muted")
        top.addWidget(audience)
        self.audience_box = QComboBox()
        for key, label in audience_choices():
            self.audience_box.addItem(label, key)
        self.audience_box.setToolTip(self.tr("Who will watch it: decides whose consent is "
                                             "needed"))
        self.audience_box.activated.connect(self._change_audience)
        self.present_button = QPushButton(self.tr("▶  Present"))
        self.present_button.setToolTip(self.tr("Play the clips full-screen from the recordings "
                                               "(no render needed)"))
        self.present_button.clicked.connect(
            lambda: self.present_requested.emit(self.reel) if self.reel else None)
        self.render_button = QPushButton(self.tr("Render MP4…"))
        self.render_button.setObjectName("PrimaryButton")
        self.render_button.clicked.connect(self.render)
        for w in (self.audience_box, self.present_button, self.render_button):
            top.addWidget(w, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addLayout(top)
        self.consent_banner = Banner()
        self.mask_banner = Banner()  # masked words the transcript changed under
        self.error_banner = Banner()
        for w in (self.consent_banner, self.mask_banner, self.render_status, self.error_banner):
            lay.addWidget(w)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.setHandleWidth(14)
        split.setStyleSheet("QSplitter::handle { background: transparent; }")
        split.addWidget(self._build_clips())
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.trimmer = ClipTrimmer(self.reels, self.ctx.services.tagging)
        self.trimmer.trimmed.connect(self._on_trimmed)
        self.privacy = ReelPrivacyPanel(self.reels)
        self.privacy.changed.connect(self._on_panel_changed)
        self.titles = ReelTitlesPanel(self.reels)
        self.titles.changed.connect(self._on_panel_changed)
        self.tabs.addTab(self.trimmer, self.tr("Trim"))
        self.tabs.addTab(self.privacy, self.tr("Privacy and output"))
        self.tabs.addTab(self.titles, self.tr("Title and end cards"))
        split.addWidget(self.tabs)
        # never narrower than the trim buttons need (their words are longer in Russian)
        self.tabs.setMinimumWidth(max(400, self.tabs.minimumSizeHint().width()))
        self.tabs.setMaximumWidth(560)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        lay.addWidget(split, 1)

    def _build_clips(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        head = QHBoxLayout()
        title = QLabel(self.tr("Clips"))
        title.setObjectName("SectionTitle")
        hint = QLabel(self.tr("drag to reorder"))
        hint.setObjectName("Muted")
        self.add_button = QPushButton(self.tr("+  Add highlights…"))
        self.add_button.clicked.connect(self.pick_highlights)
        head.addWidget(title)
        head.addSpacing(6)
        head.addWidget(hint)
        head.addStretch(1)
        head.addWidget(self.add_button)
        lay.addLayout(head)
        self.clip_stack = QStackedWidget()
        self.clip_list = ClipListView()
        self.clip_list.clips.move_requested.connect(self._on_move)
        self.clip_list.remove_requested.connect(self.remove_clip)
        self.clip_list.selected_changed.connect(self._on_selected)
        self.no_clips = QLabel(self.tr("No clips yet.\n\nAdd tagged highlights: the strongest "
                                       "moments of real customers, trimmed to the word."))
        self.no_clips.setObjectName("Muted")
        self.no_clips.setWordWrap(True)
        self.no_clips.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_clips.setStyleSheet(f"QLabel {{ border: 1px dashed {LINE_STRONG};"
                                    " border-radius: 10px; padding: 24px; }")
        self.clip_stack.addWidget(self.clip_list)
        self.clip_stack.addWidget(self.no_clips)
        lay.addWidget(self.clip_stack, 1)
        return box

    # --- loading ---------------------------------------------------------------------------------

    def set_reel(self, reel_id: int | None) -> None:
        if self.reel is not None and reel_id != self.reel.id:
            self.titles.save_pending()
            self.render_status.clear()
            self.error_banner.hide()
        if reel_id is None:
            self.reel = None
            self.trimmer.set_item(None)
            return
        self.reload(reel_id)

    def reload(self, reel_id: int | None = None, keep: int | None = None) -> None:
        reel_id = reel_id if reel_id is not None else (self.reel.id if self.reel else None)
        if reel_id is None:
            return
        try:
            reel = self.reels.get(reel_id)
        except CloserError:
            self.set_reel(None)
            return
        self._show(reel, keep)

    def _show(self, reel: ReelView, keep: int | None = None) -> None:
        another = self.reel is None or self.reel.id != reel.id
        self.reel = reel
        if another or not self.name_edit.hasFocus():  # never overwrite what is being typed
            self.name_edit.setText(reel.name)
            self.name_edit.setCursorPosition(0)
        self.audience_box.setCurrentIndex(self.audience_box.findData(reel.audience))
        self.meta.setText(self.tr("{0} · {1} with cards").format(
            clip_count(len(reel.items)), format_length(reel.duration_s)))
        self.clip_list.set_items(reel.items, keep, self._durations(reel))
        self.clip_stack.setCurrentWidget(self.clip_list if reel.items else self.no_clips)
        self.titles.set_reel(reel)
        self._update_consent()

    def _durations(self, reel: ReelView) -> dict[int, float]:
        for iid in {i.interview_id for i in reel.items} - set(self._lengths):
            try:
                self._lengths[iid] = self.ctx.services.interviews.get(iid).duration_s
            except CloserError:
                self._lengths[iid] = 0.0
        return self._lengths

    def _update_consent(self) -> None:
        reel = self.reel
        assert reel is not None
        issues = self.reels.consent_issues(reel.id)
        warnings = [i for i in reel.items if i.consent_ok and i.consent_problem]
        masks = [w for i in reel.items for w in i.mask_warnings]
        if masks:
            self.mask_banner.show_message("warning", self.tr(
                "The transcript changed under masked words; check them before you render:")
                + "\n• " + "\n• ".join(masks))
        else:
            self.mask_banner.hide()
        has_clips = bool(reel.items)
        self.present_button.setEnabled(has_clips)
        busy = self.render_status.busy()
        if issues:
            reason = self.tr("Rendering is off: {0} may not be shown to this audience. Remove "
                             "them, choose a narrower audience, or record the customer's consent "
                             "on the interview page.").format(
                                 clip_count(len(issues)))
            self.consent_banner.show_message("error", reason + "\n• " + "\n• ".join(issues))
            self.render_button.setEnabled(False)
            self.render_button.setToolTip(reason)
        else:
            if warnings:
                self.consent_banner.show_message("warning", self.tr(
                    "{0} without recorded consent: fine for internal meetings only.").format(
                        clip_count(len(warnings))))
            else:
                self.consent_banner.hide()
            self.render_button.setEnabled(has_clips and not busy)
            self.render_button.setToolTip(
                self.tr("A render is running") if busy else
                self.tr("Render an MP4 file to share") if has_clips else
                self.tr("Add clips first"))

    # --- clips -----------------------------------------------------------------------------------

    def pick_highlights(self) -> None:
        if self.reel is None:
            return
        existing = {i.highlight_id for i in self.reel.items if i.highlight_id is not None}
        dialog = HighlightPickerDialog(self.ctx.services, exclude_ids=existing,
                                       language=self.language,
                                       title=self.tr("Add highlights to “{0}”")
                                       .format(self.reel.name), parent=self)
        open_dialog(self, dialog, lambda: self.add_highlights(dialog.selected_ids()))

    def add_highlights(self, ids: list[int]) -> None:
        """Append these highlights as clips; clips that cannot be added are explained."""
        if self.reel is None:
            return
        problems, last = [], None
        for hid in ids:
            try:
                last = self.reels.add_item(self.reel.id, highlight_id=hid).id
            except CloserError as exc:
                problems.append(str(exc))
        self._report(problems)
        self.reload(keep=last)
        self.reel_changed.emit(self.reel.id)

    def remove_clip(self, item_id: int) -> None:
        try:
            reel = self.reels.remove_item(item_id)
        except CloserError as exc:
            self._report([str(exc)])
            return
        self._show(reel)
        self.reel_changed.emit(reel.id)

    def _on_move(self, item_id: int, position: int) -> None:
        # not inside the drag-and-drop handling that asked for it: the model is busy there
        QTimer.singleShot(0, lambda: self.move_clip(item_id, position))

    def move_clip(self, item_id: int, position: int) -> None:
        try:
            reel = self.reels.move_item(item_id, position)
        except CloserError as exc:
            self._report([str(exc)])
            return
        self._show(reel, keep=item_id)

    def _on_selected(self, item: ReelItemView | None) -> None:
        self.trimmer.set_item(item)
        self.privacy.set_reel(self.reel, item)

    def _on_trimmed(self, item: ReelItemView) -> None:
        self.reload(keep=item.id)
        if self.reel is not None:
            self.reel_changed.emit(self.reel.id)

    def _on_panel_changed(self, reel: ReelView) -> None:
        self.reel = reel
        self.meta.setText(self.tr("{0} · {1} with cards").format(
            clip_count(len(reel.items)), format_length(reel.duration_s)))
        self.reel_changed.emit(reel.id)

    def _report(self, problems: list[str]) -> None:
        if problems:
            self.error_banner.show_message("error", "\n".join(problems),
                                           [(self.tr("Dismiss"), self.error_banner.hide)])
        else:
            self.error_banner.hide()

    # --- header edits ----------------------------------------------------------------------------

    def _rename(self) -> None:
        if self.reel is None or self.name_edit.text().strip() == self.reel.name:
            return
        try:
            self.reel = self.reels.update(self.reel.id, name=self.name_edit.text())
        except CloserError as exc:
            self.name_edit.setText(self.reel.name)
            self._report([str(exc)])
            return
        self.reel_changed.emit(self.reel.id)

    def _change_audience(self) -> None:
        if self.reel is None:
            return
        audience = self.audience_box.currentData()
        if audience != self.reel.audience:
            self._show(self.reels.update(self.reel.id, audience=audience))
            self.reel_changed.emit(self.reel.id)

    # --- rendering -------------------------------------------------------------------------------

    def _ask_path(self, suggested: str) -> Path | None:
        folder = self._folder or default_folder()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Render reel"),
                                              str(folder / suggested),
                                              self.tr("MP4 video (*.mp4)"))
        return Path(path) if path else None

    def render(self) -> None:
        """Ask where to save, then render in the background (refused with consent issues)."""
        reel = self.reel
        if reel is None or not reel.items or self.render_status.busy():
            return
        if self.reels.consent_issues(reel.id):
            self._update_consent()
            return
        path = self.ask_path(file_name_for(reel.name))
        if path is None:
            return
        if path.suffix.lower() != ".mp4":
            path = path.with_suffix(".mp4")
        self._folder = path.parent
        self.render_status.start(reel, path)
        self._update_consent()

    def shutdown(self) -> None:
        self.titles.save_pending()
        self.trimmer.shutdown()
