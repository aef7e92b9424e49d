"""Read side of reels: gather each clip's facts in one session, make views, words and ReelPlans.

Everything takes an open session. `build_plan` turns a stored reel into the render engine's
`ReelPlan` (captions from transcript words in source seconds, masked word indexes, lower
thirds, title/end cards) and stops with a clear error naming the interview and path when a
recording is missing. `run_with_progress` turns the engine's progress callback into the
Progress items a job generator yields.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop_app.domain.errors import NotFoundError, ValidationError
from desktop_app.domain.highlights import TimedWord, join_words
from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reel_plan import (
    CaptionWord,
    CardSpec,
    ClipSpec,
    ReelPlan,
    RenderOptions,
)
from desktop_app.domain.reels import (
    CARD_S,
    MIN_CLIP_S,
    ConsentView,
    ReelItemView,
    ReelOptions,
    consent_verdict,
    display_name,
    lower_third,
    overlaps,
)
from desktop_app.services.consent import latest_consents
from desktop_app.services.highlight_queries import transcript_words
from desktop_app.services.reels_masks import clip_masks, customer_names, shown_quote
from desktop_app.storage.tables import (
    Customer,
    Highlight,
    HighlightTouchpoint,
    Interview,
    MediaAsset,
    Persona,
    Reel,
    ReelItem,
    Touchpoint,
)

T = TypeVar("T")
ProgressFn = Callable[[Progress], None]
Render = Callable[[ReelPlan, Path, CancelToken, ProgressFn], Any]


@dataclass(frozen=True)
class ClipFacts:
    """One reel item with everything its view and its ClipSpec need."""

    id: int
    position: int
    interview_id: int
    interview_title: str
    highlight_id: int | None
    start: float
    end: float
    lower_third_text: str
    customer_id: int
    customer: str
    alias: str
    persona: str
    touchpoints: tuple[str, ...]
    recorded_at: datetime
    media_path: str
    has_video: bool
    picture_path: str
    duration_s: float | None
    highlight_quote: str
    consent: ConsentView | None

    @property
    def label(self) -> str:
        return f"clip {self.position + 1} ({self.customer}, interview {self.interview_id})"


def reel_row(s: Session, reel_id: int) -> Reel:
    reel = s.get(Reel, reel_id)
    if reel is None:
        raise NotFoundError(f"Reel {reel_id} does not exist.")
    return reel


def item_row(s: Session, item_id: int) -> ReelItem:
    item = s.get(ReelItem, item_id)
    if item is None:
        raise NotFoundError(f"Reel clip {item_id} does not exist.")
    return item


def clip_words(s: Session, interview_id: int, start: float, end: float) -> list[TimedWord]:
    """Transcript words that overlap [start, end) (what the clip's captions show)."""
    return [w for w in transcript_words(s, interview_id, start, end)
            if w.end > start and w.start < end]


def _touchpoints_by_highlight(s: Session, interview_ids: list[int]) -> dict[int, list[str]]:
    q = (select(HighlightTouchpoint.highlight_id, Touchpoint.name)
         .join(Touchpoint, col(Touchpoint.id) == HighlightTouchpoint.touchpoint_id)
         .join(Highlight, col(Highlight.id) == HighlightTouchpoint.highlight_id)
         .where(col(Highlight.interview_id).in_(interview_ids))
         .order_by(col(Touchpoint.position), col(Touchpoint.id)))
    out: dict[int, list[str]] = {}
    for hid, name in s.exec(q):
        out.setdefault(int(hid), []).append(name)
    return out


def load_clips(s: Session, reel_id: int) -> list[ClipFacts]:
    """The reel's clips in order with their interview, customer, media, tags and consent."""
    items = list(s.exec(select(ReelItem).where(ReelItem.reel_id == reel_id)
                        .order_by(col(ReelItem.position))))
    iids = list(dict.fromkeys(i.interview_id for i in items))
    consents = latest_consents(s, iids)
    tps = _touchpoints_by_highlight(s, iids) if iids else {}
    highlights = {h.id: h for h in s.exec(select(Highlight)
                                          .where(col(Highlight.interview_id).in_(iids)))}
    out: list[ClipFacts] = []
    for it in items:
        iv = s.get(Interview, it.interview_id)
        assert iv is not None
        cust = s.get(Customer, iv.customer_id)
        media = s.get(MediaAsset, iv.media_id) if iv.media_id is not None else None
        h = highlights.get(it.highlight_id) if it.highlight_id is not None else None
        persona_id = (h.persona_id if h is not None and h.persona_id else
                      (cust.persona_id if cust is not None else None))
        persona = s.get(Persona, persona_id) if persona_id is not None else None
        if h is not None:
            touch = tps.get(int(h.id), [])  # type: ignore[arg-type]
        else:  # a transcript selection: the tags of highlights it overlaps
            touch = [n for o in highlights.values() if o.interview_id == it.interview_id
                     and overlaps((o.start, o.end), (it.start, it.end))
                     for n in tps.get(int(o.id), [])]  # type: ignore[arg-type]
        out.append(ClipFacts(
            id=int(it.id), position=it.position, interview_id=it.interview_id,  # type: ignore
            interview_title=iv.title, highlight_id=it.highlight_id, start=it.start,
            end=it.end, lower_third_text=it.lower_third,
            customer_id=iv.customer_id, customer=cust.name if cust else "",
            alias=cust.alias if cust else "", persona=persona.name if persona else "",
            touchpoints=tuple(dict.fromkeys(touch)), recorded_at=iv.recorded_at,
            media_path=media.path if media else "", has_video=bool(media and media.has_video),
            picture_path=media.picture_path if media else "",
            duration_s=media.duration_s if media and media.duration_s > 0 else None,
            highlight_quote=h.quote if h is not None else "",
            consent=consents.get(it.interview_id)))
    return out


def clip_lower_third(c: ClipFacts, options: ReelOptions) -> tuple[str, ...]:
    if c.lower_third_text.strip():
        return tuple(x.strip() for x in c.lower_third_text.splitlines() if x.strip())
    name = display_name(c.customer, c.alias, c.customer_id, use_alias=options.use_alias)
    return lower_third(name, c.persona, c.touchpoints, c.recorded_at)


def item_view(s: Session, c: ClipFacts, options: ReelOptions, audience: str,
              names: list[str] | None = None) -> ReelItemView:
    words = clip_words(s, c.interview_id, c.start, c.end)
    ok, problem = consent_verdict(c.consent, audience)
    masks = clip_masks(options, c.id, words, audience,
                       names if names is not None else customer_names(s))
    return ReelItemView(
        id=c.id, position=c.position, interview_id=c.interview_id, highlight_id=c.highlight_id,
        start=c.start, end=c.end, quote=join_words(words) if words else c.highlight_quote,
        customer=c.customer, customer_alias=c.alias, persona=c.persona,
        touchpoints=c.touchpoints, recorded_at=c.recorded_at, has_video=c.has_video,
        media_path=c.media_path, picture_path=c.picture_path,
        lower_third=clip_lower_third(c, options), consent_ok=ok, consent_problem=problem,
        shown_quote=shown_quote(words, masks.indexes) if words else c.highlight_quote,
        masked=tuple(sorted(masks.indexes)),
        mask_warnings=tuple(masks.warnings(f"Clip {c.position + 1}")))


def reel_duration(reel: Reel, clips: list[ClipFacts] | list[ReelItemView]) -> float:
    cards = (CARD_S if reel.title.strip() else 0.0) + (CARD_S if reel.end_text.strip() else 0.0)
    return round(sum(c.end - c.start for c in clips) + cards, 3)


def reel_durations(s: Session) -> dict[int, float]:
    """Every reel's length in seconds (clips + cards), without loading its clips."""
    sums = dict(s.exec(select(ReelItem.reel_id, func.sum(col(ReelItem.end) - col(ReelItem.start)))
                       .group_by(col(ReelItem.reel_id))).all())
    out = {}
    for r in s.exec(select(Reel)):
        cards = CARD_S * (bool(r.title.strip()) + bool(r.end_text.strip()))
        out[int(r.id)] = round(float(sums.get(r.id) or 0.0) + cards, 3)  # type: ignore[arg-type]
    return out


def check_ranges(clips: list[ClipFacts]) -> None:
    """Zero-length clips and overlapping clips of one recording are refused."""
    for c in clips:
        if c.end - c.start < MIN_CLIP_S:
            raise ValidationError(f"Reel {c.label}: {c.start:.2f}-{c.end:.2f} s is too short "
                                  f"(at least {MIN_CLIP_S} s).")
    for i, a in enumerate(clips):
        for b in clips[i + 1:]:
            if a.interview_id == b.interview_id and overlaps((a.start, a.end), (b.start, b.end)):
                raise ValidationError(
                    f"Reel {a.label} and {b.label} overlap ({a.start:.1f}-{a.end:.1f} s and "
                    f"{b.start:.1f}-{b.end:.1f} s): a reel cannot show the same moment twice.")


def check_sources(clips: list[ClipFacts]) -> None:
    """Every clip needs its recording on disk (named with the interview when it is missing)."""
    for c in clips:
        if not c.media_path:
            raise ValidationError(f"Reel {c.label}: the interview has no recording.")
        path = Path(c.media_path)
        if not path.is_file():
            raise MediaError(path, f"the recording of interview {c.interview_id} "
                                   f"('{c.interview_title}', {c.customer}) is missing: expected "
                                   f"at {path}. Reconnect or re-import it, or remove its clips.")


def build_plan(s: Session, reel: Reel, options: ReelOptions, *, captions: str | None = None,
               blur_faces: bool | None = None, height: int | None = None,
               title_fallback: bool = False, audience: str | None = None,
               only: set[int] | None = None) -> tuple[ReelPlan, list[ClipFacts]]:
    """The engine's plan for a stored reel (checked: ranges, files), and its clips in order.

    Masks are those of `audience` (default: the reel's own); `only` keeps those clip ids."""
    clips = load_clips(s, int(reel.id))  # type: ignore[arg-type]
    if only is not None:
        clips = [c for c in clips if c.id in only]
    if not clips:
        raise ValidationError(f"Reel '{reel.name}' has no clips yet: add highlights first.")
    check_ranges(clips)
    check_sources(clips)
    specs = []
    names = customer_names(s)
    for c in clips:
        words = clip_words(s, c.interview_id, c.start, c.end)
        masks = clip_masks(options, c.id, words, audience or reel.audience, names)
        masked = masks.indexes
        specs.append(ClipSpec(
            source_path=Path(c.media_path), has_video=c.has_video,
            start_s=c.start, end_s=c.end,
            words=tuple(CaptionWord(w.start, w.end, w.word) for w in words),
            lower_third=clip_lower_third(c, options), masked_words=frozenset(masked),
            picture_path=Path(c.picture_path) if c.picture_path else None,
            masked_ranges=masks.ranges))
    render = RenderOptions(
        height=height if height is not None else options.height,
        captions=captions if captions is not None else options.captions,  # type: ignore
        blur_faces=blur_faces if blur_faces is not None else options.blur_faces,
        loudness_normalize=options.loudness_normalize)
    title = reel.title.strip() or (reel.name.strip() if title_fallback else "")
    plan = ReelPlan(
        clips=tuple(specs),
        title_card=CardSpec(title, reel.subtitle.strip(), CARD_S) if title else None,
        end_card=CardSpec(reel.end_text.strip(), "", CARD_S) if reel.end_text.strip() else None,
        options=render)
    return plan, clips


class _LinkedToken(CancelToken):
    """Cancelled by the job's token, or by the bridge when its generator is closed early."""

    def __init__(self, outer: CancelToken) -> None:
        super().__init__()
        self._outer = outer

    @property
    def cancelled(self) -> bool:
        return super().cancelled or self._outer.cancelled


_DONE = object()


def run_with_progress(work: Callable[[CancelToken, ProgressFn], T],
                      cancel: CancelToken) -> Generator[Progress, None, T]:
    """Run `work(token, progress)` on a worker thread, yielding its Progress as it comes.

    Closing the generator early (the job was cancelled) cancels the work and waits for it, so
    no render outlives its job. The work's exception (JobCancelled included) is re-raised.
    """
    inbox: queue.Queue[Any] = queue.Queue()
    token = _LinkedToken(cancel)
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["result"] = work(token, inbox.put)
        except BaseException as exc:  # handed to the job's thread below
            box["error"] = exc
        finally:
            inbox.put(_DONE)

    worker = threading.Thread(target=run, name="closer-render", daemon=True)
    worker.start()
    try:
        while (item := inbox.get()) is not _DONE:
            yield item
    finally:
        if worker.is_alive():
            token.cancel("closed")
            worker.join()
    if "error" in box:
        raise box["error"]
    return box["result"]  # type: ignore[no-any-return]
