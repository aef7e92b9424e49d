"""Benchmark: what blurring faces costs per minute of 720p, against the same render without it.

Source: a 1280x720 30 fps video made on the spot from the face photo in tests/data/faces, which
holds still, jumps, moves, leaves and comes back (the test video of
tests/media/test_render_privacy.py, looped to the length asked). The same clip is rendered with
captions off and smart rendering off (both re-encode every frame), once with blurred faces and
once without; the numbers are seconds of rendering per minute of video and the ratio.

Run: .venv/bin/python bench/face_blur.py [--seconds S] [--runs N]
Measured on 2 shared cores with the numpy Haar evaluator (opencv 5 has no CascadeClassifier):
15 s per minute without blur, 86 s with it (5.7x); the detector is most of the difference.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.domain.reel_plan import ClipSpec, ReelPlan, RenderOptions  # noqa: E402
from desktop_app.media.faces import face_detector_name  # noqa: E402
from desktop_app.media.render import render_reel  # noqa: E402

PHOTO = ROOT / "tests" / "data" / "faces" / "astronaut.png"


def _at(i: int) -> tuple[int, int] | None:
    i %= 135
    if i < 30:
        return 100, 150
    if i < 60:
        return 760, 200
    if i < 90:
        return 760 - 15 * (i - 60), 200 + 2 * (i - 60)
    return None if i < 105 else (820, 80)


def make_video(path: Path, seconds: float) -> None:
    image = cv2.imread(os.fspath(PHOTO))
    scale = 420 / max(image.shape[:2])
    image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = image.shape[:2]
    with av.open(os.fspath(path), "w") as out:
        stream = out.add_stream("libx264", rate=30, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = 1280, 720, "yuv420p"
        for i in range(round(seconds * 30)):
            canvas = np.full((720, 1280, 3), 40, dtype=np.uint8)
            at = _at(i)
            if at is not None:
                x, y = at
                canvas[y : y + h, x : x + w] = image[: 720 - y, : 1280 - x]
            frame = av.VideoFrame.from_ndarray(canvas, format="bgr24")
            frame.pts, frame.time_base = i, Fraction(1, 30)
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    print(f"detector: {face_detector_name()}")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "faces.mp4"
        make_video(source, args.seconds)
        times: dict[bool, list[float]] = {False: [], True: []}
        for run in range(args.runs):
            for blur in (False, True):  # the baseline first, in the same run
                plan = ReelPlan((ClipSpec(source, True, 0.0, args.seconds),),
                                options=RenderOptions(captions="none", blur_faces=blur,
                                                      smart=False))
                started = time.perf_counter()
                render_reel(plan, Path(tmp) / f"out-{blur}-{run}.mp4")
                times[blur].append(time.perf_counter() - started)
    per_min = {k: statistics.median(v) * 60 / args.seconds for k, v in times.items()}
    print(f"720p, {args.seconds:g} s clip, median of {args.runs} run(s):")
    print(f"  without blur: {per_min[False]:7.1f} s per minute of video (baseline)")
    print(f"  with blur:    {per_min[True]:7.1f} s per minute of video")
    print(f"  blur costs {per_min[True] - per_min[False]:.1f} s more per minute "
          f"({per_min[True] / per_min[False]:.2f}x the baseline)")


if __name__ == "__main__":
    main()
