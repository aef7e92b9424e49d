"""CLI for the library: demo, customers, personas, touchpoints, zones, import, interviews, jobs."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.cli import privacy_cmds
from desktop_app.cli.args import add_interview_filters, command, db_int, group
from desktop_app.cli.context import services
from desktop_app.cli.output import emit
from desktop_app.domain.errors import ValidationError
from desktop_app.services.interviews import InterviewFilter


def parse_date(text: str) -> datetime:
    """ISO date or date-time; naive values are taken as UTC."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(f"Invalid date '{text}': use ISO format, e.g. 2026-11-22 "
                              f"or 2026-11-22T14:30") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def register(sub: Any) -> None:
    p = command(sub, "demo", cmd_demo, help="build the demo library (idempotent)")
    p.add_argument("--no-transcribe", action="store_true",
                   help="only import; skip transcription, highlights and the reel")

    csub = group(sub, "customer", "manage customers")
    a = command(csub, "add", cmd_customer_add, help="add a customer")
    a.add_argument("name")
    a.add_argument("--company", default="")
    a.add_argument("--persona")
    a.add_argument("--contact", default="")
    a.add_argument("--email", default="")
    a.add_argument("--language", default="auto")
    a.add_argument("--cadence-days", type=db_int)
    a = command(csub, "edit", cmd_customer_edit,
                help="change a customer's alias, company, persona or language")
    a.add_argument("name", help="the customer's current name")
    a.add_argument("--alias", help="shown instead of the name in anonymised reels "
                                   "('' clears it)")
    a.add_argument("--company")
    a.add_argument("--persona", help="an existing persona's name ('' for none)")
    a.add_argument("--language", help="auto or a language code (ru, en, ...)")
    command(csub, "list", cmd_customers, help="list customers")
    privacy_cmds.register_customer(csub)
    command(sub, "customers", cmd_customers, help="list customers")

    psub = group(sub, "persona", "manage personas")
    a = command(psub, "add", cmd_persona_add, help="add a persona")
    a.add_argument("name")
    a.add_argument("--goals", default="")
    a.add_argument("--description", default="")
    command(sub, "personas", cmd_personas, help="list personas")

    command(sub, "touchpoints", cmd_touchpoints, help="list the journey's touchpoints in order")
    tsub = group(sub, "touchpoint", "edit the journey")
    a = command(tsub, "add", cmd_touchpoint_add)
    a.add_argument("name")
    a.add_argument("--channel", default="")
    a.add_argument("--department", default="")
    a.add_argument("--position", type=db_int)
    a = command(tsub, "move", cmd_touchpoint_move)
    a.add_argument("name")
    a.add_argument("--to", type=db_int, required=True, help="new 1-based position")
    a = command(tsub, "delete", cmd_touchpoint_delete)
    a.add_argument("name")
    a.add_argument("--reassign-to", help="move its highlights to this touchpoint")

    command(sub, "zones", cmd_zones, help="list problem zones")
    zsub = group(sub, "zone", "edit problem zones")
    a = command(zsub, "add", cmd_zone_add)
    a.add_argument("name")
    a.add_argument("--key", default="")
    a.add_argument("--name-ru", default="")
    a.add_argument("--description", default="")

    p = command(sub, "import", cmd_import, help="import recordings as interviews")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--customer", required=True, help="customer name (created if new)")
    p.add_argument("--date", help="when it was recorded (ISO); default: the file's date")
    p.add_argument("--link", action="store_true", help="link to the original, do not copy")

    p = command(sub, "interviews", cmd_interviews, help="list interviews")
    add_interview_filters(p)

    p = command(sub, "jobs", cmd_jobs, help="list background jobs")
    p.add_argument("--active", action="store_true")


def cmd_demo(args: argparse.Namespace) -> int:
    from desktop_app.demo_library import build_demo_library

    s = services()
    data = build_demo_library(s, transcribe=not args.no_transcribe,
                              say=(lambda _m: None) if args.json else print)
    emit(data, as_json=args.json,
         human=f"Demo library ready at {s.home}: {data['interviews']} interviews, "
               f"{data['highlights_created']} new highlights")
    return 1 if data["errors"] else 0


def _customer_json(c: Any, persona: str = "") -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "company": c.company, "persona": persona,
            "contact": c.contact, "email": c.email, "language": c.language,
            "cadence_days": c.cadence_days, "alias": c.alias}


def cmd_customer_add(args: argparse.Namespace) -> int:
    s = services()
    c = s.library.add_customer(name=args.name, company=args.company, persona=args.persona,
                               contact=args.contact, email=args.email, language=args.language,
                               cadence_days=args.cadence_days)
    emit(_customer_json(c, args.persona or ""), as_json=args.json,
         human=f"Added customer {c.name} (id {c.id})")
    return 0


def cmd_customer_edit(args: argparse.Namespace) -> int:
    """The GUI customer editor's twin: the same LibraryService.update_customer call."""
    lib = services().library
    customer = lib.customer_by_name(args.name)
    assert customer.id is not None
    changes: dict[str, Any] = {}
    if args.alias is not None:
        changes["alias"] = " ".join(args.alias.split())
    if args.company is not None:
        changes["company"] = args.company.strip()
    if args.language is not None:
        changes["language"] = args.language.strip() or "auto"
    if args.persona is not None:
        changes["persona_id"] = lib.persona_by_name(args.persona).id \
            if args.persona.strip() else None
    if not changes:
        raise ValidationError(f"Nothing to change for customer '{customer.name}': give "
                              f"--alias, --company, --persona or --language.")
    c = lib.update_customer(customer.id, **changes)
    persona = next((p.name for p in lib.personas() if p.id == c.persona_id), "")
    emit(_customer_json(c, persona), as_json=args.json,
         human=f"Updated customer {c.name}: alias {c.alias or '(none)'}, company "
               f"{c.company or '(none)'}, persona {persona or '(none)'}, language {c.language}")
    return 0


def cmd_customers(args: argparse.Namespace) -> int:
    s = services()
    personas = {p.id: p.name for p in s.library.personas()}
    emit([_customer_json(c, personas.get(c.persona_id, "")) for c in s.library.customers()],
         as_json=args.json)
    return 0


def cmd_persona_add(args: argparse.Namespace) -> int:
    p = services().library.add_persona(name=args.name, goals=args.goals,
                                       description=args.description)
    emit({"id": p.id, "name": p.name}, as_json=args.json, human=f"Added persona {p.name}")
    return 0


def cmd_personas(args: argparse.Namespace) -> int:
    emit([{"id": p.id, "name": p.name, "goals": p.goals, "description": p.description}
          for p in services().library.personas()], as_json=args.json)
    return 0


def _tp_json(t: Any) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "position": t.position + 1, "channel": t.channel,
            "department": t.department, "description": t.description}


def cmd_touchpoints(args: argparse.Namespace) -> int:
    emit([_tp_json(t) for t in services().library.touchpoints()], as_json=args.json)
    return 0


def _touchpoint_id(name: str) -> int:
    for t in services().library.touchpoints():
        if t.name.casefold() == name.strip().casefold():
            assert t.id is not None
            return t.id
    raise ValidationError(f"No touchpoint named '{name}'.")


def cmd_touchpoint_add(args: argparse.Namespace) -> int:
    pos = None if args.position is None else args.position - 1
    t = services().library.add_touchpoint(name=args.name, channel=args.channel,
                                          department=args.department, position=pos)
    emit(_tp_json(t), as_json=args.json, human=f"Added touchpoint {t.name}")
    return 0


def cmd_touchpoint_move(args: argparse.Namespace) -> int:
    rows = services().library.move_touchpoint(_touchpoint_id(args.name), args.to - 1)
    emit([_tp_json(t) for t in rows], as_json=args.json)
    return 0


def cmd_touchpoint_delete(args: argparse.Namespace) -> int:
    lib = services().library
    tid = _touchpoint_id(args.name)
    used = lib.touchpoint_usage(tid)
    target = _touchpoint_id(args.reassign_to) if args.reassign_to else None
    lib.delete_touchpoint(tid, reassign_to=target)
    emit({"deleted": args.name, "highlights_affected": used, "reassigned_to": args.reassign_to},
         as_json=args.json)
    return 0


def cmd_zones(args: argparse.Namespace) -> int:
    emit([{"id": z.id, "key": z.key, "name": z.name, "name_ru": z.name_ru,
           "description": z.description, "shortcut": z.shortcut}
          for z in services().library.zones()], as_json=args.json)
    return 0


def cmd_zone_add(args: argparse.Namespace) -> int:
    z = services().library.add_zone(name=args.name, key=args.key, name_ru=args.name_ru,
                                    description=args.description)
    emit({"id": z.id, "key": z.key, "name": z.name}, as_json=args.json)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    s = services()
    customer = s.library.ensure_customer(args.customer)
    assert customer.id is not None
    when = parse_date(args.date) if args.date else None
    results = s.importer.import_many([Path(p) for p in args.paths], customer_id=customer.id,
                                     recorded_at=when, link=args.link)
    data = [r.as_dict() for r in results]
    lines = [(f"ok    {r.path} -> interview {r.interview_id}"
              + (" (already in the library)" if r.duplicate else ""))
             if r.ok else f"FAIL  {r.error}" for r in results]
    emit(data, as_json=args.json, human="\n".join(lines))
    return 0 if all(r.ok for r in results) else 1


def cmd_interviews(args: argparse.Namespace) -> int:
    s = services()
    flt = InterviewFilter(
        customer_id=s.library.customer_by_name(args.customer).id if args.customer else None,
        persona_id=s.library.persona_by_name(args.persona).id if args.persona else None,
        date_from=parse_date(args.date_from) if args.date_from else None,
        date_to=parse_date(args.date_to) if args.date_to else None)
    rows = s.interviews.list(flt)
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n".join(f"{r.id:>4}  {r.recorded_at:%Y-%m-%d}  {r.customer:<24} "
                         f"{r.duration_s:7.1f}s  {r.status}" for r in rows) or "(none)")
    return 0


def cmd_jobs(args: argparse.Namespace) -> int:
    jobs = services().jobs.list(active_only=args.active)
    emit([{"id": j.id, "kind": j.kind, "status": j.status, "title": j.title,
           "progress": round(j.fraction, 3), "message": j.message, "error": j.error}
          for j in jobs], as_json=args.json)
    return 0
