"""OpenCV Haar cascades evaluated in numpy, for OpenCV builds without `CascadeClassifier`.

opencv-python 5 dropped the cascade classifier (it moved to the contrib modules), but its XML
models still work: this reads one (stump-based BOOST/HAAR cascades such as
`haarcascade_frontalface_default.xml`) and runs it the way OpenCV does: an image pyramid, a
24x24 window sliding in steps of two, variance-normalised features, stage by stage rejection,
then grouping of overlapping hits. Each stage is evaluated for all surviving windows at once.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

Box = tuple[int, int, int, int]


@dataclass
class _Stage:
    threshold: float
    rects: np.ndarray  # (weak, 3, 4) x, y, w, h of up to three rectangles
    weights: np.ndarray  # (weak, 3)
    thresholds: np.ndarray  # (weak,)
    left: np.ndarray  # (weak,) leaf when the feature is below its threshold
    right: np.ndarray


@dataclass
class HaarCascade:
    """A loaded cascade: window size and stages of decision stumps."""

    width: int
    height: int
    stages: list[_Stage]

    @classmethod
    def load(cls, path: Path) -> HaarCascade:
        root = ET.parse(path).getroot()
        cascade = root.find("cascade")
        if cascade is None or (cascade.findtext("featureType") or "").strip() != "HAAR":
            raise ValueError(f"{path.name}: not a Haar cascade in OpenCV's current XML format")
        features = []
        for feat in cascade.find("features") or []:
            if (feat.findtext("tilted") or "0").strip() == "1":
                raise ValueError(f"{path.name}: tilted features are not supported")
            rects = [[float(v) for v in (r.text or "").split()] for r in feat.find("rects") or []]
            features.append(rects)
        stages = []
        for stage in cascade.find("stages") or []:
            weak = list(stage.find("weakClassifiers") or [])
            rects = np.zeros((len(weak), 3, 4), dtype=np.int64)
            weights = np.zeros((len(weak), 3), dtype=np.float32)
            thresholds = np.zeros(len(weak))
            left, right = np.zeros(len(weak)), np.zeros(len(weak))
            for i, node in enumerate(weak):
                internal = (node.findtext("internalNodes") or "").split()
                leaves = [float(v) for v in (node.findtext("leafValues") or "").split()]
                if len(internal) != 4 or len(leaves) != 2:
                    raise ValueError(f"{path.name}: only stump classifiers are supported")
                for j, r in enumerate(features[int(internal[2])][:3]):
                    rects[i, j] = r[:4]
                    weights[i, j] = r[4]
                thresholds[i] = float(internal[3])
                left[i], right[i] = leaves
            stages.append(_Stage(float(stage.findtext("stageThreshold") or 0), rects, weights,
                                 thresholds, left, right))
        return cls(int(cascade.findtext("width") or 24), int(cascade.findtext("height") or 24),
                   stages)

    def detect(
        self,
        gray: np.ndarray,
        *,
        scale_factor: float = 1.15,
        min_neighbors: int = 3,
        min_size: int = 24,
    ) -> list[Box]:
        """Faces (x, y, w, h) in `gray` (uint8), like OpenCV's detectMultiScale."""
        hits: list[Box] = []
        scale = max(1.0, min_size / self.width)
        h0, w0 = gray.shape
        while w0 / scale >= self.width + 1 and h0 / scale >= self.height + 1:
            size = (int(round(w0 / scale)), int(round(h0 / scale)))
            level = cv2.resize(gray, size, interpolation=cv2.INTER_LINEAR) if scale > 1 else gray
            for x, y in self._scan(level):
                hits.append((int(round(x * scale)), int(round(y * scale)),
                             int(round(self.width * scale)), int(round(self.height * scale))))
            scale *= scale_factor
        return group_boxes(hits, min_neighbors)

    def _scan(self, img: np.ndarray) -> list[tuple[int, int]]:
        total, squares = cv2.integral2(img, sdepth=cv2.CV_32S, sqdepth=cv2.CV_64F)
        stride = total.shape[1]
        flat, sq_flat = total.ravel(), squares.ravel()
        ys, xs = np.mgrid[0 : img.shape[0] - self.height : 2, 0 : img.shape[1] - self.width : 2]
        base = (ys * stride + xs).ravel()
        if base.size == 0:
            return []
        # variance normalisation over the window less a one-pixel border, as OpenCV does
        inner = np.array([1 * stride + 1, 1 * stride + self.width - 1,
                          (self.height - 1) * stride + 1,
                          (self.height - 1) * stride + self.width - 1])
        area = (self.width - 2) * (self.height - 2)
        s = _box_sums(flat, base, inner).astype(np.float64)
        q = _box_sums(sq_flat, base, inner)
        norm = area * q - s * s
        norm = np.where(norm > 0, np.sqrt(np.maximum(norm, 0)), 1.0)
        for stage in self.stages:
            offsets = self._offsets(stage, stride)  # (weak, 3, 4)
            corners = flat[base[:, None, None, None] + offsets[None]]  # (n, weak, 3, 4)
            sums = corners[..., 0] - corners[..., 1] - corners[..., 2] + corners[..., 3]
            values = np.einsum("nwr,wr->nw", sums.astype(np.float32), stage.weights)
            votes = np.where(values < stage.thresholds[None] * norm[:, None], stage.left,
                             stage.right).sum(axis=1)
            keep = votes >= stage.threshold
            base, norm = base[keep], norm[keep]
            if base.size == 0:
                return []
        return [(int(b % stride), int(b // stride)) for b in base]

    def _offsets(self, stage: _Stage, stride: int) -> np.ndarray:
        x, y, w, h = (stage.rects[..., i] for i in range(4))
        return np.stack((y * stride + x, y * stride + x + w, (y + h) * stride + x,
                         (y + h) * stride + x + w), axis=-1)


def _box_sums(flat: np.ndarray, base: np.ndarray, corners: np.ndarray) -> np.ndarray:
    c = flat[base[:, None] + corners[None]]
    return c[:, 0] - c[:, 1] - c[:, 2] + c[:, 3]


def group_boxes(boxes: list[Box], min_neighbors: int, eps: float = 0.2) -> list[Box]:
    """OpenCV's groupRectangles: cluster similar boxes, keep clusters of > min_neighbors."""
    n = len(boxes)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            a, b = boxes[i], boxes[j]
            delta = eps * (min(a[2], b[2]) + min(a[3], b[3])) * 0.5
            if (abs(a[0] - b[0]) <= delta and abs(a[1] - b[1]) <= delta
                    and abs(a[0] + a[2] - b[0] - b[2]) <= delta
                    and abs(a[1] + a[3] - b[1] - b[3]) <= delta):
                parent[find(i)] = find(j)
    clusters: dict[int, list[Box]] = {}
    for i, box in enumerate(boxes):
        clusters.setdefault(find(i), []).append(box)
    merged = [
        (tuple(int(round(v)) for v in np.mean(members, axis=0)), len(members))
        for members in clusters.values()
        if len(members) > min_neighbors
    ]
    out: list[Box] = []
    for box, count in merged:
        inside = any(
            other != box and count2 >= count and _contains(other, box) for other, count2 in merged
        )
        if not inside:
            out.append(box)  # type: ignore[arg-type]
    return out


def _contains(outer: tuple[int, ...], inner: tuple[int, ...]) -> bool:
    dx, dy = int(inner[2] * 0.2), int(inner[3] * 0.2)
    return (inner[0] >= outer[0] - dx and inner[1] >= outer[1] - dy
            and inner[0] + inner[2] <= outer[0] + outer[2] + dx
            and inner[1] + inner[3] <= outer[1] + outer[3] + dy)
