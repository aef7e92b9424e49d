"""CLI for tagging and insights: highlights, suggestions, heatmap, journey map, trends, exports."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_app.cli.args import (
    add_customer_filter,
    add_date_range,
    add_highlight_filters,
    add_interview_filters,
    add_touchpoint_zone,
    command,
    db_int,
    group,
)
from desktop_app.cli.context import services
from desktop_app.cli.library_cmds import parse_date
from desktop_app.cli.output import emit
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import EMOTIONS, HighlightFilter, HighlightView, InsightFilter
from desktop_app.services.journey_render import render_journey_map
from desktop_app.services.taxonomy_io import export_taxonomy, import_taxonomy, write_highlights_csv


def _tags(p: argparse.ArgumentParser) -> None:
    add_touchpoint_zone(p, several=True)
    p.add_argument("--persona", help="persona name (default: the customer's persona)")
    p.add_argument("--severity", type=db_int, metavar="1-5")
    p.add_argument("--emotion", choices=EMOTIONS)
    p.add_argument("--note", help="free notes")
    p.add_argument("--need", help="the need behind the pain")
    p.add_argument("--value", help="the value we should create")


def register(sub: Any) -> None:
    hsub = group(sub, "highlight", "make and edit highlights")
    a = command(hsub, "add", cmd_add, help="highlight a time range of a transcript")
    a.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    a.add_argument("--start", type=float, required=True, metavar="S")
    a.add_argument("--end", type=float, required=True, metavar="S")
    _tags(a)
    a = command(hsub, "edit", cmd_edit, help="change a highlight's tags, texts or range")
    a.add_argument("highlight_id", type=db_int, metavar="ID")
    a.add_argument("--start", type=float, metavar="S")
    a.add_argument("--end", type=float, metavar="S")
    a.add_argument("--status", choices=("done", "stub"))
    _tags(a)
    a = command(hsub, "show", cmd_show, help="show one highlight")
    a.add_argument("highlight_id", type=db_int, metavar="ID")
    a = command(hsub, "delete", cmd_delete, help="delete highlights")
    a.add_argument("ids", type=db_int, nargs="+", metavar="ID")
    a = command(hsub, "merge", cmd_merge, help="merge highlights of one interview into one")
    a.add_argument("ids", type=db_int, nargs="+", metavar="ID")
    a = command(hsub, "stubs", cmd_stubs, help="turn recording markers into stub highlights")
    a.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")

    p = command(sub, "highlights", cmd_list, help="list highlights")
    add_highlight_filters(p)
    p.add_argument("--interview", type=db_int, metavar="ID")
    add_customer_filter(p)

    p = command(sub, "heatmap", cmd_heatmap, help="pain counts per touchpoint and problem zone")
    add_interview_filters(p, interviewer=True)

    p = command(sub, "suggest", cmd_suggest, help="suggest highlights from keyword rules")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    p.add_argument("--accept", action="append", metavar="KEY", help="accept a suggestion")
    p.add_argument("--reject", action="append", metavar="KEY", help="never offer it again")

    command(sub, "rules", cmd_rules, help="list keyword rules")
    rsub = group(sub, "rule", "edit keyword rules")
    a = command(rsub, "add", cmd_rule_add)
    a.add_argument("phrase")
    add_touchpoint_zone(a)
    a.add_argument("--language", default="")
    a = command(rsub, "delete", cmd_rule_delete)
    a.add_argument("rule_id", type=db_int, metavar="ID")

    p = command(sub, "journey-map", cmd_journey_map,
                help="export the journey map of a persona (PNG or PDF)")
    p.add_argument("persona", nargs="?", metavar="PERSONA", help="default: all customers")
    p.add_argument("--out", required=True, metavar="PATH", help="map.png or map.pdf")
    p.add_argument("--dpi", type=db_int, default=150)
    p.add_argument("--language", choices=("en", "ru"), default="en")
    add_date_range(p)

    p = command(sub, "trends", cmd_trends, help="pain counts per touchpoint per month")
    add_interview_filters(p, interviewer=True)

    p = command(sub, "highlights-csv", cmd_csv, help="export highlights as CSV for Excel")
    p.add_argument("--out", required=True, metavar="PATH")

    tsub = group(sub, "taxonomy", "export or import touchpoints, zones and rules")
    a = command(tsub, "export", cmd_taxonomy_export)
    a.add_argument("--out", required=True, metavar="PATH")
    a = command(tsub, "import", cmd_taxonomy_import)
    a.add_argument("path", metavar="PATH")


# --- helpers ------------------------------------------------------------------------------


def _line(v: HighlightView) -> str:
    tags = ", ".join([*v.touchpoints, *v.zones]) or "untagged"
    return (f"#{v.id:<4} interview {v.interview_id}  {v.start:7.2f}-{v.end:7.2f}s  "
            f"sev {v.severity}  [{tags}]  {v.quote[:80]}")


def _date_to(text: str | None) -> datetime | None:
    """An inclusive end: a bare date means up to the end of that day."""
    if not text:
        return None
    value = parse_date(text)
    return value + timedelta(days=1) if len(text.strip()) == 10 else value


def _persona_id(name: str | None) -> int | None:
    """Case-insensitive for any script (SQLite's lower() folds ASCII only)."""
    if not name:
        return None
    personas = services().library.personas()
    for p in personas:
        if p.name.casefold() == " ".join(name.split()).casefold():
            return p.id
    valid = ", ".join(p.name for p in personas) or "none yet"
    raise ValidationError(f"Unknown persona '{name}'. Valid personas: {valid}.")


def _insight_filter(args: argparse.Namespace) -> InsightFilter:
    lib = services().library
    customer = getattr(args, "customer", None)
    return InsightFilter(
        persona_id=_persona_id(getattr(args, "persona", None)),
        customer_id=lib.customer_by_name(customer).id if customer else None,
        date_from=parse_date(args.date_from) if args.date_from else None,
        date_to=_date_to(args.date_to),
        interviewer=getattr(args, "interviewer", None))


def _tag_changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for arg, key in (("touchpoint", "touchpoints"), ("zone", "zones")):
        if getattr(args, arg):
            changes[key] = getattr(args, arg)
    for arg, key in (("persona", "persona"), ("severity", "severity"), ("emotion", "emotion"),
                     ("note", "notes"), ("need", "need"), ("value", "value")):
        if getattr(args, arg) is not None:
            changes[key] = getattr(args, arg)
    return changes


# --- commands -----------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace) -> int:
    v = services().tagging.create(args.interview_id, start=args.start, end=args.end,
                                  **_tag_changes(args))
    emit(v.as_json(), as_json=args.json, human=f"Added highlight {_line(v)}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    tagging = services().tagging
    changes = _tag_changes(args)
    if args.status:
        changes["status"] = args.status
    v = tagging.get(args.highlight_id)
    if args.start is not None or args.end is not None:
        v = tagging.retime(args.highlight_id, v.start if args.start is None else args.start,
                           v.end if args.end is None else args.end)
    if changes:
        v = tagging.update(args.highlight_id, **changes)
    emit(v.as_json(), as_json=args.json, human=_line(v))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    v = services().tagging.get(args.highlight_id)
    emit(v.as_json(), as_json=args.json, human=_line(v))
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    services().tagging.delete(*args.ids)
    emit({"deleted": args.ids}, as_json=args.json,
         human=f"Deleted highlight(s) {', '.join(map(str, args.ids))}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    v = services().tagging.merge(args.ids)
    emit(v.as_json(), as_json=args.json, human=f"Merged into {_line(v)}")
    return 0


def cmd_stubs(args: argparse.Namespace) -> int:
    made = services().tagging.stubs_from_markers(args.interview_id)
    emit([v.as_json() for v in made], as_json=args.json,
         human="\n".join(_line(v) for v in made) or "No new markers.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    s = services()
    lib = s.library
    tp_id = None
    if args.touchpoint:
        tp_id = next((t.id for t in lib.touchpoints()
                      if t.name.casefold() == args.touchpoint.strip().casefold()), None)
        if tp_id is None:
            valid = ", ".join(t.name for t in lib.touchpoints())
            raise ValidationError(f"Unknown touchpoint '{args.touchpoint}'. "
                                  f"Valid touchpoints: {valid}.")
    flt = HighlightFilter(
        interview_id=args.interview, touchpoint_id=tp_id,
        zone_id=lib.zone(args.zone).id if args.zone else None,
        persona_id=_persona_id(args.persona),
        customer_id=lib.customer_by_name(args.customer).id if args.customer else None)
    rows = s.tagging.list(flt)
    emit([v.as_json() for v in rows], as_json=args.json,
         human="\n".join(_line(v) for v in rows) or "(none)")
    return 0


def cmd_heatmap(args: argparse.Namespace) -> int:
    hm = services().insights.heatmap(_insight_filter(args))
    width = max((len(t.name) for t in hm.touchpoints), default=10)
    lines = [" " * width + "  " + " ".join(f"{i + 1:>4}" for i in range(len(hm.zones)))]
    for t in hm.touchpoints:
        counts = [hm.cell(t.id, z.id).count for z in hm.zones]
        lines.append(f"{t.name:<{width}}  " + " ".join(f"{n or '.':>4}" for n in counts))
    lines += [f"{i + 1:>4} = {z.label}" for i, z in enumerate(hm.zones)]
    emit(hm.as_json(), as_json=args.json, human="\n".join(lines))
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    sug = services().suggestions
    accepted = []
    for key in args.accept or []:
        accepted.append(sug.accept_suggestion(sug.find(args.interview_id, key)).as_json())
    for key in args.reject or []:
        sug.find(args.interview_id, key)  # only open suggestions can be rejected
        sug.reject_suggestion(key)
    if accepted or args.reject:
        emit({"accepted": accepted, "rejected": args.reject or []}, as_json=args.json,
             human=f"Accepted {len(accepted)}, rejected {len(args.reject or [])}.")
        return 0
    found = sug.suggest(args.interview_id)
    emit([x.as_json() for x in found], as_json=args.json,
         human="\n".join(f"{x.key:<18} {x.start:7.2f}-{x.end:7.2f}s  '{x.phrase}' -> "
                         f"{x.touchpoint or '-'} / {x.zone or '-'}  {x.quote[:70]}"
                         for x in found) or "No suggestions.")
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    rules = services().suggestions.rules()
    emit([r.as_json() for r in rules], as_json=args.json,
         human="\n".join(f"{r.id:>4} [{r.language or '*'}] {r.phrase} -> "
                         f"{r.touchpoint or '-'} / {r.zone or '-'}" for r in rules))
    return 0


def cmd_rule_add(args: argparse.Namespace) -> int:
    r = services().suggestions.add_rule(args.phrase, language=args.language,
                                        touchpoint=args.touchpoint, zone=args.zone)
    emit(r.as_json(), as_json=args.json, human=f"Added rule {r.id}: {r.phrase}")
    return 0


def cmd_rule_delete(args: argparse.Namespace) -> int:
    services().suggestions.delete_rule(args.rule_id)
    emit({"deleted": args.rule_id}, as_json=args.json, human=f"Deleted rule {args.rule_id}")
    return 0


def cmd_journey_map(args: argparse.Namespace) -> int:
    s = services()
    flt = InsightFilter(date_from=parse_date(args.date_from) if args.date_from else None,
                        date_to=_date_to(args.date_to))
    jm = s.insights.journey_map(args.persona, flt, language=args.language)
    out = render_journey_map(jm, Path(args.out), dpi=args.dpi, language=args.language)
    data = {"out": str(out), "persona": jm.persona, "highlights": jm.highlights,
            "interviews": jm.interviews, "bytes": out.stat().st_size}
    emit(data, as_json=args.json, human=f"Journey map written to {out}")
    return 0


def cmd_trends(args: argparse.Namespace) -> int:
    points = services().insights.trends(_insight_filter(args))
    emit([p.as_json() for p in points], as_json=args.json,
         human="\n".join(f"{p.month}  {p.touchpoint:<20} {p.count}" for p in points))
    return 0


def cmd_csv(args: argparse.Namespace) -> int:
    s = services()
    rows = s.tagging.list()
    n = write_highlights_csv(rows, Path(args.out))
    s.audit.record_interviews("highlights_csv", [h.interview_id for h in rows],
                              subject=f"{n} highlights", path=str(Path(args.out).resolve()))
    emit({"out": args.out, "rows": n}, as_json=args.json,
         human=f"Wrote {n} highlights to {args.out}")
    return 0


def cmd_taxonomy_export(args: argparse.Namespace) -> int:
    s = services()
    counts = export_taxonomy(s.engine, Path(args.out))
    s.audit.record("taxonomy_export", subject="touchpoints, zones and rules",
                   path=str(Path(args.out).resolve()))
    emit({"out": args.out, **counts}, as_json=args.json,
         human=f"Wrote {counts['touchpoints']} touchpoints, {counts['zones']} zones and "
               f"{counts['rules']} rules to {args.out}")
    return 0


def cmd_taxonomy_import(args: argparse.Namespace) -> int:
    report = import_taxonomy(services().engine, Path(args.path))
    emit(report.as_json(), as_json=args.json, human=", ".join(
        f"{k.replace('_', ' ')}: {v}" for k, v in report.as_json().items()))
    return 0
