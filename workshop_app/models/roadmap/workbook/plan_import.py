"""The re-import of the plan's texts, reference figures and acronyms (plan_sheets), three-way like
the road map's rows: a cell changed in Excel, whose value the workshop did not change since the
export, is applied; one changed only in the workshop is kept (and listed); one changed on both
sides to different values is a conflict, and the workshop's value is kept.

Rows are matched by their ID. A figure or acronym row with an empty ID is added; a row removed in
Excel is deleted only with apply_deletions. A section's row cannot be removed: its text is
emptied in its cell. Every value goes through the rules of models.validation, and an invalid
cell is reported by sheet, row and column.

PlanParts is a part of the re-import planner (reimport._Planner), like drafting.Drafting: it
reads the planner's workbook and document, and reports into its problems, conflicts, notes,
report and removed_lines.
"""

from dataclasses import dataclass, field
from typing import Any

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.plan.texts import plan_text_change
from workshop_app.models.roadmap.workbook.columns import cell_string, quote
from workshop_app.models.roadmap.workbook.plan_sheets import (
    ACRONYMS_SHEET,
    FIELD_WORDS,
    FIELDS,
    FIGURES_SHEET,
    PLAN_TEXTS_SHEET,
    SHEET_COLUMNS,
    TABLES,
    TEXT_ADDED,
    TEXT_CHANGED,
    TEXT_REMOVED,
    parse_cell,
    piece_text,
    plan_record,
    read_piece_id,
    same_field,
    section_name,
    show_field,
    text_pieces,
)
from workshop_app.models.roadmap.workbook.reading import WorkbookRow, WorkbookSheet
from workshop_app.models.roadmap.workbook.results import WorkbookConflict, at_place, cell_place
from workshop_app.models.validation import clean_text

# When a sheet is missing: what is left as it is. Marked with N_.
_SHEET_MISSING = {
    PLAN_TEXTS_SHEET: N_("The workbook has no Plan texts sheet: the plan's texts left as they are."),
    FIGURES_SHEET: N_("The workbook has no Reference figures sheet: reference figures left as they are."),
    ACRONYMS_SHEET: N_("The workbook has no Acronyms sheet: acronyms left as they are."),
}
_KEY = {FIGURES_SHEET: "figures", ACRONYMS_SHEET: "acronyms"}


@dataclass
class PlanEdits:
    """What the plan's sheets change, ready to draft."""
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # section -> (new text, where)
    updates: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # sheet -> id -> fields
    added: dict[str, list[tuple[WorkbookRow, dict]]] = field(default_factory=dict)  # sheet -> rows, values
    removed: dict[str, list[str]] = field(default_factory=dict)  # sheet -> ids removed in Excel

    def removed_ids(self) -> list[str]:
        return [row_id for ids in self.removed.values() for row_id in ids]


class PlanParts:
    def _plan_parts(self) -> PlanEdits:
        """Read the plan's sheets against the export record and the workshop; report each
        difference. The workshop's own changes since the export go to self.plan_kept."""
        self.plan_now = plan_record(self.document)
        base = self.workbook.plan_base
        self.plan_exported = base if base is not None else self.plan_now
        self.locale = self.document.number_locale()
        self.plan_kept: list[str] = []
        edits = PlanEdits()
        sheets = self.workbook.plan_sheets
        for english, note in _SHEET_MISSING.items():
            if sheets.get(english) is None:
                self.notes.append(_(note))
        if sheets.get(PLAN_TEXTS_SHEET) is not None:
            self._texts(sheets[PLAN_TEXTS_SHEET], edits)
        for english in (FIGURES_SHEET, ACRONYMS_SHEET):
            if sheets.get(english) is not None:
                self._rows(english, sheets[english], edits)
        if base is not None:
            self._kept_in_the_workshop()
        return edits

    # ------------------------------------------------------------------ texts

    def _texts(self, sheet: WorkbookSheet, edits: PlanEdits) -> None:
        pieces = self._pieces(sheet)
        exported_texts, now_texts = self.plan_exported["texts"], self.plan_now["texts"]
        for section, written in exported_texts.items():
            if written and section in now_texts and section not in pieces:
                self.notes.append(_removed_piece(cell_place(sheet.title), section))
        for section, found in pieces.items():
            first_row = found.get(1, next(iter(found.values())))[0]
            where = cell_place(sheet.title, first_row.number, "Text")
            written = exported_texts.get(section) or ""
            exported = clean_text(written)
            # A piece's row removed in Excel would cut the text short: the text is left as it is.
            if any(number not in found for number in range(1, len(text_pieces(written)) + 1)):
                self.notes.append(_removed_piece(cell_place(sheet.title, first_row.number), section))
                continue
            excel = self._joined(sheet, found)
            if excel is None:
                continue
            now = clean_text(now_texts.get(section, ""))
            if excel in (exported, now):
                continue
            if now != exported:
                self.conflicts.append(WorkbookConflict(
                    sheet.title, first_row.number, "Text", section_name(section), quote(excel) if excel else
                    _("(empty)"), quote(now) if now else _("(empty)"), quote(exported) if exported else _("(empty)"),
                    section, "text"))
                continue
            edits.texts[section] = (excel, where)
            self.report.append(_text_line(section, now, excel))

    def _pieces(self, sheet: WorkbookSheet) -> dict[str, dict[int, tuple[WorkbookRow, Any]]]:
        """Each section's rows by piece number (its first row is piece 1), with their Text cells."""
        pieces: dict[str, dict[int, tuple[WorkbookRow, Any]]] = {}
        for row in sheet.rows:
            written = cell_string(row.cells.get("id"))
            if not written:
                if cell_string(row.cells.get("text")):
                    # Translators: after "Plan texts row 4, ID: "; the ID column names a row's section of the plan
                    self.problems.append(at_place(cell_place(sheet.title, row.number, "ID"), _(
                        "a row of the plan's texts needs the ID of its section; keep the ID column as it was "
                        "exported")))
                continue
            found = read_piece_id(written)
            if found is None:
                # Translators: after "Plan texts row 4, ID: "; {id} is what the cell holds
                self.problems.append(at_place(cell_place(sheet.title, row.number, "ID"), _(
                    "'{id}' is not the ID of a section of the plan; keep the ID column as it was exported").format(
                    id=written)))
                continue
            section, number = found
            if number in pieces.get(section, {}):
                # Translators: after "Plan texts row 4, ID: "
                self.problems.append(at_place(cell_place(sheet.title, row.number, "ID"), _(
                    "the same ID as row {row}; each section of the plan has its own row").format(
                    row=pieces[section][number][0].number)))
                continue
            pieces.setdefault(section, {})[number] = (row, row.cells.get("text"))
        return pieces

    def _joined(self, sheet: WorkbookSheet, found: dict[int, tuple[WorkbookRow, Any]]) -> str | None:
        """A section's text from its pieces in their order; None when a piece cannot be read."""
        parts = []
        for number in sorted(found):
            row, value = found[number]
            try:
                parts.append(piece_text(value))
            except InvalidValueError as error:
                self.problems.append(at_place(cell_place(sheet.title, row.number, "Text"), str(error)))
                return None
        return clean_text("".join(parts))

    # ------------------------------------------------------------------ figures and acronyms

    def _rows(self, english: str, sheet: WorkbookSheet, edits: PlanEdits) -> None:
        key = _KEY[english]
        exported = {row["id"]: row for row in self.plan_exported[key]}
        now = {row["id"]: row for row in self.plan_now[key]}
        numbers = {row["id"]: index for index, row in enumerate(self.plan_exported[key], start=1)}
        seen, new_rows = self._matched_rows(english, sheet, exported, now)
        updates = edits.updates.setdefault(english, {})
        for row_id, row in seen.items():
            record = exported.get(row_id) or now[row_id]
            changed = self._merged_row(english, sheet, row, record, now.get(row_id),
                                       _label(english, record, numbers.get(row_id)))
            if changed:
                updates[row_id] = changed
        self._check_acronyms(english, sheet, [*seen.values(), *new_rows])
        edits.added[english] = self._new_rows(english, sheet, new_rows, exported, now)
        edits.removed[english] = self._removed_rows(english, exported, now, seen, numbers)

    def _matched_rows(self, english: str, sheet: WorkbookSheet, exported: dict, now: dict):
        """The rows with a known ID by that ID, and the rows with an empty ID (new ones)."""
        seen: dict[str, WorkbookRow] = {}
        new_rows = []
        for row in sheet.rows:
            row_id = cell_string(row.cells.get("id"))
            if not row_id:
                if any(row.cells.get(name) not in (None, "") for name in FIELDS[english]):
                    new_rows.append(row)
                continue
            place = cell_place(sheet.title, row.number, "ID")
            if row_id in seen:
                self.problems.append(at_place(place, _("the same ID as row {row}; a copied row needs an empty ID to be "
                                                       "added as new").format(row=seen[row_id].number)))
            elif row_id not in exported and row_id not in now:
                # Translators: after "Acronyms row 4, ID: "; {things} is "reference figures" or "acronyms"
                self.problems.append(at_place(place, _(
                    "'{id}' is not an ID of this workshop's {things}; leave the ID empty to add a new one").format(
                    id=row_id, things=_things(english))))
            else:
                seen[row_id] = row
        return seen, new_rows

    def _merged_row(self, english: str, sheet: WorkbookSheet, row: WorkbookRow, record: dict, current: dict | None,
                    label: str) -> dict[str, Any]:
        """The fields of one row to apply: changed in Excel, and not in the workshop since."""
        changed = {}
        for name in FIELDS[english]:
            column = sheet.columns.get(name)
            if column is None:
                continue
            value = self._cell(sheet, english, row, name, column.header)
            if value is _UNREAD or same_field(name, value, record.get(name)):
                continue
            if current is None:  # edited in Excel, removed from the workshop: said once per row
                self.conflicts.append(WorkbookConflict(
                    sheet.title, row.number, "", label, "changed", "removed from the workshop since the export",
                    item_id=record["id"], kind="removed in the workshop"))
                return {}
            if same_field(name, value, current.get(name)):
                continue
            if not same_field(name, current.get(name), record.get(name)):
                self.conflicts.append(WorkbookConflict(
                    sheet.title, row.number, column.header, label, show_field(name, value),
                    show_field(name, current.get(name)), show_field(name, record.get(name)), record["id"], name))
                continue
            changed[name] = value
            self.report.append(_("{item}: {field} {old} → {new}").format(
                item=label, field=_(FIELD_WORDS[name]), old=show_field(name, current.get(name)),
                new=show_field(name, value)))
        return changed

    def _cell(self, sheet: WorkbookSheet, english: str, row: WorkbookRow, name: str, header: str):
        try:
            return parse_cell(english, name, row.cells.get(name), self.locale)
        except InvalidValueError as error:
            self.problems.append(at_place(cell_place(sheet.title, row.number, header), str(error)))
            return _UNREAD

    def _new_rows(self, english: str, sheet: WorkbookSheet, rows: list[WorkbookRow], exported: dict,
                  now: dict) -> list[tuple[WorkbookRow, dict]]:
        added = []
        # Added in the workshop since the export (perhaps by an earlier import of this workbook).
        since = {_same_key(english, record): record for row_id, record in now.items() if row_id not in exported}
        for row in rows:
            headers = {column.field: column.header for column in SHEET_COLUMNS[english]}
            values = {name: self._cell(sheet, english, row, name, headers[name]) for name in FIELDS[english]}
            if any(value is _UNREAD for value in values.values()):
                continue
            twin = since.get(_same_key(english, values))
            same = twin is not None and all(same_field(name, values[name], twin.get(name)) for name in FIELDS[english])
            if english == FIGURES_SHEET and not same:
                twin = None  # another source or wording: another figure
            place = cell_place(sheet.title, row.number)
            if same:
                # Translators: {place} is "Acronyms row 7"; {item} "acronym NSO" or "reference figure “…”"
                self.notes.append(_("{place}: {item} is already in the workshop (added since the export, perhaps by "
                                    "an earlier import); not added again").format(
                    place=place, item=_added_words(english, values)))
                continue
            if twin is not None:  # an acronym the workshop gave another meaning since the export
                self.conflicts.append(WorkbookConflict(
                    sheet.title, row.number, "Meaning", _label(english, twin, None),
                    show_field("meaning", values["meaning"]), show_field("meaning", twin["meaning"]), _("(empty)"),
                    twin["id"], "meaning"))
                continue
            added.append((row, values))
            self.report.append(_added_line(english, values))
        return added

    def _check_acronyms(self, english: str, sheet: WorkbookSheet, rows: list[WorkbookRow]) -> None:
        """Each acronym once on the sheet (the file holds it once): a second is reported where it is."""
        if english != ACRONYMS_SHEET or "acronym" not in sheet.columns:
            return
        first: dict[str, int] = {}
        for row in sorted(rows, key=lambda row: row.number):
            acronym = cell_string(row.cells.get("acronym")).casefold()
            if not acronym:
                continue
            if acronym in first:
                # Translators: after "Acronyms row 9, Acronym: "
                self.problems.append(at_place(cell_place(sheet.title, row.number, "Acronym"), _(
                    "{acronym} is already on row {row}; list each acronym once").format(
                    acronym=cell_string(row.cells.get("acronym")), row=first[acronym])))
            else:
                first[acronym] = row.number

    def _removed_rows(self, english: str, exported: dict, now: dict, seen: dict, numbers: dict) -> list[str]:
        removed = []
        for row_id, record in exported.items():
            if row_id in seen or row_id not in now:
                continue  # still there, or removed on both sides
            label = _label(english, record, numbers[row_id])
            if any(not same_field(name, record.get(name), now[row_id].get(name)) for name in FIELDS[english]):
                self.conflicts.append(WorkbookConflict(english, None, "", label, "removed",
                                                       "changed in the workshop since the export", item_id=row_id,
                                                       kind="removed in Excel"))
                continue
            removed.append(row_id)
            self.removed_lines.append(self._removed_line(_removed_words(english, record, numbers[row_id]),
                                                         record["counts" if english == FIGURES_SHEET else "meaning"]))
        return removed

    # ------------------------------------------------------------------ the workshop's side

    def _kept_in_the_workshop(self) -> None:
        """The workshop's own changes since the export, in the same words as Excel's."""
        exported, now = self.plan_exported, self.plan_now
        for section, text in now["texts"].items():
            before = clean_text(exported["texts"].get(section, ""))
            if clean_text(text) != before:
                self.plan_kept.append(_text_line(section, before, clean_text(text)))
        for english, key in _KEY.items():
            before = {row["id"]: row for row in exported[key]}
            numbers = {row["id"]: index for index, row in enumerate(exported[key], start=1)}
            after = {row["id"]: row for row in now[key]}
            for row_id, record in before.items():
                if row_id not in after:
                    self.plan_kept.append(_gone_line(english, record, numbers[row_id]))
                    continue
                for name in FIELDS[english]:
                    if not same_field(name, record.get(name), after[row_id].get(name)):
                        self.plan_kept.append(_("{item}: {field} {old} → {new}").format(
                            item=_label(english, record, numbers[row_id]), field=_(FIELD_WORDS[name]),
                            old=show_field(name, record.get(name)), new=show_field(name, after[row_id].get(name))))
            for row_id, record in after.items():
                if row_id not in before:
                    self.plan_kept.append(_added_line(english, record))

    # ------------------------------------------------------------------ drafting

    def _draft_plan_parts(self, edits: PlanEdits, attempt) -> None:
        """Into the one Change: removals first (an acronym removed frees its spelling for another
        row), then the changed cells, then the new rows after the workshop's own."""
        document, text = self.document, self.text
        for section, (written, where) in edits.texts.items():
            attempt(where, plan_text_change, document, section, written)
        if self.apply_deletions:
            for english, ids in edits.removed.items():
                for row_id in ids:
                    attempt(cell_place(english), document.plan_delete, TABLES[english], row_id, text)
        for english, updates in edits.updates.items():
            sheet = self.workbook.plan_sheets[english]
            rows = {cell_string(row.cells.get("id")): row.number for row in sheet.rows}
            for row_id, values in updates.items():
                attempt(cell_place(sheet.title, rows.get(row_id)), document.plan_update, TABLES[english], row_id,
                        text, **values)
        last = max((row["position"] for row in self.plan_now["figures"]), default=-1)
        for english, rows in edits.added.items():
            sheet = self.workbook.plan_sheets[english]
            for row, values in rows:
                if english == FIGURES_SHEET:
                    last += 1
                    values = {**values, "position": last}
                attempt(cell_place(sheet.title, row.number), document.plan_insert, TABLES[english], text, **values)


class _Unread:
    pass


_UNREAD = _Unread()


def _things(english: str) -> str:
    # Translators: in "'…' is not an ID of this workshop's {things}"
    return _("reference figures") if english == FIGURES_SHEET else _("acronyms")


def _label(english: str, record: dict, number: int | None) -> str:
    """ "Reference figure 2" (its number as exported), "Acronym NSO"."""
    if english == FIGURES_SHEET:
        if number is None:
            # Translators: a reference figure named by what it counts: "Reference figure: “people in forced labour”"
            return _("Reference figure: {counts}").format(counts=quote(record.get("counts") or ""))
        # Translators: the second of the workshop's reference figures, as the workbook numbers them
        return _("Reference figure {number}").format(number=number)
    # Translators: an acronym of the plan, in "Acronym NSO: meaning “…” → “…”"
    return _("Acronym {acronym}").format(acronym=record.get("acronym") or "")


def _removed_words(english: str, record: dict, number: int) -> str:
    """The {item} of "Removed in Excel: {item} {title} — deleted"."""
    if english == FIGURES_SHEET:
        # Translators: the {item} of "Removed in Excel: {item} {title} — deleted": "reference figure 6"
        return _("reference figure {number}").format(number=number)
    # Translators: the {item} of "Removed in Excel: {item} {title} — deleted" or of "… is already in the
    # workshop": "acronym NSO"
    return _("acronym {acronym}").format(acronym=record["acronym"])


def _added_words(english: str, values: dict) -> str:
    if english == FIGURES_SHEET:
        # Translators: the {item} of "… is already in the workshop": a reference figure named by what it counts
        return _("reference figure {counts}").format(counts=quote(values.get("counts") or ""))
    return _("acronym {acronym}").format(acronym=values.get("acronym") or "")


def _added_line(english: str, values: dict) -> str:
    if english == FIGURES_SHEET:
        # Translators: "Reference figure added: “people in forced labour” (27,600,000, 2021)"
        return _("Reference figure added: {counts} ({value}, {year})").format(
            counts=quote(values.get("counts") or ""), value=show_field("value", values.get("value")),
            # Translators: in place of the year of a reference figure that gives none
            year=values.get("year") or _("no year"))
    # Translators: "Acronym NSO added: “National Statistics Office”"
    return _("Acronym {acronym} added: {meaning}").format(acronym=values.get("acronym") or "",
                                                          meaning=show_field("meaning", values.get("meaning")))


def _gone_line(english: str, record: dict, number: int) -> str:
    if english == FIGURES_SHEET:
        # Translators: a reference figure removed in the workshop since the export: "Reference figure 6 removed: “…”"
        return _("Reference figure {number} removed: {counts}").format(number=number,
                                                                        counts=quote(record.get("counts") or ""))
    # Translators: an acronym removed in the workshop since the export: "Acronym P29 removed: “…”"
    return _("Acronym {acronym} removed: {meaning}").format(acronym=record.get("acronym") or "",
                                                            meaning=show_field("meaning", record.get("meaning")))


def _removed_piece(place: str, section: str) -> str:
    # Translators: {place} is "Plan texts row 4" (or "Plan texts" when the section's only row is gone);
    # {section} a section of the plan ("Foreword")
    return _("{place}: a row of {section} was removed in Excel; its text is left as it is (empty its Text cells to "
             "remove the text)").format(place=place, section=section_name(section))


def _text_line(section: str, before: str, after: str) -> str:
    line = TEXT_ADDED if not before else (TEXT_REMOVED if not after else TEXT_CHANGED)
    return _(line).format(section=section_name(section))


def _same_key(english: str, values: dict):
    """What makes a new row the same as one added in the workshop: the acronym; a figure's
    number, year and what it counts."""
    if english == ACRONYMS_SHEET:
        return (values.get("acronym") or "").casefold()
    return (round(float(values.get("value") or 0), 6), values.get("year"), (values.get("counts") or "").casefold())
