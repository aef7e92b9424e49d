"""Rendering a reel from the composer: the "render_reel" job, its banner and progress line, and
what to do with the file afterwards (open its folder, present it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from desktop_app.domain.reels import ReelView
from desktop_app.ui.kit.folders import open_folder
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.reels.jobs import JobTracker
from desktop_app.ui.reels.style import Banner, format_length


class RenderStatus(QWidget):
    """Starts a render and shows how it goes; `ended` when it stops, either way."""

    present_file_requested = Signal(str, str, list)  # path, title, chapter starts (s)
    ended = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.last_result: dict = {}
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.tracker = JobTracker(runner, self)
        self.tracker.progressed.connect(lambda f, _m: self.progress.setValue(int(f * 1000)))
        self.tracker.succeeded.connect(self._on_rendered)
        self.tracker.failed.connect(self._on_failed)
        self.tracker.cancelled.connect(self._on_cancelled)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.banner = Banner()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        lay.addWidget(self.banner)
        lay.addWidget(self.progress)

    def busy(self) -> bool:
        return self.tracker.busy()

    def start(self, reel: ReelView, path: Path) -> None:
        """Render `reel` to `path` with its own options, in the background."""
        o = reel.options
        payload = {"reel_id": reel.id, "out": str(path), "captions": o.captions,
                   "blur_faces": o.blur_faces, "height": o.height}
        self.tracker.submit("render_reel", payload,
                            title=self.tr("Render “{0}”").format(reel.name), target_id=reel.id)
        self.banner.show_message(
            "info", self.tr("Rendering “{0}” to {1}… You can keep working; progress is also in "
                            "the sidebar.").format(reel.name, path.name),
            [(self.tr("Cancel"), self.tracker.cancel)])
        self.progress.setValue(0)
        self.progress.show()

    def clear(self) -> None:
        """Forget the last render's banner (another reel is shown); a running one stays."""
        if not self.busy():
            self.banner.hide()
            self.progress.hide()

    def _on_rendered(self, result: dict) -> None:
        self.last_result = result
        self.progress.hide()
        path = Path(str(result.get("path", "")))
        size = f"{result.get('width', '?')}×{result.get('height', '?')}"
        chapters = [float(c.get("out_start", 0.0)) for c in result.get("clips", [])]
        self.banner.show_message(
            "success", self.tr("Saved {0} · {1} · {2}").format(
                path.name, format_length(float(result.get("duration_s", 0.0))), size),
            [(self.tr("Open folder"),
              lambda: self._open_folder(path.parent)),
             (self.tr("Present"), lambda: self.present_file_requested.emit(
                 str(path), path.stem, chapters))])
        self.ended.emit()

    def _open_folder(self, folder: Path) -> None:
        self.folder_message = open_folder(folder, self, opener=self.open_url)

    def _on_failed(self, error: str) -> None:
        self.progress.hide()
        self.banner.show_message("error", self.tr("Rendering failed: {0}").format(error),
                                 [(self.tr("Dismiss"), self.banner.hide)])
        self.ended.emit()

    def _on_cancelled(self) -> None:
        self.progress.hide()
        self.banner.show_message("warning", self.tr("Rendering cancelled."),
                                 [(self.tr("Dismiss"), self.banner.hide)])
        self.ended.emit()
