"""Recording time: one monotonic clock with pause, constant-rate video slots, audio placement.

Every frame and audio chunk is stamped with `RecordingClock.active()` when it arrives: seconds of
recording, paused spans excluded. Video frames are put on a constant frame-rate grid (a frame is
repeated to fill empty slots, extra frames in one slot are dropped); each audio track is a
continuous run of samples kept within a tolerance of the clock by inserting silence or dropping
samples, so audio and video stay in sync without relying on device clocks.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


class RecordingClock:
    """Seconds of recording since `start()`, not counting paused spans (thread-safe)."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._t0: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def start(self) -> None:
        with self._lock:
            self._t0 = self._now()
            self._paused_at = None
            self._paused_total = 0.0

    @property
    def running(self) -> bool:
        return self._t0 is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        with self._lock:
            if self._t0 is not None and self._paused_at is None:
                self._paused_at = self._now()

    def resume(self) -> None:
        with self._lock:
            if self._paused_at is not None:
                self._paused_total += self._now() - self._paused_at
                self._paused_at = None

    def active(self) -> float:
        """Active seconds now (frozen while paused; 0 before start)."""
        return self.active_at(self._now())

    def active_at(self, t: float) -> float:
        """Active seconds at monotonic time `t` (a capture time-stamp from the same clock)."""
        with self._lock:
            if self._t0 is None:
                return 0.0
            end = t if self._paused_at is None else min(t, self._paused_at)
            return max(0.0, end - self._t0 - self._paused_total)


class SourceClock:
    """Map a source's own frame timestamps onto the monotonic clock, without arrival jitter.

    A frame reaches us some latency after its timestamp; the smallest latency seen over the last
    `window` frames is taken as the true one, so a frame delivered late still lands at its own
    time. Sources without timestamps (or whose timestamps jump) fall back to the arrival time.
    """

    def __init__(self, window: int = 90, max_jump_s: float = 1.0, max_lag_s: float = 0.3) -> None:
        self._offsets: deque[float] = deque(maxlen=window)
        self._max_jump = max_jump_s
        self._max_lag = max_lag_s
        self._last_ts: float | None = None

    def stamp(self, source_ts: float | None, arrival: float) -> float:
        """Monotonic time of a frame with timestamp `source_ts` (seconds) that arrived now."""
        if source_ts is None or source_ts < 0:
            return arrival
        offset = arrival - source_ts
        jumped = self._last_ts is not None and not (
            0 <= source_ts - self._last_ts <= self._max_jump
        )
        if jumped or (self._offsets and offset < min(self._offsets) - self._max_jump):
            self._offsets.clear()  # the source restarted or its clock jumped
        self._last_ts = source_ts
        self._offsets.append(offset)
        stamp = source_ts + min(self._offsets)
        if arrival - stamp > self._max_lag:  # the source's clock runs slow: trust arrival
            self._offsets.clear()
            self._offsets.append(offset)
            return arrival
        return min(arrival, stamp)


@dataclass
class _Pending(Generic[T]):
    item: T
    slot: int


class FramePacer(Generic[T]):
    """Turn frames arriving at any rate into exactly one frame per slot of a constant-rate grid.

    A frame is held until the next one arrives (or the clock moves on) and then written for every
    slot it covers; two frames in the same slot keep the later one. The first frame also covers
    the slots before it, so video starts at 0 like the audio.
    """

    def __init__(self, fps: int) -> None:
        self.fps = fps
        self.next_slot = 0  # first slot not yet written
        self._pending: _Pending[T] | None = None

    @property
    def current(self) -> T | None:
        return self._pending.item if self._pending else None

    def offer(self, item: T, t: float) -> list[tuple[T, int]]:
        """A new frame at active time `t`: return (frame, slot) pairs that are now final."""
        slot = max(0, round(t * self.fps))
        out = self._emit_until(slot)
        self._pending = _Pending(item, max(slot, self.next_slot))
        return out

    def replace(self, item: T) -> None:
        """Swap the held frame (e.g. for a black frame once the camera is gone)."""
        if self._pending is not None:
            self._pending.item = item

    def fill_until(self, t: float) -> list[tuple[T, int]]:
        """Repeat the held frame for slots that ended before `t` (no new frame came)."""
        return self._emit_until(max(0, math.floor(t * self.fps)))

    def finish(self, t_end: float) -> list[tuple[T, int]]:
        """Write the held frame up to the end of the recording at `t_end`."""
        out = self._emit_until(max(self.next_slot + 1, round(t_end * self.fps)))
        self._pending = None
        return out

    def _emit_until(self, slot: int) -> list[tuple[T, int]]:
        if self._pending is None or slot <= self.next_slot:
            return []
        out = [(self._pending.item, i) for i in range(self.next_slot, slot)]
        self.next_slot = slot
        return out


@dataclass(frozen=True)
class Placement:
    """Where an audio chunk goes: `silence` samples first, then the chunk less `skip` samples."""

    silence: int
    skip: int


class AudioPlacer:
    """Keep one audio track's sample count within `tolerance_s` of the recording clock."""

    def __init__(self, rate: int, tolerance_s: float = 0.12) -> None:
        self.rate = rate
        self.tolerance = round(tolerance_s * rate)
        self.written = 0  # samples on the track so far

    def place(self, samples: int, t_end: float) -> Placement:
        """A chunk of `samples` that ended at active time `t_end`; call `advance` after writing."""
        start = round(t_end * self.rate) - samples
        drift = start - self.written
        if self.written == 0 and drift > 0:
            return Placement(silence=drift, skip=0)  # the track starts at 0 like the video
        if drift > self.tolerance:
            return Placement(silence=drift, skip=0)  # a dropout: fill it with silence
        if drift < -self.tolerance:
            return Placement(silence=0, skip=min(samples, -drift))  # running ahead: drop
        return Placement(silence=0, skip=0)

    def advance(self, samples: int) -> None:
        self.written += samples

    def missing_until(self, t_end: float) -> int:
        """Silence needed so the track reaches `t_end` (at stop, or after a lost device)."""
        return max(0, round(t_end * self.rate) - self.written)
