"""Recurrence rules in words, English and Russian, over many rule shapes; every rule dateutil
accepts that is made of the parts we word comes out without RRULE text."""

from __future__ import annotations

import itertools
from datetime import date, datetime

import pytest
from dateutil.rrule import rrulestr

from desktop_app.domain.recurrence_text import describe_rule, ru_plural

TUESDAY = date(2026, 3, 10)  # the 2nd Tuesday of March

CASES = [
    (None, "Once", "Однократно"),
    ("FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks on Tuesday", "Раз в 2 недели по вторникам"),
    ("RRULE:FREQ=WEEKLY", "Every week on Tuesday", "Каждую неделю по вторникам"),
    ("FREQ=WEEKLY;BYDAY=TH,MO", "Every week on Monday and Thursday",
     "Каждую неделю по понедельникам и четвергам"),
    ("FREQ=WEEKLY;BYDAY=MO,WE,FR", "Every week on Monday, Wednesday and Friday",
     "Каждую неделю по понедельникам, средам и пятницам"),
    ("FREQ=WEEKLY;INTERVAL=5;BYDAY=SU", "Every 5 weeks on Sunday",
     "Раз в 5 недель по воскресеньям"),
    ("FREQ=WEEKLY;INTERVAL=21;BYDAY=SA", "Every 21 weeks on Saturday",
     "Раз в 21 неделю по субботам"),
    ("FREQ=MONTHLY;BYDAY=2TU", "Every month on the 2nd Tuesday", "Каждый месяц во второй вторник"),
    ("FREQ=MONTHLY;BYDAY=1WE", "Every month on the 1st Wednesday", "Каждый месяц в первую среду"),
    ("FREQ=MONTHLY;BYDAY=2SU", "Every month on the 2nd Sunday",
     "Каждый месяц во второе воскресенье"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "Every month on the last Friday",
     "Каждый месяц в последнюю пятницу"),
    ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "Every 2 months on the 3rd Thursday",
     "Раз в 2 месяца в третий четверг"),
    ("FREQ=MONTHLY", "Every month on day 10", "Каждый месяц, 10-го числа"),
    ("FREQ=MONTHLY;INTERVAL=3", "Every 3 months on day 10", "Раз в 3 месяца, 10-го числа"),
    ("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=1", "Every 6 months on day 1",
     "Раз в 6 месяцев, 1-го числа"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15", "Every month on days 1 and 15",
     "Каждый месяц, 1-го и 15-го числа"),
    ("FREQ=MONTHLY;BYMONTHDAY=-1", "Every month on the last day",
     "Каждый месяц, в последний день"),
    ("FREQ=DAILY", "Every day", "Каждый день"),
    ("FREQ=DAILY;INTERVAL=3", "Every 3 days", "Раз в 3 дня"),
    ("FREQ=DAILY;INTERVAL=11", "Every 11 days", "Раз в 11 дней"),
    ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "Every weekday", "По будням"),
    ("FREQ=YEARLY", "Every year on 10 March", "Каждый год, 10 марта"),
    ("FREQ=YEARLY;INTERVAL=5", "Every 5 years on 10 March", "Раз в 5 лет, 10 марта"),
    ("FREQ=YEARLY;INTERVAL=2;BYMONTH=11;BYDAY=4TH",
     "Every 2 years on the 4th Thursday in November",
     "Раз в 2 года в четвёртый четверг в ноябре"),
    ("FREQ=WEEKLY;INTERVAL=2;COUNT=6", "Every 2 weeks on Tuesday, 6 times",
     "Раз в 2 недели по вторникам, 6 раз"),
    ("FREQ=WEEKLY;COUNT=3", "Every week on Tuesday, 3 times",
     "Каждую неделю по вторникам, 3 раза"),
    ("FREQ=MONTHLY;BYDAY=2WE;COUNT=21", "Every month on the 2nd Wednesday, 21 times",
     "Каждый месяц во вторую среду, 21 раз"),
    ("FREQ=WEEKLY;COUNT=1", "Every week on Tuesday, once", "Каждую неделю по вторникам, 1 раз"),
    ("FREQ=WEEKLY;UNTIL=20260630", "Every week on Tuesday, until 30 Jun 2026",
     "Каждую неделю по вторникам, до 30 июня 2026"),
    ("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T235959Z",
     "Every month on the 2nd Tuesday, until 31 Dec 2026",
     "Каждый месяц во второй вторник, до 31 декабря 2026"),
]


@pytest.mark.parametrize(("rule", "english", "russian"), CASES)
def test_rules_in_words(rule: str | None, english: str, russian: str) -> None:
    assert describe_rule(rule, TUESDAY, "en") == english
    assert describe_rule(rule, TUESDAY, "ru") == russian


@pytest.mark.parametrize("rule", ["FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO", "FREQ=HOURLY",
                                  "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "FREQ=WEEKLY;BYDAY=2TU",
                                  "FREQ=WEEKLY;BYDAY=XX", "nonsense"])
def test_shapes_it_cannot_word_are_shown_as_they_are(rule: str) -> None:
    assert describe_rule(rule, TUESDAY, "en") == rule
    assert describe_rule(rule, TUESDAY, "ru") == rule


def test_russian_plural_forms() -> None:
    forms = ("неделя", "недели", "недель")
    got = {n: ru_plural(n, *forms) for n in (1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112)}
    assert got == {1: "неделя", 2: "недели", 4: "недели", 5: "недель", 11: "недель",
                   12: "недель", 14: "недель", 21: "неделя", 22: "недели", 25: "недель",
                   101: "неделя", 111: "недель", 112: "недель"}


def _generated() -> list[str]:
    rules = []
    for freq, interval, byday, end in itertools.product(
            ("DAILY", "WEEKLY", "MONTHLY"), (1, 2, 3, 4, 5, 12),
            ("", "MO", "TU,FR", "1MO", "-1SU", "2WE,4WE"), ("", "COUNT=2", "UNTIL=20270101")):
        if byday[:1] in "12-" and byday and freq != "MONTHLY":
            continue
        parts = [f"FREQ={freq}", f"INTERVAL={interval}"]
        parts += [f"BYDAY={byday}"] if byday else []
        parts += [end] if end else []
        rules.append(";".join(parts))
    return rules


@pytest.mark.parametrize("start", [date(2026, 3, 10), date(2026, 1, 31), date(2027, 12, 5)])
def test_every_generated_rule_reads_as_words(start: date) -> None:
    for rule in _generated():
        rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))  # a valid rule
        for language in ("en", "ru"):
            text = describe_rule(rule, start, language)
            assert "FREQ" not in text and "=" not in text and ";" not in text, (rule, text)
            assert text[0].isupper()
        interval = int(rule.split("INTERVAL=")[1].split(";")[0])
        if interval > 1:
            assert describe_rule(rule, start, "en").startswith(f"Every {interval} ")
            assert describe_rule(rule, start, "ru").startswith(f"Раз в {interval} ")
