"""Onboarding playlists for HR: reels in the order a newcomer should watch them, a sentence each,
exported as a folder (one MP4 per reel + an offline index.html, optionally one joined MP4)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.reels import PlaylistItemView, PlaylistView
from desktop_app.services.playlists import file_slug
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.dialog import open_dialog
from desktop_app.ui.kit.empty_state import EmptyState
from desktop_app.ui.kit.folders import open_folder
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import (
    ACCENT_HOVER,
    ACCENT_SOFT,
    CARD,
    INK,
    LINE,
    LINE_STRONG,
    TEAL_100,
    TEAL_700,
)
from desktop_app.ui.reels.jobs import JobTracker
from desktop_app.ui.reels.playlist_dialogs import AddReelDialog, PlaylistDialog
from desktop_app.ui.reels.style import Banner, TwoLineRow, format_length

ID_ROLE = Qt.ItemDataRole.UserRole


class PlaylistRow(QFrame):
    """One reel of the playlist: its number, name, length, the newcomer text, ↑ ↓ ×."""

    def __init__(self, page: PlaylistsPage, item: PlaylistItemView, count: int) -> None:
        super().__init__()
        self.item = item
        self.setObjectName("Card")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(14, 10, 10, 10)
        lay.setSpacing(12)
        number = QLabel(str(item.position + 1))
        number.setFixedSize(28, 28)
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        number.setStyleSheet(f"background: {ACCENT_SOFT}; color: {ACCENT_HOVER}; "
                             "border-radius: 14px; font-weight: bold;")
        lay.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
        body = QVBoxLayout()
        body.setSpacing(6)
        head = QHBoxLayout()
        name = QLabel(item.reel_name)
        name.setStyleSheet("font-weight: bold; font-size: 10.5pt;")
        length = QLabel(format_length(item.duration_s))
        length.setObjectName("Muted")
        head.addWidget(name)
        head.addWidget(length)
        head.addStretch(1)
        self.text_edit = QLineEdit(item.text)
        self.text_edit.setPlaceholderText(page.tr("What should a newcomer notice in this reel?"))
        self.text_edit.editingFinished.connect(lambda: page.save_text(item.id,
                                                                      self.text_edit.text()))
        body.addLayout(head)
        body.addWidget(self.text_edit)
        lay.addLayout(body, 1)
        self.up = page.tool("↑", page.tr("Earlier"), lambda: page.move(item.id, -1))
        self.down = page.tool("↓", page.tr("Later"), lambda: page.move(item.id, +1))
        self.remove = page.tool("×", page.tr("Remove from the playlist"),
                                lambda: page.remove(item.id))
        self.up.setEnabled(item.position > 0)
        self.down.setEnabled(item.position < count - 1)
        for b in (self.up, self.down, self.remove):
            lay.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)


class PlaylistsPage(QWidget):
    """The "Playlists" tab of the Reels section."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.playlists = ctx.services.playlists
        self.current: PlaylistView | None = None
        self.rows: list[PlaylistRow] = []
        self.active_dialog: object | None = None
        self.last_export: dict = {}
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.tracker = JobTracker(ctx.runner, self)
        self.tracker.progressed.connect(lambda f, _m: self.progress.setValue(int(f * 1000)))
        self.tracker.succeeded.connect(self._on_exported)
        self.tracker.failed.connect(self._on_export_failed)
        self.tracker.cancelled.connect(self._on_export_cancelled)
        self._build()

    def tool(self, text: str, tip: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.setToolTip(tip)
        b.setFixedSize(30, 30)
        b.setStyleSheet("QPushButton { padding: 0; font-size: 11pt; }")
        b.setCursor(Qt.CursorShape.PointingHandCursor)
        b.clicked.connect(slot)
        return b

    def _build(self) -> None:
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(18)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(10)
        self.new_button = QPushButton(self.tr("+  New playlist"))
        self.new_button.setObjectName("PrimaryButton")
        self.new_button.clicked.connect(self.new_playlist)
        self.list = QListWidget()
        self.list.setObjectName("PlaylistList")
        self.list.setStyleSheet(
            f"QListWidget#PlaylistList {{ background: {CARD}; border: 1px solid {LINE}; "
            "border-radius: 10px; padding: 4px; outline: none; }"
            "QListWidget#PlaylistList::item { border-radius: 7px; margin: 2px 0; }"
            f"QListWidget#PlaylistList::item:selected {{ background: {ACCENT_SOFT};"
            f" color: {INK}; }}")
        self.list.currentItemChanged.connect(self._on_current)
        left.addWidget(self.new_button)
        left.addWidget(self.list, 1)
        side = QWidget()
        side.setLayout(left)
        side.setFixedWidth(260)
        lay.addWidget(side)
        self.stack = QStackedWidget()
        self.empty = EmptyState(
            self.tr("Onboarding playlists"),
            self.tr("Put reels in the order a newcomer should watch them, add a sentence to "
                    "each, and export a folder that plays offline in any browser."),
            self.tr("New playlist"))
        self.empty.action_clicked.connect(self.new_playlist)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_editor())
        lay.addWidget(self.stack, 1)

    def _build_editor(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.role = QLabel()
        self.role.setStyleSheet(f"background: {TEAL_100}; color: {TEAL_700}; border-radius: 9px; "
                                "padding: 0 9px; font-size: 8.5pt; font-weight: bold;")
        self.role.setFixedHeight(18)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_playlist)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("DangerButton")
        self.delete_button.clicked.connect(self.delete_playlist)
        self.title.setWordWrap(True)  # a long playlist name wraps instead of being cut
        head.addWidget(self.title, 1)
        head.addSpacing(6)
        head.addWidget(self.role, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.edit_button)
        head.addWidget(self.delete_button)
        lay.addLayout(head)
        self.description = QLabel()
        self.description.setObjectName("Muted")
        self.description.setWordWrap(True)
        lay.addWidget(self.description)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("+  Add reel…"))
        self.add_button.clicked.connect(self.add_reel)
        self.facts = QLabel()
        self.facts.setObjectName("Muted")
        self.joined = QCheckBox(self.tr("Also one MP4 with every reel"))
        self.export_button = QPushButton(self.tr("Export folder…"))
        self.export_button.setObjectName("PrimaryButton")
        self.export_button.clicked.connect(self.export)
        actions.addWidget(self.add_button)
        actions.addSpacing(8)
        actions.addWidget(self.facts)
        actions.addStretch(1)
        lay.addLayout(actions)
        export = QHBoxLayout()  # a row of its own: the checkbox's words need the room
        export.addStretch(1)
        export.addWidget(self.joined)
        export.addSpacing(8)
        export.addWidget(self.export_button)
        lay.addLayout(export)
        self.banner = Banner()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(6)
        self.progress.hide()
        self.error = Banner()
        lay.addWidget(self.banner)
        lay.addWidget(self.progress)
        lay.addWidget(self.error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder.setObjectName("PlaylistRows")
        holder.setStyleSheet("QWidget#PlaylistRows { background: transparent; }")
        scroll.viewport().setAutoFillBackground(False)
        scroll.setStyleSheet("QScrollArea { background: transparent; }")
        self.rows_layout = QVBoxLayout(holder)
        self.rows_layout.setContentsMargins(0, 4, 6, 4)
        self.rows_layout.setSpacing(8)
        self.rows_layout.addStretch(1)
        scroll.setWidget(holder)
        lay.addWidget(scroll, 1)
        self.no_items = QLabel(self.tr("No reels yet. Add the reels a newcomer in this role "
                                       "should watch, in order."))
        self.no_items.setObjectName("Muted")
        self.no_items.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_items.setStyleSheet(f"QLabel {{ border: 1px dashed {LINE_STRONG};"
                                    " border-radius: 10px; padding: 24px; }")
        self.rows_layout.insertWidget(0, self.no_items)
        return page

    # --- loading ---------------------------------------------------------------------------------

    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else (self.current.id if self.current else None)
        views = self.playlists.list()
        with signals_blocked(self.list):
            self.list.clear()
            for p in views:
                item = QListWidgetItem()
                item.setData(ID_ROLE, p.id)
                item.setToolTip(p.name)
                row = TwoLineRow(p.name, " · ".join(x for x in (p.role, self._count(p)) if x))
                item.setSizeHint(QSize(200, row.sizeHint().height() + 4))
                self.list.addItem(item)
                self.list.setItemWidget(item, row)
        ids = [p.id for p in views]
        if not ids:
            self.current = None
            self.stack.setCurrentWidget(self.empty)
            return
        target = keep if keep in ids else ids[0]
        self.list.setCurrentRow(ids.index(target))
        self.show_playlist(target)

    def _count(self, p: PlaylistView) -> str:
        n = len(p.items)
        reels = self.tr("%n reel(s)", "", n)
        return f"{reels} · {format_length(p.duration_s)}"

    def show_playlist(self, playlist_id: int) -> None:
        try:
            p = self.playlists.get(playlist_id)
        except CloserError:
            self.refresh()
            return
        self.current = p
        self.stack.setCurrentIndex(1)
        self.title.setText(p.name)
        self.role.setText(p.role)
        self.role.setVisible(bool(p.role))
        self.description.setText(p.description)
        self.description.setVisible(bool(p.description))
        self.facts.setText(self._count(p))
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for k, item in enumerate(p.items):
            row = PlaylistRow(self, item, len(p.items))
            self.rows_layout.insertWidget(k, row)
            self.rows.append(row)
        self.no_items.setVisible(not p.items)
        self.export_button.setEnabled(bool(p.items) and not self.tracker.busy())

    def _on_current(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is not None:
            self.show_playlist(int(item.data(ID_ROLE)))

    # --- edits -----------------------------------------------------------------------------------

    def new_playlist(self) -> None:
        dialog = PlaylistDialog(self.playlists, parent=self)
        open_dialog(self, dialog, lambda: self.refresh(dialog.saved_id))

    def edit_playlist(self) -> None:
        if self.current is not None:
            dialog = PlaylistDialog(self.playlists, self.current, parent=self)
            open_dialog(self, dialog, lambda: self.refresh(dialog.saved_id))

    def delete_playlist(self) -> None:
        if self.current is not None:
            self.playlists.delete(self.current.id)
            self.current = None
            self.refresh()

    def add_reel(self) -> None:
        if self.current is not None:
            dialog = AddReelDialog(self.playlists, self.ctx.services.reels, self.current,
                                   parent=self)
            open_dialog(self, dialog, lambda: self.refresh())

    def _apply(self, change: Callable[[], PlaylistView]) -> None:
        try:
            view = change()
        except CloserError as exc:
            self.error.show_message("error", str(exc), [(self.tr("Dismiss"), self.error.hide)])
            return
        self.error.hide()
        self.refresh(view.id)

    def move(self, item_id: int, delta: int) -> None:
        if self.current is None:
            return
        position = next(i.position for i in self.current.items if i.id == item_id) + delta
        self._apply(lambda: self.playlists.move_item(item_id, position))

    def remove(self, item_id: int) -> None:
        self._apply(lambda: self.playlists.remove_item(item_id))

    def save_text(self, item_id: int, text: str) -> None:
        if self.current is None:
            return
        old = next((i.text for i in self.current.items if i.id == item_id), None)
        if old is not None and old != text.strip():
            self.current = self.playlists.update_item_text(item_id, text)

    # --- export ----------------------------------------------------------------------------------

    def _ask_folder(self) -> Path | None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Export the playlist into…"),
                                                str(Path.home()))
        return Path(path) if path else None

    def export(self) -> None:
        p = self.current
        if p is None or not p.items or self.tracker.busy():
            return
        parent = self.ask_folder()
        if parent is None:
            return
        out_dir = parent / file_slug(p.name)
        self.tracker.submit("export_playlist", {"playlist_id": p.id, "out_dir": str(out_dir),
                                                "joined": self.joined.isChecked()},
                            title=self.tr("Export “{0}”").format(p.name), target_id=p.id)
        self.banner.show_message("info", self.tr("Exporting “{0}” to {1}… every reel is "
                                                 "rendered, this takes a while.")
                                 .format(p.name, out_dir),
                                 [(self.tr("Cancel"), self.tracker.cancel)])
        self.progress.setValue(0)
        self.progress.show()
        self.export_button.setEnabled(False)

    def _on_exported(self, result: dict) -> None:
        self.last_export = result
        self.progress.hide()
        index = Path(str(result.get("index", "")))
        self.banner.show_message(
            "success", self.tr("Exported %n reel(s). Open {0} in any browser, or copy the "
                               "folder to the onboarding drive.", "",
                               len(result.get("reels", []))).format(index),
            [(self.tr("Open page"), lambda: self.open_url(QUrl.fromLocalFile(str(index)))),
             (self.tr("Open folder"),
              lambda: self._open_folder(index.parent))])
        self.export_button.setEnabled(bool(self.current and self.current.items))

    def _open_folder(self, folder: Path) -> None:
        self.folder_message = open_folder(folder, self, opener=self.open_url)

    def _on_export_failed(self, error: str) -> None:
        self.progress.hide()
        self.banner.show_message("error", self.tr("Export failed: {0}").format(error),
                                 [(self.tr("Dismiss"), self.banner.hide)])
        self.export_button.setEnabled(bool(self.current and self.current.items))

    def _on_export_cancelled(self) -> None:
        self.progress.hide()
        self.banner.show_message("warning", self.tr("Export cancelled."),
                                 [(self.tr("Dismiss"), self.banner.hide)])
        self.export_button.setEnabled(bool(self.current and self.current.items))
