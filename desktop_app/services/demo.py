"""The demo library: personas, customers and a few real recordings, built idempotently."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain.errors import CloserError
from desktop_app.services.importing import ImportService
from desktop_app.services.library import LibraryService

DEMO_PERSONAS = (
    ("Busy parent", "Get groceries delivered right the first time, without calls.",
     "Orders weekly from the phone between meetings; no patience for chats that go in circles."),
    ("Small-business owner", "Keep the shop supplied; one contact who owns the problem.",
     "Buys on invoice for a 12-person office; hates re-explaining an issue to a new agent."),
    ("Office manager", "Predictable delivery windows and clean invoices for accounting.",
     "Handles the company account; judges us by how fast a wrong order is put right."),
)

DEMO_CUSTOMERS = (
    # name, company, persona, language, media file, recorded (UTC), cadence days
    ("Anna Petrova", "", "Busy parent", "ru", "pisets_test_sound_ru.wav",
     datetime(2026, 9, 14, 10, 0, tzinfo=UTC), 30),
    ("John Carter", "Carter Hardware", "Small-business owner", "en", "jfk.flac",
     datetime(2026, 10, 2, 15, 30, tzinfo=UTC), 42),
    ("Maria Lopez", "Lopez & Sons", "Office manager", "en", "auto-editor_example.mp4",
     datetime(2026, 10, 20, 9, 0, tzinfo=UTC), 28),
    ("Oleg Ivanov", "Ivanov Logistics", "Small-business owner", "en", "stereo_diarization.wav",
     datetime(2026, 11, 5, 13, 0, tzinfo=UTC), 56),
    ("Emma Clarke", "", "Busy parent", "en", "grocery_delivery_en.flac",
     datetime(2026, 11, 12, 18, 30, tzinfo=UTC), 30),
)

# name, first meeting (wall time), zone, recurrence
DEMO_SERIES = (
    ("Anna Petrova", "2026-12-01 10:00", "Europe/Moscow", "FREQ=MONTHLY;BYDAY=1TU"),
    ("John Carter", "2026-11-26 16:00", "America/New_York", "FREQ=WEEKLY;INTERVAL=6"),
    ("Maria Lopez", "2026-11-24 09:00", "Europe/Madrid", "FREQ=WEEKLY;INTERVAL=4"),
    ("Emma Clarke", "2026-11-25 18:30", "Europe/London", "FREQ=WEEKLY;INTERVAL=4"),
)


@dataclass
class DemoReport:
    created_customers: list[str] = field(default_factory=list)
    imported: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def build_demo(library: LibraryService, importer: ImportService, demo_dir: Path) -> DemoReport:
    """Create what is missing of the demo library; running it again changes nothing."""
    report = DemoReport()
    library.seed_defaults()
    existing_personas = {p.name for p in library.personas()}
    for name, goals, description in DEMO_PERSONAS:
        if name not in existing_personas:
            library.add_persona(name=name, goals=goals, description=description)
    existing = {c.name: c for c in library.customers()}
    for name, company, persona, lang, media, when, cadence in DEMO_CUSTOMERS:
        customer = existing.get(name)
        if customer is None:
            customer = library.add_customer(name=name, company=company, persona=persona,
                                            language=lang, cadence_days=cadence)
            report.created_customers.append(name)
        assert customer.id is not None
        path = demo_dir / media
        if not path.exists():
            report.errors.append(f"{media}: demo file missing from {demo_dir}")
            continue
        try:
            for _ in importer.import_iter(path, customer_id=customer.id, recorded_at=when):
                pass
        except CloserError as exc:
            report.errors.append(str(exc))
            continue
        result = importer.last_result
        if result.ok and not result.duplicate and result.interview_id is not None:
            report.imported.append(result.interview_id)
    return report
