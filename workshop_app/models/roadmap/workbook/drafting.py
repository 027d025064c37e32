"""The second half of a workbook re-import: placing the new rows where their codes say, and
drafting every step into the one Change (one undo step) against the workshop as it is.

Drafting is a part of the re-import planner (reimport._Planner); it uses the planner's reading
of the workbook (base_nodes, base_codes, doc_nodes, doc_indicators, row_numbers) and reports into
its problems, conflicts, notes and report.
"""

from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import new_id
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.plan.funding import plan_set_funding
from workshop_app.models.roadmap.editing import children_ids, plan_delete_node, plan_set_partners
from workshop_app.models.roadmap.tree import item_label, item_words
from workshop_app.models.roadmap.workbook.columns import INDICATORS_SHEET, ROADMAP_SHEET, quote
from workshop_app.models.roadmap.workbook.reading import WorkbookRow
from workshop_app.models.roadmap.workbook.results import WorkbookConflict, at_place, cell_place
from workshop_app.models.rows import next_position
from workshop_app.models.shape import MEASURED_LEVELS, PARENT_LEVEL


@dataclass
class NewItem:
    """A row of the workbook with an empty ID: an item to add where its code says."""
    row: WorkbookRow
    code: str
    level: str
    parts: tuple[int, ...]
    id: str = field(default_factory=new_id)
    values: dict = field(default_factory=dict)
    parent_id: str | None = None
    existing: bool = False  # the workshop has it already (an earlier import added it)


def _title_key(title: str | None) -> str:
    return " ".join((title or "").casefold().split())


def _final_positions(document, items: list[NewItem], new_codes: dict[str, NewItem],
                     base_codes: dict[str, str]) -> dict[str, int]:
    """{id: position} of each new item, then of each existing sibling of their parents, as if
    the items were added one at a time: each right after the item of the previous code (a
    new one, or one the workbook was exported with) when that is a sibling, first for code
    ".1", else last. A linked list per parent makes each insertion O(1)."""
    following: dict[str | None, dict] = {}  # parent -> {node (None: the head) -> next node}
    last: dict[str | None, str | None] = {}
    existing: dict[str | None, list[str]] = {}
    for item in items:
        parent = item.parent_id
        if parent not in following:
            siblings = existing[parent] = children_ids(document, parent)  # once per parent
            chain = following[parent] = dict(zip([None, *siblings], [*siblings, None]))
            last[parent] = siblings[-1] if siblings else None
        chain = following[parent]
        parent_code = ".".join(map(str, item.parts[:-1]))
        previous_code = f"{parent_code}.{item.parts[-1] - 1}".lstrip(".") if item.parts[-1] > 1 else None
        previous = new_codes.get(previous_code) if previous_code else None
        after = previous.id if previous is not None else base_codes.get(previous_code)
        if previous_code is None:
            after = None  # first
        elif after not in chain or after is None:
            after = last[parent]  # after the last
        chain[item.id] = chain[after]
        chain[after] = item.id
        if chain[item.id] is None:
            last[parent] = item.id
    positions: dict[str, int] = {}  # new items first, then the existing siblings, each once
    for chain in following.values():
        node, index = chain[None], 0
        while node is not None:
            positions[node] = index
            node, index = chain[node], index + 1
    for siblings in existing.values():
        for node_id in siblings:
            positions[node_id] = positions.pop(node_id)
    return positions


class Drafting:
    _added_by_place: dict | None = None  # (parent, level, title) -> id of an item added since the export

    def _draft(self, node_updates, indicator_updates, new_nodes, new_indicators, removed_nodes,
               removed_indicators, plan_edits=None) -> Change:
        document, text = self.document, self.text
        rows: list[RowChange] = []
        with document.drafting() as step:
            def do(change: Change, where: str) -> None:
                try:
                    rows.extend(step(change).rows)
                except InvalidValueError as error:
                    self.problems.append(at_place(where, str(error)))

            def attempt(where: str, plan, *args, **values) -> None:
                """Plan one step against the draft so far; an invalid value is reported with its place."""
                try:
                    do(plan(*args, **values), where)
                except InvalidValueError as error:
                    self.problems.append(at_place(where, str(error)))

            for row in self.new_organizations:
                attempt(_("Organization {name}").format(name=row["name"]), document.plan_insert, "organization", text,
                        **row)
            self._draft_updates(node_updates, indicator_updates, attempt)
            self._draft_new_nodes(new_nodes, attempt)
            self._draft_new_indicators(new_indicators, attempt)
            if plan_edits is not None:
                self._draft_plan_parts(plan_edits, attempt)  # plan_import.PlanParts
            if self.apply_deletions:
                self._draft_deletions(removed_nodes, removed_indicators, attempt)
        return Change(text, tuple(rows))

    def _draft_updates(self, node_updates: dict, indicator_updates: dict, attempt) -> None:
        document, text = self.document, self.text
        for node_id, values in node_updates.items():
            row = self.row_numbers.get(node_id, "?")
            # Partners and funding sources are rows of their own. Whether they were reported as
            # changed is whether the cell's field is here, whatever it holds: an emptied cell
            # (nothing in the list) removes them all, as its report line says.
            lists = {name: values.pop(name) for name in ("partners", "funding") if name in values}
            if values:
                attempt(cell_place(ROADMAP_SHEET, row), document.plan_update, "roadmap_node", node_id, text, **values)
            if "partners" in lists:
                attempt(cell_place(ROADMAP_SHEET, row, "Partners"), plan_set_partners, document, node_id,
                        lists["partners"] or {}, text)
            if "funding" in lists:
                attempt(cell_place(ROADMAP_SHEET, row, "Funding sources"), plan_set_funding, document, node_id,
                        lists["funding"] or [], text)
        for indicator_id, values in indicator_updates.items():
            attempt(cell_place(INDICATORS_SHEET, self.row_numbers.get(indicator_id, "?")), document.plan_update,
                    "indicator", indicator_id, text, **values)

    def _draft_deletions(self, removed_nodes: list, removed_indicators: list, attempt) -> None:
        document, text = self.document, self.text
        for indicator_id in removed_indicators:
            attempt(INDICATORS_SHEET, document.plan_delete, "indicator", indicator_id, text)
        removed = set(removed_nodes)
        for node_id in removed_nodes:
            if self.base_nodes[node_id]["parent_id"] in removed:
                continue  # goes with its parent
            attempt(ROADMAP_SHEET, plan_delete_node, document, node_id, text)


    def _place_new_nodes(self, items: list[NewItem]) -> list[NewItem]:
        """Find each new row's parent (an item of the workbook, or another new row); report the
        rows whose place does not exist, and leave out rows the workshop already has."""
        new_codes: dict[str, NewItem] = {}
        placed = []
        goal = next((record["id"] for record in self.base_nodes.values() if record["level"] == "goal"), None)
        for item in items:  # parents before children
            where = cell_place(ROADMAP_SHEET, item.row.number)
            title = item.values.get("title")
            if not title:
                continue  # reported while parsing
            parent_code = ".".join(map(str, item.parts[:-1]))
            parent_item = new_codes.get(parent_code) if parent_code else None
            parent_level = PARENT_LEVEL[item.level]
            if parent_item is not None:
                item.parent_id = parent_item.id
            else:
                item.parent_id = self.base_codes.get(parent_code) if parent_code else goal
                record = self.base_nodes.get(item.parent_id) if item.parent_id else None
                if record is None or record["level"] != parent_level:
                    self.problems.append(at_place(
                        cell_place(ROADMAP_SHEET, item.row.number, "Code"),
                        _("there is no {parent} to add {item} under").format(
                            parent=item_words(parent_level, parent_code), item=item_words(item.level, item.code))))
                    continue
                if item.parent_id not in self.doc_nodes:
                    self.conflicts.append(WorkbookConflict(
                        ROADMAP_SHEET, item.row.number, "Code", item_label(item.level, item.code), "added",
                        f"{parent_level} {parent_code} was removed from the workshop since the export",
                        field="code", kind="place removed", parent=item_words(parent_level, parent_code)))
                    continue
            new_codes.setdefault(item.code, item)
            if parent_item is None or parent_item.existing:
                existing = self._added_since(item.parent_id, item.level, title)
                if existing is not None:
                    item.id, item.existing = existing, True
                    self.notes.append(_("{place}: {item} {title} is already in the workshop (added since the export, "
                                        "perhaps by an earlier import); not added again").format(
                        place=where, item=item_words(item.level, item.code), title=quote(title)))
                    continue
            placed.append(item)
        self.new_codes = new_codes
        return placed

    def _draft_new_nodes(self, items: list[NewItem], attempt) -> None:
        """Insert the new rows at their final places, then move each existing sibling once.

        Adding them one by one with roadmap.editing.plan_add_node re-read and renumbered all
        siblings for every row: 3,000 new actions under one output took minutes and gigabytes.
        Here each parent's children are read once, the insertions are played on a linked list
        (same order as one by one: each row after the row of the previous code, or first, or
        last), and every row is written once with its final position: linear in rows."""
        document, text = self.document, self.text
        positions = _final_positions(document, items, self.new_codes, self.base_codes)
        for item in items:
            where = cell_place(ROADMAP_SHEET, item.row.number)
            values = dict(item.values)
            partners = values.pop("partners", None)
            funding = values.pop("funding", None)
            values = {name: value for name, value in values.items() if value not in (None, "", "[]")}
            attempt(where, document.plan_insert, "roadmap_node", text, parent_id=item.parent_id, level=item.level,
                    position=positions.pop(item.id), id=item.id, **values)
            if partners:
                attempt(cell_place(ROADMAP_SHEET, item.row.number, "Partners"), plan_set_partners, document, item.id,
                        partners, text)
            if funding:
                attempt(cell_place(ROADMAP_SHEET, item.row.number, "Funding sources"), plan_set_funding, document,
                        item.id, funding, text)
            self.report.append(_("Added {item}: {title}").format(item=item_words(item.level, item.code),
                                                                title=quote(item.values["title"])))
        for node_id, position in positions.items():  # the existing siblings; unchanged ones plan nothing
            attempt(ROADMAP_SHEET, document.plan_update, "roadmap_node", node_id, text, position=position)

    def _added_since(self, parent_id: str, level: str, title: str) -> str | None:
        """The id of an item like this one that the workshop has and the exported road map had not."""
        if self._added_by_place is None:  # one pass over the workshop, not one per new row
            self._added_by_place = {}
            for node_id, record in self.doc_nodes.items():
                if node_id not in self.base_nodes:
                    key = (record["parent_id"], record["level"], _title_key(record["title"]))
                    self._added_by_place.setdefault(key, node_id)
        return self._added_by_place.get((parent_id, level, _title_key(title)))

    def _place_new_indicators(self, items) -> list:
        """(row, values, node id, level, code) of each new indicator whose item exists."""
        placed = []
        added_since = {(record["node_id"], _title_key(record["title"]))  # one pass, not one per new row
                       for indicator_id, record in self.doc_indicators.items()
                       if indicator_id not in self.base_indicators}
        for row, (code, values) in items:
            where = cell_place(INDICATORS_SHEET, row.number)
            title = values.get("title")
            if not title:
                continue
            parts = code.split(".")
            normalized = ".".join(str(int(part)) for part in parts) if all(part.isdigit() for part in parts) else code
            new_item = self.new_codes.get(normalized)
            node_id = new_item.id if new_item is not None else self.base_codes.get(normalized)
            level = new_item.level if new_item is not None else (
                self.base_nodes[node_id]["level"] if node_id else None)
            if node_id is None or level not in MEASURED_LEVELS:
                self.problems.append(at_place(cell_place(INDICATORS_SHEET, row.number, "Code"),
                                              _("there is no outcome or output {code} to measure").format(code=code)))
                continue
            if new_item is None and node_id not in self.doc_nodes:
                self.conflicts.append(WorkbookConflict(
                    INDICATORS_SHEET, row.number, "Code",
                    _("indicator of {item}").format(item=item_words(level, code)), "added",
                    f"{level} {code} was removed from the workshop since the export", field="node_code",
                    kind="place removed", parent=item_words(level, code)))
                continue
            if (new_item is None or new_item.existing) and (node_id, _title_key(title)) in added_since:
                self.notes.append(_("{place}: indicator {title} of {item} is already in the workshop (added since the "
                                    "export, perhaps by an earlier import); not added again").format(
                    place=where, title=quote(title), item=item_words(level, normalized)))
                continue
            placed.append((row, values, node_id, level, normalized))
        return placed

    def _draft_new_indicators(self, items, attempt) -> None:
        document, text = self.document, self.text
        positions: dict[str, int] = {}  # each item's indicators read once, not once per new row
        for row, values, node_id, level, code in items:
            if node_id not in positions:
                positions[node_id] = next_position(document.rows("indicator", "node_id = ?", [node_id]))
            position = positions[node_id]
            positions[node_id] += 1
            fields_ = {name: value for name, value in values.items() if value not in (None, "")}
            attempt(cell_place(INDICATORS_SHEET, row.number), document.plan_insert, "indicator", text,
                    node_id=node_id, position=position, **fields_)
            self.report.append(_("Added indicator to {item}: {title}").format(item=item_words(level, code),
                                                                             title=quote(values["title"])))
