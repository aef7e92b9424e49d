"""Who is overdue for an interview and what nobody has heard about lately (fixed clock),
plus the default interview guides that ship with the app."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.domain.cadence import CustomerCadence, coverage, overdue
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.guides import DEFAULT_GUIDES, guide_by_key, guides_for_language

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def test_overdue_most_overdue_first_with_whole_days() -> None:
    customers = [
        CustomerCadence(1, "Acme", 14, ago(20.5), ago(400)),  # 6.5 days late
        CustomerCadence(2, "Globex", 30, ago(10), ago(400)),  # not due yet
        CustomerCadence(3, "Initech", 7, None, ago(9.9)),  # never interviewed: 2.9 late
        CustomerCadence(4, "Umbrella", None, ago(900), ago(900)),  # not tracked
        CustomerCadence(5, "Hooli", 91.3, ago(120), ago(500)),  # 28.7 late
        CustomerCadence(6, "Exactly due", 7, ago(7), ago(100)),  # due now: not overdue yet
    ]
    late = overdue(customers, now_utc=NOW)
    assert [(o.name, o.whole_days_overdue) for o in late] == [("Hooli", 28), ("Acme", 6),
                                                              ("Initech", 2)]
    assert late[1].days_overdue == pytest.approx(6.5)
    assert late[2].never_interviewed and late[2].since_utc == ago(9.9)
    assert not late[0].never_interviewed


def test_overdue_uses_the_clock_it_is_given_and_rejects_naive_times() -> None:
    customer = CustomerCadence(1, "Acme", 14, datetime(2026, 6, 1, tzinfo=UTC), ago(100))
    assert overdue([customer], now_utc=datetime(2026, 6, 15, tzinfo=UTC)) == []
    assert overdue([customer], now_utc=datetime(2026, 6, 18, tzinfo=UTC))[0].whole_days_overdue == 3
    with pytest.raises(ValidationError, match="zone"):
        overdue([customer], now_utc=datetime(2026, 6, 18))


def test_coverage_buckets_and_never_heard_of() -> None:
    items = [
        ("Delivery", ago(200)),
        ("Delivery", ago(3)),  # the most recent one counts
        ("Support chat", ago(45)),
        ("Refund", ago(181)),
        ("Busy parent", None),  # persona with no interview at all
        ("Returns", ago(120)),
    ]
    rows = coverage(items, now_utc=NOW)
    assert [(r.key, r.bucket_days, r.heard_lately) for r in rows] == [
        ("Busy parent", None, False),
        ("Refund", None, False),
        ("Returns", 180, False),
        ("Support chat", 90, False),
        ("Delivery", 30, True),
    ]
    assert rows[-1].last_utc == ago(3) and rows[-1].days_since == pytest.approx(3)
    with pytest.raises(ValidationError, match="Buckets"):
        coverage(items, now_utc=NOW, buckets_days=(90, 30))


@pytest.mark.parametrize("guide", DEFAULT_GUIDES, ids=lambda g: g.key)
def test_default_guides_are_complete(guide) -> None:
    assert 8 <= len(guide.questions) <= 12
    assert all(q.strip().endswith("?") for q in guide.questions)
    assert len(set(guide.questions)) == len(guide.questions)
    if guide.language == "ru":
        assert all(any("а" <= ch.lower() <= "я" for ch in q) for q in guide.questions)


def test_guides_by_name_and_language() -> None:
    names = {g.name for g in DEFAULT_GUIDES}
    assert {"Customer check-in (EN)", "Регулярная встреча с клиентом (RU)"} <= names
    assert {g.language for g in guides_for_language("ru")} == {"ru"}
    assert len(guides_for_language("en")) == len(guides_for_language("ru")) == 2
    assert guide_by_key("support-case-ru").name == "После обращения в поддержку (RU)"
    with pytest.raises(NotFoundError, match="'nope'.*checkin-en"):
        guide_by_key("nope")
