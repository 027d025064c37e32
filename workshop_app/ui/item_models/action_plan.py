"""The tables of the Overview's national action plan card: the reference figures the context
cites and the acronyms the facilitator adds to the organizations' own."""

from PySide6.QtCore import QModelIndex, Qt

from workshop_app.i18n.catalogs import N_
from workshop_app.models.plan.acronyms import added_acronyms
from workshop_app.models.plan.figures import reference_figures
from workshop_app.models.validation import amount_text
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.item_models.row_table import RowTableModel


class ReferenceFigureModel(RowTableModel):
    TABLE = "reference_figure"
    COL_VALUE, COL_COUNTS, COL_YEAR, COL_SOURCE = range(4)
    # Translators: the columns of the reference figures: the number, what it counts, its year, its source
    COLUMNS = (N_("Figure"), N_("What it counts"), N_("Year"), N_("Source"))
    EDITABLE = {COL_VALUE: "value", COL_COUNTS: "counts", COL_YEAR: "year", COL_SOURCE: "source"}
    FIELDS = frozenset(EDITABLE.values())

    def fetch(self, ids=None):
        return reference_figures(self.session.document, ids)

    def _locale(self) -> str:
        return self.session.document.number_locale() if self.session is not None else "en"

    def display(self, row: dict, column: int) -> str:
        if column == self.COL_VALUE:
            return amount_text(row["value"], self._locale())
        if column == self.COL_YEAR:
            return str(row["year"] or "")
        return row[self.EDITABLE[column]] or ""

    def sort_key(self, row: dict, column: int):
        return (row["position"], row["id"])  # the order they print in, whatever the column

    @never_raises
    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if role == Qt.EditRole and index.column() in (self.COL_VALUE, self.COL_YEAR):
            return self.display(self._rows[index.row()], index.column())  # typed the workshop's way
        if role == Qt.TextAlignmentRole and index.column() in (self.COL_VALUE, self.COL_YEAR):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return super().data(index, role)


class AcronymModel(RowTableModel):
    TABLE = "acronym"
    COL_ACRONYM, COL_MEANING = range(2)
    COLUMNS = (N_("Acronym"), N_("Meaning"))
    EDITABLE = {COL_ACRONYM: "acronym", COL_MEANING: "meaning"}
    FIELDS = frozenset(EDITABLE.values())

    def fetch(self, ids=None):
        return added_acronyms(self.session.document, ids)

    def display(self, row: dict, column: int) -> str:
        return row[self.EDITABLE[column]] or ""
