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

import gc
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change, Row, RowChange
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.participant_import.cell_values import (
    clean_email,
    language_of,
    looks_like_email,
    name_key,
    role_of,
    sex_meaning,
    sex_of,
    tidy_name,
)
from workshop_app.models.participant_import.reading import EXISTING, MERGED, Reading, ReadRow
from workshop_app.models.participant_import.report import (
    SAME_EMAIL,
    SAME_NAME,
    ImportReport,
    Merge,
    OrganizationOutcome,
)
from workshop_app.models.participant_import.table import SheetRow, SheetTable, read_table
from workshop_app.models.stakeholders.matching import match_organizations
from workshop_app.models.text_keys import folded_key

# Fields a later row may fill in when the participant has them empty. Name and role are never
# overwritten: the role 'participant' is a choice, not a blank.
_FILLABLE = ("title", "organization_id", "email", "phone", "language")
_LETTER = re.compile(r"[^\W\d_]")  # a name has at least one letter, in any script


# More new people than any national workshop invites: a sheet this large is more likely a wrong
# file (a census extract, a whole column filled down) than a list, so the user confirms it first.
LARGE_IMPORT = 10_000


@dataclass(frozen=True)
class ImportPlan:
    change: Change  # apply it to import; apply change.inverse() to undo
    report: ImportReport
    table: SheetTable  # what was read: sheet, header row, columns, cleaned rows
    reading: Reading  # what each row means, for the preview

    @property
    def mapping(self) -> dict[str, str]:
        """Header text -> field, as the wizard shows it for the user to correct."""
        return self.table.mapping()

    def preview(self, limit: int = 10) -> list[SheetRow]:
        """The first rows of the sheet as they are (cleaned text)."""
        return self.table.preview(limit)

    def read_rows(self, limit: int = 50) -> list[ReadRow]:
        """The first rows as the import reads them: sex and role as the workshop's words, the
        organization each is matched to or creates, and what becomes of the row."""
        return self.reading.rows(self.table, self.report, limit)


def plan_participant_import(document: WorkshopDocument, path: Path | str, *, sheet: str | None = None,
                            mapping: dict[str, str] | None = None) -> ImportPlan:
    """Read the list and plan its import; nothing is written. Raises SpreadsheetError (a
    WorkshopError naming the file) for a file that is not a readable list of participants."""
    with _collector_paused():
        return plan_from_table(document, read_table(path, sheet, mapping=mapping))


def plan_from_table(document: WorkshopDocument, table: SheetTable) -> ImportPlan:
    """The import of a table already read (the wizard reads it once for its preview)."""
    with _collector_paused():
        return _plan(document, table)


@contextmanager
def _collector_paused():
    """Reading a list builds tens of thousands of small objects that all stay alive; Python's
    cycle collector would walk them again and again (nearly a tenth of the time for 5,000 rows).
    Nothing here makes reference cycles, so the collector waits until the import is planned."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plan(document: WorkshopDocument, table: SheetTable) -> ImportPlan:
    report = ImportReport()
    report.warnings.extend(table.notes)
    for number, text in table.section_rows:
        report.warnings.append(_("row {row}: '{text}' looks like a section heading; skipped").format(row=number,
                                                                                                    text=text))
    people = _people(table, report)

    org_texts = list(dict.fromkeys(person[2] for person in people if person[2]))
    organizations = document.rows("organization")
    org_ids, new_organizations = match_organizations(org_texts, organizations, new_id)
    report.organizations_created = len(new_organizations)
    named = _organizations_named(org_ids, organizations, new_organizations)
    report.organizations = list(named.values())

    existing = document.rows("participant")
    by_email: dict[str, Row] = {}
    by_name: dict[tuple, Row] = {}
    for row in existing:  # the first of any two that already share an e-mail or a name wins
        if row["email"]:
            by_email.setdefault(row["email"].casefold(), row)
        by_name.setdefault((name_key(row["name"]), row["organization_id"]), row)
    originals = {id(row): dict(row) for row in existing}  # to tell what the list changed
    matched: dict[int, int] = {}  # participant (new or existing) named by this list -> its first row
    outcomes: dict[int, tuple] = {}  # row -> (status, first row, name, reason) for rows adding no one
    sexes, roles = _value_meanings(table, people)

    inserts: list[Row] = []
    fresh_ids = iter(_new_ids(len(people)))
    for number, name, org_text, title, email, phone, language, sex_text, role_text in people:
        organization_id = org_ids.get(org_text)
        email_key = email.casefold()
        key = (name_key(name), organization_id)
        person = by_email.get(email_key) if email_key else None
        if person is None:
            person = by_name.get(key)
        sex, role = _sex_and_role(number, sexes[sex_text], sex_text, roles[role_text], role_text, report)
        if person is None:  # the common case, kept short: someone new
            person = {"id": next(fresh_ids), "name": name, "sex": sex, "title": title,
                      "organization_id": organization_id, "email": email, "phone": phone, "language": language,
                      "role": role}
            inserts.append(person)
            matched[id(person)] = number
            if email_key:
                by_email[email_key] = person
            by_name[key] = person
            continue
        reason = SAME_EMAIL if email_key and person is by_email.get(email_key) else SAME_NAME
        first = matched.setdefault(id(person), number)
        if first != number:
            report.merged_duplicates += 1
            report.merges.append(Merge(number, first, person["name"], reason))
            outcomes[number] = (MERGED, first, person["name"], reason)
        else:
            outcomes[number] = (EXISTING, 0, person["name"], reason)
        _merge_row(person, number, key[0], email, report, sex, (title, organization_id, email, phone, language))
        if person["email"]:
            by_email.setdefault(person["email"].casefold(), person)
        by_name.setdefault((name_key(person["name"]), person["organization_id"]), person)

    rows = [RowChange("organization", row["id"], None, row) for row in new_organizations]
    rows += [RowChange("participant", row["id"], None, row) for row in inserts]
    rows += _updated_rows(existing, originals, matched, report)
    report.added = len(inserts)
    reading = Reading(people, sexes, roles, {text: named[org_ids[text]] for text in org_texts}, outcomes)
    undo_text = _("Import participants from {file}").format(file=table.path.name)
    return ImportPlan(Change(undo_text, tuple(rows)), report, table, reading)


def _organizations_named(org_ids: dict[str, str], existing: list[Row],
                         created: list[Row]) -> dict[str, OrganizationOutcome]:
    """Organization id -> what the list's spellings of it came to, in order of first mention."""
    spellings: dict[str, list[str]] = {}
    for text, organization_id in org_ids.items():
        spellings.setdefault(organization_id, []).append(text)
    rows = {row["id"]: row for row in existing}
    new = {row["id"] for row in created}
    rows.update((row["id"], row) for row in created)
    return {organization_id: OrganizationOutcome(rows[organization_id]["name"], rows[organization_id]["acronym"] or "",
                                                 tuple(texts), organization_id in new)
            for organization_id, texts in spellings.items()}


def _sex_and_role(number: int, sex: str | None, sex_text: str, role: str | None, role_text: str,
                  report: ImportReport) -> tuple[str, str]:
    """What the row's sex and role cells mean, or the defaults with a warning when not understood."""
    if sex is None:
        report.warnings.append(_("row {row}: sex '{text}' not understood; recorded as not stated").format(
            row=number, text=sex_text))
        sex = "not_stated"
    if role is None:
        report.warnings.append(_("row {row}: role '{text}' not understood; recorded as participant").format(
            row=number, text=role_text))
        role = "participant"
    return sex, role


def _merge_row(person: Row, number: int, name: str, email: str, report: ImportReport, sex: str,
               values: tuple) -> None:
    """Fill what a person already known lacks from another row naming them; never overwrite."""
    email_key = email.casefold()
    if email_key and email_key == person["email"].casefold():
        if name_key(person["name"]) != name:
            report.warnings.append(_("row {row}: same e-mail as {name}; merged with them although the names "
                                     "differ").format(row=number, name=person["name"]))
    elif email_key and person["email"]:
        report.warnings.append(_("row {row}: same name and organization as {name}, merged; their e-mail {kept} was "
                                 "kept, not {email}").format(row=number, name=person["name"], kept=person["email"],
                                                             email=email))
    for column, value in zip(_FILLABLE, values):
        if value and not person[column]:
            person[column] = value
    if sex != "not_stated" and person["sex"] == "not_stated":
        person["sex"] = sex


def _updated_rows(existing: list[Row], originals: dict[int, dict], matched: set[int],
                  report: ImportReport) -> list[RowChange]:
    """The workshop's participants the list changed, counting those it named unchanged."""
    rows = []
    for row in existing:
        original = originals[id(row)]
        changed = {column: value for column, value in row.items() if value != original[column]}
        if changed:
            rows.append(RowChange("participant", row["id"], {column: original[column] for column in changed}, changed))
            report.updated += 1
        elif id(row) in matched:
            report.already_present += 1
    return rows


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
        if not _LETTER.search(name):
            report.rejected.append((number, _("no name (the name cell holds '{text}')").format(text=name) if name
                                    else _("no name")))
            continue
        if len(phone_columns) > 1:  # "Phone" and "Mobile": keep every number given
            phone = " / ".join(dict.fromkeys(cells[index] for index in phone_columns if cells[index]))
        else:
            phone = cells[phone_columns[0]] if phone_columns else ""
        address = email(cells)
        if address and (not looks_like_email(address) or address[:7].casefold() == "mailto:"):
            cleaned = clean_email(address)
            if cleaned:
                address = cleaned
            else:
                report.warnings.append(_("row {row}: '{text}' does not look like an e-mail address; kept as "
                                         "typed").format(row=number, text=address))
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
        return itemgetter(columns[0])
    return lambda cells: next((cells[index] for index in columns if cells[index]), "")


def _language(number: int, text: str, report: ImportReport) -> str:
    code = language_of(text)
    if code is None:
        report.warnings.append(_("row {row}: language '{text}' not recognised; kept as typed").format(row=number,
                                                                                                   text=text))
        return text
    return code


def _value_meanings(table: SheetTable, people: list[tuple]) -> tuple[dict, dict]:
    """What each distinct sex and role text of the list means (None: not understood). Lone
    letters read the sheet's way (see cell_values.sex_meaning)."""
    sex_texts = {person[7] for person in people}
    letters = sex_meaning(table.language, {folded_key(text) for text in sex_texts if len(text) < 4})
    return ({text: sex_of(text, letters) for text in sex_texts},
            {text: role_of(text) for text in {person[8] for person in people}})


def _new_ids(count: int) -> list[str]:
    """count random (version 4) UUIDs as text, like document.new_id() but made in one go:
    uuid.uuid4() one at a time was a fifth of the planning time for a 5,000-row list."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes(byte & 0x0F | 0x40 for byte in raw[6::16])  # version 4
    raw[8::16] = bytes(byte & 0x3F | 0x80 for byte in raw[8::16])  # RFC 4122 variant
    digits = raw.hex()
    return [f"{digits[i:i + 8]}-{digits[i + 8:i + 12]}-{digits[i + 12:i + 16]}-{digits[i + 16:i + 20]}-"
            f"{digits[i + 20:i + 32]}" for i in range(0, 32 * count, 32)]


