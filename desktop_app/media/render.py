"""Render a highlight reel (`ReelPlan`) to an MP4 that plays everywhere: H.264 + AAC, faststart.

The file is written under a hidden temporary name beside the target and renamed only when it
is complete; on cancel or any error (a full disk included) the partial file is deleted. Caption
sidecars (.srt, .vtt) are written next to the reel whenever captions are on. Pictures are
re-encoded frame-exactly; with `smart` on (and captions not burnt, faces not blurred), whole
GOPs of H.264 sources are copied untouched and only the partial GOPs at cuts are re-encoded
(`render_smart`).
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from fractions import Fraction
from glob import escape as glob_escape
from pathlib import Path

import av
import av.container
import av.error
import av.stream

from desktop_app.domain.errors import JobCancelled
from desktop_app.domain.media import MediaError
from desktop_app.domain.progress import CancelToken, Progress
from desktop_app.domain.reel_plan import (
    ReelPlan,
    RenderResult,
    TimelineEntry,
    bleep_ranges,
    build_timeline,
    placements,
    reel_cues,
    srt_text,
    vtt_text,
)
from desktop_app.media.faces import face_detector_name
from desktop_app.media.probe import first_audio_stream, open_media
from desktop_app.media.render_audio import SAMPLE_RATE, AudioEncoder, clip_audio
from desktop_app.media.render_output import (
    Reel,
    SubtitleWriter,
    card_frames,
    check_writable,
    entry_frames,
)
from desktop_app.media.render_smart import SmartVideo, plan_smart
from desktop_app.media.render_video import (
    SourceVideo,
    add_video_stream,
    snap_to_frame,
    source_video,
)

_DEFAULT_FPS = Fraction(30)


class _EitherToken(CancelToken):
    """Cancelled when the user cancels or when the render thread gives up (for the worker)."""

    def __init__(self, user: CancelToken | None) -> None:
        super().__init__()
        self._user = user

    @property
    def cancelled(self) -> bool:
        return super().cancelled or (self._user is not None and self._user.cancelled)

    def raise_if_cancelled(self, what: object = None) -> None:
        if self.cancelled:
            raise JobCancelled(what)


class _Ticker:
    """Checks the cancel token and reports progress in output seconds."""

    def __init__(
        self,
        what: Path,
        total_s: float,
        cancel: CancelToken | None,
        progress: Callable[[Progress], None] | None,
    ) -> None:
        self.what, self.total_s = what, total_s
        self.cancel, self.progress = cancel, progress
        self.message = "Rendering"
        self._calls = 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel.cancelled:
            raise JobCancelled(self.what)

    def done(self, seconds: float, *, force: bool = False) -> None:
        self._calls += 1
        if self.progress is not None and (force or self._calls % 8 == 0):
            self.progress(Progress(min(seconds, self.total_s), self.total_s, self.message))


def render_reel(
    plan: ReelPlan,
    out_path: Path,
    *,
    cancel: CancelToken | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> RenderResult:
    """Render `plan` to `out_path` (.mp4); raise MediaError or JobCancelled, leaving no file."""
    out_path = Path(out_path)
    check_writable(out_path)
    opts = plan.options
    if opts.blur_faces:
        face_detector_name()  # no detector: stop now, never render faces unblurred
    _refuse_overwriting_a_source(plan, out_path)
    videos = _probe_sources(plan)
    fps = _output_fps([v for v in videos.values() if v is not None])
    durations = {p: _duration(p) for p in {Path(c.source_path) for c in plan.clips}}
    starts, lengths = [], []
    for clip in plan.clips:
        path = Path(clip.source_path)
        src = videos[path]
        start = snap_to_frame(clip.start_s, src.fps if src else fps)
        end = min(clip.end_s, durations[path] or clip.end_s)  # a recording may end early
        if end - start < 0.05:
            raise MediaError(path, f"the clip starts at {clip.start_s:.1f} s, at or after "
                             f"the end of the recording ({durations[path]:.1f} s)")
        starts.append(start)
        lengths.append(end - start)
    entries = build_timeline(plan, fps, starts, lengths)
    places = placements(entries, fps)
    cues = reel_cues(plan, places) if opts.captions != "none" else []
    total_frames = entries[-1].first_frame + entries[-1].frames
    total_s = float(total_frames / fps)
    reel = Reel(plan=plan, fps=fps, width=opts.width, height=opts.height, videos=videos,
                cues=cues, entries=entries)
    ticker = _Ticker(out_path, total_s, cancel, progress)
    token = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
    remove_stale_partials(out_path)
    temp = out_path.with_name(f".{out_path.name}.{token}.partial")
    side_paths: list[tuple[Path, Path]] = []
    copied_s = 0.0
    try:
        smart = plan_smart(reel) if _smart_allowed(plan) else None
        with av.open(os.fspath(temp), "w", format="mp4",
                     options={"movflags": "+faststart"}) as container:
            copied_s = _write(container, reel, smart, ticker)
        if opts.captions != "none":
            side_paths = _write_sidecars(out_path, token, cues)
        ticker.check()
        os.replace(temp, out_path)
        for tmp, final in side_paths:
            os.replace(tmp, final)
    except BaseException as exc:
        with suppress(OSError):
            temp.unlink()
        for tmp, _ in side_paths:
            with suppress(OSError):
                tmp.unlink()
        error = _user_error(exc, out_path)
        if error is exc:
            raise
        raise error from exc
    ticker.done(total_s, force=True)
    return RenderResult(
        path=out_path,
        duration_s=total_s,
        width=opts.width,
        height=opts.height,
        video_codec="h264",
        audio_codec="aac",
        clips=places,
        subtitle_codec="mov_text" if opts.captions == "soft" and cues else None,
        sidecars=tuple(final for _, final in side_paths),
        copied_s=copied_s,
    )


def _smart_allowed(plan: ReelPlan) -> bool:
    opts = plan.options
    return opts.smart and opts.captions != "burn" and not opts.blur_faces


def _refuse_overwriting_a_source(plan: ReelPlan, out_path: Path) -> None:
    target = out_path.resolve()
    for clip in plan.clips:
        if Path(clip.source_path).resolve() == target:
            raise MediaError(out_path, "is one of the reel's recordings; originals are never "
                             "overwritten, choose another file name")


def _probe_sources(plan: ReelPlan) -> dict[Path, SourceVideo | None]:
    videos: dict[Path, SourceVideo | None] = {}
    for clip in plan.clips:
        path = Path(clip.source_path)
        if path not in videos:
            videos[path] = source_video(path) if clip.has_video else None
        if clip.has_video and videos[path] is None:
            raise MediaError(path, "has no video picture, but the clip expects one")
    return videos


def _channels(reel: Reel) -> int:
    """1 when every recording is mono (or silent), else 2."""
    most = 1
    for path in {Path(c.source_path) for c in reel.plan.clips}:
        with open_media(path) as container:
            stream = first_audio_stream(container)
            if stream is not None:
                most = max(most, stream.codec_context.channels or 1)
    return min(most, 2)


def _duration(path: Path) -> float | None:
    """The recording's stated length in seconds (None when the file does not say)."""
    with open_media(path) as container:
        if container.duration:
            return container.duration / av.time_base
        lengths = [float(s.duration * s.time_base) for s in container.streams
                   if s.duration and s.time_base]
        return max(lengths) if lengths else None


def _output_fps(videos: list[SourceVideo]) -> Fraction:
    rates = {v.fps for v in videos}
    if len(rates) == 1:
        rate = rates.pop()
        if 10 <= rate <= 60:
            return rate
    return _DEFAULT_FPS


def _write(
    container: av.container.OutputContainer,
    reel: Reel,
    smart: SmartVideo | None,
    ticker: _Ticker,
) -> float:
    """Encode every timeline entry into `container`; returns seconds of copied picture.

    Sound is cut, normalised and AAC-encoded on a worker thread (FFmpeg and numpy release the
    GIL) while this thread decodes, draws and encodes pictures; only this thread muxes.
    """
    opts = reel.plan.options
    if smart is not None:
        vstream = smart.start(container)
    else:
        vstream = add_video_stream(container, reel.fps, reel.width, reel.height)
    audio = AudioEncoder(container, _channels(reel))
    subs = SubtitleWriter(container, reel.cues) if opts.captions == "soft" and reel.cues else None
    abort = _EitherToken(ticker.cancel)  # also stops the worker when this thread fails
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="reel-audio") as pool:
        sounds = [pool.submit(_entry_audio, audio, reel, e, abort) for e in reel.entries]
        try:
            for entry, sound in zip(reel.entries, sounds, strict=True):
                ticker.message = _message(reel, entry)
                container.mux(sound.result())
                if subs is not None:
                    subs.write_until(float((entry.first_frame + entry.frames) / reel.fps))
                _write_pictures(container, vstream, reel, entry, smart, ticker)
            container.mux(pool.submit(audio.flush).result())
        except BaseException:
            abort.cancel("error")
            for sound in sounds:
                sound.cancel()
            raise
    if smart is not None:
        smart.finish()
    else:
        container.mux(vstream.encode(None))
    if subs is not None:
        subs.write_until(float("inf"))
    return smart.copied_s if smart is not None else 0.0


def _write_pictures(
    container: av.container.OutputContainer,
    vstream: av.stream.Stream,
    reel: Reel,
    entry: TimelineEntry,
    smart: SmartVideo | None,
    ticker: _Ticker,
) -> None:
    if smart is not None and entry.kind == "clip" and smart.covers(entry):
        smart.write_clip(entry, ticker.check, lambda k: ticker.done(float(k / reel.fps)))
        return
    if entry.kind == "clip":
        frames = entry_frames(reel, entry, ticker.check)
    else:
        frames = card_frames(reel, entry)
    for k, frame in enumerate(frames, start=entry.first_frame):
        ticker.check()
        if smart is not None:
            smart.encode(frame, k)
        else:
            frame.pts = k
            frame.time_base = 1 / reel.fps
            container.mux(vstream.encode(frame))
        ticker.done(float(k / reel.fps))


def _message(reel: Reel, entry: TimelineEntry) -> str:
    if entry.kind == "title":
        return "Rendering the title card"
    if entry.kind == "end":
        return "Rendering the end card"
    number = (entry.clip or 0) + 1
    return f"Rendering clip {number} of {len(reel.plan.clips)}"


def _entry_audio(
    audio: AudioEncoder, reel: Reel, entry: TimelineEntry, cancel: CancelToken
) -> list[av.Packet]:
    """The encoded sound of one timeline entry (silence for cards). Runs on the worker."""
    cancel.raise_if_cancelled(entry)
    first = round(entry.first_frame * SAMPLE_RATE / reel.fps)
    last = round((entry.first_frame + entry.frames) * SAMPLE_RATE / reel.fps)
    samples = last - first
    if entry.kind != "clip" or entry.clip is None:
        return audio.silence(samples)
    clip = reel.plan.clips[entry.clip]
    opts = reel.plan.options
    sound = clip_audio(
        Path(clip.source_path),
        entry.source_start,
        samples,
        bleeps=bleep_ranges(clip),
        normalize=opts.loudness_normalize,
        fade_ms=opts.fade_ms,
        cancel=cancel,
        channels=audio.channels,
    )
    return audio.encode(sound)


def remove_stale_partials(out_path: Path) -> list[Path]:
    """Delete hidden `.NAME.PID-TOKEN.partial` files (reel and captions) of dead renders.

    A render killed with kill -9 cannot clean up after itself; the next render to the same
    name does. Files of a render still running in a live process are left alone.
    """
    removed = []
    for name in (out_path.name, *(out_path.with_suffix(s).name for s in (".srt", ".vtt"))):
        for stale in out_path.parent.glob(f".{glob_escape(name)}.*.partial"):
            pid = stale.name[len(name) + 2 :].split("-", 1)[0]
            if pid.isdigit() and _alive(int(pid)):
                continue
            with suppress(OSError):
                stale.unlink()
                removed.append(stale)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # Windows: os.kill(pid, 0) would send Ctrl-C
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _write_sidecars(out_path: Path, token: str, cues: list) -> list[tuple[Path, Path]]:
    pairs = []
    for suffix, text in ((".srt", srt_text(cues)), (".vtt", vtt_text(cues))):
        final = out_path.with_suffix(suffix)
        tmp = final.with_name(f".{final.name}.{token}.partial")
        tmp.write_text(text, encoding="utf-8")
        pairs.append((tmp, final))
    return pairs


def _user_error(exc: BaseException, out_path: Path) -> BaseException:
    """The error to show for `exc`: disk full and write failures become MediaError."""
    if isinstance(exc, (MediaError, JobCancelled, KeyboardInterrupt, SystemExit)):
        return exc
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC:
        return MediaError(out_path, "the disk is full; the unfinished reel was deleted")
    if code == errno.EFBIG:
        return MediaError(out_path, "the file grew too large for this disk; nothing was kept")
    if isinstance(exc, (OSError, av.error.FFmpegError)):
        return MediaError(out_path, f"rendering failed ({exc}); nothing was kept")
    return exc
