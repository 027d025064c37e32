"""Indicators of an outcome or output: the list, and the selected one's fields (unit,
baseline and target with their years, disaggregation, means of verification...)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.models.roadmap.tree import node_indicators

FIELDS = (
    ("title", "Indicator"), ("unit", "Unit"), ("baseline_value", "Baseline"), ("baseline_year", "Baseline year"),
    ("target_value", "Target"), ("target_year", "Target year"), ("disaggregation", "Disaggregation"),
    ("means_of_verification", "Means of verification"), ("collected_by", "Collected by"),
    ("frequency", "Frequency"),
)


class IndicatorEditor(QWidget):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = None
        self.node_id: str | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.list.currentRowChanged.connect(self._show_indicator)
        add = QPushButton(self.tr("Add indicator"))
        add.clicked.connect(self.add)
        remove = QPushButton(self.tr("Delete indicator"))
        remove.clicked.connect(self.remove)
        self.edits = {field: QLineEdit() for field, _ in FIELDS}
        form = QFormLayout()
        for field, label in FIELDS:
            form.addRow(QLabel(self.tr(label)), self.edits[field])
            self.edits[field].editingFinished.connect(lambda f=field: self._commit(f))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<b>Indicators</b>")))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(form)

    def show_node(self, document, node_id: str) -> None:
        selected = self.current_id()
        self.document, self.node_id = document, node_id
        self.list.blockSignals(True)
        self.list.clear()
        for indicator in node_indicators(document, node_id):
            item = QListWidgetItem(indicator["title"])
            item.setData(Qt.UserRole, indicator["id"])
            self.list.addItem(item)
            if indicator["id"] == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_indicator()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item else None

    def _show_indicator(self, *args) -> None:
        indicator = self.document.get("indicator", self.current_id()) if self.current_id() else None
        for field, edit in self.edits.items():
            edit.setEnabled(indicator is not None)
            value = indicator[field] if indicator else ""
            edit.setText("" if value is None else str(value))
            edit.setModified(False)

    def _commit(self, field: str) -> None:
        indicator_id, edit = self.current_id(), self.edits[field]
        if indicator_id is None or not edit.isModified():
            return
        value = edit.text().strip()
        if field.endswith("_year"):
            value = int(value) if value.isdigit() else None
        edit.setModified(False)
        self.perform.emit(lambda document: document.plan_update(
            "indicator", indicator_id, self.tr("Edit indicator"), **{field: value}))

    def add(self) -> None:
        if self.node_id is None:
            return
        node_id, position = self.node_id, self.list.count()
        self.perform.emit(lambda document: document.plan_insert(
            "indicator", self.tr("Add indicator"), node_id=node_id, position=position,
            title=self.tr("New indicator")))

    def remove(self) -> None:
        indicator_id = self.current_id()
        if indicator_id is not None:
            self.perform.emit(lambda document: document.plan_delete("indicator", indicator_id,
                                                                    self.tr("Delete indicator")))
