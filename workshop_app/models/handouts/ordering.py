"""Where rows sit among their siblings after a merge: the group's order for the rows of its part
when the group reordered them, the workshop's otherwise, and what only the other side added kept
beside the row it followed there. The merged siblings are then numbered 0, 1, 2… again, so codes
renumber without gaps or two rows in one place.

A position is not merged as a field: the two sides number their lists independently (a row the
workshop added and one the group moved can both say "position 2"), so only each side's order
means anything."""

from workshop_app.models.changes import Change, RowChange

PLACE = "position"
# The tables whose rows are ordered, and the column naming the list a row is in.
ORDERED = {"roadmap_node": "parent_id", "indicator": "node_id", "funding_source": "node_id"}

SiblingList = tuple[str, str | None]  # (table, parent id)


def orders(rows: dict[str, dict], table: str) -> dict[str | None, list[str]]:
    """Every list of siblings of a table: parent id -> the ids in their order (rows: id -> row,
    in rowid order, which breaks ties as the window does)."""
    column = ORDERED[table]
    found: dict[str | None, list[str]] = {}
    for row in sorted(rows.values(), key=lambda row: row[PLACE]):
        found.setdefault(row.get(column), []).append(row["id"])
    return found


def reordered_lists(base: dict, mine: dict, wanted) -> set[SiblingList]:
    """The lists in which the group changed the order of rows that were there when it was handed
    out (adding or deleting rows alone does not reorder); `wanted(table, parent)` says which
    lists are the group's to order."""
    found: set[SiblingList] = set()
    for table in ORDERED:
        lists_before, lists_after = orders(base[table], table), orders(mine[table], table)
        for parent, after in lists_after.items():
            if not wanted(table, parent):
                continue
            before = lists_before.get(parent, [])
            common = set(before) & set(after)
            if [key for key in before if key in common] != [key for key in after if key in common]:
                found.add((table, parent))
    return found


def merged_order(present: list[str], primary: list[str], secondary: list[str]) -> list[str]:
    """The rows now in a list (`present`, in their stored order), ordered as `primary` lists them;
    a row only `secondary` lists goes right after the row it follows there (or before the one it
    precedes, when nothing placed comes before it); anything neither lists keeps its place at the end."""
    there = set(present)
    result = [key for key in primary if key in there]
    placed = set(result)
    for index, key in enumerate(secondary):
        if key not in there or key in placed:
            continue
        after = next((secondary[number] for number in range(index - 1, -1, -1) if secondary[number] in placed), None)
        before = next((secondary[number] for number in range(index + 1, len(secondary))
                       if secondary[number] in placed), None)
        if after is not None:
            result.insert(result.index(after) + 1, key)
        elif before is not None:
            result.insert(result.index(before), key)
        else:
            result.append(key)
        placed.add(key)
    return result + [key for key in present if key not in placed]


def lists_touched(document, steps) -> set[SiblingList]:
    """The lists the steps add to, move between or delete from, read before any is applied (a
    deleted row's list is known only then)."""
    found: set[SiblingList] = set()
    for step in steps:
        if step.table not in ORDERED:
            continue
        column = ORDERED[step.table]
        if column in step.values:
            found.add((step.table, step.values[column]))
        row = document.get(step.table, step.row_id)
        if row is not None:
            found.add((step.table, row[column]))
    return found


def workshop_orders(document, lists: set[SiblingList]) -> dict[SiblingList, list[str]]:
    return {(table, parent): _stored_order(document, table, parent) for table, parent in lists}


def _stored_order(document, table: str, parent: str | None) -> list[str]:
    column = ORDERED[table]
    where = f"{column} IS NULL" if parent is None else f"{column} = ?"
    return [row[0] for row in document.query(f"SELECT id FROM {table} WHERE {where} ORDER BY position, rowid",
                                              [] if parent is None else [parent])]


def renumbered(document, step, text: str, lists: set[SiblingList], workshop: dict[SiblingList, list[str]],
               mine: dict, group_first: set[SiblingList]) -> list[RowChange]:
    """Each list numbered 0, 1, 2… in its merged order, once the merge's rows are in place."""
    rows: list[RowChange] = []
    groups = {table: orders(mine[table], table) for table in {table for table, _parent in lists}}
    for table, parent in sorted(lists, key=lambda key: (key[0], key[1] or "")):
        present = _stored_order(document, table, parent)
        group = groups[table].get(parent, [])
        theirs = workshop.get((table, parent), [])
        primary, secondary = (group, theirs) if (table, parent) in group_first else (theirs, group)
        places = {}
        for index, key in enumerate(merged_order(present, primary, secondary)):
            places[key] = index
        current = {row[0]: row[1] for row in document.query(
            f"SELECT id, position FROM {table} WHERE id IN ({', '.join('?' * len(places))})", list(places))} \
            if places else {}
        for key, index in places.items():
            if current.get(key) != index:
                change = Change(text, (RowChange(table, key, {PLACE: current.get(key)}, {PLACE: index}),))
                rows += step(change).rows
    return rows
