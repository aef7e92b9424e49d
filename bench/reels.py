"""Benchmark: render a five-clip highlight reel and compare with an ffmpeg trim/concat re-encode.

Source: a 60 s 1280x720 30 fps H.264 frame-counter video (B-frames, 1 s closed GOPs) made on the
spot; five 6 s clips. Times `render_reel` with captions none / soft (smart rendering on), none
without smart rendering (the exact re-encode path), and burnt captions, against the ffmpeg CLI
cutting the same ranges with trim/atrim + concat and the same x264 preset. Every output is
decoded and its frame counters compared with the requested frames (frame-exactness).

Run: .venv/bin/python bench/reels.py [--runs N] [--keep DIR]
Targets (2 cores): burn >= 4x real time; smart none/soft >= 20x real time and frame-exact.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.domain.reel_plan import (  # noqa: E402
    CaptionWord,
    ClipSpec,
    ReelPlan,
    RenderOptions,
    RenderResult,
)
from desktop_app.media.counter_pattern import make_counter_video, read_counter  # noqa: E402
from desktop_app.media.render import render_reel  # noqa: E402
from desktop_app.media.render_video import X264_CRF, X264_PRESET  # noqa: E402

FPS = 30
STARTS = (1.0, 10.6, 22.3, 35.0, 47.9)
CLIP_S = 6.0
FFMPEG = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
_SENTENCE = ("we tried three other tools before this one and honestly the onboarding was the "
             "part that made us stay because someone actually called us back the same day")
_TEXT = _SENTENCE.split(" ")


def _words(start: float) -> tuple[CaptionWord, ...]:
    """Speech-like word timings over the clip (a word every 0.4 s, a pause after twelve)."""
    words, t, i = [], start + 0.2, 0
    while t + 0.35 < start + CLIP_S:
        words.append(CaptionWord(t, t + 0.35, _TEXT[i % len(_TEXT)]))
        i += 1
        t += 1.0 if i % 12 == 0 else 0.4
    return tuple(words)


def _plan(src: Path, captions: str, smart: bool) -> ReelPlan:
    clips = tuple(ClipSpec(src, True, s, s + CLIP_S, words=_words(s)) for s in STARTS)
    return ReelPlan(clips, options=RenderOptions(captions=captions, smart=smart))  # type: ignore[arg-type]


def _expected() -> list[int]:
    out: list[int] = []
    for s in STARTS:
        first = round(s * FPS)
        out += list(range(first, first + round(CLIP_S * FPS)))
    return out


def _frame_errors(path: Path) -> tuple[int, int]:
    """(frames decoded, frames whose counter differs from the requested source frame)."""
    with av.open(os.fspath(path)) as c:
        got = [read_counter(f) for f in c.decode(video=0)]
    want = _expected()
    wrong = sum(a != b for a, b in zip(got, want, strict=False)) + abs(len(got) - len(want))
    return len(got), wrong


def _ffmpeg(src: Path, out: Path) -> None:
    parts, labels = [], []
    for i, s in enumerate(STARTS):
        e = s + CLIP_S
        parts.append(f"[0:v]trim=start={s}:end={e},setpts=PTS-STARTPTS[v{i}]")
        parts.append(f"[0:a]atrim=start={s}:end={e},asetpts=PTS-STARTPTS[a{i}]")
        labels.append(f"[v{i}][a{i}]")
    graph = ";".join(parts) + ";" + "".join(labels) + f"concat=n={len(STARTS)}:v=1:a=1[v][a]"
    subprocess.run(
        [FFMPEG, "-v", "error", "-y", "-i", str(src), "-filter_complex", graph, "-map", "[v]",
         "-map", "[a]", "-c:v", "libx264", "-preset", X264_PRESET, "-crf", X264_CRF,
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", str(out)],
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per case (median)")
    parser.add_argument("--keep", type=Path, help="folder to keep the outputs in")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="closer-reels-"))
    work.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    src = make_counter_video(work / "counter.mp4", seconds=60.0, fps=FPS, gop=FPS)
    print(f"source: 60 s 1280x720 H.264 counter video made in {time.perf_counter() - t0:.1f} s")
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    reel_s = CLIP_S * len(STARTS)
    cases: list[tuple[str, object]] = [
        ("ffmpeg trim/concat", lambda out: _ffmpeg(src, out)),
        ("captions none, smart", lambda out: render_reel(_plan(src, "none", True), out)),
        ("captions soft, smart", lambda out: render_reel(_plan(src, "soft", True), out)),
        ("captions none, exact re-encode", lambda out: render_reel(_plan(src, "none", False),
                                                                   out)),
        ("captions burn", lambda out: render_reel(_plan(src, "burn", True), out)),
    ]
    results: dict[str, float] = {}
    print(f"\n{'case':34s} {'median s':>9s} {'x real':>7s} {'vs ffmpeg':>9s} "
          f"{'copied s':>8s}  frame-exact")
    for name, run in cases:
        times = []
        copied = 0.0
        out = work / ("".join(ch if ch.isalnum() else "_" for ch in name) + ".mp4")
        for _ in range(args.runs):
            start = time.perf_counter()
            result = run(out)  # type: ignore[operator]
            times.append(time.perf_counter() - start)
            if isinstance(result, RenderResult):
                copied = result.copied_s
        wall = statistics.median(times)
        results[name] = wall
        frames, wrong = _frame_errors(out)
        ratio = results["ffmpeg trim/concat"] / wall
        exact = "yes" if wrong == 0 else f"NO ({wrong} of {frames} frames wrong)"
        print(f"{name:34s} {wall:9.2f} {reel_s / wall:7.1f} {ratio:8.2f}x {copied:8.1f}  {exact}")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    if args.keep:
        print(f"outputs kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
