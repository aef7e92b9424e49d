"""Files in and out: highlights as CSV for Excel, the taxonomy (touchpoints, zones, rules) as JSON.

A taxonomy import checks the whole file first (JSON syntax, names, rules pointing at touchpoints
or zones that exist in the file or the library) and writes nothing unless all of it is valid;
then it merges by name: existing touchpoints/zones are updated, new ones added, rules deduplicated.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import col, select

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import HighlightView
from desktop_app.domain.rules import phrase_tokens
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import KeywordRule, ProblemZone, Touchpoint

CSV_COLUMNS = ("id", "interview", "customer", "date", "start", "end", "quote", "touchpoints",
               "zones", "persona", "severity", "emotion", "need", "value", "notes")
FORMAT = "closer-taxonomy"
VERSIONS = (1,)
_NAME_MAX = 200  # as for names typed in the app or the CLI
_TEXT_MAX = 5000
_FILE_MAX = 20_000_000


def _shown(value: Any) -> str:
    """A value from the file for a message: JSON, cut short."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:40] + "…"
TP_FIELDS = ("channel", "department", "description", "value_text", "shortcut")
ZONE_FIELDS = ("name", "name_ru", "description", "shortcut")
_MAX_PROBLEMS = 8


def write_highlights_csv(views: Iterable[HighlightView], out: Path) -> int:
    """Write highlights as CSV (UTF-8 with BOM so Excel reads Cyrillic); returns the row count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_COLUMNS)
        for v in views:
            w.writerow([v.id, v.interview_id, v.customer, f"{v.recorded_at:%Y-%m-%d}",
                        f"{v.start:.3f}", f"{v.end:.3f}", v.quote, "; ".join(v.touchpoints),
                        "; ".join(v.zones), v.persona, v.severity, v.emotion, v.need, v.value,
                        v.notes])
            n += 1
    return n


@dataclass(frozen=True)
class TaxonomyImport:
    touchpoints_added: int = 0
    touchpoints_updated: int = 0
    zones_added: int = 0
    zones_updated: int = 0
    rules_added: int = 0
    rules_skipped: int = 0

    def as_json(self) -> dict[str, int]:
        return asdict(self)


def _key(text: Any) -> str:
    return " ".join(str(text).split()).casefold()


def export_taxonomy(engine: Engine, out: Path) -> dict[str, int]:
    """Write touchpoints (journey order), zones and keyword rules; returns counts."""
    with session_scope(engine) as s:
        tps = list(s.exec(select(Touchpoint).order_by(col(Touchpoint.position),
                                                      col(Touchpoint.id))))
        zones = list(s.exec(select(ProblemZone).order_by(col(ProblemZone.position),
                                                         col(ProblemZone.id))))
        rules = list(s.exec(select(KeywordRule).order_by(col(KeywordRule.id))))
    tp_names = {t.id: t.name for t in tps}
    zone_keys = {z.id: z.key for z in zones}
    data = {
        "format": FORMAT, "version": 1,
        "touchpoints": [{"name": t.name, **{f: getattr(t, f) for f in TP_FIELDS}} for t in tps],
        "zones": [{"key": z.key, **{f: getattr(z, f) for f in ZONE_FIELDS}} for z in zones],
        "rules": [{"phrase": r.phrase, "language": r.language,
                   "touchpoint": tp_names.get(r.touchpoint_id),
                   "zone": zone_keys.get(r.zone_id)} for r in rules],
    }
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {"touchpoints": len(tps), "zones": len(zones), "rules": len(rules)}


def _load(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise ValidationError(f"Taxonomy file {path} not found.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"Taxonomy file {path.name} cannot be read: {exc}") from exc
    if len(text) > _FILE_MAX:
        raise ValidationError(f"Taxonomy file {path.name} is too large ({len(text):,} "
                              f"characters; at most {_FILE_MAX:,}); nothing was imported.")
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValidationError(f"Taxonomy file {path.name} is nested too deeply to be a "
                              "taxonomy; nothing was imported.") from None
    except json.JSONDecodeError as exc:
        raise ValidationError(f"Taxonomy file {path.name} is not valid JSON (line {exc.lineno}, "
                              f"column {exc.colno}: {exc.msg}); nothing was imported.") from exc
    if isinstance(data, dict) and "format" in data and data["format"] != FORMAT:
        raise ValidationError(f"Taxonomy file {path.name} has the unknown format "
                              f"{_shown(data['format'])} (expected \"{FORMAT}\"); nothing was "
                              "imported.")
    if isinstance(data, dict) and "version" in data and data["version"] not in VERSIONS:
        raise ValidationError(f"Taxonomy file {path.name} is version {_shown(data['version'])}, "
                              f"which this app cannot read (it reads version "
                              f"{', '.join(map(str, VERSIONS))}); nothing was imported.")
    if not isinstance(data, dict) or not any(k in data for k in ("touchpoints", "zones",
                                                                   "rules")):
        raise ValidationError(f"Taxonomy file {path.name} must be a JSON object with "
                              "\"touchpoints\", \"zones\" and/or \"rules\" lists; nothing was "
                              "imported.")
    return data


def _items(data: dict[str, Any], name: str, problems: list[str]) -> list[dict[str, Any]]:
    items = data.get(name, [])
    if not isinstance(items, list):
        problems.append(f"\"{name}\" must be a list")
        return []
    good = []
    for i, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problems.append(f"{name} #{i} must be an object")
        else:
            good.append(item)
    return good


def _text(item: dict[str, Any], field: str, where: str, problems: list[str]) -> str:
    value = item.get(field, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"{where}: \"{field}\" must be text")
        return ""
    value = value.strip()
    limit = _NAME_MAX if field in ("name", "key", "phrase", "touchpoint", "zone") else _TEXT_MAX
    if len(value) > limit:
        problems.append(f"{where}: \"{field}\" is too long ({len(value):,} characters; at "
                        f"most {limit:,})")
        return value[:40] + "…"  # the import stops; this only labels the other problems
    return value


def import_taxonomy(engine: Engine, path: Path) -> TaxonomyImport:
    """Validate the whole file, then merge it into the library in one transaction."""
    data = _load(path)
    problems: list[str] = []
    tps = _items(data, "touchpoints", problems)
    zones = _items(data, "zones", problems)
    rules = _items(data, "rules", problems)
    with session_scope(engine) as s:
        lib_tps = list(s.exec(select(Touchpoint).order_by(col(Touchpoint.position),
                                                          col(Touchpoint.id))))
        lib_zones = list(s.exec(select(ProblemZone).order_by(col(ProblemZone.position),
                                                             col(ProblemZone.id))))
        seen: set[str] = set()
        for i, t in enumerate(tps, start=1):
            name = _text(t, "name", f"touchpoints #{i}", problems)
            for f in TP_FIELDS:
                _text(t, f, f"touchpoint '{name or i}'", problems)
            if not name:
                problems.append(f"touchpoints #{i} has no name")
            elif _key(name) in seen:
                problems.append(f"touchpoint '{name}' appears twice")
            seen.add(_key(name))
        zone_keys: set[str] = set()
        for i, z in enumerate(zones, start=1):
            name = _text(z, "name", f"zones #{i}", problems)
            for f in ("key", *ZONE_FIELDS[1:]):
                _text(z, f, f"zone '{name or i}'", problems)
            if not name:
                problems.append(f"zones #{i} has no name")
            key = _text(z, "key", "", []) or "_".join(name.casefold().split())
            if key and key in zone_keys:
                problems.append(f"zone '{key}' appears twice")
            zone_keys.add(key)
        tp_known = seen | {_key(t.name) for t in lib_tps}
        zone_known = {_key(k) for k in zone_keys} | {_key(z["name"]) for z in zones
                                                     if isinstance(z.get("name"), str)}
        for z in lib_zones:
            zone_known |= {_key(z.key), _key(z.name), _key(z.name_ru)} - {""}
        for i, r in enumerate(rules, start=1):
            phrase = _text(r, "phrase", f"rules #{i}", problems)
            tp = _text(r, "touchpoint", f"rule '{phrase or i}'", problems)
            zone = _text(r, "zone", f"rule '{phrase or i}'", problems)
            _text(r, "language", f"rule '{phrase or i}'", problems)
            if not phrase_tokens(phrase):
                problems.append(f"rules #{i} has no phrase")
            if not tp and not zone:
                problems.append(f"rule '{phrase or i}' has neither a touchpoint nor a zone")
            if tp and _key(tp) not in tp_known:
                problems.append(f"rule '{phrase}' refers to touchpoint '{tp}', which is neither "
                                "in the file nor in the library")
            if zone and _key(zone) not in zone_known:
                problems.append(f"rule '{phrase}' refers to zone '{zone}', which is neither in "
                                "the file nor in the library")
        if problems:
            more = len(problems) - _MAX_PROBLEMS
            listed = "; ".join(problems[:_MAX_PROBLEMS]) + (f"; and {more} more" if more > 0
                                                              else "")
            raise ValidationError(f"Taxonomy file {Path(path).name} was not imported "
                                  f"({len(problems)} problem{'s' if len(problems) > 1 else ''})"
                                  f": {listed}.")
        return _merge(s, tps, zones, rules, lib_tps, lib_zones)


def _merge(s: Any, tps: list[dict[str, Any]], zones: list[dict[str, Any]],
           rules: list[dict[str, Any]], lib_tps: list[Touchpoint],
           lib_zones: list[ProblemZone]) -> TaxonomyImport:
    tp_added = tp_updated = z_added = z_updated = r_added = r_skipped = 0
    order = list(lib_tps)
    by_name = {_key(t.name): t for t in lib_tps}
    anchor = -1  # new touchpoints go after the file's previous touchpoint
    for t in tps:
        name = " ".join(t["name"].split())
        row = by_name.get(_key(name))
        fields = {f: (t.get(f) or "").strip() for f in TP_FIELDS if f in t}
        if row is None:
            row = Touchpoint(name=name, **fields)
            order.insert(anchor + 1, row)
            by_name[_key(name)] = row
            tp_added += 1
        elif any(getattr(row, f) != v for f, v in fields.items()):
            for f, v in fields.items():
                setattr(row, f, v)
            tp_updated += 1
        anchor = order.index(row)
    for pos, row in enumerate(order):
        row.position = pos
        s.add(row)
    s.flush()
    zone_by = {}
    for z in lib_zones:
        zone_by[_key(z.key)] = z
    for z in lib_zones:
        for k in (z.name, z.name_ru):
            if k:
                zone_by.setdefault(_key(k), z)
    next_pos = max((z.position for z in lib_zones), default=-1) + 1
    for z in zones:
        name = " ".join(z["name"].split())
        key = (z.get("key") or "").strip() or "_".join(name.casefold().split())
        fields = {f: (z.get(f) or "").strip() for f in ZONE_FIELDS if f in z}
        fields["name"] = name
        row = zone_by.get(_key(key)) or zone_by.get(_key(name))
        if row is None:
            row = ProblemZone(key=key, position=next_pos, **fields)
            next_pos += 1
            z_added += 1
        elif any(getattr(row, f) != v for f, v in fields.items()):
            for f, v in fields.items():
                setattr(row, f, v)
            z_updated += 1
        s.add(row)
        s.flush()
        for k in (row.key, row.name, row.name_ru):
            if k:
                zone_by[_key(k)] = row
    existing = {(" ".join(phrase_tokens(r.phrase)), r.touchpoint_id, r.zone_id)
                for r in s.exec(select(KeywordRule))}
    for r in rules:
        tp_row = by_name.get(_key(r["touchpoint"])) if r.get("touchpoint") else None
        zone_row = zone_by.get(_key(r["zone"])) if r.get("zone") else None
        ident = (" ".join(phrase_tokens(r["phrase"])), tp_row.id if tp_row else None,
                 zone_row.id if zone_row else None)
        if ident in existing:
            r_skipped += 1
            continue
        existing.add(ident)
        s.add(KeywordRule(phrase=" ".join(r["phrase"].split()),
                          language=(r.get("language") or "").strip().lower(),
                          touchpoint_id=ident[1], zone_id=ident[2]))
        r_added += 1
    return TaxonomyImport(tp_added, tp_updated, z_added, z_updated, r_added, r_skipped)
