"""Words of a transcript for search: tokens, their folded spelling, and their stems by script.

Tokens are runs of letters and digits, as SQLite's `unicode61` tokenizer splits text (its
default token characters are the Unicode categories L*, N* and Co; everything else separates).
`fold` is what that tokenizer compares with `remove_diacritics 2`: lower case, Latin accents
dropped ("Café" -> "cafe"); Cyrillic letters keep their marks (й stays й, ё stays ё).

`stem` reduces a word to its Snowball stem, chosen by script so mixed transcripts work:
a word with Cyrillic letters goes through the Russian stemmer, a word with Latin letters
through the English (Porter 2) one, anything else (digits, other scripts) stays as folded.
ё is read as е first, so "ещё" and "еще" share a stem. "сети", "сетью", "сетей" -> "сет";
"refunds", "refunded" -> "refund". `stems` gives a text's stems, one per token, in order:
the search index holds that next to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import Stemmer

_TOKEN = re.compile(r"[^\W_]+")
_RUSSIAN = Stemmer.Stemmer("russian")
_ENGLISH = Stemmer.Stemmer("english")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every token of `text`, in order."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def words(text: str) -> list[str]:
    """The tokens of `text`, as written."""
    return _TOKEN.findall(text)


def _is_latin(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u052f"


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case with Latin diacritics removed (the comparison FTS5's unicode61 makes)."""
    low = word.lower()
    if low.isascii():
        return low
    out = []
    for ch in low:
        if _is_latin(ch) and not ch.isascii():
            out.append("".join(c for c in unicodedata.normalize("NFD", ch)
                               if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of one token: Russian for Cyrillic words, English for Latin ones."""
    folded = fold(word).replace("ё", "е")
    if any(_is_cyrillic(ch) for ch in folded):
        return str(_RUSSIAN.stemWord(folded)) or folded
    if any(ch.isalpha() and _is_latin(ch) for ch in folded):
        return str(_ENGLISH.stemWord(folded)) or folded
    return folded


_CHUNKS: dict[str, str] = {}  # "Late," -> "late": most chunks between spaces repeat
_CHUNKS_MAX = 200_000


def _chunk_stems(chunk: str) -> str:
    found = " ".join(stem(w) for w in _TOKEN.findall(chunk))
    if len(_CHUNKS) >= _CHUNKS_MAX:
        _CHUNKS.clear()
    _CHUNKS[chunk] = found
    return found


def stems(text: str | None) -> str:
    """The stems of every token of `text`, space-separated and in order ("" for None)."""
    if not text:
        return ""
    get = _CHUNKS.get
    parts = [get(c) for c in text.split()]
    if None in parts:
        parts = [p if p is not None else _chunk_stems(c) for p, c in zip(parts, text.split(),
                                                                           strict=True)]
    return " ".join(p for p in parts if p)
