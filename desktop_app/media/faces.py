"""Privacy blur: find faces with OpenCV, follow them between detections, pixelate and blur them.

Detectors, first found wins: OpenCV's Haar cascade `haarcascade_frontalface_default.xml`
through `cv2.CascadeClassifier` (opencv-python 4.x ships the XML in `cv2.data`; 5.x dropped
both the class and the file), the YuNet model through `cv2.FaceDetectorYN`, or the same Haar
cascade evaluated in numpy (`haar.py`) when only the XML is there. Files are looked up in
`resources/models`, `cv2.data` and the system's OpenCV data folders. With none, rendering a
reel with blurred faces stops before it starts: a privacy option must never silently do nothing.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
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
DETECTIONS_PER_S = 3  # detections at least this often, more when the picture changes
HOLD_S = 1.0  # a face not seen again stays blurred this long
PAD = 0.3  # boxes grow by this fraction on each side
LOOKBACK = 6  # frames held back (at least): a face found late is blurred before it, too
MIN_GAP = 2  # frames between detections the picture's changes may ask for
TRACK_MIN_SCORE = 0.55  # template match below this: the face was lost, detect again
CHANGE_W = 160  # the picture is compared with the previous one at this width...
CHANGE_LEVEL = 24  # ...pixels changed by more than this...
CHANGE_SHARE = 0.002  # ...over this share of the picture outside the faces: detect now

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


@dataclass
class _Track:
    box: Box  # output pixels
    seen: int  # frame index the face was last found (detected or tracked)
    template: np.ndarray | None  # the face at detection scale, for tracking between frames
    velocity: tuple[float, float] = (0.0, 0.0)  # output pixels per frame


class FaceBlur:
    """Per-clip face blurring on packed yuv420p frames.

    `stream(frames)` is what rendering uses: faces are detected every few frames, whenever the
    picture changes outside the faces already followed (a face that jumps or pops in), and
    when tracking loses one; between detections each face is followed by template matching,
    and its box grows with its motion. Frames leave `LOOKBACK` frames late, so a face first
    found at frame k is blurred in the frames before it too. Calling the object on one frame
    (detect now, blur in place) is kept for probing a single picture.
    """

    def __init__(self, width: int, height: int, fps: Fraction) -> None:
        found = _detector_factory()
        if found is None:
            face_detector_name()  # raises the user-facing error
            raise AssertionError("unreachable")
        self._detect = found[1]()
        self.width, self.height = width, height
        self._every = max(1, round(float(fps) / DETECTIONS_PER_S))
        self._hold = max(1, round(float(fps) * HOLD_S))
        self._lookback = max(LOOKBACK, self._every + 1)
        self._scale = min(1.0, DETECT_WIDTH / width)
        self._frame = 0
        self._tracks: list[_Track] = []
        self._last_detect = -(10**9)
        self._previous: np.ndarray | None = None  # tiny gray picture of the previous frame
        self.detections = 0
        self.detector_runs = 0

    # --- single frames ---------------------------------------------------------------------

    def __call__(self, yuv: np.ndarray) -> None:
        """Detect on this frame and blur it in place (no tracking, no look-back)."""
        y_pl = planes(yuv)[0]
        self._run_detector(self._small(y_pl))
        self._blur(yuv, self.boxes)
        self._frame += 1

    @property
    def boxes(self) -> list[Box]:
        return [t.box for t in self._tracks]

    # --- streams ---------------------------------------------------------------------------

    def stream(self, frames: Iterable[np.ndarray]) -> Iterator[np.ndarray]:
        """The frames (packed yuv420p arrays, changed in place) with every face blurred."""
        pending: deque[tuple[np.ndarray, list[Box]]] = deque()
        for yuv in frames:
            small = self._small(planes(yuv)[0])
            new_faces = self._step(small)
            for _, boxes in pending:  # found now: it may have been there a little earlier
                boxes.extend(self._grown(b, 2.0) for b in new_faces)
            pending.append((yuv, [self._grown(t.box, 1.0, t.velocity)
                                  for t in self._tracks]))
            if len(pending) > self._lookback:
                done, boxes = pending.popleft()
                self._blur(done, boxes)
                yield done
            self._frame += 1
        while pending:
            done, boxes = pending.popleft()
            self._blur(done, boxes)
            yield done

    def _step(self, small: np.ndarray) -> list[Box]:
        """Follow the faces into this frame; detect when due; the boxes of new faces."""
        lost = self._follow(small)
        due = self._frame - self._last_detect >= self._every
        changed = self._changed(small)
        new: list[Box] = []
        if due or ((changed or lost) and self._frame - self._last_detect >= MIN_GAP):
            new = self._run_detector(small)
        self._tracks = [t for t in self._tracks if self._frame - t.seen <= self._hold]
        return new

    def _small(self, y_plane: np.ndarray) -> np.ndarray:
        return cv2.resize(y_plane, None, fx=self._scale, fy=self._scale,
                          interpolation=cv2.INTER_AREA)

    def _run_detector(self, small: np.ndarray) -> list[Box]:
        """Detect faces; refresh the tracks they match; returns the boxes of new faces."""
        self._last_detect = self._frame
        self.detector_runs += 1
        found: list[Box] = [
            tuple(int(round(v / self._scale)) for v in b)  # type: ignore[misc]
            for b in self._detect(small)
        ]
        self.detections += len(found)
        new: list[Box] = []
        for box in found:
            match = max(self._tracks, key=lambda t: _overlap(t.box, box), default=None)
            template = self._template(small, box)
            if match is not None and _overlap(match.box, box) > 0.2:
                match.box, match.seen, match.template = box, self._frame, template
            else:
                self._tracks.append(_Track(box, self._frame, template))
                new.append(box)
        return new

    def _template(self, small: np.ndarray, box: Box) -> np.ndarray | None:
        x, y, w, h = (int(round(v * self._scale)) for v in box)
        x, y = max(0, x), max(0, y)
        patch = small[y : y + h, x : x + w]
        return patch.copy() if patch.shape[0] >= 8 and patch.shape[1] >= 8 else None

    def _follow(self, small: np.ndarray) -> bool:
        """Move each face to where its template matches best nearby; True when one is lost."""
        lost = False
        sh, sw = small.shape
        for t in self._tracks:
            if t.template is None or t.seen < self._frame - 1:
                continue
            th, tw = t.template.shape
            x, y = t.box[0] * self._scale, t.box[1] * self._scale
            reach = max(th, tw) * 0.6 + 2 * max(abs(t.velocity[0]), abs(t.velocity[1])) \
                * self._scale
            x0, y0 = max(0, int(x - reach)), max(0, int(y - reach))
            x1, y1 = min(sw, int(x + tw + reach)), min(sh, int(y + th + reach))
            window = small[y0:y1, x0:x1]
            if window.shape[0] < th or window.shape[1] < tw:
                lost = True
                continue
            scores = cv2.matchTemplate(window, t.template, cv2.TM_CCOEFF_NORMED)
            _, best, _, (bx, by) = cv2.minMaxLoc(scores)
            if best < TRACK_MIN_SCORE:
                lost = True
                continue
            nx, ny = (x0 + bx) / self._scale, (y0 + by) / self._scale
            t.velocity = (nx - t.box[0], ny - t.box[1])
            t.box = (int(round(nx)), int(round(ny)), t.box[2], t.box[3])
            t.seen = self._frame
        return lost

    def _changed(self, small: np.ndarray) -> bool:
        """True when the picture changed outside the faces followed (something moved in)."""
        tiny = cv2.resize(small, (CHANGE_W, CHANGE_W * small.shape[0] // small.shape[1]),
                          interpolation=cv2.INTER_AREA)
        previous, self._previous = self._previous, tiny
        if previous is None or previous.shape != tiny.shape:
            return True
        diff = cv2.absdiff(tiny, previous) > CHANGE_LEVEL
        k = tiny.shape[1] / self.width
        for t in self._tracks:
            x, y, w, h = self._grown(t.box, 1.5, t.velocity)
            diff[int(y * k) : int((y + h) * k) + 1, int(x * k) : int((x + w) * k) + 1] = False
        return float(diff.mean()) > CHANGE_SHARE

    def _grown(self, box: Box, pad: float, velocity: tuple[float, float] = (0.0, 0.0)) -> Box:
        """The box padded by `pad` x PAD each side, and by twice its motion per frame."""
        x, y, w, h = box
        px = int(w * PAD * pad + 2 * abs(velocity[0]))
        py = int(h * PAD * pad + 2 * abs(velocity[1]))
        x0, y0 = max(0, (x - px) // 2 * 2), max(0, (y - py) // 2 * 2)
        x1 = min(self.width, (x + w + px + 1) // 2 * 2)
        y1 = min(self.height, (y + h + py + 1) // 2 * 2)
        return x0, y0, max(0, x1 - x0), max(0, y1 - y0)

    def _blur(self, yuv: np.ndarray, boxes: list[Box]) -> None:
        y_pl, u_pl, v_pl = planes(yuv)
        for box in boxes:
            x, y, w, h = box
            if w < 2 or h < 2:
                continue
            _pixelate(y_pl[y : y + h, x : x + w])
            _pixelate(u_pl[y // 2 : (y + h) // 2, x // 2 : (x + w) // 2])
            _pixelate(v_pl[y // 2 : (y + h) // 2, x // 2 : (x + w) // 2])


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
