"""Re-import an edited road-map workbook (export/roadmap_workbook/writer.py) and see exactly what changed.

Three sides are compared, cell by cell: the road map as exported (kept in the workbook's hidden
export record), the workbook as it comes back, and the workshop as it is now.

- A cell changed in Excel, whose field the workshop did not change since the export, updates it.
- A field changed only in the workshop keeps the workshop's value (listed in `kept`).
- A field changed on both sides, to different values, is a conflict: the workshop's value is
  kept, and both sides are listed for the user to decide.

Rows are matched by ID, so re-sorted rows are harmless. A row with an empty ID is a new item;
its Code names its place ("1.2.4": a new action of output 1.2, after action 1.2.3). A row removed
in Excel is reported, and deleted only with apply_deletions. Organizations named in cells are
matched like the participant import does (name or acronym, case and spaces ignored); the others
are created. Any invalid cell is reported by sheet, row and column, and then nothing is applied.
The whole import is one Change: one undo step. Nothing is written until it is applied.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.roadmap.diff import compare
from workshop_app.models.roadmap.editing import children_ids, plan_add_node, plan_delete_node, plan_set_partners
from workshop_app.models.roadmap.versions import snapshot
from workshop_app.models.roadmap.workbook.columns import (
    INDICATOR_COLUMNS,
    ROADMAP_COLUMNS,
    OrganizationNames,
    cell_string,
    fields_of,
    fingerprint,
    format_value,
    header_text_key,
    indicator_records,
    node_records,
    organization_texts,
    parse_value,
    quote,
    same_value,
    show_value,
    snapshot_text,
)
from workshop_app.models.roadmap.workbook.reading import WorkbookRow, WorkbookSheet, read_roadmap_workbook
from workshop_app.models.shape import MEASURED_LEVELS, PARENT_LEVEL
from workshop_app.models.sheets.files import SpreadsheetError
from workshop_app.models.stakeholders.matching import match_organizations

NO_CHANGES = "no changes"
_DEPTH_LEVEL = {1: "outcome", 2: "output", 3: "action"}
_ORGANIZATION_KINDS = ("organization", "partners")


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


def plan_workbook_import(document: WorkshopDocument, path: Path | str, *,
                       apply_deletions: bool = False) -> WorkbookImportPlan:
    """Read the workbook at `path` and plan its changes to the road map (nothing is written; a
    document open read-only can be planned for, as a dry run). Raises SpreadsheetError (a
    WorkshopError naming the file) when it is not a road-map workbook, or was exported from
    another workshop."""
    path = Path(path)
    workbook = read_roadmap_workbook(path)
    workshop = document.workshop()
    exported_from = workbook.record.get("workshop")
    if exported_from and exported_from != workshop["id"]:
        title = workbook.record.get("workshop_title", "")
        raise SpreadsheetError(path, f"was exported from another workshop{f' (“{title}”)' if title else ''}; "
                                     "open that workshop to import it")
    if not document.readonly:
        return _Planner(document, workbook, apply_deletions).plan()
    # Planning tries each step in a transaction that is rolled back, which a read-only file
    # refuses: a dry run plans on a copy in memory (same rows, same ids, so the same Change).
    with document.scratch_copy() as scratch:
        return _Planner(scratch, workbook, apply_deletions).plan()


# ---------------------------------------------------------------------------------- planning

@dataclass
class _Candidate:
    """A cell whose value differs from what was exported there (or a cell of a new row)."""
    sheet: WorkbookSheet
    row: WorkbookRow
    column: Any  # columns.Column
    raw: Any
    item_id: str | None  # None for a new row
    exported: Any


@dataclass
class _NewItem:
    row: WorkbookRow
    code: str
    level: str
    parts: tuple[int, ...]
    id: str = field(default_factory=new_id)
    values: dict = field(default_factory=dict)
    parent_id: str | None = None
    existing: bool = False  # the workshop has it already (an earlier import added it)


class _Planner:
    def __init__(self, document: WorkshopDocument, workbook, apply_deletions: bool):
        self.document = document
        self.workbook = workbook
        self.path = workbook.path
        self.apply_deletions = apply_deletions
        self.text = f"Import road-map workbook “{self.path.name}”"
        self.current = snapshot(document)
        base = workbook.base
        self.has_record = base is not None
        self.workshop_unchanged = base is None or fingerprint(snapshot_text(self.current)) == \
            workbook.record.get("fingerprint")
        self.base = base if base is not None else self.current
        organizations = document.rows("organization")
        self.organizations = {row["id"]: row for row in organizations}
        self.names = OrganizationNames(organizations, {**self.current.get("organizations", {}),
                                                       **self.base.get("organizations", {})})
        self.base_nodes = node_records(self.base)
        self.doc_nodes = node_records(self.current) if not self.workshop_unchanged else self.base_nodes
        self.base_indicators = indicator_records(self.base, self.base_nodes)
        self.doc_indicators = (indicator_records(self.current, self.doc_nodes) if not self.workshop_unchanged
                               else self.base_indicators)
        self.base_codes = {}
        for record in self.base_nodes.values():
            self.base_codes.setdefault(record["code"], record["id"])
        self.problems: list[str] = []
        self.conflicts: list[WorkbookConflict] = []
        self.report: list[str] = []
        self.notes: list[str] = []
        self.removed_lines: list[str] = []
        self.new_codes: dict[str, _NewItem] = {}
        self.row_numbers: dict[str, int] = {}  # item or indicator id -> its row in the workbook
        self.organization_ids: dict[str, str] = {}
        self.new_organizations: list[dict] = []

    # ------------------------------------------------------------------ the steps

    def plan(self) -> WorkbookImportPlan:
        roadmap, indicators = self.workbook.roadmap, self.workbook.indicators
        node_rows, new_node_rows = self._split_rows(roadmap, self.base_nodes, self.doc_nodes, "Road map")
        indicator_rows, new_indicator_rows = ({}, []) if indicators is None else self._split_rows(
            indicators, self.base_indicators, self.doc_indicators, "Indicators")
        candidates = self._candidates(roadmap, node_rows, self.base_nodes, True)
        if indicators is not None:
            candidates += self._candidates(indicators, indicator_rows, self.base_indicators, False)
        new_nodes = self._new_nodes(roadmap, new_node_rows)
        new_cells = [_Candidate(roadmap, item.row, column, item.row.cells.get(column.field), None, None)
                     for item in new_nodes for column in self._imported_columns(roadmap, item.level)]
        new_indicators = self._new_indicators(indicators, new_indicator_rows) if indicators is not None else []
        new_cells += [_Candidate(indicators, row, column, row.cells.get(column.field), None, None)
                      for row, _ in new_indicators for column in self._imported_columns(indicators, None)]
        self._match_organizations(candidates + new_cells)

        node_updates, indicator_updates = self._merge(candidates)
        values_of = {id(item.row): item.values for item in new_nodes}
        values_of.update((id(row), values) for row, (_, values) in new_indicators)
        for cell in new_cells:
            value = self._parse(cell)
            if value is not _INVALID:
                values_of[id(cell.row)][cell.column.field] = value
        new_nodes = self._place_new_nodes(new_nodes)
        new_indicators = self._place_new_indicators(new_indicators)
        removed_nodes, removed_indicators = self._removed(node_rows, indicator_rows, indicators is not None)
        self._used_organizations(node_updates, new_nodes)
        self._notes(roadmap, indicators)

        change = Change(self.text)
        if not self.problems:
            change = self._draft(node_updates, indicator_updates, new_nodes, new_indicators, removed_nodes,
                                 removed_indicators)
        kept = [] if self.workshop_unchanged else compare(self.base, self.current).lines()
        report = self.report + self.removed_lines or [NO_CHANGES]
        if self.problems:
            change = Change(self.text)
        return WorkbookImportPlan(self.path, change, report, self.problems, self.conflicts, kept, self.notes,
                                [*removed_nodes, *removed_indicators])

    def _split_rows(self, sheet: WorkbookSheet, base: dict, current: dict, what: str):
        """Rows with a known ID by that ID, and rows with an empty ID (new items)."""
        known: dict[str, WorkbookRow] = {}
        new: list[WorkbookRow] = []
        for row in sheet.rows:
            row_id = cell_string(row.cells.get("id"))
            if not row_id:
                if any(cell_string(row.cells.get(name)) for name in ("title", "code", "node_code")):
                    new.append(row)
                continue
            if row_id in known:
                self.problems.append(f"{sheet.title} row {row.number}, ID: the same ID as row "
                                     f"{known[row_id].number}; a copied row needs an empty ID to be added as new")
            elif row_id not in base and row_id not in current:
                self.problems.append(f"{sheet.title} row {row.number}, ID: '{row_id}' is not an ID of this "
                                     f"workshop's {what.lower()}; leave the ID empty to add a new item")
            else:
                known[row_id] = row
                self.row_numbers[row_id] = row.number
        return known, new

    def _imported_columns(self, sheet: WorkbookSheet, level: str | None) -> list:
        allowed = fields_of(level) if level else None
        return [column for column in sheet.columns.values()
                if column.imported and (allowed is None or column.field in allowed)]

    def _candidates(self, sheet: WorkbookSheet, rows: dict[str, WorkbookRow], base: dict, nodes: bool) -> list[_Candidate]:
        found = []
        for item_id, row in rows.items():
            record = base.get(item_id) or (self.doc_nodes if nodes else self.doc_indicators)[item_id]
            for column in self._imported_columns(sheet, record["level"] if nodes else None):
                raw = row.cells.get(column.field)
                exported = record.get(column.field)
                shown = format_value(column.kind, exported, self.names)
                if raw == shown or cell_string(raw) == cell_string(shown):
                    continue
                found.append(_Candidate(sheet, row, column, raw, item_id, exported))
        return found

    def _match_organizations(self, cells: list[_Candidate]) -> None:
        texts = []
        for cell in cells:
            if cell.column.kind in _ORGANIZATION_KINDS:
                texts += organization_texts(cell.column.kind, cell.raw)
        if not texts:
            return
        # The workshop's organizations, and also under the names they had when the workbook was
        # exported (a rename since then must not make a cell name a new organization).
        existing = list(self.organizations.values()) + [
            {"id": oid, "name": entry.get("name") or "", "acronym": entry.get("acronym") or ""}
            for oid, entry in self.base.get("organizations", {}).items() if oid in self.organizations]
        ids, new_rows = match_organizations(dict.fromkeys(texts), existing, new_id)
        self.organization_ids = ids
        self.new_organizations = new_rows
        for row in new_rows:
            self.names.names[row["id"]] = (row["name"], row["acronym"])

    def _used_organizations(self, node_updates: dict, new_nodes: list[_NewItem]) -> None:
        """Keep only the organizations the planned changes refer to (a cell in conflict creates
        none), and say which were created and which were matched from another spelling."""
        used = set()
        for values in [*node_updates.values(), *(item.values for item in new_nodes)]:
            if values.get("lead_organization_id"):
                used.add(values["lead_organization_id"])
            used.update(values.get("partners") or {})
        self.new_organizations = [row for row in self.new_organizations if row["id"] in used]
        lines = [f"Organization created: {self.names.label(row['id'])} "
                 f"({v.ORGANIZATION_CATEGORIES[row['category']]})" for row in self.new_organizations]
        created = {row["id"] for row in self.new_organizations}
        for text, organization_id in self.organization_ids.items():
            if organization_id not in used or organization_id in created or organization_id not in self.organizations:
                continue
            row = self.organizations[organization_id]
            if text not in (self.names.label(organization_id), self.names.short(organization_id), row["name"],
                            row["acronym"]):
                lines.append(f"Organization matched: {quote(text)} → {self.names.label(organization_id)}")
        self.report[:0] = lines

    def _parse(self, cell: _Candidate):
        try:
            return parse_value(cell.column.kind, cell.raw, self.organization_ids)
        except InvalidValueError as error:
            self.problems.append(f"{cell.sheet.title} row {cell.row.number}, {cell.column.header}: {error}")
            return _INVALID

    # ------------------------------------------------------------------ three-way merge

    def _merge(self, candidates: list[_Candidate]):
        node_updates: dict[str, dict[str, Any]] = {}
        indicator_updates: dict[str, dict[str, Any]] = {}
        gone_reported = set()
        for cell in candidates:
            value = self._parse(cell)
            if value is _INVALID:
                continue
            kind = cell.column.kind
            if same_value(kind, value, cell.exported):
                continue  # written differently, same value (e.g. "in progress" for "In progress")
            is_node = cell.sheet is self.workbook.roadmap
            current = (self.doc_nodes if is_node else self.doc_indicators).get(cell.item_id)
            label = self._label(cell.item_id, is_node)
            if current is None:
                if cell.item_id not in gone_reported:
                    gone_reported.add(cell.item_id)
                    self.conflicts.append(WorkbookConflict(
                        cell.sheet.title, cell.row.number, "", label, "changed",
                        "removed from the workshop since the export", item_id=cell.item_id,
                        kind="removed in the workshop"))
                continue
            now = current.get(cell.column.field)
            if same_value(kind, value, now):
                continue  # the workshop already has it
            if not same_value(kind, now, cell.exported):
                self.conflicts.append(WorkbookConflict(
                    cell.sheet.title, cell.row.number, cell.column.header, label,
                    show_value(kind, value, self.names), show_value(kind, now, self.names),
                    show_value(kind, cell.exported, self.names), cell.item_id, cell.column.field))
                continue
            (node_updates if is_node else indicator_updates).setdefault(cell.item_id, {})[cell.column.field] = value
            self.report.append(f"{self._short_label(cell.item_id, is_node)} {cell.column.header}: "
                               f"{show_value(kind, now, self.names)} → {show_value(kind, value, self.names)}")
        return node_updates, indicator_updates

    def _label(self, item_id: str, is_node: bool) -> str:
        if is_node:
            record = self.base_nodes.get(item_id) or self.doc_nodes[item_id]
            return f"{v.NODE_LEVEL_LABELS[record['level']]} {record['code']}".strip()
        record = self.base_indicators.get(item_id) or self.doc_indicators[item_id]
        return f"Indicator {record['number']} of {record['node_code'] or 'the goal'}"

    def _short_label(self, item_id: str, is_node: bool) -> str:
        """'2.1.3' for an item (as the spec's report lines read), 'Goal' for the goal."""
        if is_node:
            record = self.base_nodes.get(item_id) or self.doc_nodes[item_id]
            return record["code"] or v.NODE_LEVEL_LABELS[record["level"]]
        record = self.base_indicators.get(item_id) or self.doc_indicators[item_id]
        return f"{record['node_code'] or 'Goal'} indicator {record['number']}"

    # ------------------------------------------------------------------ new rows

    def _new_nodes(self, sheet: WorkbookSheet, rows: list[WorkbookRow]) -> list[_NewItem]:
        items = []
        for row in rows:
            code = cell_string(row.cells.get("code"))
            where = f"{sheet.title} row {row.number}, Code"
            if not code:
                self.problems.append(f"{where}: a new row needs the code of its place, e.g. 1.2.4 for a new "
                                     "action of output 1.2")
                continue
            parts = code.split(".")
            if not all(part.isdigit() and int(part) > 0 for part in parts) or len(parts) not in _DEPTH_LEVEL:
                self.problems.append(f"{where}: '{code}' is not the code of an outcome, output or action "
                                     "(like 2, 2.1 or 2.1.3)")
                continue
            level = _DEPTH_LEVEL[len(parts)]
            typed = cell_string(row.cells.get("level"))
            if typed:
                try:
                    chosen = parse_value("level", typed)
                except InvalidValueError as error:
                    self.problems.append(f"{sheet.title} row {row.number}, Level: {error}")
                    continue
                if chosen != level:
                    self.problems.append(f"{sheet.title} row {row.number}, Level: {code} is the code of "
                                         f"{'an' if level[0] in 'aeiou' else 'a'} {level}, not of "
                                         f"{'an' if chosen[0] in 'aeiou' else 'a'} {chosen}")
                    continue
            items.append(_NewItem(row, ".".join(str(int(part)) for part in parts), level,
                                  tuple(int(part) for part in parts)))
        items.sort(key=lambda item: (len(item.parts), item.parts, item.row.number))
        return items

    def _new_indicators(self, sheet: WorkbookSheet, rows: list[WorkbookRow]):
        found = []
        for row in rows:
            code = cell_string(row.cells.get("node_code"))
            if not code:
                self.problems.append(f"{sheet.title} row {row.number}, Code: a new indicator needs the code of the "
                                     "outcome or output it measures, e.g. 1.2")
                continue
            found.append((row, (code, {})))
        return found

    # ------------------------------------------------------------------ rows removed in Excel

    def _removed(self, node_rows: dict, indicator_rows: dict, indicators_read: bool):
        removed_nodes, removed_indicators = [], []
        missing = [record for node_id, record in self.base_nodes.items() if node_id not in node_rows]
        missing_ids = {record["id"] for record in missing}
        for record in missing:
            if record["id"] not in self.doc_nodes:
                continue  # removed on both sides
            label = f"{v.NODE_LEVEL_LABELS[record['level']].lower()} {record['code']}".strip()
            kept_children = [child for child in self.base_nodes.values()
                             if child["parent_id"] == record["id"] and child["id"] not in missing_ids]
            if kept_children:
                self.notes.append(f"Removed in Excel: {label} {quote(record['title'])}, but not its "
                                  f"{kept_children[0]['level']}s; it is kept (remove them too to delete it)")
                continue
            if self._changed_since(record, self.doc_nodes[record["id"]], fields_of(record["level"]), ROADMAP_COLUMNS):
                self.conflicts.append(WorkbookConflict("Road map", None, "", label.capitalize(), "removed",
                                                     "changed in the workshop since the export",
                                                     item_id=record["id"], kind="removed in Excel"))
                continue
            removed_nodes.append(record["id"])
            self.removed_lines.append(f"Removed in Excel: {label} {quote(record['title'])} — "
                               + ("deleted" if self.apply_deletions else "kept; confirm deletions to delete it"))
        if not indicators_read:
            return removed_nodes, removed_indicators
        for indicator_id, record in self.base_indicators.items():
            if indicator_id in indicator_rows or indicator_id not in self.doc_indicators:
                continue
            if record["node_id"] in missing_ids:
                continue  # goes with its item, or stays with it
            label = f"indicator {record['number']} of {record['node_code']}"
            if self._changed_since(record, self.doc_indicators[indicator_id], [c.field for c in INDICATOR_COLUMNS
                                                                              if c.imported], INDICATOR_COLUMNS):
                self.conflicts.append(WorkbookConflict("Indicators", None, "", label.capitalize(), "removed",
                                                     "changed in the workshop since the export",
                                                     item_id=indicator_id, kind="removed in Excel"))
                continue
            removed_indicators.append(indicator_id)
            self.removed_lines.append(f"Removed in Excel: {label} {quote(record['title'])} — "
                               + ("deleted" if self.apply_deletions else "kept; confirm deletions to delete it"))
        return removed_nodes, removed_indicators

    def _changed_since(self, exported: dict, now: dict, fields, columns) -> bool:
        kinds = {column.field: column.kind for column in columns}
        return any(not same_value(kinds[name], exported.get(name), now.get(name)) for name in fields)

    def _notes(self, roadmap: WorkbookSheet, indicators: WorkbookSheet | None) -> None:
        if not self.has_record:
            self.notes.append("The workbook has no export record (the hidden sheet Pathfinder Workshop writes), so "
                              "every difference from the workshop counts as a change made in Excel.")
        elif self.workbook.record.get("version"):
            self.notes.append(f"The workbook was exported from version “{self.workbook.record['version']}”.")
        for sheet in (roadmap, indicators):
            if sheet is None:
                continue
            for column in sheet.missing:
                if column.imported:
                    plural = column.header.endswith("s")
                    self.notes.append(f"Sheet {sheet.title} has no column “{column.header}”: "
                                      f"{column.header.lower()} left as {'they are' if plural else 'it is'}.")
        if indicators is None:
            self.notes.append("The workbook has no Indicators sheet: indicators left as they are.")
        for row in roadmap.rows:
            record = self.base_nodes.get(cell_string(row.cells.get("id")))
            if record is None:
                continue
            typed = cell_string(row.cells.get("code"))
            if "code" in row.cells and typed and typed != record["code"]:
                self.notes.append(f"Road map row {row.number}: the code {record['code']} → {typed} is not applied; "
                                  "codes follow the order of the road map (move items in Pathfinder Workshop)")
            typed = cell_string(row.cells.get("level"))
            if "level" in row.cells and typed and header_text_key(typed) not in (
                    record["level"], header_text_key(v.NODE_LEVEL_LABELS[record["level"]])):
                self.notes.append(f"Road map row {row.number}: the level of {record['level']} {record['code']} "
                                  f"cannot change to “{typed}” (move or add items in Pathfinder Workshop)")

    # ------------------------------------------------------------------ the one Change

    def _draft(self, node_updates, indicator_updates, new_nodes, new_indicators, removed_nodes,
               removed_indicators) -> Change:
        document, text = self.document, self.text
        rows: list[RowChange] = []
        with document.drafting() as step:
            def do(change: Change, where: str) -> None:
                try:
                    rows.extend(step(change).rows)
                except InvalidValueError as error:
                    self.problems.append(f"{where}: {error}")

            def attempt(plan, where: str) -> None:
                try:
                    do(plan(), where)
                except InvalidValueError as error:
                    self.problems.append(f"{where}: {error}")

            for row in self.new_organizations:
                attempt(lambda row=row: document.plan_insert("organization", text, **row),
                        f"Organization {row['name']}")
            for node_id, values in node_updates.items():
                where = f"Road map row {self.row_numbers.get(node_id, '?')}"
                partners = values.pop("partners", None)
                if values:
                    attempt(lambda: document.plan_update("roadmap_node", node_id, text, **values), where)
                if partners is not None:
                    attempt(lambda: plan_set_partners(document, node_id, partners, text), f"{where}, Partners")
            self._draft_new_nodes(new_nodes, attempt)
            for indicator_id, values in indicator_updates.items():
                attempt(lambda: document.plan_update("indicator", indicator_id, text, **values),
                        f"Indicators row {self.row_numbers.get(indicator_id, '?')}")
            self._draft_new_indicators(new_indicators, attempt)
            if self.apply_deletions:
                for indicator_id in removed_indicators:
                    attempt(lambda: document.plan_delete("indicator", indicator_id, text), "Indicators")
                removed = set(removed_nodes)
                for node_id in removed_nodes:
                    if self.base_nodes[node_id]["parent_id"] in removed:
                        continue  # goes with its parent
                    attempt(lambda: plan_delete_node(document, node_id, text), "Road map")
        return Change(text, tuple(rows))


    def _place_new_nodes(self, items: list[_NewItem]) -> list[_NewItem]:
        """Find each new row's parent (an item of the workbook, or another new row); report the
        rows whose place does not exist, and leave out rows the workshop already has."""
        new_codes: dict[str, _NewItem] = {}
        placed = []
        goal = next((record["id"] for record in self.base_nodes.values() if record["level"] == "goal"), None)
        for item in items:  # parents before children
            where = f"Road map row {item.row.number}"
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
                    place = f"{parent_level} {parent_code}".strip()
                    self.problems.append(f"{where}, Code: there is no {place} to add {item.level} {item.code} under")
                    continue
                if item.parent_id not in self.doc_nodes:
                    self.conflicts.append(WorkbookConflict(
                        "Road map", item.row.number, "Code", f"{item.level.capitalize()} {item.code}", "added",
                        f"{parent_level} {parent_code} was removed from the workshop since the export",
                        field="code", kind="place removed"))
                    continue
            new_codes.setdefault(item.code, item)
            if parent_item is None or parent_item.existing:
                existing = self._added_since(item.parent_id, item.level, title)
                if existing is not None:
                    item.id, item.existing = existing, True
                    self.notes.append(f"{where}: {item.level} {item.code} {quote(title)} is already in the workshop "
                                      "(added since the export, perhaps by an earlier import); not added again")
                    continue
            placed.append(item)
        self.new_codes = new_codes
        return placed

    def _draft_new_nodes(self, items: list[_NewItem], attempt) -> None:
        document, text = self.document, self.text
        for item in items:
            where = f"Road map row {item.row.number}"
            parent_code = ".".join(map(str, item.parts[:-1]))
            previous_code = f"{parent_code}.{item.parts[-1] - 1}".lstrip(".") if item.parts[-1] > 1 else None
            previous = self.new_codes.get(previous_code) if previous_code else None
            previous_id = previous.id if previous is not None else self.base_codes.get(previous_code)
            siblings = children_ids(document, item.parent_id)
            if previous_code is None:
                position = 0
            elif previous_id in siblings:
                position = siblings.index(previous_id) + 1
            else:
                position = None  # after the last
            values = dict(item.values)
            partners = values.pop("partners", None)
            values = {name: value for name, value in values.items() if value not in (None, "", "[]")}
            attempt(lambda: plan_add_node(document, item.parent_id, item.level, position=position, undo_text=text,
                                          id=item.id, **values), where)
            if partners:
                attempt(lambda: plan_set_partners(document, item.id, partners, text), f"{where}, Partners")
            self.report.append(f"Added {item.level} {item.code}: {quote(item.values['title'])}")

    def _added_since(self, parent_id: str, level: str, title: str) -> str | None:
        """The id of an item like this one that the workshop has and the exported road map had not."""
        return next((node_id for node_id, record in self.doc_nodes.items()
                     if node_id not in self.base_nodes and record["parent_id"] == parent_id
                     and record["level"] == level and _same_title(record["title"], title)), None)

    def _place_new_indicators(self, items) -> list:
        """(row, values, node id, level, code) of each new indicator whose item exists."""
        placed = []
        for row, (code, values) in items:
            where = f"Indicators row {row.number}"
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
                self.problems.append(f"{where}, Code: there is no outcome or output {code} to measure")
                continue
            if new_item is None and node_id not in self.doc_nodes:
                self.conflicts.append(WorkbookConflict(
                    "Indicators", row.number, "Code", f"indicator of {level} {code}", "added",
                    f"{level} {code} was removed from the workshop since the export", field="node_code",
                    kind="place removed"))
                continue
            if (new_item is None or new_item.existing) and any(
                    indicator_id not in self.base_indicators and record["node_id"] == node_id
                    and _same_title(record["title"], title) for indicator_id, record in self.doc_indicators.items()):
                self.notes.append(f"{where}: indicator {quote(title)} of {level} {normalized} is already in the "
                                  "workshop (added since the export, perhaps by an earlier import); not added again")
                continue
            placed.append((row, values, node_id, level, normalized))
        return placed

    def _draft_new_indicators(self, items, attempt) -> None:
        document, text = self.document, self.text
        for row, values, node_id, level, code in items:
            existing = document.rows("indicator", "node_id = ?", [node_id])
            position = max((indicator["position"] for indicator in existing), default=-1) + 1
            fields_ = {name: value for name, value in values.items() if value not in (None, "")}
            attempt(lambda: document.plan_insert("indicator", text, node_id=node_id, position=position, **fields_),
                    f"Indicators row {row.number}")
            self.report.append(f"Added indicator to {level} {code}: {quote(values['title'])}")


def _same_title(first: str, second: str) -> bool:
    return " ".join(first.casefold().split()) == " ".join(second.casefold().split())


class _Invalid:
    pass


_INVALID = _Invalid()

__all__ = ["NO_CHANGES", "WorkbookConflict", "WorkbookImportPlan", "SpreadsheetError", "WorkshopError",
           "plan_workbook_import"]
