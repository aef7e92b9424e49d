"""The command line: every GUI action has a `closer ... --json` twin over the same services."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from desktop_app import __version__
from desktop_app.cli.failures import describe_failure
from desktop_app.cli.output import error
from desktop_app.domain.errors import CloserError

Handler = Callable[[argparse.Namespace], int]


def _modules() -> list[Any]:
    from desktop_app.cli import library_cmds

    mods: list[Any] = [library_cmds]
    # Optional areas register themselves when present.
    import importlib

    for name in ("schedule_cmds", "transcribe_cmds", "tagging_cmds", "reel_cmds",
                 "record_cmds"):
        try:
            mods.append(importlib.import_module(f"desktop_app.cli.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"desktop_app.cli.{name}":
                raise
    return mods


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="closer",
        description="Closer: customer interviews recorded, transcribed and tagged offline.")
    parser.add_argument("--version", action="version", version=f"closer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in _modules():
        mod.register(sub)
    return parser


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


def json_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    as_json = getattr(args, "json", False)
    try:
        return handler(args)
    except CloserError as exc:
        return error(str(exc), as_json=as_json)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback, never a database URL: one line instead
        message = describe_failure(exc)
        if message is None:
            raise
        return error(message, as_json=as_json)
