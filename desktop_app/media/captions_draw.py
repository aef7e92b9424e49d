"""Drawings for reels with Pillow and the bundled DejaVu fonts (Latin and Cyrillic).

Captions sit on a translucent band near the bottom (text ~4.5 % of the picture height, white
with a dark outline, inside the title-safe area); a lower third names the customer at the
lower left; title and end cards and the audio-only card are calm dark pictures.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from desktop_app.config.resources import resources_dir
from desktop_app.media.render_yuv import Overlay

BACKGROUND_TOP = (15, 23, 42)  # slate-900
BACKGROUND_BOTTOM = (30, 41, 59)  # slate-800
ACCENT = (96, 165, 250)
TEXT = (248, 250, 252)
MUTED = (148, 163, 184)
CAPTION_SCALE = 0.045  # caption text height as a fraction of the picture height
SAFE_MARGIN = 0.05  # title-safe margin as a fraction of width / height


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resources_dir() / "fonts" / name), size)


def _text_width(text: str, face: ImageFont.FreeTypeFont) -> float:
    return face.getlength(text)


def _fitting_font(lines: list[str], size: int, bold: bool, max_w: float) -> ImageFont.FreeTypeFont:
    """The font at `size`, shrunk until the widest line fits `max_w` (never below half)."""
    while True:
        face = font(size, bold)
        if size <= 8 or max(_text_width(t, face) for t in lines) <= max_w:
            return face
        size = max(8, int(size * 0.92))


def caption_overlay(lines: tuple[str, ...], width: int, height: int) -> Overlay:
    """Caption lines centred on a translucent band above the bottom safe margin."""
    size = max(12, round(height * CAPTION_SCALE))
    face = _fitting_font(list(lines), size, False, width * (1 - 4 * SAFE_MARGIN))
    size = face.size
    line_h = round(size * 1.3)
    pad_x, pad_y = round(size * 0.6), round(size * 0.3)
    text_w = max(_text_width(t, face) for t in lines)
    box_w = int(text_w + 2 * pad_x)
    box_h = int(line_h * len(lines) + 2 * pad_y)
    img = Image.new("RGBA", (box_w + 4, box_h + 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle(
        (0, 0, box_w, box_h), radius=round(size * 0.35), fill=(10, 10, 14, 150)
    )
    stroke = max(1, size // 16)
    for i, line in enumerate(lines):
        lw = _text_width(line, face)
        draw.text(
            ((box_w - lw) / 2, pad_y + i * line_h + (line_h - size) / 2 - size * 0.1),
            line,
            font=face,
            fill=(*TEXT, 255),
            stroke_width=stroke,
            stroke_fill=(0, 0, 0, 230),
        )
    x = (width - box_w) // 2 // 2 * 2
    y = (height - round(height * (SAFE_MARGIN + 0.02)) - box_h) // 2 * 2
    return Overlay.from_rgba(np.asarray(img), max(0, x), max(0, y))


def caption_band(height: int, lines: int = 2) -> tuple[int, int]:
    """Rows (top, bottom) that captions of `lines` lines can occupy; tests look there."""
    size = max(12, round(height * CAPTION_SCALE))
    box_h = round(size * 1.3) * lines + 2 * round(size * 0.3)
    bottom = height - round(height * (SAFE_MARGIN + 0.02))
    return bottom - box_h - 2, bottom + 2


def lower_third_overlay(lines: tuple[str, ...], width: int, height: int) -> Overlay | None:
    """Name (bold) and details at the lower left, above the caption band; None if no lines."""
    lines = tuple(t.strip() for t in lines if t.strip())
    if not lines:
        return None
    name_face = _fitting_font([lines[0]], round(height * 0.042), True, width * 0.5)
    detail = list(lines[1:])
    detail_face = _fitting_font(detail or [""], round(height * 0.028), False, width * 0.5)
    pad = round(height * 0.018)
    bar = max(4, round(height * 0.007))
    name_h = round(name_face.size * 1.25)
    detail_h = round(detail_face.size * 1.35)
    text_w = max(
        [_text_width(lines[0], name_face)] + [_text_width(t, detail_face) for t in detail]
    )
    box_w = int(text_w + 2 * pad + bar)
    box_h = int(name_h + detail_h * len(detail) + 2 * pad)
    img = Image.new("RGBA", (box_w + 2, box_h + 2), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, box_w, box_h), fill=(15, 23, 42, 200))
    draw.rectangle((0, 0, bar, box_h), fill=(*ACCENT, 255))
    x0 = bar + pad
    draw.text((x0, pad), lines[0], font=name_face, fill=(*TEXT, 255))
    for i, t in enumerate(detail):
        draw.text((x0, pad + name_h + i * detail_h), t, font=detail_face, fill=(*MUTED, 255))
    x = round(width * SAFE_MARGIN) // 2 * 2
    top_of_captions = caption_band(height)[0]
    y = (top_of_captions - round(height * 0.03) - box_h) // 2 * 2
    return Overlay.from_rgba(np.asarray(img), x, max(0, y))


def _background(width: int, height: int) -> Image.Image:
    ramp = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None, None]
    top = np.array(BACKGROUND_TOP, dtype=np.float32)
    bottom = np.array(BACKGROUND_BOTTOM, dtype=np.float32)
    rows = top + (bottom - top) * ramp
    return Image.fromarray(np.repeat(rows, width, axis=1).astype(np.uint8), "RGB")


def _wrap_words(text: str, face: ImageFont.FreeTypeFont, max_w: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and _text_width(lines[-1] + " " + word, face) <= max_w:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def card_image(title: str, subtitle: str, width: int, height: int) -> np.ndarray:
    """A title/end card: centred bold title, an accent rule, a muted subtitle (RGB array)."""
    img = _background(width, height)
    draw = ImageDraw.Draw(img)
    max_w = width * 0.8
    title_face = font(round(height * 0.075), True)
    title_lines = _wrap_words(title, title_face, max_w)[:3] or [""]
    title_face = _fitting_font(title_lines, title_face.size, True, max_w)
    sub_face = font(round(height * 0.036))
    sub_lines = _wrap_words(subtitle, sub_face, max_w)[:3]
    t_h = round(title_face.size * 1.2)
    s_h = round(sub_face.size * 1.4)
    gap = round(height * 0.04)
    total = t_h * len(title_lines) + (gap * 2 + s_h * len(sub_lines) if sub_lines else 0)
    y = (height - total) / 2
    for line in title_lines:
        draw.text(((width - _text_width(line, title_face)) / 2, y), line, font=title_face,
                  fill=TEXT)
        y += t_h
    if sub_lines:
        rule_w = round(width * 0.06)
        rule_y = round(y + gap * 0.8)
        draw.rectangle(
            ((width - rule_w) // 2, rule_y, (width + rule_w) // 2, rule_y + max(2, height // 240)),
            fill=ACCENT,
        )
        y += gap * 2
        for line in sub_lines:
            draw.text(((width - _text_width(line, sub_face)) / 2, y), line, font=sub_face,
                      fill=MUTED)
            y += s_h
    return np.asarray(img)


def audio_card_image(
    picture: Path | None, peaks: np.ndarray | None, width: int, height: int
) -> np.ndarray:
    """The picture for an audio-only clip: its waveform picture (or `peaks` drawn as bars)."""
    img = _background(width, height)
    box_w, box_h = round(width * 0.7), round(height * 0.42)
    box_x, box_y = (width - box_w) // 2, round(height * 0.16)
    if picture is not None:
        with Image.open(picture) as pic:
            pic = pic.convert("RGB")
            scale = min(box_w / pic.width, box_h / pic.height)
            size = (max(1, round(pic.width * scale)), max(1, round(pic.height * scale)))
            pic = pic.resize(size, Image.Resampling.LANCZOS)
            img.paste(pic, (box_x + (box_w - size[0]) // 2, box_y + (box_h - size[1]) // 2))
    elif peaks is not None and peaks.size:
        draw = ImageDraw.Draw(img)
        mid = box_y + box_h / 2
        step = box_w / peaks.size
        for i, p in enumerate(peaks):
            half = max(1.0, float(p) * box_h / 2)
            x = box_x + i * step
            draw.rectangle((x, mid - half, x + max(1.0, step * 0.6), mid + half), fill=ACCENT)
    return np.asarray(img)
