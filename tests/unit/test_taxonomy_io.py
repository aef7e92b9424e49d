"""Taxonomy JSON export/import (validate everything, then merge by name) and the highlights CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.services.taxonomy_io import (
    CSV_COLUMNS,
    export_taxonomy,
    import_taxonomy,
    write_highlights_csv,
)
from desktop_app.wiring import Services, build_services
from tests.unit.test_tagging import COFFEE_STORY_RU, make_interview


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def snapshot(svc: Services) -> tuple[list, list, list]:
    return ([(t.name, t.position, t.channel, t.value_text) for t in svc.library.touchpoints()],
            [(z.key, z.name, z.name_ru) for z in svc.library.zones()],
            [r.as_json() for r in svc.suggestions.rules()])


def test_export_then_import_into_another_library_merges_by_name(svc: Services,
                                                                tmp_path: Path) -> None:
    lib = svc.library
    lib.add_touchpoint(name="Onboarding", channel="App", position=2)
    lib.update_touchpoint(lib.touchpoints()[0].id, value_text="Честные цены на сайте")
    lib.add_zone(name="Tone of voice", name_ru="Тон общения", key="tone")
    svc.suggestions.add_rule("грубо ответили", language="ru", touchpoint="Support", zone="tone")
    out = tmp_path / "taxonomy.json"
    assert export_taxonomy(svc.engine, out) == {"touchpoints": 8, "zones": 11,
                                               "rules": len(svc.suggestions.rules())}
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "closer-taxonomy"
    assert data["rules"][-1] == {"phrase": "грубо ответили", "language": "ru",
                                 "touchpoint": "Support", "zone": "tone"}

    (tmp_path / "other").mkdir()
    other = build_services(tmp_path / "other")
    other.library.add_touchpoint(name="Warranty")  # only the other team has it
    report = import_taxonomy(other.engine, out)
    assert report.touchpoints_added == 1 and report.touchpoints_updated == 1  # value text
    assert report.zones_added == 1 and report.zones_updated == 0
    assert report.rules_added == 1 and report.rules_skipped == len(data["rules"]) - 1
    names = [t.name for t in other.library.touchpoints()]
    assert names[:3] == ["Discover", "Order", "Onboarding"]  # placed where the file has it
    assert "Warranty" in names
    assert other.library.touchpoints()[0].value_text == "Честные цены на сайте"
    assert other.library.zone("Тон общения").key == "tone"
    rule = next(r for r in other.suggestions.rules() if r.phrase == "грубо ответили")
    assert (rule.touchpoint, rule.zone) == ("Support", "tone")
    again = import_taxonomy(other.engine, out)  # importing twice changes nothing
    assert again.as_json() == {"touchpoints_added": 0, "touchpoints_updated": 0,
                               "zones_added": 0, "zones_updated": 0, "rules_added": 0,
                               "rules_skipped": len(data["rules"])}


@pytest.mark.parametrize(("content", "message"), [
    ('{"touchpoints": [{"name": "A"},', "is not valid JSON (line 1, column 32: Expecting value)"),
    ('[1, 2]', "must be a JSON object"),
    ('{"touchpoints": [{"channel": "web"}]}', "touchpoints #1 has no name"),
    ('{"zones": [{"key": "x", "name": "  "}]}', "zones #1 has no name"),
    ('{"touchpoints": "Discover"}', '"touchpoints" must be a list'),
    ('{"touchpoints": [{"name": "Loyalty"}], "rules": [{"phrase": "бонусы", '
     '"touchpoint": "Loyalty programme"}]}',
     "rule 'бонусы' refers to touchpoint 'Loyalty programme', which is neither in the file"),
    ('{"rules": [{"phrase": "grumpy", "zone": "tone"}]}',
     "rule 'grumpy' refers to zone 'tone'"),
    ('{"rules": [{"phrase": "grumpy"}]}', "has neither a touchpoint nor a zone"),
    ('{"touchpoints": [{"name": "X"}, {"name": "x "}]}', "touchpoint 'x' appears twice"),
])
def test_invalid_files_are_rejected_whole(svc: Services, tmp_path: Path, content: str,
                                          message: str) -> None:
    before = snapshot(svc)
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        import_taxonomy(svc.engine, path)
    assert message in str(err.value)
    assert "bad.json" in str(err.value)
    assert snapshot(svc) == before


def test_one_bad_rule_stops_the_good_parts_too(svc: Services, tmp_path: Path) -> None:
    before = snapshot(svc)
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps({
        "touchpoints": [{"name": "Loyalty", "channel": "App"}],
        "zones": [{"key": "tone", "name": "Tone of voice"}],
        "rules": [{"phrase": "бонусы", "touchpoint": "Loyalty"},
                  {"phrase": "rude", "zone": "tone"},
                  {"phrase": "", "zone": "tone"}]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"\(1 problem\): rules #3 has no phrase"):
        import_taxonomy(svc.engine, path)
    assert snapshot(svc) == before
    with pytest.raises(ValidationError, match="not found"):
        import_taxonomy(svc.engine, tmp_path / "missing.json")


def test_highlights_csv_opens_in_excel_with_cyrillic(svc: Services, tmp_path: Path) -> None:
    iid = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU, persona="Занятой родитель")
    svc.tagging.create(iid, start=0.0, end=2.0, touchpoints=["Delivery"],
                       zones=["process_organisation", "measurement"], severity=4,
                       emotion="angry", need="Получить кофе", value="Проверка при сборке",
                       notes='Сказала: "это уже второй раз", важно')
    out = tmp_path / "exports" / "highlights.csv"
    assert write_highlights_csv(svc.tagging.list(), out) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel detects UTF-8
    with open(out, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == list(CSV_COLUMNS)
    row = table[0]
    assert row["customer"] == "Анна Петрова" and row["date"] == "2026-10-01"
    assert row["quote"] == "Курьер привёз молоко вместо кофе."
    assert row["touchpoints"] == "Delivery"
    assert row["zones"] == "process_organisation; measurement"
    assert (row["persona"], row["severity"], row["emotion"]) == ("Занятой родитель", "4",
                                                                  "angry")
    assert row["notes"] == 'Сказала: "это уже второй раз", важно'
    assert float(row["start"]) == 0.0 and float(row["end"]) == 1.9
