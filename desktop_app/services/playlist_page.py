"""The offline page of an exported playlist: one self-contained index.html beside the MP4s.

No server and no external resource: CSS and the few lines of script are inline, every
<video> points at a file in the same folder by a relative, percent-encoded name, so the folder
can be copied to a laptop, a USB stick or an intranet share and opened in any browser.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from desktop_app.domain import durations

_CSS = """
:root { color-scheme: light dark; --bg: #f6f7fb; --card: #ffffff; --text: #0f172a;
  --muted: #5b6477; --accent: #4f6bed; --line: #e3e6ef; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1320; --card: #171c2c; --text: #e8ebf4; --muted: #9aa3b8;
    --line: #262d42; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 880px; margin: 0 auto; padding: 48px 20px 64px; }
header { margin-bottom: 32px; }
.role { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 13px;
  background: color-mix(in srgb, var(--accent) 14%, transparent); color: var(--accent);
  font-weight: 600; letter-spacing: .02em; }
h1 { font-size: 32px; line-height: 1.2; margin: 12px 0 8px; }
.description { color: var(--muted); margin: 0 0 12px; white-space: pre-line; }
.meta { color: var(--muted); font-size: 14px; }
.meta a { color: var(--accent); }
article { background: var(--card); border: 1px solid var(--line); border-radius: 14px;
  padding: 20px; margin: 0 0 20px; box-shadow: 0 1px 2px rgba(15, 23, 42, .04); }
.head { display: flex; align-items: baseline; gap: 12px; margin-bottom: 12px; }
.num { flex: none; width: 30px; height: 30px; border-radius: 50%; background: var(--accent);
  color: #fff; font-weight: 700; font-size: 14px; display: grid; place-items: center; }
h2 { font-size: 20px; margin: 0; flex: 1; }
.len { color: var(--muted); font-size: 14px; font-variant-numeric: tabular-nums; }
video { width: 100%; aspect-ratio: 16 / 9; background: #000; border-radius: 10px;
  display: block; }
.text { margin: 14px 0 0; }
.text p { margin: 0 0 8px; }
footer { color: var(--muted); font-size: 13px; text-align: center; margin-top: 36px; }
"""

# when one video ends, the next one starts (a playlist, not a pile of files)
_SCRIPT = """
const videos = Array.from(document.querySelectorAll("video[data-next]"));
videos.forEach((v, i) => v.addEventListener("ended", () => {
  const next = videos[i + 1];
  if (next) { next.scrollIntoView({behavior: "smooth", block: "center"}); next.play(); }
}));
"""


@dataclass(frozen=True)
class PageEntry:
    """One reel on the page: its title, MP4 file name (in the same folder) and HR's text."""

    title: str
    file_name: str
    duration_s: float
    text: str = ""
    captions_file: str = ""  # a WebVTT file for soft captions, or ""


def clock(seconds: float) -> str:
    return durations.clock(seconds)  # as the player shows it


def _paragraphs(text: str) -> str:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(f"<p>{html.escape(b).replace(chr(10), '<br>')}</p>" for b in blocks)


def _src(file_name: str) -> str:
    return html.escape(quote(file_name), quote=True)


def render_page(*, name: str, role: str, description: str, entries: Sequence[PageEntry],
                joined_file: str = "", lang: str = "en") -> str:
    """The whole index.html as text."""
    total = sum(e.duration_s for e in entries)
    count = f"{len(entries)} video{'s' if len(entries) != 1 else ''}"
    joined = (f' &middot; <a href="{_src(joined_file)}">all in one video</a>'
              if joined_file else "")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang, quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(name)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f'<span class="role">{html.escape(role)}</span>' if role.strip() else "",
        f"<h1>{html.escape(name)}</h1>",
        f'<p class="description">{html.escape(description)}</p>' if description.strip()
        else "",
        f'<div class="meta">{count} &middot; {clock(total)}{joined}</div>',
        "</header>",
    ]
    for k, e in enumerate(entries, start=1):
        track = (f'<track kind="captions" src="{_src(e.captions_file)}" default>'
                 if e.captions_file else "")
        parts += [
            f'<article id="reel-{k}">',
            '<div class="head">',
            f'<span class="num">{k}</span>',
            f"<h2>{html.escape(e.title)}</h2>",
            f'<span class="len">{clock(e.duration_s)}</span>',
            "</div>",
            f'<video controls preload="metadata" playsinline data-next '
            f'src="{_src(e.file_name)}">{track}</video>',
            f'<div class="text">{_paragraphs(e.text)}</div>' if e.text.strip() else "",
            "</article>",
        ]
    parts += [
        "<footer>Real customer voices, made with Closer. This page works offline.</footer>",
        "</main>",
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
