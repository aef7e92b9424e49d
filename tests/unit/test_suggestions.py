"""Keyword rules: phrase matching (Cyrillic, ё, endings), default rules, suggest/accept/reject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.rules import DEFAULT_RULES, WordText, compile_phrase
from desktop_app.domain.taxonomy import DEFAULT_JOURNEY, DEFAULT_ZONES
from desktop_app.wiring import Services, build_services
from tests.unit.test_tagging import COFFEE_STORY_RU, SUPPORT_STORY_EN, make_interview


def matches(phrase: str, text: str) -> list[str]:
    words = text.split()
    pattern = compile_phrase(phrase)
    assert pattern is not None
    return [" ".join(words[a:b + 1]) for a, b in WordText(words).find(pattern)]


def test_case_yo_and_punctuation_do_not_matter() -> None:
    assert matches("продиктуйте ещё раз", "Продиктуйте, пожалуйста, ЕЩЕ раз номер") == [
        "Продиктуйте, пожалуйста, ЕЩЕ раз"]
    assert matches("ещё", "Ещё и ещё, и ЕЩЁ") == ["Ещё", "ещё,", "ЕЩЁ"]
    assert matches("we don't do that", "Sorry, we DON'T do that here.") == [
        "we DON'T do that"]


def test_whole_words_only() -> None:
    assert matches("оператор", "Операторы, но не кооператор и не операторскими") == [
        "Операторы,"]
    assert matches("refund", "No refunds, nonrefundable, refunded twice") == [
        "refunds,", "refunded"]
    assert matches("on hold", "I was on hold, not only holding") == ["on hold,"]


def test_russian_endings_are_tolerated() -> None:
    text = "Курьер опоздал, курьера не было, с курьером не связаться, курьерская служба"
    assert matches("курьер", text) == ["Курьер", "курьера", "курьером", "курьерская"]
    assert matches("перевели в другой отдел", "Меня перевела в другое отделение") == [
        "перевела в другое отделение"]
    assert matches("возврат", "Возврата денег ждал месяц") == ["Возврата"]


def test_star_is_an_explicit_prefix_and_one_extra_word_may_sit_between() -> None:
    assert matches("доставк*", "Доставкой и доставками, а не достав") == ["Доставкой",
                                                                         "доставками,"]
    assert matches("not my job", "that is not really my job") == ["not really my job"]
    assert matches("not my job", "not at all my job") == []


def test_default_rules_cover_every_zone_and_touchpoint_in_both_languages() -> None:
    assert len(DEFAULT_RULES) >= 40
    by_lang = {lang: [r for r in DEFAULT_RULES if r.language == lang] for lang in ("en", "ru")}
    assert len(by_lang["en"]) >= 20 and len(by_lang["ru"]) >= 20
    for rules in by_lang.values():
        assert {r.zone for r in rules} - {None} == {z.key for z in DEFAULT_ZONES}
        assert {r.touchpoint for r in rules} - {None} == {t.name for t in DEFAULT_JOURNEY}
    for rule in DEFAULT_RULES:
        assert compile_phrase(rule.phrase) is not None
        assert rule.touchpoint or rule.zone
    assert any(r.phrase == "перевели в другой отдел" and r.zone == "between_departments"
               for r in DEFAULT_RULES)


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def test_new_library_is_seeded_once(svc: Services) -> None:
    rules = svc.suggestions.rules()
    assert len(rules) == len(DEFAULT_RULES)
    assert svc.suggestions.seed_default_rules() == 0
    handoff = [r for r in rules if r.phrase == "это не ко мне"]
    assert handoff[0].zone == "handoff_responsibility" and handoff[0].touchpoint == ""
    assert {r.touchpoint for r in rules if r.phrase in ("refund", "возврат")} == {
        "Return / refund"}


def test_suggestions_for_a_russian_interview(svc: Services) -> None:
    iid = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU)
    before = len(svc.tagging.list())
    found = svc.suggestions.suggest(iid)
    by_phrase = {s.phrase: s for s in found}
    transfer = by_phrase["перевели в другой отдел"]
    assert (transfer.touchpoint, transfer.zone) == ("Support", "between_departments")
    assert transfer.matched == "перевели в другой отдел."
    assert transfer.quote == "Я написала в поддержку, меня перевели в другой отдел."
    assert transfer.start <= transfer.match_start < transfer.match_end <= transfer.end
    assert "другой отдел" not in by_phrase  # covered by the longer rule on the same words
    assert by_phrase["продиктуйте ещё раз"].zone == "data_collection"
    assert by_phrase["это не ко мне"].zone == "handoff_responsibility"
    assert by_phrase["курьер"].touchpoint == "Delivery"
    assert by_phrase["закрыл чат"].zone == "measurement"  # "закрыли чат": ending tolerated
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert len(svc.tagging.list()) == before  # suggesting saves nothing
    assert len({s.key for s in found}) == len(found)


def test_accept_creates_a_highlight_and_it_is_not_offered_again(svc: Services) -> None:
    iid = make_interview(svc, "John Smith", SUPPORT_STORY_EN, persona="IT manager",
                         language="en")
    found = svc.suggestions.suggest(iid)
    refund = next(s for s in found if s.phrase == "refund")
    h = svc.suggestions.accept_suggestion(refund, severity=4, emotion="disappointed")
    assert (h.source, h.touchpoints, h.severity, h.persona) == (
        "suggestion", ("Return / refund",), 4, "IT manager")
    assert (h.start, h.end, h.quote) == (refund.start, refund.end, refund.quote)
    assert "refund" not in {s.phrase for s in svc.suggestions.suggest(iid)}
    assert svc.tagging.undo() == "Create highlight"  # accepting is an ordinary, undoable edit
    assert "refund" in {s.phrase for s in svc.suggestions.suggest(iid)}


def test_rejections_are_remembered_in_the_library_folder(svc: Services) -> None:
    iid = make_interview(svc, "John Smith", SUPPORT_STORY_EN, language="en")
    found = svc.suggestions.suggest(iid)
    courier = next(s for s in found if s.phrase == "courier")
    svc.suggestions.reject_suggestion(courier)
    stored = json.loads((svc.home / "suggestions_rejected.json").read_text(encoding="utf-8"))
    assert stored == {"rejected": [courier.key]}
    assert courier.key == f"{iid}:{courier.rule_id}:{courier.start:.2f}"
    reopened = build_services(svc.home)
    again = reopened.suggestions.suggest(iid)
    assert courier.key not in {s.key for s in again}
    assert len(again) == len(found) - 1
    with pytest.raises(NotFoundError, match="No open suggestion"):
        reopened.suggestions.find(iid, courier.key)


def test_user_rules_are_validated_and_used(svc: Services) -> None:
    iid = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU)
    rule = svc.suggestions.add_rule("купон*", language="ru", touchpoint="Support",
                                    zone="Измерения")
    assert (rule.touchpoint, rule.zone) == ("Support", "measurement")
    hits = [s for s in svc.suggestions.suggest(iid) if s.rule_id == rule.id]
    assert [s.matched for s in hits] == ["купон,"]
    with pytest.raises(ValidationError, match="needs a touchpoint or a problem zone"):
        svc.suggestions.add_rule("скидка")
    with pytest.raises(ValidationError, match="needs a phrase"):
        svc.suggestions.add_rule(" ... ", zone="systems")
    with pytest.raises(ValidationError, match="Unknown touchpoint 'Склад'"):
        svc.suggestions.add_rule("склад", touchpoint="Склад")
    changed = svc.suggestions.update_rule(rule.id, zone="")
    assert (changed.touchpoint, changed.zone) == ("Support", "")
    svc.suggestions.delete_rule(rule.id)
    assert rule.id not in {r.id for r in svc.suggestions.rules()}
