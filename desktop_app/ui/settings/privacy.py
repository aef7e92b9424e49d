"""The Settings card "Consent, retention and audit": how long consent holds, and the audit
log (read-only: what was exported or presented, when, for which audience, where).

Built into a card of `SettingsView` (which owns layout and saving: `row` lays out a titled
control, `save(key, value)` stores a setting).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config.settings import Settings
from desktop_app.ui.kit.context import UiContext
from desktop_app.ui.kit.tokens import INK_SOFT

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
        self._build_retention(card, row)
        self._build_audit(card)

    def _build_retention(self, card: QVBoxLayout, row: Row) -> None:
        save = self._save
        self.retention_combo = QComboBox()
        self.retention_combo.addItem(self.tr("Keep them"), 0)
        for n in (3, 6, 12, 24, 36):
            self.retention_combo.addItem(self.tr("Older than {0} months").format(n), n)
        self.retention_combo.currentIndexChanged.connect(
            lambda _i: save("retention_months", int(self.retention_combo.currentData())))
        row(card, self.tr("Delete raw recordings"),
            self.tr("Checked at start-up. The interview stays, with a note that its recording "
                    "was removed by this policy."), self.retention_combo)
        self.keep_transcripts_check = QCheckBox(self.tr("Keep their transcripts"))
        self.keep_transcripts_check.toggled.connect(
            lambda on: save("retention_keep_transcripts", bool(on)))
        self.keep_reels_check = QCheckBox(self.tr("Keep recordings used in reels with valid "
                                                  "consent"))
        self.keep_reels_check.toggled.connect(
            lambda on: save("retention_keep_reel_recordings", bool(on)))
        self.retention_button = QPushButton(self.tr("Preview and apply…"))
        self.retention_button.clicked.connect(self.preview_retention)
        self.retention_result = QLabel()
        self.retention_result.setObjectName("Muted")
        self.retention_result.setWordWrap(True)
        for w in (self.keep_transcripts_check, self.keep_reels_check, self.retention_button,
                  self.retention_result):
            card.addWidget(w)
        self.active_box: QMessageBox | None = None

    def preview_retention(self) -> None:
        """List what the policy deletes now; delete only after the user confirms."""
        retention = self.ctx.services.retention
        report = retention.plan()
        parent = self.retention_button.window()
        if report.months == 0 or not report.goes:
            self.retention_result.setText(self.tr("No recording is old enough to delete.")
                                          if report.months else
                                          self.tr("Choose an age first: recordings are kept."))
            return
        lines = [f"{i.recorded_at:%Y-%m-%d}  {i.customer}  {i.title}" for i in report.goes]
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete old recordings?"),
                          self.tr("{0} recording(s) older than {1} months will be deleted "
                                  "({2:.1f} MB). Their interviews stay.").format(
                              len(report.goes), report.months, report.bytes_freed / 1e6),
                          parent=parent)
        box.setDetailedText("\n".join(lines))
        box.addButton(QMessageBox.StandardButton.Cancel)
        confirm = box.addButton(self.tr("Delete recordings"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.confirm_button = confirm  # type: ignore[attr-defined]  # handy for tests
        box.lines = lines  # type: ignore[attr-defined]
        self.active_box = box

        def done(button: object) -> None:
            self.active_box = None
            if button is not confirm:
                return
            applied = retention.apply()
            self.retention_result.setText(self.tr("{0} recording(s) deleted.").format(
                len(applied.goes)))
            self.ctx.events.interviews_changed.emit([i.interview_id for i in applied.goes])

        box.buttonClicked.connect(done)
        box.open()

    def _build_audit(self, card: QVBoxLayout) -> None:
        title = QLabel(self.tr("Exported and presented"))
        title.setStyleSheet(f"font-weight: bold; color: {INK_SOFT};")
        card.addWidget(title)
        self.audit_table = QTableWidget(0, 5)
        self.audit_table.setObjectName("AuditTable")
        self.audit_table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("What"), self.tr("Audience"), self.tr("About"),
            self.tr("Where")])
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_table.verticalHeader().hide()
        self.audit_table.setMinimumHeight(180)
        header = self.audit_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        card.addWidget(self.audit_table)
        self.audit_empty = QLabel(self.tr("Nothing has been exported or presented yet."))
        self.audit_empty.setObjectName("Muted")
        card.addWidget(self.audit_empty)

    def _fill_audit(self) -> None:
        labels = {"reel_render": self.tr("Reel rendered"),
                  "playlist_export": self.tr("Playlist exported"),
                  "transcript_export": self.tr("Transcript exported"),
                  "presentation": self.tr("Reel presented"),
                  "highlights_csv": self.tr("Highlights exported (CSV)"),
                  "taxonomy_export": self.tr("Touchpoints and zones exported")}
        audiences = {"internal": self.tr("Internal"), "onboarding": self.tr("Onboarding"),
                     "public": self.tr("Public")}
        rows = self.ctx.services.audit.list(limit=500)
        self.audit_table.setRowCount(len(rows))
        locale = QLocale()
        for r, e in enumerate(rows):
            local = e.at.astimezone()
            when = (locale.toString(local.date(), QLocale.FormatType.ShortFormat)
                    + local.strftime(" %H:%M"))
            values = (when, labels.get(e.action, e.action), audiences.get(e.audience, "—"),
                      e.subject or "—", e.path or self.tr("(on screen)"))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.audit_table.setItem(r, c, item)
        self.audit_table.setVisible(bool(rows))
        self.audit_empty.setVisible(not rows)

    def refresh(self, s: Settings) -> None:
        idx = self.validity_combo.findData(s.consent_validity_days)
        if idx < 0:
            self.validity_combo.addItem(self.tr("{0} days").format(s.consent_validity_days),
                                        s.consent_validity_days)
            idx = self.validity_combo.count() - 1
        self.validity_combo.setCurrentIndex(idx)
        months = self.retention_combo.findData(s.retention_months)
        if months < 0:
            self.retention_combo.addItem(self.tr("Older than {0} months").format(
                s.retention_months), s.retention_months)
            months = self.retention_combo.count() - 1
        self.retention_combo.setCurrentIndex(months)
        self.keep_transcripts_check.setChecked(s.retention_keep_transcripts)
        self.keep_reels_check.setChecked(s.retention_keep_reel_recordings)
        self._fill_audit()
