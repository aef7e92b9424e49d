"""Customers, personas, touchpoints (the journey) and problem zones: reference data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.taxonomy import DEFAULT_ZONES, default_journey
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import (
    Customer,
    Highlight,
    HighlightTouchpoint,
    HighlightZone,
    Interview,
    Persona,
    ProblemZone,
    Touchpoint,
)

CUSTOMER_FIELDS = {"name", "company", "contact", "email", "persona_id", "language", "alias",
                   "notes", "cadence_days"}
PERSONA_FIELDS = {"name", "portrait_path", "goals", "description"}
TOUCHPOINT_FIELDS = {"name", "channel", "department", "description", "value_text", "shortcut"}
ZONE_FIELDS = {"key", "name", "name_ru", "description", "shortcut"}

# The rows this service hands out; the UI names their types from here, never from storage.
__all__ = ["Customer", "LibraryService", "Persona", "ProblemZone", "Touchpoint"]


def _clean_name(value: str, what: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise ValidationError(f"The {what} needs a name.")
    if len(name) > 200:
        raise ValidationError(f"The {what} name is too long (over 200 characters).")
    return name


def _apply(obj: Any, changes: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(f"Unknown field(s): {', '.join(sorted(unknown))}")
    for key, value in changes.items():
        setattr(obj, key, value)


class LibraryService:
    """CRUD over the reference data; returns detached rows (safe to read on any thread)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # --- defaults --------------------------------------------------------------------------

    def seed_defaults(self, language: str = "en") -> None:
        """Preload the ten problem zones and the default journey into an empty library; the
        journey's names and descriptions in `language` ("ru" or English)."""
        with session_scope(self._engine) as s:
            if s.exec(select(func.count()).select_from(ProblemZone)).one() == 0:
                for pos, z in enumerate(DEFAULT_ZONES):
                    s.add(ProblemZone(key=z.key, name=z.name, name_ru=z.name_ru,
                                      description=z.description, position=pos,
                                      shortcut=z.shortcut))
            if s.exec(select(func.count()).select_from(Touchpoint)).one() == 0:
                for pos, t in enumerate(default_journey(language)):
                    s.add(Touchpoint(name=t.name, position=pos, channel=t.channel,
                                     department=t.department, description=t.description,
                                     shortcut=t.shortcut))

    # --- personas --------------------------------------------------------------------------

    def add_persona(self, *, name: str, goals: str = "", description: str = "",
                    portrait_path: str = "") -> Persona:
        name = _clean_name(name, "persona")
        with session_scope(self._engine) as s:
            if s.exec(select(Persona).where(Persona.name == name)).first():
                raise ValidationError(f"A persona named '{name}' already exists.")
            p = Persona(name=name, goals=goals, description=description,
                        portrait_path=portrait_path)
            s.add(p)
            s.flush()
            s.refresh(p)
            return p

    def update_persona(self, persona_id: int, **changes: Any) -> Persona:
        if "name" in changes:
            changes["name"] = _clean_name(changes["name"], "persona")
        with session_scope(self._engine) as s:
            p = self._get(s, Persona, persona_id, "persona")
            self._unique(s, Persona, "name", changes, persona_id, "persona")
            _apply(p, changes, PERSONA_FIELDS)
            s.add(p)
            return p

    def delete_persona(self, persona_id: int) -> None:
        with session_scope(self._engine) as s:
            s.delete(self._get(s, Persona, persona_id, "persona"))

    def personas(self) -> list[Persona]:
        with session_scope(self._engine) as s:
            return list(s.exec(select(Persona).order_by(Persona.name)))

    def persona_by_name(self, name: str) -> Persona:
        key = " ".join(name.split()).casefold()  # SQLite lower() folds ASCII only
        with session_scope(self._engine) as s:
            p = next((x for x in s.exec(select(Persona)) if x.name.casefold() == key), None)
            if p is None:
                raise NotFoundError(f"No persona named '{name}'.")
            return p

    # --- customers -------------------------------------------------------------------------

    def add_customer(self, *, name: str, company: str = "", contact: str = "", email: str = "",
                     persona: str | None = None, language: str = "auto", notes: str = "",
                     cadence_days: int | None = None) -> Customer:
        """Add a customer; a persona given by name is created when it does not exist yet."""
        name = _clean_name(name, "customer")
        with session_scope(self._engine) as s:
            if s.exec(select(Customer).where(Customer.name == name)).first():
                raise ValidationError(f"A customer named '{name}' already exists.")
            persona_id = None
            if persona:
                pname = _clean_name(persona, "persona")
                p = s.exec(select(Persona).where(Persona.name == pname)).first()
                if p is None:
                    p = Persona(name=pname)
                    s.add(p)
                    s.flush()
                persona_id = p.id
            c = Customer(name=name, company=company, contact=contact, email=email,
                         persona_id=persona_id, language=language, notes=notes,
                         cadence_days=cadence_days)
            s.add(c)
            s.flush()
            s.refresh(c)
            return c

    def update_customer(self, customer_id: int, **changes: Any) -> Customer:
        if "name" in changes:
            changes["name"] = _clean_name(changes["name"], "customer")
        with session_scope(self._engine) as s:
            c = self._get(s, Customer, customer_id, "customer")
            self._unique(s, Customer, "name", changes, customer_id, "customer")
            _apply(c, changes, CUSTOMER_FIELDS)
            s.add(c)
            return c

    def delete_customer(self, customer_id: int) -> None:
        with session_scope(self._engine) as s:
            s.delete(self._get(s, Customer, customer_id, "customer"))

    def customers(self) -> list[Customer]:
        with session_scope(self._engine) as s:
            return list(s.exec(select(Customer).order_by(Customer.name)))

    def customer(self, customer_id: int) -> Customer:
        with session_scope(self._engine) as s:
            return self._get(s, Customer, customer_id, "customer")

    def customer_by_name(self, name: str) -> Customer:
        with session_scope(self._engine) as s:
            key = " ".join(name.split())
            c = s.exec(select(Customer).where(Customer.name == key)).first()
            if c is None:
                c = next((x for x in s.exec(select(Customer))
                          if x.name.casefold() == key.casefold()), None)
            if c is None:
                raise NotFoundError(f"No customer named '{name}'.")
            return c

    def ensure_customer(self, name: str) -> Customer:
        """The customer of that name, created if new; safe when several processes (imports
        of one batch started twice) create the same customer at once."""
        try:
            return self.customer_by_name(name)
        except NotFoundError:
            pass
        try:
            return self.add_customer(name=name)
        except (IntegrityError, ValidationError):  # another process made it just now
            return self.customer_by_name(name)

    # --- touchpoints -----------------------------------------------------------------------

    def touchpoints(self) -> list[Touchpoint]:
        with session_scope(self._engine) as s:
            return list(s.exec(select(Touchpoint).order_by(Touchpoint.position, Touchpoint.id)))

    def add_touchpoint(self, *, name: str, channel: str = "", department: str = "",
                       description: str = "", position: int | None = None) -> Touchpoint:
        name = _clean_name(name, "touchpoint")
        with session_scope(self._engine) as s:
            if s.exec(select(Touchpoint).where(Touchpoint.name == name)).first():
                raise ValidationError(f"A touchpoint named '{name}' already exists.")
            rows = list(s.exec(select(Touchpoint).order_by(Touchpoint.position, Touchpoint.id)))
            t = Touchpoint(name=name, channel=channel, department=department,
                           description=description)
            pos = len(rows) if position is None else max(0, min(position, len(rows)))
            rows.insert(pos, t)
            for i, row in enumerate(rows):
                row.position = i
                s.add(row)
            s.flush()
            s.refresh(t)
            return t

    def update_touchpoint(self, touchpoint_id: int, **changes: Any) -> Touchpoint:
        if "name" in changes:
            changes["name"] = _clean_name(changes["name"], "touchpoint")
        with session_scope(self._engine) as s:
            t = self._get(s, Touchpoint, touchpoint_id, "touchpoint")
            self._unique(s, Touchpoint, "name", changes, touchpoint_id, "touchpoint")
            _apply(t, changes, TOUCHPOINT_FIELDS)
            s.add(t)
            return t

    def move_touchpoint(self, touchpoint_id: int, new_position: int) -> list[Touchpoint]:
        """Reorder the journey: put the touchpoint at `new_position` (0-based)."""
        with session_scope(self._engine) as s:
            rows = list(s.exec(select(Touchpoint).order_by(Touchpoint.position, Touchpoint.id)))
            row = next((r for r in rows if r.id == touchpoint_id), None)
            if row is None:
                raise NotFoundError(f"Touchpoint {touchpoint_id} does not exist.")
            rows.remove(row)
            rows.insert(max(0, min(new_position, len(rows))), row)
            for i, r in enumerate(rows):
                r.position = i
                s.add(r)
            return rows

    def touchpoint_usage(self, touchpoint_id: int) -> int:
        """How many highlights are tagged with this touchpoint."""
        with session_scope(self._engine) as s:
            return s.exec(select(func.count()).select_from(HighlightTouchpoint)
                          .where(HighlightTouchpoint.touchpoint_id == touchpoint_id)).one()

    def delete_touchpoint(self, touchpoint_id: int, *, reassign_to: int | None = None) -> None:
        """Delete; highlights using it are re-tagged with `reassign_to` or simply untagged."""
        with session_scope(self._engine) as s:
            t = self._get(s, Touchpoint, touchpoint_id, "touchpoint")
            if reassign_to is not None:
                self._get(s, Touchpoint, reassign_to, "touchpoint")
                links = s.exec(select(HighlightTouchpoint)
                               .where(HighlightTouchpoint.touchpoint_id == touchpoint_id)).all()
                for link in links:
                    hid = link.highlight_id
                    s.delete(link)
                    s.flush()
                    if s.get(HighlightTouchpoint, (hid, reassign_to)) is None:
                        s.add(HighlightTouchpoint(highlight_id=hid, touchpoint_id=reassign_to))
            s.delete(t)

    # --- problem zones ---------------------------------------------------------------------

    def zones(self) -> list[ProblemZone]:
        with session_scope(self._engine) as s:
            return list(s.exec(select(ProblemZone).order_by(ProblemZone.position,
                                                              ProblemZone.id)))

    def zone(self, key_or_name: str) -> ProblemZone:
        """Find a zone by key, English or Russian name (case-insensitive)."""
        needle = key_or_name.strip().casefold()
        for z in self.zones():
            if needle in (z.key.casefold(), z.name.casefold(), z.name_ru.casefold()):
                return z
        raise NotFoundError(f"No problem zone '{key_or_name}'.")

    def add_zone(self, *, name: str, key: str = "", name_ru: str = "",
                 description: str = "") -> ProblemZone:
        name = _clean_name(name, "problem zone")
        key = key.strip() or "_".join(name.casefold().split())
        with session_scope(self._engine) as s:
            if s.exec(select(ProblemZone).where(ProblemZone.key == key)).first():
                raise ValidationError(f"A problem zone with key '{key}' already exists.")
            count = s.exec(select(func.count()).select_from(ProblemZone)).one()
            z = ProblemZone(key=key, name=name, name_ru=name_ru, description=description,
                            position=count)
            s.add(z)
            s.flush()
            s.refresh(z)
            return z

    def update_zone(self, zone_id: int, **changes: Any) -> ProblemZone:
        if "name" in changes:
            changes["name"] = _clean_name(changes["name"], "problem zone")
        with session_scope(self._engine) as s:
            z = self._get(s, ProblemZone, zone_id, "problem zone")
            self._unique(s, ProblemZone, "key", changes, zone_id, "problem zone")
            _apply(z, changes, ZONE_FIELDS)
            s.add(z)
            return z

    def zone_usage(self, zone_id: int) -> int:
        with session_scope(self._engine) as s:
            return s.exec(select(func.count()).select_from(HighlightZone)
                          .where(HighlightZone.zone_id == zone_id)).one()

    def delete_zone(self, zone_id: int, *, reassign_to: int | None = None) -> None:
        with session_scope(self._engine) as s:
            z = self._get(s, ProblemZone, zone_id, "problem zone")
            if reassign_to is not None:
                self._get(s, ProblemZone, reassign_to, "problem zone")
                links = s.exec(select(HighlightZone).where(HighlightZone.zone_id == zone_id)).all()
                for link in links:
                    hid = link.highlight_id
                    s.delete(link)
                    s.flush()
                    if s.get(HighlightZone, (hid, reassign_to)) is None:
                        s.add(HighlightZone(highlight_id=hid, zone_id=reassign_to))
            s.delete(z)

    # --- counts for the sidebar and empty states -------------------------------------------

    def counts(self) -> dict[str, int]:
        with session_scope(self._engine) as s:
            def n(model: Any) -> int:
                return int(s.exec(select(func.count()).select_from(model)).one())
            return {"customers": n(Customer), "personas": n(Persona), "interviews": n(Interview),
                    "highlights": n(Highlight), "touchpoints": n(Touchpoint),
                    "zones": n(ProblemZone)}

    @staticmethod
    def _unique(s: Session, model: Any, field: str, changes: dict[str, Any], obj_id: int,
                what: str) -> None:
        """Reject a rename onto a value another row already has (instead of an IntegrityError)."""
        if field not in changes:
            return
        other = s.exec(select(model).where(getattr(model, field) == changes[field],
                                           model.id != obj_id)).first()
        if other is not None:
            raise ValidationError(f"A {what} with {field} '{changes[field]}' already exists.")

    @staticmethod
    def _get(s: Session, model: Any, obj_id: int, what: str) -> Any:
        obj = s.get(model, obj_id)
        if obj is None:
            raise NotFoundError(f"The {what} with id {obj_id} does not exist.")
        return obj
