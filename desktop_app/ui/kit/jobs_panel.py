"""Background work shown in the sidebar: each running job with progress, ETA and Cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.kit.elided_fields import ElidedTextLabel
from desktop_app.ui.kit.jobs import JobRunner


def format_eta(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


class _JobRow(QWidget):
    def __init__(self, job_id: int, title: str, runner: JobRunner) -> None:
        super().__init__()
        self.job_id = job_id
        self.started = time.monotonic()
        self.first_fraction: float | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 4)
        lay.setSpacing(2)
        top = QHBoxLayout()
        self.title = ElidedTextLabel(title)  # a file name of any length stops short of Cancel
        self.title.setObjectName("JobTitle")
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setObjectName("LinkButton")
        self.cancel.setCursor(Qt.CursorShape.PointingHandCursor)
        self.cancel.clicked.connect(lambda: runner.cancel(job_id))
        top.addWidget(self.title, 1)
        top.addWidget(self.cancel)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        self.detail = QLabel(self.tr("Waiting…"))
        self.detail.setObjectName("JobDetail")
        lay.addLayout(top)
        lay.addWidget(self.bar)
        lay.addWidget(self.detail)

    def update_progress(self, done: float, total: float, message: str) -> None:
        frac = 0.0 if total <= 0 else max(0.0, min(1.0, done / total))
        self.bar.setValue(int(frac * 1000))
        now = time.monotonic()
        if self.first_fraction is None:
            self.first_fraction, self.started = frac, now
        eta = ""
        gained = frac - self.first_fraction
        if gained > 0.01 and frac < 1.0:
            remaining = (now - self.started) / gained * (1.0 - frac)
            eta = self.tr(" · {0} left").format(format_eta(remaining))
        self.detail.setText(f"{int(frac * 100)}%{eta}")
        if message:
            self.detail.setToolTip(message)


class JobsPanel(QWidget):
    """Lists active jobs; hides itself when there are none."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("JobsPanel")
        self._runner = runner
        self._rows: dict[int, _JobRow] = {}
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(12, 8, 12, 8)
        header = QLabel(self.tr("Working on"))
        header.setObjectName("SidebarHeader")
        self._lay.addWidget(header)
        runner.submitted.connect(self._on_submitted)
        runner.progress.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        self.setVisible(False)

    def rows(self) -> dict[int, _JobRow]:
        return dict(self._rows)

    def _on_submitted(self, job_id: int) -> None:
        if job_id in self._rows:
            return
        info = self._runner.info(job_id)
        row = _JobRow(job_id, info.title or info.kind, self._runner)
        self._rows[job_id] = row
        self._lay.addWidget(row)
        self.setVisible(True)

    def _on_progress(self, job_id: int, done: float, total: float, message: str) -> None:
        row = self._rows.get(job_id)
        if row is not None:
            row.update_progress(done, total, message)

    def _on_finished(self, job_id: int, _status: str) -> None:
        row = self._rows.pop(job_id, None)
        if row is not None:
            row.setParent(None)
            row.deleteLater()
        self.setVisible(bool(self._rows))
