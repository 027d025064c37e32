"""Read-only table models over the document's participants and organizations."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument


def _label(labels: dict, key) -> str:
    return QCoreApplication.translate("vocabulary", labels.get(key, key or ""))


class _RowsModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict] = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return QCoreApplication.translate("columns", self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.display(self._rows[index.row()], index.column())
        if role == Qt.UserRole:
            return self._rows[index.row()]["id"]
        return None

    def display(self, row: dict, column: int) -> str:
        raise NotImplementedError

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


class ParticipantTableModel(_RowsModel):
    COL_NAME, COL_SEX, COL_ORGANIZATION, COL_TITLE, COL_ROLE, COL_EMAIL, COL_PHONE = range(7)
    COLUMNS = ("Name", "Sex", "Organization", "Title", "Role", "E-mail", "Phone")

    def load(self, document: WorkshopDocument) -> None:
        organizations = {row["id"]: row for row in document.rows("organization")}
        rows = document.rows("participant", order_by="name")
        for row in rows:
            organization = organizations.get(row["organization_id"])
            row["organization"] = (organization["acronym"] or organization["name"]) if organization else ""
        self.set_rows(rows)

    def display(self, row: dict, column: int) -> str:
        if column == self.COL_SEX:
            return _label(v.SEXES, row["sex"])
        if column == self.COL_ROLE:
            return _label(v.PARTICIPANT_ROLES, row["role"])
        key = ("name", "sex", "organization", "title", "role", "email", "phone")[column]
        return row[key]


class OrganizationTableModel(_RowsModel):
    COL_NAME, COL_ACRONYM, COL_CATEGORY, COL_PARTICIPANTS, COL_TRIPARTITE, COL_PARTNER = range(6)
    COLUMNS = ("Name", "Acronym", "Category", "Participants", "Tripartite", "Alliance 8.7 partner")

    def load(self, document: WorkshopDocument) -> None:
        counts: dict[str, int] = {}
        for participant in document.rows("participant"):
            counts[participant["organization_id"]] = counts.get(participant["organization_id"], 0) + 1
        rows = document.rows("organization", order_by="name")
        for row in rows:
            row["participants"] = counts.get(row["id"], 0)
        self.set_rows(rows)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role == Qt.TextAlignmentRole and index.column() == self.COL_PARTICIPANTS:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.EditRole and index.column() == self.COL_PARTICIPANTS:  # sort as a number
            return self._rows[index.row()]["participants"]
        return super().data(index, role)

    def display(self, row: dict, column: int) -> str:
        yes = QCoreApplication.translate("vocabulary", "Yes")
        if column == self.COL_CATEGORY:
            return _label(v.ORGANIZATION_CATEGORIES, row["category"])
        if column == self.COL_PARTICIPANTS:
            return str(row["participants"])
        if column == self.COL_TRIPARTITE:
            return yes if row["tripartite"] else ""
        if column == self.COL_PARTNER:
            return yes if row["alliance_partner"] else ""
        return row[("name", "acronym")[column]]
