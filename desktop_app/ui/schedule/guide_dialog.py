"""Add or edit an interview guide: a name, its language and the questions, one per line."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.services.scheduling import SchedulingService
from desktop_app.services.scheduling_status import GuideInfo
from desktop_app.ui.kit.dialog import FormDialog, labelled, language_choices


class GuideDialog(FormDialog):
    """Saves through SchedulingService.save_guide; `saved_id` holds the guide's id."""

    def __init__(self, scheduling: SchedulingService, guide: GuideInfo | None = None,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Edit interview guide") if guide else self.tr("New interview guide")
        super().__init__(title,
                         self.tr("Ask about real past episodes, not opinions about the future. "
                                 "One question per line."),
                         save_text=self.tr("Save guide"), parent=parent)
        self.setMinimumWidth(640)
        self._scheduling, self._guide = scheduling, guide
        self.saved_id: int | None = guide.id if guide else None
        self.name_edit = QLineEdit(guide.name if guide else "")
        self.name_edit.setPlaceholderText(self.tr("e.g. Onboarding follow-up"))
        self.language_combo = QComboBox()
        for code, label in language_choices()[1:]:
            self.language_combo.addItem(label, code)
        lang = guide.language if guide else "en"
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(lang)))
        self.questions_edit = QPlainTextEdit("\n".join(guide.questions) if guide else "")
        self.questions_edit.setPlaceholderText(
            self.tr("Tell me about the last time you…\nWhat happened next?"))
        self.questions_edit.setMinimumHeight(260)
        self.row(labelled(self.tr("Name"), self.name_edit),
                 labelled(self.tr("Language"), self.language_combo))
        self.body.addWidget(labelled(self.tr("Questions"), self.questions_edit))
        self.name_edit.setFocus()

    def save(self) -> None:
        saved = self._scheduling.save_guide(
            name=self.name_edit.text(), language=str(self.language_combo.currentData()),
            questions=self.questions_edit.toPlainText(), guide_id=self.saved_id)
        self.saved_id = saved.id
