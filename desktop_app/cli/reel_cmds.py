"""CLI for highlight reels, consent and onboarding playlists (renders run as persisted jobs)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.cli.args import add_highlight_filters, command, db_int, group
from desktop_app.cli.context import services
from desktop_app.cli.output import emit
from desktop_app.domain.errors import CloserError, ValidationError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reel_plan import CAPTION_MODES, HEIGHTS
from desktop_app.domain.reels import AUDIENCES, CONSENT_METHODS, PlaylistView, ReelView
from desktop_app.services.playlist_page import clock
from desktop_app.services.reels_edit import with_options


def register(sub: Any) -> None:
    rsub = group(sub, "reel", "make, edit and render highlight reels")
    p = command(rsub, "create", cmd_create, help="a reel from highlights, in the order given")
    p.add_argument("name")
    p.add_argument("--highlight", type=db_int, action="append", default=[], metavar="ID")
    _reel_texts(p)
    p = command(rsub, "auto", cmd_auto,
                help="a reel of the most severe clips, different customers first")
    p.add_argument("name")
    add_highlight_filters(p)
    p.add_argument("--highlight", type=db_int, action="append", metavar="ID",
                   help="choose among these highlights (e.g. a heatmap cell)")
    p.add_argument("--max-seconds", type=float, default=90.0, metavar="N")
    p.add_argument("--audience", choices=AUDIENCES, default="internal")
    p = command(rsub, "show", cmd_show, help="show a reel and its clips")
    p.add_argument("reel_id", type=db_int, metavar="REEL_ID")
    p = command(rsub, "set", cmd_set, help="change a reel's texts, audience or render options")
    p.add_argument("reel_id", type=db_int, metavar="REEL_ID")
    p.add_argument("--name")
    _reel_texts(p, defaults=False)
    p.add_argument("--captions", choices=CAPTION_MODES)
    p.add_argument("--height", type=db_int, choices=HEIGHTS)
    p.add_argument("--blur-faces", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--alias", action=argparse.BooleanOptionalAction, default=None,
                   help="show customers' aliases instead of their first names")
    p = command(rsub, "add", cmd_add, help="add a highlight or a transcript selection as a clip")
    p.add_argument("reel_id", type=db_int, metavar="REEL_ID")
    p.add_argument("--highlight", type=db_int, metavar="ID")
    p.add_argument("--interview", type=db_int, metavar="ID")
    p.add_argument("--start", type=float, metavar="S")
    p.add_argument("--end", type=float, metavar="S")
    p.add_argument("--position", type=db_int, metavar="N", help="0 = first")
    p = command(rsub, "move", cmd_move, help="move a clip to another position (0 = first)")
    p.add_argument("item_id", type=db_int, metavar="CLIP_ID")
    p.add_argument("position", type=db_int, metavar="POSITION")
    p = command(rsub, "remove", cmd_remove, help="remove a clip from its reel")
    p.add_argument("item_id", type=db_int, metavar="CLIP_ID")
    p = command(rsub, "trim", cmd_trim, help="new in/out points for a clip (snapped to words)")
    p.add_argument("item_id", type=db_int, metavar="CLIP_ID")
    p.add_argument("--start", type=float, required=True, metavar="S")
    p.add_argument("--end", type=float, required=True, metavar="S")
    p.add_argument("--exact", action="store_true", help="exact seconds, no snapping")
    p = command(rsub, "words", cmd_words, help="a clip's words, flagged when they look sensitive")
    p.add_argument("item_id", type=db_int, metavar="CLIP_ID")
    p = command(rsub, "mask", cmd_mask, help="bleep and hide these words of a clip (none = unmask)")
    p.add_argument("item_id", type=db_int, metavar="CLIP_ID")
    p.add_argument("indexes", type=db_int, nargs="*", metavar="WORD")
    p = command(rsub, "delete", cmd_delete, help="delete a reel")
    p.add_argument("reel_id", type=db_int, metavar="REEL_ID")
    p = command(rsub, "render", cmd_render, help="render a reel to an MP4 (H.264 + AAC)")
    p.add_argument("reel_id", type=db_int, metavar="REEL_ID")
    p.add_argument("--out", required=True, metavar="PATH.mp4")
    p.add_argument("--captions", choices=CAPTION_MODES)
    p.add_argument("--blur-faces", action="store_true", default=None)
    p.add_argument("--height", type=db_int, choices=HEIGHTS)
    command(sub, "reels", cmd_list, help="list reels")

    csub = group(sub, "consent", "record who may see an interview")
    p = command(csub, "set", cmd_consent_set, help="record the interview's consent")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    for audience in AUDIENCES:
        p.add_argument(f"--{audience}", action="store_true", help=f"allow {audience} viewing")
    p.add_argument("--method", choices=CONSENT_METHODS, default="verbal")
    p.add_argument("--given-by", default="")
    p.add_argument("--valid-days", type=db_int, metavar="DAYS",
                   help="how long it holds (default: Settings, one year; 0 = no expiry)")
    p.add_argument("--given-on", type=_day, metavar="YYYY-MM-DD",
                   help="when it was given (default: now)")
    p = command(csub, "show", cmd_consent_show, help="show the interview's consent")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    p = command(csub, "renew", cmd_consent_renew,
                help="the same audiences consented again from today")
    p.add_argument("interview_id", type=db_int, metavar="INTERVIEW_ID")
    p.add_argument("--given-by", default="")
    p.add_argument("--valid-days", type=db_int, metavar="DAYS")
    p = command(csub, "expired", cmd_consent_expired,
                help="consents that ran out (their clips are left out of reels)")
    p.add_argument("--customer", metavar="NAME")

    psub = group(sub, "playlist", "onboarding playlists of reels")
    p = command(psub, "create", cmd_pl_create, help="a new playlist")
    p.add_argument("name")
    p.add_argument("--role", default="")
    p.add_argument("--description", default="")
    p = command(psub, "add", cmd_pl_add, help="add a reel with a short text")
    p.add_argument("playlist_id", type=db_int, metavar="PLAYLIST_ID")
    p.add_argument("reel_id", type=db_int, metavar="REEL_ID")
    p.add_argument("--text", default="")
    p.add_argument("--position", type=db_int, metavar="N")
    p = command(psub, "show", cmd_pl_show, help="show a playlist")
    p.add_argument("playlist_id", type=db_int, metavar="PLAYLIST_ID")
    p = command(psub, "move", cmd_pl_move, help="move an entry (0 = first)")
    p.add_argument("item_id", type=db_int, metavar="ENTRY_ID")
    p.add_argument("position", type=db_int, metavar="POSITION")
    p = command(psub, "remove", cmd_pl_remove, help="remove an entry")
    p.add_argument("item_id", type=db_int, metavar="ENTRY_ID")
    p = command(psub, "text", cmd_pl_text, help="change an entry's text")
    p.add_argument("item_id", type=db_int, metavar="ENTRY_ID")
    p.add_argument("text")
    p = command(psub, "delete", cmd_pl_delete, help="delete a playlist")
    p.add_argument("playlist_id", type=db_int, metavar="PLAYLIST_ID")
    p = command(psub, "export", cmd_pl_export,
                help="export as an offline folder (MP4s + index.html)")
    p.add_argument("playlist_id", type=db_int, metavar="PLAYLIST_ID")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--joined", action="store_true", help="also one MP4 with every reel")
    command(sub, "playlists", cmd_pl_list, help="list playlists")


def _reel_texts(p: argparse.ArgumentParser, *, defaults: bool = True) -> None:
    p.add_argument("--audience", choices=AUDIENCES, default="internal" if defaults else None)
    for name in ("title", "subtitle", "end-text"):
        p.add_argument(f"--{name}", default="" if defaults else None)


# --- output --------------------------------------------------------------------------------


def _reel_brief(view: ReelView) -> dict[str, Any]:
    return {"id": view.id, "name": view.name, "audience": view.audience,
            "duration_s": round(view.duration_s, 3),
            "items": [{"id": i.id, "highlight_id": i.highlight_id, "interview_id": i.interview_id,
                       "start": i.start, "end": i.end, "consent_ok": i.consent_ok}
                      for i in view.items]}


def _reel_human(view: ReelView) -> str:
    lines = [f"Reel {view.id} '{view.name}' ({view.audience}), {clock(view.duration_s)}, "
             f"{len(view.items)} clip(s)"]
    for i in view.items:
        flag = "" if i.consent_ok and not i.consent_problem else f"  [{i.consent_problem}]"
        lines.append(f"  {i.position + 1:>2}. #{i.id} {i.customer:<18} {i.start:7.2f}-"
                     f"{i.end:7.2f} s  {i.quote[:60]}{flag}")
    return "\n".join(lines)


def _playlist_human(view: PlaylistView) -> str:
    lines = [f"Playlist {view.id} '{view.name}'" + (f" for {view.role}" if view.role else "")
             + f", {clock(view.duration_s)}"]
    lines += [f"  {i.position + 1:>2}. #{i.id} reel {i.reel_id} '{i.reel_name}' "
              f"{clock(i.duration_s)}  {i.text[:50]}" for i in view.items]
    return "\n".join(lines)


def _show_reel(view: ReelView, args: argparse.Namespace) -> int:
    emit(_reel_brief(view), as_json=args.json, human=_reel_human(view))
    return 0


def _show_playlist(view: PlaylistView, args: argparse.Namespace) -> int:
    emit(view.as_json(), as_json=args.json, human=_playlist_human(view))
    return 0


# --- jobs ----------------------------------------------------------------------------------


def _progress(job_id: int, p: Progress) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{p.message[:70]:<70} {p.fraction:4.0%}")
        sys.stderr.flush()


def run_job(kind: str, payload: dict[str, Any], *, title: str, target_id: int) -> dict[str, Any]:
    """Submit a job and run it to its end here; Ctrl-C cancels it (nothing half-written stays)."""
    s = services()
    job_id = s.jobs.submit(kind, payload, title=title, target_id=target_id)
    cancel = CancelToken()
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel()) if main else None
    try:
        info = s.jobs.run(job_id, cancel, on_progress=_progress)
    finally:
        if main:
            signal.signal(signal.SIGINT, previous)
        if sys.stderr.isatty():
            sys.stderr.write("\r" + " " * 76 + "\r")
    if info.status == "cancelled":
        raise KeyboardInterrupt
    if info.status != "done":
        raise CloserError(info.error or f"{title} stopped ({info.status}).")
    return info.result


# --- reels ---------------------------------------------------------------------------------


def cmd_create(args: argparse.Namespace) -> int:
    view = services().reels.create(args.name, highlight_ids=args.highlight,
                                   audience=args.audience, title=args.title,
                                   subtitle=args.subtitle, end_text=args.end_text)
    return _show_reel(view, args)


def cmd_auto(args: argparse.Namespace) -> int:
    if args.touchpoint is None and args.zone is None and not args.highlight:
        raise ValidationError("Say which clips to choose from: --touchpoint, --zone or "
                              "--highlight.")
    view = services().reels.auto(args.name, touchpoint=args.touchpoint, zone=args.zone,
                                 highlight_ids=args.highlight, persona=args.persona,
                                 max_seconds=args.max_seconds, audience=args.audience)
    return _show_reel(view, args)


def cmd_show(args: argparse.Namespace) -> int:
    view = services().reels.get(args.reel_id)
    emit(view.as_json(), as_json=args.json, human=_reel_human(view))
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    reels = services().reels
    changes: dict[str, Any] = {k: v for k, v in (
        ("name", args.name), ("audience", args.audience), ("title", args.title),
        ("subtitle", args.subtitle), ("end_text", args.end_text)) if v is not None}
    opts = {k: v for k, v in (("captions", args.captions), ("height", args.height),
                              ("blur_faces", args.blur_faces), ("use_alias", args.alias))
            if v is not None}
    if opts:
        changes["options"] = with_options(reels.get(args.reel_id).options, **opts)
    return _show_reel(reels.update(args.reel_id, **changes), args)


def cmd_add(args: argparse.Namespace) -> int:
    reels = services().reels
    item = reels.add_item(args.reel_id, highlight_id=args.highlight,
                          interview_id=args.interview, start=args.start, end=args.end,
                          position=args.position)
    emit(item.as_json(), as_json=args.json,
         human=f"Added clip #{item.id}: {item.start:.2f}-{item.end:.2f} s  {item.quote[:60]}")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    return _show_reel(services().reels.move_item(args.item_id, args.position), args)


def cmd_remove(args: argparse.Namespace) -> int:
    return _show_reel(services().reels.remove_item(args.item_id), args)


def cmd_trim(args: argparse.Namespace) -> int:
    item = services().reels.trim_item(args.item_id, args.start, args.end, snap=not args.exact)
    emit(item.as_json(), as_json=args.json,
         human=f"Clip #{item.id}: {item.start:.3f}-{item.end:.3f} s  {item.quote[:60]}")
    return 0


def cmd_words(args: argparse.Namespace) -> int:
    words = services().reels.words(args.item_id)
    emit([w.as_json() for w in words], as_json=args.json,
         human="\n".join(f"{w.index:>4} {w.start:7.2f} {w.text:<20} "
                         f"{'MASKED ' if w.masked else ''}{w.sensitive}" for w in words)
         or "(no words)")
    return 0


def cmd_mask(args: argparse.Namespace) -> int:
    return _show_reel(services().reels.set_masked(args.item_id, args.indexes), args)


def cmd_delete(args: argparse.Namespace) -> int:
    services().reels.delete(args.reel_id)
    emit({"deleted": args.reel_id}, as_json=args.json, human=f"Deleted reel {args.reel_id}.")
    return 0


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(os.path.abspath(Path(args.out).expanduser()))  # a symlink stays a symlink
    services().reels.check_out(out)  # before a job is made: never over a recording
    payload: dict[str, Any] = {"reel_id": args.reel_id, "out": str(out)}
    for key in ("captions", "blur_faces", "height"):
        if getattr(args, key) is not None:
            payload[key] = getattr(args, key)
    result = run_job("render_reel", payload, title=f"Render reel {args.reel_id}",
                     target_id=args.reel_id)
    emit(result, as_json=args.json,
         human=f"{result['path']}  {clock(result['duration_s'])}  "
               f"{result['width']}x{result['height']}  {len(result['clips'])} clip(s)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    rows = services().reels.list()
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n".join(f"{r.id:>4} {r.name:<32} {r.audience:<10} {r.items:>3} clip(s) "
                         f"{clock(r.duration_s)}" for r in rows) or "(no reels)")
    return 0


# --- consent -------------------------------------------------------------------------------


def cmd_consent_set(args: argparse.Namespace) -> int:
    view = services().consent.set_consent(args.interview_id, internal=args.internal,
                                          onboarding=args.onboarding, public=args.public,
                                          given_by=args.given_by, method=args.method,
                                          valid_days=args.valid_days, given_at=args.given_on)
    emit(view.as_json(), as_json=args.json)
    return 0


def _day(text: str) -> datetime:
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2025-03-31") from exc


def cmd_consent_renew(args: argparse.Namespace) -> int:
    view = services().consent.renew(args.interview_id, given_by=args.given_by,
                                    valid_days=args.valid_days)
    emit(view.as_json(), as_json=args.json,
         human=f"Consent for interview {args.interview_id} renewed until "
               f"{view.valid_until:%Y-%m-%d}." if view.valid_until else
               f"Consent for interview {args.interview_id} renewed (no expiry).")
    return 0


def cmd_consent_expired(args: argparse.Namespace) -> int:
    svc = services()
    customer_id = svc.library.customer_by_name(args.customer).id if args.customer else None
    rows = svc.consent.expired(customer_id=customer_id)
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n".join(r.message for r in rows) or "No consent has expired.")
    return 0


def cmd_consent_show(args: argparse.Namespace) -> int:
    view = services().consent.get(args.interview_id)
    emit(view.as_json() if view else None, as_json=args.json,
         human=str(view.as_json()) if view else "Consent not recorded.")
    return 0


# --- playlists -----------------------------------------------------------------------------


def cmd_pl_create(args: argparse.Namespace) -> int:
    view = services().playlists.create(args.name, role=args.role, description=args.description)
    return _show_playlist(view, args)


def cmd_pl_add(args: argparse.Namespace) -> int:
    view = services().playlists.add_reel(args.playlist_id, args.reel_id, text=args.text,
                                         position=args.position)
    return _show_playlist(view, args)


def cmd_pl_show(args: argparse.Namespace) -> int:
    return _show_playlist(services().playlists.get(args.playlist_id), args)


def cmd_pl_move(args: argparse.Namespace) -> int:
    return _show_playlist(services().playlists.move_item(args.item_id, args.position), args)


def cmd_pl_remove(args: argparse.Namespace) -> int:
    return _show_playlist(services().playlists.remove_item(args.item_id), args)


def cmd_pl_text(args: argparse.Namespace) -> int:
    return _show_playlist(services().playlists.update_item_text(args.item_id, args.text), args)


def cmd_pl_delete(args: argparse.Namespace) -> int:
    services().playlists.delete(args.playlist_id)
    emit({"deleted": args.playlist_id}, as_json=args.json,
         human=f"Deleted playlist {args.playlist_id}.")
    return 0


def cmd_pl_export(args: argparse.Namespace) -> int:
    payload = {"playlist_id": args.playlist_id, "out_dir": str(Path(args.out).resolve()),
               "joined": bool(args.joined)}
    result = run_job("export_playlist", payload, title=f"Export playlist {args.playlist_id}",
                     target_id=args.playlist_id)
    emit(result, as_json=args.json, human=f"Exported to {result['index']}")
    return 0


def cmd_pl_list(args: argparse.Namespace) -> int:
    rows = services().playlists.list()
    emit([r.as_json() for r in rows], as_json=args.json,
         human="\n\n".join(_playlist_human(r) for r in rows) or "(no playlists)")
    return 0
