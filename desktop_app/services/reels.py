"""Highlight reels: compose from highlights or transcript selections, edit, check, render.

A clip's range snaps to whole words and is padded by up to 0.3 s into the surrounding silence
(never into a neighbouring word or clip), so cuts breathe; `trim_item(snap=False)` takes exact
seconds for frame nudges. Rendering is the job "render_reel": it refuses while any clip's
interview lacks consent for the reel's audience (see `desktop_app.domain.reels`), and the render
engine is injected (`render(plan, out, cancel, progress) -> RenderResult`).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reel_plan import ReelPlan, RenderResult
from desktop_app.domain.reels import (
    CARD_S,
    ClipWord,
    ReelItemView,
    ReelOptions,
    ReelSummary,
    ReelView,
    check_audience,
    pick_auto,
)
from desktop_app.services.audit import AuditService, customers_of_interviews
from desktop_app.services.reel_output import check_reel_out
from desktop_app.services.reels_auto import auto_candidates
from desktop_app.services.reels_edit import (
    check_masks,
    consent_issues,
    place_clip,
    renumber,
    with_options,
)
from desktop_app.services.reels_masks import choose, clip_masks, customer_names, stored_anchors
from desktop_app.services.reels_plan import (
    ClipFacts,
    Render,
    build_plan,
    clip_words,
    item_row,
    item_view,
    load_clips,
    reel_duration,
    reel_durations,
    reel_row,
    run_with_progress,
)
from desktop_app.services.reels_present import cache_path, clip_plans
from desktop_app.storage.db import session_scope
from desktop_app.storage.tables import Highlight, Reel, ReelItem

EDITABLE = frozenset({"name", "audience", "title", "subtitle", "end_text", "options"})


def result_json(result: RenderResult, clips: Sequence[ClipFacts]) -> dict[str, Any]:
    """What `closer reel render --json` prints and the render job returns."""
    return {"path": str(result.path), "duration_s": round(result.duration_s, 3),
            "width": result.width, "height": result.height, "video_codec": result.video_codec,
            "audio_codec": result.audio_codec,
            "clips": [{"source_interview_id": c.interview_id,
                       "source_start": round(p.source_start, 3),
                       "source_end": round(p.source_end, 3),
                       "out_start": round(p.out_start, 3), "out_end": round(p.out_end, 3)}
                      for c, p in zip(clips, result.clips, strict=True)],
            "sidecars": [str(p) for p in result.sidecars]}


def _name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not clean:
        raise ValidationError("A reel needs a name.")
    return clean


class ReelService:
    """Make, edit, check and render highlight reels."""

    def __init__(self, engine: Engine, home: Path, *, render: Render | None = None,
                 audit: AuditService | None = None) -> None:
        self._engine = engine
        self._home = Path(home)
        self._render = render
        self._audit = audit

    # --- queries ---------------------------------------------------------------------------

    def get(self, reel_id: int) -> ReelView:
        with session_scope(self._engine) as s:
            return self._view(s, reel_row(s, reel_id))

    def list(self) -> list[ReelSummary]:
        """All reels, newest first."""
        with session_scope(self._engine) as s:
            durations = reel_durations(s)
            counts = dict(s.exec(select(ReelItem.reel_id, func.count(col(ReelItem.id)))
                                 .group_by(col(ReelItem.reel_id))).all())
            return [ReelSummary(int(r.id), r.name, r.audience,  # type: ignore[arg-type]
                                int(counts.get(r.id, 0)), durations.get(int(r.id), 0.0),  # type: ignore
                                r.created_at, tuple(consent_issues(
                                    load_clips(s, int(r.id)), r.audience)))  # type: ignore
                    for r in s.exec(select(Reel).order_by(col(Reel.created_at).desc(),
                                                          col(Reel.id).desc()))]

    def words(self, item_id: int) -> list[ClipWord]:
        """The clip's caption words (indexes as `ReelOptions.masked` uses them), each flagged
        when it looks like a customer's name, a phone number or an e-mail address, and masked
        as the reel's audience sees it (detected words are masked by default for onboarding
        and public audiences)."""
        with session_scope(self._engine) as s:
            item = item_row(s, item_id)
            reel = reel_row(s, item.reel_id)
            words = clip_words(s, item.interview_id, item.start, item.end)
            masks = clip_masks(ReelOptions.from_json(reel.options_json), item_id, words,
                               reel.audience, customer_names(s))
        return [ClipWord(i, w.start, w.end, w.word.strip(), masks.detected.get(i, ""),
                         i in masks.indexes, i in masks.by_default)
                for i, w in enumerate(words)]

    def consent_issues(self, reel_id: int, *, audience: str | None = None) -> list[str]:
        """Why clips may not be shown to the reel's audience (or `audience`); [] when fine."""
        with session_scope(self._engine) as s:
            reel = reel_row(s, reel_id)
            return consent_issues(load_clips(s, reel_id), audience or reel.audience)

    def mask_warnings(self, reel_id: int) -> list[str]:
        """Masked words that are no longer in their clip's transcript ([] when all are)."""
        return [w for i in self.get(reel_id).items for w in i.mask_warnings]

    def plan(self, reel_id: int, *, captions: str | None = None, blur_faces: bool | None = None,
             height: int | None = None) -> ReelPlan:
        """The render engine's plan (checks ranges and that every recording is on disk)."""
        with session_scope(self._engine) as s:
            reel = reel_row(s, reel_id)
            options = ReelOptions.from_json(reel.options_json)
            return build_plan(s, reel, options, captions=captions, blur_faces=blur_faces,
                              height=height)[0]

    def checked_plan(self, reel_id: int, *, audience: str | None = None,
                     title_fallback: bool = False, **overrides: Any
                     ) -> tuple[ReelPlan, list[ClipFacts]]:
        """`plan` after the consent check for `audience` (default: the reel's own)."""
        with session_scope(self._engine) as s:
            reel = reel_row(s, reel_id)
            issues = consent_issues(load_clips(s, reel_id), audience or reel.audience)
            if issues:
                raise ValidationError(f"Reel '{reel.name}' cannot be rendered until consent is "
                                      "resolved: " + "; ".join(issues) + ".")
            return build_plan(s, reel, ReelOptions.from_json(reel.options_json),
                              title_fallback=title_fallback, audience=audience, **overrides)

    # --- edits -----------------------------------------------------------------------------

    def create(self, name: str, *, highlight_ids: Sequence[int] = (), audience: str = "internal",
               title: str = "", subtitle: str = "", end_text: str = "") -> ReelView:
        """A new reel with a clip per highlight, in the order given."""
        with session_scope(self._engine) as s:
            reel = Reel(name=_name(name), audience=check_audience(audience), title=title.strip(),
                        subtitle=subtitle.strip(), end_text=end_text.strip(),
                        options_json=ReelOptions().to_json())
            s.add(reel)
            s.flush()
            for hid in dict.fromkeys(highlight_ids):
                self._add(s, reel, highlight_id=hid)
            reel_id = int(reel.id)  # type: ignore[arg-type]
        return self.get(reel_id)

    def update(self, reel_id: int, **changes: Any) -> ReelView:
        """Change name, audience, title, subtitle, end_text or options (a ReelOptions)."""
        unknown = set(changes) - EDITABLE
        if unknown:
            raise ValidationError(f"Cannot change {', '.join(sorted(unknown))} of a reel; "
                                  f"editable: {', '.join(sorted(EDITABLE))}.")
        with session_scope(self._engine) as s:
            reel = reel_row(s, reel_id)
            if "name" in changes:
                reel.name = _name(changes["name"])
            if "audience" in changes:
                reel.audience = check_audience(changes["audience"])
            for key in ("title", "subtitle", "end_text"):
                if key in changes:
                    setattr(reel, key, (changes[key] or "").strip())
            if "options" in changes:
                options = changes["options"]
                if not isinstance(options, ReelOptions):
                    raise ValidationError("Reel options must be a ReelOptions.")
                check_masks(s, reel_id, options)
                reel.options_json = self._store_masks(s, reel, options).to_json()
            s.add(reel)
        return self.get(reel_id)

    def delete(self, reel_id: int) -> None:
        with session_scope(self._engine) as s:
            s.delete(reel_row(s, reel_id))

    def add_item(self, reel_id: int, *, highlight_id: int | None = None,
                 interview_id: int | None = None, start: float | None = None,
                 end: float | None = None, position: int | None = None) -> ReelItemView:
        """Add a highlight, or a transcript selection (interview_id + start/end), as a clip."""
        with session_scope(self._engine) as s:
            reel = reel_row(s, reel_id)
            item = self._add(s, reel, highlight_id=highlight_id, interview_id=interview_id,
                             start=start, end=end, position=position)
            return self._item_view(s, reel, int(item.id))  # type: ignore[arg-type]

    def move_item(self, item_id: int, new_position: int) -> ReelView:
        with session_scope(self._engine) as s:
            item = item_row(s, item_id)
            ids = [i for i in self._item_ids(s, item.reel_id) if i != item_id]
            ids.insert(max(0, min(int(new_position), len(ids))), item_id)
            renumber(s, ids)
            reel = reel_row(s, item.reel_id)
            return self._view(s, reel)

    def remove_item(self, item_id: int) -> ReelView:
        with session_scope(self._engine) as s:
            item = item_row(s, item_id)
            reel = reel_row(s, item.reel_id)
            options = ReelOptions.from_json(reel.options_json)
            if any(item_id in m for m in (options.masked, options.mask_words,
                                          options.unmask_words)):
                reel.options_json = with_options(options, **{
                    key: {k: v for k, v in getattr(options, key).items() if k != item_id}
                    for key in ("masked", "mask_words", "unmask_words")}).to_json()
                s.add(reel)
            s.delete(item)
            s.flush()
            renumber(s, self._item_ids(s, reel.id))  # type: ignore[arg-type]
            return self._view(s, reel)

    def trim_item(self, item_id: int, start: float, end: float, *,
                  snap: bool = True) -> ReelItemView:
        """New in/out points: snapped to words (and padded), or exact seconds with snap=False.
        Masks follow their words (stored by time and text), so the ones still inside stay."""
        with session_scope(self._engine) as s:
            item = item_row(s, item_id)
            reel = reel_row(s, item.reel_id)
            old = clip_words(s, item.interview_id, item.start, item.end)
            item.start, item.end = place_clip(s, item.reel_id, item.interview_id, start, end,
                                               snap=snap, skip=item_id)
            s.add(item)
            options = ReelOptions.from_json(reel.options_json)
            if item_id in options.masked and item_id not in options.mask_words:
                # a legacy index mask: keep it as the words it covered before the trim
                reel.options_json = with_options(options, mask_words={
                    **options.mask_words, item_id: stored_anchors(options, item_id, old)
                }).to_json()
                s.add(reel)
            s.flush()
            return self._item_view(s, reel, item_id)

    def set_masked(self, item_id: int, indexes: Sequence[int]) -> ReelView:
        """Mask (bleep, show "•••") exactly these words of one clip (indexes from `words`);
        detected words left out are unmasked for audiences that mask them by default."""
        with session_scope(self._engine) as s:
            item = item_row(s, item_id)
            reel = reel_row(s, item.reel_id)
            words = clip_words(s, item.interview_id, item.start, item.end)
            bad = [i for i in indexes if not 0 <= int(i) < len(words)]
            if bad:
                raise ValidationError(f"Reel clip {item.position + 1}: word {min(bad)} is not "
                                      f"one of its {len(words)} words.")
            options = choose(ReelOptions.from_json(reel.options_json), item_id, words,
                             reel.audience, customer_names(s), indexes)
            reel.options_json = options.to_json()
            s.add(reel)
            return self._view(s, reel)

    def set_lower_third(self, item_id: int, lines: Sequence[str]) -> ReelItemView:
        """Override the clip's lower third ([] goes back to the automatic one)."""
        with session_scope(self._engine) as s:
            item = item_row(s, item_id)
            item.lower_third = "\n".join(x.strip() for x in lines if x.strip())
            s.add(item)
            s.flush()
            return self._item_view(s, reel_row(s, item.reel_id), item_id)

    def auto(self, name: str, *, touchpoint: int | str | None = None,
             zone: int | str | None = None, highlight_ids: Sequence[int] | None = None,
             persona: int | str | None = None, max_seconds: float = 90,
             audience: str = "internal") -> ReelView:
        """A reel of the most severe clips, different customers first, at most `max_seconds`
        long (its title card included); the user edits it afterwards."""
        audience = check_audience(audience)
        title = _name(name)
        budget = float(max_seconds) - CARD_S
        if budget < 1.0:
            raise ValidationError(f"A {max_seconds:g} s reel leaves no time for clips after its "
                                  f"{CARD_S:g} s title card.")
        with session_scope(self._engine) as s:
            found = auto_candidates(s, touchpoint=touchpoint, zone=zone,
                                    highlight_ids=highlight_ids, persona=persona,
                                    audience=audience)
            picked = pick_auto(found, budget)
            if not picked:
                shortest = min(c.duration for c in found)
                raise ValidationError(f"No highlight fits in a {max_seconds:g} s reel (the "
                                      f"shortest clip takes {shortest:.1f} s).")
            reel = Reel(name=title, audience=audience, title=title,
                        options_json=ReelOptions().to_json())
            s.add(reel)
            s.flush()
            for pos, c in enumerate(picked):
                s.add(ReelItem(reel_id=int(reel.id), position=pos,  # type: ignore[arg-type]
                               interview_id=c.interview_id, highlight_id=c.highlight_id,
                               start=c.start, end=c.end))
            reel_id = int(reel.id)  # type: ignore[arg-type]
        return self.get(reel_id)

    # --- rendering -------------------------------------------------------------------------

    def render_plan(self, plan: ReelPlan, out: Path,
                    cancel: CancelToken) -> Generator[Progress, None, RenderResult]:
        """Render a plan with the injected engine, yielding its progress."""
        if self._render is None:
            raise ValidationError("Rendering is not available in this build (no render engine).")
        render = self._render
        return (yield from run_with_progress(
            lambda token, progress: render(plan, out, token, progress), cancel))

    def check_out(self, out: Path) -> None:
        """Raise MediaError when `out` would overwrite a recording or land inside the library."""
        check_reel_out(self._engine, self._home, Path(out))

    def render_iter(self, reel_id: int, out: Path, cancel: CancelToken | None = None,
                    **overrides: Any) -> Generator[Progress, None, dict[str, Any]]:
        """Check consent and files, render to `out`; returns `result_json`."""
        check_reel_out(self._engine, self._home, Path(out))
        plan, clips = self.checked_plan(reel_id, **overrides)
        result = yield from self.render_plan(plan, Path(out), cancel or CancelToken())
        if self._audit is not None:
            reel = self.get(reel_id)
            self._audit.record("reel_render", audience=overrides.get("audience") or reel.audience,
                               subject=reel.name, path=str(result.path),
                               customer_ids={c.customer_id for c in clips}, reel_id=reel_id,
                               sidecars=[str(p) for p in result.sidecars])
        return result_json(result, clips)

    def render_job(self, payload: dict[str, Any], cancel: CancelToken,
                   job_id: int) -> Iterator[Progress]:
        """Job kind "render_reel"; payload: reel_id, out?, captions?, blur_faces?, height?."""
        reel_id = int(payload["reel_id"])
        out = payload.get("out") or self._home / "exports" / f"reel-{reel_id}.mp4"
        if not payload.get("out"):
            Path(out).parent.mkdir(parents=True, exist_ok=True)
        overrides = {k: payload[k] for k in ("captions", "blur_faces", "height")
                     if payload.get(k) is not None}
        return (yield from self.render_iter(reel_id, Path(out), cancel, **overrides))

    def private_copies(self, reel_id: int, item_ids: Sequence[int] | None = None,
                       cancel: CancelToken | None = None
                       ) -> Generator[Progress, None, dict[str, Any]]:
        """Render the clips (default: those the audience may see) as the presenter must show
        them, reusing cached copies; returns {"clips": [{"item_id", "path", "duration_s"}]}."""
        cancel = cancel or CancelToken()
        with session_scope(self._engine) as s:
            reel = reel_row(s, reel_id)
            if item_ids is None:
                item_ids = [i.id for i in self._view(s, reel).items if i.consent_ok]
            plans = clip_plans(s, reel, list(item_ids))
        out = []
        for n, (item_id, plan) in enumerate(plans):
            path = cache_path(self._home, plan)
            if not path.is_file():
                path.parent.mkdir(parents=True, exist_ok=True)
                yield Progress(n, len(plans), f"Preparing clip {n + 1} of {len(plans)}")
                result = yield from self.render_plan(plan, path, cancel)
                duration = result.duration_s
            else:
                duration = sum(c.duration_s for c in plan.clips)
            out.append({"item_id": item_id, "path": str(path), "duration_s": duration})
        yield Progress(len(plans), len(plans), "Ready to present")
        return {"clips": out}

    def present_job(self, payload: dict[str, Any], cancel: CancelToken,
                    job_id: int) -> Iterator[Progress]:
        """Job kind "prepare_presentation"; payload: reel_id, item_ids?."""
        ids = payload.get("item_ids")
        return (yield from self.private_copies(int(payload["reel_id"]),
                                               [int(i) for i in ids] if ids else None, cancel))

    def record_presentation(self, reel_id: int, item_ids: Sequence[int]) -> None:
        """Log that these clips of the reel were presented (to the reel's audience)."""
        if self._audit is None:
            return
        reel = self.get(reel_id)
        shown = [i for i in reel.items if i.id in set(item_ids)]
        with session_scope(self._engine) as s:
            customers = customers_of_interviews(s, [i.interview_id for i in shown])
        self._audit.record("presentation", audience=reel.audience, subject=reel.name,
                           customer_ids=customers, reel_id=reel_id, clips=len(shown))

    # --- helpers ---------------------------------------------------------------------------

    def _view(self, s: Session, reel: Reel) -> ReelView:
        options = ReelOptions.from_json(reel.options_json)
        names = customer_names(s)
        items = tuple(item_view(s, c, options, reel.audience, names)
                      for c in load_clips(s, int(reel.id)))  # type: ignore[arg-type]
        options = with_options(options, masked={i.id: list(i.masked) for i in items
                                                if i.masked})
        return ReelView(id=int(reel.id), name=reel.name, audience=reel.audience,  # type: ignore
                        title=reel.title, subtitle=reel.subtitle, end_text=reel.end_text,
                        options=options, items=items, duration_s=reel_duration(reel, list(items)))

    def _store_masks(self, s: Session, reel: Reel, options: ReelOptions) -> ReelOptions:
        """`options` with the masks of the clips whose chosen indexes changed stored as words;
        the other clips keep their stored masks (defaults stay defaults)."""
        stored = ReelOptions.from_json(reel.options_json)
        current = self._view(s, reel).options.masked
        out = with_options(options, masked=stored.masked, mask_words=stored.mask_words,
                           unmask_words=stored.unmask_words)
        names = customer_names(s)
        for c in load_clips(s, int(reel.id)):  # type: ignore[arg-type]
            want = sorted(set(options.masked.get(c.id, [])))
            if want != sorted(current.get(c.id, [])):
                words = clip_words(s, c.interview_id, c.start, c.end)
                out = choose(out, c.id, words, reel.audience, names, want)
        return out

    def _item_view(self, s: Session, reel: Reel, item_id: int) -> ReelItemView:
        options = ReelOptions.from_json(reel.options_json)
        clip = next(c for c in load_clips(s, int(reel.id)) if c.id == item_id)  # type: ignore
        return item_view(s, clip, options, reel.audience)

    @staticmethod
    def _item_ids(s: Session, reel_id: int) -> list[int]:
        return [int(i) for i in s.exec(select(ReelItem.id).where(ReelItem.reel_id == reel_id)
                                       .order_by(col(ReelItem.position)))]  # type: ignore

    def _add(self, s: Session, reel: Reel, *, highlight_id: int | None = None,
             interview_id: int | None = None, start: float | None = None,
             end: float | None = None, position: int | None = None) -> ReelItem:
        reel_id = int(reel.id)  # type: ignore[arg-type]
        exact_ok = False
        if highlight_id is not None:
            h = s.get(Highlight, highlight_id)
            if h is None:
                raise NotFoundError(f"Highlight {highlight_id} does not exist.")
            if interview_id is not None and interview_id != h.interview_id:
                raise ValidationError(f"Highlight {highlight_id} belongs to interview "
                                      f"{h.interview_id}, not {interview_id}.")
            interview_id = h.interview_id
            start = h.start if start is None else start
            end = h.end if end is None else end
            exact_ok = True  # a stub made before transcription keeps its raw range
        elif interview_id is None or start is None or end is None:
            raise ValidationError("A clip needs a highlight, or an interview with start and end.")
        assert start is not None and end is not None
        a, b = place_clip(s, reel_id, interview_id, start, end, snap=True, exact_ok=exact_ok)
        ids = self._item_ids(s, reel_id)
        item = ReelItem(reel_id=reel_id, position=len(ids), interview_id=interview_id,
                        highlight_id=highlight_id, start=a, end=b)
        s.add(item)
        s.flush()
        if position is not None and position < len(ids):
            ids.insert(max(0, int(position)), int(item.id))  # type: ignore[arg-type]
            renumber(s, ids)
        return item
