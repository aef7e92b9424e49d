"""Style sheets of the transcript panel and the search results (kept out of the widget code)."""

from __future__ import annotations

PANEL_QSS = """
QFrame#TranscriptPanel { background: #ffffff; border: 1px solid #e5e7eb; border-radius: 12px; }
QFrame#TranscriptPanel QFrame#PanelLine { background: #f3f4f6; border: none; }
QFrame#TranscriptPanel QListView#TranscriptList { border: none; background: transparent;
    border-bottom-left-radius: 12px; border-bottom-right-radius: 12px; }
QFrame#TranscriptPanel QWidget#TranscriptEmpty { background: transparent; }
QFrame#TranscriptPanel QPushButton#MenuButton { padding: 5px 12px; }
QFrame#TranscriptPanel QPushButton#MenuButton::menu-indicator { image: none; width: 0; }
QFrame#TranscriptPanel QToolButton#UndoButton { font-size: 14pt; color: #4b5563;
    border: none; border-radius: 6px; background: transparent; }
QFrame#TranscriptPanel QToolButton#UndoButton:hover { background: #f3f4f6; }
QFrame#TranscriptPanel QToolButton#UndoButton:disabled { color: #d1d5db; }
QFrame#TranscriptPanel QPushButton#PrimaryButton[split="left"] {
    border-top-right-radius: 0; border-bottom-right-radius: 0; padding: 8px 22px; }
QFrame#TranscriptPanel QPushButton#PrimaryButton[split="right"] {
    border-top-left-radius: 0; border-bottom-left-radius: 0; padding: 8px 10px;
    border-left: 1px solid #6366f1; }
QFrame#TranscriptPanel QPushButton#PrimaryButton[split="right"]::menu-indicator { image: none;
    width: 0; }
QMenu { background: #ffffff; border: 1px solid #e5e7eb; padding: 6px 4px; }
QMenu::item { padding: 6px 28px 6px 10px; margin: 0 2px; border-radius: 5px; color: #111827; }
QMenu::item:selected { background: #eef2ff; color: #3730a3; }
QMenu::item:disabled { color: #9ca3af; background: transparent; }
QMenu::icon { padding-left: 10px; }
QMenu::separator { height: 1px; background: #f3f4f6; margin: 5px 8px; }
QMenu::indicator { width: 14px; height: 14px; left: 6px; }
QFrame#StatusStrip { background: #eef2ff; border: none; border-top: 1px solid #e0e7ff; }
QFrame#StatusStrip[state="error"] { background: #fef2f2; border-top-color: #fee2e2; }
QFrame#StatusStrip[state="stopped"] { background: #fffbeb; border-top-color: #fef3c7; }
QFrame#StatusStrip[state="ok"] { background: #ecfdf5; border-top-color: #d1fae5; }
QFrame#StatusStrip QLabel#StatusText { color: #312e81; }
QFrame#StatusStrip[state="error"] QLabel#StatusText { color: #991b1b; }
QFrame#StatusStrip[state="stopped"] QLabel#StatusText { color: #92400e; }
QFrame#StatusStrip[state="ok"] QLabel#StatusText { color: #065f46; }
"""

SEARCH_QSS = """
QLineEdit#TranscriptSearch { padding: 7px 10px; border-radius: 8px; }
QListView#SearchResults { border: none; background: transparent; }
"""
