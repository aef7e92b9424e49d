"""Plain-text helpers for transcripts: normalisation for comparison and word error rate."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc\u2018`")
_DIGIT_JOINERS = re.compile(r"(?<=\d)[.,](?=\d)")
_JOIN_MARK = "\u0000"
_SPACES = re.compile(r"\s+")


def normalize_text(s: str) -> str:
    """Lower-case `s`, map ё to е, drop punctuation and symbols, collapse whitespace.

    Apostrophes vanish inside words ("isn't" -> "isnt"); other punctuation becomes a space
    ("cold-hearted" -> "cold hearted"). Numbers are left as written, including a decimal or
    thousands separator between two digits ("3.4", "1,000").
    """
    text = unicodedata.normalize("NFC", s).lower().replace("ё", "е")
    text = text.translate(_APOSTROPHES)
    text = _DIGIT_JOINERS.sub(lambda m: _JOIN_MARK + m.group(0), text)
    out: list[str] = []
    keep_next = False
    for ch in text:
        if ch == _JOIN_MARK:
            keep_next = True
            continue
        if keep_next:
            out.append(ch)
            keep_next = False
            continue
        category = unicodedata.category(ch)
        out.append(" " if category[0] in "PS" or category in ("Cc", "Cf") else ch)
    return _SPACES.sub(" ", "".join(out)).strip()


def word_edit_distance(reference: list[str], hypothesis: list[str]) -> int:
    """Levenshtein distance between two word lists (substitutions, insertions, deletions)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref_word in enumerate(reference, start=1):
        current = [i] + [0] * len(hypothesis)
        for j, hyp_word in enumerate(hypothesis, start=1):
            cost = 0 if ref_word == hyp_word else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        previous = current
    return previous[-1]


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate of `hypothesis` against `reference`, both normalised first.

    0.0 is a perfect match; the value can exceed 1.0 when the hypothesis adds many words.
    An empty reference gives 0.0 for an empty hypothesis and 1.0 otherwise.
    """
    ref_words = normalize_text(reference).split()
    hyp_words = normalize_text(hypothesis).split()
    if not ref_words:
        return 0.0 if not hyp_words else 1.0
    return word_edit_distance(ref_words, hyp_words) / len(ref_words)
