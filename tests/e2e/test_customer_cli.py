"""`closer customer edit`: the alias an anonymised reel shows, other fields, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main as cli


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    rc = cli([*args, "--json"])
    return rc, json.loads(capsys.readouterr().out)


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must fail: exit 2, one `closer:` line on stderr, JSON error too."""
    rc = cli([*args, "--json"])
    captured = capsys.readouterr()
    assert rc == 2
    assert json.loads(captured.out)["error"] in captured.err
    [line] = captured.err.splitlines()
    assert line.startswith("closer: ")
    return line


def customer(capsys: pytest.CaptureFixture[str], name: str) -> dict[str, Any]:
    rc, rows = run_json(capsys, "customers")
    assert rc == 0
    [row] = [r for r in rows if r["name"] == name]
    return row


def test_alias_set_on_the_command_line_is_what_an_anonymised_reel_shows(
        closer_home: Path, shared_media: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, rows = run_json(capsys, "import", str(shared_media / "en" / "jfk.flac"),
                        "--customer", "John Kennedy", "--date", "2026-11-05")
    assert rc == 0 and rows[0]["ok"], rows
    interview = str(rows[0]["interview_id"])
    assert customer(capsys, "John Kennedy")["alias"] == ""

    rc, edited = run_json(capsys, "customer", "edit", "john kennedy", "--alias", "  Client  J ")
    assert rc == 0, edited
    assert (edited["name"], edited["alias"]) == ("John Kennedy", "Client J")
    assert customer(capsys, "John Kennedy")["alias"] == "Client J"

    rc, reel = run_json(capsys, "reel", "create", "Anonymised")
    assert rc == 0, reel
    rid = str(reel["id"])
    rc, reel = run_json(capsys, "reel", "add", rid, "--interview", interview,
                        "--start", "1", "--end", "4")
    assert rc == 0, reel
    rc, reel = run_json(capsys, "reel", "show", rid)
    assert reel["items"][0]["lower_third"][0] == "John"  # names until the reel asks for aliases
    rc, reel = run_json(capsys, "reel", "set", rid, "--alias")
    assert rc == 0, reel
    rc, reel = run_json(capsys, "reel", "show", rid)
    assert reel["items"][0]["lower_third"][0] == "Client J"

    rc, edited = run_json(capsys, "customer", "edit", "John Kennedy", "--alias", "")
    assert rc == 0 and edited["alias"] == ""
    rc, reel = run_json(capsys, "reel", "show", rid)
    assert reel["items"][0]["lower_third"][0] == f"Customer {edited['id']}"


def test_edit_company_persona_language_and_refusals_that_change_nothing(
        closer_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["customer", "add", "Анна Петрова", "--company", "Acme"]) == 0
    assert cli(["persona", "add", "Founder"]) == 0
    capsys.readouterr()

    rc, edited = run_json(capsys, "customer", "edit", "анна петрова", "--persona", "founder",
                          "--company", " Globex ", "--language", "ru")
    assert rc == 0, edited
    assert (edited["company"], edited["persona"], edited["language"], edited["alias"]) \
        == ("Globex", "Founder", "ru", "")
    before = customer(capsys, "Анна Петрова")
    assert before == edited

    assert refused(capsys, "customer", "edit", "Nobody", "--alias", "X") \
        == "closer: No customer named 'Nobody'."
    assert refused(capsys, "customer", "edit", "Анна Петрова", "--persona", "Ghost",
                   "--alias", "A") == "closer: No persona named 'Ghost'."
    assert "--alias" in refused(capsys, "customer", "edit", "Анна Петрова")
    assert customer(capsys, "Анна Петрова") == before  # a refusal saves nothing

    rc, edited = run_json(capsys, "customer", "edit", "Анна Петрова", "--persona", "")
    assert rc == 0 and edited["persona"] == "" and edited["company"] == "Globex"

    assert cli(["customer", "edit", "Анна Петрова", "--alias", "Client A"]) == 0
    assert capsys.readouterr().out.startswith("Updated customer Анна Петрова: alias Client A")
