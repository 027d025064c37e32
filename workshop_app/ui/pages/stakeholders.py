"""Stakeholders: the organizations and the participants of the workshop, edited in place."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.stakeholders.listing import organization_choices
from workshop_app.models.stakeholders.organizations import (
    participants_of,
    plan_delete_organization,
    plan_merge_organizations,
)
from workshop_app.ui.icons import icon
from workshop_app.ui.item_models.row_table import ID_ROLE, RowFilterProxy, RowTableModel
from workshop_app.ui.item_models.stakeholders import OrganizationTableModel, ParticipantTableModel
from workshop_app.ui.pages.attendance import AttendanceTab
from workshop_app.ui.pages.base import Page, held_by
from workshop_app.ui.pages.figures import FiguresTab
from workshop_app.ui.widgets.delegates import ChoiceDelegate, isolate_cells
from workshop_app.ui.widgets.notices import EmptyState


def _vocabulary(labels: dict):
    return lambda: [(key, _(label)) for key, label in labels.items()]


class StakeholdersPage(Page):
    TABLES = {"participant", "organization", "attendance", "day", "stakeholder_assessment"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(_("Stakeholders"))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(_("Filter: type part of a name, an organization, an e-mail…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.message = self.problem_line()

        self.participants = ParticipantTableModel(self)
        self.organizations = OrganizationTableModel(self)
        self.tabs = QTabWidget()
        self.participant_view = self._table(self.participants)
        self.organization_view = self._table(self.organizations)
        m = ParticipantTableModel
        # Addresses and numbers read left to right even between Arabic words.
        isolate_cells(self.participant_view, (m.COL_EMAIL, m.COL_PHONE))
        isolate_cells(self.organization_view)
        self.participant_view.setItemDelegateForColumn(m.COL_SEX, ChoiceDelegate(_vocabulary(v.SEXES), self))
        self.participant_view.setItemDelegateForColumn(
            m.COL_ROLE, ChoiceDelegate(_vocabulary(v.PARTICIPANT_ROLES), self))
        self.participant_view.setItemDelegateForColumn(m.COL_ORGANIZATION, ChoiceDelegate(
            lambda: organization_choices(self.session.document), self, allow_none=_("(no organization)")))
        self.organization_view.setItemDelegateForColumn(
            OrganizationTableModel.COL_CATEGORY, ChoiceDelegate(_vocabulary(v.ORGANIZATION_CATEGORIES), self))

        self.add_participant_action = self.page_action(_("Add participant"), self.add_participant, "Ctrl+Shift+P")
        # Translators: a toolbar button that deletes the selected rows.
        self.delete_participants_action = self.page_action(_("Delete"), self.delete_participants)
        self.add_organization_action = self.page_action(_("Add organization"), self.add_organization,
                                                        "Ctrl+Shift+O")
        self.delete_organizations_action = self.page_action(_("Delete"), self.delete_organizations)
        self.merge_action = self.page_action(_("Merge…"), self.merge_organizations, "Ctrl+Shift+M")
        for action, name in ((self.add_participant_action, "user-plus"), (self.delete_participants_action, "trash"),
                             (self.add_organization_action, "buildings"), (self.delete_organizations_action, "trash"),
                             (self.merge_action, "git-merge")):
            action.setIcon(icon(name))
        self.merge_action.setToolTip(_("Merge the selected organizations into one (their people and "
                                       "road-map roles move to the one you keep)"))
        participants_tab = self._tab(self.participant_view, _("Participants"),
                                     [self.add_participant_action, self.delete_participants_action])
        self.empty = EmptyState(
            _("No participants yet. Import the invitation list you were sent (Excel or CSV), "
              "or add people one by one."),
            [(_("Import participants…"), lambda: self.window().import_participants()),
             (_("Add participant"), self.add_participant)])
        self.empty.hide()
        participants_tab.addWidget(self.empty, 1)
        self._tab(self.organization_view, _("Organizations"),
                  [self.add_organization_action, self.delete_organizations_action, self.merge_action])
        self.attendance = AttendanceTab()
        self.filter_edit.textChanged.connect(self.attendance.set_filter)
        self.tabs.addTab(self.attendance, _("Attendance"))
        self.figures = FiguresTab()
        self.tabs.addTab(self.figures, _("Figures"))
        # Delete acts on the table of the tab in front: each table holds its own action, and Qt
        # keeps the shortcuts of the hidden tab asleep.
        self.delete_participants_action.setShortcut(QKeySequence.Delete)
        self.delete_organizations_action.setShortcut(QKeySequence.Delete)
        for action, view in ((self.delete_participants_action, self.participant_view),
                             (self.delete_organizations_action, self.organization_view)):
            self.removeAction(action)
            action.setShortcutContext(Qt.WindowShortcut)
            view.addAction(action)
        self.lay_out(heading, self.filter_edit, self.message, self.tabs)

    def main_view(self) -> QWidget | None:
        """The table of the tab in front; on Attendance, its search field (type a name, Enter)."""
        tab = self.tabs.currentWidget()
        return getattr(tab, "search_edit", None) or tab.findChild(QAbstractItemView)

    def _table(self, model: RowTableModel) -> QTableView:
        proxy = RowFilterProxy(self)
        proxy.setSourceModel(model)
        self.filter_edit.textChanged.connect(proxy.set_filter_text)
        view = QTableView()
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        view.setAlternatingRowColors(True)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                             | QAbstractItemView.AnyKeyPressed)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _tab(self, view: QTableView, title: str, actions: list[QAction]) -> QVBoxLayout:
        self.offer_in_context_menu(view, actions)
        bar = self.toolbar(actions)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        self.tabs.addTab(tab, title)
        return layout

    # ------------------------------------------------------------------ refreshing

    def reload(self) -> None:
        self.participants.set_session(self.session)
        self.organizations.set_session(self.session)
        self.attendance.set_session(self.session)
        if self.settings is not None:
            self.figures.women_share_minimum = self.settings.women_share_minimum()
        self.figures.set_session(self.session)
        self._update_counts()
        if self.session is not None:
            self._size_columns()
            readonly = self.session.document.readonly
            for action in (self.add_participant_action, self.delete_participants_action,
                           self.add_organization_action, self.delete_organizations_action, self.merge_action):
                action.setEnabled(not readonly)

    def _size_columns(self) -> None:
        """Names and titles share the spare width; short columns are as wide as what they hold
        (measured on the first rows: a list of two thousand people stays quick)."""
        p, o = ParticipantTableModel, OrganizationTableModel
        for view, stretched, fitted, widths in (
                (self.participant_view, (p.COL_TITLE,), (p.COL_SEX, p.COL_ROLE, p.COL_PHONE, p.COL_LANGUAGE),
                 {p.COL_NAME: 200, p.COL_ORGANIZATION: 130, p.COL_EMAIL: 230}),
                (self.organization_view, (o.COL_NAME,), (o.COL_ACRONYM, o.COL_CATEGORY, o.COL_PARTICIPANTS,
                                                        o.COL_TRIPARTITE, o.COL_PARTNER), {})):
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            header.setResizeContentsPrecision(200)
            for column in stretched:
                header.setSectionResizeMode(column, QHeaderView.Stretch)
            self.fit_columns(view, fitted)
            for column, width in widths.items():
                view.setColumnWidth(column, width)

    def refresh(self, change: Change, source: object) -> None:
        self.message.hide()
        # In place, so that selection and scrolling stay, and each part reads only what the
        # change touched (organization names show beside participants, counts beside organizations).
        self.participants.refresh(change, source)
        self.organizations.refresh(change, source)
        self.attendance.refresh(change, source)
        self.figures.refresh(change, source)
        self._update_counts()

    def _update_counts(self) -> None:
        empty = self.session is not None and self.participants.rowCount() == 0
        self.participant_view.setVisible(not empty)
        self.empty.setVisible(empty)
        self.empty.setEnabled(self.session is not None and not self.session.document.readonly)
        people, organizations = self.participants.rowCount(), self.organizations.rowCount()
        # Translators: tab titles with the number of rows each tab lists.
        self.tabs.setTabText(0, ngettext("Participants ({count})", "Participants ({count})", people).format(
            count=people))
        self.tabs.setTabText(1, ngettext("Organizations ({count})", "Organizations ({count})", organizations).format(
            count=organizations))

    def show_failure(self, message: str, source: object) -> None:
        if held_by(source, self.attendance):
            self.attendance.show_failure(message)  # beside the name box the person at the door is using
        else:
            super().show_failure(message, source)

    # ------------------------------------------------------------------ actions

    def selected_ids(self, view: QTableView) -> list[str]:
        return [index.data(ID_ROLE) for index in view.selectionModel().selectedRows()]

    def add_participant(self) -> None:
        self._add_row(0, self.participant_view, self.participants, _("Add participant"), _("New participant"))

    def add_organization(self) -> None:
        self._add_row(1, self.organization_view, self.organizations, _("Add organization"), _("New organization"))

    def _add_row(self, tab: int, view: QTableView, model: RowTableModel, text: str, name: str) -> None:
        """Add a row named `name` to the table of `model` (the undo step `text`), shown on `tab`,
        and start editing its name."""
        self.tabs.setCurrentIndex(tab)
        change = self.session.perform(lambda document: document.plan_insert(model.TABLE, text, name=name),
                                      source=self)
        if not change:
            return
        self.filter_edit.clear()  # a filter could hide the new row
        index = view.model().mapFromSource(model.index(model.row_number(change.rows[0].row_id), 0))
        view.setCurrentIndex(index)
        view.scrollTo(index)
        view.edit(index)

    def delete_participants(self) -> None:
        ids = self.selected_ids(self.participant_view)
        if not ids:
            return
        text = ngettext("Delete {count} participant", "Delete {count} participants", len(ids)).format(count=len(ids))
        self.session.perform(lambda document: self._combined(
            text, [document.plan_delete("participant", row_id) for row_id in ids]), source=self)

    def delete_organizations(self) -> None:
        ids = self.selected_ids(self.organization_view)
        if not ids:
            return
        document = self.session.document
        people = sum(participants_of(document, row_id) for row_id in ids)
        with_participants = False
        if people:
            answer = self.ask_delete_with_participants(len(ids), people)
            if answer is None:
                return
            with_participants = answer
        text = ngettext("Delete {count} organization", "Delete {count} organizations", len(ids)).format(
            count=len(ids))

        def plan(document):
            change = Change(text)
            with document.drafting() as step:
                for row_id in ids:
                    change = change.then(step(plan_delete_organization(
                        document, row_id, with_participants=with_participants)), text)
            return change

        self.session.perform(plan, source=self)

    def merge_organizations(self) -> None:
        ids = self.selected_ids(self.organization_view)
        if len(ids) < 2:
            self.show_problem(_("Select two or more organizations to merge (Ctrl+click)."))
            return
        keep_id = self.ask_merge_target([(row_id, self.organizations.row_by_id(row_id)["name"]) for row_id in ids])
        if keep_id is None:
            return
        text = ngettext("Merge {count} organization", "Merge {count} organizations", len(ids)).format(count=len(ids))

        def plan(document):
            change = Change(text)
            with document.drafting() as step:
                for row_id in ids:
                    if row_id != keep_id:
                        change = change.then(step(plan_merge_organizations(document, keep_id, row_id)), text)
            return change

        self.session.perform(plan, source=self)

    @staticmethod
    def _combined(text: str, changes: list[Change]) -> Change:
        return Change(text, tuple(row for change in changes for row in change.rows))

    # ------------------------------------------------------------------ questions (tests replace these)

    def ask_delete_with_participants(self, organizations: int, people: int) -> bool | None:
        """True: delete the people too; False: keep them without an organization; None: cancel."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(_("Delete organizations"))
        box.setText(ngettext("{count} participant belongs to the organizations you are deleting.",
                             "{count} participants belong to the organizations you are deleting.", people).format(
            count=people))
        box.setInformativeText(_("Keep them in the workshop without an organization, or delete them too?"))
        keep = box.addButton(_("Keep participants"), QMessageBox.AcceptRole)
        delete = box.addButton(_("Delete participants too"), QMessageBox.DestructiveRole)
        box.addButton(QMessageBox.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        return {keep: False, delete: True}.get(box.clickedButton())

    def ask_merge_target(self, choices: list[tuple[str, str]]) -> str | None:
        names = [name for _row_id, name in choices]
        name, ok = QInputDialog.getItem(self, _("Merge organizations"),
                                        _("Keep this organization; the others merge into it:"), names, 0, False)
        return choices[names.index(name)][0] if ok else None
