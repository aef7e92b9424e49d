"""Consent: the per-audience rule and ConsentService on a real SQLite library."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import func, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.reels import ConsentView, consent_verdict
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Consent
from desktop_app.wiring import Services, build_services
from tests.unit.test_tagging import SUPPORT_STORY_EN, make_interview


def _consent(method: str = "verbal", **flags: bool) -> ConsentView:
    return ConsentView(interview_id=1, given_by="Ann", given_at=datetime(2026, 1, 1, tzinfo=UTC),
                       method=method, internal=flags.get("internal", False),
                       onboarding=flags.get("onboarding", False),
                       public=flags.get("public", False))


@pytest.mark.parametrize(("consent", "expected"), [
    # nothing recorded: internal meetings with a warning, nothing wider
    (None, {"internal": (True, "consent was not recorded: fine for internal meetings only"),
            "onboarding": (False, "no consent recorded for onboarding viewing"),
            "public": (False, "no consent recorded for public viewing")}),
    # recorded without consent: nobody
    (_consent("none"), {a: (False, "recorded without consent")
                        for a in ("internal", "onboarding", "public")}),
    # a wider permission covers the narrower audiences, never the other way round
    (_consent(internal=True), {"internal": (True, ""),
                               "onboarding": (False, "the customer did not consent to "
                                                     "onboarding viewing"),
                               "public": (False, "the customer did not consent to public "
                                                 "viewing")}),
    (_consent("form", onboarding=True), {"internal": (True, ""), "onboarding": (True, ""),
                                         "public": (False, "the customer did not consent to "
                                                           "public viewing")}),
    (_consent(public=True), {a: (True, "") for a in ("internal", "onboarding", "public")}),
    (_consent(), {"internal": (False, "the customer did not consent to internal viewing"),
                  "onboarding": (False, "the customer did not consent to onboarding viewing"),
                  "public": (False, "the customer did not consent to public viewing")}),
])
def test_consent_rule_per_audience(consent: ConsentView | None,
                                   expected: dict[str, tuple[bool, str]]) -> None:
    assert {a: consent_verdict(consent, a) for a in expected} == expected


def test_unknown_audience_is_refused() -> None:
    with pytest.raises(ValidationError, match="Unknown audience 'everyone'"):
        consent_verdict(None, "everyone")


@pytest.fixture()
def svc(tmp_path: Path) -> Services:
    home = tmp_path / "library"
    home.mkdir()
    return build_services(home)


def _rows(svc: Services, interview_id: int) -> int:
    with session_scope(svc.engine) as s:
        return int(s.exec(select(func.count()).select_from(Consent)
                          .where(Consent.interview_id == interview_id)).one())


def test_set_consent_keeps_one_current_record(svc: Services) -> None:
    iid = make_interview(svc, "John Smith", SUPPORT_STORY_EN, language="en")
    assert svc.consent.get(iid) is None
    assert svc.consent.check(iid, "internal")[0] is True
    first = svc.consent.set_consent(iid, internal=True, given_by=" John Smith ", method="verbal")
    assert (first.internal, first.onboarding, first.public, first.given_by, first.method) == \
        (True, False, False, "John Smith", "verbal")
    assert svc.consent.check(iid, "onboarding") == \
        (False, "the customer did not consent to onboarding viewing")
    second = svc.consent.set_consent(iid, internal=True, onboarding=True, method="form",
                                     form_path="/forms/john.pdf", given_by="John Smith")
    assert svc.consent.get(iid) == second and second.given_at >= first.given_at
    assert _rows(svc, iid) == 1
    assert svc.consent.check(iid, "onboarding") == (True, "")
    svc.consent.set_consent(iid, method="none", notes="refused on the call")
    assert svc.consent.check(iid, "internal") == (False, "recorded without consent")
    svc.consent.clear(iid)
    assert svc.consent.get(iid) is None and _rows(svc, iid) == 0


def test_bad_consent_is_refused_and_saves_nothing(svc: Services) -> None:
    iid = make_interview(svc, "John Smith", SUPPORT_STORY_EN, language="en")
    with pytest.raises(ValidationError, match="Unknown consent method 'email'"):
        svc.consent.set_consent(iid, internal=True, method="email")
    with pytest.raises(ValidationError, match="method 'none' means recorded without consent"):
        svc.consent.set_consent(iid, public=True, method="none")
    with pytest.raises(NotFoundError, match="Interview 999 does not exist"):
        svc.consent.set_consent(999, internal=True)
    assert _rows(svc, iid) == 0
