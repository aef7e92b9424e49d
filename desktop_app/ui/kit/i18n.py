"""UI language: installs Qt's and Closer's translators (English source, Russian shipped).

English needs a translator too: closer_en.qm holds the plural forms of every "%n" count.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.config.resources import resources_dir

SUPPORTED = ("en", "ru")
_installed: list[QTranslator] = []


def resolve_language(setting: str) -> str:
    """"system" follows the OS locale; anything unsupported falls back to English."""
    if setting in SUPPORTED:
        return setting
    name = QLocale.system().name().split("_")[0]
    return name if name in SUPPORTED else "en"


def install_translators(app: QApplication, setting: str) -> str:
    """Replace the installed translators; returns the language now in use."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    lang = resolve_language(setting)
    # Dates, weekdays and numbers follow the UI language.
    QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru"
                               else QLocale.Language.English, QLocale.Country.AnyTerritory))
    qt_tr = QTranslator(app)
    if lang != "en" and qt_tr.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / f"closer_{lang}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    return lang
