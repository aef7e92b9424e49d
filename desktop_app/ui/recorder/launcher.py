"""Opens the recorder from the main window: the Schedule's "Record now" (a scheduled meeting)
and the Interviews header's "Record…" (ad hoc, for the customer in the filter if one is set).
One recorder at a time: asking again while one records brings it to the front."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow

from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.recorder.target import RecordTarget

if TYPE_CHECKING:  # the capture engine loads on first use, not with the main window
    from desktop_app.ui.recorder.catalog import SourceCatalog
    from desktop_app.ui.recorder.window import RecorderWindow


class RecorderLauncher(QObject):
    """Keeps the one recorder window of a main window."""

    def __init__(self, window: QMainWindow, ctx: UiContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.recorder: RecorderWindow | None = None
        self.catalog: SourceCatalog | None = None  # tests and demos add their sources

    def record_occurrence(self, series_id: int, occurrence_iso: str) -> RecorderWindow:
        start = datetime.fromisoformat(occurrence_iso) if occurrence_iso else None
        return self.open(RecordTarget(series_id=series_id, occurrence_start_utc=start))

    def record_for_customer(self, customer_id: int) -> RecorderWindow:
        return self.open(RecordTarget(customer_id=customer_id or None))

    def open(self, target: RecordTarget) -> RecorderWindow:
        from desktop_app.ui.recorder.window import RecorderWindow

        current = self.recorder
        if current is not None:
            if current.is_busy():
                current.showNormal()
                current.raise_()
                current.activateWindow()
                return current
            current.close()
        recorder = RecorderWindow(self.ctx, target, self.catalog, parent=self.window)
        recorder.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        recorder.destroyed.connect(lambda *_: self._forget(recorder))
        self.recorder = recorder
        recorder.show()
        return recorder

    def _forget(self, recorder: RecorderWindow) -> None:
        if self.recorder is recorder:
            self.recorder = None

