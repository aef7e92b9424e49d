"""Where customers get hurt: the touchpoint x zone heatmap, the journey map data and trends.

All three aggregate in SQL (GROUP BY over the link tables), never by loading highlights as
objects, so a library with 100,000 highlights still answers within a frame or two.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, String, cast, func
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError
from desktop_app.domain.highlights import (
    SEVERITY_MAX,
    Heatmap,
    HeatmapCell,
    InsightFilter,
    JourneyColumn,
    JourneyMap,
    PainQuote,
    Ref,
    TrendPoint,
)
from desktop_app.domain.taxonomy import zone_display_name
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

TOP_PAINS = 3
TOP_NEEDS = 6
TOP_ZONES = 3
_CACHE_SIZE = 64
T = TypeVar("T")

HT, HZ, H, IV = HighlightTouchpoint, HighlightZone, Highlight, Interview


def _needs_interview(f: InsightFilter) -> bool:
    return any(v is not None for v in (f.customer_id, f.date_from, f.date_to, f.interviewer))


def _filtered(q: Any, f: InsightFilter, *, joined_interview: bool = False) -> Any:
    """Apply the filter; joins the interview only when a filter needs it."""
    if f.persona_id is not None:
        q = q.where(H.persona_id == f.persona_id)
    if _needs_interview(f) and not joined_interview:
        q = q.join(IV, col(IV.id) == H.interview_id)
    if f.customer_id is not None:
        q = q.where(IV.customer_id == f.customer_id)
    if f.date_from is not None:
        q = q.where(IV.recorded_at >= f.date_from)
    if f.date_to is not None:
        q = q.where(IV.recorded_at < f.date_to)
    if f.interviewer is not None:
        q = q.where(func.lower(IV.interviewer) == f.interviewer.strip().lower())
    return q


class InsightsService:
    """Read-only aggregates over highlights for the insight views, exports and the CLI."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._probe: Any = None  # a DBAPI connection kept only to read PRAGMA data_version
        self._seen_version: int | None = None
        self._cache: dict[tuple[Any, ...], Any] = {}

    def _data_version(self) -> int | None:
        """SQLite's counter of commits made by *other* connections (None: cannot tell)."""
        if self._engine.dialect.name != "sqlite":
            return None
        if self._probe is None:
            self._probe = self._engine.raw_connection()
        cur = self._probe.cursor()
        try:
            cur.execute("PRAGMA data_version")
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def _cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """Reuse a result until anyone commits to the database (any connection or process)."""
        with self._lock:
            version = self._data_version()
            if version is None or version != self._seen_version:
                self._cache.clear()
                self._seen_version = version
            if version is not None and key in self._cache:
                return self._cache[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            if version is not None and version == self._seen_version:
                if len(self._cache) >= _CACHE_SIZE:
                    self._cache.pop(next(iter(self._cache)))
                self._cache[key] = value
        return value

    def close(self) -> None:
        with self._lock:
            if self._probe is not None:
                self._probe.close()
                self._probe = None
            self._cache.clear()

    def _id_list(self, column: Any) -> Any:
        if self._engine.dialect.name == "postgresql":
            return func.string_agg(cast(column, String), ",")
        return func.group_concat(column)

    @staticmethod
    def _refs(s: Session) -> tuple[tuple[Ref, ...], tuple[Ref, ...]]:
        tps = tuple(Ref(int(t.id), t.name, t.name, t.shortcut) for t in s.exec(  # type: ignore[arg-type]
            select(Touchpoint).order_by(col(Touchpoint.position), col(Touchpoint.id))))
        zones = tuple(Ref(int(z.id), z.key, z.name, z.shortcut) for z in s.exec(  # type: ignore[arg-type]
            select(ProblemZone).order_by(col(ProblemZone.position), col(ProblemZone.id))))
        return tps, zones

    # --- heatmap ---------------------------------------------------------------------------

    def heatmap(self, flt: InsightFilter | None = None, *, fresh: bool = False) -> Heatmap:
        """Count and severity sum of highlights per (touchpoint, zone), with their ids.

        Aggregated by SQL; the result is reused until the database changes (`fresh` skips
        the reuse)."""
        f = flt or InsightFilter()
        if fresh:
            return self._heatmap(f)
        return self._cached(("heatmap", f), lambda: self._heatmap(f))

    def _heatmap(self, f: InsightFilter) -> Heatmap:
        with session_scope(self._engine) as s:
            tps, zones = self._refs(s)
            q = (select(HT.touchpoint_id, HZ.zone_id, func.count(), func.sum(H.severity),
                        self._id_list(H.id))
                 .select_from(H)
                 .join(HT, col(HT.highlight_id) == H.id)
                 .join(HZ, col(HZ.highlight_id) == H.id))
            q = _filtered(q, f).group_by(HT.touchpoint_id, HZ.zone_id)
            found = {(t, z): (n, score, ids) for t, z, n, score, ids in s.exec(q)}
        cells = []
        for t in tps:
            for z in zones:
                n, score, ids = found.get((t.id, z.id), (0, 0, ""))
                id_list = tuple(sorted(int(x) for x in ids.split(","))) if ids else ()
                cells.append(HeatmapCell(t.name, z.name, t.id, z.id, int(n), int(score or 0),
                                         id_list))
        return Heatmap(tps, zones, tuple(cells))

    # --- journey map -----------------------------------------------------------------------

    def journey_map(self, persona: int | str | None = None, flt: InsightFilter | None = None,
                    *, language: str = "en") -> JourneyMap:
        """Needs, pains and value per touchpoint for a persona (None = all customers); zone
        names in `language` ("ru" uses the Russian names)."""
        base = flt or InsightFilter()
        with session_scope(self._engine) as s:
            p = self._persona(s, persona)
            f = InsightFilter(persona_id=p.id if p else base.persona_id,
                              customer_id=base.customer_id, date_from=base.date_from,
                              date_to=base.date_to, interviewer=base.interviewer)
            touchpoints = list(s.exec(select(Touchpoint).order_by(col(Touchpoint.position),
                                                                     col(Touchpoint.id))))
            sev: dict[int, list[int]] = defaultdict(lambda: [0] * SEVERITY_MAX)
            q = _filtered(select(HT.touchpoint_id, H.severity, func.count()).select_from(H)
                          .join(HT, col(HT.highlight_id) == H.id), f)
            for tid, severity, n in s.exec(q.group_by(HT.touchpoint_id, H.severity)):
                if 1 <= severity <= SEVERITY_MAX:
                    sev[tid][severity - 1] += n
            needs = self._needs(s, f)
            pains = self._top_pains(s, f)
            zone_counts = self._top_zones(s, f, language)
            totals = _filtered(select(func.count(func.distinct(H.id)),
                                      func.count(func.distinct(H.interview_id))).select_from(H)
                               .join(HT, col(HT.highlight_id) == H.id), f)
            n_highlights, n_interviews = s.exec(totals).one()
        columns = tuple(JourneyColumn(
            touchpoint=t.name, touchpoint_id=int(t.id),  # type: ignore[arg-type]
            channel=t.channel, department=t.department, needs=tuple(needs.get(t.id, ())),
            pain_count=sum(sev[t.id]) if t.id in sev else 0,  # type: ignore[index]
            severity_counts=tuple(sev[t.id]) if t.id in sev else (0,) * SEVERITY_MAX,
            top_pains=tuple(pains.get(t.id, ())), top_zones=tuple(zone_counts.get(t.id, ())),
            value_text=t.value_text) for t in touchpoints)
        return JourneyMap(persona=p.name if p else "", persona_description=(
            p.description or p.goals) if p else "", generated_at=datetime.now(UTC),
            columns=columns, interviews=int(n_interviews), highlights=int(n_highlights),
            period=_period(base))

    @staticmethod
    def _persona(s: Session, persona: int | str | None) -> Persona | None:
        if persona is None or persona == "":
            return None
        rows = list(s.exec(select(Persona)))
        for p in rows:
            if p.id == persona or (isinstance(persona, str)
                                   and p.name.casefold() == persona.strip().casefold()):
                return p
        valid = ", ".join(sorted(p.name for p in rows)) or "none yet"
        raise NotFoundError(f"No persona '{persona}'. Personas: {valid}.")

    @staticmethod
    def _needs(s: Session, f: InsightFilter) -> dict[int, list[str]]:
        q = _filtered(select(HT.touchpoint_id, H.need, func.count(), func.max(H.severity))
                      .select_from(H).join(HT, col(HT.highlight_id) == H.id)
                      .where(H.need != ""), f).group_by(HT.touchpoint_id, H.need)
        ranked: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
        for tid, need, n, top in s.exec(q):
            for line in need.splitlines():  # merged highlights keep one need per line
                text = " ".join(line.split())
                if text:
                    old = ranked[tid].get(text, (0, 0))
                    ranked[tid][text] = (old[0] + n, max(old[1], top))
        return {tid: [t for t, _ in sorted(d.items(), key=lambda kv: (-kv[1][0], -kv[1][1]))]
                [:TOP_NEEDS] for tid, d in ranked.items()}

    @staticmethod
    def _top_pains(s: Session, f: InsightFilter) -> dict[int, list[PainQuote]]:
        rank = func.row_number().over(
            partition_by=HT.touchpoint_id,
            order_by=(col(H.severity).desc(), col(IV.recorded_at).desc(), col(H.id).desc()))
        inner = (select(HT.touchpoint_id.label("tid"), H.id.label("hid"),  # type: ignore
                        H.quote.label("quote"), H.severity.label("sev"),  # type: ignore
                        H.emotion.label("emotion"), Customer.name.label("customer"),
                        rank.label("rank"))
                 .select_from(H).join(HT, col(HT.highlight_id) == H.id)
                 .join(IV, col(IV.id) == H.interview_id)
                 .join(Customer, col(Customer.id) == IV.customer_id)
                 .where(H.quote != ""))
        sub = _filtered(inner, f, joined_interview=True).subquery()
        q = select(sub.c.tid, sub.c.hid, sub.c.quote, sub.c.sev, sub.c.customer, sub.c.emotion) \
            .where(sub.c.rank <= TOP_PAINS).order_by(sub.c.tid, sub.c.rank)
        out: dict[int, list[PainQuote]] = defaultdict(list)
        for tid, hid, quote, severity, customer, emotion in s.exec(q):
            out[tid].append(PainQuote(hid, quote, severity, customer, emotion))
        return out

    @staticmethod
    def _top_zones(s: Session, f: InsightFilter,
                   language: str) -> dict[int, list[tuple[str, int]]]:
        q = _filtered(select(HT.touchpoint_id, ProblemZone.id, ProblemZone.name,
                             ProblemZone.name_ru, func.count()).select_from(H)
                      .join(HT, col(HT.highlight_id) == H.id)
                      .join(HZ, col(HZ.highlight_id) == H.id)
                      .join(ProblemZone, col(ProblemZone.id) == HZ.zone_id), f)
        q = q.group_by(HT.touchpoint_id, ProblemZone.id, ProblemZone.name, ProblemZone.name_ru)
        out: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for tid, _zid, name, name_ru, n in s.exec(q):
            out[tid].append((zone_display_name(name, name_ru, language), int(n)))
        return {t: sorted(v, key=lambda x: (-x[1], x[0]))[:TOP_ZONES] for t, v in out.items()}

    # --- trends ----------------------------------------------------------------------------

    def trends(self, flt: InsightFilter | None = None, *,
               fresh: bool = False) -> list[TrendPoint]:
        """Pain counts per touchpoint per month of the interview date, oldest month first."""
        f = flt or InsightFilter()
        if fresh:
            return self._trends(f)
        return list(self._cached(("trends", f), lambda: tuple(self._trends(f))))

    def _trends(self, f: InsightFilter) -> list[TrendPoint]:
        if self._engine.dialect.name == "postgresql":
            month = func.to_char(IV.recorded_at, "YYYY-MM")
        else:
            month = func.strftime("%Y-%m", IV.recorded_at)
        with session_scope(self._engine) as s:
            q = (select(month.label("month"), Touchpoint.name, func.count())
                 .select_from(H).join(IV, col(IV.id) == H.interview_id)
                 .join(HT, col(HT.highlight_id) == H.id)
                 .join(Touchpoint, col(Touchpoint.id) == HT.touchpoint_id))
            q = _filtered(q, f, joined_interview=True)
            q = q.group_by(month, Touchpoint.id, Touchpoint.name, Touchpoint.position) \
                .order_by(month, Touchpoint.position)
            return [TrendPoint(str(m), name, int(n)) for m, name, n in s.exec(q)]


def _period(f: InsightFilter) -> str:
    if f.date_from is None and f.date_to is None:
        return ""
    left = f"{f.date_from:%Y-%m-%d}" if f.date_from else "…"
    # the filter's end is exclusive: show the last day it includes
    right = f"{f.date_to - timedelta(microseconds=1):%Y-%m-%d}" if f.date_to else "…"
    return f"{left} – {right}"
