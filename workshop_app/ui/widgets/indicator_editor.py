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

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.roadmap.tree import node_indicators
from workshop_app.ui.widgets.delegates import isolate_cells

# The fields of an indicator of the road map's monitoring plan, as form labels.
FIELDS = (
    # Translators: the name of an indicator; then its unit of measure, its baseline value and that value's year
    ("title", N_("Indicator")), ("unit", N_("Unit")), ("baseline_value", N_("Baseline")),
    ("baseline_year", N_("Baseline year")),
    # Translators: the value the indicator should reach (a target of the monitoring plan)
    ("target_value", N_("Target")), ("target_year", N_("Target year")), ("disaggregation", N_("Disaggregation")),
    ("means_of_verification", N_("Means of verification")), ("collected_by", N_("Collected by")),
    # Translators: how often the indicator is measured
    ("frequency", N_("Frequency")),
)


class IndicatorEditor(QWidget):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = None
        self.node_id: str | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        isolate_cells(self.list)
        self.list.currentRowChanged.connect(self._show_indicator)
        add = QPushButton(_("Add indicator"))
        add.clicked.connect(self.add)
        remove = QPushButton(_("Delete indicator"))
        remove.clicked.connect(self.remove)
        self.edits = {field: QLineEdit() for field, _label in FIELDS}
        form = QFormLayout()
        for field, label in FIELDS:
            form.addRow(QLabel(_(label)), self.edits[field])
            self.edits[field].editingFinished.connect(lambda f=field: self._commit(f))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("<b>Indicators</b>")))
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
            # Translators: the name of the step in Edit › Undo
            "indicator", indicator_id, _("Edit indicator"), **{field: value}))

    def add(self) -> None:
        if self.node_id is None:
            return
        node_id, position = self.node_id, self.list.count()
        self.perform.emit(lambda document: document.plan_insert(
            "indicator", _("Add indicator"), node_id=node_id, position=position,
            # Translators: the name a new indicator gets until the user types one
            title=_("New indicator")))

    def remove(self) -> None:
        indicator_id = self.current_id()
        if indicator_id is not None:
            self.perform.emit(lambda document: document.plan_delete("indicator", indicator_id,
                                                                    _("Delete indicator")))
