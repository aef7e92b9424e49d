"""Presenter mode with real recordings: the interstitial card, keys, clips that stop at their
end, the end screen, and a rendered file with chapters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from desktop_app.ui.kit.tokens import SURFACE
from desktop_app.ui.reels.presenter import PresenterClip, PresenterWindow


@pytest.fixture()
def clips(shared_media: Path) -> list[PresenterClip]:
    return [
        PresenterClip(shared_media / "video/auto-editor_example.mp4", 1.42, 2.4, True,
                      quote="This is an example video", customer="Anna Petrova",
                      persona="Busy parent", touchpoint="Support",
                      pain="Hand-off / responsibility"),
        PresenterClip(shared_media / "en/jfk.flac", 8.02, 9.0, False,
                      quote="ask what you can do for your country", customer="John Carter",
                      persona="IT manager", touchpoint="Delivery", pain="Process organisation"),
    ]


@pytest.fixture()
def make(qtbot: QtBot) -> Iterator[list[PresenterWindow]]:
    windows: list[PresenterWindow] = []
    yield windows
    for w in windows:
        w.close()


def _open(qtbot: QtBot, windows: list[PresenterWindow], window: PresenterWindow
          ) -> PresenterWindow:
    qtbot.addWidget(window)
    windows.append(window)
    window.present()
    return window


def test_space_pauses_right_goes_to_the_next_card_and_esc_leaves(
        qtbot: QtBot, clips: list[PresenterClip], make: list[PresenterWindow]) -> None:
    w = _open(qtbot, make, PresenterWindow(clips, card_ms=60_000))
    assert w.isFullScreen()
    assert w.state() == "card" and w.card.isVisible()
    assert w.card.counter.text() == "Clip 1 of 2"
    assert w.card.touchpoint.text() == "SUPPORT"
    with qtbot.waitSignal(w.clip_started, timeout=10_000):
        qtbot.keyClick(w, Qt.Key.Key_Space)  # skip the card
    assert not w.card.isVisible()
    qtbot.waitUntil(lambda: w.player.position() > 1500, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert w.is_paused()
    qtbot.waitUntil(lambda: w.player.playbackState() == QMediaPlayer.PlaybackState.PausedState)
    assert w.bar.caption.text() == "Paused — Space to resume"
    qtbot.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(w.is_playing)
    with qtbot.waitSignal(w.card_shown, timeout=2000) as shown:
        qtbot.keyClick(w, Qt.Key.Key_Right)
    assert shown.args == [1] and w.state() == "card" and w.card.isVisible()
    assert w.card.counter.text() == "Clip 2 of 2"
    assert w.card.touchpoint.text() == "DELIVERY"
    assert w.card.pain.text() == "Process organisation"
    assert w.card.quote.text() == "“ask what you can do for your country”"
    assert w.card.who.text() == "— John Carter · IT manager"
    assert w.bar.position.text() == "Clip 2 / 2"
    assert w.player.playbackState() != QMediaPlayer.PlaybackState.PlayingState
    with qtbot.waitSignal(w.closed, timeout=2000):
        qtbot.keyClick(w, Qt.Key.Key_Escape)
    assert not w.isVisible()


def test_clips_stop_at_their_end_with_cards_between_then_the_end_screen(
        qtbot: QtBot, clips: list[PresenterClip], make: list[PresenterWindow]) -> None:
    w = _open(qtbot, make, PresenterWindow(clips, card_ms=300))
    with qtbot.waitSignal(w.clip_started, timeout=10_000) as started:
        pass  # the card times out by itself
    assert started.args == [0] and w.player.position() >= 1300
    with qtbot.waitSignal(w.card_shown, timeout=10_000) as shown:
        pass
    assert shown.args == [1]
    assert 2350 <= w.player.position() <= 2700  # stopped at the clip's end (2.4 s)
    with qtbot.waitSignal(w.clip_started, timeout=10_000):
        pass
    assert 7900 <= w.player.position() <= 8600  # the audio clip starts mid-recording
    assert w.stage.message() == ""
    with qtbot.waitSignal(w.finished, timeout=10_000):
        pass
    assert w.state() == "end" and w.end_screen.isVisible()
    assert w.player.position() <= 9400
    qtbot.keyClick(w, Qt.Key.Key_Left)  # back to the last clip's card
    assert w.state() == "card" and w.index() == 1


def test_a_missing_recording_is_explained_and_skipped(
        qtbot: QtBot, clips: list[PresenterClip], make: list[PresenterWindow],
        tmp_path: Path) -> None:
    gone = PresenterClip(tmp_path / "deleted.mp4", 0.0, 2.0, True, quote="lost")
    w = _open(qtbot, make, PresenterWindow([gone, clips[1]], card_ms=60_000))
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert "This recording is missing" in w.stage.message()
    with qtbot.waitSignal(w.card_shown, timeout=6000) as shown:
        pass
    assert shown.args == [1]


def test_rendered_file_plays_from_the_start_and_jumps_by_chapter(
        qtbot: QtBot, shared_media: Path, make: list[PresenterWindow]) -> None:
    w = _open(qtbot, make, PresenterWindow.for_file(
        shared_media / "video/auto-editor_example.mp4", title="Support reel",
        chapters=[0.0, 10.0, 20.0]))
    assert w.is_file() and w.state() == "clip" and not w.card.isVisible()
    qtbot.waitUntil(w.is_playing, timeout=10_000)
    assert w.bar.caption.text() == "Support reel"
    qtbot.keyClick(w, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: 10_000 <= w.player.position() < 12_000, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: 20_000 <= w.player.position() < 22_000, timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: 10_000 <= w.player.position() < 12_000, timeout=5000)
    with qtbot.waitSignal(w.closed, timeout=2000):
        qtbot.keyClick(w, Qt.Key.Key_Escape)


def _card_picture(w: PresenterWindow) -> QImage:
    """The window as the room sees it, above the card's countdown line (which moves)."""
    frame = w.grab().toImage()
    return frame.copy(0, 0, frame.width(), w.card.countdown.geometry().top() - 4)


@pytest.mark.parametrize("transition", ["manual", "natural"])
def test_the_second_card_shows_only_its_own_quote(
        qtbot: QtBot, shared_media: Path, make: list[PresenterWindow], transition: str) -> None:
    jfk = shared_media / "en/jfk.flac"
    audio = [PresenterClip(jfk, 1.0, 2.0, False, quote="The first quote, played before",
                           customer="Anna Petrova"),
             PresenterClip(jfk, 8.02, 9.0, False, quote="ask what you can do",
                           customer="John Carter")]
    reference = _open(qtbot, make, PresenterWindow(audio, card_ms=60_000))
    reference.go_to(1)  # the second card, nothing played before it
    qtbot.wait(50)
    alone = _card_picture(reference)
    reference.close()

    w = _open(qtbot, make, PresenterWindow(audio, card_ms=60_000 if transition == "manual"
                                           else 300))
    with qtbot.waitSignal(w.clip_started, timeout=10_000):
        if transition == "manual":
            qtbot.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.player.position() > 1300, timeout=5000)
    with qtbot.waitSignal(w.card_shown, timeout=10_000):
        if transition == "manual":
            qtbot.keyClick(w, Qt.Key.Key_Right)
    qtbot.wait(50)
    assert w.card.quote.text() == "“ask what you can do”"
    after = _card_picture(w)
    assert after.size() == alone.size()
    assert after == alone, "the previous clip's quote or waveform shows through the card"


def test_space_shows_a_pause_sign_that_stays(
        qtbot: QtBot, clips: list[PresenterClip], make: list[PresenterWindow]) -> None:
    w = _open(qtbot, make, PresenterWindow(clips[1:], card_ms=60_000))
    with qtbot.waitSignal(w.clip_started, timeout=10_000):
        qtbot.keyClick(w, Qt.Key.Key_Space)
    badge = w.paused_badge
    assert not badge.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert w.is_paused() and badge.isVisible()
    qtbot.wait(3500)  # longer than the bar takes to fade when idle
    frame = w.grab().toImage()
    side = badge.width()
    bar_x = badge.x() + round(side * 0.5 - side * 0.11)  # inside the left bar of the sign
    bar_y = badge.y() + round(side * 0.36)
    assert frame.pixelColor(bar_x, bar_y) == QColor(SURFACE)
    centre = frame.pixelColor(badge.x() + side // 2, bar_y)  # the gap between the two bars
    assert centre != QColor(SURFACE)
    assert badge.text == "Paused"
    assert w.bar.opacity() == 1.0 and w.bar.caption.text() == "Paused — Space to resume"
    qtbot.keyClick(w, Qt.Key.Key_Space)
    assert not badge.isVisible()
    qtbot.waitUntil(w.is_playing)
