"""Turn a reel into the presenter's ad-hoc queue: each clip straight from its recording, or from
its private copy when privacy is on, with the touchpoint, the pain (problem zones, or the need)
and who said it for the card before it.

With privacy on (faces blurred or words masked for the audience) every clip plays from a copy
rendered exactly as a render for that audience shows it (see
`desktop_app.services.reels_present`); the card's quote shows masked words as "•••" and the
name is the lower third's (the alias when the reel uses aliases), never the customer's name.
"""

from __future__ import annotations

import math
from pathlib import Path

from desktop_app.domain.reels import ReelItemView, ReelView
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.container import Services
from desktop_app.services.reels_present import needs_private_copies
from desktop_app.ui.reels.presenter_parts import PresenterClip


def _private(reel: ReelView) -> bool:
    return needs_private_copies(reel) or reel.options.use_alias or reel.audience != "internal"


def _who(reel: ReelView, item: ReelItemView) -> str:
    if _private(reel):
        return item.lower_third[0] if item.lower_third else ""
    return item.customer


def presenter_clips(services: Services, reel: ReelView, language: str = "en",
                    copies: dict[int, str] | None = None) -> list[PresenterClip]:
    """The reel's clips in order; `copies` maps a clip id to its private copy (played whole
    instead of the recording's range)."""
    ids = [i.highlight_id for i in reel.items if i.highlight_id is not None]
    highlights = {h.id: h for h in services.tagging.list_by_ids(ids)} if ids else {}
    zones = {z.key: zone_display_name(z.name, z.name_ru, language)
             for z in services.library.zones()}
    out = []
    for item in reel.items:
        h = highlights.get(item.highlight_id) if item.highlight_id is not None else None
        pain = ""
        if h is not None:
            pain = " · ".join(zones.get(z, z) for z in h.zones) or h.need
        copy = (copies or {}).get(item.id)
        common = {"quote": item.shown_quote or item.quote, "customer": _who(reel, item),
                  "persona": item.persona,
                  "touchpoint": item.touchpoints[0] if item.touchpoints else "", "pain": pain}
        if copy is not None:
            out.append(PresenterClip(media_path=Path(copy), start=0.0, end=math.inf,
                                     has_video=True, **common))  # type: ignore[arg-type]
        else:
            out.append(PresenterClip(
                media_path=Path(item.media_path), start=item.start, end=item.end,
                has_video=item.has_video,
                picture_path=Path(item.picture_path) if item.picture_path else None,
                **common))  # type: ignore[arg-type]
    return out
