"""CLI for privacy over time: `closer customer forget` (erasure), `closer audit` (what was
exported or presented) and `closer retention` (delete old recordings)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop_app.cli.args import command, db_int
from desktop_app.cli.context import services
from desktop_app.cli.output import emit
from desktop_app.domain.errors import ValidationError


def register(sub: Any) -> None:
    p = command(sub, "audit", cmd_audit,
                help="what was exported or presented: when, for whom and where")
    p.add_argument("--limit", type=db_int, metavar="N", help="the newest N entries")
    p.add_argument("--action", metavar="KIND",
                   help="only one kind (reel_render, playlist_export, transcript_export, "
                        "presentation, highlights_csv, taxonomy_export)")


    p = command(sub, "retention", cmd_retention,
                help="delete recordings older than the library's retention policy")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--dry-run", action="store_true", help="only list what would go")
    how.add_argument("--apply", action="store_true", help="delete them")
    p.add_argument("--months", type=db_int, metavar="N",
                   help="older than N months (default: Settings)")


def register_customer(csub: Any) -> None:
    """`closer customer forget` (the customer group belongs to library_cmds)."""
    p = command(csub, "forget", cmd_forget,
                help="erase a customer: recordings, transcripts, highlights, clips, rows, "
                     "caches (lists exports the app cannot reach)")
    p.add_argument("name", help="the customer's name")
    p.add_argument("--yes", action="store_true",
                   help="really forget them (without it: only show what would go)")


def cmd_forget(args: argparse.Namespace) -> int:
    svc = services()
    customer = svc.library.customer_by_name(args.name)
    cid = int(customer.id)  # type: ignore[arg-type]
    if not args.yes:
        report = svc.erasure.preview(cid)
        human = (f"Nothing removed. Forgetting {report.customer} removes "
                 f"{report.interviews} interview(s), {report.reel_clips} reel clip(s) and "
                 f"{len(report.files_removed)} file(s); add --yes to do it.")
    else:
        report = svc.erasure.forget(cid, confirm=customer.name)
        human = (f"Forgot {report.customer}: {report.interviews} interview(s), "
                 f"{report.reel_clips} reel clip(s), {len(report.files_removed)} file(s) "
                 "removed.")
    if report.exports_outside:
        human += "\nExported outside the library (delete these yourself):\n" + "\n".join(
            f"  {e['path']}  ({e['what']})" for e in report.exports_outside)
    emit(report.as_json(), as_json=args.json, human=human)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    svc = services().retention
    report = svc.apply(months=args.months) if args.apply else svc.plan(months=args.months)
    if report.months == 0:
        raise ValidationError("No retention policy: choose one in Settings or give --months.")
    verb = "Removed" if args.apply else "Would remove"
    lines = [f"{verb} {len(report.goes)} recording(s) older than {report.months} months "
             f"({report.bytes_freed / 1e6:.1f} MB); transcripts "
             f"{'kept' if report.keep_transcripts else 'deleted too'}."]
    lines += [f"  - {i.recorded_at:%Y-%m-%d}  {i.customer}  {i.title}" for i in report.goes]
    lines += [f"  kept {i.recorded_at:%Y-%m-%d}  {i.customer}: {i.kept_because}"
              for i in report.kept]
    emit(report.as_json(), as_json=args.json, human="\n".join(lines))
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    rows = services().audit.list(limit=args.limit, action=args.action)
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n".join(f"{r.at:%Y-%m-%d %H:%M}  {r.label:<30} {r.audience or '-':<10} "
                         f"{r.subject}  {r.path}" for r in rows) or "Nothing exported yet.")
    return 0
