"""Counts read right in both languages (Qt's %n plural forms: three in Russian, two in English),
service wording translated at the UI edge, and a new library's defaults in the UI language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from desktop_app.config.settings import Settings, save_settings
from desktop_app.domain.cadence import Coverage
from desktop_app.storage.tables import InterviewNote
from desktop_app.ui.insights.view import InsightsView
from desktop_app.ui.interviews.model import format_size
from desktop_app.ui.kit.channels import channel_label
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.i18n import install_translators
from desktop_app.ui.kit.jobs import JobRunner
from desktop_app.ui.people.customers_view import CustomersView
from desktop_app.ui.people.touchpoints_view import TouchpointsView
from desktop_app.ui.schedule.health import HealthPanel
from desktop_app.ui.settings.view import SettingsView
from desktop_app.ui.transcript.editor import TranscriptEditor
from desktop_app.ui.transcript.menus import speaker_menu
from desktop_app.wiring import Services, build_services
from tests.unit.test_tagging import COFFEE_STORY_RU, make_interview

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
COUNTS = (1, 2, 5, 21)
CUSTOMERS = {"en": ["1 customer", "2 customers", "5 customers", "21 customers"],
             "ru": ["1 клиент", "2 клиента", "5 клиентов", "21 клиент"]}
DAYS = {"en": ["1 day", "2 days", "5 days", "21 days"],
        "ru": ["1 день", "2 дня", "5 дней", "21 день"]}
PERSONAS_UNHEARD = {
    "en": ["persona not heard in 30+ days"] + ["personas not heard in 30+ days"] * 3,
    "ru": ["персона без интервью более 30 дней", "персоны без интервью более 30 дней",
           "персон без интервью более 30 дней", "персона без интервью более 30 дней"]}
REMINDERS = {"en": ["5 minutes before", "10 minutes before", "15 minutes before",
                    "30 minutes before", "60 minutes before"],
             "ru": ["За 5 минут", "За 10 минут", "За 15 минут", "За 30 минут", "За 60 минут"]}


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _numerus(lang: str) -> dict[tuple[str, str], list[str]]:
    out = {}
    for ctx in ET.parse(TS_DIR / f"closer_{lang}.ts").getroot().iter("context"):
        for msg in ctx.iter("message"):
            if msg.get("numerus") == "yes":
                forms = [f.text or "" for f in msg.iter("numerusform")]
                out[(ctx.findtext("name", ""), msg.findtext("source", ""))] = forms
    return out


def test_every_count_has_all_its_plural_forms_in_both_languages() -> None:
    ru, en = _numerus("ru"), _numerus("en")
    assert len(ru) > 50 and set(ru) == set(en)
    for (ctx, src), forms in ru.items():
        where = f"{ctx}: {src!r} -> {forms}"
        assert len(forms) == 3 and all(f.strip() for f in forms), where
        if "%n" in src:  # the "one" form also serves 21, 31...: the number must be in it
            assert all("%n" in f for f in forms), where
    for (ctx, src), forms in en.items():
        assert len(forms) == 2 and all(f.strip() for f in forms), f"{ctx}: {src!r}"
        assert "(s)" not in "".join(forms), f"{ctx}: {src!r} -> {forms}"
        if "%n" in src:
            assert "%n" in forms[1], f"{ctx}: {src!r} -> {forms}"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_customer_and_day_counts_read_right(lang: str, ctx: UiContext, qtbot: QtBot) -> None:
    install_translators(_app(), lang)
    lib = ctx.services.library
    made = 0
    for n, want in zip(COUNTS, CUSTOMERS[lang], strict=True):
        while made < n:
            made += 1
            lib.add_customer(name=f"Customer {made:02d}", persona="Busy parent",
                             cadence_days=COUNTS[made - 1] if made <= len(COUNTS) else None)
        view = CustomersView(ctx)
        qtbot.addWidget(view)
        view.show()
        assert view.persona_count.text() == want
        view.close()
    cadence = {view.table.item(r, 0).text(): view.table.item(r, 5).text()
               for r in range(view.table.rowCount())}
    assert [cadence[f"Customer {i:02d}"] for i in range(1, 5)] == DAYS[lang]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_schedule_health_captions_follow_the_number(lang: str, qtbot: QtBot) -> None:
    install_translators(_app(), lang)
    panel = HealthPanel(ZoneInfo("UTC"))
    qtbot.addWidget(panel)
    panel.show()
    for n, want in zip(COUNTS, PERSONAS_UNHEARD[lang], strict=True):
        personas = [Coverage(f"Persona {i}", None, None, None, False) for i in range(n)]
        panel.set_data([], personas, [])
        assert (panel.stat_personas.value.text(), panel.stat_personas.cap.text()) == (str(n),
                                                                                        want)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_reminder_choices_in_settings(lang: str, ctx: UiContext, qtbot: QtBot) -> None:
    install_translators(_app(), lang)
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    combo = view.reminder_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == REMINDERS[lang]


@pytest.mark.parametrize(("lang", "want"), [
    ("en", "Undo: create 1 stub from markers"),
    ("ru", "Отменить: создание 1 заготовки по отметкам")])
def test_undo_label_of_marker_stubs_is_worded_in_the_ui_language(
        lang: str, want: str, ctx: UiContext, qtbot: QtBot) -> None:
    svc = ctx.services
    iid = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU)
    with Session(svc.engine) as s:
        s.add(InterviewNote(interview_id=iid, t=3.0, kind="marker"))
        s.commit()
    assert len(svc.tagging.stubs_from_markers(iid)) == 1
    install_translators(_app(), lang)
    view = InsightsView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: not view.busy())
    table = view.highlights_tab
    table.reload()
    assert table.undo_button.text() == want
    view.shutdown()


def test_stored_english_names_are_shown_in_russian(ctx: UiContext, qtbot: QtBot) -> None:
    svc = ctx.services
    iid = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU)
    install_translators(_app(), "ru")
    editor = TranscriptEditor(svc.transcription)
    qtbot.addWidget(editor)
    editor.load(iid)
    parent = QWidget()
    qtbot.addWidget(parent)
    texts = [a.text() for a in speaker_menu(editor, parent).actions()]
    assert "Интервьюер" in texts and "Клиент" in texts
    assert "Interviewer" not in texts and "Customer" not in texts
    assert channel_label("Video call") == "Видеозвонок" and channel_label("Zoom") == "Zoom"
    assert format_size(12_345_678) == "12,3 МБ"
    install_translators(_app(), "en")
    assert format_size(12_345_678) == "12.3 MB"


def _touchpoints_view(services: Services, qtbot: QtBot) -> tuple[TouchpointsView, JobRunner]:
    runner = JobRunner(services.jobs)
    view = TouchpointsView(UiContext(services, runner))
    qtbot.addWidget(view)
    view.show()
    return view, runner


@pytest.mark.parametrize(("lang", "first", "delivery"), [
    ("ru", ["Знакомство", "Заказ", "Оплата", "Доставка"], "Доставка"),
    ("en", ["Discover", "Order", "Pay", "Delivery"], "Delivery")])
def test_a_new_library_gets_touchpoints_and_rules_in_the_ui_language(
        lang: str, first: list[str], delivery: str, closer_home: Path, qtbot: QtBot) -> None:
    save_settings(Settings(ui_language=lang), closer_home)
    services = build_services(closer_home)
    try:
        install_translators(_app(), lang)
        view, runner = _touchpoints_view(services, qtbot)
        names = [view.tp_table.item(r, 1).text() for r in range(view.tp_table.rowCount())]
        assert names[:4] == first and len(names) == 7
        assert view.strip.names()[:4] == first
        # the shipped rules still point at the (renamed) default touchpoints
        rules = services.suggestions.rules()
        courier = [r for r in rules if r.touchpoint == delivery]
        assert {r.language for r in courier} == {"en", "ru"}
        assert not [r for r in rules if r.touchpoint_id is None and r.zone_id is None]
        guides = {g.builtin_key for g in services.scheduling.guides()}
        assert {"checkin-ru", "checkin-en"} <= guides
        view.close()
        assert runner.shutdown()
    finally:
        services.insights.close()
        services.engine.dispose()
