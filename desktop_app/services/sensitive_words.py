"""Find words a reel should probably mask: customers' names, phone numbers and e-mail addresses.

Pure text rules over transcript words (Whisper words keep their leading space). Names match a
customer's name parts case-insensitively (ё = е), and Cyrillic names also in their declined
forms ("Анна" -> "Анны", "Анне", "Анной"; "Петрова" -> "Петровой"), also when the customer
is stored in Latin letters ("Anna Petrova"). Phone numbers are runs of
number-like words holding 7-15 digits ("+7 916 123-45-67" spread over several words); e-mail
addresses are matched on a word or on a few neighbouring words joined (Whisper may split
"anna@mail.ru"). Spelled-out numbers are not detected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_NUMBERISH = re.compile(r"^[+(]?[\d()./-]*\d[\d()./-]*[,.;:!?)]*$")
_MONEY = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_EDGE_PUNCT = "\"'«»“”„()[]{}.,;:!?…—–-"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_VOWELS_AND_SIGNS = "аеёиоуыэюяйьъ"
_MAX_ENDING = 3  # letters a Russian case ending may add after the stem
_TRANSLIT = dict(zip("абвгдеёзийклмнопрстуфыэ", "abvgdeeziyklmnoprstufye", strict=True)) | {
    "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
    "ю": "yu", "я": "ya"}


def _clean(word: str) -> str:
    return word.strip().strip(_EDGE_PUNCT).casefold().replace("ё", "е")


def name_parts(names: Iterable[str]) -> set[str]:
    """Case-folded parts of customer names worth matching (two letters or more)."""
    parts: set[str] = set()
    for name in names:
        for part in re.split(r"[\s\-]+", name or ""):
            p = _clean(part)
            if len(p) >= 2 and not p.isdigit():
                parts.add(p)
    return parts


def _translit(token: str) -> str:
    """Cyrillic letters in Latin (a simple passport-style table)."""
    return "".join(_TRANSLIT.get(ch, ch) for ch in token)


def _declined(token: str, part: str, vowels: str) -> bool:
    """`token` is `part` with another case ending ("анне" of "анна", "petrovoy" of "petrova")."""
    stem = part.rstrip(vowels) if len(part) > 3 else part
    return len(stem) >= 3 and token.startswith(stem) and len(token) - len(stem) <= _MAX_ENDING


def _is_name(token: str, parts: set[str]) -> bool:
    if not token:
        return False
    if token in parts:
        return True
    if not _CYRILLIC.search(token):
        return token.endswith("'s") and token[:-2] in parts
    latin = _translit(token)  # a Russian transcript of a customer stored in Latin letters
    for part in parts:
        if _CYRILLIC.search(part):
            if _declined(token, part, _VOWELS_AND_SIGNS):
                return True
        elif latin == part or _declined(latin, part, "aeiouy"):
            return True
    return False


def _phone_runs(tokens: Sequence[str]) -> list[range]:
    runs: list[range] = []
    i = 0
    while i < len(tokens):
        if not _NUMBERISH.match(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and _NUMBERISH.match(tokens[j]):
            j += 1
        text = "".join(tokens[i:j])
        digits = sum(ch.isdigit() for ch in text)
        single_money = j - i == 1 and _MONEY.match(tokens[i].rstrip(".,;:!?"))
        if 7 <= digits <= 15 and not single_money:
            runs.append(range(i, j))
        i = j
    return runs


def _split_email(raw: Sequence[str], at: int) -> range:
    """The neighbours that continue the address around word `at` (glued by . _ - @)."""
    glue = "._-+@"
    lo = at
    while lo > 0 and at - lo < 2 and (raw[lo - 1].endswith(tuple(glue))
                                       or raw[lo].startswith(tuple(glue))):
        lo -= 1
    def whole(a: int, b: int) -> bool:
        return _EMAIL.fullmatch("".join(raw[a:b]).rstrip(".,;:!?")) is not None

    hi = at + 1
    while hi < len(raw) and hi - at <= 2 and (
            raw[hi].startswith(tuple(glue))
            or (raw[hi - 1].endswith(tuple(glue)) and not whole(lo, hi))):
        hi += 1
    return range(lo, hi) if whole(lo, hi) else range(0)


def detect_sensitive(words: Sequence[str], customer_names: Iterable[str]) -> dict[int, str]:
    """Index -> "name" | "phone" | "email" for the words that look sensitive."""
    found: dict[int, str] = {}
    raw = [w.strip() for w in words]
    for i, w in enumerate(raw):
        if _EMAIL.search(w):
            found[i] = "email"
    for i, w in enumerate(raw):  # an address split over neighbouring words ("ivan." "x@ya" ".ru")
        if "@" in w and i not in found:
            for k in _split_email(raw, i):
                found.setdefault(k, "email")
    for run in _phone_runs(raw):
        for k in run:
            found.setdefault(k, "phone")
    parts = name_parts(customer_names)
    for i, w in enumerate(raw):
        if i not in found and _is_name(_clean(w), parts):
            found[i] = "name"
    return dict(sorted(found.items()))
