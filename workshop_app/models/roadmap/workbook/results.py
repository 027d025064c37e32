"""What re-importing a road-map workbook would do: the one Change, the lines of its report,
the invalid cells, and the conflicts between Excel and the workshop."""

from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.models.changes import Change

NO_CHANGES = "no changes"


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

    def __str__(self) -> str:
        where = self.sheet + (f" row {self.row}" if self.row else "") + (f", {self.column}" if self.column else "")
        if self.kind == "cell":
            return (f"{where} ({self.code}): Excel {self.excel}, the workshop {self.workshop} "
                    f"(exported as {self.exported}); the workshop's value is kept")
        return f"{where} ({self.code}): {self.excel} in Excel, but {self.workshop}; the workshop's side is kept"


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
            lines.append(f"Nothing imported: {len(self.problems)} cell{'s' if len(self.problems) > 1 else ''} "
                         "to correct in the workbook first.")
            lines += self.problems
            return lines
        lines += self.report
        if self.conflicts:
            lines.append(f"Changed on both sides since the export ({len(self.conflicts)}); the workshop's values "
                         "are kept:")
            lines += [f"  {conflict}" for conflict in self.conflicts]
        if self.kept:
            lines.append("Changed in the workshop since the export (kept):")
            lines += [f"  {line}" for line in self.kept]
        lines += self.notes
        return lines
