"""Copy a QVideoFrame (camera, screen, code) into a PyAV frame without a round trip through QImage.

Common camera and screen formats are mapped and copied plane by plane; anything else (GPU
textures, exotic formats) goes through `QVideoFrame.toImage()`. Safe to call off the GUI thread.
"""

from __future__ import annotations

import av
import numpy as np
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameFormat

_PF = QVideoFrameFormat.PixelFormat
# Qt pixel format -> (PyAV format, source plane for each PyAV plane)
_DIRECT: dict[QVideoFrameFormat.PixelFormat, tuple[str, tuple[int, ...]]] = {
    _PF.Format_BGRA8888: ("bgra", (0,)),
    _PF.Format_BGRA8888_Premultiplied: ("bgra", (0,)),
    _PF.Format_BGRX8888: ("bgra", (0,)),
    _PF.Format_RGBA8888: ("rgba", (0,)),
    _PF.Format_RGBX8888: ("rgba", (0,)),
    _PF.Format_ARGB8888: ("argb", (0,)),
    _PF.Format_ARGB8888_Premultiplied: ("argb", (0,)),
    _PF.Format_XRGB8888: ("argb", (0,)),
    _PF.Format_ABGR8888: ("abgr", (0,)),
    _PF.Format_XBGR8888: ("abgr", (0,)),
    _PF.Format_YUV420P: ("yuv420p", (0, 1, 2)),
    _PF.Format_YV12: ("yuv420p", (0, 2, 1)),
    _PF.Format_NV12: ("nv12", (0, 1)),
    _PF.Format_NV21: ("nv21", (0, 1)),
    _PF.Format_YUYV: ("yuyv422", (0,)),
    _PF.Format_UYVY: ("uyvy422", (0,)),
}


def to_av_frame(frame: QVideoFrame) -> av.VideoFrame | None:
    """A PyAV copy of `frame`, or None when the frame holds no picture."""
    if not frame.isValid() or frame.width() <= 0 or frame.height() <= 0:
        return None
    spec = _DIRECT.get(frame.pixelFormat())
    if spec is None or frame.handleType() != QVideoFrame.HandleType.NoHandle:
        return _via_image(frame)
    if not frame.map(QVideoFrame.MapMode.ReadOnly):
        return _via_image(frame)
    try:
        av_format, planes = spec
        out = av.VideoFrame(frame.width(), frame.height(), av_format)
        for dst_plane, src_plane in zip(out.planes, planes, strict=True):
            _copy_plane(
                np.asarray(memoryview(dst_plane)),
                dst_plane.line_size,
                dst_plane.height,
                np.frombuffer(frame.bits(src_plane), dtype=np.uint8),
                frame.bytesPerLine(src_plane),
            )
        return out
    finally:
        frame.unmap()


def _copy_plane(
    dst: np.ndarray, dst_stride: int, rows: int, src: np.ndarray, src_stride: int
) -> None:
    """Copy `rows` rows between two strided byte planes (the shorter line wins)."""
    width = min(dst_stride, src_stride)
    rows = min(rows, (src.size + src_stride - width) // src_stride if src_stride else 0)
    if rows <= 0:
        return
    src_rows = np.lib.stride_tricks.as_strided(
        src, shape=(rows, width), strides=(src_stride, 1), writeable=False
    )
    dst[: rows * dst_stride].reshape(rows, dst_stride)[:, :width] = src_rows


def _via_image(frame: QVideoFrame) -> av.VideoFrame | None:
    image = frame.toImage()
    if image.isNull():
        return None
    image = image.convertToFormat(QImage.Format.Format_RGBX8888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    pixels = data.reshape(height, stride)[:, : width * 4].reshape(height, width, 4)
    return av.VideoFrame.from_ndarray(np.ascontiguousarray(pixels), format="rgba")
