"""Smart rendering: copy whole GOPs of an H.264 source, re-encode only the partial GOPs at cuts.

Eligible sources are H.264 in MP4/MOV with yuv420p pictures of exactly the reel's size and
frame rate, constant frame rate, and closed GOPs that start with IDR frames. The output track
keeps those sources' parameter sets (so copied packets decode as they are) and adds the
re-encoder's under another id; every re-encoded run of frames (partial GOPs, cards, other
clips) starts with its own IDR picture. Timestamps are rebuilt on the output frame grid: pts is
the output frame index, dts the decode counter minus the largest reorder delay, so both kinds
of packets interleave monotonically. Sources that do not qualify are simply re-encoded.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av
import av.container
import av.error
import av.stream

from desktop_app.domain.media import MediaError
from desktop_app.domain.reel_plan import LOWER_THIRD_S, TimelineEntry
from desktop_app.media.h264_params import (
    NAL_PPS,
    NAL_SPS,
    AvcConfig,
    annexb_units,
    is_idr,
    length_prefixed,
)
from desktop_app.media.probe import first_video_stream, open_media
from desktop_app.media.render_output import Reel
from desktop_app.media.render_video import (
    X264_CRF,
    X264_PRESET,
    SourceVideo,
    clip_frames,
    decorate,
)

_PROFILES = {66: "baseline", 77: "main", 100: "high"}


@dataclass
class _Gop:
    start: int  # display index of its IDR frame
    frames: int
    packets: int
    delay: int  # how far decode order runs ahead of display order inside it


@dataclass
class _Index:
    """Where a source's closed GOPs are, in its own frame indexes."""

    path: Path
    avcc: bytes
    time_base: Fraction
    origin: Fraction  # container start time, seconds: source frame 0 is shown there
    gops: list[_Gop]


def _index_source(path: Path, fps: Fraction) -> _Index | None:
    """Scan packets (no decoding) for IDR-started closed GOPs on a constant frame grid."""
    with open_media(path) as container:
        stream = first_video_stream(container)
        if stream is None:
            return None
        avcc = stream.codec_context.extradata or b""
        if not avcc or avcc[0] != 1:
            return None
        nal_length = (avcc[4] & 3) + 1
        tb = stream.time_base
        origin = Fraction(container.start_time or 0, av.time_base)
        packets: list[tuple[int, bool]] = []  # (display index, idr) in decode order
        try:
            for packet in container.demux(stream):
                if packet.pts is None:
                    if packet.size:
                        return None
                    continue
                at = (packet.pts * tb - origin) * fps
                index = round(at)
                if abs(at - index) > 0.05:
                    return None  # not on a constant frame grid
                packets.append((index, packet.is_keyframe and is_idr(bytes(packet), nal_length)))
        except av.error.FFmpegError:
            return None
    if not packets:
        return None
    return _Index(Path(path), bytes(avcc), tb, origin, _gops(packets))


def _gops(packets: list[tuple[int, bool]]) -> list[_Gop]:
    """Closed GOPs: runs from one IDR packet to the next whose frames stay inside the run."""
    starts = [i for i, (_, idr) in enumerate(packets) if idr] + [len(packets)]
    gops = []
    for a, b in zip(starts, starts[1:], strict=False):
        shown = sorted(p for p, _ in packets[a:b])
        first = packets[a][0]
        if shown != list(range(first, first + (b - a))):
            continue  # open or irregular GOP: never copied
        delay = max(i - (p - first) for i, (p, _) in enumerate(packets[a:b]))
        gops.append(_Gop(first, b - a, b - a, delay))
    return gops


@dataclass
class SmartVideo:
    """Writes the reel's picture track, copying GOPs where it can.

    Call `start` once, then `encode` frame by frame for re-encoded pictures and `write_clip`
    for clips that `covers` says can copy GOPs, then `finish`.
    """

    reel: Reel = field(repr=False)
    config: AvcConfig
    template_path: Path
    indexes: dict[Path, _Index]
    options: dict[str, str]
    delay: int  # dts = decode counter - delay keeps dts <= pts for every copied GOP
    copied_frames: int = 0
    _encoder: av.codec.context.CodecContext | None = None
    _decoded: int = 0  # packets written so far (the decode counter)
    _container: av.container.OutputContainer | None = field(default=None, repr=False)
    _stream: av.stream.Stream | None = field(default=None, repr=False)

    @property
    def fps(self) -> Fraction:
        return self.reel.fps

    @property
    def copied_s(self) -> float:
        return float(self.copied_frames / self.fps)

    def start(self, container: av.container.OutputContainer) -> av.stream.Stream:
        """Add the picture track (the sources' parameter sets plus ours) to `container`."""
        with open_media(self.template_path) as src:
            template = first_video_stream(src)
            assert template is not None
            stream = container.add_stream_from_template(template, opaque=True)
        stream.codec_context.extradata = self.config.build()
        self._container, self._stream = container, stream
        return stream

    def covers(self, entry: TimelineEntry) -> bool:
        return entry.clip is not None and self._copy_range(entry) is not None

    def _copy_range(self, entry: TimelineEntry) -> tuple[_Index, int, list[_Gop]] | None:
        """(source index, first source frame, GOPs copied whole) or None."""
        assert entry.clip is not None
        clip = self.reel.plan.clips[entry.clip]
        index = self.indexes.get(Path(clip.source_path))
        if index is None:
            return None
        first = round(Fraction(entry.source_start) * self.fps)
        # the lower third is drawn on a clip's first seconds: those frames are re-encoded
        protect = math.ceil(LOWER_THIRD_S * self.fps) if clip.lower_third else 0
        lo, hi = first + protect, first + entry.frames
        gops = _contiguous([g for g in index.gops if g.start >= lo and g.start + g.frames <= hi])
        return (index, first, gops) if gops else None

    def encode(self, frame: av.VideoFrame, k: int) -> None:
        """Re-encode output frame `k` (a new run, starting with an IDR, if none is open)."""
        if self._encoder is None:
            self._encoder = self._new_encoder()
        frame.pts = k
        frame.time_base = 1 / self.fps
        for packet in self._encoder.encode(frame):
            self._mux_encoded(packet)

    def _new_encoder(self) -> av.codec.context.CodecContext:
        ctx = av.CodecContext.create("libx264", "w")
        ctx.width, ctx.height, ctx.pix_fmt = self.reel.width, self.reel.height, "yuv420p"
        ctx.time_base = 1 / self.fps
        ctx.framerate = self.fps
        ctx.flags |= av.codec.context.Flags.global_header  # parameter sets out of band
        ctx.options = dict(self.options)
        ctx.open()
        return ctx

    def _mux_encoded(self, packet: av.Packet) -> None:
        units = [u for u in annexb_units(bytes(packet)) if u[0] & 0x1F not in (NAL_SPS, NAL_PPS)]
        out = av.Packet(length_prefixed(units, self.config.nal_length))
        self._mux(out, packet.pts, packet.is_keyframe)

    def _mux(self, packet: av.Packet, pts: int, key: bool) -> None:
        assert self._container is not None and self._stream is not None
        packet.stream = self._stream
        packet.time_base = 1 / self.fps
        packet.pts = pts
        packet.dts = self._decoded - self.delay
        packet.duration = 1
        packet.is_keyframe = key
        self._decoded += 1
        self._container.mux(packet)

    def flush(self) -> None:
        """End the open re-encoded run, if any."""
        if self._encoder is None:
            return
        for packet in self._encoder.encode(None):
            self._mux_encoded(packet)
        self._encoder = None

    def finish(self) -> None:
        self.flush()

    def write_clip(
        self, entry: TimelineEntry, check: Callable[[], None], done: Callable[[int], None]
    ) -> None:
        """Write one clip: re-encoded head, copied GOPs, re-encoded tail."""
        found = self._copy_range(entry)
        assert found is not None and entry.clip is not None
        index, first, gops = found
        src = self.reel.videos[index.path]
        assert src is not None
        copy_from, copy_to = gops[0].start, gops[-1].start + gops[-1].frames
        out0 = entry.first_frame
        self._reencode(src, first, copy_from - first, out0, check, done)
        self.flush()
        self._copy(index, gops, out0 + (copy_from - first), check, done)
        self._reencode(src, copy_to, first + entry.frames - copy_to, out0 + (copy_to - first),
                       check, done)

    def _reencode(
        self,
        src: SourceVideo,
        source_first: int,
        frames: int,
        out_first: int,
        check: Callable[[], None],
        done: Callable[[int], None],
    ) -> None:
        if frames <= 0:
            return
        start_s = float(source_first / self.fps)
        pics = clip_frames(src, start_s, frames, self.fps, self.reel.width, self.reel.height,
                           check)
        for k, frame in enumerate(pics, start=out_first):
            overlays = self.reel.overlays.active(float(k / self.fps))
            self.encode(decorate(frame, overlays, None), k)
            done(k)

    def _copy(
        self,
        index: _Index,
        gops: list[_Gop],
        out_first: int,
        check: Callable[[], None],
        done: Callable[[int], None],
    ) -> None:
        """Mux the GOPs' packets as they are, restamped onto the output frame grid."""
        first_frame = gops[0].start
        wanted = sum(g.packets for g in gops)
        written = 0
        with open_media(index.path) as src:
            vs = first_video_stream(src)
            assert vs is not None
            target = int((index.origin + first_frame / self.fps) / index.time_base)
            src.seek(target, stream=vs, backward=True)
            started = False
            for packet in src.demux(vs):
                check()
                if packet.pts is None:
                    continue
                shown = round((packet.pts * index.time_base - index.origin) * self.fps)
                if not started:
                    if shown != first_frame or not packet.is_keyframe:
                        continue
                    started = True
                self._mux(packet, out_first + shown - first_frame, packet.is_keyframe)
                written += 1
                done(out_first + shown - first_frame)
                if written == wanted:
                    break
        if written != wanted:
            raise MediaError(index.path, "the video changed while it was being copied")
        self.copied_frames += sum(g.frames for g in gops)


def _contiguous(gops: list[_Gop]) -> list[_Gop]:
    """The longest run of back-to-back GOPs (copying needs one unbroken stretch)."""
    best: list[_Gop] = []
    run: list[_Gop] = []
    for g in gops:
        if run and run[-1].start + run[-1].frames != g.start:
            run = []
        run.append(g)
        if sum(x.frames for x in run) > sum(x.frames for x in best):
            best = list(run)
    return best


def plan_smart(reel: Reel) -> SmartVideo | None:
    """A SmartVideo when some clip can copy at least one whole GOP, else None."""
    indexes: dict[Path, _Index] = {}
    configs: dict[bytes, list[Path]] = {}
    for path, src in reel.videos.items():
        if src is None or src.codec != "h264" or src.pix_fmt != "yuv420p":
            continue
        if (src.width, src.height) != (reel.width, reel.height) or src.fps != reel.fps:
            continue
        index = _index_source(path, reel.fps)
        if index is None or not index.gops:
            continue
        try:
            config = AvcConfig.parse(index.avcc)
        except (ValueError, IndexError):
            continue
        if config.profile not in _PROFILES:
            continue
        indexes[path] = index
        configs.setdefault(config.build(), []).append(path)
    if not indexes:
        return None
    # Only sources sharing one set of parameter sets can be copied into one track: take the
    # set whose sources are used longest in the reel.
    def used(paths: list[Path]) -> float:
        return sum(c.duration_s for c in reel.plan.clips if Path(c.source_path) in paths)

    best = max(configs.values(), key=used)
    indexes = {p: indexes[p] for p in best}
    base = AvcConfig.parse(indexes[best[0]].avcc)
    smart = _make(reel, base, best[0], indexes)
    if smart is None:
        return None
    if not any(smart.covers(e) for e in reel.entries if e.kind == "clip"):
        return None
    return smart


# H.273 code points x264 knows by name: re-encoded pictures carry the source's colour tags
_PRIMARIES = {1: "bt709", 4: "bt470m", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m", 9: "bt2020"}
_TRANSFER = {1: "bt709", 4: "bt470m", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m"}
_MATRIX = {1: "bt709", 5: "bt470bg", 6: "smpte170m", 7: "smpte240m", 9: "bt2020nc"}


def _colour_params(path: Path) -> str:
    with open_media(path) as container:
        stream = first_video_stream(container)
        assert stream is not None
        ctx = stream.codec_context
        parts = []
        for key, table, value in (("colorprim", _PRIMARIES, ctx.color_primaries),
                                  ("transfer", _TRANSFER, ctx.color_trc),
                                  ("colormatrix", _MATRIX, ctx.colorspace)):
            if int(value) in table:
                parts.append(f":{key}={table[int(value)]}")
        if int(ctx.color_range) == 2:
            parts.append(":fullrange=on")
        return "".join(parts)


def _make(reel: Reel, base: AvcConfig, template: Path,
          indexes: dict[Path, _Index]) -> SmartVideo | None:
    used_ids = base.sps_ids | base.pps_ids
    free = next((i for i in range(1, 32) if i not in used_ids), None)
    if free is None:
        return None
    params = f"sps-id={free}:bframes=0:keyint=infinite:scenecut=0" + _colour_params(template)
    options = {
        "preset": X264_PRESET,
        "crf": X264_CRF,
        "profile": _PROFILES[base.profile],
        "x264-params": params,
    }
    probe = av.CodecContext.create("libx264", "w")
    probe.width, probe.height, probe.pix_fmt = reel.width, reel.height, "yuv420p"
    probe.time_base = 1 / reel.fps
    probe.framerate = reel.fps
    probe.flags |= av.codec.context.Flags.global_header
    probe.options = dict(options)
    probe.open()
    units = annexb_units(probe.extradata or b"")
    sps = [u for u in units if u[0] & 0x1F == NAL_SPS]
    pps = [u for u in units if u[0] & 0x1F == NAL_PPS]
    if len(sps) != 1 or len(pps) != 1:
        return None
    config = base.with_extra(sps, pps, sps[0][3])
    delay = max(g.delay for i in indexes.values() for g in i.gops)
    return SmartVideo(reel, config, template, indexes, options, max(0, delay))
