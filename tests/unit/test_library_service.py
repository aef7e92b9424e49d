"""Customers, personas, touchpoints and zones on a real SQLite library."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.taxonomy import DEFAULT_JOURNEY, DEFAULT_ZONES
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Highlight, HighlightTouchpoint, HighlightZone, Interview
from desktop_app.wiring import Services, build_services


@pytest.fixture()
def svc(closer_home: Path) -> Services:
    return build_services(closer_home)


def test_new_library_has_ten_zones_and_default_journey(svc: Services) -> None:
    zones = svc.library.zones()
    assert [z.key for z in zones] == [z.key for z in DEFAULT_ZONES]
    assert len(zones) == 10
    assert svc.library.zone("Передача ответственности").key == "handoff_responsibility"
    assert [t.name for t in svc.library.touchpoints()] == [t.name for t in DEFAULT_JOURNEY]


def test_seed_defaults_is_idempotent(svc: Services) -> None:
    svc.library.seed_defaults()
    assert len(svc.library.zones()) == 10


def test_customer_with_new_persona_and_duplicates_rejected(svc: Services) -> None:
    c = svc.library.add_customer(name="  Анна   Петрова ", persona="Busy parent",
                                 company="ООО Ромашка")
    assert c.name == "Анна Петрова"
    assert svc.library.persona_by_name("busy parent").id == c.persona_id
    with pytest.raises(ValidationError, match="already exists"):
        svc.library.add_customer(name="Анна Петрова")
    with pytest.raises(ValidationError, match="needs a name"):
        svc.library.add_customer(name="   ")
    assert svc.library.customer_by_name("анна петрова").id == c.id
    with pytest.raises(NotFoundError, match="No customer named 'Nobody'"):
        svc.library.customer_by_name("Nobody")


def test_touchpoint_reorder_and_insert(svc: Services) -> None:
    lib = svc.library
    delivery = next(t for t in lib.touchpoints() if t.name == "Delivery")
    lib.move_touchpoint(delivery.id, 0)
    assert lib.touchpoints()[0].name == "Delivery"
    lib.add_touchpoint(name="Onboarding", position=1)
    names = [t.name for t in lib.touchpoints()]
    assert names[:3] == ["Delivery", "Onboarding", "Discover"]
    assert [t.position for t in lib.touchpoints()] == list(range(len(names)))


def _highlight(svc: Services, touchpoint_id: int, zone_id: int) -> int:
    c = svc.library.add_customer(name="Tagged customer")
    with session_scope(svc.engine) as s:
        iv = Interview(customer_id=c.id, recorded_at=datetime.now(UTC))
        s.add(iv)
        s.flush()
        h = Highlight(interview_id=iv.id, start=1.0, end=2.0, quote="they sent milk")
        s.add(h)
        s.flush()
        s.add(HighlightTouchpoint(highlight_id=h.id, touchpoint_id=touchpoint_id))
        s.add(HighlightZone(highlight_id=h.id, zone_id=zone_id))
        return h.id


def test_delete_touchpoint_reassigns_or_untags(svc: Services) -> None:
    lib = svc.library
    tps = {t.name: t.id for t in lib.touchpoints()}
    zone = lib.zone("handoff_responsibility")
    hid = _highlight(svc, tps["Support"], zone.id)
    assert lib.touchpoint_usage(tps["Support"]) == 1
    lib.delete_touchpoint(tps["Support"], reassign_to=tps["Delivery"])
    with session_scope(svc.engine) as s:
        assert s.get(HighlightTouchpoint, (hid, tps["Delivery"])) is not None
        assert s.get(Highlight, hid) is not None
    lib.delete_zone(zone.id)  # untag
    with session_scope(svc.engine) as s:
        assert s.get(HighlightZone, (hid, zone.id)) is None
        assert s.get(Highlight, hid) is not None
    assert "Support" not in [t.name for t in lib.touchpoints()]


def test_zone_lookup_and_add(svc: Services) -> None:
    z = svc.library.add_zone(name="Pricing surprises", name_ru="Неожиданные цены")
    assert z.key == "pricing_surprises"
    assert svc.library.zone("неожиданные цены").id == z.id
    with pytest.raises(ValidationError):
        svc.library.add_zone(name="Pricing surprises")


def test_renaming_onto_an_existing_name_is_a_clear_error(svc: Services) -> None:
    a = svc.library.add_customer(name="Anna")
    svc.library.add_customer(name="Boris")
    with pytest.raises(ValidationError, match="customer with name 'Boris' already exists"):
        svc.library.update_customer(a.id, name="Boris")
    assert svc.library.customer(a.id).name == "Anna"
    tps = svc.library.touchpoints()
    with pytest.raises(ValidationError, match="already exists"):
        svc.library.update_touchpoint(tps[0].id, name=tps[1].name)


def test_cyrillic_persona_lookup_ignores_case(svc: Services) -> None:
    p = svc.library.add_persona(name="Занятой родитель")
    assert svc.library.persona_by_name("ЗАНЯТОЙ РОДИТЕЛЬ").id == p.id
