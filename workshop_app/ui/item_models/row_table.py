"""A table model over rows (dicts with an "id") that the document lists, edited through undo.

Rows are sorted and searched here, in Python, on precomputed keys: Qt's proxy would call
data() twice per comparison, which is slow on a 10,000-participant list. The proxy only filters.
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.ui.item_models import ID_ROLE, ROOT
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.session import DocumentSession


def edit_text(header: str) -> str:
    """The undo step of an edit in a cell, named by its column's (translated) header: "Edit title"."""
    # Translators: the name of an undo step; {field} is a column's header in small letters ("Edit room")
    return _("Edit {field}").format(field=header.lower())


class RowTableModel(QAbstractTableModel):
    """Rows of one document table, listed, sorted and edited in place. As everywhere in ui/:

    - reload(): read every row again from the document (a model reset);
    - refresh(change, source): update, in place, only the rows one applied change touched;
      `source` is the object that passed the change to DocumentSession.perform (None for undo
      and redo), so the model that wrote a value does not read it back.
    """

    TABLE = ""  # the document table the rows come from
    COLUMNS: tuple[str, ...] = ()  # header titles, marked with N_ (see header())
    EDITABLE: dict[int, str] = {}  # column -> field written by an edit
    CHECKABLE: dict[int, str] = {}  # column -> 0/1 field shown as a check box
    FIELDS: frozenset[str] | None = None  # fields of TABLE shown; edits of others are ignored (None: all)
    JOINED: frozenset[str] = frozenset()  # fields shown through another table (an id shown as a name)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session: DocumentSession | None = None
        self._rows: list[dict] = []
        self._search: list[str] = []
        self._row_of: dict[str, int] = {}
        self._matched: tuple[str, list[bool]] | None = None  # the last filter text and its answer
        self._sort = (0, Qt.AscendingOrder)

    # ------------------------------------------------------------------ what subclasses give

    def fetch(self, ids: list[str] | None = None) -> list[dict]:
        raise NotImplementedError

    def display(self, row: dict, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, row: dict, column: int):
        return self.display(row, column).casefold()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    @never_raises
    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.header(section)
        return None

    def header(self, column: int) -> str:
        """A column's title in the current language."""
        return _(self.COLUMNS[column])

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if self.session is not None and not self.session.document.readonly:
            if index.column() in self.EDITABLE:
                flags |= Qt.ItemIsEditable
            if index.column() in self.CHECKABLE:
                flags |= Qt.ItemIsUserCheckable
        return flags

    @never_raises
    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.CheckStateRole and column in self.CHECKABLE:
            return Qt.Checked if row[self.CHECKABLE[column]] else Qt.Unchecked
        if role in (Qt.DisplayRole, Qt.ToolTipRole) and column not in self.CHECKABLE:
            return self.display(row, column)
        if role == Qt.EditRole and column in self.EDITABLE:
            return row[self.EDITABLE[column]]
        if role == ID_ROLE:
            return row["id"]
        return None

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        if not index.isValid() or self.session is None:
            return False
        row = self._rows[index.row()]
        if role == Qt.CheckStateRole and index.column() in self.CHECKABLE:
            field, value = self.CHECKABLE[index.column()], int(Qt.CheckState(value) == Qt.Checked)
        elif role == Qt.EditRole and index.column() in self.EDITABLE:
            field = self.EDITABLE[index.column()]
        else:
            return False
        text = edit_text(self.header(index.column()))
        edit = self.session.perform(
            lambda document: document.plan_update(self.TABLE, row["id"], text, **{field: value}), source=self)
        return edit is not None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()]["id"] for index in before]
        self._order_rows()
        self.changePersistentIndexList(
            before, [self.index(self._row_of[row_id], index.column()) for row_id, index in zip(ids, before)])
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ our side

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        self.reload()

    def reload(self) -> None:
        """Read every row again (a reset: selection and scroll start over)."""
        self.beginResetModel()
        self._rows = self.fetch() if self.session is not None else []
        self._order_rows()
        self.endResetModel()

    def refresh(self, change: Change, source: object = None) -> None:
        """Follow one change in place (selection and scroll stay where they were): drop the rows
        it removed, read again the rows it touched (touched_ids) and add the rows it inserted.
        Fields this model wrote itself (source is self) are taken from the change, not read back."""
        ours = [row for row in change.rows if row.table == self.TABLE]
        removed = {row.row_id for row in ours if row.kind == "delete"}
        self._remove([row_id for row_id in removed if row_id in self._row_of])
        written = {row.row_id: row.after for row in ours if source is self and self._can_take(row)}
        for row_id, values in written.items():
            self._put({**self._rows[self._row_of[row_id]], **values})
        stale = self.touched_ids(change) - removed - written.keys()
        if stale:
            for row in self.fetch(sorted(stale)):
                self._put(row)

    def touched_ids(self, change: Change) -> set[str]:
        """Ids of the rows a change touched that must be read again: rows of TABLE it inserted,
        or edited in a field of FIELDS. Subclasses add rows that show values of other tables."""
        return {row.row_id for row in change.rows if row.table == self.TABLE and (
            row.kind == "insert" or row.kind == "update" and (self.FIELDS is None or self.FIELDS & row.after.keys()))}

    def _can_take(self, row) -> bool:
        """Whether an edit of a listed row can be shown from its new values alone."""
        number = self._row_of.get(row.row_id)
        return (row.kind == "update" and number is not None and not (row.after.keys() & self.JOINED)
                and row.after.keys() <= self._rows[number].keys())

    def _remove(self, row_ids: list[str]) -> None:
        if not row_ids:
            return
        for row_number in sorted((self._row_of[row_id] for row_id in row_ids), reverse=True):
            self.beginRemoveRows(QModelIndex(), row_number, row_number)
            del self._rows[row_number]
            del self._search[row_number]
            self._matched = None
            self.endRemoveRows()
        self._index_rows()

    def _put(self, row: dict) -> None:
        """Show a row as given: in place of the listed row with its id, or added at the end."""
        number = self._row_of.get(row["id"])
        self._matched = None
        if number is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(row)
            self._search.append(self._search_text(row))
            self._row_of[row["id"]] = len(self._rows) - 1
            self.endInsertRows()
        else:
            self._rows[number] = row
            self._search[number] = self._search_text(row)
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.columnCount() - 1))

    def row_id(self, row_number: int) -> str:
        return self._rows[row_number]["id"]

    def row_by_id(self, row_id: str) -> dict | None:
        number = self._row_of.get(row_id)
        return None if number is None else self._rows[number]

    def row_number(self, row_id: str) -> int | None:
        return self._row_of.get(row_id)

    def matching(self, needle: str) -> list[bool]:
        """For each row, in order: does its text contain the (casefolded) needle? Cached until
        the rows change."""
        if self._matched is None or self._matched[0] != needle:
            self._matched = (needle, [needle in text for text in self._search])
        return self._matched[1]

    def _order_rows(self) -> None:
        column, order = self._sort
        self._rows.sort(key=lambda row: self.sort_key(row, column), reverse=order == Qt.DescendingOrder)
        self._search = [self._search_text(row) for row in self._rows]
        self._index_rows()

    def _index_rows(self) -> None:
        self._row_of = {row["id"]: number for number, row in enumerate(self._rows)}
        self._matched = None

    def _search_text(self, row: dict) -> str:
        return "\n".join(self.display(row, column) for column in range(len(self.COLUMNS))).casefold()


class RowFilterProxy(QSortFilterProxyModel):
    """Filters on the source's precomputed search text; sorting is delegated to the source.
    The source works out which rows match in one pass per text (and again after its rows
    change), so the call Qt makes per row is a list lookup: 10,000 participants filter within
    a keystroke."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._source: RowTableModel | None = None

    def setSourceModel(self, model: RowTableModel) -> None:
        self._source = model
        super().setSourceModel(model)

    def set_filter_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and newer
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        return not self._needle or self._source.matching(self._needle)[source_row]

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._source.sort(column, order)
