"""The Reels section on a real library: real recordings (a video and JFK) imported, transcripts
with real word timings, highlights, consent; composing, reordering, trimming, privacy, consent
blocking, rendering a real MP4 through the job runner, presenting, and onboarding playlists."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import av
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Transcript, TranscriptSegment, TranscriptWord
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.reels.auto_dialog import AutoReelDialog
from desktop_app.ui.reels.clip_list import MIME
from desktop_app.ui.reels.highlight_picker import HighlightPickerDialog
from desktop_app.ui.reels.playlist_dialogs import AddReelDialog, PlaylistDialog
from desktop_app.ui.reels.view import ReelsView
from desktop_app.wiring import Services, build_services

VIDEO = "video/auto-editor_example.mp4"
JFK = "en/jfk.flac"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
# word timings measured with faster-whisper (tiny.en, word_timestamps) on the real files
VIDEO_WORDS = [
    [(0.0, 0.66, "Hello."), (1.42, 1.62, "This"), (1.62, 1.86, "is"), (1.86, 2.06, "an"),
     (2.06, 2.5, "example"), (2.5, 2.9, "video"), (2.9, 3.26, "for"), (3.26, 3.62, "your"),
     (3.62, 3.94, "convenience"), (3.94, 4.36, "and"), (4.36, 4.8, "pleasure."),
     (5.22, 5.44, "You"), (5.44, 5.72, "are"), (5.72, 6.14, "allowed"), (6.14, 6.34, "to"),
     (6.34, 6.66, "use"), (6.66, 6.98, "this")],
    [(6.98, 7.38, "voice"), (7.38, 7.66, "for"), (7.66, 7.94, "any"), (7.94, 8.42, "purpose"),
     (8.42, 9.14, "including"), (9.14, 9.74, "commercial"), (9.74, 10.42, "uses,"),
     (10.76, 10.94, "on"), (10.94, 11.14, "the"), (11.14, 11.42, "bottom"),
     (11.42, 11.82, "right"), (11.82, 12.02, "you"), (12.02, 12.26, "can"),
     (12.26, 12.46, "see"), (12.46, 12.72, "the"), (12.72, 13.06, "time.")],
]
JFK_WORDS = [
    [(0.0, 0.74, "And"), (0.74, 1.06, "so"), (1.06, 1.46, "my"), (1.46, 1.76, "fellow"),
     (1.76, 2.26, "Americans,"), (2.26, 3.88, "ask"), (3.88, 4.52, "not"),
     (4.52, 5.7, "what"), (5.7, 6.04, "your"), (6.04, 6.36, "country"), (6.36, 6.76, "can"),
     (6.76, 7.02, "do"), (7.02, 7.26, "for"), (7.26, 8.02, "you,")],
    [(8.02, 8.66, "ask"), (8.66, 8.94, "what"), (8.94, 9.28, "you"), (9.28, 9.5, "can"),
     (9.5, 9.72, "do"), (9.72, 9.92, "for"), (9.92, 10.22, "your"),
     (10.22, 10.52, "country.")],
]


def add_transcript(svc: Services, interview_id: int,
                   segments: list[list[tuple[float, float, str]]]) -> None:
    with session_scope(svc.engine) as s:
        for seg_words in segments:
            seg = TranscriptSegment(interview_id=interview_id, start=seg_words[0][0],
                                    end=seg_words[-1][1],
                                    text=" ".join(w for _, _, w in seg_words))
            s.add(seg)
            s.flush()
            for i, (a, b, w) in enumerate(seg_words):
                s.add(TranscriptWord(segment_id=seg.id, idx=i, start=a, end=b, word=" " + w,
                                     probability=0.9))
        end = segments[-1][-1][1]
        s.add(Transcript(interview_id=interview_id, model="tiny.en", language="en",
                         duration_s=end, transcribed_until_s=end, complete=True))


def import_file(svc: Services, path: Path, customer: str, persona: str,
                when: datetime) -> int:
    c = svc.library.add_customer(name=customer, persona=persona)
    assert c.id is not None
    for _ in svc.importer.import_iter(path, customer_id=c.id, recorded_at=when):
        pass
    iid = svc.importer.last_result.interview_id
    assert iid is not None
    return iid


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, shared_media: Path) -> Path:
    """A library with the two recordings imported, transcribed (real timings) and tagged."""
    home = tmp_path_factory.mktemp("reels_library")
    svc = build_services(home)
    video = import_file(svc, shared_media / VIDEO, "Anna Petrova", "Busy parent",
                        datetime(2026, 10, 1, 10, tzinfo=UTC))
    jfk = import_file(svc, shared_media / JFK, "John Carter", "IT manager",
                      datetime(2026, 11, 5, 9, tzinfo=UTC))
    add_transcript(svc, video, VIDEO_WORDS)
    add_transcript(svc, jfk, JFK_WORDS)
    t = svc.tagging
    t.create(video, start=1.5, end=4.7, touchpoints=["Support"],
             zones=["handoff_responsibility"], severity=4, emotion="frustrated")
    t.create(jfk, start=2.3, end=8.0, touchpoints=["Delivery"], zones=["process_organisation"],
             severity=5, need="Get the order right the first time")
    t.create(video, start=10.8, end=13.0, touchpoints=["Support"], zones=["systems"],
             severity=2)
    svc.engine.dispose()
    return home


@pytest.fixture()
def services(template: Path, closer_home: Path) -> Iterator[Services]:
    shutil.copytree(template, closer_home, dirs_exist_ok=True)
    svc = build_services(closer_home)
    yield svc
    svc.engine.dispose()


@pytest.fixture()
def view(services: Services, qtbot: QtBot) -> Iterator[ReelsView]:
    runner = JobRunner(services.jobs, max_parallel=1)
    widget = ReelsView(UiContext(services=services, runner=runner))
    widget.fullscreen_presenter = False
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    yield widget
    widget.shutdown()
    assert runner.shutdown(20000)


def ids(services: Services) -> dict[str, int]:
    """Highlight ids by nickname: "video" (support), "jfk" (delivery), "time" (systems)."""
    hs = services.tagging.list()
    by_quote = {h.quote.split()[0].strip(".,").lower(): h.id for h in hs}
    return {"video": by_quote["this"], "jfk": by_quote["ask"], "time": by_quote["on"]}


def interview_of(services: Services, customer: str) -> int:
    return next(r.id for r in services.interviews.list() if r.customer == customer)


def make_reel(view: ReelsView, names: list[str]) -> int:
    h = ids(view.services)
    return view.create_reel_from_highlights([h[n] for n in names])


def drag_and_drop(target: QWidget, pos: QPoint, data: QMimeData) -> None:
    """Enter, move and drop at `pos`, the events (and order) Qt delivers during a real drag."""
    args = (Qt.DropAction.MoveAction, data, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    with warnings.catch_warnings():  # the QPoint constructors are marked deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.sendEvent(target, QDragEnterEvent(pos, *args))
        QApplication.sendEvent(target, QDragMoveEvent(pos, *args))
    QApplication.sendEvent(target, QDropEvent(QPointF(pos), *args))


def order(view: ReelsView, reel_id: int) -> list[int | None]:
    return [i.highlight_id for i in view.reels.get(reel_id).items]


# --- composing -----------------------------------------------------------------------------


def test_reel_from_two_highlights_shows_two_clip_cards(view: ReelsView,
                                                       services: Services) -> None:
    h = ids(services)
    assert view.right.currentWidget() is view.empty  # highlights exist, no reel yet
    reel_id = make_reel(view, ["video", "jfk"])
    composer = view.composer
    assert view.right.currentWidget() is composer
    items = composer.clip_list.clips.items()
    assert [i.highlight_id for i in items] == [h["video"], h["jfk"]]
    assert items[0].quote == "This is an example video for your convenience and pleasure."
    assert (items[1].customer, items[1].persona, items[1].touchpoints) == \
        ("John Carter", "IT manager", ("Delivery",))
    assert all(composer.clip_list.card_rect(r).height() > 80 for r in range(2))
    assert composer.name_edit.text() == "2 customer moments"
    assert composer.meta.text().startswith("2 clips · ")
    row = view.list_panel.row_widget(reel_id)
    assert row is not None and row.facts.text().startswith("2 clips · ")
    assert row.badge.text() == "Internal"
    # the first card is selected: the trimmer previews it and lists its words
    assert composer.trimmer.item().id == items[0].id
    assert "convenience" in composer.trimmer.preview.text()


def test_drag_and_keys_reorder_the_clips_in_the_service(view: ReelsView, services: Services,
                                                        qtbot: QtBot) -> None:
    h = ids(services)
    reel_id = make_reel(view, ["video", "jfk", "time"])
    lst = view.composer.clip_list
    # drop the third card onto the top half of the first one
    data: QMimeData = lst.clips.mimeData([lst.clips.index(2)])
    assert data.hasFormat(MIME)
    drag_and_drop(lst.viewport(), lst.card_rect(0).topLeft() + QPoint(40, 6), data)
    qtbot.waitUntil(lambda: order(view, reel_id) == [h["time"], h["video"], h["jfk"]])
    qtbot.waitUntil(lambda: [i.highlight_id for i in lst.clips.items()] ==
                    [h["time"], h["video"], h["jfk"]])
    # a drag inside the list itself goes through moveRows
    assert lst.clips.moveRows(lst.clips.index(0).parent(), 0, 1, lst.clips.index(0).parent(), 3)
    qtbot.waitUntil(lambda: order(view, reel_id) == [h["video"], h["jfk"], h["time"]])
    # Alt+Up moves the selected card
    lst.select_item(view.reels.get(reel_id).items[2].id)
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: order(view, reel_id) == [h["video"], h["time"], h["jfk"]])
    assert lst.current_item().highlight_id == h["time"]  # the moved card stays selected


def test_trimmer_snaps_to_words_and_nudges_by_frames(view: ReelsView, services: Services,
                                                     qtbot: QtBot) -> None:
    reel_id = make_reel(view, ["jfk"])
    trimmer = view.composer.trimmer
    item = trimmer.item()
    assert (item.start, item.end) == (2.26, 8.02)  # "ask … for you," (no silence to pad into)
    assert trimmer.end_label.text() == "0:08.02"
    qtbot.mouseClick(trimmer.end_next, Qt.MouseButton.LeftButton)
    saved = view.reels.get(reel_id).items[0]
    assert saved.end == 8.66 and saved.start == 2.26  # the end of the next word, "ask"
    assert saved.quote.endswith("for you, ask")
    assert trimmer.end_label.text() == "0:08.66"
    qtbot.mouseClick(trimmer.start_next, Qt.MouseButton.LeftButton)
    assert view.reels.get(reel_id).items[0].start == 3.88  # "not" starts the clip now
    assert trimmer.start_label.text() == "0:03.88"
    qtbot.mouseClick(trimmer.start_prev, Qt.MouseButton.LeftButton)
    assert view.reels.get(reel_id).items[0].start == 2.26
    step = 1 / trimmer.fps()
    qtbot.mouseClick(trimmer.end_back, Qt.MouseButton.LeftButton)  # one frame, no snapping
    assert view.reels.get(reel_id).items[0].end == pytest.approx(8.66 - step, abs=1e-3)
    assert view.composer.clip_list.clips.items()[0].end == pytest.approx(8.66 - step, abs=1e-3)
    # the clip cannot shrink below one word: the buttons say so by being disabled
    for _ in range(20):
        if not trimmer.end_prev.isEnabled():
            break
        qtbot.mouseClick(trimmer.end_prev, Qt.MouseButton.LeftButton)
    assert view.reels.get(reel_id).items[0].quote == "ask"
    assert not trimmer.start_next.isEnabled() and not trimmer.end_prev.isEnabled()


def test_consent_none_shows_the_badge_and_disables_render(view: ReelsView, services: Services,
                                                          qtbot: QtBot) -> None:
    h = ids(services)
    services.consent.set_consent(interview_of(services, "John Carter"), method="none")
    services.consent.set_consent(interview_of(services, "Anna Petrova"), internal=True,
                                 onboarding=True)
    make_reel(view, ["video", "jfk"])
    composer = view.composer
    blocked = [i for i in composer.clip_list.clips.items() if not i.consent_ok]
    assert [i.highlight_id for i in blocked] == [h["jfk"]]
    assert blocked[0].consent_problem == "recorded without consent"
    index = composer.clip_list.clips.index(1)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "recorded without consent"
    assert not composer.render_button.isEnabled()
    assert "Rendering is off" in composer.render_button.toolTip()
    assert composer.consent_banner.isVisible() and composer.consent_banner.kind == "error"
    assert "clip 2 (John Carter" in composer.consent_banner.text.text()
    assert "recorded without consent" in composer.consent_banner.text.text()
    qtbot.mouseClick(composer.present_button, Qt.MouseButton.LeftButton)
    presenter = view.presenter  # presenting plays only the clips the customers agreed to
    assert presenter is not None and [c.customer for c in presenter.clips] == ["Anna Petrova"]
    assert composer.error_banner.text.text() == (
        "1 clip left out of the presentation: no valid consent for this audience."
        "\n• John Carter: recorded without consent")
    with qtbot.waitSignal(presenter.closed, timeout=3000):
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    composer.remove_clip(blocked[0].id)  # removing the clip makes the reel renderable
    assert composer.render_button.isEnabled() and not composer.consent_banner.isVisible()


def test_auto_reel_picks_the_most_severe_clips_within_the_limit(view: ReelsView,
                                                                 services: Services,
                                                                 qtbot: QtBot) -> None:
    h = ids(services)
    qtbot.mouseClick(view.empty.button, Qt.MouseButton.LeftButton)  # "Auto reel…"
    dialog = view.active_dialog
    assert isinstance(dialog, AutoReelDialog)
    dialog.touchpoint_box.setCurrentIndex(dialog.touchpoint_box.findText("Support"))
    assert dialog.name_edit.text() == "Support: customer voices"
    dialog.seconds.setValue(15)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    items = view.composer.clip_list.clips.items()
    assert [i.highlight_id for i in items] == [h["video"], h["time"]]  # severity 4, then 2
    assert view.composer.name_edit.text() == "Support: customer voices"
    assert view.list_panel.ids()[0] == view.composer.reel.id


def test_auto_reel_explains_when_nothing_fits(view: ReelsView, qtbot: QtBot) -> None:
    view.auto_reel()
    dialog = view.active_dialog
    assert isinstance(dialog, AutoReelDialog)
    dialog.touchpoint_box.setCurrentIndex(dialog.touchpoint_box.findText("Renewal"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text()
    dialog.reject()
    assert view.reels.list() == []


def test_picker_filters_and_adds_highlights(view: ReelsView, services: Services,
                                            qtbot: QtBot) -> None:
    h = ids(services)
    view.new_reel()
    composer = view.composer
    assert composer.name_edit.text() == "Untitled reel"
    qtbot.mouseClick(composer.add_button, Qt.MouseButton.LeftButton)
    dialog = composer.active_dialog
    assert isinstance(dialog, HighlightPickerDialog)
    assert sorted(dialog.visible_ids()) == sorted(h.values())
    dialog.touchpoint_box.setCurrentIndex(dialog.touchpoint_box.findText("Support"))
    assert sorted(dialog.visible_ids()) == sorted([h["video"], h["time"]])
    qtbot.keyClicks(dialog.search, "bottom right")
    assert dialog.visible_ids() == [h["time"]]
    dialog.set_checked(h["time"])
    dialog.search.clear()
    dialog.set_checked(h["video"])
    assert dialog.add_button.text() == "Add 2 clips"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [i.highlight_id for i in composer.clip_list.clips.items()] == [h["time"], h["video"]]
    composer.name_edit.setText("Support: what breaks")
    composer.name_edit.editingFinished.emit()
    assert view.list_panel.row_widget(composer.reel.id).full_name == "Support: what breaks"


def test_privacy_panel_saves_options_and_masks(view: ReelsView, services: Services,
                                               qtbot: QtBot) -> None:
    reel_id = make_reel(view, ["time"])
    privacy = view.composer.privacy
    qtbot.mouseClick(privacy.captions.buttons["soft"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(privacy.height_choice.buttons["1080"], Qt.MouseButton.LeftButton)
    privacy.alias.setChecked(True)
    options = view.reels.get(reel_id).options
    assert (options.captions, options.height, options.use_alias) == ("soft", 1080, True)
    words = [c.text() for c in privacy.chips]
    assert words == ["on", "the", "bottom", "right", "you", "can", "see", "the", "time."]
    qtbot.mouseClick(privacy.chips[2], Qt.MouseButton.LeftButton)  # mask "bottom"
    item_id = view.reels.get(reel_id).items[0].id
    assert view.reels.get(reel_id).options.masked == {item_id: [2]}
    assert [w.masked for w in view.reels.words(item_id)][:4] == [False, False, True, False]


# --- rendering and presenting ---------------------------------------------------------------


def test_render_job_writes_a_real_mp4_and_presents_it(view: ReelsView, services: Services,
                                                      qtbot: QtBot, tmp_path: Path) -> None:
    make_reel(view, ["video"])
    composer = view.composer
    qtbot.mouseClick(composer.privacy.captions.buttons["none"], Qt.MouseButton.LeftButton)
    target = tmp_path / "out" / "support.mp4"
    target.parent.mkdir()
    composer.ask_path = lambda suggested: target
    status = composer.render_status
    with qtbot.waitSignal(status.tracker.succeeded, timeout=90_000) as done:
        qtbot.mouseClick(composer.render_button, Qt.MouseButton.LeftButton)
        assert status.banner.isVisible() and not composer.render_button.isEnabled()
    result = done.args[0]
    assert Path(result["path"]) == target and target.is_file()
    assert (result["width"], result["height"]) == (1280, 720)
    with av.open(str(target)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.width, stream.codec_context.height) == (1280, 720)
        assert container.streams.audio
        assert not container.streams.subtitles  # captions "none"
        frames = sum(1 for _ in container.decode(video=0))
    item = view.reels.get(composer.reel.id).items[0]
    assert frames / float(stream.average_rate) == pytest.approx(item.duration, abs=0.15)
    assert status.banner.kind == "success"
    assert status.banner.text.text().startswith("Saved support.mp4")
    opened: list[str] = []
    status.open_url = lambda url: opened.append(url.toLocalFile()) or True
    qtbot.mouseClick(status.banner.button("Open folder"), Qt.MouseButton.LeftButton)
    assert opened == [str(target.parent)]
    qtbot.mouseClick(status.banner.button("Present"), Qt.MouseButton.LeftButton)
    presenter = view.presenter
    assert presenter is not None and presenter.is_file()
    qtbot.waitUntil(lambda: presenter.is_playing(), timeout=10_000)
    with qtbot.waitSignal(presenter.closed, timeout=3000):
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)
    assert view.presenter is None


def test_present_plays_the_reel_from_its_recordings(view: ReelsView, qtbot: QtBot) -> None:
    make_reel(view, ["video", "jfk"])
    qtbot.mouseClick(view.composer.present_button, Qt.MouseButton.LeftButton)
    presenter = view.presenter
    assert presenter is not None and presenter.state() == "card"
    assert presenter.card.touchpoint.text() == "SUPPORT"
    assert presenter.card.pain.text() == "Hand-off / responsibility"
    assert presenter.card.who.text() == "— Anna Petrova · Busy parent"
    with qtbot.waitSignal(presenter.closed, timeout=3000):
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)


# --- playlists -------------------------------------------------------------------------------


def test_playlist_create_add_reorder_and_export(view: ReelsView, services: Services,
                                                qtbot: QtBot, tmp_path: Path) -> None:
    for name in ("Anna Petrova", "John Carter"):
        services.consent.set_consent(interview_of(services, name), internal=True,
                                     onboarding=True)
    first = make_reel(view, ["time"])
    second = make_reel(view, ["jfk"])
    view.show_tab("playlists")
    page = view.playlists
    assert page.stack.currentWidget() is page.empty
    qtbot.mouseClick(page.empty.button, Qt.MouseButton.LeftButton)
    dialog = page.active_dialog
    assert isinstance(dialog, PlaylistDialog)
    qtbot.keyClicks(dialog.name_edit, "Support: first week")
    qtbot.keyClicks(dialog.role_edit, "Support agent")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.title.text() == "Support: first week" and page.role.text() == "Support agent"
    for reel_id, text in ((first, "Where the customer gets lost"), (second, "")):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        add = page.active_dialog
        assert isinstance(add, AddReelDialog)
        add.reel_box.setCurrentIndex(add.reel_box.findData(reel_id))
        qtbot.keyClicks(add.text_edit, text)
        qtbot.mouseClick(add.save_button, Qt.MouseButton.LeftButton)
    assert [r.item.reel_id for r in page.rows] == [first, second]
    assert page.rows[0].text_edit.text() == "Where the customer gets lost"
    qtbot.mouseClick(page.rows[1].up, Qt.MouseButton.LeftButton)
    assert [i.reel_id for i in services.playlists.get(page.current.id).items] == [second, first]
    page.rows[0].text_edit.setText("Listen to how he asks twice")
    page.rows[0].text_edit.editingFinished.emit()
    assert services.playlists.get(page.current.id).items[0].text == "Listen to how he asks twice"
    page.ask_folder = lambda: tmp_path
    with qtbot.waitSignal(page.tracker.succeeded, timeout=90_000) as done:
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    index = Path(done.args[0]["index"])
    assert index == tmp_path / "support-first-week" / "index.html" and index.is_file()
    assert "Listen to how he asks twice" in index.read_text(encoding="utf-8")
    assert len(list(index.parent.glob("*.mp4"))) == 2
    assert str(index) in page.banner.text.text()


def test_present_with_privacy_on_plays_what_the_audience_render_shows(
        view: ReelsView, services: Services, qtbot: QtBot, tmp_path: Path) -> None:
    """Masked words and blur on: the presenter plays a private copy (not the recording), its
    card shows "•••" for the masked word and the alias, its sound bleeps the word."""
    import numpy as np

    from desktop_app.media.render_audio import decode_range

    SHOTS.mkdir(parents=True, exist_ok=True)

    reel_id = make_reel(view, ["time"])
    item_id = view.reels.get(reel_id).items[0].id
    view.reels.set_masked(item_id, [2])  # "bottom"
    options = view.reels.get(reel_id).options
    view.reels.update(reel_id, options=replace(options, use_alias=True, blur_faces=True))
    view.select_reel(reel_id)
    qtbot.mouseClick(view.composer.present_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.presenter is not None, timeout=120_000)
    presenter = view.presenter
    assert presenter is not None and presenter.state() == "card"
    presenter.resize(1280, 720)
    [clip] = presenter.clips
    played = Path(clip.media_path)
    assert played.parent == services.home / "cache" / "presenter"
    assert presenter.card.quote.text() == "“on the ••• right you can see the time.”"
    assert presenter.card.who.text() == "— Customer 1 · Busy parent"
    assert "Anna" not in presenter.bar.caption.text()
    presenter.grab().save(str(SHOTS / "presenter-card.png"))
    with qtbot.waitSignal(presenter.clip_started, timeout=10_000):
        qtbot.keyClick(presenter, Qt.Key.Key_Space)
    assert QUrl.fromLocalFile(str(played)) == presenter.player.source()
    qtbot.wait(800)
    shot = presenter.grab()
    shot.save(str(SHOTS / "presenter-clip.png"))
    # the window shows the private copy's picture (the lower third says the alias)
    assert presenter.video.isVisible()
    assert shot.toImage().pixelColor(640, 200).green() > 100
    # the file it plays: "bottom" (11.14-11.42 s in the recording) is a pure 1 kHz tone
    start = view.reels.get(reel_id).items[0].start
    rate = 48000
    audio = decode_range(played, 0.0, round(3 * rate)).mean(axis=0)
    word = audio[round((11.18 - start) * rate): round((11.38 - start) * rate)]
    spectrum = np.abs(np.fft.rfft(word * np.hanning(word.size))) ** 2
    freqs = np.fft.rfftfreq(word.size, 1 / rate)
    assert spectrum[np.abs(freqs - 1000) < 60].sum() / spectrum.sum() > 0.9
    with qtbot.waitSignal(presenter.closed, timeout=3000):
        qtbot.keyClick(presenter, Qt.Key.Key_Escape)


def test_the_composer_warns_when_a_masked_word_left_the_transcript(view: ReelsView,
                                                                   qtbot: QtBot) -> None:
    svc = view.services
    rid = make_reel(view, ["jfk"])
    [item] = svc.reels.get(rid).items
    words = svc.reels.words(item.id)
    country = [w.index for w in words if w.text.strip(" .,").lower() == "country"]
    svc.reels.set_masked(item.id, country[:1])  # as the Privacy tab's word chips do
    composer = view.composer
    composer.set_reel(rid)
    assert not composer.mask_banner.isVisible()
    jfk = interview_of(svc, "John Carter")
    seg = svc.transcription.transcript(jfk).segments[0]  # type: ignore[union-attr]
    svc.transcription.edit_segment(seg.id, seg.text.replace("country", "nation"))
    composer.set_reel(rid)  # opening the reel again
    assert composer.mask_banner.isVisible()
    text = composer.mask_banner.text.text()
    assert "masked word 'country'" in text and ("no longer" in text or "now reads" in text)
