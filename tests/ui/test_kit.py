"""Shared UI plumbing (kit/): blocked signals, the background primitive, filter bars, tokens."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.transcript import TranscriptView
from desktop_app.ui.insights.filters import InsightFilterBar
from desktop_app.ui.interviews.filters import InterviewFilterBar
from desktop_app.ui.kit.background import BackgroundLoader
from desktop_app.ui.kit.filter_bar import local_midnight_utc
from desktop_app.ui.kit.page_header import PageHeader
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import ACCENT, INK, TOKENS, qss
from desktop_app.ui.transcript.start import TranscriptLoader

REPO = Path(__file__).resolve().parents[2]
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time()).astimezone().astimezone(UTC)


def test_signals_blocked_silences_and_restores(qtbot: QtBot) -> None:
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItems(["a", "b", "c"])
    seen: list[int] = []
    box.currentIndexChanged.connect(seen.append)
    with signals_blocked(box):
        box.setCurrentIndex(2)
    assert seen == [] and not box.signalsBlocked()
    box.blockSignals(True)  # already blocked before: stays blocked afterwards
    with signals_blocked(box):
        pass
    assert box.signalsBlocked()
    box.blockSignals(False)
    box.setCurrentIndex(1)
    assert seen == [1]


def test_background_loader_delivers_on_the_gui_and_drops_stale_answers(qtbot: QtBot) -> None:
    loader = BackgroundLoader(threads=1)
    got: list[object] = []
    errors: list[str] = []
    loader.submit("k", lambda: 1, got.append)
    loader.submit("k", lambda: 2, got.append)  # supersedes the first: only 2 arrives
    loader.submit("e", lambda: (_ for _ in ()).throw(NotFoundError("Interview 9 not found")),
                  got.append, errors.append)
    qtbot.waitUntil(lambda: not loader.busy())
    assert got == [2]
    assert errors == ["Interview 9 not found"]
    assert loader.shutdown()


def test_transcript_loader_reads_one_at_a_time_and_an_unreadable_one_loads_none(
        qtbot: QtBot) -> None:
    view = TranscriptView(interview_id=3, language="en", model="tiny.en", duration_s=5.0,
                          complete=True, transcribed_until_s=5.0)

    def read(interview_id: int) -> TranscriptView | None:
        if interview_id == 4:
            raise NotFoundError("Interview 4 not found")
        return view

    loader = TranscriptLoader(read)
    with qtbot.waitSignal(loader.loaded) as blocker:
        assert loader.load(3)
        assert loader.busy and not loader.load(3)  # still reading
    assert blocker.args == [3, view] and not loader.busy
    with qtbot.waitSignal(loader.loaded) as blocker:
        loader.load(4)
    assert blocker.args == [4, None]


def test_both_filter_bars_turn_days_into_the_same_local_midnights(qtbot: QtBot) -> None:
    today = date.today()
    interviews, insights = InterviewFilterBar(), InsightFilterBar()
    qtbot.addWidget(interviews)
    qtbot.addWidget(insights)
    assert local_midnight_utc(today) == _midnight(today)
    interviews.date_box.setCurrentIndex(1)  # last 7 days, open-ended
    f = interviews.current_filter()
    assert (f.date_from, f.date_to) == (_midnight(today - timedelta(days=6)), None)
    insights.date_box.setCurrentIndex(1)  # last 30 days, up to the end of today
    g = insights.insight_filter()
    assert (g.date_from, g.date_to) == (_midnight(today - timedelta(days=29)),
                                        _midnight(today + timedelta(days=1)))
    for bar in (interviews, insights):
        bar.set_date_range(date(2026, 3, 9), date(2026, 3, 1))  # reversed: swapped
        assert bar.day_range() == (date(2026, 3, 1), date(2026, 3, 9))
        assert not bar.from_edit.isHidden() and not bar.clear_button.isHidden()
        bar.clear()
        assert bar.day_range() == (None, None)
        assert bar.from_edit.isHidden() and bar.clear_button.isHidden()


def test_page_header_shows_title_subtitle_and_actions(qtbot: QtBot) -> None:
    header = PageHeader("Reels", "Short clips")
    qtbot.addWidget(header)
    box = QComboBox()
    header.add_action(box)
    first = QComboBox()
    header.insert_action(box, first)
    assert header.title.objectName() == "PageTitle" and header.title.text() == "Reels"
    assert header.subtitle.objectName() == "PageSubtitle"
    assert header.row.indexOf(first) == header.row.indexOf(box) - 1


def test_stylesheet_tokens_fill_in_and_unknown_names_are_an_error() -> None:
    assert qss("QLabel { color: @INK; border: 1px solid @ACCENT; }") == \
        f"QLabel {{ color: {INK}; border: 1px solid {ACCENT}; }}"
    with pytest.raises(KeyError, match="@INKY"):
        qss("QLabel { color: @INKY; }")
    sheet = (REPO / "resources" / "qss" / "closer.qss").read_text(encoding="utf-8")
    assert not HEX.search(sheet)  # the app stylesheet names its colours
    filled = qss(sheet.replace("@ICONS@", "/icons"))
    assert "@" not in filled
    assert set(HEX.findall(filled)) <= set(TOKENS.values())
    assert len(set(HEX.findall(filled))) > 10


def test_no_colour_literals_in_the_ui_outside_the_tokens() -> None:
    ui = REPO / "desktop_app" / "ui"
    found = [f"{path.relative_to(REPO)}: {m.group(0)}" for path in sorted(ui.rglob("*.py"))
             if path != ui / "kit" / "tokens.py"
             for m in HEX.finditer(path.read_text(encoding="utf-8"))]
    assert found == []
