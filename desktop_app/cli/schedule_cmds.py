"""CLI for scheduling: `closer schedule ...` (series, calendar, .ics), `closer overdue`, guides."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from dateutil.tz import tzlocal

from desktop_app.cli.args import add_customer_filter, add_date_range, command, db_int, group
from desktop_app.cli.context import services
from desktop_app.cli.output import emit
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.recurrence import ScheduleError, find_original, get_zone, localise
from desktop_app.services.scheduling import SchedulingService, SeriesDraft, overdue_json
from desktop_app.services.scheduling_status import OccurrenceRow, iso_in

_DATE_RE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")



def parse_day(text: str, what: str = "date") -> date:
    """A calendar date written YYYY-MM-DD."""
    try:
        if not _DATE_RE.match(text or ""):
            raise ValueError("expected YYYY-MM-DD")
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ScheduleError(f"Cannot read the {what} {text!r}: {exc} "
                            f"(for example 2026-03-10)") from None


def register(sub: Any) -> None:
    ssub = group(sub, "schedule", "plan recurring customer interviews")

    a = command(ssub, "add", cmd_add, help="plan an interview series for a customer")
    a.add_argument("--customer", required=True, help="customer name")
    a.add_argument("--start", required=True, help='first interview, "YYYY-MM-DD HH:MM"')
    a.add_argument("--tz", required=True, help="IANA time zone, e.g. Europe/Berlin")
    a.add_argument("--duration", type=db_int, default=60, help="minutes (default 60)")
    a.add_argument("--rrule", help="recurrence, e.g. FREQ=MONTHLY;BYDAY=2TU (default: once)")
    a.add_argument("--guide", help="interview guide name")
    a.add_argument("--interviewer", action="append", default=[], help="repeat for several")
    a.add_argument("--channel", default="", help="In person, Video call...")
    a.add_argument("--location", default="", help="address or video call link")
    a.add_argument("--title", default="")

    a = command(ssub, "list", cmd_list, help="interviews in a date range with their status")
    add_date_range(a, from_help="first day (default today)",
                   to_help="last day, inclusive (default today + 30)")
    add_customer_filter(a)
    a.add_argument("--tz", help="zone of the dates (default: this computer's)")

    command(ssub, "series", cmd_series, help="list interview series")

    a = command(ssub, "skip", cmd_skip, help="skip one interview of a series")
    a.add_argument("series_id", type=db_int)
    a.add_argument("--on", required=True, help="its date (series zone)")

    a = command(ssub, "move", cmd_move, help="move one interview of a series")
    a.add_argument("series_id", type=db_int)
    a.add_argument("--on", required=True, help="its current date (series zone)")
    a.add_argument("--to", required=True, help='new time "YYYY-MM-DD HH:MM" (series zone)')

    a = command(ssub, "end", cmd_end, help="end a series (now, or after a date)")
    a.add_argument("series_id", type=db_int)
    a.add_argument("--after", help="last day that keeps its interviews (series zone)")

    a = command(ssub, "attach", cmd_attach,
                help="link an interview in the library to one meeting")
    a.add_argument("series_id", type=db_int)
    a.add_argument("--on", required=True, help="the meeting's date (series zone)")
    a.add_argument("--interview", type=db_int, required=True, help="interview id")

    a = command(ssub, "export-ics", cmd_export,
                help="write a series (or one interview) as .ics")
    a.add_argument("series_id", type=db_int)
    a.add_argument("--out", required=True, help="the .ics file to write")
    a.add_argument("--on", help="only the interview on this date (series zone)")

    a = command(ssub, "import-ics", cmd_import,
                help="create interview series from a calendar file")
    a.add_argument("path")
    a.add_argument("--customer", help="customer name (default: match attendee e-mails)")

    a = command(ssub, "invite", cmd_invite,
                help="print a mailto: invitation to the next interview")
    a.add_argument("series_id", type=db_int)
    a.add_argument("--on", help="the interview on this date instead of the next one")

    command(sub, "overdue", cmd_overdue, help="customers past their interview cadence")
    command(sub, "guides", cmd_guides, help="list interview guides")

    gsub = group(sub, "guide", "add or change an interview guide")
    a = command(gsub, "add", cmd_guide_add, help="add (or replace) a guide from a text file")
    a.add_argument("name")
    a.add_argument("--language", default="en")
    a.add_argument("--questions-file", required=True, help="one question per line")


def _sched() -> SchedulingService:
    return services().scheduling


def _warn(lines: Any) -> None:
    for line in lines:
        sys.stderr.write(f"closer: warning: {line}\n")


def _occ_line(r: OccurrenceRow) -> str:
    start = datetime.fromisoformat(iso_in(r.start_utc, r.tz))
    end = datetime.fromisoformat(iso_in(r.end_utc, r.tz))
    return (f"{start:%a %Y-%m-%d %H:%M}–{end:%H:%M} {r.tz:<16} {r.customer:<24} "
            f"{r.status:<11} series {r.series_id}")


def cmd_add(args: argparse.Namespace) -> int:
    s = services()
    customer = s.library.customer_by_name(args.customer)
    guide_id = s.scheduling.guide_by_name(args.guide).id if args.guide else None
    assert customer.id is not None
    draft = SeriesDraft(customer_id=customer.id, start_local=args.start, tz=args.tz,
                        duration_min=args.duration, rrule=args.rrule,
                        interviewers=tuple(args.interviewer), channel=args.channel,
                        location=args.location, guide_id=guide_id, title=args.title)
    plan = s.scheduling.add_series(draft)
    _warn(plan.warnings)
    data = plan.as_json()
    lines = [f"Planned series {plan.series_id} with {customer.name}. Next interviews:"]
    lines += [f"  {o.start_local:%a %Y-%m-%d %H:%M %Z}" for o in plan.next]
    emit(data, as_json=args.json, human="\n".join(lines))
    return 0


def _window(args: argparse.Namespace) -> tuple[datetime, datetime]:
    zone = get_zone(args.tz) if args.tz else None
    today = datetime.now(zone or tzlocal()).date()
    first = parse_day(args.date_from, "--from date") if args.date_from else today
    last = parse_day(args.date_to, "--to date") if args.date_to else today + timedelta(days=30)
    if last < first:
        raise ScheduleError(f"The range ends ({last}) before it starts ({first}).")

    def at(day: date) -> datetime:
        wall = datetime.combine(day, time())
        return localise(wall, zone) if zone else wall.replace(tzinfo=tzlocal())

    return at(first), at(last + timedelta(days=1))


def cmd_list(args: argparse.Namespace) -> int:
    s = services()
    lo, hi = _window(args)
    customer_id = s.library.customer_by_name(args.customer).id if args.customer else None
    rows = s.scheduling.occurrences(lo, hi, customer_id=customer_id)
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n".join(_occ_line(r) for r in rows) or "(no interviews in this range)")
    return 0


def cmd_series(args: argparse.Namespace) -> int:
    rows = _sched().all_series()
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n".join(f"{r.id:>4}  {r.customer:<24} {r.start_local:%Y-%m-%d %H:%M} {r.tz:<16} "
                         f"{r.rrule or 'once'}" + ("  (ended)" if r.ended_at else "")
                         for r in rows) or "(no series)")
    return 0


def cmd_skip(args: argparse.Namespace) -> int:
    sched = _sched()
    original = sched.skip(args.series_id, parse_day(args.on))
    info = sched.series(args.series_id)
    emit({"series_id": args.series_id, "skipped": iso_in(original, info.tz)}, as_json=args.json,
         human=f"Skipped the interview with {info.customer} on {args.on}.")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    sched = _sched()
    new = sched.move(args.series_id, parse_day(args.on), args.to)
    info = sched.series(args.series_id)
    emit({"series_id": args.series_id, "from": args.on, "start": iso_in(new, info.tz)},
         as_json=args.json,
         human=f"Moved the interview with {info.customer} to {iso_in(new, info.tz)}.")
    return 0


def cmd_end(args: argparse.Namespace) -> int:
    sched = _sched()
    ended = sched.end_series(args.series_id, after=parse_day(args.after) if args.after else None)
    info = sched.series(args.series_id)
    emit({"series_id": args.series_id, "ended_at": iso_in(ended, info.tz)}, as_json=args.json,
         human=f"Ended the series with {info.customer}: nothing from {iso_in(ended, info.tz)}.")
    return 0


def _original_on(sched: SchedulingService, series_id: int, day_text: str) -> datetime:
    info = sched.series(series_id)
    return find_original(info.spec, sched.changes(series_id), parse_day(day_text))


def cmd_attach(args: argparse.Namespace) -> int:
    sched = _sched()
    original = _original_on(sched, args.series_id, args.on)
    sched.attach_interview(args.series_id, original, args.interview)
    row = sched.occurrence(args.series_id, original)
    emit(row.as_json(), as_json=args.json,
         human=f"Interview {args.interview} is now the {args.on} meeting ({row.status}).")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    sched = _sched()
    if args.on:
        data = sched.export_occurrence_ics(args.series_id,
                                           _original_on(sched, args.series_id, args.on))
    else:
        data = sched.export_series_ics(args.series_id)
    out = Path(args.out).expanduser()
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise ValidationError(f"Cannot write the calendar file {out}: {exc.strerror}") from None
    emit({"series_id": args.series_id, "path": str(out), "bytes": len(data)}, as_json=args.json,
         human=f"Wrote {out}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    s = services()
    path = Path(args.path).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"Cannot read the calendar file {path}: {exc.strerror}") from None
    customer_id = s.library.customer_by_name(args.customer).id if args.customer else None
    result = s.scheduling.import_ics(data, customer_id=customer_id)
    _warn(result.warnings)
    imported = []
    for info in result.series:
        item = info.as_json()
        item["next"] = [o.start_local.isoformat()
                        for o in s.scheduling.next_occurrences(info.id, 5)]
        imported.append(item)
    lines = [f"Imported series {i['series_id']} with {i['customer']}: {i['title']}"
             for i in imported] or ["Nothing new to import."]
    emit({"imported": imported, "warnings": list(result.warnings)}, as_json=args.json,
         human="\n".join(lines))
    return 0


def cmd_invite(args: argparse.Namespace) -> int:
    sched = _sched()
    when = _original_on(sched, args.series_id, args.on) if args.on else None
    url = sched.invitation_url(args.series_id, when)
    emit({"series_id": args.series_id, "mailto": url}, as_json=args.json, human=url)
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    rows = [overdue_json(o) for o in _sched().overdue()]
    emit(rows, as_json=args.json,
         human="\n".join(f"{r['customer']:<28} {r['days_overdue']:>4} days overdue "
                         f"(every {r['cadence_days']:g} days)" for r in rows)
         or "Nobody is overdue.")
    return 0


def cmd_guides(args: argparse.Namespace) -> int:
    guides = _sched().guides()
    emit([g.as_json() for g in guides], as_json=args.json,
         human="\n".join(f"{g.name} [{g.language}]: {len(g.questions)} questions"
                         for g in guides) or "(no guides)")
    return 0


def cmd_guide_add(args: argparse.Namespace) -> int:
    sched = _sched()
    path = Path(args.questions_file).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Cannot read the questions file {path}: {exc}") from None
    existing = next((g for g in sched.guides() if g.name.casefold() == args.name.casefold()),
                    None)
    guide = sched.save_guide(name=args.name, language=args.language, questions=text,
                             guide_id=existing.id if existing else None)
    emit(guide.as_json(), as_json=args.json,
         human=f"Saved guide {guide.name} ({len(guide.questions)} questions)")
    return 0
