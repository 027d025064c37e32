"""A change to the workshop file, described so that it can be applied, undone and redone.

Every edit is a list of row changes. A row change holds the row's values before and after:
no "before" means the row was inserted, no "after" means it was removed. Its inverse swaps
the two, so undo is just applying the inverse change, in the reverse order.
"""

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass(frozen=True)
class RowChange:
    table: str
    row_id: str
    before: Row | None  # the changed fields' old values; the whole row for a removal
    after: Row | None  # the changed fields' new values; the whole row for an insertion
    # Where SQLite kept a removed row (its rowid), so that undo puts it back in the same place:
    # lists read in rowid order (a session's speakers, a group's members) keep their order.
    rowid: int | None = field(default=None, compare=False)

    @property
    def kind(self) -> str:
        if self.before is None:
            return "insert"
        if self.after is None:
            return "delete"
        return "update"

    def inverse(self) -> "RowChange":
        return RowChange(self.table, self.row_id, self.after, self.before, self.rowid)


@dataclass(frozen=True)
class Change:
    description: str  # what the user did, in words fit for "Undo <description>"
    rows: tuple[RowChange, ...] = field(default_factory=tuple)

    def inverse(self) -> "Change":
        return Change(self.description, tuple(row.inverse() for row in reversed(self.rows)))

    def __bool__(self) -> bool:
        return bool(self.rows)

    def tables(self) -> set[str]:
        return {row.table for row in self.rows}

    def then(self, other: "Change", description: str | None = None) -> "Change":
        """Both changes as one step (one undo), this one first."""
        return Change(description or self.description, self.rows + other.rows)
