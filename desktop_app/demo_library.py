"""The full demo library: reference data and recordings, then a schedule, transcripts, tagged
highlights and a reel, so every section of the app has something real to show. Idempotent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.config.resources import demo_media_dir
from desktop_app.domain.errors import CloserError
from desktop_app.domain.highlights import HighlightFilter
from desktop_app.services.demo import DEMO_SERIES, build_demo
from desktop_app.services.scheduling_status import SeriesDraft
from desktop_app.wiring import Services

DEMO_REEL = "What customers told us about support"
# The demo tags each suggestion on both axes so the heatmap fills in; a user decides per case.
ZONE_FOR_TOUCHPOINT = {"Delivery": "process_organisation", "Return / refund": "measurement",
                       "Support": "handoff_responsibility", "Pay": "systems",
                       "Order": "systems"}
SEVERITY_BY_ZONE = {"handoff_responsibility": 5, "between_departments": 4, "measurement": 4,
                    "data_collection": 3, "process_organisation": 4}


def build_demo_library(services: Services, *, transcribe: bool = True,
                       say: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Build what is missing; returns a summary for `closer demo --json`."""
    report = build_demo(services.library, services.importer, demo_media_dir())
    errors = list(report.errors)
    series = _schedule(services, errors)
    transcribed = _transcribe(services, errors, say) if transcribe else []
    highlights = _tag(services, errors) if transcribe else 0
    reel = _reel(services, errors) if transcribe else None
    return {"home": str(services.home), "created_customers": report.created_customers,
            "imported_interviews": report.imported, "series_created": series,
            "transcribed": transcribed, "highlights_created": highlights, "reel_id": reel,
            "interviews": len(services.interviews.list()), "errors": errors}


def _schedule(services: Services, errors: list[str]) -> int:
    planned = {s.customer_id for s in services.scheduling.all_series()}
    created = 0
    for name, start, tz, rule in DEMO_SERIES:
        try:
            customer = services.library.customer_by_name(name)
            if customer.id in planned:
                continue
            services.scheduling.add_series(SeriesDraft(
                customer_id=customer.id, start_local=start, tz=tz, duration_min=45, rrule=rule,
                interviewers=("Alex (founder)",), channel="Video call",
                location="https://meet.example.com/closer-demo"))
            created += 1
        except CloserError as exc:
            errors.append(f"schedule {name}: {exc}")
    return created


def _transcribe(services: Services, errors: list[str], say: Callable[[str], None]) -> list[int]:
    done = []
    for interview_id in services.transcription.untranscribed_ids():
        say(f"Transcribing demo interview {interview_id}…")
        job_id = services.jobs.submit("transcribe", {"interview_id": interview_id},
                                      title="Transcribing demo interview",
                                      target_id=interview_id)
        info = services.jobs.run(job_id)
        if info.status == "done":
            done.append(interview_id)
        else:
            errors.append(f"transcribe {interview_id}: {info.error or info.status}")
    return done


def _tag(services: Services, errors: list[str]) -> int:
    created = 0
    for row in services.interviews.list():
        if services.tagging.list(HighlightFilter(interview_id=row.id)):
            continue
        taken: list[tuple[float, float]] = []
        for suggestion in services.suggestions.suggest(row.id):
            if any(suggestion.start < end and start < suggestion.end for start, end in taken):
                continue  # two rules matched one sentence: keep the first
            taken.append((suggestion.start, suggestion.end))
            try:
                zone = suggestion.zone or ZONE_FOR_TOUCHPOINT.get(suggestion.touchpoint,
                                                                  "process_organisation")
                services.suggestions.accept_suggestion(
                    suggestion, touchpoints=[suggestion.touchpoint or "Support"], zones=[zone],
                    severity=SEVERITY_BY_ZONE.get(zone, 3), emotion="frustrated")
                created += 1
            except CloserError as exc:
                errors.append(f"highlight in {row.id}: {exc}")
        try:
            services.consent.set_consent(row.id, internal=True, onboarding=True, public=False,
                                         given_by=row.customer, method="verbal")
        except CloserError as exc:
            errors.append(f"consent {row.id}: {exc}")
    services.tagging.clear_history()
    return created


def _reel(services: Services, errors: list[str]) -> int | None:
    existing = [r for r in services.reels.list() if r.name == DEMO_REEL]
    if existing:
        return existing[0].id
    try:
        reel = services.reels.auto(DEMO_REEL, touchpoint="Support", max_seconds=60)
    except CloserError as exc:
        errors.append(f"demo reel: {exc}")
        return None
    services.reels.update(reel.id, title="Support: what customers told us",
                          subtitle="Closer demo library")
    return reel.id
