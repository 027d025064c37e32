"""A change to the workshop file, described so that it can be applied, undone and redone.

Every edit is a list of row changes. A row change holds the row's values before and after:
no "before" means the row was inserted, no "after" means it was removed. Its inverse swaps
the two, so undo is just applying the inverse change, in the reverse order.
"""

from dataclasses import dataclass, field
from typing import Any

from workshop_app.i18n.catalogs import N_, _

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


def field_words(identifier: str) -> str:
    """A column or table name in words, for a message that must name it ("lead organization id")."""
    return identifier.replace("_", " ").replace("roadmap node", "road-map item")


# Per table: the default names of the undo steps that add and delete one of its rows, and the
# refusals when the row is gone; whole sentences, since their words agree with the row's kind.
_TABLE_TEXTS = {
    "workshop": (N_("Add workshop"), N_("Delete workshop"), N_("the workshop no longer exists (was it deleted?)"),
                 N_("the workshop being changed no longer exists")),
    "organization": (N_("Add organization"), N_("Delete organization"),
                     N_("the organization no longer exists (was it deleted?)"),
                     N_("the organization being changed no longer exists")),
    "stakeholder_assessment": (N_("Add stakeholder assessment"), N_("Delete stakeholder assessment"),
                               N_("the stakeholder assessment no longer exists (was it deleted?)"),
                               N_("the stakeholder assessment being changed no longer exists")),
    "participant": (N_("Add participant"), N_("Delete participant"),
                    N_("the participant no longer exists (was it deleted?)"),
                    N_("the participant being changed no longer exists")),
    "day": (N_("Add day"), N_("Delete day"), N_("the day no longer exists (was it deleted?)"),
            N_("the day being changed no longer exists")),
    "attendance": (N_("Add attendance"), N_("Delete attendance"),
                   N_("the attendance no longer exists (was it deleted?)"),
                   N_("the attendance being changed no longer exists")),
    "session": (N_("Add session"), N_("Delete session"), N_("the session no longer exists (was it deleted?)"),
                N_("the session being changed no longer exists")),
    "session_person": (N_("Add session person"), N_("Delete session person"),
                       N_("the session person no longer exists (was it deleted?)"),
                       N_("the session person being changed no longer exists")),
    "roadmap_node": (N_("Add road-map item"), N_("Delete road-map item"),
                     N_("the road-map item no longer exists (was it deleted?)"),
                     N_("the road-map item being changed no longer exists")),
    "action_partner": (N_("Add action partner"), N_("Delete action partner"),
                       N_("the action partner no longer exists (was it deleted?)"),
                       N_("the action partner being changed no longer exists")),
    "indicator": (N_("Add indicator"), N_("Delete indicator"), N_("the indicator no longer exists (was it deleted?)"),
                  N_("the indicator being changed no longer exists")),
    "version": (N_("Add version"), N_("Delete version"), N_("the version no longer exists (was it deleted?)"),
                N_("the version being changed no longer exists")),
    "plenary_comment": (N_("Add plenary comment"), N_("Delete plenary comment"),
                        N_("the plenary comment no longer exists (was it deleted?)"),
                        N_("the plenary comment being changed no longer exists")),
    "plan_text": (N_("Add plan text"), N_("Delete plan text"), N_("the plan text no longer exists (was it deleted?)"),
                  N_("the plan text being changed no longer exists")),
    "reference_figure": (N_("Add reference figure"), N_("Delete reference figure"),
                         N_("the reference figure no longer exists (was it deleted?)"),
                         N_("the reference figure being changed no longer exists")),
    "acronym": (N_("Add acronym"), N_("Delete acronym"), N_("the acronym no longer exists (was it deleted?)"),
                N_("the acronym being changed no longer exists")),
    "funding_source": (N_("Add funding source"), N_("Delete funding source"),
                       N_("the funding source no longer exists (was it deleted?)"),
                       N_("the funding source being changed no longer exists")),
}
# The same for a table the list above lacks (a file from a newer program).
_ANY_TABLE_TEXTS = (N_("Add {table}"), N_("Delete {table}"), N_("the {table} no longer exists (was it deleted?)"),
                    N_("the {table} being changed no longer exists"))


def table_text(table: str, which: int) -> str:
    """0: "Add …", 1: "Delete …" (undo steps), 2: "the … no longer exists…", 3: "… being changed…"."""
    texts = _TABLE_TEXTS.get(table)
    if texts is not None:
        return _(texts[which])
    return _(_ANY_TABLE_TEXTS[which]).format(table=field_words(table))
