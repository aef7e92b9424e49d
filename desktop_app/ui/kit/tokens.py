"""Design tokens: the app's colours and spacing, by name, for Python and the stylesheets.

Colours come as a palette (Tailwind-style hue_step names, plus a few one-off tints) and as
semantic names for what they mean on screen (INK, MUTED, LINE, ACCENT, SURFACE, DANGER, ...).
Python uses the names directly; stylesheets (resources/qss/closer.qss and the feature style
modules) write `@NAME`, which `qss()` replaces with the value when the sheet is applied.
"""

from __future__ import annotations

import re

# --- palette ------------------------------------------------------------------------------------

BLACK = "#000000"
WHITE = "#ffffff"
GRAY_50 = "#f9fafb"
GRAY_100 = "#f3f4f6"
GRAY_200 = "#e5e7eb"
GRAY_300 = "#d1d5db"
GRAY_400 = "#9ca3af"
GRAY_500 = "#6b7280"
GRAY_600 = "#4b5563"
GRAY_700 = "#374151"
GRAY_800 = "#1f2937"
GRAY_900 = "#111827"
SLATE_200 = "#e2e8f0"
SLATE_400 = "#94a3b8"
SLATE_600 = "#475569"
SLATE_800 = "#1e293b"
SLATE_900 = "#0f172a"
RED_50 = "#fef2f2"
RED_100 = "#fee2e2"
RED_200 = "#fecaca"
RED_300 = "#fca5a5"
RED_500 = "#ef4444"
RED_600 = "#dc2626"
RED_700 = "#b91c1c"
RED_800 = "#991b1b"
RED_900 = "#7f1d1d"
ORANGE_500 = "#f97316"
ORANGE_600 = "#ea580c"
AMBER_50 = "#fffbeb"
AMBER_100 = "#fef3c7"
AMBER_200 = "#fde68a"
AMBER_300 = "#fcd34d"
AMBER_400 = "#fbbf24"
AMBER_500 = "#f59e0b"
AMBER_600 = "#d97706"
AMBER_700 = "#b45309"
AMBER_800 = "#92400e"
LIME_600 = "#65a30d"
GREEN_50 = "#f0fdf4"
GREEN_100 = "#dcfce7"
GREEN_200 = "#bbf7d0"
GREEN_600 = "#16a34a"
EMERALD_50 = "#ecfdf5"
EMERALD_100 = "#d1fae5"
EMERALD_200 = "#a7f3d0"
EMERALD_500 = "#10b981"
EMERALD_600 = "#059669"
EMERALD_700 = "#047857"
EMERALD_800 = "#065f46"
EMERALD_900 = "#064e3b"
TEAL_50 = "#f0fdfa"
TEAL_100 = "#ccfbf1"
TEAL_600 = "#0d9488"
TEAL_700 = "#0f766e"
TEAL_900 = "#134e4a"
SKY_100 = "#e0f2fe"
SKY_600 = "#0284c7"
SKY_800 = "#075985"
BLUE_50 = "#eff6ff"
BLUE_100 = "#dbeafe"
BLUE_500 = "#3b82f6"
INDIGO_50 = "#eef2ff"
INDIGO_100 = "#e0e7ff"
INDIGO_200 = "#c7d2fe"
INDIGO_300 = "#a5b4fc"
INDIGO_400 = "#818cf8"
INDIGO_500 = "#6366f1"
INDIGO_600 = "#4f46e5"
INDIGO_700 = "#4338ca"
INDIGO_800 = "#3730a3"
INDIGO_900 = "#312e81"
VIOLET_50 = "#f5f3ff"
VIOLET_100 = "#ede9fe"
VIOLET_600 = "#7c3aed"
VIOLET_800 = "#5b21b6"
VIOLET_900 = "#4c1d95"
FUCHSIA_50 = "#fdf4ff"
FUCHSIA_100 = "#fae8ff"
FUCHSIA_300 = "#f0abfc"
FUCHSIA_700 = "#a21caf"
PINK_600 = "#db2777"
ROSE_100 = "#ffe4e6"
ROSE_600 = "#e11d48"
ROSE_800 = "#9f1239"
MATERIAL_RED = "#c62828"
MATERIAL_GREEN = "#2e7d32"
MATERIAL_BLUE = "#1976d2"
MATERIAL_TEAL = "#00796b"
NIGHT = "#0b1020"
MIST = "#eceef2"
BLUSH = "#f3b4b4"
CREAM = "#fff7e6"
HAZE_INDIGO = "#f5f7ff"
HAZE_LILAC = "#fafaff"
HAZE_VIOLET = "#f8f8fc"
HAZE_1 = "#fbfbfc"
HAZE_2 = "#fafafb"
HAZE_3 = "#f6f7f9"
HAZE_4 = "#f5f6f8"
SILVER = "#c0c4cc"

# --- semantic names -----------------------------------------------------------------------------
INK = GRAY_900  # body text, the dark sidebar
INK_SOFT = GRAY_700  # secondary text that must stay readable
MUTED = GRAY_500  # subtitles, hints, captions
FAINT = GRAY_400  # placeholders, disabled text, axis labels
LINE = GRAY_200  # borders and separators
LINE_STRONG = GRAY_300  # input borders, stronger separators
SURFACE = GRAY_50  # page background
SURFACE_ALT = GRAY_100  # hover and alternate rows
CARD = WHITE  # cards, inputs, text on accent
ACCENT = INDIGO_600  # primary actions, links, selection
ACCENT_HOVER = INDIGO_700  # primary action hovered or pressed
ACCENT_SOFT = INDIGO_50  # selected rows, soft accent backgrounds
ACCENT_LINE = INDIGO_200  # borders of accent-tinted things
WARM = AMBER_500  # warnings, attention
DANGER = RED_600  # errors, destructive actions
DANGER_DARK = RED_700  # destructive action text, recording
DANGER_SOFT = RED_50  # error backgrounds
SUCCESS = EMERALD_700  # done, saved
SUCCESS_SOFT = EMERALD_100  # success backgrounds

# --- spacing (px) -------------------------------------------------------------------------------
SPACE_XS = 4
SPACE_S = 8
SPACE_M = 12
SPACE_L = 16
SPACE_XL = 24
PAGE_MARGINS = (32, 28, 32, 24)  # left, top, right, bottom of a section page

TOKENS: dict[str, str] = {name: value for name, value in globals().items()
                          if name.isupper() and isinstance(value, str) and value.startswith("#")}
_PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)\b(?!@)")


def qss(sheet: str) -> str:
    """`sheet` with every `@NAME` replaced by that token's value (an unknown name is an error)."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in TOKENS:
            raise KeyError(f"Unknown colour token @{name} in a stylesheet")
        return TOKENS[name]

    return _PLACEHOLDER.sub(value, sheet)
