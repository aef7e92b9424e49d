"""Which words of a reel clip are masked for its audience, and how a user's choice is stored.

A clip's masks are the words the user masked (stored as the words themselves, so they follow
transcript corrections and re-transcription; see `desktop_app.domain.masks`) plus, for the
audiences in `DEFAULT_MASKED_AUDIENCES`, every detected name, phone number and e-mail address
the user did not unmask. Reels saved before masks were stored as words carry word indexes:
they are read against the clip's current words once and kept as words from then on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlmodel import Session, select

from desktop_app.domain.highlights import TimedWord
from desktop_app.domain.masks import (
    DEFAULT_MASKED_AUDIENCES,
    MaskAnchor,
    anchor_of,
    resolve,
)
from desktop_app.domain.reel_plan import MASK_TEXT
from desktop_app.domain.reels import ReelOptions
from desktop_app.services.sensitive_words import detect_sensitive
from desktop_app.storage.tables import Customer


@dataclass(frozen=True)
class ClipMasks:
    """The clip's masked word indexes now, and what the audience's defaults added."""

    indexes: frozenset[int]
    by_default: frozenset[int]
    detected: dict[int, str]
    lost: tuple[MaskAnchor, ...]  # masked words no longer in the transcript
    ranges: tuple[tuple[float, float], ...]  # every mask's own time (bleeped as well)
    changed: tuple[tuple[MaskAnchor, str], ...] = ()  # masked words that now read otherwise

    def warnings(self, label: str) -> list[str]:
        out = [f"{label}: the masked word '{a.word}' at {a.start:.1f} s is no longer in the "
               "transcript; its time is still bleeped, check the captions" for a in self.lost]
        out += [f"{label}: the masked word '{a.word}' at {a.start:.1f} s now reads '{text}'; "
                "it stays masked, check it" for a, text in self.changed]
        return out


def customer_names(s: Session) -> list[str]:
    return [c.name for c in s.exec(select(Customer))]


def _triples(words: Sequence[TimedWord]) -> list[tuple[float, float, str]]:
    return [(w.start, w.end, w.word) for w in words]


def stored_anchors(options: ReelOptions, item_id: int,
                   words: Sequence[TimedWord]) -> tuple[MaskAnchor, ...]:
    """The clip's masked words (legacy word indexes read against its current words)."""
    if item_id in options.mask_words:
        return options.mask_words[item_id]
    return tuple(anchor_of(words[i].start, words[i].end, words[i].word)
                 for i in sorted(set(options.masked.get(item_id, []))) if 0 <= i < len(words))


def clip_masks(options: ReelOptions, item_id: int, words: Sequence[TimedWord], audience: str,
               names: Sequence[str]) -> ClipMasks:
    """What is masked in this clip for `audience`."""
    triples = _triples(words)
    anchors = stored_anchors(options, item_id, words)
    chosen = resolve(anchors, triples)
    detected = detect_sensitive([w.word for w in words], names)
    by_default: frozenset[int] = frozenset()
    if audience in DEFAULT_MASKED_AUDIENCES and detected:
        shown = resolve(options.unmask_words.get(item_id, ()), triples).indexes
        by_default = frozenset(i for i in detected if i not in shown)
    return ClipMasks(chosen.indexes | by_default, by_default - chosen.indexes, detected,
                     chosen.lost, tuple((a.start, a.end) for a in anchors), chosen.changed)


def choose(options: ReelOptions, item_id: int, words: Sequence[TimedWord], audience: str,
           names: Sequence[str], indexes: Sequence[int]) -> ReelOptions:
    """`options` with exactly these words of the clip masked for `audience`.

    Chosen words are stored as words; masks whose word left the transcript are kept (their
    sound is still there). Detected words left unchosen are stored as unmasked when the
    audience masks them by default; for other audiences earlier unmasks stay as they were.
    """
    chosen = sorted({i for i in indexes if 0 <= i < len(words)})
    current = clip_masks(options, item_id, words, audience, names)
    anchors = [anchor_of(words[i].start, words[i].end, words[i].word) for i in chosen]
    anchors += list(current.lost)
    unmask = list(options.unmask_words.get(item_id, ()))
    triples = _triples(words)
    unmask = [a for a in unmask if not resolve([a], triples).indexes & set(chosen)]
    if audience in DEFAULT_MASKED_AUDIENCES:
        known = resolve(unmask, triples).indexes
        unmask += [anchor_of(words[i].start, words[i].end, words[i].word)
                   for i in current.detected if i not in chosen and i not in known]
    mask_words = {**options.mask_words, item_id: tuple(anchors)}
    unmask_words = {**options.unmask_words, item_id: tuple(unmask)}
    masked = {k: v for k, v in options.masked.items() if k != item_id}
    return replace(options, masked=masked,
                        mask_words={k: v for k, v in mask_words.items() if v},
                        unmask_words={k: v for k, v in unmask_words.items() if v})


def shown_quote(words: Sequence[TimedWord], masked: frozenset[int]) -> str:
    """The clip's words as the audience sees them (masked words as "•••")."""
    return " ".join(MASK_TEXT if i in masked else w.word.strip()
                    for i, w in enumerate(words) if w.word.strip())
