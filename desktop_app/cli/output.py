"""How CLI commands print: JSON for scripts and tests, short readable lines for people."""

from __future__ import annotations

import json
import sys
from typing import Any


def emit(data: Any, *, as_json: bool, human: str | None = None) -> None:
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write((human if human is not None else _plain(data)) + "\n")
    sys.stdout.flush()


def error(message: str, *, as_json: bool = False) -> int:
    """Report a user-facing error on stderr (and as JSON on stdout in --json mode); exit 2."""
    sys.stderr.write(f"closer: {message}\n")
    if as_json:
        sys.stdout.write(json.dumps({"error": message}, ensure_ascii=False) + "\n")
    return 2


def _plain(data: Any) -> str:
    if isinstance(data, list):
        return "\n".join(_plain(x) for x in data) if data else "(none)"
    if isinstance(data, dict):
        return "  ".join(f"{k}={v}" for k, v in data.items())
    return str(data)
