"""Recurrence in words and the presets the series dialog offers (RRULE text underneath).

"Every week on Tuesday", "Monthly on the 2nd Tuesday", "Every 3 months on day 15": presets are
derived from the start date, so picking 10 March offers "Monthly on the 2nd Tuesday".
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_app.domain.recurrence_text import describe_rule

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PRESETS = ("none", "weekly", "biweekly", "monthly_nth", "monthly_day", "quarterly", "custom")


def _t(text: str) -> str:
    return QCoreApplication.translate("SeriesRule", text)


def _day_name(index: int) -> str:
    return QLocale().dayName(index + 1, QLocale.FormatType.LongFormat)


def _ordinal(n: int) -> str:
    names = {1: _t("1st"), 2: _t("2nd"), 3: _t("3rd"), 4: _t("4th"), -1: _t("last")}
    return names.get(n, str(n))


def nth_of_month(day: date) -> int:
    """Which weekday of its month this is: 1..4, or -1 for the fifth (= last)."""
    n = (day.day - 1) // 7 + 1
    return -1 if n >= 5 else n


def preset_rule(preset: str, start: date) -> str | None:
    """The RRULE body for a preset (no COUNT/UNTIL); None for a single meeting."""
    wd = WEEKDAYS[start.weekday()]
    return {
        "none": None,
        "weekly": "FREQ=WEEKLY",
        "biweekly": "FREQ=WEEKLY;INTERVAL=2",
        "monthly_nth": f"FREQ=MONTHLY;BYDAY={nth_of_month(start)}{wd}",
        "monthly_day": "FREQ=MONTHLY",
        "quarterly": "FREQ=MONTHLY;INTERVAL=3",
    }.get(preset)


def preset_label(preset: str, start: date) -> str:
    day = _day_name(start.weekday())
    return {
        "none": _t("Does not repeat"),
        "weekly": _t("Every week on {0}").format(day),
        "biweekly": _t("Every 2 weeks on {0}").format(day),
        "monthly_nth": _t("Monthly on the {0} {1}").format(_ordinal(nth_of_month(start)), day),
        "monthly_day": _t("Monthly on day {0}").format(start.day),
        "quarterly": _t("Every 3 months on day {0}").format(start.day),
        "custom": _t("Custom (RRULE)…"),
    }[preset]


def compose(preset: str, start: date, *, ends: str = "never", until: date | None = None,
            count: int = 0, custom: str = "") -> str | None:
    """The full rule: a preset (or custom text) plus an end (never, on a date, after N)."""
    body = custom.strip() if preset == "custom" else preset_rule(preset, start)
    if body is None or preset == "custom":
        return body or None
    if ends == "until" and until is not None:
        body += f";UNTIL={until:%Y%m%d}"
    elif ends == "count" and count > 0:
        body += f";COUNT={count}"
    return body


def split_rule(rule: str | None, start: date) -> tuple[str, str, date | None, int]:
    """(preset, ends, until, count) that compose back into `rule`; else ("custom", ...)."""
    if not rule:
        return "none", "never", None, 0
    parts = [p for p in rule.strip().removeprefix("RRULE:").split(";") if p]
    ends, until, count, core = "never", None, 0, []
    for part in parts:
        key, _, value = part.partition("=")
        if key.upper() == "COUNT" and value.isdigit():
            ends, count = "count", int(value)
        elif key.upper() == "UNTIL" and len(value) == 8 and value.isdigit():
            ends, until = "until", datetime.strptime(value, "%Y%m%d").date()
        elif key.upper() == "UNTIL":
            return "custom", "never", None, 0
        else:
            core.append(part.upper())
    body = ";".join(core)
    for preset in PRESETS[1:-1]:
        if preset_rule(preset, start) == body:
            return preset, ends, until, count
    return "custom", "never", None, 0


def describe(rule: str | None, start: date) -> str:
    """A rule in words in the UI language ("Every 2 weeks on Tuesday", "Раз в 2 недели по
    вторникам"); shapes it cannot word show the RRULE."""
    russian = QLocale().language() == QLocale.Language.Russian
    return describe_rule(rule, start, "ru" if russian else "en")
