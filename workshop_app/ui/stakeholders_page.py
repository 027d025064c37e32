"""Stakeholders: the organizations and the participants of the workshop, searchable."""

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QTabWidget, QWidget

from workshop_app.ui.page import Page
from workshop_app.ui.table_models import OrganizationTableModel, ParticipantTableModel


class StakeholdersPage(Page):
    TABLES = {"participant", "organization"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(self.tr("Stakeholders"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter: type part of a name, an organization, an e-mail…"))
        self.filter_edit.setClearButtonEnabled(True)

        self.participants = ParticipantTableModel(self)
        self.organizations = OrganizationTableModel(self)
        self.tabs = QTabWidget()
        self.participant_view = self._table(self.participants, self.tr("Participants"))
        self.organization_view = self._table(self.organizations, self.tr("Organizations"))

        self.lay_out(heading, self.filter_edit, self.tabs)

    def _table(self, model, title: str) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        proxy.setFilterKeyColumn(-1)  # search every column
        proxy.setSortCaseSensitivity(Qt.CaseInsensitive)
        self.filter_edit.textChanged.connect(proxy.setFilterFixedString)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(0, Qt.AscendingOrder)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QTableView.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(view, title)
        return view

    def reload(self) -> None:
        if self.session is None:
            self.participants.set_rows([])
            self.organizations.set_rows([])
            return
        document = self.session.document
        self.participants.load(document)
        self.organizations.load(document)
        self.tabs.setTabText(0, self.tr("Participants (%1)").replace("%1", str(self.participants.rowCount())))
        self.tabs.setTabText(1, self.tr("Organizations (%1)").replace("%1", str(self.organizations.rowCount())))
        for view, widths in ((self.participant_view, (220, 80, 140, 200, 120, 230)),
                             (self.organization_view, (360, 90, 260, 100, 90))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
