"""Import a calendar file (.ics) as interview series: which customer the events belong to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from desktop_app.services.ics import ImportedEvent
from desktop_app.services.library import LibraryService
from desktop_app.services.scheduling import IcsImport, SchedulingService
from desktop_app.ui.kit.dialog import FormDialog, labelled

MATCH_BY_EMAIL = 0


class IcsImportDialog(FormDialog):
    """Lists the events found and asks for the customer (or to match attendee e-mails)."""

    def __init__(self, scheduling: SchedulingService, library: LibraryService, path: Path,
                 data: bytes, events: list[ImportedEvent],
                 parent: QWidget | None = None) -> None:
        masters = [e for e in events if e.recurrence_id_utc is None] or events
        super().__init__(self.tr("Import calendar events"),
                         self.tr("{0}: %n event(s). Each becomes an interview series.", "",
                                 len(masters)).format(path.name),
                         save_text=self.tr("Import"), parent=parent)
        self._scheduling, self._data = scheduling, data
        self.result: IcsImport | None = None
        names = [e.summary or e.uid or self.tr("(untitled)") for e in masters[:6]]
        if len(masters) > 6:
            names.append(self.tr("…and {0} more").format(len(masters) - 6))
        listing = QLabel("\n".join("•  " + n for n in names))
        listing.setWordWrap(True)
        self.body.addWidget(listing)
        self.customer_combo = QComboBox()
        self.customer_combo.addItem(self.tr("Match attendees' e-mail to customers"),
                                    MATCH_BY_EMAIL)
        for c in library.customers():
            self.customer_combo.addItem(c.name, c.id)
        self.body.addWidget(labelled(self.tr("Customer"), self.customer_combo,
                                     self.tr("Choose who these interviews are with, or let "
                                             "Closer find the customer by e-mail address.")))

    def choose_customer(self, customer_id: int) -> None:
        self.customer_combo.setCurrentIndex(max(0, self.customer_combo.findData(customer_id)))

    def save(self) -> None:
        cid = int(self.customer_combo.currentData() or MATCH_BY_EMAIL)
        self.result = self._scheduling.import_ics(self._data, customer_id=cid or None)
