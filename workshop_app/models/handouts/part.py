"""Which part of the road map a handout gives its group: the outcomes it names and everything
under them (outputs, actions, their indicators, partners and funding sources). Plenary comments
may be added anywhere, and a new organization may be added as a partner; the rest of the file is
read-only in a handout."""

import json
from collections.abc import Iterable
from dataclasses import dataclass

from workshop_app.i18n.catalogs import _, listed
from workshop_app.models.changes import Change
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.tree import item_label

# The tables a merge brings back, in the order rows are added (a row after those it points at).
MERGED_TABLES = ("organization", "roadmap_node", "action_partner", "indicator", "funding_source", "plenary_comment")
# Rows that belong to a road-map item through their node_id.
NODE_TABLES = ("action_partner", "indicator", "funding_source")


@dataclass(frozen=True)
class HandoutInfo:
    id: str
    workshop_id: str
    label: str  # who it is for: "Group A"
    outcomes: tuple[str, ...]  # the ids of the outcomes the group may edit
    created_at: str


def handout_info(document) -> HandoutInfo | None:
    """What a handout file says of itself; None for a workshop file."""
    rows = document.rows("handout")
    if not rows:
        return None
    row = rows[0]
    try:
        outcomes = tuple(str(key) for key in json.loads(row["outcomes"]))
    except (TypeError, ValueError, RecursionError):  # a list changed by other means, or nested too deep
        outcomes = ()
    return HandoutInfo(row["id"], row["workshop_id"], row["label"], outcomes, row["created_at"])


def part_nodes(nodes: Iterable[dict], outcomes: Iterable[str]) -> set[str]:
    """The outcomes and every item under them, among `nodes` (rows with id and parent_id)."""
    children: dict[str | None, list[str]] = {}
    known = set()
    for node in nodes:
        children.setdefault(node["parent_id"], []).append(node["id"])
        known.add(node["id"])
    found = [outcome for outcome in outcomes if outcome in known]
    index = 0
    while index < len(found):
        found.extend(children.get(found[index], []))
        index += 1
    return set(found)


def in_part(table: str, row: dict, part: set[str]) -> bool:
    """Whether a row is the group's to edit (comments and organizations are not: see MERGED_TABLES)."""
    if table == "roadmap_node":
        return row["id"] in part
    if table in NODE_TABLES:
        return row["node_id"] in part
    return False


def part_words(document, info: HandoutInfo) -> str:
    """'Outcome 2' or 'Outcomes 1 and 3', as the workshop numbers them."""
    from workshop_app.models.roadmap.tree import node_codes

    codes = node_codes(document)
    return listed(item_label("outcome", codes[outcome]) for outcome in info.outcomes if outcome in codes)


def guard_handout(document) -> HandoutInfo | None:
    """When the file is a handout, make the document refuse any change outside the group's part
    (the window and the command line call this on opening); returns what the handout says."""
    info = handout_info(document)
    if info is None:
        return None

    def refuse_outside(change: Change) -> None:
        part = part_nodes(document.rows("roadmap_node"), info.outcomes)
        for row in change.rows:
            # The group's outcomes are its to edit, not to delete: the plenary decides that.
            if not _allowed(document, row, part) or (row.kind == "delete" and row.row_id in info.outcomes):
                raise WorkshopError(_("This handout lets {group} edit {part} only; the rest of the workshop is "
                                      "read-only here.").format(group=info.label or _("the group"),
                                                                part=part_words(document, info)))
            if row.table == "roadmap_node" and row.kind == "insert":
                part.add(row.row_id)  # rows added under it in the same change are the group's too

    document.guards.append(refuse_outside)
    return info


def _allowed(document, row, part: set[str]) -> bool:
    if row.table == "plenary_comment":
        # Comments are added anywhere; changed or removed only on the group's own items (as merged back).
        if row.kind == "insert":
            return True
        current = document.get("plenary_comment", row.row_id) or {}
        return current.get("node_id") in part
    if row.table == "organization":
        return row.kind == "insert"  # a new partner the group names
    current = document.get(row.table, row.row_id) if row.kind != "insert" and row.table in MERGED_TABLES else None
    after = row.after or {}
    if row.table in NODE_TABLES:
        return after.get("node_id", (current or {}).get("node_id")) in part and (
            current is None or current["node_id"] in part)
    if row.table == "roadmap_node":
        if row.kind == "insert":
            return after.get("parent_id") in part
        # The group's outcomes themselves may be edited, not moved out of its part.
        return row.row_id in part and ("parent_id" not in after or after["parent_id"] in part)
    return False
