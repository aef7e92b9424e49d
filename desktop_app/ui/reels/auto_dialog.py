"""Auto reel: the most severe clips of a touchpoint / problem zone, different customers first,
within a length the meeting can afford. The user edits the result afterwards."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.container import Services
from desktop_app.ui.kit.dialog import FormDialog, labelled
from desktop_app.ui.reels.style import audience_choices


class AutoReelDialog(FormDialog):
    """Creates the reel on Save; `created_id` holds its id."""

    def __init__(self, services: Services, *, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Auto reel"),
            self.tr("Closer picks the most severe moments, one customer after another, until "
                    "the reel is as long as you allow. Only reviewed highlights whose customers "
                    "agreed to this audience are used."),
            save_text=self.tr("Make reel"), parent=parent)
        self._services = services
        self.created_id: int | None = None
        lib = services.library
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Delivery: what went wrong"))
        self.touchpoint_box = QComboBox()
        self.touchpoint_box.addItem(self.tr("Any touchpoint"), None)
        for t in lib.touchpoints():
            self.touchpoint_box.addItem(t.name, t.id)
        self.zone_box = QComboBox()
        self.zone_box.addItem(self.tr("Any problem zone"), None)
        for z in lib.zones():
            self.zone_box.addItem(zone_display_name(z.name, z.name_ru, language), z.id)
        self.persona_box = QComboBox()
        self.persona_box.addItem(self.tr("Every persona"), None)
        for p in lib.personas():
            self.persona_box.addItem(p.name, p.id)
        self.seconds = QSpinBox()
        self.seconds.setRange(15, 900)
        self.seconds.setSingleStep(15)
        self.seconds.setValue(90)
        self.seconds.setSuffix(self.tr(" s"))
        self.audience_box = QComboBox()
        for key, label in audience_choices():
            self.audience_box.addItem(label, key)
        self.body.addWidget(labelled(self.tr("Name"), self.name_edit))
        self.row(labelled(self.tr("Touchpoint"), self.touchpoint_box),
                 labelled(self.tr("Problem zone"), self.zone_box))
        self.row(labelled(self.tr("Persona"), self.persona_box),
                 labelled(self.tr("At most"), self.seconds,
                          self.tr("Including a 3 s title card.")))
        self.body.addWidget(labelled(self.tr("Who will watch it"), self.audience_box))
        self.touchpoint_box.currentIndexChanged.connect(self._suggest_name)
        self.zone_box.currentIndexChanged.connect(self._suggest_name)
        self._suggested = ""
        self._suggest_name()

    def _suggest_name(self) -> None:
        """Keep proposing a name from the choices until the user types their own."""
        if self.name_edit.text() not in ("", self._suggested):
            return
        parts = [box.currentText() for box in (self.touchpoint_box, self.zone_box)
                 if box.currentData() is not None]
        self._suggested = (self.tr("{0}: customer voices").format(" · ".join(parts)) if parts
                           else self.tr("Customer voices"))
        self.name_edit.setText(self._suggested)

    def save(self) -> None:
        reel = self._services.reels.auto(
            self.name_edit.text(), touchpoint=self.touchpoint_box.currentData(),
            zone=self.zone_box.currentData(), persona=self.persona_box.currentData(),
            max_seconds=self.seconds.value(), audience=self.audience_box.currentData())
        self.created_id = reel.id
