"""The Settings card "Consent, retention and audit": how long consent holds.

Built into a card of `SettingsView` (which owns layout and saving: `row` lays out a titled
control, `save(key, value)` stores a setting).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from desktop_app.config.settings import Settings
from desktop_app.ui.kit.context import UiContext

Row = Callable[[QVBoxLayout, str, str, QWidget], None]
VALIDITY_DAYS = (91, 182, 365, 730, 0)


class PrivacyControls(QObject):
    """Consent validity (more controls join it: retention, the audit log)."""

    def __init__(self, ctx: UiContext, card: QVBoxLayout, row: Row,
                 save: Callable[[str, Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._save = save
        labels = {91: self.tr("3 months"), 182: self.tr("6 months"), 365: self.tr("1 year"),
                  730: self.tr("2 years"), 0: self.tr("Does not expire")}
        self.validity_combo = QComboBox()
        for days in VALIDITY_DAYS:
            self.validity_combo.addItem(labels[days], days)
        self.validity_combo.currentIndexChanged.connect(
            lambda _i: save("consent_validity_days", int(self.validity_combo.currentData())))
        row(card, self.tr("Consent holds for"),
            self.tr("New consent is valid this long. Once it expires, the customer's clips are "
                    "left out of reels, presentations and exports, and their next meeting "
                    "offers to renew it."), self.validity_combo)

    def refresh(self, s: Settings) -> None:
        idx = self.validity_combo.findData(s.consent_validity_days)
        if idx < 0:
            self.validity_combo.addItem(self.tr("{0} days").format(s.consent_validity_days),
                                        s.consent_validity_days)
            idx = self.validity_combo.count() - 1
        self.validity_combo.setCurrentIndex(idx)
