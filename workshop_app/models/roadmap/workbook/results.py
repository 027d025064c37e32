"""What re-importing a road-map workbook would do: the one Change, the lines of its report,
the invalid cells, and the conflicts between Excel and the workshop."""

from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models.changes import Change

# The report when nothing would change; marked with N_, translated where it is put in a report.
NO_CHANGES = N_("no changes")


def cell_place(sheet: str, row: int | None = None, column: str = "") -> str:
    """Where a cell is in the workbook: "Road map row 14, Cost", "Feuille de route ligne 14,
    Coût": the sheet's name and the column's header in the reader's language, as a workbook
    exported in it shows them (a name the catalogs do not know, as it is)."""
    sheet, column = _(sheet) if sheet else sheet, _(column) if column else column
    if row and column:
        return _("{sheet} row {row}, {column}").format(sheet=sheet, row=row, column=column)
    if row:
        return _("{sheet} row {row}").format(sheet=sheet, row=row)
    if column:
        return _("{sheet}, {column}").format(sheet=sheet, column=column)
    return sheet


def at_place(place: str, problem: str) -> str:
    """A line that says where, then what: "Road map row 14, Cost: 'abc' is not a number"."""
    return _("{place}: {problem}").format(place=place, problem=problem)


@dataclass(frozen=True)
class WorkbookConflict:
    """Something changed both in Excel and in the workshop since the export. The workshop's side
    is kept; both sides are shown (as in a report line) for the user to decide.

    kind: "cell" (a cell changed on both sides), "removed in Excel" (a row deleted in Excel whose
    item was edited in the workshop), "removed in the workshop" (a row edited in Excel whose item
    was deleted in the workshop), "place removed" (a new row under an item deleted in the workshop)."""
    sheet: str
    row: int | None  # None for a row removed in Excel
    column: str
    code: str  # "Action 1.2.3"
    excel: str
    workshop: str
    exported: str = ""
    item_id: str = ""
    field: str = ""
    kind: str = "cell"
    parent: str = ""  # "place removed": the item removed from the workshop ("output 1.2")

    def __str__(self) -> str:
        where = cell_place(self.sheet, self.row, self.column)
        if self.kind == "cell":
            text = _("{place} ({item}): Excel {excel}, the workshop {workshop} (exported as {exported}); the "
                     "workshop's value is kept")
        elif self.kind == "removed in Excel":
            text = _("{place} ({item}): removed in Excel, but changed in the workshop since the export; the "
                     "workshop's side is kept")
        elif self.kind == "removed in the workshop":
            text = _("{place} ({item}): changed in Excel, but removed from the workshop since the export; the "
                     "workshop's side is kept")
        elif self.kind == "place removed":
            text = _("{place} ({item}): added in Excel, but {parent} was removed from the workshop since the export; "
                     "the workshop's side is kept")
        else:
            text = _("{place} ({item}): {excel} in Excel, but {workshop}; the workshop's side is kept")
        return text.format(place=where, item=self.code, excel=self.excel, workshop=self.workshop,
                           exported=self.exported, parent=self.parent)


@dataclass
class WorkbookImportPlan:
    path: Path
    change: Change  # empty when there are problems
    report: list[str]  # what applying the change does, one line each; ["no changes"] when nothing
    problems: list[str] = field(default_factory=list)  # invalid cells: "Road map row 14, Cost: …"
    conflicts: list[WorkbookConflict] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed in the workshop since the export, kept
    notes: list[str] = field(default_factory=list)  # things the import leaves alone, and why
    removed_in_excel: list[str] = field(default_factory=list)  # ids of items and indicators

    @property
    def has_changes(self) -> bool:
        return bool(self.change)

    def lines(self) -> list[str]:
        """Everything to show the user, in order: problems first (nothing is applied then)."""
        lines = []
        if self.problems:
            lines.append(ngettext("Nothing imported: {count} cell to correct in the workbook first.",
                                  "Nothing imported: {count} cells to correct in the workbook first.",
                                  len(self.problems)).format(count=len(self.problems)))
            lines += self.problems
            return lines
        lines += self.report
        if self.conflicts:
            lines.append(ngettext("Changed on both sides since the export ({count}); the workshop's values are kept:",
                                  "Changed on both sides since the export ({count}); the workshop's values are kept:",
                                  len(self.conflicts)).format(count=len(self.conflicts)))
            lines += [f"  {conflict}" for conflict in self.conflicts]
        if self.kept:
            lines.append(_("Changed in the workshop since the export (kept):"))
            lines += [f"  {line}" for line in self.kept]
        lines += self.notes
        return lines
