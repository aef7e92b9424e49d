"""Russian UI: every string translated, the window really shows Russian, placeholders intact."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.app import create_main_window
from desktop_app.config.settings import Settings, save_settings
from desktop_app.ui.kit.i18n import install_translators
from desktop_app.wiring import build_services

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "closer_ru.ts"
SIDEBAR_RU = ["Расписание", "Интервью", "Аналитика", "Ролики", "Клиенты и персоны",
              "Точки контакта", "Настройки"]
SIDEBAR_EN = ["Schedule", "Interviews", "Insights", "Reels", "Customers & Personas",
              "Touchpoints", "Settings"]
AUTONYMS = {"English"}  # the app-language choice names each language in itself
PLACEHOLDER = re.compile(r"\{\w*\}|%L?\d+|%n")
ACCELERATOR = re.compile(r"&(?=[^&\s])")  # "&Save" marks Alt+S; "A & B" is just an ampersand


def _messages() -> list[tuple[str, str, str]]:
    """(context, source, translation) for every live message of the .ts."""
    out = []
    for ctx in ET.parse(TS).getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in ("vanished", "obsolete"):
                continue
            texts = [n.text or "" for n in tr.findall("numerusform")] or [tr.text or ""]
            for text in texts:
                out.append((ctx.findtext("name", ""), msg.findtext("source", ""), text))
    return out


@pytest.mark.parametrize("script", ["update_translations.py", "ts_fill.py"])
def test_every_ui_string_has_a_russian_translation(script: str) -> None:
    # ts_fill.py --check also covers strings lupdate cannot see behind translate() wrappers
    done = subprocess.run([sys.executable, str(REPO / "scripts" / script), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (done.stdout + done.stderr + "\nTranslate them in "
                                  "resources/translations/closer_ru.ts, then run "
                                  "scripts/ts_fill.py (it also restores wrapped strings)")


def test_translations_keep_placeholders_accelerators_and_spacing() -> None:
    messages = _messages()
    assert len(messages) > 500
    for ctx, src, text in messages:
        where = f"{ctx}: {src!r} -> {text!r}"
        assert Counter(PLACEHOLDER.findall(text)) == Counter(PLACEHOLDER.findall(src)), where
        assert len(ACCELERATOR.findall(src.replace("&&", ""))) == len(
            ACCELERATOR.findall(text.replace("&&", ""))), where
        assert text.count("\n") == src.count("\n"), where
        # suffixes (" days") and joined fragments (" · moved") keep their edge spaces
        assert (src[:1] == " ") == (text[:1] == " ") and (src[-1:] == " ") == (text[-1:] == " "), \
            where
        assert "'{" not in text and '"{' not in text, f"use «ёлочки» around names: {where}"


def _visible_texts(root: QWidget) -> list[str]:
    """Texts a user can read in a view: labels, buttons, fields, tabs, combos, headers."""
    texts: list[str] = []
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root):
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTableView | QTreeView) and w.model() is not None:
            header = w.horizontalHeader() if isinstance(w, QTableView) else w.header()
            if header.isVisibleTo(root):
                texts += [str(w.model().headerData(c, Qt.Orientation.Horizontal) or "")
                          for c in range(header.count())]
    return [t.strip() for t in texts if t and t.strip()]


def test_main_window_speaks_russian_and_switches_back(qtbot: QtBot, closer_home: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translators(app, "ru") == "ru"
    save_settings(Settings(ui_language="ru"), closer_home)  # create_main_window re-applies it
    services = build_services(closer_home)
    win = create_main_window(app, services)
    qtbot.addWidget(win)
    try:
        win.show()
        assert [win.nav.item(i).text() for i in range(win.nav.count())] == SIDEBAR_RU
        english = {src for _c, src, text in _messages() if text != src} - AUTONYMS
        for key in win.section_keys():
            view = win.show_section(key)
            left = sorted({t for t in _visible_texts(view) if t in english})
            assert not left, f"English left in the Russian {key!r} section: {left}"
        win.ctx.events.language_changed.emit("en")
        assert [win.nav.item(i).text() for i in range(win.nav.count())] == SIDEBAR_EN
        assert win.current_section() == key  # the rebuild keeps the section the user was on
    finally:
        install_translators(app, "en")
        win.close()
        win.ctx.runner.shutdown()
    assert win.ctx.runner.active_ids() == []
