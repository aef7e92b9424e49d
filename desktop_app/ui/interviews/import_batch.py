"""One batch of imports: a job per file through the JobRunner, and what became of each file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop_app.ui.interviews.import_dialog import ImportOutcome, ImportRequest
from desktop_app.ui.kit.jobs import JobRunner


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportBatch", text)


def _reason(path: Path, error: str) -> str:
    """The service's message names the file ("name: reason"); keep just the reason."""
    prefix = f"{path.name}: "
    return error[len(prefix):] if error.startswith(prefix) else error


class ImportBatch(QObject):
    """Submits `import` jobs for a request and reports once every one of them has ended.

    `file_done(outcome)` fires per file; `finished(outcomes)` once, in the order of the files.
    """

    file_done = Signal(object)  # ImportOutcome
    finished = Signal(list)  # list[ImportOutcome]

    def __init__(self, runner: JobRunner, request: ImportRequest,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.request = request
        self._jobs: dict[int, Path] = {}
        self._order: list[int] = []
        self._outcomes: dict[int, ImportOutcome] = {}
        runner.finished.connect(self._on_finished)

    def start(self) -> list[int]:
        for path in self.request.paths:
            payload = {
                "path": str(path), "customer_id": self.request.customer_id,
                "recorded_at": self.request.recorded_at.isoformat()
                if self.request.recorded_at else None,
                "link": self.request.link,
            }
            job_id = self._runner.submit("import", payload,
                                         title=_t("Import {0}").format(path.name))
            self._jobs[job_id] = path
            self._order.append(job_id)
        return list(self._order)

    def job_ids(self) -> list[int]:
        return list(self._order)

    def pending(self) -> int:
        return len(self._order) - len(self._outcomes)

    def outcomes(self) -> list[ImportOutcome]:
        return [self._outcomes[j] for j in self._order if j in self._outcomes]

    def _on_finished(self, job_id: int, status: str) -> None:
        path = self._jobs.get(job_id)
        if path is None or job_id in self._outcomes:
            return
        outcome = self._outcome(job_id, path, status)
        self._outcomes[job_id] = outcome
        self.file_done.emit(outcome)
        if self.pending() == 0:
            self._runner.finished.disconnect(self._on_finished)
            self.finished.emit(self.outcomes())

    def _outcome(self, job_id: int, path: Path, status: str) -> ImportOutcome:
        info = self._runner.info(job_id)
        result = info.result
        if status == "done" and result.get("ok"):
            iid = result.get("interview_id")
            if result.get("duplicate"):
                return ImportOutcome(path, True, _t("Already in the library (the same "
                                                    "recording was imported before)"),
                                     iid, duplicate=True)
            return ImportOutcome(path, True, _t("Imported"), iid)
        if status == "cancelled":
            return ImportOutcome(path, False, _t("Cancelled"))
        if status == "interrupted":
            return ImportOutcome(path, False, _t("Paused: the app was closing; it resumes at "
                                                 "the next start"))
        error = info.error or result.get("error") or _t("the import failed for an unknown reason")
        return ImportOutcome(path, False, _reason(path, error))
