"""The consent step: who consented, how (verbally at the start, a signed form, or recording
without consent), and where the recording may be shown (internal meetings, onboarding, public).

`ConsentStep` is the card the recorder shows before anything is recorded; `ConsentDialog` wraps
it for changing consent later. Recording without consent needs an explicit confirmation and is
kept out of every reel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.recording import ConsentChoice
from desktop_app.ui.kit.tokens import qss

CONSENT_QSS = qss("""
QLabel#StepNumber { background: @ACCENT; color: @CARD; border-radius: 12px; font-weight: bold;
    min-width: 24px; max-width: 24px; min-height: 24px; max-height: 24px; }
QLabel#StepPill { border-radius: 9px; padding: 2px 10px; min-height: 16px; font-size: 8.5pt;
    font-weight: bold; }
QLabel#StepPill[state="needed"] { background: @AMBER_100; color: @AMBER_700; }
QLabel#StepPill[state="ready"] { background: @SUCCESS_SOFT; color: @SUCCESS; }
QLabel#StepPill[state="none"] { background: @RED_100; color: @DANGER_DARK; }
QLabel#FieldLabel { color: @INK_SOFT; font-weight: bold; }
QLabel#FormFile { color: @SUCCESS; }
QRadioButton { spacing: 8px; padding: 3px 0; }
QCheckBox { spacing: 8px; }
""")


class ConsentStep(QFrame):
    """Consent as a card; `changed` whenever it becomes more or less complete."""

    changed = Signal()

    def __init__(self, given_by: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setStyleSheet(CONSENT_QSS)
        self.form_file: Path | None = None
        self.confirmed_without = False
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None
        self._last_method = ""
        self._build(given_by)
        self._update()

    def _build(self, given_by: str) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(22, 18, 22, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.setSpacing(10)
        number = QLabel("1")
        number.setObjectName("StepNumber")
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Consent"))
        title.setObjectName("SectionTitle")
        self.pill = QLabel()
        self.pill.setObjectName("StepPill")
        head.addWidget(number)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.pill, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.addLayout(head)
        intro = QLabel(self.tr("Ask before the first frame is recorded. What you note here "
                               "decides where clips of this interview may be shown."))
        intro.setObjectName("Muted")
        intro.setWordWrap(True)
        lay.addWidget(intro)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        self.given_by = QLineEdit(given_by)
        self.given_by.setPlaceholderText(self.tr("Name of the person who agreed"))
        self.given_by.textChanged.connect(self._update)
        grid.addWidget(self._label(self.tr("Who consented")), 0, 0)
        grid.addWidget(self.given_by, 0, 1)

        self.verbal = QRadioButton(self.tr("Verbally, at the start of the recording"))
        self.form = QRadioButton(self.tr("Signed consent form"))
        self.without = QRadioButton(self.tr("Record without consent"))
        self.methods = QButtonGroup(self)
        for button in (self.verbal, self.form, self.without):
            self.methods.addButton(button)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.methods.buttonClicked.connect(self._on_method)
        self.attach = QPushButton(self.tr("Attach form…"))
        self.attach.setCursor(Qt.CursorShape.PointingHandCursor)
        self.attach.clicked.connect(self.choose_form)
        self.form_name = QLabel()
        self.form_name.setObjectName("FormFile")
        form_row = QHBoxLayout()
        form_row.setSpacing(10)
        form_row.addWidget(self.form)
        form_row.addWidget(self.attach)
        form_row.addWidget(self.form_name)
        form_row.addStretch(1)
        without_note = QLabel(self.tr("kept out of every reel; the choice is logged"))
        without_note.setObjectName("Muted")
        without_note.setWordWrap(True)  # wraps beside the radio button in a narrow card
        without_row = QHBoxLayout()
        without_row.setSpacing(10)
        without_row.addWidget(self.without)
        without_row.addWidget(without_note, 1)
        how = QVBoxLayout()
        how.setSpacing(2)
        how.addWidget(self.verbal)
        how.addLayout(form_row)
        how.addLayout(without_row)
        grid.addWidget(self._label(self.tr("How")), 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(how, 1, 1)

        self.internal = QCheckBox(self.tr("Internal meetings"))
        self.onboarding = QCheckBox(self.tr("Onboarding"))
        self.public = QCheckBox(self.tr("Public"))
        audiences = QHBoxLayout()
        audiences.setSpacing(22)
        for box in (self.internal, self.onboarding, self.public):
            box.setCursor(Qt.CursorShape.PointingHandCursor)
            box.toggled.connect(self._update)
            audiences.addWidget(box)
        audiences.addStretch(1)
        grid.addWidget(self._label(self.tr("May be shown in")), 2, 0)
        grid.addLayout(audiences, 2, 1)
        lay.addLayout(grid)
        self.hint = QLabel()
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)

    @staticmethod
    def _label(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("FieldLabel")
        label.setMinimumWidth(130)
        return label

    # --- state --------------------------------------------------------------------------------

    def method(self) -> str:
        checked = self.methods.checkedButton()
        return {self.verbal: "verbal", self.form: "form",
                self.without: "none"}.get(checked, "")  # type: ignore[call-overload]

    def current(self) -> ConsentChoice:
        method = self.method()
        none = method == "none"
        return ConsentChoice(
            method=method, internal=self.internal.isChecked() and not none,
            onboarding=self.onboarding.isChecked() and not none,
            public=self.public.isChecked() and not none, given_by=self.given_by.text().strip(),
            form_file=self.form_file if method == "form" else None,
            confirmed=none and self.confirmed_without)

    def choice(self) -> ConsentChoice | None:
        """The consent to record, or None while the step is not complete."""
        current = self.current()
        return None if current.problem() else current

    def problem(self) -> str:
        return self.current().problem()

    def is_complete(self) -> bool:
        return self.choice() is not None

    # --- actions ------------------------------------------------------------------------------

    def _on_method(self, button: QRadioButton) -> None:
        if button is self.without and not self.confirmed_without:
            self._confirm_without()
            self._update()  # not confirmed yet: recording stays blocked
        else:
            self._last_method = self.method()
            self._update()

    def _confirm_without(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Record without consent?"),
                          self.tr("Only record without consent when you have a good reason "
                                  "(for example, your own team's meeting)."),
                          QMessageBox.StandardButton.Cancel, self)
        box.setInformativeText(self.tr(
            "This interview will be kept out of every reel, for every audience, and the choice "
            "is logged with the interview."))
        yes = box.addButton(self.tr("Record without consent"),
                            QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda b: self._confirmed(b is yes))
        box.rejected.connect(lambda: self._confirmed(False))
        self.confirm_box = box
        box.open()
        return box

    def _confirmed(self, yes: bool) -> None:
        if self.confirm_box is None:
            return
        self.confirm_box = None
        if yes:
            self.confirmed_without = True
            self._last_method = "none"
        else:
            self._select(self._last_method)
        self._update()

    def _select(self, method: str) -> None:
        target = {"verbal": self.verbal, "form": self.form, "none": self.without}.get(method)
        if target is not None:
            target.setChecked(True)
            return
        self.methods.setExclusive(False)
        for button in self.methods.buttons():
            button.setChecked(False)
        self.methods.setExclusive(True)

    def choose_form(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Attach the signed consent form"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Documents and scans (*.pdf *.png *.jpg *.jpeg *.heic "
                                     "*.doc *.docx *.odt);;All files (*)"))
        dialog.fileSelected.connect(lambda p: self.set_form_file(Path(p)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def set_form_file(self, path: Path) -> None:
        self.form_file = path
        self.form.setChecked(True)
        self._last_method = "form"
        self._update()

    def _problem_text(self) -> str:
        current = self.current()
        if current.method == "none":
            return self.tr("Confirm that you record without consent.")
        if not current.method:
            return self.tr("Choose how the customer consented.")
        if not current.given_by:
            return self.tr("Enter who gave consent.")
        if current.method == "form" and (current.form_file is None
                                         or not current.form_file.is_file()):
            return self.tr("Attach the signed consent form.")
        return self.tr("Choose where the recording may be shown.")

    def _update(self) -> None:
        method = self.method()
        none = method == "none" and self.confirmed_without
        for box in (self.internal, self.onboarding, self.public):
            box.setEnabled(not none)
        self.form_name.setText(f"✓ {self.form_file.name}" if self.form_file else "")
        self.attach.setText(self.tr("Change…") if self.form_file else self.tr("Attach form…"))
        problem = self.problem()
        if none:
            state, pill = "none", self.tr("Without consent")
            hint = self.tr("Recorded without consent: this interview never appears in a reel.")
        elif problem:
            state, pill, hint = "needed", self.tr("Needed"), self._problem_text()
        else:
            state, pill = "ready", self.tr("Ready")
            hint = (self.tr("Ask again on the record once recording starts, so the consent "
                            "is part of the recording.") if method == "verbal" else
                    self.tr("The form is copied into the library with the interview."))
        self.pill.setText(pill)
        self.pill.setProperty("state", state)
        self.pill.style().unpolish(self.pill)
        self.pill.style().polish(self.pill)
        self.hint.setText(hint)
        self.changed.emit()


class ConsentDialog(QDialog):
    """The consent step on its own (e.g. to record consent for an imported interview)."""

    def __init__(self, given_by: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Consent"))
        self.step = ConsentStep(given_by, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("PrimaryButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 16)
        lay.addWidget(self.step)
        lay.addWidget(buttons)
        self.step.changed.connect(lambda: self.save_button.setEnabled(self.step.is_complete()))
        self.save_button.setEnabled(self.step.is_complete())

    def choice(self) -> ConsentChoice | None:
        return self.step.choice()
