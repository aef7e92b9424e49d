"""Heatmap, trends and the journey map (data and the PNG/PDF poster) on a real library."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont

from desktop_app.config.resources import resources_dir
from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.highlights import InsightFilter
from desktop_app.services.journey_render import SEVERITY_COLOURS, render_journey_map
from desktop_app.wiring import Services, build_services
from tests.unit.test_tagging import COFFEE_STORY_RU, SUPPORT_STORY_EN, make_interview

PARENT, IT = "Занятой родитель", "IT manager"


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


@pytest.fixture()
def tagged(svc: Services) -> dict[str, int]:
    """Three interviews, two personas, two interviewers, three months; ids by nickname."""
    anna1 = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU, persona=PARENT,
                           when=datetime(2026, 10, 1, 10, tzinfo=UTC), interviewer="Olga")
    john = make_interview(svc, "John Smith", SUPPORT_STORY_EN, persona=IT, language="en",
                          when=datetime(2026, 11, 5, 9, tzinfo=UTC), interviewer="Ivan")
    anna2 = make_interview(svc, "Анна Петрова", COFFEE_STORY_RU,
                           when=datetime(2026, 12, 10, 18, tzinfo=UTC), interviewer="Olga")
    t = svc.tagging
    ids = {
        "milk": t.create(anna1, start=0.0, end=2.0, touchpoints=["Delivery"],
                         zones=["process_organisation"], severity=4,
                         need="Получить именно то, что заказал").id,
        "transfer": t.create(anna1, start=4.5, end=6.5, touchpoints=["Support"],
                             zones=["between_departments", "handoff_responsibility"],
                             severity=5, need="Решить проблему с первого обращения").id,
        "dictate": t.create(anna1, start=8.0, end=10.0, touchpoints=["Support"],
                            zones=["data_collection"], severity=3,
                            need="Решить проблему с первого обращения").id,
        "john_transfer": t.create(john, start=4.0, end=6.0, touchpoints=["Support"],
                                  zones=["between_departments"], severity=2).id,
        "john_refund": t.create(john, start=14.0, end=16.0, touchpoints=["Return / refund"],
                                zones=["handoff_responsibility"], severity=4).id,
        "john_courier": t.create(john, start=0.0, end=1.5, touchpoints=["Delivery"],
                                 severity=1).id,
        "coffee_again": t.create(anna2, start=0.0, end=2.0, touchpoints=["Delivery"],
                                 zones=["process_organisation"], severity=5).id,
        "coupon": t.create(anna2, start=17.0, end=19.0, touchpoints=["Delivery"],
                           zones=["measurement"], severity=2).id,
        "not_delivered": t.create(anna2, start=19.0, end=20.5, touchpoints=["Delivery"],
                                  severity=3).id,
    }
    return ids


def test_heatmap_counts_scores_and_ids_per_cell(svc: Services, tagged: dict[str, int]) -> None:
    hm = svc.insights.heatmap()
    assert [t.name for t in hm.touchpoints] == ["Discover", "Order", "Pay", "Delivery",
                                                "Support", "Return / refund", "Renewal"]
    assert len(hm.zones) == 10 and len(hm.cells) == 70
    cell = hm.cell("Support", "between_departments")
    assert (cell.count, cell.score) == (2, 7)
    assert cell.highlight_ids == tuple(sorted((tagged["transfer"], tagged["john_transfer"])))
    cell = hm.cell("Delivery", "process_organisation")
    assert (cell.count, cell.score) == (2, 9)
    assert hm.cell("Support", "handoff_responsibility").highlight_ids == (tagged["transfer"],)
    assert hm.cell("Discover", "vision").count == 0
    assert hm.total == 8  # "transfer" sits in two zones; untagged-zone highlights are out
    assert hm.max_score == 9
    data = hm.as_json()
    assert data["zones"][0] == "between_departments" and data["touchpoints"][3] == "Delivery"
    assert data["cells"][0] == {"touchpoint": "Discover", "zone": "between_departments",
                                "count": 0, "score": 0, "highlight_ids": []}


def test_heatmap_filters(svc: Services, tagged: dict[str, int]) -> None:
    lib, ins = svc.library, svc.insights

    def cells(flt: InsightFilter) -> dict[tuple[str, str], int]:
        return {(c.touchpoint, c.zone): c.count for c in ins.heatmap(flt).cells if c.count}

    parent_id = next(p.id for p in lib.personas() if p.name == PARENT)
    parent = InsightFilter(persona_id=parent_id)
    assert cells(parent) == {("Delivery", "process_organisation"): 2,
                             ("Delivery", "measurement"): 1,
                             ("Support", "between_departments"): 1,
                             ("Support", "handoff_responsibility"): 1,
                             ("Support", "data_collection"): 1}
    john = InsightFilter(customer_id=lib.customer_by_name("John Smith").id)
    assert cells(john) == {("Support", "between_departments"): 1,
                           ("Return / refund", "handoff_responsibility"): 1}
    november = InsightFilter(date_from=datetime(2026, 11, 1, tzinfo=UTC),
                             date_to=datetime(2026, 12, 1, tzinfo=UTC))
    assert cells(november) == cells(john)
    olga = InsightFilter(interviewer="olga")
    assert cells(olga) == cells(parent)
    assert cells(InsightFilter(interviewer="Olga", date_from=datetime(2026, 12, 1,
                                                                       tzinfo=UTC))) == {
        ("Delivery", "process_organisation"): 1, ("Delivery", "measurement"): 1}
    assert cells(InsightFilter(interviewer="Nobody")) == {}


def test_heatmap_follows_every_change_even_from_another_process(svc: Services,
                                                                tagged: dict[str, int]) -> None:
    assert svc.insights.heatmap().cell("Support", "data_collection").count == 1
    svc.tagging.update(tagged["john_transfer"], zones=["data_collection"])
    assert svc.insights.heatmap().cell("Support", "data_collection").count == 2
    other = build_services(svc.home)  # a second engine, as the CLI would open it
    other.tagging.delete(tagged["dictate"])
    hm = svc.insights.heatmap()
    assert hm.cell("Support", "data_collection").highlight_ids == (tagged["john_transfer"],)
    svc.tagging.undo()  # the edit made here; the delete elsewhere stays
    assert svc.insights.heatmap().cell("Support", "data_collection").count == 0
    assert svc.insights.heatmap(fresh=True) == svc.insights.heatmap()


def test_trends_count_pains_per_touchpoint_per_month(svc: Services,
                                                     tagged: dict[str, int]) -> None:
    points = [p.as_json() for p in svc.insights.trends()]
    assert points == [
        {"month": "2026-10", "touchpoint": "Delivery", "count": 1},
        {"month": "2026-10", "touchpoint": "Support", "count": 2},
        {"month": "2026-11", "touchpoint": "Delivery", "count": 1},
        {"month": "2026-11", "touchpoint": "Support", "count": 1},
        {"month": "2026-11", "touchpoint": "Return / refund", "count": 1},
        {"month": "2026-12", "touchpoint": "Delivery", "count": 3},
    ]
    john = InsightFilter(customer_id=svc.library.customer_by_name("John Smith").id)
    assert sum(p.count for p in svc.insights.trends(john)) == 3


def test_journey_map_data_for_a_persona(svc: Services, tagged: dict[str, int]) -> None:
    support = next(t for t in svc.library.touchpoints() if t.name == "Support")
    svc.library.update_touchpoint(support.id, value_text="Один сотрудник ведёт обращение "
                                                         "до решения")
    jm = svc.insights.journey_map(PARENT)
    assert jm.persona == PARENT and jm.interviews == 2 and jm.highlights == 6
    cols = {c.touchpoint: c for c in jm.columns}
    assert [c.touchpoint for c in jm.columns][:4] == ["Discover", "Order", "Pay", "Delivery"]
    delivery = cols["Delivery"]
    assert delivery.pain_count == 4
    assert delivery.severity_counts == (0, 1, 1, 1, 1)
    assert [p.severity for p in delivery.top_pains] == [5, 4, 3]  # strongest three
    assert delivery.top_pains[0].quote == "Курьер привёз молоко вместо кофе."
    assert delivery.top_pains[0].customer == "Анна Петрова"
    assert delivery.needs == ("Получить именно то, что заказал",)
    assert delivery.top_zones == (("Process organisation", 2), ("Measurement", 1))
    assert cols["Support"].needs == ("Решить проблему с первого обращения",)
    assert cols["Support"].value_text.startswith("Один сотрудник")
    assert cols["Discover"].pain_count == 0 and cols["Discover"].top_pains == ()
    ru = svc.insights.journey_map(PARENT, language="ru")
    assert {c.touchpoint: c for c in ru.columns}["Delivery"].top_zones[0] == (
        "Организация процессов", 2)
    everyone = svc.insights.journey_map()
    assert everyone.persona == "" and everyone.highlights == 9
    with pytest.raises(NotFoundError, match="No persona 'Nobody'. Personas: IT manager"):
        svc.insights.journey_map("Nobody")


def _ink(img: Image.Image, box: tuple[int, int, int, int]) -> int:
    """How many pixels in `box` are dark (text)."""
    gray = img.crop(box).convert("L")
    return sum(gray.histogram()[:100])


def test_journey_map_poster_png_and_pdf(svc: Services, tagged: dict[str, int],
                                        tmp_path: Path) -> None:
    jm = svc.insights.journey_map(PARENT)
    png = render_journey_map(jm, tmp_path / "wall" / "map.png")
    with Image.open(png) as img:
        assert img.size == (2480, 1754)  # A3 landscape at 150 dpi
        assert img.info["dpi"][0] == pytest.approx(150, abs=1)
        rgb = img.convert("RGB")
    assert len(rgb.getcolors(1 << 20) or []) > 200  # bands, badges, text: not blank
    assert _ink(rgb, (100, 150, 1200, 260)) > 2000  # the Cyrillic persona name in the title
    colours = {c for _, c in rgb.getcolors(1 << 20)}
    assert SEVERITY_COLOURS[5] in colours and SEVERITY_COLOURS[0] in colours  # badges
    pdf = render_journey_map(jm, tmp_path / "map.pdf", dpi=200)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 100_000
    assert b"/Count 1" in data  # one page
    ru = render_journey_map(svc.insights.journey_map(PARENT, language="ru"),
                            tmp_path / "map_ru.png", language="ru")
    with Image.open(ru) as a, Image.open(png) as b:
        assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is not None
    with pytest.raises(ValidationError, match="use a .png or .pdf"):
        render_journey_map(jm, tmp_path / "map.svg")


def test_shipped_font_draws_cyrillic() -> None:
    font = ImageFont.truetype(str(resources_dir() / "fonts" / "DejaVuSans.ttf"), 40)
    missing = font.getmask("\u0378").getbbox()  # an unassigned code point: the .notdef box
    for letter in "ЖЩЁя":
        assert font.getmask(letter).getbbox() not in (None, missing)
