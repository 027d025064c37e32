"""What the agenda and road-map trees share as Qt models: their columns' headers, a cell edited
as one undo step, and rows moved by drag and drop (MovesById)."""

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt

from workshop_app.i18n.catalogs import _
from workshop_app.ui.item_models import ROOT
from workshop_app.ui.item_models.drag import MovesById
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.item_models.row_table import edit_text
from workshop_app.ui.session import DocumentSession


class DocumentTree(MovesById, QAbstractItemModel):
    """A tree of rows of the document table TABLE: COLUMNS are its headers (marked with N_) and
    EDITABLE maps a column to the field an edit in it writes. A subclass says which row an index
    shows (row_at)."""

    TABLE = ""
    COLUMNS: tuple[str, ...] = ()
    EDITABLE: dict[int, str] = {}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session: DocumentSession | None = None

    def row_at(self, index: QModelIndex) -> dict | None:
        """The document row that `index` shows, None for a row of another kind (an agenda's day)."""
        raise NotImplementedError

    def columnCount(self, parent=ROOT) -> int:
        return len(self.COLUMNS)

    @never_raises
    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return _(self.COLUMNS[section])
        return None

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        row = self.row_at(index)
        if row is None or role != Qt.EditRole or index.column() not in self.EDITABLE:
            return False
        text, field = edit_text(_(self.COLUMNS[index.column()])), self.EDITABLE[index.column()]
        edit = self.session.perform(
            lambda document: document.plan_update(self.TABLE, row["id"], text, **{field: value}), source=self)
        return edit is not None
