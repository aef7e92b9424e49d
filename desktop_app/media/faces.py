"""Privacy blur: find faces every few frames with OpenCV, hold the boxes, pixelate and blur them.

Detectors, first found wins: OpenCV's Haar cascade `haarcascade_frontalface_default.xml`
through `cv2.CascadeClassifier` (opencv-python 4.x ships the XML in `cv2.data`; 5.x dropped
both the class and the file), the YuNet model through `cv2.FaceDetectorYN`, or the same Haar
cascade evaluated in numpy (`haar.py`) when only the XML is there. Files are looked up in
`resources/models`, `cv2.data` and the system's OpenCV data folders. With none, rendering a
reel with blurred faces stops before it starts: a privacy option must never silently do nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from desktop_app.config.resources import resources_dir
from desktop_app.domain.media import MediaError
from desktop_app.media.render_yuv import planes

CASCADE_NAME = "haarcascade_frontalface_default.xml"
YUNET_GLOB = "face_detection_yunet*.onnx"
DETECT_WIDTH = 480  # faces are looked for on a copy this wide (faces from ~60 px at 720p)
DETECTIONS_PER_S = 3
HOLD_S = 1.0  # a face not seen again stays blurred this long
PAD = 0.3  # boxes grow by this fraction on each side

Box = tuple[int, int, int, int]  # x, y, w, h in output pixels
Detector = Callable[[np.ndarray], list[Box]]  # gray image -> boxes in its own pixels


def _search_dirs() -> list[Path]:
    dirs = [resources_dir() / "models"]
    data = getattr(cv2, "data", None)
    if data is not None and getattr(data, "haarcascades", ""):
        dirs.append(Path(data.haarcascades))
    env = os.environ.get("CLOSER_FACE_MODELS")
    if env:
        dirs.insert(0, Path(env))
    dirs += [Path("/usr/share/opencv4/haarcascades"), Path("/usr/share/opencv/haarcascades")]
    return dirs


def _find(pattern: str) -> Path | None:
    for folder in _search_dirs():
        if folder.is_dir():
            hits = sorted(folder.glob(pattern))
            if hits:
                return hits[-1]
    return None


@lru_cache(maxsize=1)
def _detector_factory() -> tuple[str, Callable[[], Detector]] | None:
    cascade = _find(CASCADE_NAME)
    if cascade is not None and hasattr(cv2, "CascadeClassifier"):
        return f"OpenCV Haar cascade ({cascade.name})", lambda: _opencv_haar(cascade)
    yunet = _find(YUNET_GLOB)
    if yunet is not None and hasattr(cv2, "FaceDetectorYN"):
        return f"OpenCV YuNet ({yunet.name})", lambda: _yunet(yunet)
    if cascade is not None:
        from desktop_app.media.haar import HaarCascade  # numpy evaluator, slower

        model = HaarCascade.load(cascade)
        return f"Haar cascade in numpy ({cascade.name})", lambda: model.detect
    return None


def face_detector_name() -> str:
    """Which detector blurring will use; MediaError if none is installed."""
    found = _detector_factory()
    if found is None:
        raise MediaError(
            CASCADE_NAME,
            "face blurring needs a face detector model, and none is installed: put "
            f"{CASCADE_NAME} or a YuNet face_detection_yunet_*.onnx in "
            f"{resources_dir() / 'models'}",
        )
    return found[0]


def _opencv_haar(path: Path) -> Detector:
    classifier = cv2.CascadeClassifier(os.fspath(path))

    def detect(gray: np.ndarray) -> list[Box]:
        found = classifier.detectMultiScale(
            cv2.equalizeHist(gray), scaleFactor=1.1, minNeighbors=4, minSize=(24, 24)
        )
        return [tuple(int(v) for v in b) for b in found]  # type: ignore[misc]

    return detect


def _yunet(path: Path) -> Detector:
    net = cv2.FaceDetectorYN.create(os.fspath(path), "", (320, 320), 0.6, 0.3, 50)

    def detect(gray: np.ndarray) -> list[Box]:
        bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
        net.setInputSize((gray.shape[1], gray.shape[0]))
        _, faces = net.detect(bgr)
        if faces is None:
            return []
        return [tuple(int(round(v)) for v in f[:4]) for f in faces]  # type: ignore[misc]

    return detect


class FaceBlur:
    """Per-clip face blurring on packed yuv420p frames (state: boxes and when last seen)."""

    def __init__(self, width: int, height: int, fps: Fraction) -> None:
        found = _detector_factory()
        if found is None:
            face_detector_name()  # raises the user-facing error
            raise AssertionError("unreachable")
        self._detect = found[1]()
        self.width, self.height = width, height
        self._every = max(1, round(float(fps) / DETECTIONS_PER_S))
        self._hold = max(1, round(float(fps) * HOLD_S))
        self._scale = min(1.0, DETECT_WIDTH / width)
        self._frame = 0
        self._tracks: list[tuple[Box, int]] = []  # box, frame index last seen
        self.detections = 0

    def __call__(self, yuv: np.ndarray) -> None:
        y_pl, u_pl, v_pl = planes(yuv)
        if self._frame % self._every == 0:
            self._update(y_pl)
        self._tracks = [(b, seen) for b, seen in self._tracks if self._frame - seen <= self._hold]
        for box in (b for b, _ in self._tracks):
            x, y, w, h = self._padded(box)
            _pixelate(y_pl[y : y + h, x : x + w])
            _pixelate(u_pl[y // 2 : (y + h) // 2, x // 2 : (x + w) // 2])
            _pixelate(v_pl[y // 2 : (y + h) // 2, x // 2 : (x + w) // 2])
        self._frame += 1

    @property
    def boxes(self) -> list[Box]:
        return [b for b, _ in self._tracks]

    def _update(self, y_plane: np.ndarray) -> None:
        small = cv2.resize(y_plane, None, fx=self._scale, fy=self._scale,
                           interpolation=cv2.INTER_AREA)
        found = [
            tuple(int(round(v / self._scale)) for v in b) for b in self._detect(small)
        ]
        self.detections += len(found)
        kept = [(b, s) for b, s in self._tracks if not any(_overlap(b, f) > 0.2 for f in found)]
        self._tracks = kept + [(b, self._frame) for b in found]  # type: ignore[misc]

    def _padded(self, box: Box) -> Box:
        x, y, w, h = box
        px, py = int(w * PAD), int(h * PAD)
        x0, y0 = max(0, (x - px) // 2 * 2), max(0, (y - py) // 2 * 2)
        x1 = min(self.width, (x + w + px + 1) // 2 * 2)
        y1 = min(self.height, (y + h + py + 1) // 2 * 2)
        return x0, y0, x1 - x0, y1 - y0


def _overlap(a: Box, b: Box) -> float:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    iw = max(0, min(ax + aw, bx + bw) - max(ax, bx))
    ih = max(0, min(ay + ah, by + bh) - max(ay, by))
    inter = iw * ih
    union = aw * ah + bw * bh - inter
    return inter / union if union else 0.0


def _pixelate(region: np.ndarray) -> None:
    """Coarse mosaic (about 10 blocks across) softened with a blur, in place."""
    h, w = region.shape
    if h < 2 or w < 2:
        return
    bw, bh = max(1, w // 10), max(1, h // 10)
    small = cv2.resize(region, (max(1, w // bw), max(1, h // bh)), interpolation=cv2.INTER_AREA)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    k = max(3, (min(w, h) // 8) | 1)
    region[...] = cv2.GaussianBlur(big, (k, k), 0)
