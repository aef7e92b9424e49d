"""Nothing clipped: every section and tab, an open interview, reel, customer and the recorder,
the main dialogs and the presenter, at 1280x800 and 1920x1080, in English and Russian, on a
demo-like library. A text cut without an ellipsis-and-tooltip fails the test (tests/ui/clipcheck.py
says how each kind of widget is measured).

The library is the demo one (real recordings) with transcripts written in directly instead of
running Whisper, built once for the module. Set CLOSER_CLIP_SHOTS=/some/dir to also save a
screenshot of every screen checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.config.resources import demo_media_dir
from desktop_app.demo_library import DEMO_REEL, build_demo_library
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord
from desktop_app.ui.main_window import MainWindow
from desktop_app.wiring import Services, build_services
from tests.ui.clipcheck import clipped_texts

# What each demo customer says (one segment a line), with the keyword rules' phrases in it so
# the demo tags highlights on several touchpoints and zones.
SPOKEN = {
    "Anna Petrova": ["Курьер опять привёз не то, доставка опоздала на два часа",
                     "Меня перевели в другой отдел и никто не перезвонил"],
    "John Carter": ["The courier left the delivery at the wrong door again",
                    "Support transferred me to another department twice",
                    "Nobody took responsibility for the invoice"],
    "Maria Lopez": ["I asked for a refund and they said that's our policy",
                    "The ticket was closed while I was still on hold with support",
                    "Then I had to fill in the form again for the same problem again"],
    "Oleg Ivanov": ["Payment failed at checkout and I was charged twice",
                    "The warehouse doesn't know where my order is"],
    "Emma Clarke": ["Grocery delivery came late and the courier never called back",
                    "I want my money back for the wrong item"],
}
SIZES = ((1280, 800), (1920, 1080))
SHOTS = os.environ.get("CLOSER_CLIP_SHOTS", "")


def _write_transcripts(svc: Services) -> None:
    """A finished transcript for every demo interview, timed like Whisper's words."""
    for row in svc.interviews.list():
        lines = SPOKEN[row.customer]
        language = "ru" if row.customer == "Anna Petrova" else "en"
        count = sum(len(line.split()) + 1 for line in lines)
        step = min(0.3, (row.duration_s - 0.3) / count)  # every word inside the recording
        with session_scope(svc.engine) as s:
            t = 0.0
            for n, line in enumerate(lines):
                words = line.split()
                seg = TranscriptSegment(interview_id=row.id, start=round(t, 3),
                                        end=round(t + len(words) * step, 3), text=line,
                                        speaker="Customer" if n % 2 == 0 else "Interviewer")
                s.add(seg)
                s.flush()
                for i, w in enumerate(words):
                    ws = round(t + i * step, 3)
                    s.add(TranscriptWord(segment_id=seg.id, idx=i, start=ws, word=" " + w,
                                         end=round(ws + step * 0.8, 3), probability=0.9))
                t = seg.end + step
            s.add(Transcript(interview_id=row.id, model="base", language=language,
                             duration_s=round(t, 3), transcribed_until_s=t, complete=True))
        svc.interviews.set_status(row.id, "transcribed")


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo library with transcripts, tagged highlights, a reel and a playlist."""
    home = tmp_path_factory.mktemp("clip-library")
    svc = build_services(home)
    first = build_demo_library(svc, transcribe=False)
    assert first["errors"] == [], first["errors"]
    _write_transcripts(svc)
    assert svc.transcription.untranscribed_ids() == []
    done = build_demo_library(svc)  # no Whisper: nothing is left to transcribe; tags and a reel
    assert done["errors"] == [] and done["highlights_created"] > 5 and done["reel_id"], done
    playlist = svc.playlists.create("New support agents: the first week",
                                    role="Support agent", description="Watch before day one.")
    svc.playlists.add_reel(playlist.id, done["reel_id"], text="What customers told us")
    yield svc
    svc.insights.close()
    svc.engine.dispose()


class Screens:
    """Walks the window and collects what is clipped on each screen, by screen name."""

    def __init__(self, qtbot: QtBot, win: MainWindow, tag: str) -> None:
        self.qtbot, self.win, self.tag = qtbot, win, tag
        self.found: list[str] = []

    def check(self, name: str, root: QWidget | None = None, wait_ms: int = 120) -> None:
        root = root or self.win
        QTest.qWait(wait_ms)
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            safe = "".join(c if c.isalnum() else "_" for c in name)
            root.grab().save(str(Path(SHOTS) / f"{self.tag}-{safe}.png"))
        self.found += [f"{self.tag} {name}: {c}" for c in clipped_texts(root)]

    def tabs(self, name: str, root: QWidget | None = None) -> None:
        """This screen, then every tab of every visible tab bar (nested ones too)."""
        root = root or self.win
        self.check(name, root)
        seen: set[int] = set()

        def walk(prefix: str) -> None:
            for bar in root.findChildren(QTabBar):
                if id(bar) in seen or not bar.isVisible():
                    continue
                seen.add(id(bar))
                start = bar.currentIndex()
                for i in range(bar.count()):
                    if not bar.isTabEnabled(i) or not bar.isTabVisible(i):
                        continue
                    bar.setCurrentIndex(i)
                    label = f"{prefix} › {bar.tabText(i)}"
                    self.check(label, root)
                    walk(label)
                bar.setCurrentIndex(start)

        walk(name)

    def dialog(self, name: str, opener: Callable[[], object]) -> None:
        before = {id(w) for w in QApplication.topLevelWidgets()}
        opener()
        QTest.qWait(50)
        opened = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QDialog) and w.isVisible() and id(w) not in before]
        assert opened, f"{name}: no dialog opened"
        for dialog in opened:
            self.check(f"dialog {name}", dialog)
            dialog.reject()
        QTest.qWait(20)


def _walk(qtbot: QtBot, svc: Services, lang: str, size: tuple[int, int]) -> list[str]:
    svc.settings.ui_language = lang
    win = create_main_window(QApplication.instance(), svc)  # type: ignore[arg-type]
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    s = Screens(qtbot, win, f"{lang}-{size[0]}x{size[1]}")
    customers = {c.name: c.id for c in svc.library.customers()}
    interviews = {r.customer: r.id for r in svc.interviews.list()}
    try:
        for key in win.section_keys():
            view = win.show_section(key)
            s.tabs(key)
            if key == "interviews":
                for who in ("Maria Lopez", "Anna Petrova"):
                    win.show_interview(interviews[who])
                    s.tabs(f"interview of {who}")
                view.show_list()  # type: ignore[attr-defined]
                s.dialog("import", lambda v=view: v.import_files(  # type: ignore[misc]
                    [demo_media_dir() / "auto-editor_example.mp4"]))
            elif key == "customers":
                view.select_customer(customers["Maria Lopez"])  # type: ignore[attr-defined]
                s.check("customer Maria Lopez")
                s.dialog("customer", view.edit_customer)  # type: ignore[attr-defined]
                s.dialog("persona", view.add_persona)  # type: ignore[attr-defined]
            elif key == "touchpoints":
                view.select_touchpoint(  # type: ignore[attr-defined]
                    svc.library.touchpoints()[0].id)
                s.dialog("touchpoint", view.edit_touchpoint)  # type: ignore[attr-defined]
                s.dialog("zone", view.add_zone)  # type: ignore[attr-defined]
                rules = view.rules_page  # type: ignore[attr-defined]
                s.dialog("keyword rule", rules.add_rule)
            elif key == "schedule":
                series = svc.scheduling.all_series()[0]
                s.dialog("series", lambda v=view, i=series.id: v.actions.edit_series(i))
            elif key == "reels":
                s.dialog("auto reel", view.auto_reel)  # type: ignore[attr-defined]
                pages = view.playlists  # type: ignore[attr-defined]
                s.dialog("playlist", pages.new_playlist)
                s.check("presenter", _presenter(qtbot, svc, lang, size), wait_ms=300)
            elif key == "insights":
                table = view.highlights_tab  # type: ignore[attr-defined]
                view.show_tab("highlights")  # type: ignore[attr-defined]
                qtbot.waitUntil(lambda t=table: t.model.rowCount() > 0)
                table.table.selectRow(0)
                s.dialog("highlight edit", table.edit_selected)
        s.tabs("recorder", _recorder(qtbot, win, customers["Maria Lopez"]))
    finally:
        win.close()
    return s.found


def _presenter(qtbot: QtBot, svc: Services, lang: str, size: tuple[int, int]) -> QWidget:
    from desktop_app.ui.reels.present import presenter_clips
    from desktop_app.ui.reels.presenter import PresenterWindow

    reel = next(r for r in svc.reels.list() if r.name == DEMO_REEL)
    clips = presenter_clips(svc, svc.reels.get(reel.id), lang)
    w = PresenterWindow(clips, title=reel.name, card_ms=60_000)
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    return w


def _recorder(qtbot: QtBot, win: MainWindow, customer_id: int) -> QWidget:
    from desktop_app.ui.recorder.catalog import SourceCatalog

    media = Path(__file__).resolve().parents[1] / "media"
    win.recorder_launcher.catalog = SourceCatalog(synthetic_video=True,
                                                  speech_mic=media / "en" / "jfk.flac")
    rec = win.recorder_launcher.record_for_customer(customer_id)
    qtbot.waitExposed(rec)
    step = rec.setup.consent
    step.verbal.click()
    step.internal.click()
    return rec


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_text_is_cut_off_anywhere(qtbot: QtBot, library: Services, lang: str) -> None:
    found: list[str] = []
    for size in SIZES:
        found += _walk(qtbot, library, lang, size)
    first: dict[str, str] = {}  # each cut text once, with the first screen it was seen on
    for line in found:
        screen, _, problem = line.partition(": ")
        first.setdefault(problem, screen)
    assert first == {}, f"{len(first)} texts cut off:\n" + "\n".join(
        f"{screen}: {problem}" for problem, screen in first.items())


def test_the_check_sees_a_cut_label_a_cut_button_and_an_elided_chip_without_tooltip(
        qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

    from desktop_app.ui.transcript.tag_bar import ElidedChip, ElidedLabel

    box = QWidget()
    qtbot.addWidget(box)
    lay = QHBoxLayout(box)
    label = QLabel("Regular conversations with every customer")
    label.setFixedWidth(60)
    button = QPushButton("Transcribe everything")
    button.setFixedWidth(50)
    chip = ElidedChip("For onboarding new support agents")
    chip.setFixedWidth(70)
    elided = ElidedLabel()
    elided.set_full_text("Maria Lopez · Office manager · Lopez & Sons")
    elided.setFixedWidth(80)
    fits = QLabel("OK")
    for w in (label, button, chip, elided, fits):
        lay.addWidget(w)
    box.show()
    qtbot.waitExposed(box)
    found = "\n".join(clipped_texts(box))
    assert "label 'Regular conversations" in found
    assert "button 'Transcribe everything'" in found
    assert "For onboarding new support agents" in found  # elided, no tooltip
    assert "Maria Lopez" not in found and "'OK'" not in found  # elided with a tooltip; fits
    chip.setToolTip(chip.full_text)
    assert "For onboarding" not in "\n".join(clipped_texts(box))


def test_a_long_job_title_in_the_sidebar_stops_short_of_cancel(qtbot: QtBot,
                                                                services: Services) -> None:
    from desktop_app.ui.kit.jobs import JobRunner
    from desktop_app.ui.kit.jobs_panel import _JobRow

    title = "Transcribing auto-editor_example_customer_interview_2026-10-20.mp4"
    runner = JobRunner(services.jobs)
    row = _JobRow(1, title, runner)
    qtbot.addWidget(row)
    row.resize(200, 60)  # the sidebar's width less its margins
    row.show()
    qtbot.waitExposed(row)
    assert clipped_texts(row) == []
    shown = row.title.text()
    assert shown.endswith("…") and shown[:-1] in title and row.title.toolTip() == title
    assert row.title.geometry().right() < row.cancel.geometry().left()
    row.resize(700, 60)
    qtbot.waitUntil(lambda: row.title.text() == title)
    assert row.title.toolTip() == ""
    assert runner.shutdown()
