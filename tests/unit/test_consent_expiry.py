"""Consent over time: it holds for a validity, expires with the date named, and is renewed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.config.settings import load_settings, save_settings
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.reels import ConsentView, consent_verdict
from desktop_app.wiring import Services, build_services
from tests.unit.privacy_lib import JFK, WAV, recorded_interview
from tests.unit.test_tagging import SUPPORT_STORY_EN, make_interview

LONG_AGO = datetime(2024, 3, 1, 9, tzinfo=UTC)


@pytest.fixture()
def svc(tmp_path: Path) -> Services:
    home = tmp_path / "library"
    home.mkdir()
    return build_services(home)


def test_expired_consent_blocks_every_audience_with_its_date() -> None:
    until = datetime(2025, 3, 1, tzinfo=UTC)
    view = ConsentView(interview_id=1, given_by="Ann", given_at=LONG_AGO, method="verbal",
                       internal=True, onboarding=True, public=True, valid_until=until)
    before, after = until - timedelta(seconds=1), until + timedelta(days=1)
    assert consent_verdict(view, "public", now=before) == (True, "")
    for audience in ("internal", "onboarding", "public"):
        assert consent_verdict(view, audience, now=after) == (
            False, "consent expired on 2025-03-01: renew it with the customer")


def test_consent_lasts_the_settings_validity_and_expires(svc: Services) -> None:
    iid = make_interview(svc, "Maria Lopez", SUPPORT_STORY_EN, language="en")
    fresh = svc.consent.set_consent(iid, internal=True, onboarding=True)
    assert fresh.valid_until == fresh.given_at + timedelta(days=365)
    settings = load_settings(svc.home)
    settings.consent_validity_days = 30
    save_settings(settings, svc.home)
    month = svc.consent.set_consent(iid, internal=True)
    assert month.valid_until == month.given_at + timedelta(days=30)
    forever = svc.consent.set_consent(iid, internal=True, valid_days=0)
    assert forever.valid_until is None and svc.consent.expired() == []
    old = svc.consent.set_consent(iid, internal=True, onboarding=True, given_at=LONG_AGO,
                                  valid_days=365)
    assert old.expired()
    assert svc.consent.check(iid, "internal") == (
        False, "consent expired on 2025-03-01: renew it with the customer")
    [gone] = svc.consent.expired()
    assert (gone.customer, gone.interview_id) == ("Maria Lopez", iid)
    assert gone.message == f"Maria Lopez: consent for interview {iid} expired on 2025-03-01"
    cid = svc.library.customer_by_name("Maria Lopez").id
    assert svc.consent.expired_customers() == {cid: old.valid_until}
    renewed = svc.consent.renew(iid)
    assert (renewed.internal, renewed.onboarding, renewed.public) == (True, True, False)
    assert not renewed.expired() and svc.consent.expired() == []
    assert svc.consent.check(iid, "onboarding") == (True, "")
    with pytest.raises(ValidationError, match="validity of -1 days"):
        svc.consent.set_consent(iid, internal=True, valid_days=-1)


def test_reels_and_playlists_relying_on_expired_consent_are_flagged_and_refused(
        svc: Services) -> None:
    iid = recorded_interview(svc, "Maria Lopez", SUPPORT_STORY_EN, JFK)
    other = recorded_interview(svc, "Oleg Petrov", SUPPORT_STORY_EN, WAV,
                               when=datetime(2026, 2, 1, tzinfo=UTC))
    for i in (iid, other):
        svc.consent.set_consent(i, internal=True, onboarding=True)
    reel = svc.reels.create("Delivery pain", audience="onboarding")
    svc.reels.add_item(reel.id, interview_id=iid, start=0.0, end=2.0)
    svc.reels.add_item(reel.id, interview_id=other, start=0.0, end=2.0)
    playlist = svc.playlists.create("New staff")
    svc.playlists.add_reel(playlist.id, reel.id)
    assert svc.reels.consent_issues(reel.id) == []
    assert svc.playlists.consent_issues(playlist.id) == []
    svc.consent.set_consent(iid, internal=True, onboarding=True, given_at=LONG_AGO)
    problem = "consent expired on 2025-03-01: renew it with the customer"
    view = svc.reels.get(reel.id)
    assert [(i.customer, i.consent_ok, i.consent_problem) for i in view.items] == [
        ("Maria Lopez", False, problem), ("Oleg Petrov", True, "")]
    [summary] = svc.reels.list()
    assert summary.consent_issues == (f"clip 1 (Maria Lopez, interview {iid}): {problem}",)
    with pytest.raises(ValidationError) as render:
        svc.reels.checked_plan(reel.id)
    assert "Maria Lopez" in str(render.value) and "expired on 2025-03-01" in str(render.value)
    with pytest.raises(ValidationError) as export:
        next(svc.playlists.export_iter(playlist.id, svc.home / "out"))
    assert "Maria Lopez" in str(export.value) and "2025-03-01" in str(export.value)
    assert not (svc.home / "out").exists()
    svc.consent.renew(iid)
    assert svc.reels.consent_issues(reel.id) == [] and svc.reels.list()[0].consent_issues == ()
    assert svc.playlists.consent_issues(playlist.id) == []


def test_the_next_meeting_offers_a_re_consent(svc: Services) -> None:
    from desktop_app.services.scheduling_status import SeriesDraft

    iid = make_interview(svc, "Maria Lopez", SUPPORT_STORY_EN, language="en")
    cid = svc.library.customer_by_name("Maria Lopez").id
    now = datetime.now(UTC)
    first = (now + timedelta(days=1)).strftime("%Y-%m-%d 10:00")
    svc.scheduling.add_series(SeriesDraft(customer_id=cid, start_local=first,
                                             tz="UTC", rrule="FREQ=WEEKLY;COUNT=3"))
    rows = svc.scheduling.occurrences(now, now + timedelta(days=30), now_utc=now)
    assert [r.renew_consent for r in rows] == [None, None, None]
    svc.consent.set_consent(iid, internal=True, given_at=LONG_AGO)
    rows = svc.scheduling.occurrences(now, now + timedelta(days=30), now_utc=now)
    until = LONG_AGO + timedelta(days=365)
    assert [r.renew_consent for r in rows] == [until, None, None]
    assert rows[0].as_json()["renew_consent"] == "2025-03-01"
