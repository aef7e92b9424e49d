"""The command line: every GUI action has a `closer ... --json` twin over the same services."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app import __version__
from desktop_app.cli.args import Handler
from desktop_app.cli.output import error
from desktop_app.domain.errors import CloserError


def _modules() -> list[Any]:
    from desktop_app.cli import library_cmds

    mods: list[Any] = [library_cmds]
    # Optional areas register themselves when present.
    import importlib

    for name in ("schedule_cmds", "transcribe_cmds", "tagging_cmds", "reel_cmds",
                 "record_cmds", "privacy_cmds"):
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except CloserError as exc:
        return error(str(exc), as_json=getattr(args, "json", False))
    except KeyboardInterrupt:
        return 130
