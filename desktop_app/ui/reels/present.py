"""Turn a reel into the presenter's ad-hoc queue: each clip straight from its recording, with
the touchpoint, the pain (problem zones, or the need) and who said it for the card before it."""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.reels import ReelView
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.container import Services
from desktop_app.ui.reels.presenter_parts import PresenterClip


def presenter_clips(services: Services, reel: ReelView, language: str = "en"
                    ) -> list[PresenterClip]:
    """The reel's clips in order; names follow the reel's alias option."""
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
        who = item.lower_third[0] if reel.options.use_alias and item.lower_third \
            else item.customer
        out.append(PresenterClip(
            media_path=Path(item.media_path), start=item.start, end=item.end,
            has_video=item.has_video,
            picture_path=Path(item.picture_path) if item.picture_path else None,
            quote=item.quote, customer=who, persona=item.persona,
            touchpoint=item.touchpoints[0] if item.touchpoints else "", pain=pain))
    return out
