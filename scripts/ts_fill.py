"""Keep closer_ru.ts complete: strings behind translate() wrappers, translation tables, lint.

lupdate only sees literal calls (`self.tr("...")`, `QCoreApplication.translate("Ctx", "...")`).
Modules that wrap the call (`def _t(text): return QCoreApplication.translate("Ctx", text)`) hide
their strings from it; this script finds those calls with `ast`, hands lupdate a throw-away file of
`QT_TRANSLATE_NOOP("Ctx", "...")` lines for them, and otherwise does what update_translations.py
does (lupdate keeping existing translations, lrelease).

Run: .venv/bin/python scripts/ts_fill.py [--apply TABLE.json ...] [--lang en] [--check] [--lint]
  (no flag)     refresh the .ts (wrapped strings included, their translations restored from
                ts_fill_ru_hidden.json when a plain update_translations.py run dropped them)
                and compile the .qm
  --apply FILE  also fill translations from a JSON table {context: {source: translation}}
                (context "*" applies to every context); only unfinished entries are filled,
                unless --overwrite is given too; a numerus message takes a list of forms;
                with --lang en the tables fill closer_en.ts (numerus messages only) instead
  --check       exit 1 when any UI string, wrapped ones included, lacks a translation, or a
                numerus string lacks a plural form (Russian three, English two)
  --lint        list strings lupdate cannot extract or translate well (file:line: why)
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import update_translations as ut  # noqa: E402

# Translations of the strings lupdate cannot see: update_translations.py (-no-obsolete) drops
# them from the .ts, so they are remembered here and restored by the next run of this script.
MEMORY = Path(__file__).resolve().parent / "ts_fill_ru_hidden.json"
TRANSLATE_NAMES = {"tr", "translate"}
SETTERS = {"setText", "setPlaceholderText", "setToolTip", "setWindowTitle", "setStatusTip",
           "addTab", "setTabText", "setTitle", "setSuffix", "setPrefix", "setSpecialValueText",
           "setHorizontalHeaderLabels", "addItem", "addItems", "insertItem", "addAction",
           "setWhatsThis", "information", "warning", "critical", "question", "showMessage",
           "setLabelText", "setAccessibleName"}
WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction",
           "QMenu", "QToolButton", "EmptyState"}


@dataclass(frozen=True)
class Found:
    context: str
    text: str
    path: Path
    line: int


def _wrapper_context(fn: ast.FunctionDef) -> str | None:
    """"Ctx" when `fn` is `def f(text): return QCoreApplication.translate("Ctx", text)`."""
    if not fn.args.args or len(fn.body) != 1 or not isinstance(fn.body[0], ast.Return):
        return None
    call = fn.body[0].value
    param = fn.args.args[0].arg
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate" and len(call.args) >= 2):
        return None
    ctx, text = call.args[0], call.args[1]
    if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str) \
            and isinstance(text, ast.Name) and text.id == param:
        return ctx.value
    return None


def _calls(scope: ast.AST, name: str) -> list[ast.Call]:
    return [n for n in ast.walk(scope) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Name) and n.func.id == name]


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _table_labels(tree: ast.Module) -> list[tuple[str, int]]:
    """Labels of module-level tables: {key: "Label"} values, ((key, "Label"), ...) seconds."""
    out: list[tuple[str, int]] = []
    for node in tree.body:
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Dict) and value.values \
                and all(_literal(k) is not None and _literal(v) is not None
                        for k, v in zip(value.keys, value.values, strict=True)):
            out += [(_literal(v) or "", v.lineno) for v in value.values]
        elif isinstance(value, ast.Tuple | ast.List) and value.elts and all(
                isinstance(e, ast.Tuple) and len(e.elts) == 2
                and all(_literal(x) is not None for x in e.elts) for e in value.elts):
            out += [(_literal(e.elts[1]) or "", e.lineno) for e in value.elts]  # type: ignore
    return out


def _foreign_tr(tree: ast.Module, path: Path) -> list[Found]:
    """`page.tr("...")` with `page: PlaylistsPage`: lupdate files it under "page", Qt looks it
    up under the object's class, so hand lupdate the class as context too."""
    found: list[Found] = []
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        types = {a.arg: ast.unparse(a.annotation).strip("'\"").split(".")[-1]
                 for a in fn.args.args + fn.args.kwonlyargs if a.annotation is not None}
        for call in _calls_attr(fn, "tr"):
            owner = call.func.value  # type: ignore[attr-defined]
            text = _literal(call.args[0]) if call.args else None
            if isinstance(owner, ast.Name) and owner.id in types and text is not None:
                found.append(Found(types[owner.id], text, path, call.lineno))
    return found


def _calls_attr(scope: ast.AST, attr: str) -> list[ast.Call]:
    return [n for n in ast.walk(scope) if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute) and n.func.attr == attr]


def hidden_strings(paths: list[Path]) -> list[Found]:
    """UI strings lupdate cannot see, with the context they are looked up in at run time.

    - literals passed to a translate() wrapper (the wrapper's fixed context);
    - labels of module-level tables a wrapper translates by variable (`_t(name)`);
    - both branches of `QCoreApplication.translate("Ctx", "a" if c else "b")`;
    - `param.tr("...")` under the class `param` is annotated with.
    """
    found: list[Found] = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes: list[tuple[ast.AST, ast.FunctionDef]] = []
        for node in ast.walk(tree):
            body = getattr(node, "body", [])
            for child in body if isinstance(body, list) else []:
                if isinstance(child, ast.FunctionDef) and _wrapper_context(child):
                    scopes.append((node, child))
        for scope, fn in scopes:
            ctx = _wrapper_context(fn) or ""
            calls = _calls(scope, fn.name)
            for call in calls:
                text = _literal(call.args[0]) if call.args else None
                if text is not None:
                    found.append(Found(ctx, text, path, call.lineno))
            if any(call.args and _literal(call.args[0]) is None for call in calls):
                found += [Found(ctx, text, path, line) for text, line in _table_labels(tree)]
        found += _foreign_tr(tree, path)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "translate" \
                    and _is_context(node) and len(node.args) > 1 \
                    and isinstance(node.args[1], ast.IfExp):
                for branch in (node.args[1].body, node.args[1].orelse):
                    if _literal(branch) is not None:
                        found.append(Found(_literal(node.args[0]) or "", _literal(branch) or "",
                                           path, node.lineno))
    return found


def write_shim(path: Path, found: list[Found]) -> None:
    lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({json.dumps(f.context)}, "
              f"{json.dumps(f.text, ensure_ascii=False)})" for f in found]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def lupdate(ts: Path) -> None:
    """lupdate over the UI sources plus the wrapped strings, keeping existing translations.

    The English file (the source language) keeps only the numerus messages.
    """
    sources = ut.ui_sources()
    lang = ut.lang_of(ts)
    extra = ["-pluralonly"] if lang == "en" else []
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "wrapped_strings.py"
        write_shim(shim, hidden_strings(sources))
        subprocess.run([ut.tool("pyside6-lupdate"), *map(str, sources), str(shim),
                        "-no-obsolete", "-locations", "none", "-target-language", lang,
                        *extra, "-ts", str(ts)], check=True, capture_output=True)


def apply_table(ts: Path, table: dict[str, dict[str, Any]], *, overwrite: bool = False) -> int:
    """Fill unfinished messages from {context: {source: translation}}; returns how many.

    A numerus message takes a list of its plural forms ("%n clip(s)": ["%n фрагмент", ...]).
    With `overwrite`, finished translations found in the table are replaced too.
    """
    tree = ET.parse(ts)
    fallback = table.get("*", {})
    filled = 0
    for ctx in tree.getroot().iter("context"):
        own = table.get(ctx.findtext("name", ""), {})
        for msg in ctx.iter("message"):
            src = msg.findtext("source", "")
            tr = msg.find("translation")
            text = own.get(src, fallback.get(src))
            if text is None or tr is None or tr.get("type") in ("vanished", "obsolete"):
                continue
            if msg.get("numerus") == "yes" or isinstance(text, list):
                if not (msg.get("numerus") == "yes" and isinstance(text, list)):
                    continue
                forms = tr.findall("numerusform")
                if tr.get("type") != "unfinished" and not overwrite \
                        and all((f.text or "").strip() for f in forms):
                    continue
                for form in forms:
                    tr.remove(form)
                for form_text in text:
                    ET.SubElement(tr, "numerusform").text = form_text
                tr.attrib.pop("type", None)
                filled += 1
                continue
            if tr.get("type") != "unfinished" and (not overwrite or tr.text == text):
                continue
            tr.text = text
            tr.attrib.pop("type", None)
            filled += 1
    write_ts(ts, tree)
    return filled


def write_ts(ts: Path, tree: ET.ElementTree) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")


def _translations(ts: Path, keys: set[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """Finished translations of `keys` ((context, source) pairs) found in a .ts."""
    out: dict[str, dict[str, str]] = {}
    if not ts.exists():
        return out
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr, src = msg.find("translation"), msg.findtext("source", "")
            if (name, src) in keys and tr is not None and tr.get("type") is None and tr.text:
                out.setdefault(name, {})[src] = tr.text
    return out


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table in tables:
        for ctx, pairs in table.items():
            out.setdefault(ctx, {}).update(pairs)
    return out


def _load_memory() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(MEMORY.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_memory(table: dict[str, dict[str, str]], keys: set[tuple[str, str]]) -> None:
    kept = {ctx: dict(sorted((s, t) for s, t in pairs.items() if (ctx, s) in keys))
            for ctx, pairs in sorted(table.items())}
    MEMORY.write_text(json.dumps({c: p for c, p in kept.items() if p}, ensure_ascii=False,
                                 indent=1) + "\n", encoding="utf-8")


def lrelease(ts: Path) -> None:
    subprocess.run([ut.tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True, capture_output=True)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) \
        and sum(ch.isalpha() for ch in node.value) >= 2


def _is_context(call: ast.Call) -> bool:
    return bool(call.args) and isinstance(call.args[0], ast.Constant) \
        and isinstance(call.args[0].value, str)


def _text_arg(call: ast.Call, name: str) -> ast.expr | None:
    pos = 1 if name == "translate" else 0
    return call.args[pos] if len(call.args) > pos else None


def _check_call(call: ast.Call, name: str, wrapper_fns: set[str]) -> str:
    """Why this tr()/translate()/wrapper call will not come out right ("" when fine)."""
    arg = _text_arg(call, name)
    if arg is None:
        return ""
    if isinstance(arg, ast.JoinedStr):
        return f"f-string inside {name}()"
    if isinstance(arg, ast.BinOp):
        return f"concatenated text inside {name}()"
    if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
        return (f"text is not a literal inside {name}() ({ast.unparse(arg)[:50]}): "
                "lupdate cannot extract it")
    if "%n" in arg.value or len(call.args) > (3 if name == "translate" else 2):
        return ""  # a numerus string: Qt picks the plural form by the count
    if re.search(r"(^|\s)1 [a-z]|^One [a-z]+ (is|will|was|has)", arg.value) or "(s)" in arg.value:
        return f"plural by hand ({arg.value!r}): Russian needs %n numerus forms"
    return ""


def lint(paths: list[Path]) -> list[str]:
    """file:line: why, for strings that will not come out right in Russian."""
    out: list[str] = []
    for path in paths:
        rel = path.relative_to(ut.ROOT)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        wrapper_defs = [f for f in ast.walk(tree)
                        if isinstance(f, ast.FunctionDef) and _wrapper_context(f)]
        wrapper_fns = {f.name for f in wrapper_defs}
        inner = {id(f.body[0].value) for f in wrapper_defs}  # the wrapper's own translate()
        for f in wrapper_defs:
            out.append(f"{rel}:{f.lineno}: wrapper {f.name}() hides its strings from lupdate "
                       f"(context {_wrapper_context(f)!r})")
        for node in ast.walk(tree):
            if isinstance(node, ast.FormattedValue) and node.format_spec is not None \
                    and re.search(r"%[aAbB]", ast.unparse(node.format_spec)):
                out.append(f"{rel}:{node.lineno}: English day/month names from strftime "
                           "(use QLocale().toString)")
            if not isinstance(node, ast.Call) or id(node) in inner:
                continue
            name = _name(node.func)
            if name == "translate" and not _is_context(node):
                continue  # QPainter.translate and the like
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            if name == "tr" and owner is not None \
                    and not (isinstance(owner, ast.Name) and owner.id == "self"):
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node.func)}() is filed by lupdate "
                           f"under the context {ast.unparse(node.func.value)!r}, not its class")
            if name in TRANSLATE_NAMES | wrapper_fns:
                why = _check_call(node, name, wrapper_fns)
                if why:
                    out.append(f"{rel}:{node.lineno}: {why}")
            elif name in SETTERS | WIDGETS:
                for arg in node.args:
                    items = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
                    for item in items:
                        if _is_text(item) or isinstance(item, ast.JoinedStr):
                            out.append(f"{rel}:{node.lineno}: not translated: {name}("
                                       f"{ast.unparse(item)[:60]})")
    return out


def _check() -> int:
    status = 0
    for lang in ut.LANGS:
        ts = ut.TS_DIR / f"closer_{lang}.ts"
        with tempfile.TemporaryDirectory() as tmp:
            probe = Path(tmp) / ts.name
            if ts.exists():
                probe.write_bytes(ts.read_bytes())
            lupdate(probe)
            missing = ut.untranslated(probe)
        print(f"{len(missing)} UI strings lack a '{lang}' translation")
        print("\n".join(f"  {m}" for m in missing))
        status = status or (1 if missing else 0)
    return status


def _refresh_english(argv: list[str]) -> None:
    """closer_en.ts: the numerus messages only (tables given with --lang en fill them)."""
    ts = ut.TS_DIR / "closer_en.ts"
    lupdate(ts)
    if _arg(argv, "--lang") == "en":
        for table in _tables(argv):
            n = apply_table(ts, json.loads(table.read_text("utf-8")),
                            overwrite="--overwrite" in argv)
            print(f"{table.name}: {n} filled")
        lupdate(ts)
    lrelease(ts)
    print(f"{ts.name}: {len(ut.untranslated(ts))} untranslated")


def _arg(argv: list[str], flag: str) -> str | None:
    return next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == flag), None)


def _tables(argv: list[str]) -> list[Path]:
    return [Path(a) for i, a in enumerate(argv) if i and argv[i - 1] == "--apply"]


def main(argv: list[str]) -> int:
    ts = ut.TS_DIR / "closer_ru.ts"
    if "--lint" in argv:
        print("\n".join(lint(ut.ui_sources())) or "nothing to report")
        return 0
    if "--check" in argv:
        return _check()
    hidden = {(f.context, f.text) for f in hidden_strings(ut.ui_sources())}
    memory = _merge(_load_memory(), _translations(ts, hidden))
    lupdate(ts)
    restored = apply_table(ts, memory)  # what a plain update_translations.py run dropped
    if restored:
        print(f"{MEMORY.name}: {restored} restored")
    tables = _tables(argv) if _arg(argv, "--lang") in (None, "ru") else []
    for table in tables:
        n = apply_table(ts, json.loads(table.read_text("utf-8")), overwrite="--overwrite" in argv)
        print(f"{table.name}: {n} filled")
    lupdate(ts)  # back to lupdate's own layout
    lrelease(ts)
    _save_memory(_merge(memory, _translations(ts, hidden)), hidden)
    print(f"{ts.name}: {len(ut.untranslated(ts))} untranslated")
    _refresh_english(argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
