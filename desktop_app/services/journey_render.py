"""Draw a JourneyMap as an A3-landscape poster (PNG, or a one-page PDF) with Pillow.

Pure: takes the JourneyMap dataclass, writes one file. Layout units are pixels at 150 dpi and
are scaled for other resolutions. DejaVu Sans (shipped in resources/fonts) renders Cyrillic.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from desktop_app.config.resources import resources_dir
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.highlights import JourneyColumn, JourneyMap

A3_MM = (420, 297)
BASE_DPI = 150
INK = (33, 37, 41)
MUTED = (108, 117, 125)
PAPER = (250, 250, 247)
SEVERITY_COLOURS = {0: (176, 190, 197), 1: (102, 187, 106), 2: (192, 202, 51),
                    3: (255, 179, 0), 4: (244, 112, 48), 5: (211, 47, 47)}
BAND_FROM, BAND_TO = (0, 121, 107), (57, 73, 171)  # teal -> indigo along the journey
ROWS = (("needs", (227, 242, 253), (25, 118, 210), 0.23),
        ("pains", (253, 236, 234), (198, 40, 40), 0.55),
        ("value", (232, 245, 233), (46, 125, 50), 0.22))
TEXTS: dict[str, dict[str, str]] = {
    "en": {"title": "CUSTOMER JOURNEY MAP", "all": "All customers",
           "all_sub": "Every persona together", "persona": "Persona",
           "stats": "{i} interviews  \u00b7  {h} pains tagged",
           "period": "Interviews {p}  \u00b7  made {d}", "needs": "Needs",
           "needs_hint": "what the customer is trying to get done", "pains": "Pains",
           "pains_hint": "where it hurts: count, worst quotes", "value": "Value we create",
           "value_hint": "what the business does about it", "no_needs": "No needs noted yet",
           "pain_1": "pain", "pain_n": "pains", "pain_many": "pains",
           "avg": "avg severity {v}", "no_quotes": "No quotes yet", "severity": "severity",
           "no_value": "Not described yet", "legend": "Severity",
           "levels": "mild|annoying|painful|serious|critical",
           "footer": "Made with Closer \u00b7 bring customers closer to the team"},
    "ru": {"title": "КАРТА ПУТИ КЛИЕНТА", "all": "Все клиенты", "all_sub": "Все персоны вместе",
           "persona": "Персона", "stats": "Интервью: {i}  \u00b7  болей отмечено: {h}",
           "period": "Интервью {p}  \u00b7  создано {d}", "needs": "Потребности",
           "needs_hint": "какую задачу решает клиент", "pains": "Боли",
           "pains_hint": "где больно: сколько и худшие цитаты", "value": "Ценность",
           "value_hint": "что бизнес делает для клиента", "no_needs": "Потребности не отмечены",
           "pain_1": "боль", "pain_n": "боли", "pain_many": "болей",
           "avg": "средняя тяжесть {v}", "no_quotes": "Цитат пока нет", "severity": "тяжесть",
           "no_value": "Пока не описана", "legend": "Тяжесть",
           "levels": "слабая|неприятная|болезненная|серьёзная|критичная",
           "footer": "Сделано в Closer \u00b7 ближе к клиенту"},
}


def _plural(n: int, t: dict[str, str]) -> str:
    """English one/many; Russian one/few/many (1 боль, 3 боли, 5 болей)."""
    if n % 10 == 1 and n % 100 != 11:
        return t["pain_1"]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return t["pain_n"]
    return t["pain_many"]

Font = ImageFont.FreeTypeFont


class _Fonts:
    def __init__(self, scale: float, fonts_dir: Path) -> None:
        self.scale = scale
        self._dir = fonts_dir
        self._cache: dict[tuple[int, bool], Font] = {}

    def get(self, px: float, bold: bool = False) -> Font:
        size = max(8, round(px * self.scale))
        if (size, bold) not in self._cache:
            name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
            self._cache[(size, bold)] = ImageFont.truetype(str(self._dir / name), size)
        return self._cache[(size, bold)]


def wrap(text: str, font: Font, width: float) -> list[str]:
    """Greedy word wrap by rendered width; words wider than the line are split."""
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        line = ""
        for word in para.split():
            while font.getlength(word) > width and len(word) > 1:
                cut = max(1, next((i for i in range(len(word), 0, -1)
                                   if font.getlength(word[:i] + "-") <= width), 1))
                if line:
                    lines.append(line)
                    line = ""
                lines.append(word[:cut] + "-")
                word = word[cut:]
            candidate = f"{line} {word}".strip()
            if font.getlength(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return [ln for ln in lines if ln] or [""]


def _fit(lines: list[str], max_lines: int, font: Font, width: float) -> list[str]:
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max(0, max_lines)]
    if kept:
        last = kept[-1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        kept[-1] = last.rstrip() + "…"
    return kept


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore


class _Poster:
    def __init__(self, jm: JourneyMap, dpi: int, fonts_dir: Path, language: str) -> None:
        self.jm = jm
        self.t = TEXTS.get(language, TEXTS["en"])
        self.k = dpi / BASE_DPI
        self.w = round(A3_MM[0] / 25.4 * dpi)
        self.h = round(A3_MM[1] / 25.4 * dpi)
        self.img = Image.new("RGB", (self.w, self.h), PAPER)
        self.d = ImageDraw.Draw(self.img)
        self.f = _Fonts(self.k, fonts_dir)

    def s(self, v: float) -> int:
        return round(v * self.k)

    def text(self, xy: tuple[float, float], text: str, font: Font,
             fill: tuple[int, int, int] = INK, anchor: str = "la") -> None:
        self.d.text((round(xy[0]), round(xy[1])), text, font=font, fill=fill, anchor=anchor)

    def lines(self, x: float, y: float, lines: Sequence[str], font: Font, leading: float,
              fill: tuple[int, int, int] = INK) -> float:
        for ln in lines:
            self.text((x, y), ln, font, fill)
            y += leading
        return y

    # --- parts -----------------------------------------------------------------------------

    def header(self) -> float:
        m, jm = self.s(80), self.jm
        self.text((m, m), self.t["title"], self.f.get(24, True), (0, 121, 107))
        who = jm.persona or self.t["all"]
        self.text((m, m + self.s(36)), who, self.f.get(62, True))
        sub = jm.persona_description or (self.t["persona"] if jm.persona else self.t["all_sub"])
        body = self.f.get(22)
        self.text((m, m + self.s(116)),
                  _fit(wrap(sub, body, self.w * 0.55), 1, body, self.w * 0.55)[0], body, MUTED)
        right = self.w - m
        stats = self.t["stats"].format(i=jm.interviews, h=jm.highlights)
        self.text((right, m + self.s(8)), stats, self.f.get(28, True), anchor="ra")
        date = f"{jm.generated_at:%d.%m.%Y}" if self.t is TEXTS["ru"] \
            else f"{jm.generated_at:%d %B %Y}"
        if jm.period:
            date = self.t["period"].format(p=jm.period, d=date)
        self.text((right, m + self.s(52)), date, self.f.get(22), MUTED, anchor="ra")
        y = m + self.s(160)
        self.d.line([(m, y), (right, y)], fill=(206, 212, 218), width=max(1, self.s(2)))
        return y + self.s(28)

    def band(self, x: int, y: int, w: int, h: int, i: int, n: int, col: JourneyColumn) -> None:
        colour = _mix(BAND_FROM, BAND_TO, i / max(1, n - 1))
        tip = self.s(26)
        pts = [(x, y), (x + w - tip, y), (x + w, y + h // 2), (x + w - tip, y + h), (x, y + h)]
        if i > 0:
            pts.append((x + tip, y + h // 2))
        self.d.polygon(pts, fill=colour)
        cx = x + (tip if i else 0) + self.s(34)
        r = self.s(20)
        self.d.ellipse([cx - r, y + h // 2 - r, cx + r, y + h // 2 + r], fill=(255, 255, 255))
        self.text((cx, y + h // 2), str(i + 1), self.f.get(22, True), colour, anchor="mm")
        tx = cx + r + self.s(12)
        avail = x + w - tip - tx - self.s(6)
        name_font = self.f.get(26, True)
        name = _fit(wrap(col.touchpoint, name_font, avail), 2, name_font, avail)
        sub_font = self.f.get(17)
        subtitle = col.channel or col.department
        block = len(name) * self.s(31) + (self.s(24) if subtitle else 0)
        ty = y + (h - block) / 2
        ty = self.lines(tx, ty, name, name_font, self.s(31), (255, 255, 255))
        if subtitle:
            sub = _fit(wrap(subtitle, sub_font, avail), 1, sub_font, avail)[0]
            self.text((tx, ty + self.s(2)), sub, sub_font, _mix(colour, (255, 255, 255), 0.75))

    def cell(self, box: tuple[int, int, int, int], tint: tuple[int, int, int]) -> None:
        self.d.rounded_rectangle(box, radius=self.s(14), fill=tint)

    def needs(self, col: JourneyColumn, box: tuple[int, int, int, int], accent: tuple) -> None:
        x0, y0, x1, y1 = box
        pad = self.s(16)
        font = self.f.get(20)
        lead = self.s(26)
        width = x1 - x0 - 2 * pad - self.s(18)
        y = y0 + pad
        if not col.needs:
            self.lines(x0 + pad, y, wrap(self.t["no_needs"], font, x1 - x0 - 2 * pad), font,
                       lead, MUTED)
            return
        for need in col.needs:
            room = int((y1 - pad - y) // lead)
            if room <= 0:
                break
            lines = _fit(wrap(need, font, width), room, font, width)
            r = self.s(5)
            self.d.ellipse([x0 + pad, y + self.s(9) - r, x0 + pad + 2 * r, y + self.s(9) + r],
                           fill=accent)
            y = self.lines(x0 + pad + self.s(18), y, lines, font, lead) + self.s(8)

    def pains(self, col: JourneyColumn, box: tuple[int, int, int, int]) -> None:
        x0, y0, x1, y1 = box
        pad = self.s(16)
        sev = round(col.mean_severity)
        colour = SEVERITY_COLOURS[sev if col.pain_count else 0]
        r = self.s(34)
        cx, cy = x0 + pad + r, y0 + pad + r
        self.d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
        self.text((cx, cy), str(col.pain_count), self.f.get(30 if col.pain_count < 100 else 22,
                                                             True), (255, 255, 255), anchor="mm")
        lx = cx + r + self.s(12)
        bar_w = x1 - pad - lx
        self.text((lx, y0 + pad + self.s(4)), _plural(col.pain_count, self.t),
                  self.f.get(20, True), INK)
        by, bh = y0 + pad + self.s(38), self.s(14)
        self.d.rounded_rectangle([lx, by, lx + bar_w, by + bh], radius=bh // 2,
                                 fill=(236, 239, 241))
        total = sum(col.severity_counts)
        if total:
            bx = float(lx)
            for level, n in enumerate(col.severity_counts, start=1):
                if n:
                    seg = bar_w * n / total
                    self.d.rectangle([round(bx), by, round(bx + seg), by + bh],
                                     fill=SEVERITY_COLOURS[level])
                    bx += seg
        if total:
            self.text((lx, by + bh + self.s(8)), self.t["avg"].format(v=f"{col.mean_severity:.1f}"),
                      self.f.get(15), MUTED)
        y = self._chips(col, x0 + pad, x1 - pad, cy + r + self.s(14))
        self._quotes(col, x0 + pad, x1 - pad, y, y1 - pad)

    def _chips(self, col: JourneyColumn, left: int, right: int, y: int) -> int:
        font = self.f.get(16)
        ch = self.s(26)
        x = left
        for name, n in col.top_zones:
            label = f"{name} ×{n}"
            if x > left and x + font.getlength(label) + self.s(16) > right:
                x, y = left, y + ch + self.s(6)  # next row of chips
            label = _fit([label], 1, font, right - x - self.s(16))[0] \
                if x + font.getlength(label) + self.s(16) > right else label
            wlab = round(font.getlength(label)) + self.s(16)
            self.d.rounded_rectangle([x, y, x + wlab, y + ch], radius=ch // 2,
                                     fill=(255, 255, 255), outline=(239, 154, 154))
            self.text((x + self.s(8), y + ch / 2), label, font, (183, 28, 28), "lm")
            x += wlab + self.s(6)
        return y + ch + self.s(16) if col.top_zones else y + self.s(4)

    def _quotes(self, col: JourneyColumn, left: int, right: int, y: int, bottom: int) -> None:
        qf, wf = self.f.get(19), self.f.get(16)
        lead, extra, gap = self.s(25), self.s(40), self.s(10)
        width = right - left - self.s(22)
        if not col.top_pains:
            font = self.f.get(20)
            self.lines(left, y, wrap(self.t["no_quotes"], font, right - left), font, lead, MUTED)
            return
        wrapped = [wrap(f"\u201c{p.quote}\u201d", qf, width) for p in col.top_pains]
        budget = [len(w) for w in wrapped]
        room = (bottom - y - len(budget) * (extra + gap)) // lead
        while sum(budget) > room and max(budget) > 1:  # shorten the longest quote first
            budget[budget.index(max(budget))] -= 1
        for pain, lines, keep in zip(col.top_pains, wrapped, budget, strict=True):
            lines = _fit(lines, keep, qf, width)
            card_h = len(lines) * lead + extra
            if y + card_h > bottom:
                break
            self.d.rounded_rectangle([left, y, right, y + card_h], radius=self.s(10),
                                     fill=(255, 255, 255))
            self.d.rounded_rectangle([left, y, left + self.s(7), y + card_h],
                                     radius=self.s(3), fill=SEVERITY_COLOURS[pain.severity])
            ty = self.lines(left + self.s(16), y + self.s(8), lines, qf, lead)
            who = f"\u2014 {pain.customer} \u00b7 {self.t['severity']} {pain.severity}"
            who = _fit([who], 1, wf, width)[0]
            self.text((left + self.s(16), ty + self.s(2)), who, wf, MUTED)
            y += card_h + gap

    def value(self, col: JourneyColumn, box: tuple[int, int, int, int]) -> None:
        x0, y0, x1, y1 = box
        pad = self.s(16)
        font = self.f.get(20)
        lead = self.s(26)
        width = x1 - x0 - 2 * pad
        if not col.value_text.strip():
            self.lines(x0 + pad, y0 + pad, wrap(self.t["no_value"], font, width), font, lead,
                       MUTED)
            return
        room = max(1, int((y1 - y0 - 2 * pad) // lead))
        self.lines(x0 + pad, y0 + pad, _fit(wrap(col.value_text, font, width), room, font,
                                            width), font, lead)

    def footer(self) -> None:
        m = self.s(80)
        y = self.h - self.s(64)
        font = self.f.get(18)
        self.text((m, y), self.t["legend"], self.f.get(18, True), INK, "lm")
        x = m + self.s(96)
        for level in range(1, 6):
            r = self.s(9)
            self.d.ellipse([x, y - r, x + 2 * r, y + r], fill=SEVERITY_COLOURS[level])
            label = f"{level} {self.t['levels'].split('|')[level - 1]}"
            self.text((x + 2 * r + self.s(8), y), label, font, MUTED, "lm")
            x += 2 * r + self.s(8) + round(font.getlength(label)) + self.s(28)
        self.text((self.w - m, y), self.t["footer"],
                  font, MUTED, "rm")

    def draw(self) -> Image.Image:
        top = self.header()
        m = self.s(80)
        label_w = self.s(200)
        cols = self.jm.columns
        n = max(1, len(cols))
        gap = self.s(14)
        grid_x = m + label_w + gap
        col_w = (self.w - m - grid_x - gap * (n - 1)) // n
        band_h = self.s(112)
        for i, col in enumerate(cols):
            self.band(grid_x + i * (col_w + gap), top, col_w + (gap if i < n - 1 else 0),
                      band_h, i, n, col)
        y = top + band_h + self.s(20)
        bottom = self.h - self.s(110)
        avail = bottom - y - 2 * gap
        for key, tint, accent, share in ROWS:
            title, hint = self.t[key], self.t[key + "_hint"]
            h = round(avail * share)
            self.d.rounded_rectangle([m, y, m + label_w, y + h], radius=self.s(14), fill=accent)
            size = 24.0
            lf = self.f.get(size, True)
            while size > 14 and max(lf.getlength(w) for w in title.split()) > label_w - self.s(32):
                size -= 1  # long single words (Потребности) shrink instead of breaking
                lf = self.f.get(size, True)
            lines = wrap(title, lf, label_w - self.s(32))
            ly = self.lines(m + self.s(16), y + self.s(18), lines, lf, self.s(30),
                            (255, 255, 255))
            hf = self.f.get(16)
            self.lines(m + self.s(16), ly + self.s(6), wrap(hint, hf, label_w - self.s(32)), hf,
                       self.s(21), _mix(accent, (255, 255, 255), 0.7))
            for i, col in enumerate(cols):
                x = grid_x + i * (col_w + gap)
                box = (x, y, x + col_w, y + h)
                self.cell(box, tint)
                if key == "needs":
                    self.needs(col, box, accent)
                elif key == "pains":
                    self.pains(col, box)
                else:
                    self.value(col, box)
            y += h + gap
        self.footer()
        return self.img


def render_journey_image(jm: JourneyMap, *, dpi: int = BASE_DPI, language: str = "en",
                         fonts_dir: Path | None = None) -> Image.Image:
    """The poster as a Pillow image (A3 landscape at `dpi`; labels in "en" or "ru")."""
    return _Poster(jm, dpi, fonts_dir or resources_dir() / "fonts", language).draw()


def render_journey_map(jm: JourneyMap, out: Path, *, dpi: int = BASE_DPI, language: str = "en",
                       fonts_dir: Path | None = None) -> Path:
    """Write the poster to `out`: .png, or .pdf (one page at `dpi`)."""
    out = Path(out)
    kind = out.suffix.lower()
    if kind not in (".png", ".pdf"):
        raise ValidationError(f"Cannot export the journey map as '{out.name}': use a .png or "
                              ".pdf file name.")
    if not 72 <= dpi <= 300:
        raise ValidationError(f"Journey map resolution must be 72-300 dpi, got {dpi}.")
    image = render_journey_image(jm, dpi=dpi, language=language, fonts_dir=fonts_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == ".pdf":
        image.save(out, "PDF", resolution=float(dpi))
    else:
        image.save(out, "PNG", dpi=(dpi, dpi), optimize=True)
    return out
