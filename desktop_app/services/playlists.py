"""Onboarding playlists for HR: ordered reels per role with a short text each, and their export.

Export (job "export_playlist") writes a self-contained folder: `NN-name.mp4` per reel, an
offline `index.html` (see `playlist_page`) and, when asked, `all-reels.mp4`: the rendered reels
joined one after another (each opens with its title card) behind a card with the playlist's
name. Playlists are onboarding material, so every clip needs consent for onboarding at least
(public when the reel itself is public); a reel without a title gets its name as title card.
"""

from __future__ import annotations

import os
import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from desktop_app.domain.errors import CloserError, NotFoundError, ValidationError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reel_plan import (
    MASK_TEXT,
    CaptionWord,
    CardSpec,
    ClipSpec,
    ReelPlan,
    RenderOptions,
    RenderResult,
)
from desktop_app.domain.reels import AUDIENCES, CARD_S, PlaylistItemView, PlaylistView
from desktop_app.services.audit import AuditService
from desktop_app.services.playlist_page import PageEntry, render_page
from desktop_app.services.reels import ReelService
from desktop_app.services.reels_plan import reel_durations
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Playlist, PlaylistItem, Reel

JOINED_NAME = "all-reels.mp4"
EDITABLE = frozenset({"name", "role", "description"})


def _name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not clean:
        raise ValidationError("A playlist needs a name.")
    return clean


def file_slug(name: str) -> str:
    """A file-name-safe version of a reel name (letters of any script are kept)."""
    slug = re.sub(r"[^\w]+", "-", name, flags=re.UNICODE).strip("-_").lower()
    return slug[:48].rstrip("-_") or "reel"


def plan_seconds(plan: ReelPlan) -> float:
    cards = sum(c.seconds for c in (plan.title_card, plan.end_card) if c is not None)
    return sum(c.duration_s for c in plan.clips) + cards


def _export_audience(reel_audience: str) -> str:
    """Onboarding material needs onboarding consent at least."""
    return max(reel_audience, "onboarding", key=AUDIENCES.index)


class PlaylistService:
    """Ordered reels for a role, with texts; exported as an offline folder and/or one MP4."""

    def __init__(self, engine: Engine, reels: ReelService, *,
                 audit: AuditService | None = None) -> None:
        self._engine = engine
        self._reels = reels
        self._audit = audit

    # --- queries and edits -----------------------------------------------------------------

    def create(self, name: str, *, role: str = "", description: str = "") -> PlaylistView:
        with session_scope(self._engine) as s:
            p = Playlist(name=_name(name), role=role.strip(), description=description.strip())
            s.add(p)
            s.flush()
            return self._view(s, p)

    def list(self) -> list[PlaylistView]:
        with session_scope(self._engine) as s:
            return [self._view(s, p) for p in s.exec(select(Playlist).order_by(
                col(Playlist.role), col(Playlist.name), col(Playlist.id)))]

    def get(self, playlist_id: int) -> PlaylistView:
        with session_scope(self._engine) as s:
            return self._view(s, _playlist(s, playlist_id))

    def update(self, playlist_id: int, **changes: Any) -> PlaylistView:
        """Change name, role or description."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} of a playlist; "
                                  f"editable: {', '.join(sorted(EDITABLE))}.")
        with session_scope(self._engine) as s:
            p = _playlist(s, playlist_id)
            if "name" in changes:
                p.name = _name(changes["name"])
            for key in ("role", "description"):
                if key in changes:
                    setattr(p, key, (changes[key] or "").strip())
            s.add(p)
            return self._view(s, p)

    def delete(self, playlist_id: int) -> None:
        with session_scope(self._engine) as s:
            s.delete(_playlist(s, playlist_id))

    def add_reel(self, playlist_id: int, reel_id: int, *, text: str = "",
                 position: int | None = None) -> PlaylistView:
        with session_scope(self._engine) as s:
            p = _playlist(s, playlist_id)
            reel = s.get(Reel, reel_id)
            if reel is None:
                raise NotFoundError(f"Reel {reel_id} does not exist.")
            rows = _items(s, playlist_id)
            if any(r.reel_id == reel_id for r in rows):
                raise ValidationError(f"Reel '{reel.name}' is already in playlist '{p.name}'.")
            item = PlaylistItem(playlist_id=playlist_id, reel_id=reel_id, text=text.strip(),
                                position=len(rows))
            s.add(item)
            s.flush()
            at = len(rows) if position is None else max(0, min(int(position), len(rows)))
            rows.insert(at, item)
            _renumber(s, rows)
            return self._view(s, p)

    def move_item(self, item_id: int, new_position: int) -> PlaylistView:
        with session_scope(self._engine) as s:
            item = _item(s, item_id)
            rows = [r for r in _items(s, item.playlist_id) if r.id != item_id]
            rows.insert(max(0, min(int(new_position), len(rows))), item)
            _renumber(s, rows)
            return self._view(s, _playlist(s, item.playlist_id))

    def remove_item(self, item_id: int) -> PlaylistView:
        with session_scope(self._engine) as s:
            item = _item(s, item_id)
            pid = item.playlist_id
            s.delete(item)
            s.flush()
            _renumber(s, _items(s, pid))
            return self._view(s, _playlist(s, pid))

    def update_item_text(self, item_id: int, text: str) -> PlaylistView:
        with session_scope(self._engine) as s:
            item = _item(s, item_id)
            item.text = (text or "").strip()
            s.add(item)
            return self._view(s, _playlist(s, item.playlist_id))

    def consent_issues(self, playlist_id: int) -> list[str]:
        """One line per reel whose clips may not be shown to onboarding viewers (consent
        missing, refused or expired); [] when the playlist can be exported."""
        problems = []
        for it in self.get(playlist_id).items:
            reel = self._reels.get(it.reel_id)
            issues = self._reels.consent_issues(it.reel_id,
                                                audience=_export_audience(reel.audience))
            if issues:
                problems.append(f"reel '{reel.name}': " + "; ".join(issues))
        return problems

    # --- export ----------------------------------------------------------------------------

    def export_job(self, payload: dict[str, Any], cancel: CancelToken,
                   job_id: int) -> Iterator[Progress]:
        """Job kind "export_playlist"; payload: playlist_id, out_dir, joined (bool)."""
        return (yield from self.export_iter(int(payload["playlist_id"]),
                                            Path(payload["out_dir"]),
                                            joined=bool(payload.get("joined")), cancel=cancel))

    def export_iter(self, playlist_id: int, out_dir: Path, *, joined: bool = False,
                    cancel: CancelToken | None = None
                    ) -> Generator[Progress, None, dict[str, Any]]:
        """Render every reel into `out_dir`, write index.html (and the joined MP4)."""
        cancel = cancel or CancelToken()
        view = self.get(playlist_id)
        if not view.items:
            raise ValidationError(f"Playlist '{view.name}' has no reels yet.")
        problems = self.consent_issues(playlist_id)
        if problems:
            raise ValidationError(f"Playlist '{view.name}' cannot be exported until consent is "
                                  "resolved (onboarding viewing): " + "; ".join(problems) + ".")
        prepared = []
        for it in view.items:
            reel = self._reels.get(it.reel_id)
            plan, _ = self._reels.checked_plan(it.reel_id, title_fallback=True,
                                               audience=_export_audience(reel.audience))
            prepared.append((it, plan))
        out_dir = _make_folder(Path(out_dir))
        seconds = [plan_seconds(p) for _, p in prepared]
        total = sum(seconds) * (2 if joined else 1) + (CARD_S if joined else 0)
        done = 0.0
        entries: list[PageEntry] = []
        results: list[RenderResult] = []
        for k, ((it, plan), span) in enumerate(zip(prepared, seconds, strict=True), start=1):
            path = out_dir / f"{k:02d}-{file_slug(it.reel_name)}.mp4"
            render = self._reels.render_plan(plan, path, cancel)
            result = yield from _scaled(render, done, span, total, f"Reel {k} of "
                                        f"{len(prepared)}")
            done += span
            results.append(result)
            vtt = path.with_suffix(".vtt")
            entries.append(PageEntry(title=it.reel_name, file_name=path.name,  # the name HR gave
                                     duration_s=result.duration_s, text=it.text,
                                     captions_file=vtt.name if plan.options.captions == "soft"
                                     and vtt.exists() else ""))
        joined_path: Path | None = None
        joined_s = None
        if joined:
            plan = joined_plan(view, [p for _, p in prepared], results)
            render = self._reels.render_plan(plan, out_dir / JOINED_NAME, cancel)
            result = yield from _scaled(render, done, total - done, total, "All reels in one")
            joined_path, joined_s = result.path, result.duration_s
        index = out_dir / "index.html"
        texts = " ".join([view.name, view.description, *(e.text for e in entries)])
        page = render_page(name=view.name, role=view.role, description=view.description,
                           entries=entries, joined_file=joined_path.name if joined_path else "",
                           lang="ru" if re.search("[\u0400-\u04ff]", texts) else "en")
        _write_text(index, page)
        if self._audit is not None:
            self._audit.record_reels("playlist_export", [it.reel_id for it, _ in prepared],
                                     audience="onboarding", subject=view.name,
                                     path=str(out_dir), playlist_id=playlist_id,
                                     joined=bool(joined_path))
        yield Progress(total, total, "Exported")
        return {"playlist_id": playlist_id, "out_dir": str(out_dir), "index": str(index),
                "reels": [{"reel_id": it.reel_id, "name": it.reel_name, "path": str(r.path),
                           "duration_s": round(r.duration_s, 3)}
                          for (it, _), r in zip(prepared, results, strict=True)],
                "joined": str(joined_path) if joined_path else None,
                "joined_duration_s": round(joined_s, 3) if joined_s is not None else None}

    # --- helpers ---------------------------------------------------------------------------

    def _view(self, s: Session, p: Playlist) -> PlaylistView:
        durations = reel_durations(s)
        items = []
        for row in _items(s, int(p.id)):  # type: ignore[arg-type]
            reel = s.get(Reel, row.reel_id)
            items.append(PlaylistItemView(
                id=int(row.id), position=row.position, reel_id=row.reel_id,  # type: ignore
                reel_name=reel.name if reel else "", text=row.text,
                duration_s=durations.get(row.reel_id, 0.0)))
        return PlaylistView(id=int(p.id), name=p.name, role=p.role,  # type: ignore[arg-type]
                            description=p.description, items=tuple(items))


def joined_plan(view: PlaylistView, plans: list[ReelPlan],
                results: list[RenderResult]) -> ReelPlan:
    """One plan over the rendered reels (each opens with its title card) behind a playlist
    card; soft captions are carried over on the reels' own timeline."""
    soft = any(p.options.captions == "soft" for p in plans)
    clips = []
    for plan, result in zip(plans, results, strict=True):
        words: list[CaptionWord] = []
        if plan.options.captions == "soft":
            for spec, place in zip(plan.clips, result.clips, strict=True):
                shift = place.out_start - place.source_start
                for i, w in enumerate(spec.words):
                    if w.end <= place.source_start or w.start >= place.source_end:
                        continue
                    words.append(CaptionWord(
                        max(w.start + shift, place.out_start), min(w.end + shift, place.out_end),
                        MASK_TEXT if i in spec.masked_words else w.text))
        clips.append(ClipSpec(result.path, True, 0.0, result.duration_s, words=tuple(words)))
    subtitle = view.role or view.description.split("\n")[0][:80]
    height = max(p.options.height for p in plans)
    return ReelPlan(clips=tuple(clips), title_card=CardSpec(view.name, subtitle, CARD_S),
                    options=RenderOptions(height=height, captions="soft" if soft else "none",
                                          loudness_normalize=False))


def _scaled(render: Generator[Progress, None, RenderResult], offset: float, span: float,
            total: float, label: str) -> Generator[Progress, None, RenderResult]:
    """One render's progress as a part of the whole export."""
    gen = render
    try:
        p = next(gen)
        while True:
            yield Progress(offset + p.fraction * span, total, f"{label}: {p.message}")
            p = next(gen)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    finally:
        gen.close()


def _make_folder(out_dir: Path) -> Path:
    if out_dir.exists() and not out_dir.is_dir():
        raise CloserError(f"{out_dir}: is a file, not a folder to export the playlist into.")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CloserError(f"{out_dir}: cannot create the export folder "
                          f"({exc.strerror or exc}).") from None
    if not os.access(out_dir, os.W_OK):
        raise CloserError(f"{out_dir}: cannot save here (permission denied).")
    return out_dir


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.partial")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CloserError(f"{path}: could not be written ({exc.strerror or exc}).") from None


def _playlist(s: Session, playlist_id: int) -> Playlist:
    p = s.get(Playlist, playlist_id)
    if p is None:
        raise NotFoundError(f"Playlist {playlist_id} does not exist.")
    return p


def _item(s: Session, item_id: int) -> PlaylistItem:
    item = s.get(PlaylistItem, item_id)
    if item is None:
        raise NotFoundError(f"Playlist entry {item_id} does not exist.")
    return item


def _items(s: Session, playlist_id: int) -> list[PlaylistItem]:
    return list(s.exec(select(PlaylistItem).where(PlaylistItem.playlist_id == playlist_id)
                       .order_by(col(PlaylistItem.position), col(PlaylistItem.id))))


def _renumber(s: Session, rows: list[PlaylistItem]) -> None:
    for k, row in enumerate(rows):
        row.position = k
        s.add(row)
    s.flush()
