"""`closer customer forget NAME [--yes]`: a preview without --yes, the erasure with it, no trace
of the customer left in the library files, and `closer audit` no longer naming them."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.wiring import build_services
from tests.e2e.test_customer_cli import refused, run_json
from tests.unit.test_erasure import NAME, make_library, traces


def test_forget_on_the_command_line_previews_then_erases(
        closer_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    svc = build_services(closer_home)
    lib = make_library(svc, tmp_path)
    svc.engine.dispose()
    rc, preview = run_json(capsys, "customer", "forget", NAME)
    assert rc == 0 and preview["done"] is False and preview["interviews"] == 1
    assert traces(closer_home)  # nothing removed yet
    rc, audit = run_json(capsys, "audit")
    assert rc == 0 and {a["action"] for a in audit} == {"reel_render"}
    assert refused(capsys, "customer", "forget", "Nobody", "--yes") == \
        "closer: No customer named 'Nobody'."
    rc, report = run_json(capsys, "customer", "forget", NAME.upper(), "--yes")
    assert rc == 0 and report["done"] is True
    assert str(lib["outside"]) in [e["path"] for e in report["exports_outside"]]
    assert traces(closer_home) == {}
    rc, customers = run_json(capsys, "customers")
    assert [c["name"] for c in customers] == ["Oleg Petrov"]
    rc, audit = run_json(capsys, "audit")
    assert len(audit) == 2  # the two renders stay logged, with Oleg only and no name of hers
    assert all(a["customer_ids"] == [customers[0]["id"]] for a in audit)
    assert "marisol" not in str(audit).lower()
