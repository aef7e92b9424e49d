"""Text normalisation and word error rate, used to compare transcripts with references."""

from __future__ import annotations

import pytest

from desktop_app.domain.text import normalize_text, wer, word_edit_distance


def test_normalize_text_and_wer() -> None:
    text = normalize_text("  Ёлка, Cold-hearted!  Isn't it 3.4%? ")
    assert text == "елка cold hearted isnt it 3.4"
    assert wer("This isn't it", "this ISN'T it.") == 0.0
    assert wer("a b c d", "a x c") == pytest.approx(0.5)
    assert wer("", "") == 0.0 and wer("", "noise") == 1.0


def test_normalize_keeps_numbers_and_drops_symbols() -> None:
    assert normalize_text("1,000 people — «ещё» $5") == "1,000 people еще 5"
    assert normalize_text("Нейронные\tСЕТИ\u200b.") == "нейронные сети"


def test_word_edit_distance_counts_substitutions_insertions_deletions() -> None:
    assert word_edit_distance(["a", "b", "c"], ["a", "b", "c"]) == 0
    assert word_edit_distance(["a", "b", "c"], ["a", "x", "c", "d"]) == 2
    assert word_edit_distance([], ["a"]) == 1 and word_edit_distance(["a"], []) == 1
    assert wer("one two", "one two three four") == pytest.approx(1.0)
