"""How CLI commands are declared: `command()` makes one (with --json and its handler), `group()`
a family of sub-commands, and the add_*_filters helpers the options several commands share."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

Handler = Callable[[argparse.Namespace], int]


def json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def command(sub: Any, name: str, handler: Handler, help: str | None = None,
            **kwargs: Any) -> argparse.ArgumentParser:
    """Register `name` under `sub` (an add_subparsers() result) with --json; main() runs
    `handler`. Extra keyword arguments go to add_parser (description=...)."""
    if help is not None:  # no help keeps the name out of the parent's command list
        kwargs["help"] = help
    p: argparse.ArgumentParser = sub.add_parser(name, **kwargs)
    json_flag(p)
    p.set_defaults(handler=handler)
    return p


def group(sub: Any, name: str, help: str) -> Any:
    """A command made of required actions (`closer customer add|list|edit`); returns the
    sub-parsers to register those actions on with command()."""
    return sub.add_parser(name, help=help).add_subparsers(dest="action", required=True)


# --- shared filters -------------------------------------------------------------------------


def add_customer_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument("--customer", metavar="NAME", help="customer name")


def add_persona_filter(p: argparse.ArgumentParser) -> None:
    p.add_argument("--persona", metavar="NAME", help="persona name")


def add_date_range(p: argparse.ArgumentParser, *, from_help: str = "interviews from this date",
                   to_help: str = "interviews up to this date") -> None:
    """--from/--to as args.date_from/args.date_to (ISO text, parsed by the command)."""
    p.add_argument("--from", dest="date_from", metavar="DATE", help=from_help)
    p.add_argument("--to", dest="date_to", metavar="DATE", help=to_help)


def add_touchpoint_zone(p: argparse.ArgumentParser, *, several: bool = False) -> None:
    """--touchpoint and --zone; with several=True each may be repeated (lists)."""
    more = {"action": "append"} if several else {}
    tail = " (repeat for several)" if several else ""
    p.add_argument("--touchpoint", metavar="NAME", help="touchpoint name" + tail, **more)
    p.add_argument("--zone", metavar="KEY_OR_NAME", help="problem zone key or name" + tail,
                   **more)


def add_highlight_filters(p: argparse.ArgumentParser) -> None:
    """Which highlights: --touchpoint, --zone and --persona (one of each)."""
    add_touchpoint_zone(p)
    add_persona_filter(p)


def add_interview_filters(p: argparse.ArgumentParser, *, interviewer: bool = False) -> None:
    """Which interviews: --persona, --customer, --from/--to (and --interviewer)."""
    add_persona_filter(p)
    add_customer_filter(p)
    add_date_range(p)
    if interviewer:
        p.add_argument("--interviewer", help="who led the interview")


DB_INT_MAX = 2**63 - 1


def db_int(text: str) -> int:
    """An argparse type: a whole number the database can hold (ids, limits, positions)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not -DB_INT_MAX <= value <= DB_INT_MAX:
        shown = text if len(text) <= 30 else text[:30] + "…"
        raise argparse.ArgumentTypeError(f"{shown} is too large (at most {DB_INT_MAX})")
    return value
