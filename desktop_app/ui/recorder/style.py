"""The recorder's look on top of the app stylesheet: the record button, the REC pill and clock,
banners, the guide's ticked-off questions and the notes list."""

from __future__ import annotations

from desktop_app.ui.kit.tokens import qss

RECORDER_QSS = qss("""
QWidget#RecorderWindow { background: @SURFACE; }
QPushButton#RecordButton { background: @DANGER; color: @CARD; border: 1px solid @DANGER;
    font-weight: bold; padding: 8px 20px; border-radius: 8px; }
QPushButton#RecordButton:hover { background: @DANGER_DARK; }
QPushButton#RecordButton:disabled { background: @RED_300; border-color: @RED_300; }
QPushButton#StopButton { background: @INK; color: @CARD; border: 1px solid @INK;
    font-weight: bold; padding: 7px 16px; border-radius: 8px; }
QPushButton#StopButton:hover { background: @INK_SOFT; }
QPushButton#StopButton:disabled { background: @FAINT; border-color: @FAINT; }
QPushButton#MarkButton { background: @FUCHSIA_50; color: @FUCHSIA_700;
    border: 1px solid @FUCHSIA_300;
    font-weight: bold; padding: 7px 14px; border-radius: 8px; }
QPushButton#MarkButton:hover { background: @FUCHSIA_100; }
QPushButton#ControlButton { padding: 7px 14px; border-radius: 8px; }
QLabel#RecPill { background: @DANGER; color: @CARD; border-radius: 11px; padding: 3px 11px;
    font-weight: bold; font-size: 9pt; }
QLabel#RecPill[state="paused"] { background: @WARM; }
QLabel#RecPill[state="saving"] { background: @MUTED; }
QLabel#Elapsed { font-size: 20pt; font-weight: bold; color: @INK;
    font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; }
QLabel#SessionTitle { font-size: 12pt; font-weight: bold; color: @INK; }
QFrame#Banner { background: @ACCENT_SOFT; border: 1px solid @ACCENT_LINE; border-radius: 8px; }
QFrame#Banner[kind="warning"] { background: @AMBER_50; border-color: @AMBER_300; }
QFrame#Banner[kind="error"] { background: @DANGER_SOFT; border-color: @RED_200; }
QFrame#Banner QLabel { color: @GRAY_800; }
QPushButton#BannerClose { border: none; background: transparent; color: @MUTED; padding: 2px 6px; }
QLabel#TrackName { color: @INK_SOFT; font-weight: bold; }
QLabel#TrackSource { color: @MUTED; }
QLabel#GuideText { color: @GRAY_800; }
QLabel#GuideText[asked="true"] { color: @FAINT; text-decoration: line-through; }
QFrame#GuideQuestion { border-radius: 6px; }
QFrame#GuideQuestion:hover { background: @SURFACE_ALT; }
QWidget#GuideBody { background: transparent; }
QListWidget#NotesList { border: none; background: transparent; }
QListWidget#NotesList::item { padding: 6px 4px; border-bottom: 1px solid @SURFACE_ALT; }
QLineEdit#NoteField { padding: 7px 10px; border-radius: 8px; }
QLabel#StepNumber { background: @ACCENT; color: @CARD; border-radius: 12px; font-weight: bold;
    min-width: 24px; max-width: 24px; min-height: 24px; max-height: 24px; }
QLabel#FieldLabel { color: @INK_SOFT; font-weight: bold; }
QScrollArea#GuideScroll, QScrollArea#GuideScroll > QWidget > QWidget { background: transparent; }
QLabel#GuidePreview { color: @GRAY_600; line-height: 150%; }
QLabel#SourceHelp { color: @MUTED; font-size: 9pt; }
QLabel#SetupHint { color: @MUTED; }
QLabel#SetupHint[kind="error"] { color: @DANGER; }
QLabel#DoneIcon { background: @SUCCESS_SOFT; color: @SUCCESS; border-radius: 28px; font-size: 22pt;
    font-weight: bold; min-width: 56px; max-width: 56px; min-height: 56px; max-height: 56px; }
QLabel#DoneIcon[kind="error"] { background: @RED_100; color: @DANGER_DARK; }
QLabel#DoneIcon[kind="busy"] { background: @ACCENT_SOFT; color: @ACCENT_HOVER; }
QLabel#DoneTitle { font-size: 16pt; font-weight: bold; }
QLabel#DoneLine { color: @INK_SOFT; font-size: 10.5pt; }
""")
