"""The interview's highlights beside the transcript, in time order: tagged highlights, recorder
markers still to review, and keyword suggestions (with the rule that matched) to accept or reject.

A click asks the tagging controller to select the item's words and seek there; the buttons under
the list merge, delete, accept, reject and step through suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.highlights import HighlightView, Suggestion
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import (
    ACCENT,
    AMBER_600,
    AMBER_800,
    FAINT,
    INK,
    INK_SOFT,
    SURFACE_ALT,
)
from desktop_app.ui.player.parts import format_clock

HIGHLIGHT, REVIEW, SUGGESTED = "highlight", "review", "suggestion"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ListEntry:
    kind: str  # HIGHLIGHT | REVIEW | SUGGESTED
    key: str  # "h:<id>" or "s:<suggestion key>"
    start: float
    end: float


def entry_key(kind: str, ident: int | str) -> str:
    return f"{'s' if kind == SUGGESTED else 'h'}:{ident}"


class HighlightsList(QWidget):
    """Lists one interview's highlights, markers to review and suggestions."""

    activated = Signal(str)  # entry key: select its words, seek, open the tag bar
    merge_requested = Signal(list)  # highlight ids
    delete_requested = Signal(list)  # highlight ids
    step_suggestion = Signal(int)  # -1 previous, +1 next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HighlightsList")
        self.entries: list[ListEntry] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(4, 4, 4, 0)
        lay.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("HighlightItems")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.itemClicked.connect(self._on_clicked)
        self.list.itemActivated.connect(self._on_clicked)
        self.list.itemSelectionChanged.connect(self._sync_buttons)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.prev_button = QPushButton(self.tr("◂ Suggestion"))
        self.prev_button.setToolTip(self.tr("Previous suggestion ([)"))
        self.prev_button.clicked.connect(lambda: self.step_suggestion.emit(-1))
        self.next_button = QPushButton(self.tr("Suggestion ▸"))
        self.next_button.setToolTip(self.tr("Next suggestion (])"))
        self.next_button.clicked.connect(lambda: self.step_suggestion.emit(1))
        self.merge_button = QPushButton(self.tr("Merge"))
        self.merge_button.setToolTip(self.tr("Merge the selected highlights (or this one and "
                                             "the next) into one"))
        self.merge_button.clicked.connect(self._merge)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.setToolTip(self.tr("Delete the selected highlights (Del)"))
        self.delete_button.clicked.connect(self._delete)
        for b in (self.prev_button, self.next_button, self.merge_button, self.delete_button):
            b.setCursor(Qt.CursorShape.PointingHandCursor)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self._sync_buttons()

    # --- content ----------------------------------------------------------------------------

    def set_items(self, highlights: list[HighlightView], suggestions: list[Suggestion],
                  zone_names: dict[str, str], zone_colours: dict[str, str],
                  moments: dict[int, float] | None = None) -> None:
        """Show the highlights and suggestions, in time order; keeps the selection by key."""
        keep = set(self.selected_keys())
        scroll = self.list.verticalScrollBar().value()  # an undo does not jump to the top
        self.list.setUpdatesEnabled(False)
        with signals_blocked(self.list):
            self._fill(highlights, suggestions, zone_names, zone_colours, moments or {}, keep)
        self.list.verticalScrollBar().setValue(scroll)
        self.list.setUpdatesEnabled(True)
        n_h = sum(1 for e in self.entries if e.kind == HIGHLIGHT)
        n_r = sum(1 for e in self.entries if e.kind == REVIEW)
        n_s = sum(1 for e in self.entries if e.kind == SUGGESTED)
        parts = [self.tr("%n highlight(s)", "", n_h)]
        if n_r:
            parts.append(self.tr("%n to review", "", n_r))
        if n_s:
            parts.append(self.tr("%n suggestion(s)", "", n_s))
        self.summary.setText(" · ".join(parts))
        self._sync_buttons()

    def _fill(self, highlights: list[HighlightView], suggestions: list[Suggestion],
              zone_names: dict[str, str], zone_colours: dict[str, str],
              moments: dict[int, float], keep: set[str]) -> None:
        self.list.clear()
        rows: list[tuple[float, int, ListEntry, str, str, QColor]] = []
        for h in highlights:
            kind = REVIEW if h.status == "stub" else HIGHLIGHT
            tags = " · ".join([*h.touchpoints, *(zone_names.get(z, z) for z in h.zones)])
            at = moments.get(h.id, h.start)  # a marker: when Mark was pressed
            if kind == REVIEW:
                head = self.tr("To review · marker at {0}").format(format_clock(at))
                body = h.notes or h.quote or self.tr("(no note)")
            else:
                head = f"{format_clock(h.start)}  {'●' * h.severity}{'○' * (5 - h.severity)}"
                head += f"  {tags}" if tags else "  " + self.tr("(no tags yet)")
                body = f"“{h.quote}”" if h.quote else (h.notes or self.tr("(no words)"))
            colour = QColor(zone_colours.get(h.zones[0], ACCENT)) if h.zones \
                else QColor(FAINT)
            rows.append((at, 0, ListEntry(kind, entry_key(kind, h.id), h.start, h.end),
                         head, body, colour))
        for sg in suggestions:
            tags = " · ".join(t for t in (sg.touchpoint, zone_names.get(sg.zone, sg.zone)) if t)
            head = self.tr("Suggested · {0} · rule “{1}”").format(format_clock(sg.start),
                                                                   sg.phrase)
            body = f"“{sg.quote}”" + (f"\n→ {tags}" if tags else "")
            rows.append((sg.start, 1, ListEntry(SUGGESTED, entry_key(SUGGESTED, sg.key),
                                                sg.start, sg.end), head, body,
                         QColor(AMBER_600)))
        rows.sort(key=lambda r: (r[0], r[1]))
        self.entries = [r[2] for r in rows]
        for _start, _order, entry, head, body, colour in rows:
            item = QListWidgetItem(f"{head}\n{body}")
            item.setData(KEY_ROLE, entry.key)
            item.setToolTip(body)
            if entry.kind == SUGGESTED:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
                item.setForeground(QBrush(QColor(AMBER_800)))
            elif entry.kind == REVIEW:
                item.setForeground(QBrush(QColor(INK_SOFT)))
                item.setBackground(QBrush(QColor(SURFACE_ALT)))
            else:
                item.setForeground(QBrush(QColor(INK)))
                bg = QColor(colour)
                bg.setAlpha(28)
                item.setBackground(QBrush(bg))
            self.list.addItem(item)
            if entry.key in keep:
                item.setSelected(True)

    def entry(self, key: str) -> ListEntry | None:
        return next((e for e in self.entries if e.key == key), None)

    def select_key(self, key: str) -> None:
        with signals_blocked(self.list):
            self.list.clearSelection()
            for i in range(self.list.count()):
                item = self.list.item(i)
                if item.data(KEY_ROLE) == key:
                    item.setSelected(True)
                    self.list.scrollToItem(item)
                    break
        self._sync_buttons()

    def selected_keys(self) -> list[str]:
        return [str(i.data(KEY_ROLE)) for i in self.list.selectedItems()]

    def selected_highlight_ids(self) -> list[int]:
        return [int(k[2:]) for k in self.selected_keys() if k.startswith("h:")]

    def item_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    # --- actions ----------------------------------------------------------------------------

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.activated.emit(str(item.data(KEY_ROLE)))

    def _merge(self) -> None:
        ids = self.selected_highlight_ids()
        if len(ids) == 1:  # with the next highlight in time
            keys = [e.key for e in self.entries if e.kind != SUGGESTED]
            at = keys.index(f"h:{ids[0]}")
            if at + 1 < len(keys):
                ids.append(int(keys[at + 1][2:]))
        if len(ids) >= 2:
            self.merge_requested.emit(ids)

    def _delete(self) -> None:
        ids = self.selected_highlight_ids()
        if ids:
            self.delete_requested.emit(ids)

    def _sync_buttons(self) -> None:
        ids = self.selected_highlight_ids()
        has_next = False
        if len(ids) == 1:
            keys = [e.key for e in self.entries if e.kind != SUGGESTED]
            has_next = f"h:{ids[0]}" in keys and keys.index(f"h:{ids[0]}") + 1 < len(keys)
        self.merge_button.setEnabled(len(ids) >= 2 or has_next)
        self.delete_button.setEnabled(bool(ids))
        any_suggestion = any(e.kind == SUGGESTED for e in self.entries)
        self.prev_button.setEnabled(any_suggestion)
        self.next_button.setEnabled(any_suggestion)
        why = "" if any_suggestion else "\n" + self.tr(
            "No suggestions here: the keyword rules (Touchpoints › Keyword rules) found "
            "nothing that is not tagged yet.")
        self.prev_button.setToolTip(self.tr("Previous suggestion ([)") + why)
        self.next_button.setToolTip(self.tr("Next suggestion (])") + why)
