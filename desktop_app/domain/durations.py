"""One way to write a length of time as a clock ("0:27", "1:02:03"), used by the player, reel
lists, the recorder and exported pages alike, so one recording never shows two lengths.

Whole seconds are counted down (27.6 s is 0:27), as a player's position counter does: a clip
never claims a second it does not reach.
"""

from __future__ import annotations

import math


def clock(seconds: float) -> str:
    """`m:ss`, or `h:mm:ss` from an hour on; negative and NaN read as 0:00."""
    total = int(math.floor(seconds)) if seconds > 0 and math.isfinite(seconds) else 0
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
