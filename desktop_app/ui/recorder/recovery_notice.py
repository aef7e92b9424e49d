"""At start-up: recover recordings a crash interrupted, then say what was saved.

`start_recovery(window, services, runner)` looks for interviews left in status "recording"
(cheap: one query and a few file checks). When there are some, a "recover_recordings" job runs
in the job queue (visible in the sidebar): each crash-safe partial file is remuxed into a
playable recording and attached to its interview. A non-modal notice then lists what was
recovered and how long each recording is, and the transcriptions are queued.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.recording import clock
from desktop_app.services.container import Services
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.kit.tokens import qss

JOB_KIND = "recover_recordings"
NOTICE_QSS = qss("""
QLabel#NoticeIcon { background: @SUCCESS_SOFT; color: @SUCCESS; border-radius: 20px;
    font-size: 15pt;
    font-weight: bold; min-width: 40px; max-width: 40px; min-height: 40px; max-height: 40px; }
QLabel#NoticeIcon[kind="error"] { background: @RED_100; color: @DANGER_DARK; }
QLabel#NoticeTitle { font-size: 13pt; font-weight: bold; }
QLabel#NoticeItem { background: @SURFACE; border: 1px solid @LINE; border-radius: 8px;
    padding: 8px 12px; }
""")


class RecoveryNotice(QDialog):
    """What was recovered (interview, length) and what could not be."""

    open_interview = Signal(int)

    def __init__(self, results: list[dict[str, Any]], *, transcribing: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(NOTICE_QSS)
        self.setWindowTitle(self.tr("Recordings recovered"))
        self.setMinimumWidth(520)
        ok = [r for r in results if not r.get("error")]
        failed = [r for r in results if r.get("error")]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 22, 24, 18)
        lay.setSpacing(10)
        head = QHBoxLayout()
        head.setSpacing(14)
        icon = QLabel("✓" if ok else "!")
        icon.setObjectName("NoticeIcon")
        icon.setProperty("kind", "ok" if ok else "error")
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(
            self.tr("%n interrupted recording(s) recovered", "", len(ok)) if ok else
            self.tr("An interrupted recording could not be recovered"))
        title.setObjectName("NoticeTitle")
        title.setWordWrap(True)
        head.addWidget(icon)
        head.addWidget(title, 1)
        lay.addLayout(head)
        intro = QLabel(self.tr("Closer stopped while recording. Everything written before it "
                               "stopped is saved with the interview."))
        intro.setObjectName("Muted")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.items: list[QLabel] = []
        for r in ok:
            self._item(self.tr("{0} — {1} recorded").format(
                r.get("title") or r.get("customer", ""), clock(float(r["duration_s"]))))
        for r in failed:
            self._item(self.tr("{0} — nothing could be recovered: {1}").format(
                r.get("title") or r.get("customer", ""), r["error"]))
        if ok:
            note = QLabel(self.tr("Transcription is queued.") if transcribing else
                          self.tr("Transcribe them from the interview page."))
            note.setObjectName("Muted")
            lay.addWidget(note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button: QPushButton | None = None
        if len(ok) == 1:
            self.open_button = QPushButton(self.tr("Open interview"))
            iid = int(ok[0]["interview_id"])
            self.open_button.clicked.connect(lambda: (self.open_interview.emit(iid),
                                                      self.accept()))
            buttons.addWidget(self.open_button)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setObjectName("PrimaryButton")
        self.ok_button.clicked.connect(self.accept)
        buttons.addWidget(self.ok_button)
        lay.addLayout(buttons)

    def _item(self, text: str) -> None:
        label = QLabel(text)
        label.setObjectName("NoticeItem")
        label.setWordWrap(True)
        self.layout().addWidget(label)
        self.items.append(label)


class RecoveryWatcher(QObject):
    """Submits the recovery job when needed and shows the notice when it ends."""

    recovered = Signal(list)  # the job's result: one dict per interview

    def __init__(self, window: QWidget, services: Services, runner: JobRunner,
                 events: Any = None) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.runner = runner
        self.events = events
        self.job_id: int | None = None
        self.notice: RecoveryNotice | None = None
        runner.finished.connect(self._on_finished)

    def check(self) -> int | None:
        """Queue the recovery if a recording was interrupted (or join one already queued)."""
        active = [j for j in self.runner.service.list(active_only=True) if j.kind == JOB_KIND]
        if active:
            self.job_id = active[0].id
            return self.job_id
        if not self.services.recording.interrupted():
            return None
        self.job_id = self.runner.submit(JOB_KIND, {},
                                         title=self.tr("Recovering interrupted recordings"))
        return self.job_id

    def _on_finished(self, job_id: int, status: str) -> None:
        try:
            info = self.runner.info(job_id)
        except CloserError:
            return
        if info.kind != JOB_KIND or status != "done":
            return
        results = list(info.result.get("recovered") or [])
        if not results:
            return
        transcribing = False
        for r in results:
            if not r.get("error") and r.get("has_audio") and self._transcribe(r):
                transcribing = True
        if self.events is not None:
            self.events.interviews_changed.emit(
                [int(r["interview_id"]) for r in results if r.get("interview_id")])
        self.notice = RecoveryNotice(results, transcribing=transcribing, parent=self.window)
        if self.events is not None:
            self.notice.open_interview.connect(self.events.open_interview)
        self.notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice.open()
        self.recovered.emit(results)

    def _transcribe(self, r: dict[str, Any]) -> bool:
        iid = int(r["interview_id"])
        if not self.services.settings.auto_transcribe:
            return False
        if self.runner.service.find_active("transcribe", iid) is None:
            self.runner.submit("transcribe", {"interview_id": iid},
                               title=self.tr("Transcribing {0}").format(r.get("title", "")),
                               target_id=iid)
        return True


def start_recovery(window: QWidget, services: Services, runner: JobRunner,
                   events: Any = None) -> RecoveryWatcher:
    """Check once the event loop runs (after jobs left by a crash were resumed)."""
    watcher = RecoveryWatcher(window, services, runner, events)
    QTimer.singleShot(0, watcher.check)
    return watcher
