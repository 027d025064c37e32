"""The rows of a participant list as the import reads them, for the wizard's preview: each row's
sex and role as the workshop's words, the organization it is matched to (or creates), its
e-mail cleaned, and what becomes of it: a new participant, merged with an earlier row, someone
already in the workshop, or skipped.

The preview is built from what planning the import kept (see plan.py), never by planning again:
it stays quick for a list of ten thousand rows.
"""

from dataclasses import dataclass
from typing import NamedTuple

from workshop_app.i18n.catalogs import _
from workshop_app.models.participant_import.report import ImportReport, OrganizationOutcome
from workshop_app.models.participant_import.table import SheetTable

NEW = "new"  # becomes a new participant
MERGED = "merged"  # names the person an earlier row named: fills what that row left empty
EXISTING = "existing"  # names a participant already in the workshop: fills their empty fields
SKIPPED = "skipped"  # no one: a row without a name, or a section heading


class ReadRow(NamedTuple):
    number: int  # the row number in the sheet
    status: str  # NEW, MERGED, EXISTING or SKIPPED
    name: str
    sex: str  # a key of vocabulary.SEXES; "" on a skipped row
    organization: OrganizationOutcome | None  # None: no organization, or a skipped row
    organization_text: str  # as the list writes it
    title: str
    email: str
    phone: str
    language: str
    role: str  # a key of vocabulary.PARTICIPANT_ROLES; "" on a skipped row
    first: int = 0  # MERGED: the earlier row it is merged with
    same_as: str = ""  # MERGED, EXISTING: the person's name as the workshop will have it
    reason: str = ""  # MERGED, EXISTING: report.SAME_EMAIL or SAME_NAME; SKIPPED: why, in words


@dataclass(frozen=True)
class Reading:
    """What planning learnt about each row, kept for the preview."""

    people: list[tuple]  # plan._people(): (number, name, organization, title, email, phone, language, sex, role)
    sexes: dict[str, str | None]  # sex text -> key (None: not understood, recorded as not stated)
    roles: dict[str, str | None]  # role text -> key (None: not understood, recorded as participant)
    organizations: dict[str, OrganizationOutcome]  # organization text -> what it came to
    outcomes: dict[int, tuple]  # row -> (status, first row, name, reason); a row not in it is NEW

    def rows(self, table: SheetTable, report: ImportReport, limit: int) -> list[ReadRow]:
        """The first `limit` rows of the table (section headings included) as read."""
        shown = table.rows[:limit]
        if not shown:
            return []
        last = shown[-1].number if len(shown) == limit else float("inf")
        rejected = dict(report.rejected)
        people = {}
        for person in self.people:
            if person[0] > last:
                break
            people[person[0]] = person
        read = [self._row(people[row.number]) if row.number in people
                else _skipped(table, row.number, row.cells, rejected.get(row.number) or _("not read"))
                for row in shown]
        read += [_skipped(table, number, (), _("'{text}' looks like a section heading").format(text=text))
                 for number, text in table.section_rows if number <= last]
        read.sort(key=lambda row: row.number)
        return read[:limit]

    def _row(self, person: tuple) -> ReadRow:
        number, name, org_text, title, email, phone, language, sex_text, role_text = person
        status, first, same_as, reason = self.outcomes.get(number, (NEW, 0, "", ""))
        return ReadRow(number, status, name, self.sexes.get(sex_text) or "not_stated",
                       self.organizations.get(org_text), org_text, title, email, phone, language,
                       self.roles.get(role_text) or "participant", first, same_as, reason)


def _skipped(table: SheetTable, number: int, cells: tuple[str, ...], reason: str) -> ReadRow:
    def cell(field: str) -> str:
        return next((cells[index] for index in table.columns(field) if index < len(cells) and cells[index]), "")

    name = cell("name") or " ".join(part for part in (cell("first_name"), cell("last_name")) if part)
    return ReadRow(number, SKIPPED, name, "", None, cell("organization"), cell("title"), cell("email"),
                   cell("phone"), cell("language"), "", reason=reason)
