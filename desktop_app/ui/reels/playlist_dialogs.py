"""Dialogs of onboarding playlists: create/edit a playlist, and add a reel with its text."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain.reels import PlaylistView
from desktop_app.services.playlists import PlaylistService
from desktop_app.services.reels import ReelService
from desktop_app.ui.kit.dialog import FormDialog, labelled
from desktop_app.ui.reels.style import audience_label, format_length


class PlaylistDialog(FormDialog):
    """Creates (or edits) a playlist on Save; `saved_id` holds its id."""

    def __init__(self, playlists: PlaylistService, playlist: PlaylistView | None = None, *,
                 parent: QWidget | None = None) -> None:
        editing = playlist is not None
        super().__init__(
            self.tr("Edit playlist") if editing else self.tr("New onboarding playlist"),
            self.tr("An ordered set of reels for one role: what a newcomer should hear from "
                    "customers in their first weeks."),
            save_text=self.tr("Save changes") if editing else self.tr("Create playlist"),
            parent=parent)
        self._playlists = playlists
        self._playlist = playlist
        self.saved_id: int | None = playlist.id if playlist else None
        self.name_edit = QLineEdit(playlist.name if playlist else "")
        self.name_edit.setPlaceholderText(self.tr("e.g. Support team: first week"))
        self.role_edit = QLineEdit(playlist.role if playlist else "")
        self.role_edit.setPlaceholderText(self.tr("e.g. Support agent, Logistics"))
        self.description_edit = QPlainTextEdit(playlist.description if playlist else "")
        self.description_edit.setPlaceholderText(
            self.tr("Why these customers matter for this role…"))
        self.description_edit.setFixedHeight(90)
        self.body.addWidget(labelled(self.tr("Name"), self.name_edit))
        self.body.addWidget(labelled(self.tr("Role or department"), self.role_edit))
        self.body.addWidget(labelled(self.tr("Description"), self.description_edit,
                                     self.tr("Shown at the top of the exported page.")))

    def save(self) -> None:
        fields = {"name": self.name_edit.text(), "role": self.role_edit.text(),
                  "description": self.description_edit.toPlainText()}
        if self._playlist is None:
            self.saved_id = self._playlists.create(fields.pop("name"), **fields).id
        else:
            self._playlists.update(self._playlist.id, **fields)


class AddReelDialog(FormDialog):
    """Adds a reel (not yet in the playlist) with a short text for the newcomer."""

    def __init__(self, playlists: PlaylistService, reels: ReelService, playlist: PlaylistView,
                 *, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Add a reel to “{0}”").format(playlist.name),
            self.tr("The text appears beside the video: what should the newcomer notice?"),
            save_text=self.tr("Add reel"), parent=parent)
        self._playlists = playlists
        self._playlist = playlist
        taken = {i.reel_id for i in playlist.items}
        self.reel_box = QComboBox()
        for r in reels.list():
            if r.id not in taken:
                self.reel_box.addItem(f"{r.name}  ·  {audience_label(r.audience)}  ·  "
                                      f"{format_length(r.duration_s)}", r.id)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(
            self.tr("e.g. Notice how many times she had to repeat her order number."))
        self.text_edit.setFixedHeight(80)
        self.body.addWidget(labelled(self.tr("Reel"), self.reel_box))
        self.body.addWidget(labelled(self.tr("Text for the newcomer"), self.text_edit))
        if self.reel_box.count() == 0:
            self.show_error(self.tr("Every reel is already in this playlist. Make a new reel "
                                    "on the Reels tab first."))
            self.save_button.setEnabled(False)

    def save(self) -> None:
        self._playlists.add_reel(self._playlist.id, int(self.reel_box.currentData()),
                                 text=self.text_edit.toPlainText())
