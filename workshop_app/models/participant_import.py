"""Import participants from a spreadsheet: planned as ONE Change (undone in one step), written
only when the caller applies it.

    plan = plan_participant_import(document, "list.xlsx")
    print("\\n".join(plan.report.lines()))
    document.apply(plan.change)            # undo: document.apply(plan.change.inverse())

Nobody is entered twice: a row with the e-mail (any case) of a participant already in the
workshop or earlier in the sheet, or with the same name (any case or spacing) in the same
organization, is merged into that participant, whose empty fields it fills. Importing the same
list again therefore adds and changes nothing.
"""

from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.models.changes import Change, Row, RowChange
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.import_organizations import match_organizations
from workshop_app.models.import_values import (language_of, looks_like_email, name_key, role_of, sex_meaning,
                                               sex_of, tidy_name)
from workshop_app.models.sheet_headers import header_key
from workshop_app.models.sheet_reader import SheetRow, SheetTable, read_table

# Fields a later row may fill in when the participant has them empty. Name and role are never
# overwritten: the role 'participant' is a choice, not a blank.
_FILLABLE = ("title", "organization_id", "email", "phone", "language")
_REPORT_DETAIL_LINES = 10


@dataclass
class ImportReport:
    added: int = 0  # new participants
    updated: int = 0  # participants already in the workshop whose empty fields the list filled
    already_present: int = 0  # participants already in the workshop that the list left as they were
    merged_duplicates: int = 0  # rows repeating a person named on an earlier row of the list
    organizations_created: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Short sentences for the command line and the wizard's last page."""
        lines = [_count(self.added, "participant added", "participants added")]
        if self.updated:
            lines.append(_count(self.updated, "participant already in the workshop completed",
                                "participants already in the workshop completed") + " (empty fields filled)")
        if self.already_present:
            lines.append(_count(self.already_present, "participant was already in the workshop",
                                "participants were already in the workshop"))
        if self.merged_duplicates:
            lines.append(_count(self.merged_duplicates, "duplicate row merged", "duplicate rows merged"))
        if self.organizations_created:
            lines.append(_count(self.organizations_created, "organization created", "organizations created"))
        if self.rejected:
            lines.append(_count(len(self.rejected), "row rejected:", "rows rejected:"))
            lines += [f"  row {number}: {reason}" for number, reason in self.rejected[:_REPORT_DETAIL_LINES]]
            lines += _more(len(self.rejected))
        if self.warnings:
            lines.append(_count(len(self.warnings), "warning:", "warnings:"))
            lines += [f"  {warning}" for warning in self.warnings[:_REPORT_DETAIL_LINES]]
            lines += _more(len(self.warnings))
        return lines


@dataclass(frozen=True)
class ImportPlan:
    change: Change  # apply it to import; apply change.inverse() to undo
    report: ImportReport
    table: SheetTable  # what was read: sheet, header row, columns, cleaned rows

    @property
    def mapping(self) -> dict[str, str]:
        """Header text -> field, as the wizard shows it for the user to correct."""
        return self.table.mapping()

    def preview(self, limit: int = 10) -> list[SheetRow]:
        return self.table.preview(limit)


def plan_participant_import(document: WorkshopDocument, path: Path | str, *, sheet: str | None = None,
                            mapping: dict[str, str] | None = None) -> ImportPlan:
    """Read the list and plan its import; nothing is written. Raises SpreadsheetError (a
    WorkshopError naming the file) for a file that is not a readable list of participants."""
    return plan_from_table(document, read_table(path, sheet, mapping=mapping))


def plan_from_table(document: WorkshopDocument, table: SheetTable) -> ImportPlan:
    """The import of a table already read (the wizard reads it once for its preview)."""
    report = ImportReport()
    for number, text in table.section_rows:
        report.warnings.append(f"row {number}: '{text}' looks like a section heading; skipped")
    people = _people(table, report)

    org_texts = list(dict.fromkeys(person[2] for person in people if person[2]))
    org_ids, new_organizations = match_organizations(org_texts, document.rows("organization"), new_id)
    report.organizations_created = len(new_organizations)

    existing = document.rows("participant")
    by_email = {row["email"].casefold(): row for row in existing if row["email"]}
    by_name = {(name_key(row["name"]), row["organization_id"]): row for row in existing}
    originals = {id(row): dict(row) for row in existing}  # to tell what the list changed
    matched: set[int] = set()  # participants (new or existing) a row of this list already gave
    sexes, roles = _value_readers(table, people, report)

    inserts: list[Row] = []
    for number, name, org_text, title, email, phone, language, sex_text, role_text in people:
        organization_id = org_ids.get(org_text) if org_text else None
        email_key = email.casefold()
        key = (name_key(name), organization_id)
        person = (email_key and by_email.get(email_key)) or by_name.get(key)
        sex, role = sexes(number, sex_text), roles(number, role_text)
        if person is None:
            person = {"id": new_id(), "name": name, "sex": sex, "title": title, "organization_id": organization_id,
                      "email": email, "phone": phone, "language": language, "role": role}
            inserts.append(person)
        else:
            if id(person) in matched:
                report.merged_duplicates += 1
            if email_key and name_key(person["name"]) != key[0] and email_key == person["email"].casefold():
                report.warnings.append(f"row {number}: same e-mail as {person['name']}, merged with them "
                                       f"although the names differ")
            values = (title, organization_id, email, phone, language)
            for column, value in zip(_FILLABLE, values):
                if value and not person[column]:
                    person[column] = value
            if sex != "not_stated" and person["sex"] == "not_stated":
                person["sex"] = sex
        matched.add(id(person))
        if person["email"]:
            by_email.setdefault(person["email"].casefold(), person)
        by_name.setdefault((name_key(person["name"]), person["organization_id"]), person)

    rows = [RowChange("organization", row["id"], None, row) for row in new_organizations]
    rows += [RowChange("participant", row["id"], None, row) for row in inserts]
    for row in existing:
        original = originals[id(row)]
        changed = {column: value for column, value in row.items() if value != original[column]}
        if changed:
            rows.append(RowChange("participant", row["id"], {column: original[column] for column in changed}, changed))
            report.updated += 1
        elif id(row) in matched:
            report.already_present += 1
    report.added = len(inserts)
    return ImportPlan(Change(f"Import participants from {table.path.name}", tuple(rows)), report, table)


def _people(table: SheetTable, report: ImportReport) -> list[tuple]:
    """(row number, name, organization, title, email, phone, language, sex, role) per row with a
    name, as typed (cleaned); rows without a name are rejected."""
    first = _first_of(table, "first_name")
    last = _first_of(table, "last_name")
    full = _first_of(table, "name")
    org, title, email = _first_of(table, "organization"), _first_of(table, "title"), _first_of(table, "email")
    language, sex, role = _first_of(table, "language"), _first_of(table, "sex"), _first_of(table, "role")
    phone_columns = table.columns("phone")
    people = []
    for number, cells in table.rows:
        name = full(cells) or " ".join(part for part in (first(cells), last(cells)) if part)
        if not name or not any(char.isalpha() for char in name):
            report.rejected.append((number, f"no name (the name cell holds '{name}')" if name else "no name"))
            continue
        if len(phone_columns) > 1:  # "Phone" and "Mobile": keep every number given
            phone = " / ".join(dict.fromkeys(cells[index] for index in phone_columns if cells[index]))
        else:
            phone = cells[phone_columns[0]] if phone_columns else ""
        address = email(cells)
        if address and not looks_like_email(address):
            report.warnings.append(f"row {number}: '{address}' does not look like an e-mail address; kept as typed")
        people.append((number, tidy_name(name), org(cells), title(cells), address, phone,
                       _language(number, language(cells), report), sex(cells), role(cells)))
    return people


def _first_of(table: SheetTable, field_name: str):
    """A function giving a row's value for the field: its column's cell, or the first non-empty
    cell of the columns mapped to it."""
    columns = table.columns(field_name)
    if not columns:
        return lambda cells: ""
    if len(columns) == 1:
        index = columns[0]
        return lambda cells: cells[index]
    return lambda cells: next((cells[index] for index in columns if cells[index]), "")


def _language(number: int, text: str, report: ImportReport) -> str:
    code = language_of(text)
    if code is None:
        report.warnings.append(f"row {number}: language '{text}' not recognised; kept as typed")
        return text
    return code


def _value_readers(table: SheetTable, people: list[tuple], report: ImportReport):
    """sex(number, text) and role(number, text), which note a warning for a value they do not
    understand. Lone letters read the sheet's way (see import_values.sex_meaning)."""
    letters_seen = {header_key(text) for text in {person[7] for person in people if len(person[7]) < 4}}
    letters = sex_meaning(table.language, letters_seen)
    sex_cache: dict[str, str | None] = {}
    role_cache: dict[str, str | None] = {}

    def sex(number: int, text: str) -> str:
        if text not in sex_cache:
            sex_cache[text] = sex_of(text, letters)
        value = sex_cache[text]
        if value is None:
            report.warnings.append(f"row {number}: sex '{text}' not understood; recorded as not stated")
            return "not_stated"
        return value

    def role(number: int, text: str) -> str:
        if text not in role_cache:
            role_cache[text] = role_of(text)
        value = role_cache[text]
        if value is None:
            report.warnings.append(f"row {number}: role '{text}' not understood; recorded as participant")
            return "participant"
        return value

    return sex, role


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _more(total: int) -> list[str]:
    return [f"  ... and {total - _REPORT_DETAIL_LINES} more"] if total > _REPORT_DETAIL_LINES else []
