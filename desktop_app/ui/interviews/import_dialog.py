"""The import dialog: which recordings, for which customer, recorded when, copied or linked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import CloserError
from desktop_app.domain.media import MEDIA_EXTENSIONS, VIDEO_EXTENSIONS
from desktop_app.services.library import LibraryService
from desktop_app.ui.interviews.model import format_datetime, format_size
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import (
    ACCENT_HOVER,
    DANGER_DARK,
    INDIGO_100,
    RED_100,
    SUCCESS,
    SUCCESS_SOFT,
)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def file_filter() -> str:
    """The file dialog's filter: every supported recording type."""
    patterns = " ".join(f"*{ext}" for ext in sorted(MEDIA_EXTENSIONS))
    recordings = QCoreApplication.translate("ImportDialog", "Recordings")
    every = QCoreApplication.translate("ImportDialog", "All files")
    return f"{recordings} ({patterns});;{every} (*)"


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder contributes the recordings inside it (sorted, recursive)."""
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found = (sorted(p for p in path.rglob("*")
                        if p.is_file() and p.suffix.lower() in MEDIA_EXTENSIONS)
                 if path.is_dir() else [path])
        for p in found:
            key = p.resolve() if p.exists() else p
            if key not in seen:
                seen.add(key)
                out.append(p)
    return out


def kind_icon(glyph: str, fg: str, bg: str) -> QIcon:
    """A small rounded badge with a glyph: ▶ video, ♪ audio, ! a problem."""
    size = 22
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(bg))
    p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), 6, 6)
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor(fg))
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    p.end()
    return QIcon(pix)


def file_mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None


@dataclass(frozen=True)
class ImportRequest:
    """What the user asked for once the dialog is accepted."""

    paths: list[Path]
    customer_id: int
    customer_name: str
    recorded_at: datetime | None  # None: each file's own date
    link: bool
    created_customer: bool


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one file: ok (imported or already there) or the reason it failed."""

    path: Path
    ok: bool
    message: str
    interview_id: int | None = None
    duplicate: bool = False


class ImportDialog(QDialog):
    """Pick files (or get them from a drop), a customer (existing or new), date and storage."""

    def __init__(self, library: LibraryService, paths: Iterable[Path] = (), *,
                 customer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._request: ImportRequest | None = None
        self.setWindowTitle(self.tr("Import recordings"))
        self.setObjectName("ImportDialog")
        self.setMinimumWidth(560)
        self._customers = {c.name: c.id for c in library.customers() if c.id is not None}
        self._build()
        if customer_id is not None:
            name = next((n for n, i in self._customers.items() if i == customer_id), "")
            self.customer_box.setCurrentText(name)
        self.add_paths(paths)
        self._refresh_state()
        self.customer_box.setFocus()

    # --- layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 22, 24, 20)
        lay.setSpacing(14)
        title = QLabel(self.tr("Import recordings"))
        title.setObjectName("SectionTitle")
        sub = QLabel(self.tr("Each file becomes an interview. Originals are never changed."))
        sub.setObjectName("Muted")
        head = QVBoxLayout()
        head.setSpacing(2)
        head.addWidget(title)
        head.addWidget(sub)
        lay.addLayout(head)

        self.file_list = QListWidget()
        self.file_list.setObjectName("ImportFiles")
        self.file_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.file_list.setMinimumHeight(120)
        self.file_list.setIconSize(QSize(22, 22))
        self.file_list.setSpacing(2)
        self.file_list.setMaximumHeight(180)
        self.file_list.itemSelectionChanged.connect(self._refresh_state)
        lay.addWidget(self.file_list)
        files_bar = QHBoxLayout()
        self.files_summary = QLabel()
        self.files_summary.setObjectName("Muted")
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self._browse)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        files_bar.addWidget(self.files_summary, 1)
        files_bar.addWidget(self.add_button)
        files_bar.addWidget(self.remove_button)
        lay.addLayout(files_bar)

        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.customer_box = QComboBox()
        self.customer_box.setEditable(True)
        self.customer_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.customer_box.addItems(sorted(self._customers, key=str.casefold))
        self.customer_box.setCurrentIndex(-1)
        self.customer_box.lineEdit().setPlaceholderText(
            self.tr("Pick a customer or type a new name"))
        self.customer_box.currentTextChanged.connect(self._refresh_state)
        self.customer_hint = QLabel()
        self.customer_hint.setObjectName("Muted")
        cust = QVBoxLayout()
        cust.setSpacing(4)
        cust.addWidget(self.customer_box)
        cust.addWidget(self.customer_hint)
        form.addRow(self.tr("Customer"), cust)

        self.persona_box = QComboBox()
        self.persona_box.setEditable(True)
        self.persona_box.addItems([""] + [p.name for p in self._library.personas()])
        self.persona_box.lineEdit().setPlaceholderText(self.tr("Optional: who is this customer?"))
        self.persona_label = QLabel(self.tr("Persona"))
        form.addRow(self.persona_label, self.persona_box)

        self.file_date_radio = QRadioButton()
        self.custom_date_radio = QRadioButton(self.tr("On"))
        self.date_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy, HH:mm")
        self.date_edit.dateTimeChanged.connect(lambda _d: self.custom_date_radio.setChecked(True))
        group = QButtonGroup(self)
        group.addButton(self.file_date_radio)
        group.addButton(self.custom_date_radio)
        self.file_date_radio.setChecked(True)
        when = QVBoxLayout()
        when.setSpacing(6)
        when.addWidget(self.file_date_radio)
        custom = QHBoxLayout()
        custom.addWidget(self.custom_date_radio)
        custom.addWidget(self.date_edit)
        custom.addStretch(1)
        when.addLayout(custom)
        form.addRow(self.tr("Recorded"), when)

        self.link_check = QCheckBox(self.tr("Link to the original files instead of copying them"))
        link_note = QLabel(self.tr("Saves disk space, but the interview stops playing if the "
                                   "original is moved or deleted."))
        link_note.setObjectName("Muted")
        link_note.setWordWrap(True)
        store = QVBoxLayout()
        store.setSpacing(4)
        store.addWidget(self.link_check)
        store.addWidget(link_note)
        form.addRow(self.tr("Storage"), store)
        lay.addLayout(form)

        self.error_label = QLabel()
        self.error_label.setObjectName("ErrorText")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        lay.addWidget(self.error_label)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.import_button = QPushButton()
        self.import_button.setObjectName("PrimaryButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)
        lay.addLayout(buttons)

    # --- files ------------------------------------------------------------------------------

    def add_paths(self, paths: Iterable[Path]) -> None:
        present = set(self.paths())
        for path in expand_paths(paths):
            if path in present:
                continue
            present.add(path)
            self.file_list.addItem(self._item(path))
        self._refresh_state()

    def paths(self) -> list[Path]:
        return [Path(self.file_list.item(i).data(PATH_ROLE))
                for i in range(self.file_list.count())]

    def _item(self, path: Path) -> QListWidgetItem:
        problem = self._problem(path)
        video = path.suffix.lower() in VIDEO_EXTENSIONS
        icon = (kind_icon("!", DANGER_DARK, RED_100) if problem
                else kind_icon("▶", ACCENT_HOVER, INDIGO_100) if video
                else kind_icon("♪", SUCCESS, SUCCESS_SOFT))
        if problem:
            text = f"{path.name}  —  {problem}"
        else:
            text = f"{path.name}  ·  {format_size(path.stat().st_size)}"
        item = QListWidgetItem(icon, text)
        item.setData(PATH_ROLE, str(path))
        item.setToolTip(str(path))
        if problem:
            item.setForeground(QColor(DANGER_DARK))
        return item

    def _problem(self, path: Path) -> str:
        """A reason known before importing (the import itself reports it too)."""
        if not path.is_file():
            return self.tr("not found")
        if path.suffix.lower() not in MEDIA_EXTENSIONS:
            return self.tr("not a supported recording type")
        if path.stat().st_size == 0:
            return self.tr("the file is empty")
        return ""

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose recordings"), "",
                                                 file_filter())
        self.add_paths(Path(p) for p in chosen)

    def _remove_selected(self) -> None:
        for item in self.file_list.selectedItems():
            self.file_list.takeItem(self.file_list.row(item))
        self._refresh_state()

    # --- state ------------------------------------------------------------------------------

    def customer_name(self) -> str:
        return " ".join(self.customer_box.currentText().split())

    def _existing_customer_id(self) -> int | None:
        name = self.customer_name()
        exact = self._customers.get(name)
        if exact is not None:
            return exact
        return next((i for n, i in self._customers.items()
                     if n.casefold() == name.casefold()), None)

    def _refresh_state(self) -> None:
        paths = self.paths()
        n = len(paths)
        total = sum(p.stat().st_size for p in paths if p.is_file())
        self.files_summary.setText(
            self.tr("%n file(s), {0}", "", n).format(format_size(total)) if n
            else self.tr("No files yet: add recordings or drop them on the Interviews page."))
        self.remove_button.setEnabled(bool(self.file_list.selectedItems()))
        name = self.customer_name()
        is_new = bool(name) and self._existing_customer_id() is None
        self.customer_hint.setText(
            self.tr("New customer “{0}” will be added.").format(name) if is_new else "")
        self.customer_hint.setVisible(is_new)
        self.persona_box.setVisible(is_new)
        self.persona_label.setVisible(is_new)
        if n == 1:
            when = file_mtime(paths[0])
            self.file_date_radio.setText(
                self.tr("File date ({0})").format(format_datetime(when)) if when
                else self.tr("File date"))
            if when is not None and self.file_date_radio.isChecked():
                with signals_blocked(self.date_edit):
                    self.date_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(when.timestamp())))
        else:
            self.file_date_radio.setText(self.tr("Each file's own date"))
        self.import_button.setText(self.tr("Import %n recording(s)", "", n) if n > 1
                                   else self.tr("Import recording") if n == 1
                                   else self.tr("Import"))
        self.import_button.setEnabled(n > 0 and bool(name))

    def recorded_at(self) -> datetime | None:
        if self.file_date_radio.isChecked():
            return None
        return self.date_edit.dateTime().toPython().astimezone().astimezone(UTC)

    def request(self) -> ImportRequest | None:
        """Set once the dialog was accepted."""
        return self._request

    def _fail(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def accept(self) -> None:
        paths = self.paths()
        name = self.customer_name()
        if not paths:
            self._fail(self.tr("Add at least one recording to import."))
            return
        if not name:
            self._fail(self.tr("Choose the customer these recordings belong to."))
            self.customer_box.setFocus()
            return
        customer_id = self._existing_customer_id()
        created = False
        if customer_id is None:
            persona = " ".join(self.persona_box.currentText().split()) or None
            try:
                customer = self._library.add_customer(name=name, persona=persona)
            except CloserError as exc:
                self._fail(str(exc))
                return
            assert customer.id is not None
            customer_id, created = customer.id, True
        self._request = ImportRequest(paths=paths, customer_id=customer_id, customer_name=name,
                                      recorded_at=self.recorded_at(),
                                      link=self.link_check.isChecked(),
                                      created_customer=created)
        super().accept()
