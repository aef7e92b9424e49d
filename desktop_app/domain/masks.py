"""Masks that follow the words they cover, and bleeps padded into the pauses around them.

A mask is stored as the word it covers (start, end, text in source seconds), not as a position
in the clip's word list, so it survives transcript corrections (a word removed before it) and
re-transcription (words re-timed or split differently). `resolve` finds the current words a
mask covers: every word whose timing overlaps the masked word, else the nearest word with the
same text within `NEAR_S`; a mask that finds no word any more is "lost", one whose words now
read differently is "changed" (kept masked); both are reported, and the mask's own time is
still bleeped (the audio did not change). Which audiences mask detected names, phone
numbers and e-mails by default is `DEFAULT_MASKED_AUDIENCES`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from desktop_app.domain.text import normalize_text

DEFAULT_MASKED_AUDIENCES: tuple[str, ...] = ("onboarding", "public")
NEAR_S = 1.0  # how far a re-timed word with the same text may have moved
BLEEP_PAD_S = 0.35  # a bleep reaches this far into the pause before and after a word
BLEEP_MIN_PAD_S = 0.08  # ...and at least this far, even into a neighbouring word


@dataclass(frozen=True)
class MaskAnchor:
    """The masked word as it was when masked: its source times and its text."""

    start: float
    end: float
    word: str

    def as_list(self) -> list[Any]:
        return [round(self.start, 3), round(self.end, 3), self.word.strip()]

    @classmethod
    def from_list(cls, data: Any) -> MaskAnchor | None:
        try:
            start, end, word = float(data[0]), float(data[1]), str(data[2])
        except (TypeError, ValueError, IndexError, KeyError):
            return None
        return cls(start, max(end, start), word) if start >= 0 else None


def anchor_of(start: float, end: float, word: str) -> MaskAnchor:
    return MaskAnchor(round(start, 3), round(end, 3), word.strip())


def _overlaps(a: MaskAnchor, start: float, end: float) -> bool:
    shared = min(a.end, end) - max(a.start, start)
    shorter = max(0.0, min(a.end - a.start, end - start))
    if shorter < 0.02:  # a zero-length word: inside the other one
        return a.start - 0.01 <= start <= a.end + 0.01 or start <= a.start <= end
    return shared > 0.3 * shorter


@dataclass(frozen=True)
class Resolution:
    """Current word indexes the masks cover, the masks that found no word, and the masks
    whose words now read differently (kept masked, worth a look: (mask, what it reads))."""

    indexes: frozenset[int]
    lost: tuple[MaskAnchor, ...]
    changed: tuple[tuple[MaskAnchor, str], ...] = ()


def _similar(a: str, b: str) -> bool:
    """The same word, give or take a correction of its spelling or ending."""
    if not a or not b:
        return False
    if a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.75


def resolve(anchors: Iterable[MaskAnchor], words: Sequence[tuple[float, float, str]]
            ) -> Resolution:
    """Which of `words` ((start, end, text), source seconds) the masks cover now."""
    found: set[int] = set()
    lost: list[MaskAnchor] = []
    changed: list[tuple[MaskAnchor, str]] = []
    plain = [normalize_text(w[2]) for w in words]
    for a in anchors:
        want = normalize_text(a.word)
        hits = {i for i, (s, e, _) in enumerate(words) if _overlaps(a, s, e)}
        if not hits:
            near = [(abs(words[i][0] - a.start), i) for i, p in enumerate(plain)
                    if want and p == want and abs(words[i][0] - a.start) <= NEAR_S]
            if near:
                hits = {min(near)[1]}
        if not hits:
            lost.append(a)
            continue
        found |= hits
        reads = "".join(plain[i].replace(" ", "") for i in sorted(hits))
        if want and not any(_similar(want.replace(" ", ""), x)
                            for x in (reads, *(plain[i] for i in hits))):
            changed.append((a, " ".join(words[i][2].strip() for i in sorted(hits))))
    return Resolution(frozenset(found), tuple(lost), tuple(changed))


def padded_bleeps(words: Sequence[tuple[float, float]], masked: Iterable[int],
                  extra: Iterable[tuple[float, float]] = (), *, lo: float = 0.0,
                  hi: float = float("inf")) -> list[tuple[float, float]]:
    """Bleep ranges for the masked words, widened into the pauses around them and merged.

    Word timings are rough (tiny.en can be 0.1-0.2 s off), so a bleep reaches up to
    `BLEEP_PAD_S` into the silence before and after a masked word (into an unmasked
    neighbour only `BLEEP_MIN_PAD_S`, which it always gets). `extra` ranges (the masks' own
    times) are padded the same way. Clipped to [lo, hi].
    """
    chosen = set(masked)
    ranges: list[tuple[float, float]] = []
    spans = [(words[i][0], words[i][1]) for i in sorted(chosen) if 0 <= i < len(words)]
    spans += [(a, b) for a, b in extra]
    for start, end in spans:
        before = max((e for k, (s, e) in enumerate(words) if k not in chosen
                      and e <= start + 1e-6), default=None)
        after = min((s for k, (s, e) in enumerate(words) if k not in chosen
                     and s >= end - 1e-6), default=None)
        left = BLEEP_PAD_S if before is None else min(BLEEP_PAD_S, start - before)
        right = BLEEP_PAD_S if after is None else min(BLEEP_PAD_S, after - end)
        a = start - max(left, BLEEP_MIN_PAD_S)
        b = end + max(right, BLEEP_MIN_PAD_S)
        a, b = max(a, lo), min(b, hi)
        if b > a:
            ranges.append((a, b))
    merged: list[tuple[float, float]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1] + 0.05:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged
