"""The command line: every GUI action has a `closer ... --json` twin over the same services."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop_app import __version__
from desktop_app.cli.args import Handler
from desktop_app.cli.failures import describe_failure
from desktop_app.cli.output import error
from desktop_app.domain.errors import CloserError


def _modules() -> list[Any]:
    """Every command area; each has `register(subparsers)` (imported here, on first use)."""
    from desktop_app.cli import (
        library_cmds,
        privacy_cmds,
        record_cmds,
        reel_cmds,
        schedule_cmds,
        tagging_cmds,
        transcribe_cmds,
    )

    return [library_cmds, schedule_cmds, transcribe_cmds, tagging_cmds, reel_cmds, record_cmds,
            privacy_cmds]


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
