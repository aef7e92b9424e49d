"""One clock for lengths everywhere: the player, reel lists, the recorder and exported pages
write the same seconds the same way (whole seconds counted down, as a position counter)."""

from __future__ import annotations

import math

import pytest

from desktop_app.domain.durations import clock
from desktop_app.domain.recording import clock as recording_clock
from desktop_app.services.playlist_page import clock as page_clock
from desktop_app.ui.kit.palette import format_clock as insights_clock
from desktop_app.ui.player.parts import format_clock as player_clock
from desktop_app.ui.reels.style import format_length


@pytest.mark.parametrize(("seconds", "text"), [
    (0.0, "0:00"), (0.99, "0:00"), (27.0, "0:27"), (27.6, "0:27"), (59.999, "0:59"),
    (60.0, "1:00"), (61.5, "1:01"), (3599.9, "59:59"), (3600.0, "1:00:00"),
    (3723.4, "1:02:03"), (-4.0, "0:00"), (math.nan, "0:00"), (math.inf, "0:00")])
def test_clock(seconds: float, text: str) -> None:
    assert clock(seconds) == text


def test_every_place_that_writes_a_length_agrees() -> None:
    for tenth in range(0, 40_000, 7):
        seconds = tenth / 10
        expected = clock(seconds)
        assert player_clock(seconds) == expected
        assert page_clock(seconds) == expected
        assert recording_clock(seconds) == expected
        assert insights_clock(seconds) == expected
        if seconds >= 60:
            assert format_length(seconds) == expected
