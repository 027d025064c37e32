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
A formula is read only in a column of numbers or dates, as the result saved with it; anywhere
else (and wherever no result was saved) it is an invalid cell. The plan's texts, reference
figures and acronyms are read the same way (plan_import).
The whole import is one Change: one undo step. Nothing is written until it is applied.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.roadmap.diff import compare
from workshop_app.models.roadmap.tree import item_label, item_words
from workshop_app.models.roadmap.versions import snapshot
from workshop_app.models.roadmap.workbook.columns import (
    INDICATOR_COLUMNS,
    INDICATORS_SHEET,
    ROADMAP_COLUMNS,
    ROADMAP_SHEET,
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
    spellings,
)
from workshop_app.models.roadmap.workbook.drafting import Drafting, NewItem
from workshop_app.models.roadmap.workbook.plan_import import PlanParts
from workshop_app.models.roadmap.workbook.reading import WorkbookRow, WorkbookSheet, read_roadmap_workbook
from workshop_app.models.roadmap.workbook.results import (
    NO_CHANGES,
    WorkbookConflict,
    WorkbookImportPlan,
    at_place,
    cell_place,
)
from workshop_app.models.shape import LEVEL_WITH_ARTICLE
from workshop_app.models.sheets.files import SpreadsheetError
from workshop_app.models.sheets.formulas import FormulaCell
from workshop_app.models.stakeholders.matching import match_organizations

_DEPTH_LEVEL = {1: "outcome", 2: "output", 3: "action"}
_ORGANIZATION_KINDS = ("organization", "partners")
# A row removed in Excel whose children stay: {child level: note}.
_KEPT_FOR_CHILDREN = {
    "outcome": N_("Removed in Excel: {item} {title}, but not its outcomes; it is kept (remove them too to delete it)"),
    "output": N_("Removed in Excel: {item} {title}, but not its outputs; it is kept (remove them too to delete it)"),
    "action": N_("Removed in Excel: {item} {title}, but not its actions; it is kept (remove them too to delete it)"),
}


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
        problem = (_("was exported from another workshop (“{title}”); open that workshop to import it") if title
                   else _("was exported from another workshop; open that workshop to import it"))
        raise SpreadsheetError(path, problem.format(title=title))
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


class _Planner(Drafting, PlanParts):
    def __init__(self, document: WorkshopDocument, workbook, apply_deletions: bool):
        self.document = document
        self.workbook = workbook
        self.path = workbook.path
        self.apply_deletions = apply_deletions
        self.text = _("Import road-map workbook “{file}”").format(file=self.path.name)
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
        self.new_codes: dict[str, NewItem] = {}
        self.row_numbers: dict[str, int] = {}  # item or indicator id -> its row in the workbook
        self.organization_ids: dict[str, str] = {}
        self.new_organizations: list[dict] = []

    # ------------------------------------------------------------------ the steps

    def plan(self) -> WorkbookImportPlan:
        roadmap, indicators = self.workbook.roadmap, self.workbook.indicators
        node_rows, new_node_rows = self._split_rows(
            roadmap, self.base_nodes, self.doc_nodes,
            N_("'{id}' is not an ID of this workshop's road map; leave the ID empty to add a new item"))
        indicator_rows, new_indicator_rows = ({}, []) if indicators is None else self._split_rows(
            indicators, self.base_indicators, self.doc_indicators,
            N_("'{id}' is not an ID of this workshop's indicators; leave the ID empty to add a new item"))
        candidates = self._candidates(roadmap, node_rows, self.base_nodes, True)
        if indicators is not None:
            candidates += self._candidates(indicators, indicator_rows, self.base_indicators, False)
        new_nodes = self._new_nodes(roadmap, new_node_rows)
        new_cells = [_Candidate(roadmap, item.row, column, item.row.cells.get(column.field), None, None)
                     for item in new_nodes for column in self._imported_columns(roadmap, item.level)]
        new_indicators = self._new_indicators(indicators, new_indicator_rows) if indicators is not None else []
        new_cells += [_Candidate(indicators, row, column, row.cells.get(column.field), None, None)
                      for row, _place in new_indicators for column in self._imported_columns(indicators, None)]
        self._match_organizations(candidates + new_cells)

        node_updates, indicator_updates = self._merge(candidates)
        values_of = {id(item.row): item.values for item in new_nodes}
        values_of.update((id(row), values) for row, (_code, values) in new_indicators)
        for cell in new_cells:
            value = self._parse(cell)
            if value is not _INVALID:
                values_of[id(cell.row)][cell.column.field] = value
        new_nodes = self._place_new_nodes(new_nodes)
        new_indicators = self._place_new_indicators(new_indicators)
        removed_nodes, removed_indicators = self._removed(node_rows, indicator_rows, indicators is not None)
        self._used_organizations(node_updates, new_nodes)
        self._notes(roadmap, indicators)
        plan_edits = self._plan_parts()

        change = Change(self.text)
        if not self.problems:
            change = self._draft(node_updates, indicator_updates, new_nodes, new_indicators, removed_nodes,
                                 removed_indicators, plan_edits)
        kept = ([] if self.workshop_unchanged else compare(self.base, self.current).lines()) + self.plan_kept
        report = self.report + self.removed_lines or [_(NO_CHANGES)]
        if self.problems:
            change = Change(self.text)
        return WorkbookImportPlan(self.path, change, report, self.problems, self.conflicts, kept, self.notes,
                                [*removed_nodes, *removed_indicators, *plan_edits.removed_ids()])

    def _split_rows(self, sheet: WorkbookSheet, base: dict, current: dict, unknown: str):
        """Rows with a known ID by that ID, and rows with an empty ID (new items). `unknown`: the
        problem of an ID the sheet's items do not have (marked with N_), with {id}."""
        known: dict[str, WorkbookRow] = {}
        new: list[WorkbookRow] = []
        for row in sheet.rows:
            row_id = cell_string(row.cells.get("id"))
            if not row_id:
                if any(cell_string(row.cells.get(name)) for name in ("title", "code", "node_code")):
                    new.append(row)
                continue
            place = cell_place(sheet.title, row.number, "ID")
            if row_id in known:
                self.problems.append(at_place(place, _("the same ID as row {row}; a copied row needs an empty ID to be "
                                                       "added as new").format(row=known[row_id].number)))
            elif row_id not in base and row_id not in current:
                self.problems.append(at_place(place, _(unknown).format(id=row_id)))
            else:
                known[row_id] = row
                self.row_numbers[row_id] = row.number
        return known, new

    def _imported_columns(self, sheet: WorkbookSheet, level: str | None) -> list:
        allowed = fields_of(level) if level else None
        return [column for column in sheet.columns.values()
                if column.imported and (allowed is None or column.field in allowed)]

    def _candidates(self, sheet: WorkbookSheet, rows: dict[str, WorkbookRow], base: dict,
                    nodes: bool) -> list[_Candidate]:
        found = []
        for item_id, row in rows.items():
            record = base.get(item_id) or (self.doc_nodes if nodes else self.doc_indicators)[item_id]
            for column in self._imported_columns(sheet, record["level"] if nodes else None):
                raw = row.cells.get(column.field)
                exported = record.get(column.field)
                shown = format_value(column.kind, exported, self.names)
                # A formula is never taken as unchanged, even one whose result (or its lack of
                # one) matches: it is refused, so that the user types what is meant.
                if not isinstance(raw, FormulaCell) and (raw == shown or cell_string(raw) == cell_string(shown)):
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

    def _used_organizations(self, node_updates: dict, new_nodes: list[NewItem]) -> None:
        """Keep only the organizations the planned changes refer to (a cell in conflict creates
        none), and say which were created and which were matched from another spelling."""
        used = set()
        for values in [*node_updates.values(), *(item.values for item in new_nodes)]:
            if values.get("lead_organization_id"):
                used.add(values["lead_organization_id"])
            used.update(values.get("partners") or {})
        self.new_organizations = [row for row in self.new_organizations if row["id"] in used]
        lines = [_("Organization created: {organization} ({category})").format(
            organization=self.names.label(row["id"]), category=_(v.ORGANIZATION_CATEGORIES[row["category"]]))
            for row in self.new_organizations]
        created = {row["id"] for row in self.new_organizations}
        for text, organization_id in self.organization_ids.items():
            if organization_id not in used or organization_id in created or organization_id not in self.organizations:
                continue
            row = self.organizations[organization_id]
            if text not in (self.names.label(organization_id), self.names.short(organization_id), row["name"],
                            row["acronym"]):
                lines.append(_("Organization matched: {text} → {organization}").format(
                    text=quote(text), organization=self.names.label(organization_id)))
        self.report[:0] = lines

    def _parse(self, cell: _Candidate):
        try:
            return parse_value(cell.column.kind, cell.raw, self.organization_ids)
        except InvalidValueError as error:
            self.problems.append(at_place(cell_place(cell.sheet.title, cell.row.number, cell.column.header),
                                          str(error)))
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
            # Translators: "1.2.3 Cost: 5,000 → 7,000"; {column} is the workbook's column header
            self.report.append(_("{item} {column}: {old} → {new}").format(
                item=self._short_label(cell.item_id, is_node), column=_(cell.column.header),
                old=show_value(kind, now, self.names), new=show_value(kind, value, self.names)))
        return node_updates, indicator_updates

    def _label(self, item_id: str, is_node: bool) -> str:
        if is_node:
            record = self.base_nodes.get(item_id) or self.doc_nodes[item_id]
            return item_label(record["level"], record["code"])
        record = self.base_indicators.get(item_id) or self.doc_indicators[item_id]
        if not record["node_code"]:
            return _("Indicator {number} of the goal").format(number=record["number"])
        # Translators: "Indicator 2 of 1.3": the second indicator of the item coded 1.3
        return _("Indicator {number} of {code}").format(number=record["number"], code=record["node_code"])

    def _short_label(self, item_id: str, is_node: bool) -> str:
        """'2.1.3' for an item (as the spec's report lines read), 'Goal' for the goal."""
        if is_node:
            record = self.base_nodes.get(item_id) or self.doc_nodes[item_id]
            return record["code"] or _(v.NODE_LEVEL_LABELS[record["level"]])
        record = self.base_indicators.get(item_id) or self.doc_indicators[item_id]
        if not record["node_code"]:
            return _("Goal indicator {number}").format(number=record["number"])
        # Translators: "1.3 indicator 2": the second indicator of the item coded 1.3
        return _("{code} indicator {number}").format(code=record["node_code"], number=record["number"])

    # ------------------------------------------------------------------ new rows

    def _new_nodes(self, sheet: WorkbookSheet, rows: list[WorkbookRow]) -> list[NewItem]:
        items = []
        for row in rows:
            code = cell_string(row.cells.get("code"))
            where = cell_place(sheet.title, row.number, "Code")
            if not code:
                self.problems.append(at_place(where, _("a new row needs the code of its place, e.g. 1.2.4 for a new "
                                                       "action of output 1.2")))
                continue
            parts = code.split(".")
            if not all(part.isdigit() and int(part) > 0 for part in parts) or len(parts) not in _DEPTH_LEVEL:
                self.problems.append(at_place(where, _("'{code}' is not the code of an outcome, output or action (like "
                                                       "2, 2.1 or 2.1.3)").format(code=code)))
                continue
            level = _DEPTH_LEVEL[len(parts)]
            typed = cell_string(row.cells.get("level"))
            if typed:
                try:
                    chosen = parse_value("level", typed)
                except InvalidValueError as error:
                    self.problems.append(at_place(cell_place(sheet.title, row.number, "Level"), str(error)))
                    continue
                if chosen != level:
                    # Translators: "1.2 is the code of an output, not of an action"
                    problem = _("{code} is the code of {level}, not of {chosen}").format(
                        code=code, level=_(LEVEL_WITH_ARTICLE[level]), chosen=_(LEVEL_WITH_ARTICLE[chosen]))
                    self.problems.append(at_place(cell_place(sheet.title, row.number, "Level"), problem))
                    continue
            items.append(NewItem(row, ".".join(str(int(part)) for part in parts), level,
                                  tuple(int(part) for part in parts)))
        items.sort(key=lambda item: (len(item.parts), item.parts, item.row.number))
        return items

    def _new_indicators(self, sheet: WorkbookSheet, rows: list[WorkbookRow]):
        found = []
        for row in rows:
            code = cell_string(row.cells.get("node_code"))
            if not code:
                self.problems.append(at_place(cell_place(sheet.title, row.number, "Code"),
                                              _("a new indicator needs the code of the outcome or output it measures, "
                                                "e.g. 1.2")))
                continue
            found.append((row, (code, {})))
        return found

    # ------------------------------------------------------------------ rows removed in Excel

    def _removed(self, node_rows: dict, indicator_rows: dict, indicators_read: bool):
        removed_nodes, removed_indicators = [], []
        missing = [record for node_id, record in self.base_nodes.items() if node_id not in node_rows]
        missing_ids = {record["id"] for record in missing}
        kept_by_parent: dict[str, list[dict]] = {}  # one pass, not one per removed row
        for child in self.base_nodes.values():
            if child["id"] not in missing_ids:
                kept_by_parent.setdefault(child["parent_id"], []).append(child)
        for record in missing:
            if record["id"] not in self.doc_nodes:
                continue  # removed on both sides
            label = item_words(record["level"], record["code"])
            kept_children = kept_by_parent.get(record["id"], [])
            if kept_children:
                note = _KEPT_FOR_CHILDREN.get(kept_children[0]["level"], _KEPT_FOR_CHILDREN["action"])
                self.notes.append(_(note).format(item=label, title=quote(record["title"])))
                continue
            if self._changed_since(record, self.doc_nodes[record["id"]], fields_of(record["level"]), ROADMAP_COLUMNS):
                self.conflicts.append(WorkbookConflict(
                    ROADMAP_SHEET, None, "", item_label(record["level"], record["code"]), "removed",
                    "changed in the workshop since the export", item_id=record["id"], kind="removed in Excel"))
                continue
            removed_nodes.append(record["id"])
            self.removed_lines.append(self._removed_line(label, record["title"]))
        if not indicators_read:
            return removed_nodes, removed_indicators
        for indicator_id, record in self.base_indicators.items():
            if indicator_id in indicator_rows or indicator_id not in self.doc_indicators:
                continue
            if record["node_id"] in missing_ids:
                continue  # goes with its item, or stays with it
            if self._changed_since(record, self.doc_indicators[indicator_id], [c.field for c in INDICATOR_COLUMNS
                                                                              if c.imported], INDICATOR_COLUMNS):
                self.conflicts.append(WorkbookConflict(
                    INDICATORS_SHEET, None, "",
                    _("Indicator {number} of {code}").format(number=record["number"], code=record["node_code"]),
                    "removed", "changed in the workshop since the export", item_id=indicator_id,
                    kind="removed in Excel"))
                continue
            removed_indicators.append(indicator_id)
            # Translators: "indicator 2 of 1.3", inside the sentence "Removed in Excel: {item} “…” — deleted"
            label = _("indicator {number} of {code}").format(number=record["number"], code=record["node_code"])
            self.removed_lines.append(self._removed_line(label, record["title"]))
        return removed_nodes, removed_indicators

    def _removed_line(self, label: str, title: str) -> str:
        if self.apply_deletions:
            return _("Removed in Excel: {item} {title} — deleted").format(item=label, title=quote(title))
        return _("Removed in Excel: {item} {title} — kept; confirm deletions to delete it").format(
            item=label, title=quote(title))

    def _changed_since(self, exported: dict, now: dict, fields, columns) -> bool:
        kinds = {column.field: column.kind for column in columns}
        return any(not same_value(kinds[name], exported.get(name), now.get(name)) for name in fields)

    def _notes(self, roadmap: WorkbookSheet, indicators: WorkbookSheet | None) -> None:
        if not self.has_record:
            self.notes.append(_("The workbook has no export record (the hidden sheet Pathfinder Workshop writes), so "
                                "every difference from the workshop counts as a change made in Excel."))
        elif self.workbook.record.get("version"):
            self.notes.append(_("The workbook was exported from version “{version}”.").format(
                version=self.workbook.record["version"]))
        for sheet in (roadmap, indicators, *self.workbook.plan_sheets.values()):
            if sheet is None:
                continue
            for column in sheet.missing:
                if column.imported:
                    # Translators: {column} is a column header of the workbook; {values}
                    # the same header in small letters: "Sheet Road map has no column “Risks”: risks left as they are."
                    note = (_("Sheet {sheet} has no column “{column}”: {values} left as they are.")
                            if column.header.endswith("s")
                            else _("Sheet {sheet} has no column “{column}”: {values} left as it is."))
                    self.notes.append(note.format(sheet=sheet.title, column=_(column.header),
                                                  values=_(column.header).lower()))
        if indicators is None:
            self.notes.append(_("The workbook has no Indicators sheet: indicators left as they are."))
        for row in roadmap.rows:
            record = self.base_nodes.get(cell_string(row.cells.get("id")))
            if record is None:
                continue
            typed = cell_string(row.cells.get("code"))
            if "code" in row.cells and typed and typed != record["code"]:
                self.notes.append(_("{place}: the code {code} → {typed} is not applied; codes follow the order of "
                                    "the road map (move items in Pathfinder Workshop)").format(
                    place=cell_place(ROADMAP_SHEET, row.number), code=record["code"], typed=typed))
            typed = cell_string(row.cells.get("level"))
            if "level" in row.cells and typed and header_text_key(typed) != record["level"] and \
                    header_text_key(typed) not in spellings(v.NODE_LEVEL_LABELS[record["level"]]):
                self.notes.append(_("{place}: the level of {item} cannot change to “{typed}” (move or add items in "
                                    "Pathfinder Workshop)").format(place=cell_place(ROADMAP_SHEET, row.number),
                                                                    item=item_words(record["level"], record["code"]),
                                                                    typed=typed))

class _Invalid:
    pass


_INVALID = _Invalid()

__all__ = ["NO_CHANGES", "WorkbookConflict", "WorkbookImportPlan", "SpreadsheetError", "WorkshopError",
           "plan_workbook_import"]
