"""The recorder's look on top of the app stylesheet: the record button, the REC pill and clock,
banners, the guide's ticked-off questions and the notes list."""

from __future__ import annotations

RECORDER_QSS = """
QWidget#RecorderWindow { background: #f9fafb; }
QPushButton#RecordButton { background: #dc2626; color: #ffffff; border: 1px solid #dc2626;
    font-weight: bold; padding: 8px 20px; border-radius: 8px; }
QPushButton#RecordButton:hover { background: #b91c1c; }
QPushButton#RecordButton:disabled { background: #fca5a5; border-color: #fca5a5; }
QPushButton#StopButton { background: #111827; color: #ffffff; border: 1px solid #111827;
    font-weight: bold; padding: 7px 16px; border-radius: 8px; }
QPushButton#StopButton:hover { background: #374151; }
QPushButton#StopButton:disabled { background: #9ca3af; border-color: #9ca3af; }
QPushButton#MarkButton { background: #fdf4ff; color: #a21caf; border: 1px solid #f0abfc;
    font-weight: bold; padding: 7px 14px; border-radius: 8px; }
QPushButton#MarkButton:hover { background: #fae8ff; }
QPushButton#ControlButton { padding: 7px 14px; border-radius: 8px; }
QLabel#RecPill { background: #dc2626; color: #ffffff; border-radius: 11px; padding: 3px 11px;
    font-weight: bold; font-size: 9pt; }
QLabel#RecPill[state="paused"] { background: #f59e0b; }
QLabel#RecPill[state="saving"] { background: #6b7280; }
QLabel#Elapsed { font-size: 20pt; font-weight: bold; color: #111827;
    font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; }
QLabel#SessionTitle { font-size: 12pt; font-weight: bold; color: #111827; }
QFrame#Banner { background: #eef2ff; border: 1px solid #c7d2fe; border-radius: 8px; }
QFrame#Banner[kind="warning"] { background: #fffbeb; border-color: #fcd34d; }
QFrame#Banner[kind="error"] { background: #fef2f2; border-color: #fecaca; }
QFrame#Banner QLabel { color: #1f2937; }
QPushButton#BannerClose { border: none; background: transparent; color: #6b7280; padding: 2px 6px; }
QLabel#TrackName { color: #374151; font-weight: bold; }
QLabel#TrackSource { color: #6b7280; }
QLabel#GuideText { color: #1f2937; }
QLabel#GuideText[asked="true"] { color: #9ca3af; text-decoration: line-through; }
QFrame#GuideQuestion { border-radius: 6px; }
QFrame#GuideQuestion:hover { background: #f3f4f6; }
QWidget#GuideBody { background: transparent; }
QListWidget#NotesList { border: none; background: transparent; }
QListWidget#NotesList::item { padding: 6px 4px; border-bottom: 1px solid #f3f4f6; }
QLineEdit#NoteField { padding: 7px 10px; border-radius: 8px; }
QLabel#StepNumber { background: #4f46e5; color: #ffffff; border-radius: 12px; font-weight: bold;
    min-width: 24px; max-width: 24px; min-height: 24px; max-height: 24px; }
QLabel#FieldLabel { color: #374151; font-weight: bold; }
QScrollArea#GuideScroll, QScrollArea#GuideScroll > QWidget > QWidget { background: transparent; }
QLabel#GuidePreview { color: #4b5563; line-height: 150%; }
QLabel#SourceHelp { color: #6b7280; font-size: 9pt; }
QLabel#SetupHint { color: #6b7280; }
QLabel#SetupHint[kind="error"] { color: #dc2626; }
QLabel#DoneIcon { background: #d1fae5; color: #047857; border-radius: 28px; font-size: 22pt;
    font-weight: bold; min-width: 56px; max-width: 56px; min-height: 56px; max-height: 56px; }
QLabel#DoneIcon[kind="error"] { background: #fee2e2; color: #b91c1c; }
QLabel#DoneIcon[kind="busy"] { background: #eef2ff; color: #4338ca; }
QLabel#DoneTitle { font-size: 16pt; font-weight: bold; }
QLabel#DoneLine { color: #374151; font-size: 10.5pt; }
"""
