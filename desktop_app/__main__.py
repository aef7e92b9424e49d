"""Entry point: `closer` / `python -m desktop_app` opens the GUI; with a subcommand, the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-platform") and args[0] not in ("--gui",):
        from desktop_app.cli import main as cli_main

        return cli_main(args)
    from desktop_app.app import run_gui

    return run_gui([a for a in args if a != "--gui"])


if __name__ == "__main__":
    raise SystemExit(main())
