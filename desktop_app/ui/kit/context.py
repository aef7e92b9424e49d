"""What every view gets: the services, the job runner and app-wide signals (no global bus)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from desktop_app.services.container import Services
from desktop_app.ui.kit.jobs import JobRunner


class LibraryEvents(QObject):
    """Signals emitted by views when library data changes, so other views can refresh."""

    interviews_changed = Signal(list)  # ids of the interviews added, changed or removed
    customers_changed = Signal(list)  # ids of the customers added, changed or removed
    taxonomy_changed = Signal(list)  # ids of the touchpoints, zones or personas changed
    transcript_changed = Signal(int)  # interview id
    highlights_changed = Signal(list)  # ids of the highlights created, edited or deleted
    open_interview = Signal(int)  # ask the main window to show an interview
    play_interview_at = Signal(int, float)  # open the interview there and play
    language_changed = Signal(str)
    section_requested = Signal(str)  # ask the main window to show a section by key


@dataclass
class UiContext:
    services: Services
    runner: JobRunner
    events: LibraryEvents = field(default_factory=LibraryEvents)
