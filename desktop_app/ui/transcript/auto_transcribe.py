"""Auto-transcribe after import: when an import job ends well, queue its transcription.

The importer itself never transcribes (the CLI imports without it); this GUI-side listener
does, when Settings › "Transcribe automatically after import" is on. Duplicates (the file was
already in the library) and recordings without sound are skipped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.domain.errors import CloserError
from desktop_app.services.container import Services
from desktop_app.ui.kit.jobs import JobRunner


class AutoTranscriber(QObject):
    """Listens to `runner.finished`; submits a "transcribe" job per newly imported interview."""

    queued = Signal(int, int)  # interview id, transcribe job id

    def __init__(self, services: Services, runner: JobRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        runner.finished.connect(self._on_finished)

    def _on_finished(self, job_id: int, status: str) -> None:
        if status != "done" or not self._services.settings.auto_transcribe:
            return
        try:
            info = self._runner.info(job_id)
        except CloserError:
            return
        result = info.result
        if info.kind != "import" or not result.get("ok", True) or result.get("duplicate"):
            return
        interview_id = result.get("interview_id")
        if interview_id is None or result.get("has_audio") is False:
            return
        self.transcribe(int(interview_id))

    def transcribe(self, interview_id: int) -> int | None:
        """Queue one transcription unless one is already queued or running, or the recording
        has no sound."""
        if self._runner.service.find_active("transcribe", interview_id) is not None:
            return None
        try:
            row = self._services.interviews.get(interview_id)
        except CloserError:
            return None
        if not row.has_audio:  # no sound anywhere in it: nothing to transcribe
            return None
        title = row.title
        job_id = self._runner.submit("transcribe", {"interview_id": interview_id},
                                     title=self.tr("Transcribing {0}").format(title),
                                     target_id=interview_id)
        self.queued.emit(interview_id, job_id)
        return job_id
