"""Pictures in the encoder's own format (yuv420p, BT.709): fitting frames, blending overlays.

The reel engine keeps decoded frames in yuv420p from decoder to encoder; drawings (captions,
lower thirds, cards) are made once in RGBA and converted into premultiplied Y/U/V patches that
are blended into just the rows they cover, so a frame without text costs no conversion at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import av
import numpy as np

# BT.709, limited ("TV") range: what x264 is told the output uses.
_KR, _KB = 0.2126, 0.0722


def rgb_to_yuv_planes(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Float Y (full size) and U, V (half size) planes of an RGB uint8 image (even size)."""
    f = rgb.astype(np.float32) / 255.0
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    y = _KR * r + (1 - _KR - _KB) * g + _KB * b
    cb = (b - y) / (2 * (1 - _KB))
    cr = (r - y) / (2 * (1 - _KR))
    h, w = y.shape
    cb = cb.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
    cr = cr.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
    return 16 + 219 * y, 128 + 224 * cb, 128 + 224 * cr


def rgb_to_yuv420p(rgb: np.ndarray) -> np.ndarray:
    """An RGB uint8 image (even width and height) as a packed yuv420p array (h*3/2, w)."""
    y, u, v = rgb_to_yuv_planes(rgb)
    h, w = y.shape
    out = np.empty((h * 3 // 2, w), dtype=np.uint8)
    out[:h] = np.clip(np.rint(y), 0, 255)
    out[h : h + h // 4] = np.clip(np.rint(u), 0, 255).reshape(h // 4, w)
    out[h + h // 4 :] = np.clip(np.rint(v), 0, 255).reshape(h // 4, w)
    return out


def planes(yuv: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Views of the Y, U and V planes of a packed yuv420p array."""
    h = yuv.shape[0] * 2 // 3
    w = yuv.shape[1]
    return (
        yuv[:h],
        yuv[h : h + h // 4].reshape(h // 2, w // 2),
        yuv[h + h // 4 :].reshape(h // 2, w // 2),
    )


def black_yuv420p(width: int, height: int) -> np.ndarray:
    out = np.full((height * 3 // 2, width), 128, dtype=np.uint8)
    out[:height] = 16
    return out


@dataclass
class Overlay:
    """A premultiplied yuv patch placed at (x, y) (even), with its alpha at full and half size."""

    x: int
    y: int
    y_pre: np.ndarray  # Y * alpha, float32 (h, w)
    alpha: np.ndarray  # 0..1 float32 (h, w)
    u_pre: np.ndarray  # (h/2, w/2)
    v_pre: np.ndarray
    alpha_half: np.ndarray

    @classmethod
    def from_rgba(cls, rgba: np.ndarray, x: int, y: int) -> Overlay:
        """Trim the transparent border of `rgba` and convert it for blending at (x, y)."""
        alpha = rgba[..., 3]
        rows = np.flatnonzero(alpha.any(axis=1))
        cols = np.flatnonzero(alpha.any(axis=0))
        if rows.size == 0:
            rows = cols = np.array([0, 1])
        top, bottom = rows[0] // 2 * 2, min(rgba.shape[0], (rows[-1] + 2) // 2 * 2)
        left, right = cols[0] // 2 * 2, min(rgba.shape[1], (cols[-1] + 2) // 2 * 2)
        part = rgba[top:bottom, left:right]
        a = part[..., 3].astype(np.float32) / 255.0
        yy, uu, vv = rgb_to_yuv_planes(part[..., :3])
        h, w = a.shape
        a_half = a.reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))
        return cls(
            x + int(left),
            y + int(top),
            (yy * a).astype(np.float32),
            a,
            (uu * a_half).astype(np.float32),
            (vv * a_half).astype(np.float32),
            a_half.astype(np.float32),
        )

    def blend(self, yuv: np.ndarray, opacity: float = 1.0) -> None:
        """Draw this patch onto the packed yuv420p array `yuv`, in place."""
        y_pl, u_pl, v_pl = planes(yuv)
        h, w = self.alpha.shape
        x, y = self.x, self.y
        h = min(h, y_pl.shape[0] - y)
        w = min(w, y_pl.shape[1] - x)
        if h <= 0 or w <= 0:
            return
        _mix(y_pl[y : y + h, x : x + w], self.y_pre[:h, :w], self.alpha[:h, :w], opacity)
        hh, hw = h // 2, w // 2
        sl = (slice(y // 2, y // 2 + hh), slice(x // 2, x // 2 + hw))
        _mix(u_pl[sl], self.u_pre[:hh, :hw], self.alpha_half[:hh, :hw], opacity)
        _mix(v_pl[sl], self.v_pre[:hh, :hw], self.alpha_half[:hh, :hw], opacity)


def _mix(dst: np.ndarray, pre: np.ndarray, alpha: np.ndarray, opacity: float) -> None:
    if opacity >= 0.999:
        out = dst * (1.0 - alpha) + pre
    else:
        out = dst * (1.0 - alpha * opacity) + pre * opacity
    np.rint(out, out=out)
    dst[...] = out


def fit_into(
    frame: av.VideoFrame,
    width: int,
    height: int,
    sar: Fraction = Fraction(1),
    bt601: bool = False,
) -> av.VideoFrame:
    """`frame` (pixels of aspect `sar`) fitted into width x height, padded black, yuv420p.

    `bt601`: the source uses the SD colour matrix; it is converted to the reel's BT.709.
    """
    colours = {"src_colorspace": "ITU601", "dst_colorspace": "ITU709"} if bt601 else {}
    if frame.width == width and frame.height == height:
        if frame.format.name == "yuv420p" and not bt601:
            return frame
        return frame.reformat(format="yuv420p", **colours)
    shown_w = frame.width * float(sar) if sar > 0 else frame.width
    scale = min(width / shown_w, height / frame.height)
    new_w = min(width, max(2, int(round(shown_w * scale / 2)) * 2))
    new_h = min(height, max(2, int(round(frame.height * scale / 2)) * 2))
    scaled = frame.reformat(width=new_w, height=new_h, format="yuv420p", interpolation="BICUBIC",
                            **colours)
    if new_w == width and new_h == height:
        return scaled
    canvas = black_yuv420p(width, height)
    x, y = (width - new_w) // 4 * 2, (height - new_h) // 4 * 2
    paste(canvas, scaled.to_ndarray(), x, y)
    return av.VideoFrame.from_ndarray(canvas, format="yuv420p")


def paste(canvas: np.ndarray, patch: np.ndarray, x: int, y: int) -> None:
    """Copy the packed yuv420p `patch` into the packed yuv420p `canvas` at even (x, y)."""
    cy, cu, cv = planes(canvas)
    py, pu, pv = planes(patch)
    h, w = py.shape
    cy[y : y + h, x : x + w] = py
    cu[y // 2 : y // 2 + h // 2, x // 2 : x // 2 + w // 2] = pu
    cv[y // 2 : y // 2 + h // 2, x // 2 : x // 2 + w // 2] = pv


def to_frame(yuv: np.ndarray) -> av.VideoFrame:
    return av.VideoFrame.from_ndarray(yuv, format="yuv420p")
