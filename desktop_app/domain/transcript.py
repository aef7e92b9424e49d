"""Transcripts as the app shows them, and the pure rules for editing them.

A transcript is a list of timed segments (each with a speaker and its words). Editing a
segment's text keeps the timings of the words that did not change: `realign_words` matches the
old words to the new text on normalised tokens (difflib) and places new or changed words evenly
in the gap between their unchanged neighbours, so word times stay monotonic and inside the
segment.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop_app.domain.text import normalize_text

INTERVIEWER = "Interviewer"
CUSTOMER = "Customer"
TRACK_SPEAKERS: tuple[str, ...] = (INTERVIEWER, CUSTOMER)
EDITED_WORD_PROBABILITY = 1.0  # a word a person typed is as certain as it gets


@dataclass(frozen=True)
class WordView:
    """One word; `word` keeps its leading space (" And") so a segment's words join as-is."""

    start: float
    end: float
    word: str
    probability: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "word": self.word,
                "probability": round(self.probability, 4)}


@dataclass(frozen=True)
class SegmentView:
    """A stretch of speech; `track` is the channel/audio track it was heard on."""

    id: int
    start: float
    end: float
    text: str
    speaker: str = ""
    track: int = 0
    edited: bool = False
    words: tuple[WordView, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "speaker": self.speaker,
                "text": self.text, "words": [w.as_json() for w in self.words]}


@dataclass(frozen=True)
class TranscriptView:
    """An interview's transcript with the facts exports need (title, customer, date)."""

    interview_id: int
    language: str
    model: str
    duration_s: float
    complete: bool
    transcribed_until_s: float
    title: str = ""
    customer: str = ""
    recorded_at: datetime | None = None
    segments: tuple[SegmentView, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments if s.text)

    def as_json(self) -> dict[str, Any]:
        """The shape of `closer transcribe --json` and `closer transcript --json`."""
        return {"interview_id": self.interview_id, "language": self.language,
                "model": self.model, "duration_s": round(self.duration_s, 3),
                "segments": [s.as_json() for s in self.segments]}


def _key(token: str) -> str:
    """Comparison key of a token: normalised, or the token itself when it is all punctuation."""
    return normalize_text(token) or token


def realign_words(old: Sequence[WordView], new_text: str, seg_start: float,
                  seg_end: float) -> list[WordView]:
    """Words for `new_text`, keeping start/end/probability of the words that did not change.

    Tokens are split on whitespace and compared normalised ("country," equals "Country"), so
    fixing punctuation or case keeps the timing; the stored word takes the new spelling.
    """
    tokens = new_text.split()
    matcher = difflib.SequenceMatcher(a=[_key(w.word) for w in old],
                                      b=[_key(t) for t in tokens], autojunk=False)
    kept: dict[int, WordView] = {}  # new index -> old word it keeps the timing of
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            kept[block.b + k] = old[block.a + k]
    out: list[WordView] = []
    j = 0
    while j < len(tokens):
        if j in kept:
            w = kept[j]
            out.append(WordView(w.start, w.end, f" {tokens[j]}", w.probability))
            j += 1
            continue
        run_end = j
        while run_end < len(tokens) and run_end not in kept:
            run_end += 1
        gap_start = out[-1].end if out else seg_start
        gap_end = kept[run_end].start if run_end in kept else seg_end
        gap_end = max(gap_end, gap_start)
        step = (gap_end - gap_start) / (run_end - j)
        for k in range(j, run_end):
            start = round(gap_start + (k - j) * step, 3)
            end = round(min(gap_start + (k - j + 1) * step, gap_end), 3)
            out.append(WordView(start, max(start, end), f" {tokens[k]}",
                                EDITED_WORD_PROBABILITY))
        j = run_end
    return out
