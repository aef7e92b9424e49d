"""Recurring interview series: expansion across DST, rule shapes, skips/moves and clear errors.

Expected instants are written out by hand in UTC (worked out from each zone's published
offsets), never computed with the code under test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_app.domain.errors import CloserError, ValidationError
from desktop_app.domain.recurrence import (
    OccurrenceChange,
    ScheduleError,
    SeriesSpec,
    cadence_days,
    export_rrule,
    find_original,
    first_start_local,
    get_zone,
    next_occurrences,
    occurrences,
    overlaps,
    parse_local_start,
    validate_rrule,
    validate_spec,
)


def u(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


YEAR_2026 = {"start_utc": u(2026, 1, 1), "end_utc": u(2027, 1, 1)}


def starts(spec: SeriesSpec, changes=(), **window) -> list[datetime]:
    return [o.start_utc for o in occurrences(spec, changes, **(window or YEAR_2026))]


# --- DST: gaps move forward by the gap, overlaps take the first instance -----------------


def test_berlin_spring_gap_shifts_forward_and_fall_overlap_takes_first_instance() -> None:
    spring = SeriesSpec(datetime(2026, 3, 22, 2, 30), "Europe/Berlin", 45, "FREQ=WEEKLY;COUNT=3")
    occ = occurrences(spring, **YEAR_2026)
    # 22 Mar CET (+1); 29 Mar 02:30 does not exist -> read with +1 -> 01:30Z = 03:30 CEST.
    assert [o.start_utc for o in occ] == [u(2026, 3, 22, 1, 30), u(2026, 3, 29, 1, 30),
                                          u(2026, 4, 5, 0, 30)]
    assert occ[1].start_local.strftime("%H:%M %Z") == "03:30 CEST"
    assert occ[1].end_utc - occ[1].start_utc == timedelta(minutes=45)
    assert occ[2].start_local.strftime("%H:%M %Z") == "02:30 CEST"

    fall = SeriesSpec(datetime(2026, 10, 18, 2, 30), "Europe/Berlin", 30, "FREQ=WEEKLY;COUNT=3")
    # 25 Oct 02:30 happens twice: the first one (CEST, +2) is 00:30Z.
    assert starts(fall) == [u(2026, 10, 18, 0, 30), u(2026, 10, 25, 0, 30), u(2026, 11, 1, 1, 30)]


def test_berlin_weekly_meeting_keeps_its_wall_time_across_both_changes() -> None:
    spec = SeriesSpec(datetime(2026, 3, 24, 10, 0), "Europe/Berlin", 60, "FREQ=WEEKLY;BYDAY=TU")
    occ = occurrences(spec, start_utc=u(2026, 3, 20), end_utc=u(2026, 4, 1))
    assert [o.start_utc for o in occ] == [u(2026, 3, 24, 9), u(2026, 3, 31, 8)]
    assert {o.start_local.strftime("%H:%M") for o in occ} == {"10:00"}
    autumn = starts(spec, start_utc=u(2026, 10, 19), end_utc=u(2026, 11, 1))
    assert autumn == [u(2026, 10, 20, 8), u(2026, 10, 27, 9)]


def test_new_york_gap_on_march_8_and_overlap_on_november_1() -> None:
    gap = SeriesSpec(datetime(2026, 3, 7, 2, 30), "America/New_York", 30, "FREQ=DAILY;COUNT=3")
    occ = occurrences(gap, **YEAR_2026)
    assert [o.start_utc for o in occ] == [u(2026, 3, 7, 7, 30), u(2026, 3, 8, 7, 30),
                                          u(2026, 3, 9, 6, 30)]
    assert occ[1].start_local.strftime("%H:%M %Z") == "03:30 EDT"
    overlap = SeriesSpec(datetime(2026, 10, 31, 1, 30), "America/New_York", 30,
                         "FREQ=DAILY;COUNT=3")
    assert starts(overlap) == [u(2026, 10, 31, 5, 30), u(2026, 11, 1, 5, 30),
                               u(2026, 11, 2, 6, 30)]


def test_sydney_southern_hemisphere_changes_in_april_and_october() -> None:
    weekly = SeriesSpec(datetime(2026, 3, 30, 9, 0), "Australia/Sydney", 45, "FREQ=WEEKLY")
    # AEDT (+11) until 5 Apr, AEST (+10) after; back to AEDT on 4 Oct.
    assert starts(weekly, start_utc=u(2026, 3, 29), end_utc=u(2026, 4, 7)) == [
        u(2026, 3, 29, 22), u(2026, 4, 5, 23)]
    assert starts(weekly, start_utc=u(2026, 9, 27), end_utc=u(2026, 10, 6)) == [
        u(2026, 9, 27, 23), u(2026, 10, 4, 22)]
    night = SeriesSpec(datetime(2026, 4, 5, 2, 30), "Australia/Sydney", 30,
                       "FREQ=YEARLY;BYMONTH=4,10;BYDAY=1SU;COUNT=2")
    # 5 Apr 02:30 is doubled (first: AEDT); 4 Oct 02:30 is missing (read with +10).
    occ = occurrences(night, **YEAR_2026)
    assert [o.start_utc for o in occ] == [u(2026, 4, 4, 15, 30), u(2026, 10, 3, 16, 30)]
    assert occ[1].start_local.strftime("%H:%M") == "03:30"


def test_kolkata_has_no_dst() -> None:
    spec = SeriesSpec(datetime(2026, 3, 2, 9, 0), "Asia/Kolkata", 30, "FREQ=WEEKLY;INTERVAL=2")
    assert starts(spec, start_utc=u(2026, 3, 1), end_utc=u(2026, 4, 1)) == [
        u(2026, 3, 2, 3, 30), u(2026, 3, 16, 3, 30), u(2026, 3, 30, 3, 30)]
    assert starts(spec, start_utc=u(2026, 10, 20), end_utc=u(2026, 11, 10)) == [
        u(2026, 10, 26, 3, 30), u(2026, 11, 9, 3, 30)]


# --- rule shapes and ends ------------------------------------------------------------------


def test_monthly_on_second_tuesday() -> None:
    spec = SeriesSpec(datetime(2026, 1, 13, 10, 0), "Europe/Berlin", 60,
                      "RRULE:FREQ=MONTHLY;BYDAY=2TU;COUNT=4")
    assert starts(spec) == [u(2026, 1, 13, 9), u(2026, 2, 10, 9), u(2026, 3, 10, 9),
                            u(2026, 4, 14, 8)]
    open_ended = SeriesSpec(spec.start_local, spec.tz, 60, "FREQ=MONTHLY;BYDAY=2TU")
    assert 30 < cadence_days(open_ended) < 31


def test_start_that_does_not_match_the_rule_begins_at_the_first_match() -> None:
    spec = SeriesSpec(datetime(2026, 3, 11, 10, 0), "Europe/Berlin", 60, "FREQ=MONTHLY;BYDAY=2TU")
    assert first_start_local(spec) == datetime(2026, 4, 14, 10, 0)
    assert starts(spec, start_utc=u(2026, 3, 1), end_utc=u(2026, 5, 1)) == [u(2026, 4, 14, 8)]


def test_quarterly_every_three_months() -> None:
    spec = SeriesSpec(datetime(2026, 1, 15, 14, 0), "America/New_York", 60,
                      "FREQ=MONTHLY;INTERVAL=3")
    assert starts(spec) == [u(2026, 1, 15, 19), u(2026, 4, 15, 18), u(2026, 7, 15, 18),
                            u(2026, 10, 15, 18)]
    assert 90 < cadence_days(spec) < 93


def test_until_is_inclusive_in_utc_and_as_a_date() -> None:
    start = datetime(2026, 3, 3, 10, 0)
    in_utc = SeriesSpec(start, "Europe/Berlin", 30, "FREQ=WEEKLY;UNTIL=20260324T090000Z")
    assert starts(in_utc) == [u(2026, 3, 3, 9), u(2026, 3, 10, 9), u(2026, 3, 17, 9),
                              u(2026, 3, 24, 9)]
    as_date = SeriesSpec(start, "Europe/Berlin", 30, "FREQ=WEEKLY;UNTIL=20260317")
    assert starts(as_date)[-1] == u(2026, 3, 17, 9)
    assert export_rrule(as_date) == "FREQ=WEEKLY;UNTIL=20260317T225959Z"


def test_single_meeting_and_ended_series() -> None:
    single = SeriesSpec(datetime(2026, 6, 1, 15, 0), "Europe/Berlin", 45)
    assert starts(single) == [u(2026, 6, 1, 13)]
    assert cadence_days(single) is None
    ended = SeriesSpec(datetime(2026, 3, 3, 10, 0), "Europe/Berlin", 30, "FREQ=WEEKLY",
                       ended_after_utc=u(2026, 3, 20))
    assert starts(ended) == [u(2026, 3, 3, 9), u(2026, 3, 10, 9), u(2026, 3, 17, 9)]
    assert export_rrule(ended) == "FREQ=WEEKLY;UNTIL=20260317T090000Z"


def test_window_is_start_inclusive_end_exclusive_and_limit_keeps_the_earliest() -> None:
    spec = SeriesSpec(datetime(2026, 1, 1, 9, 0), "UTC", 30, "FREQ=DAILY")
    assert starts(spec, start_utc=u(2026, 1, 2, 9), end_utc=u(2026, 1, 4, 9)) == [
        u(2026, 1, 2, 9), u(2026, 1, 3, 9)]
    first = occurrences(spec, start_utc=u(2026, 1, 1), end_utc=u(2030, 1, 1), limit=5)
    assert [o.start_utc.day for o in first] == [1, 2, 3, 4, 5]


# --- skips and moves -----------------------------------------------------------------------


SERIES = SeriesSpec(datetime(2026, 3, 3, 10, 0), "Europe/Berlin", 45, "FREQ=WEEKLY;BYDAY=TU")
MARCH = {"start_utc": u(2026, 3, 1), "end_utc": u(2026, 4, 1)}


def test_skip_and_move_change_what_the_calendar_shows() -> None:
    changes = [
        OccurrenceChange(u(2026, 3, 10, 9), "skip"),
        OccurrenceChange(u(2026, 3, 17, 9), "move", u(2026, 3, 19, 14)),
    ]
    occ = occurrences(SERIES, changes, **MARCH)
    assert [o.start_utc for o in occ] == [u(2026, 3, 3, 9), u(2026, 3, 19, 14),
                                          u(2026, 3, 24, 9), u(2026, 3, 31, 8)]
    moved = occ[1]
    assert moved.moved and moved.original_start_utc == u(2026, 3, 17, 9)
    assert moved.end_local.strftime("%d %H:%M") == "19 15:45"


def test_moved_meeting_is_filtered_by_its_new_time() -> None:
    out = [OccurrenceChange(u(2026, 3, 31, 8), "move", u(2026, 4, 2, 8))]
    assert u(2026, 3, 31, 8) not in starts(SERIES, out, **MARCH)
    into = [OccurrenceChange(u(2026, 4, 7, 8), "move", u(2026, 3, 30, 8))]
    assert u(2026, 3, 30, 8) in starts(SERIES, into, **MARCH)
    stale = [OccurrenceChange(u(2026, 3, 11, 9), "move", u(2026, 3, 12, 9))]  # not a Tuesday
    assert starts(SERIES, stale, **MARCH) == starts(SERIES, **MARCH)


def test_next_occurrences_counts_after_the_given_time() -> None:
    changes = [OccurrenceChange(u(2026, 3, 17, 9), "skip"),
               OccurrenceChange(u(2026, 3, 24, 9), "move", u(2026, 4, 20, 7))]
    nxt = next_occurrences(SERIES, changes, after_utc=u(2026, 3, 10, 9), count=4)
    assert [o.start_utc for o in nxt] == [u(2026, 3, 31, 8), u(2026, 4, 7, 8), u(2026, 4, 14, 8),
                                          u(2026, 4, 20, 7)]


def test_find_original_by_local_date() -> None:
    changes = [OccurrenceChange(u(2026, 3, 10, 9), "skip"),
               OccurrenceChange(u(2026, 3, 17, 9), "move", u(2026, 3, 19, 14))]
    assert find_original(SERIES, changes, date(2026, 3, 24)) == u(2026, 3, 24, 9)
    assert find_original(SERIES, changes, date(2026, 3, 19)) == u(2026, 3, 17, 9)
    with pytest.raises(ScheduleError, match="No interview of this series on 2026-12-02"):
        find_original(SERIES, changes, date(2026, 12, 2))
    with pytest.raises(ScheduleError, match="2026-03-10 .it was skipped"):
        find_original(SERIES, changes, date(2026, 3, 10))


def test_overlaps_for_one_interviewer() -> None:
    other = SeriesSpec(datetime(2026, 3, 17, 10, 30), "Europe/Berlin", 60, None)
    back_to_back = SeriesSpec(datetime(2026, 3, 24, 10, 45), "Europe/Berlin", 30, None)
    mine = occurrences(SERIES, **MARCH)
    theirs = occurrences(other, **MARCH) + occurrences(back_to_back, **MARCH)
    pairs = overlaps(mine, theirs)
    assert [(a.start_utc, b.start_utc) for a, b in pairs] == [(u(2026, 3, 17, 9),
                                                                u(2026, 3, 17, 9, 30))]
    assert overlaps(mine, mine) == []


def test_cadence_of_weekly_and_biweekly() -> None:
    assert cadence_days(SERIES) == 7.0
    assert cadence_days(SeriesSpec(datetime(2026, 3, 3, 10), "UTC", 30,
                                   "FREQ=WEEKLY;INTERVAL=2")) == 14.0


# --- errors a user would see ---------------------------------------------------------------


def test_parse_local_start() -> None:
    assert parse_local_start("2026-03-10 14:30") == datetime(2026, 3, 10, 14, 30)
    assert parse_local_start("2026-03-10T09:05") == datetime(2026, 3, 10, 9, 5)
    with pytest.raises(ScheduleError, match="'next tuesday'.*YYYY-MM-DD HH:MM"):
        parse_local_start("next tuesday")
    with pytest.raises(ScheduleError, match="'2026-13-01 10:00'.*month"):
        parse_local_start("2026-13-01 10:00")


def test_unknown_zone() -> None:
    with pytest.raises(ScheduleError, match="Unknown time zone 'Mars/Base'"):
        get_zone("Mars/Base")
    with pytest.raises(ScheduleError, match="Mars/Base"):
        validate_spec(SeriesSpec(datetime(2026, 3, 3, 10), "Mars/Base", 30, "FREQ=WEEKLY"))


@pytest.mark.parametrize(
    ("rule", "reason"),
    [
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY"),
        ("FREQ=FORTNIGHTLY", "FREQ"),
        ("BYDAY=TU", "FREQ is missing"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT must be"),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "COUNT or UNTIL"),
        ("FREQ=WEEKLY;UNTIL=tomorrow", "UNTIL"),
        ("", "empty"),
    ],
)
def test_invalid_rule_names_the_rule_and_the_reason(rule: str, reason: str) -> None:
    with pytest.raises(ScheduleError) as info:
        validate_rrule(rule, datetime(2026, 3, 3, 10))
    assert f"Invalid recurrence rule {rule!r}" in str(info.value)
    assert reason in str(info.value)
    assert isinstance(info.value, ValidationError) and isinstance(info.value, CloserError)


def test_rule_with_no_occurrences_and_ends_before_start() -> None:
    with pytest.raises(ScheduleError, match="The rule produces no occurrences"):
        validate_rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", datetime(2026, 1, 1, 10))
    with pytest.raises(ScheduleError, match="ends .2025-12-31 23:59. before it starts"):
        validate_spec(SeriesSpec(datetime(2026, 3, 3, 10), "UTC", 30, "FREQ=WEEKLY;UNTIL=20251231"))
    with pytest.raises(ScheduleError, match="before its first interview"):
        validate_spec(SeriesSpec(datetime(2026, 3, 3, 10), "Europe/Berlin", 30, "FREQ=WEEKLY",
                                 ended_after_utc=u(2026, 3, 1)))


def test_bad_duration_changes_and_windows() -> None:
    with pytest.raises(ScheduleError, match="Duration"):
        validate_spec(SeriesSpec(datetime(2026, 3, 3, 10), "UTC", 0))
    with pytest.raises(ScheduleError, match="new start"):
        OccurrenceChange(u(2026, 3, 3, 10), "move")
    with pytest.raises(ScheduleError, match="'cancel'"):
        OccurrenceChange(u(2026, 3, 3, 10), "cancel")
    with pytest.raises(ScheduleError, match="with a zone"):
        occurrences(SERIES, start_utc=datetime(2026, 3, 1), end_utc=u(2026, 4, 1))
    validate_spec(SERIES)  # a good one passes
