"""Export a transcript as TXT, SRT, WebVTT, JSON (segments + words) or DOCX.

TXT and DOCX are for reading: a header (title, customer, date) and one paragraph per speaker
turn, each starting with its time and speaker. SRT and WebVTT have one cue per segment (the
speaker as "Name: " in SRT, as a <v Name> voice tag in WebVTT). JSON carries everything,
including word timings. Files are written atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.transcript import SegmentView, TranscriptView
from desktop_app.services.audit import AuditService

FORMATS = ("txt", "srt", "vtt", "json", "docx")


def clock(seconds: float, *, sep: str = ".", millis: bool = True) -> str:
    """01:02:03.456 (SRT uses "," before the milliseconds)."""
    ms = max(0, round(seconds * 1000))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}" if millis else f"{h:02d}:{m:02d}:{s:02d}"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("-->", "->")


def turns(view: TranscriptView) -> Iterator[tuple[float, str, str]]:
    """(start, speaker, text) of each run of consecutive segments by the same speaker."""
    current: list[SegmentView] = []
    for seg in view.segments:
        if current and seg.speaker != current[0].speaker:
            yield current[0].start, current[0].speaker, " ".join(s.text for s in current)
            current = []
        current.append(seg)
    if current:
        yield current[0].start, current[0].speaker, " ".join(s.text for s in current)


def _header(view: TranscriptView) -> list[str]:
    lines = [view.title or f"Interview {view.interview_id}"]
    if view.customer:
        lines.append(f"Customer: {view.customer}")
    if view.recorded_at is not None:
        lines.append(f"Date: {view.recorded_at:%Y-%m-%d %H:%M} UTC")
    return lines


def render_txt(view: TranscriptView) -> str:
    lines = [*_header(view), ""]
    for start, speaker, text_ in turns(view):
        label = f"{speaker}: " if speaker else ""
        lines.append(f"[{clock(start, millis=False)}] {label}{text_}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_srt(view: TranscriptView) -> str:
    cues = []
    for n, seg in enumerate((s for s in view.segments if s.text.strip()), start=1):
        label = f"{seg.speaker}: " if seg.speaker else ""
        cues.append(f"{n}\n{clock(seg.start, sep=',')} --> {clock(seg.end, sep=',')}\n"
                    f"{label}{_one_line(seg.text)}\n")
    return "\n".join(cues)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_vtt(view: TranscriptView) -> str:
    out = ["WEBVTT", ""]
    for seg in view.segments:
        if not seg.text.strip():
            continue
        body = _vtt_escape(_one_line(seg.text))
        if seg.speaker:
            body = f"<v {_vtt_escape(seg.speaker)}>{body}"
        out += [f"{clock(seg.start)} --> {clock(seg.end)}", body, ""]
    return "\n".join(out)


def render_json(view: TranscriptView) -> dict[str, Any]:
    data = view.as_json()
    data.update({"title": view.title, "customer": view.customer,
                 "recorded_at": view.recorded_at.isoformat() if view.recorded_at else None,
                 "complete": view.complete})
    return data


def _write_docx(view: TranscriptView, path: Path) -> None:
    from docx import Document  # python-docx: imported only when exporting DOCX
    from docx.shared import Pt, RGBColor

    doc = Document()
    title, *facts = _header(view)
    doc.core_properties.title = title
    doc.add_heading(title, level=0)
    for fact in facts:
        doc.add_paragraph(fact)
    for start, speaker, text_ in turns(view):
        para = doc.add_paragraph()
        stamp = para.add_run(f"[{clock(start, millis=False)}] ")
        stamp.font.color.rgb = RGBColor(0x6B, 0x72, 0x80)
        stamp.font.size = Pt(9)
        if speaker:
            para.add_run(f"{speaker}: ").bold = True
        para.add_run(text_)
    doc.save(str(path))


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_transcript(view: TranscriptView, fmt: str, out: Path) -> Path:
    """Write `view` to `out` in format `fmt` (one of FORMATS); returns the path."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValidationError(f"Unknown transcript format '{fmt}': use one of "
                              f"{', '.join(FORMATS)}.")
    out = Path(out).expanduser()
    if out.is_dir():
        raise ValidationError(f"'{out}' is a folder: give a file name to export to.")
    if fmt == "docx":
        _atomic(out, lambda p: _write_docx(view, p))
        return out
    if fmt == "json":
        body = json.dumps(render_json(view), ensure_ascii=False, indent=2) + "\n"
    else:
        body = {"txt": render_txt, "srt": render_srt, "vtt": render_vtt}[fmt](view)
    _atomic(out, lambda p: p.write_text(body, encoding="utf-8"))
    return out


class TranscriptExportService:
    """Exports stored transcripts (reads them through `transcript(interview_id)`)."""

    def __init__(self, transcript: Callable[[int], TranscriptView | None], *,
                 audit: AuditService | None = None) -> None:
        self._transcript = transcript
        self._audit = audit  # when given, each export is written to the audit log

    def export(self, interview_id: int, fmt: str, out: Path) -> Path:
        view = self._transcript(interview_id)
        if view is None:
            raise ValidationError(f"Interview {interview_id} has no transcript yet: "
                                  "transcribe it first.")
        path = write_transcript(view, fmt, out)
        if self._audit is not None:
            self._audit.record_interviews("transcript_export", [interview_id],
                                          subject=f"interview {interview_id}", path=str(path),
                                          format=fmt)
        return path
