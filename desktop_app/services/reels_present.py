"""What the presenter plays when privacy is on: each clip rendered exactly as a render for the
reel's audience shows it (faces blurred, masked words bleeped and shown as "•••", aliases in
the lower third), cached under the library's cache folder by what went into it.

A reel needs these private copies when it blurs faces or masks any word for its audience; the
raw recording is played only when neither applies. `needs_private_copies` is the rule,
`clip_plans` the single-clip plans (no title/end cards; captions burned in unless they are
off, since nobody can switch a subtitle track on at a staff meeting).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from sqlmodel import Session

from desktop_app.domain.reel_plan import ReelPlan
from desktop_app.domain.reels import ReelOptions, ReelView
from desktop_app.services.reels_plan import build_plan
from desktop_app.storage.tables import Reel

CACHE_DIR = ("cache", "presenter")


def needs_private_copies(reel: ReelView) -> bool:
    """True when playing the raw recordings would show more than a render for the audience."""
    return reel.options.blur_faces or any(i.masked for i in reel.items)


def cache_folder(home: Path) -> Path:
    return Path(home).joinpath(*CACHE_DIR)


def cache_path(home: Path, plan: ReelPlan) -> Path:
    """Where the private copy of a single-clip plan lives: named by everything in the plan
    (and the source file's size and time), so any change renders a new copy."""
    clip = plan.clips[0]
    source = Path(clip.source_path)
    stat = source.stat() if source.is_file() else None
    key = repr((plan, stat.st_size if stat else 0, stat.st_mtime_ns if stat else 0))
    return cache_folder(home) / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}.mp4"


def clip_plans(s: Session, reel: Reel, item_ids: list[int]) -> list[tuple[int, ReelPlan]]:
    """(item id, single-clip plan) for these clips, in reel order, as the audience sees them."""
    options = ReelOptions.from_json(reel.options_json)
    captions = "none" if options.captions == "none" else "burn"
    out = []
    for item_id in item_ids:
        plan, clips = build_plan(s, reel, options, captions=captions, only={item_id})
        out.append((clips[0].id, replace(plan, title_card=None, end_card=None)))
    return out
