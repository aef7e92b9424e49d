"""Refresh resources/translations/closer_{ru,en}.ts from the UI sources and compile the .qm files.

Run: .venv/bin/python scripts/update_translations.py [--check]
Translate new entries in the .ts (Qt Linguist, or by editing the XML), then run it again.
closer_ru.ts holds every UI string; closer_en.ts only the numerus ones ("%n clip(s)" ->
"1 clip" / "%n clips"), since English is the source language.
--check exits 1 when any UI string lacks a Russian translation, or a numerus string lacks one of
its plural forms in either language (used by the test suite).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGS = ("ru", "en")
PLURAL_FORMS = {"ru": 3, "en": 2}  # one/few/many; one/other


def ui_sources() -> list[Path]:
    return sorted((ROOT / "desktop_app" / "ui").rglob("*.py")) + [ROOT / "desktop_app" / "app.py"]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lang_of(ts: Path) -> str:
    return ts.stem.rsplit("_", 1)[-1]


def lupdate(ts: Path) -> None:
    """Also feeds lupdate the strings behind translate() wrappers (see ts_fill.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import ts_fill

    ts_fill.lupdate(ts)


def untranslated(ts: Path) -> list[str]:
    """"Context: source" of every live message lacking its translation or a plural form."""
    forms = PLURAL_FORMS.get(lang_of(ts), 0)
    missing = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        cname = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is not None and tr.get("type") in ("vanished", "obsolete"):
                continue
            where = f"{cname}: {msg.findtext('source', '')}"
            if tr is None or tr.get("type") == "unfinished":
                missing.append(where)
            elif msg.get("numerus") == "yes":
                texts = [(n.text or "").strip() for n in tr.findall("numerusform")]
                if len(texts) != forms or not all(texts):
                    missing.append(f"{where} (needs {forms} plural forms)")
            elif not (tr.text or "").strip():
                missing.append(where)
    return missing


def main(argv: list[str]) -> int:
    check = "--check" in argv
    status = 0
    for lang in LANGS:
        ts = TS_DIR / f"closer_{lang}.ts"
        if check:
            with tempfile.TemporaryDirectory() as tmp:
                probe = Path(tmp) / ts.name
                if ts.exists():
                    probe.write_bytes(ts.read_bytes())
                lupdate(probe)
                missing = untranslated(probe)
            if missing:
                print(f"{len(missing)} UI strings lack a '{lang}' translation:")
                print("\n".join(f"  {m}" for m in missing[:200]))
                status = 1
            continue
        lupdate(ts)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm",
                        str(ts.with_suffix(".qm"))], check=True, capture_output=True)
        missing = untranslated(ts)
        print(f"{ts.name}: {len(missing)} untranslated")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
