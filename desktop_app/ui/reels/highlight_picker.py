"""Pick highlights to add to a reel: filter by touchpoint, problem zone, persona and severity,
search the quotes, tick the moments; they are added in the order they were ticked."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.highlights import HighlightFilter, HighlightView
from desktop_app.domain.taxonomy import zone_display_name
from desktop_app.services.container import Services
from desktop_app.ui.kit.palette import severity_colour
from desktop_app.ui.kit.signals import signals_blocked
from desktop_app.ui.kit.tokens import FAINT
from desktop_app.ui.reels.style import format_length

ID_ROLE = Qt.ItemDataRole.UserRole + 1
QUOTE, CUSTOMER, TAGS, SEVERITY, LENGTH = range(5)


def _combo(placeholder: str, entries: list[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.addItem(placeholder, None)
    for label, value in entries:
        box.addItem(label, value)
    box.setMinimumWidth(165)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


class HighlightPickerDialog(QDialog):
    """Modal picker over `HighlightService.list`; `selected_ids()` after it is accepted."""

    def __init__(self, services: Services, *, exclude_ids: Collection[int] = (),
                 language: str = "en", title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._exclude = set(exclude_ids)
        self._language = language
        self._picked: list[int] = []
        self._lengths: dict[int, float] = {}
        self._zones = {z.key: zone_display_name(z.name, z.name_ru, language)
                       for z in services.library.zones()}
        self.setWindowTitle(self.tr("Add highlights"))
        self.setModal(True)
        self.resize(1020, 620)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 18)
        outer.setSpacing(10)
        heading = QLabel(title or self.tr("Add highlights"))
        heading.setObjectName("SectionTitle")
        heading.setStyleSheet("font-size: 14pt;")
        sub = QLabel(self.tr("Tick the moments to add. They join the reel in the order you "
                             "tick them; you can reorder and trim them afterwards."))
        sub.setObjectName("Muted")
        sub.setWordWrap(True)
        outer.addWidget(heading)
        outer.addWidget(sub)
        outer.addSpacing(4)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search quotes, customers, needs…"))
        self.search.setClearButtonEnabled(True)
        lib = services.library
        self.touchpoint_box = _combo(self.tr("All touchpoints"),
                                     [(t.name, t.id) for t in lib.touchpoints()])
        self.zone_box = _combo(self.tr("All problem zones"),
                               [(self._zones[z.key], z.id) for z in lib.zones()])
        self.persona_box = _combo(self.tr("All personas"),
                                  [(p.name, p.id) for p in lib.personas()])
        self.severity_box = _combo(self.tr("Any severity"),
                                   [(self.tr("Severity {0}+").format(n), n) for n in (3, 4)]
                                   + [(self.tr("Severity 5 only"), 5)])
        self.search.setMinimumWidth(220)
        filters.addWidget(self.search, 1)
        for box in (self.touchpoint_box, self.zone_box, self.persona_box, self.severity_box):
            filters.addWidget(box, 0)
            box.currentIndexChanged.connect(self.reload)
        self.search.textChanged.connect(self._apply_search)
        outer.addLayout(filters)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet("QTreeView::item { padding: 7px 4px; }")
        self.tree.setHeaderLabels([self.tr("Quote"), self.tr("Customer"),
                                   self.tr("Touchpoint · zone"), self.tr("Severity"),
                                   self.tr("Length")])
        header = self.tree.header()
        header.setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((CUSTOMER, 140), (TAGS, 200), (SEVERITY, 84), (LENGTH, 70)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(col, width)
        header.setStretchLastSection(False)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemDoubleClicked.connect(self._toggle)
        outer.addWidget(self.tree, 1)
        self.empty = QLabel()
        self.empty.setObjectName("Muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        outer.addWidget(self.empty)
        foot = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.add_button = QPushButton()
        self.add_button.setObjectName("PrimaryButton")
        self.add_button.clicked.connect(self.accept)
        self.add_button.setDefault(True)
        foot.addWidget(self.summary, 1)
        foot.addWidget(self.cancel_button)
        foot.addWidget(self.add_button)
        outer.addLayout(foot)
        self.reload()

    # --- public API --------------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        """Ticked highlight ids, in the order they were ticked."""
        return list(self._picked)

    def set_checked(self, highlight_id: int, checked: bool = True) -> None:
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            if row.data(QUOTE, ID_ROLE) == highlight_id:
                row.setCheckState(QUOTE, Qt.CheckState.Checked if checked
                                  else Qt.CheckState.Unchecked)

    def visible_ids(self) -> list[int]:
        return [self.tree.topLevelItem(i).data(QUOTE, ID_ROLE)
                for i in range(self.tree.topLevelItemCount())
                if not self.tree.topLevelItem(i).isHidden()]

    # --- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        flt = HighlightFilter(touchpoint_id=self.touchpoint_box.currentData(),
                              zone_id=self.zone_box.currentData(),
                              persona_id=self.persona_box.currentData(),
                              min_severity=self.severity_box.currentData())
        rows = self._services.tagging.list(flt)
        with signals_blocked(self.tree):
            self.tree.clear()
            for h in rows:
                self.tree.addTopLevelItem(self._row(h))
        self._apply_search()
        self._update_summary()

    def _row(self, h: HighlightView) -> QTreeWidgetItem:
        zones = ", ".join(self._zones.get(z, z) for z in h.zones)
        tags = " · ".join(x for x in (", ".join(h.touchpoints), zones) if x)
        row = QTreeWidgetItem([f"“{h.quote}”" if h.quote else self.tr("(no words yet)"),
                               h.customer, tags, "●" * h.severity, format_length(h.duration)])
        row.setData(QUOTE, ID_ROLE, h.id)
        row.setData(QUOTE, Qt.ItemDataRole.UserRole, " ".join(
            (h.quote, h.customer, h.need, h.notes, h.persona, tags)).casefold())
        row.setToolTip(QUOTE, h.quote)
        row.setForeground(SEVERITY, severity_colour(h.severity))
        self._lengths[h.id] = h.duration
        if h.id in self._exclude:
            row.setFlags(Qt.ItemFlag.ItemIsEnabled)
            row.setText(LENGTH, self.tr("in reel"))
            row.setDisabled(True)
            for col in range(LENGTH + 1):
                row.setForeground(col, QColor(FAINT))
        else:
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                         | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(QUOTE, Qt.CheckState.Checked if h.id in self._picked
                              else Qt.CheckState.Unchecked)
        return row

    def _apply_search(self) -> None:
        needle = self.search.text().strip().casefold()
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            hit = not needle or needle in str(row.data(QUOTE, Qt.ItemDataRole.UserRole))
            row.setHidden(not hit)
            shown += hit
        self.empty.setText(self.tr("No highlights match. Clear the filters, or tag more moments "
                                   "in Interviews."))
        self.empty.setVisible(shown == 0)

    # --- picking -----------------------------------------------------------------------------

    def _toggle(self, row: QTreeWidgetItem) -> None:
        if row.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            row.setCheckState(QUOTE, Qt.CheckState.Unchecked
                              if row.checkState(QUOTE) == Qt.CheckState.Checked
                              else Qt.CheckState.Checked)

    def _on_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if column != QUOTE:
            return
        hid = row.data(QUOTE, ID_ROLE)
        checked = row.checkState(QUOTE) == Qt.CheckState.Checked
        if checked and hid not in self._picked:
            self._picked.append(hid)
        elif not checked and hid in self._picked:
            self._picked.remove(hid)
        self._update_summary()

    def _update_summary(self) -> None:
        n = len(self._picked)
        seconds = sum(self._lengths.get(h, 0.0) for h in self._picked)
        self.summary.setText(self.tr("Nothing ticked yet") if not n else
                             self.tr("%n ticked · {0}", "", n).format(format_length(seconds)))
        self.add_button.setText(self.tr("Add %n clip(s)", "", n) if n
                                else self.tr("Add clips"))
        self.add_button.setEnabled(n > 0)
