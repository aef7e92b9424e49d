"""Retention policy: recordings older than N months go (file, picture, link), the interview
stays with its transcript and says why; recordings used by reels with valid consent stay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.config.settings import load_settings, save_settings
from desktop_app.domain.errors import ValidationError
from desktop_app.services.retention import months_before
from desktop_app.services.search import SearchService
from desktop_app.wiring import Services, build_services
from tests.unit.privacy_lib import JFK, WAV, recorded_interview

OLD = datetime(2024, 1, 10, 9, tzinfo=UTC)
VIDEO = Path(__file__).resolve().parent.parent / "media" / "en" / "cmu_goforward.wav"


@pytest.fixture()
def svc(tmp_path: Path) -> Services:
    home = tmp_path / "library"
    home.mkdir()
    return build_services(home)


def test_months_before_clamps_to_the_month_end() -> None:
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28,
                                                                           tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 13) == datetime(2024, 12, 15,
                                                                            tzinfo=UTC)


def test_old_recordings_go_the_interview_stays_and_says_why(svc: Services) -> None:
    old = recorded_interview(svc, "Anna Petrova", ["the courier was late"], JFK, when=OLD)
    in_reel = recorded_interview(svc, "Oleg Petrov", ["refunds took weeks"], WAV, when=OLD)
    new = recorded_interview(svc, "Oleg Petrov", ["new parcel lockers"], VIDEO,
                             when=datetime.now(UTC) - timedelta(days=20))
    svc.consent.set_consent(in_reel, internal=True)
    reel = svc.reels.create("Keep me")
    svc.reels.add_item(reel.id, interview_id=in_reel, start=0.0, end=1.0)
    old_media = Path(svc.interviews.get(old).media_path)
    old_picture = svc.interviews.get(old).picture_path
    assert old_media.is_file()

    assert svc.retention.plan().months == 0 and svc.retention.apply().goes == []
    with pytest.raises(ValidationError, match="retention of -1 months"):
        svc.retention.plan(months=-1)
    settings = load_settings(svc.home)
    settings.retention_months = 12
    save_settings(settings, svc.home)
    preview = svc.retention.plan()
    assert [i.interview_id for i in preview.goes] == [old]
    assert [(i.interview_id, i.kept_because) for i in preview.kept] == [
        (in_reel, "used in a reel with valid consent")]
    assert old_media.is_file()  # a preview deletes nothing

    report = svc.retention.apply()
    assert report.applied and [i.interview_id for i in report.goes] == [old]
    assert not old_media.exists()
    assert not old_picture or not Path(old_picture).exists()
    row = svc.interviews.get(old)
    assert row.media_path == "" and row.media_removed.startswith(
        "Recording removed by the retention policy (older than 12 months) on ")
    assert SearchService(svc.engine).search("courier")  # the transcript stays
    assert Path(svc.interviews.get(in_reel).media_path).is_file()
    assert Path(svc.interviews.get(new).media_path).is_file()
    assert svc.retention.plan().goes == []  # nothing left to do

    svc.consent.set_consent(in_reel, internal=True, given_at=OLD)  # expired: reel no help
    settings.retention_keep_transcripts = False
    save_settings(settings, svc.home)
    assert [i.interview_id for i in svc.retention.apply().goes] == [in_reel]
    assert SearchService(svc.engine).search("refunds") == []
    assert svc.interviews.get(in_reel).media_removed
    assert Path(svc.interviews.get(new).media_path).is_file()
