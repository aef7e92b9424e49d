"""Open the library once per CLI invocation."""

from __future__ import annotations

from functools import lru_cache

from desktop_app.wiring import Services, build_services


@lru_cache(maxsize=1)
def services() -> Services:
    return build_services()
