"""Snapping a time range to transcript words, and joining words into a quote (pure)."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import (
    TimedWord,
    check_emotion,
    check_severity,
    join_words,
    snap_range,
)

# Whisper-style words (leading spaces) of a real Russian sentence with a pause in the middle.
RU = [TimedWord(0.00, 0.48, " Курьер"), TimedWord(0.52, 0.95, " привёз"),
      TimedWord(1.00, 1.42, " молоко"), TimedWord(1.46, 1.90, " вместо"),
      TimedWord(1.95, 2.40, " кофе."), TimedWord(4.10, 4.50, " А"),
      TimedWord(4.55, 5.20, " поддержка"), TimedWord(5.25, 5.90, " предложила"),
      TimedWord(5.95, 6.60, " купон.")]


def test_start_snaps_to_first_overlapping_word_and_end_to_last() -> None:
    snapped = snap_range(RU, 0.7, 1.6)
    assert (snapped.start, snapped.end) == (0.52, 1.90)
    assert snapped.quote == "привёз молоко вместо"
    assert (snapped.first, snapped.last) == (1, 3)


def test_range_inside_one_word_takes_that_word() -> None:
    snapped = snap_range(RU, 4.7, 4.8)
    assert (snapped.start, snapped.end, snapped.quote) == (4.55, 5.20, "поддержка")


def test_touching_a_word_edge_does_not_include_it() -> None:
    # ends exactly where "молоко" starts: overlap must be real, not a shared boundary
    snapped = snap_range(RU, 0.5, 1.0)
    assert snapped.quote == "привёз"


def test_range_spanning_a_pause_keeps_punctuation_and_both_sides() -> None:
    snapped = snap_range(RU, 2.2, 4.6)
    assert snapped.quote == "кофе. А поддержка"
    assert (snapped.start, snapped.end) == (1.95, 5.20)


def test_range_in_silence_is_rejected_with_the_range_in_the_message() -> None:
    with pytest.raises(ValidationError) as err:
        snap_range(RU, 2.5, 4.0)
    assert str(err.value) == "No transcript words between 2.5 s and 4.0 s."


def test_inverted_range_is_rejected() -> None:
    with pytest.raises(ValidationError, match="ends .* before it starts"):
        snap_range(RU, 3.0, 1.0)


def test_zero_length_word_inside_range_counts() -> None:
    words = [TimedWord(1.0, 1.0, " uh"), TimedWord(1.2, 1.6, " refund")]
    assert snap_range(words, 0.9, 1.1).quote == "uh"


def test_bare_words_are_joined_with_spaces_and_whisper_words_as_they_are() -> None:
    assert join_words(["ask", "not", "what"]) == "ask not what"
    assert join_words([" ask", " not,", " what"]) == "ask not, what"
    assert join_words([]) == ""


def test_severity_and_emotion_checks() -> None:
    assert check_severity(5) == 5
    for bad in (0, 6, True, 2.5):
        with pytest.raises(ValidationError, match="Severity must be a whole number from 1 to 5"):
            check_severity(bad)  # type: ignore[arg-type]
    assert check_emotion(" Frustrated ") == "frustrated"
    assert check_emotion("") == ""
    with pytest.raises(ValidationError, match="Unknown emotion 'furious': use one of"):
        check_emotion("furious")
