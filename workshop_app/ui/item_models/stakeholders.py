"""The Participants and Organizations tables of the Stakeholders page."""

from PySide6.QtCore import QModelIndex, Qt

from workshop_app.i18n.catalogs import N_, _, current, pgettext
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.geography import language_name
from workshop_app.models.stakeholders.listing import organization_rows, participant_rows
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.item_models.row_table import RowTableModel


def vocabulary_label(labels: dict, key) -> str:
    """A vocabulary key's label in the current language; an unknown key as it is."""
    return _(labels[key]) if key in labels else key or ""


def members_of_renamed(change: Change, rows: list[dict]) -> set[str]:
    """Ids of the listed participants whose organization's shown name (acronym or name) the
    change edits: a participant list shows it beside each person."""
    renamed = {row.row_id for row in change.rows
               if row.table == "organization" and row.kind == "update" and {"name", "acronym"} & row.after.keys()}
    return {row["id"] for row in rows if row["organization_id"] in renamed} if renamed else set()


class ParticipantTableModel(RowTableModel):
    TABLE = "participant"
    COL_NAME, COL_SEX, COL_ORGANIZATION, COL_TITLE, COL_ROLE, COL_EMAIL, COL_PHONE, COL_LANGUAGE = range(8)
    # "Title" (job titles) is worded apart, in header().
    COLUMNS = (N_("Name"), N_("Sex"), N_("Organization"), "Title", N_("Role"), N_("E-mail"), N_("Phone"),
               N_("Language"))
    EDITABLE = {COL_NAME: "name", COL_SEX: "sex", COL_ORGANIZATION: "organization_id", COL_TITLE: "title",
                COL_ROLE: "role", COL_EMAIL: "email", COL_PHONE: "phone", COL_LANGUAGE: "language"}
    _TEXT = {COL_NAME: "name", COL_ORGANIZATION: "organization", COL_TITLE: "title", COL_EMAIL: "email",
             COL_PHONE: "phone", COL_LANGUAGE: "language"}
    FIELDS = frozenset(EDITABLE.values())
    JOINED = frozenset({"organization_id"})  # shown as the organization's acronym or name

    def fetch(self, ids=None):
        return participant_rows(self.session.document, ids)

    def header(self, column: int) -> str:
        if column == self.COL_TITLE:
            # Translators: a column of the participant list: each person's job title or position
            return pgettext("participant", "Title")
        return super().header(column)

    def touched_ids(self, change: Change) -> set[str]:
        return super().touched_ids(change) | members_of_renamed(change, self._rows)

    def display(self, row: dict, column: int) -> str:
        if column == self.COL_SEX:
            return vocabulary_label(v.SEXES, row["sex"])
        if column == self.COL_ROLE:
            return vocabulary_label(v.PARTICIPANT_ROLES, row["role"])
        if column == self.COL_LANGUAGE and row["language"]:
            # Named in the window's language ("népalais"); edited as its ISO code.
            return language_name(row["language"], current().language) or row["language"]
        return row[self._TEXT[column]] or ""


class OrganizationTableModel(RowTableModel):
    TABLE = "organization"
    COL_NAME, COL_ACRONYM, COL_CATEGORY, COL_PARTICIPANTS, COL_TRIPARTITE, COL_PARTNER = range(6)
    COLUMNS = (N_("Name"), N_("Acronym"), N_("Category"), N_("Participants"),
               # Translators: a column of the organization list: a government, workers' or employers' organization
               # (the ILO's three constituents)
               N_("Tripartite"),
               N_("Alliance 8.7 partner"))
    EDITABLE = {COL_NAME: "name", COL_ACRONYM: "acronym", COL_CATEGORY: "category"}
    CHECKABLE = {COL_TRIPARTITE: "tripartite", COL_PARTNER: "alliance_partner"}
    FIELDS = frozenset({*EDITABLE.values(), *CHECKABLE.values()})

    def fetch(self, ids=None):
        return organization_rows(self.session.document, ids)

    def touched_ids(self, change: Change) -> set[str]:
        """Also the organizations whose participant count the change alters: those a
        participant was added to, removed from, or moved between."""
        counted = {values["organization_id"] for row in change.rows if row.table == "participant"
                   for values in (row.before, row.after) if values and values.get("organization_id")}
        return super().touched_ids(change) | counted

    def display(self, row: dict, column: int) -> str:
        if column == self.COL_CATEGORY:
            return vocabulary_label(v.ORGANIZATION_CATEGORIES, row["category"])
        if column == self.COL_PARTICIPANTS:
            return str(row["participants"])
        if column in self.CHECKABLE:
            return ""
        return row[("name", "acronym")[column]] or ""

    def sort_key(self, row: dict, column: int):
        if column == self.COL_PARTICIPANTS:
            return row["participants"]
        if column in self.CHECKABLE:
            return row[self.CHECKABLE[column]]
        return super().sort_key(row, column)

    @never_raises
    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role == Qt.TextAlignmentRole and index.column() == self.COL_PARTICIPANTS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return super().data(index, role)
