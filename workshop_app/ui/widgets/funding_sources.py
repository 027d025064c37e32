"""An action's funding sources in its details panel: who pays how much, and in which year (the
action's currency), added and removed as undoable steps."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.models.plan.funding import action_funding, plan_add_funding
from workshop_app.models.stakeholders.listing import organization_choices
from workshop_app.models.validation import money_text
from workshop_app.ui.language import isolated, left_to_right
from workshop_app.ui.widgets.delegates import isolate_cells
from workshop_app.ui.widgets.fields import fill_when_empty


class FundingSourcesEditor(QWidget):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = None
        self.node: dict | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setAccessibleName(_("Funding sources"))
        isolate_cells(self.list)
        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.source.setInsertPolicy(QComboBox.NoInsert)
        self.source.lineEdit().setPlaceholderText(_("Organization or source, e.g. government budget"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(_("Amount"))
        self.year = QLineEdit()
        # Translators: the placeholder of the year a funding source pays in
        self.year.setPlaceholderText(_("Year"))
        self.year.setMaxLength(4)
        self.add_button = add = QPushButton(_("Add"))
        add.clicked.connect(self._add)
        self.remove_button = remove = QPushButton(_("Remove"))
        remove.clicked.connect(self._remove)
        # Two short rows, as the partners' below: the panel stays narrow beside the tree.
        self.year.setFixedWidth(self.year.fontMetrics().horizontalAdvance("20270") + 16)
        self.source.setMinimumContentsLength(8)
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.source, 1)
        first.addWidget(self.year)
        second.addWidget(self.amount, 1)
        second.addWidget(add)
        second.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(first)
        layout.addLayout(second)
        self.amount.returnPressed.connect(self._add)
        self.year.returnPressed.connect(self._add)

    def show_node(self, document, node: dict) -> None:
        self.document, self.node = document, node
        locale = document.number_locale()
        self.list.clear()
        for source in action_funding(document, node["id"]):
            money = left_to_right(money_text(source["amount"], source["currency"], locale)) if source["amount"] else ""
            parts = [isolated(source["name"]), money, str(source["year"] or "")]
            item = QListWidgetItem(" — ".join(part for part in parts if part))
            item.setData(Qt.UserRole, source["id"])
            self.list.addItem(item)
        fill_when_empty(self.source, lambda: organization_choices(document))

    def organizations_changed(self) -> None:
        self.source.clear()

    def _add(self) -> None:
        if self.node is None:
            return
        text = self.source.currentText().strip()
        index = self.source.findText(text, Qt.MatchFixedString)
        organization_id = self.source.itemData(index) if index >= 0 else None
        node_id, amount, year = self.node["id"], self.amount.text(), self.year.text().strip()
        self.perform.emit(lambda document: plan_add_funding(document, node_id, text, amount, year,
                                                            organization_id=organization_id))
        self.amount.clear()
        self.year.clear()

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        funding_id = item.data(Qt.UserRole)
        self.perform.emit(lambda document: document.plan_delete("funding_source", funding_id))
