"""Style sheets of the transcript panel and the search results (kept out of the widget code)."""

from __future__ import annotations

from desktop_app.ui.kit.tokens import qss

PANEL_QSS = qss("""
QFrame#TranscriptPanel { background: @CARD; border: 1px solid @LINE; border-radius: 12px; }
QFrame#TranscriptPanel QFrame#PanelLine { background: @SURFACE_ALT; border: none; }
QFrame#TranscriptPanel QListView#TranscriptList { border: none; background: transparent;
    border-bottom-left-radius: 12px; border-bottom-right-radius: 12px; }
QFrame#TranscriptPanel QWidget#TranscriptEmpty { background: transparent; }
QFrame#TranscriptPanel QPushButton#MenuButton { padding: 5px 12px; }
QFrame#TranscriptPanel QPushButton#MenuButton::menu-indicator { image: none; width: 0; }
QFrame#TranscriptPanel QToolButton#UndoButton { font-size: 14pt; color: @GRAY_600;
    border: none; border-radius: 6px; background: transparent; }
QFrame#TranscriptPanel QToolButton#UndoButton:hover { background: @SURFACE_ALT; }
QFrame#TranscriptPanel QToolButton#UndoButton:disabled { color: @LINE_STRONG; }
QFrame#TranscriptPanel QPushButton#PrimaryButton[split="left"] {
    border-top-right-radius: 0; border-bottom-right-radius: 0; padding: 8px 22px; }
QFrame#TranscriptPanel QPushButton#PrimaryButton[split="right"] {
    border-top-left-radius: 0; border-bottom-left-radius: 0; padding: 8px 10px;
    border-left: 1px solid @INDIGO_500; }
QFrame#TranscriptPanel QPushButton#PrimaryButton[split="right"]::menu-indicator { image: none;
    width: 0; }
QMenu { background: @CARD; border: 1px solid @LINE; padding: 6px 4px; }
QMenu::item { padding: 6px 28px 6px 10px; margin: 0 2px; border-radius: 5px; color: @INK; }
QMenu::item:selected { background: @ACCENT_SOFT; color: @INDIGO_800; }
QMenu::item:disabled { color: @FAINT; background: transparent; }
QMenu::icon { padding-left: 10px; }
QMenu::separator { height: 1px; background: @SURFACE_ALT; margin: 5px 8px; }
QMenu::indicator { width: 14px; height: 14px; left: 6px; }
QFrame#StatusStrip { background: @ACCENT_SOFT; border: none; border-top: 1px solid @INDIGO_100; }
QFrame#StatusStrip[state="error"] { background: @DANGER_SOFT; border-top-color: @RED_100; }
QFrame#StatusStrip[state="stopped"] { background: @AMBER_50; border-top-color: @AMBER_100; }
QFrame#StatusStrip[state="ok"] { background: @EMERALD_50; border-top-color: @SUCCESS_SOFT; }
QFrame#StatusStrip QLabel#StatusText { color: @INDIGO_900; }
QFrame#StatusStrip[state="error"] QLabel#StatusText { color: @RED_800; }
QFrame#StatusStrip[state="stopped"] QLabel#StatusText { color: @AMBER_800; }
QFrame#StatusStrip[state="ok"] QLabel#StatusText { color: @EMERALD_800; }
""")

SEARCH_QSS = """
QLineEdit#TranscriptSearch { padding: 7px 10px; border-radius: 8px; }
QListView#SearchResults { border: none; background: transparent; }
"""
