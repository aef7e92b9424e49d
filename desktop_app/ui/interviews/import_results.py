"""After an import batch: each file with "imported" or the reason it failed (non-blocking)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.interviews.import_dialog import ImportOutcome
from desktop_app.ui.kit.tokens import (
    CARD,
    DANGER_DARK,
    LINE,
    RED_100,
    SUCCESS,
    SUCCESS_SOFT,
    SURFACE_ALT,
)

OK_STYLE = f"background: {SUCCESS_SOFT}; color: {SUCCESS};"
FAIL_STYLE = f"background: {RED_100}; color: {DANGER_DARK};"


class _OutcomeRow(QFrame):
    open_clicked = Signal(int)

    def __init__(self, outcome: ImportOutcome, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OutcomeRow")
        self.outcome = outcome
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(12)
        mark = QLabel("✓" if outcome.ok else "✕")
        mark.setFixedSize(26, 26)
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mark.setStyleSheet((OK_STYLE if outcome.ok else FAIL_STYLE)
                           + "border-radius: 13px; font-weight: bold;")
        lay.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        self.name_label = QLabel(outcome.path.name)
        self.name_label.setStyleSheet("font-weight: bold;")
        self.name_label.setToolTip(str(outcome.path))
        self.reason_label = QLabel(outcome.message)
        self.reason_label.setWordWrap(True)
        self.reason_label.setObjectName("Muted" if outcome.ok else "ErrorText")
        self.reason_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.addWidget(self.name_label)
        text.addWidget(self.reason_label)
        lay.addLayout(text, 1)
        if outcome.ok and outcome.interview_id is not None:
            self.open_button = QPushButton(self.tr("Open"))
            iid = outcome.interview_id
            self.open_button.clicked.connect(lambda: self.open_clicked.emit(iid))
            lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)

    def text(self) -> str:
        state = self.tr("OK") if self.outcome.ok else self.tr("FAILED")
        return f"{state}  {self.outcome.path.name}: {self.outcome.message}"


class ImportResultsDialog(QDialog):
    """Lists every file of the batch; `open_interview(id)` when the user opens an imported one."""

    open_interview = Signal(int)

    def __init__(self, outcomes: list[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportResultsDialog")
        self.setWindowTitle(self.tr("Import results"))
        self.setMinimumWidth(560)
        self.outcomes = list(outcomes)
        ok = sum(1 for o in outcomes if o.ok)
        failed = len(outcomes) - ok
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 22, 24, 20)
        lay.setSpacing(12)
        self.summary_label = QLabel(self._headline(ok, failed))
        self.summary_label.setObjectName("SectionTitle")
        detail = QLabel(self._detail(ok, failed))
        detail.setObjectName("Muted")
        detail.setWordWrap(True)
        lay.addWidget(self.summary_label)
        lay.addWidget(detail)

        body = QWidget()
        body.setObjectName("OutcomeList")
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        self.rows: list[_OutcomeRow] = []
        failures_first = sorted(outcomes, key=lambda o: o.ok)
        for i, outcome in enumerate(failures_first):
            row = _OutcomeRow(outcome)
            row.open_clicked.connect(self._open)
            if i:
                row.setStyleSheet(f"QFrame#OutcomeRow {{ border-top: 1px solid {SURFACE_ALT}; }}")
            rows.addWidget(row)
            self.rows.append(row)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setObjectName("OutcomeScroll")
        scroll.setStyleSheet(f"QScrollArea#OutcomeScroll {{ background: {CARD}; border: 1px solid "
                             f"{LINE}; border-radius: 8px; }} QWidget#OutcomeList "
                             f"{{ background: {CARD}; }}")
        scroll.setMinimumHeight(min(360, 70 * len(outcomes) + 4))
        lay.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.clicked.connect(self._copy)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("PrimaryButton")
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay.addLayout(buttons)

    def _headline(self, ok: int, failed: int) -> str:
        if not failed:
            return (self.tr("Recording imported") if ok == 1
                    else self.tr("All %n recording(s) imported", "", ok))
        if not ok:
            return self.tr("No recordings were imported")
        return self.tr("{0} of %n recording(s) imported", "", ok + failed).format(ok)

    def _detail(self, ok: int, failed: int) -> str:
        if not failed:
            return self.tr("Everything is in your library, ready to play and transcribe.")
        if not ok:
            return self.tr("None of the files could be imported. The reasons are below.")
        return self.tr("%n file(s) could not be imported; the others are in your library.", "",
                       failed)

    def row_texts(self) -> list[str]:
        """One line per file ("OK  name: message" / "FAILED  name: reason"), failures first."""
        return [row.text() for row in self.rows]

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText("\n".join(self.row_texts()))

    def _open(self, interview_id: int) -> None:
        self.open_interview.emit(interview_id)
        self.accept()
