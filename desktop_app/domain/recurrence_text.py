"""A recurrence rule (RRULE) in words, in English or Russian: "Every 2 weeks on Tuesday, 6 times",
"Раз в 2 недели по вторникам, 6 раз".

Russian needs grammar a translation table cannot give (plural forms, the dative plural of weekdays,
gendered ordinals), so both languages are written out here. Parts the rule leaves out come from
the series' first date, as RFC 5545 says (FREQ=WEEKLY starting on a Tuesday repeats on Tuesdays).
A rule with parts this module does not put into words is shown as it is.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_KNOWN = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL", "WKST"}
_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")

_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_EN_UNITS = {"DAILY": ("day", "days"), "WEEKLY": ("week", "weeks"),
             "MONTHLY": ("month", "months"), "YEARLY": ("year", "years")}
_EN_NTH = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last", -2: "second-to-last"}

# Russian: weekday (accusative singular, dative plural, gender), month (genitive)
_RU_DAYS = (("понедельник", "понедельникам", "m"), ("вторник", "вторникам", "m"),
            ("среду", "средам", "f"), ("четверг", "четвергам", "m"),
            ("пятницу", "пятницам", "f"), ("субботу", "субботам", "f"),
            ("воскресенье", "воскресеньям", "n"))
_RU_MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря")
_RU_UNITS = {"DAILY": ("день", "дня", "дней"), "WEEKLY": ("неделю", "недели", "недель"),
             "MONTHLY": ("месяц", "месяца", "месяцев"), "YEARLY": ("год", "года", "лет")}
_RU_EVERY = {"DAILY": "каждый день", "WEEKLY": "каждую неделю", "MONTHLY": "каждый месяц",
             "YEARLY": "каждый год"}
_RU_NTH = {1: ("первый", "первую", "первое"), 2: ("второй", "вторую", "второе"),
           3: ("третий", "третью", "третье"), 4: ("четвёртый", "четвёртую", "четвёртое"),
           5: ("пятый", "пятую", "пятое"), -1: ("последний", "последнюю", "последнее"),
           -2: ("предпоследний", "предпоследнюю", "предпоследнее")}
_GENDER = {"m": 0, "f": 1, "n": 2}


class _Unknown(Exception):
    """The rule has a part this module cannot put into words."""


def ru_plural(n: int, one: str, few: str, many: str) -> str:
    """The Russian form for `n` (1 неделя, 2 недели, 5 недель, 21 неделя, 11 недель)."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _parse(rule: str) -> dict[str, str]:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for part in body.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key = key.strip().upper()
        if not sep or key not in _KNOWN or key in parts:
            raise _Unknown(part)
        parts[key] = value.strip().upper()
    if parts.get("FREQ") not in _FREQS:
        raise _Unknown("FREQ")
    if "BYDAY" in parts and "BYMONTHDAY" in parts:
        raise _Unknown("BYDAY with BYMONTHDAY")
    return parts


def _int(text: str, lo: int, hi: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise _Unknown(text) from None
    if not lo <= value <= hi or value == 0:
        raise _Unknown(text)
    return value


def _days(parts: dict[str, str]) -> list[tuple[int | None, int]]:
    """BYDAY as (nth or None, weekday index)."""
    out = []
    for item in parts["BYDAY"].split(","):
        code, head = item[-2:], item[:-2]
        if code not in WEEKDAYS:
            raise _Unknown(item)
        out.append((_int(head, -5, 5) if head not in ("", "+") else None, WEEKDAYS.index(code)))
    return out


def _until(value: str) -> date:
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        raise _Unknown(value) from None


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


# --- English --------------------------------------------------------------------------------------

def _en(parts: dict[str, str], start: date) -> str:
    freq = parts["FREQ"]
    n = _int(parts.get("INTERVAL", "1"), 1, 10_000)
    unit = _EN_UNITS[freq]
    text = f"every {unit[0]}" if n == 1 else f"every {n} {unit[1]}"
    if freq == "DAILY" and "BYDAY" in parts and n == 1:
        text = _en_every_day_of(parts)
    elif freq == "WEEKLY" or (freq in ("DAILY", "MONTHLY", "YEARLY") and "BYDAY" in parts):
        text += _en_days(parts, start, freq)
    if freq == "MONTHLY" and "BYDAY" not in parts:
        text += _en_month_days(parts, start)
    if freq == "YEARLY":
        if "BYDAY" in parts:
            if "BYMONTH" in parts:
                text += " in " + _join([_EN_MONTHS[_int(m, 1, 12) - 1]
                                        for m in parts["BYMONTH"].split(",")], "and")
        else:
            month = _int(parts.get("BYMONTH", str(start.month)), 1, 12)
            day = _int(parts.get("BYMONTHDAY", str(start.day)), -31, 31)
            text += f" on {day} {_EN_MONTHS[month - 1]}" if day > 0 else \
                f" on the last day of {_EN_MONTHS[month - 1]}"
    elif "BYMONTH" in parts or (freq != "MONTHLY" and "BYMONTHDAY" in parts):
        raise _Unknown("BYMONTH")
    if "COUNT" in parts:
        count = _int(parts["COUNT"], 1, 1_000_000)
        text += ", once" if count == 1 else f", {count} times"
    if "UNTIL" in parts:
        until = _until(parts["UNTIL"])
        text += f", until {until.day} {_EN_MONTHS[until.month - 1][:3]} {until.year}"
    return text[0].upper() + text[1:]


def _en_every_day_of(parts: dict[str, str]) -> str:
    days = _days(parts)
    if any(nth is not None for nth, _ in days):
        raise _Unknown("BYDAY")
    plain = sorted({d for _, d in days})
    if plain == [0, 1, 2, 3, 4]:
        return "every weekday"
    return "every " + _join([_EN_DAYS[d] for d in plain], "and")


def _en_days(parts: dict[str, str], start: date, freq: str) -> str:
    days = _days(parts) if "BYDAY" in parts else [(None, start.weekday())]
    plain = sorted({d for nth, d in days if nth is None})
    if len(plain) == len(days):
        names = [_EN_DAYS[d] for d in plain]
        if freq == "WEEKLY":
            return " on " + _join(names, "and")
        return " on " + _join([f"{name}s" for name in names], "and")
    if freq == "WEEKLY" or plain or any(nth not in _EN_NTH for nth, _ in days):
        raise _Unknown("BYDAY")
    return " on " + _join([f"the {_EN_NTH[nth]} {_EN_DAYS[d]}" for nth, d in days
                           if nth is not None], "and")


def _en_month_days(parts: dict[str, str], start: date) -> str:
    days = [_int(d, -31, 31) for d in parts.get("BYMONTHDAY", str(start.day)).split(",")]
    if any(d < 0 for d in days):
        if days != [-1]:
            raise _Unknown("BYMONTHDAY")
        return " on the last day"
    return (" on day " if len(days) == 1 else " on days ") + _join([str(d) for d in days], "and")


# --- Russian --------------------------------------------------------------------------------------

def _ru(parts: dict[str, str], start: date) -> str:
    freq = parts["FREQ"]
    n = _int(parts.get("INTERVAL", "1"), 1, 10_000)
    if n == 1:
        text = _RU_EVERY[freq]
    else:
        forms = _RU_UNITS[freq]
        text = f"раз в {n} {ru_plural(n, forms[0], forms[1], forms[2])}"
    if freq == "DAILY" and "BYDAY" in parts and n == 1:
        text = _ru_every_day_of(parts)
    elif freq == "WEEKLY" or (freq in ("DAILY", "MONTHLY", "YEARLY") and "BYDAY" in parts):
        text += _ru_days(parts, start, freq)
    if freq == "MONTHLY" and "BYDAY" not in parts:
        text += _ru_month_days(parts, start)
    if freq == "YEARLY":
        if "BYDAY" in parts:
            if "BYMONTH" in parts:
                months = [_RU_MONTHS_IN[_int(m, 1, 12) - 1] for m in parts["BYMONTH"].split(",")]
                text += " в " + _join(months, "и")
        else:
            month = _int(parts.get("BYMONTH", str(start.month)), 1, 12)
            day = _int(parts.get("BYMONTHDAY", str(start.day)), -31, 31)
            text += f", {day} {_RU_MONTHS[month - 1]}" if day > 0 else \
                f", в последний день {_RU_MONTHS[month - 1]}"
    elif "BYMONTH" in parts or (freq != "MONTHLY" and "BYMONTHDAY" in parts):
        raise _Unknown("BYMONTH")
    if "COUNT" in parts:
        count = _int(parts["COUNT"], 1, 1_000_000)
        text += f", {count} {ru_plural(count, 'раз', 'раза', 'раз')}"
    if "UNTIL" in parts:
        until = _until(parts["UNTIL"])
        text += f", до {until.day} {_RU_MONTHS[until.month - 1]} {until.year}"
    return text[0].upper() + text[1:]


_RU_MONTHS_IN = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
                 "сентябре", "октябре", "ноябре", "декабре")


def _ru_every_day_of(parts: dict[str, str]) -> str:
    days = _days(parts)
    if any(nth is not None for nth, _ in days):
        raise _Unknown("BYDAY")
    plain = sorted({d for _, d in days})
    if plain == [0, 1, 2, 3, 4]:
        return "по будням"
    return "по " + _join([_RU_DAYS[d][1] for d in plain], "и")


def _ru_days(parts: dict[str, str], start: date, freq: str) -> str:
    days = _days(parts) if "BYDAY" in parts else [(None, start.weekday())]
    plain = [d for nth, d in days if nth is None]
    if len(plain) == len(days):
        return " по " + _join([_RU_DAYS[d][1] for d in sorted(set(plain))], "и")
    if freq == "WEEKLY" or len(plain):
        raise _Unknown("BYDAY")
    phrases = []
    for nth, d in days:
        if nth not in _RU_NTH:
            raise _Unknown("BYDAY")
        accusative, _dative, gender = _RU_DAYS[d]
        ordinal = _RU_NTH[nth][_GENDER[gender]]
        phrases.append(("во " if ordinal.startswith("втор") else "в ") + f"{ordinal} {accusative}")
    return " " + _join(phrases, "и")


def _ru_month_days(parts: dict[str, str], start: date) -> str:
    days = [_int(d, -31, 31) for d in parts.get("BYMONTHDAY", str(start.day)).split(",")]
    if any(d < 0 for d in days):
        if days != [-1]:
            raise _Unknown("BYMONTHDAY")
        return ", в последний день"
    return ", " + _join([f"{d}-го" for d in days], "и") + " числа"


# --- public ---------------------------------------------------------------------------------------

def describe_rule(rule: str | None, start: date, language: str = "en") -> str:
    """`rule` (an RRULE body, "RRULE:" prefix allowed) in words in `language` ("en"/"ru");
    None or "" is a single meeting; a rule with parts it cannot word is returned as is."""
    ru = language == "ru"
    if not rule or not rule.strip():
        return "Однократно" if ru else "Once"
    try:
        parts = _parse(rule)
        return _ru(parts, start) if ru else _en(parts, start)
    except _Unknown:
        return rule.strip()
