"""The participant list as every participant export prints it: one read of the document, labels
in words, sorted by name, attendance per day; and the counts by sex that the summaries show.

Headers and labels are in the export's language (the Words given); entries keep the English
labels of the vocabulary, for grouping and counting, and are translated where printed.
"""

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from workshop_app.export.words import Words, job_title
from workshop_app.i18n.catalogs import N_
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.vocabulary import ORGANIZATION_CATEGORIES, PARTICIPANT_ROLES, SEXES

# Translators: attendance on a day, in a column of the participant list.
PRESENT = N_("Present")
# Translators: attendance on a day, in a column of the participant list.
ABSENT = N_("Absent")
NO_ORGANIZATION = N_("No organization")

LIST_HEADERS = (
    # Translators: column header: the participant's number in the list.
    N_("No."),
    N_("Name"),
    N_("Sex"),
    N_("Organization"),
    # Translators: column header: the category of the participant's organization (government, UN...).
    N_("Category"),
    # Translators: column header: the participant's job title.
    N_("Title"),
    # Translators: column header: the participant's role at the workshop (participant, facilitator...).
    N_("Role"),
    N_("E-mail"),
    N_("Phone"),
    # Translators: column header: the language the participant works in.
    N_("Language"),
)
# The columns left out of a list that leaves the program without contact details.
CONTACT_HEADERS = ("E-mail", "Phone")


@dataclass(frozen=True, slots=True)
class ParticipantEntry:
    id: str
    name: str
    sex: str  # vocabulary key
    title: str
    organization_id: str | None
    organization: str  # name, '' when none
    acronym: str
    category: str | None  # vocabulary key, None without an organization
    email: str
    phone: str
    language: str  # ISO 639-1 code as stored
    role: str  # vocabulary key

    @property
    def sex_label(self) -> str:
        return SEXES.get(self.sex, self.sex)

    @property
    def role_label(self) -> str:
        return PARTICIPANT_ROLES.get(self.role, self.role)

    @property
    def category_label(self) -> str:
        return ORGANIZATION_CATEGORIES.get(self.category, self.category) if self.category else ""

    def language_in(self, words: Words) -> str:
        """The participant's language as the export's language names it ("népalais")."""
        return words.language_name(self.language)


@dataclass(frozen=True, slots=True)
class WorkshopDay:
    id: str
    number: int  # 1-based, as people say "day 2"
    date: str | None
    title: str


class ParticipantList:
    """Participants sorted by name, the workshop's days and who was present on which; headers
    and labels in the language of `words` (English without). The list's columns hold each
    person's e-mail and phone unless `include_contacts` is False."""

    def __init__(self, document: WorkshopDocument, words: Words | None = None, *, include_contacts: bool = True):
        self.words = words or Words()
        self.include_contacts = include_contacts
        organizations = {row["id"]: row for row in document.rows("organization")}
        entries = []
        for row in document.rows("participant"):
            organization = organizations.get(row["organization_id"]) if row["organization_id"] else None
            entries.append(ParticipantEntry(
                id=row["id"], name=row["name"], sex=row["sex"], title=row["title"],
                organization_id=row["organization_id"] if organization else None,
                organization=organization["name"] if organization else "",
                acronym=organization["acronym"] if organization else "",
                category=organization["category"] if organization else None,
                email=row["email"], phone=row["phone"], language=row["language"], role=row["role"],
            ))
        entries.sort(key=lambda entry: (name_key(entry.name), entry.name))
        self.participants: list[ParticipantEntry] = entries
        self.days: list[WorkshopDay] = [
            WorkshopDay(row["id"], number, row["date"], row["title"])
            for number, row in enumerate(document.rows("day", order_by="position, date"), start=1)
        ]
        self._present: set[tuple[str, str]] = set()
        self._recorded_days: set[str] = set()
        for row in document.rows("attendance"):
            self._recorded_days.add(row["day_id"])
            if row["present"]:
                self._present.add((row["participant_id"], row["day_id"]))

    def attended(self, entry: ParticipantEntry, day: WorkshopDay) -> bool | None:
        """True or False; None while no attendance at all has been taken for that day (before
        the workshop nobody is "absent")."""
        if day.id not in self._recorded_days:
            return None
        return (entry.id, day.id) in self._present

    def is_recorded(self, day: WorkshopDay) -> bool:
        return day.id in self._recorded_days

    @cached_property
    def by_organization(self) -> list[tuple[ParticipantEntry | None, list[ParticipantEntry]]]:
        """(first member, members) per organization, organizations by name; people without an
        organization come last under None."""
        groups: dict[str | None, list[ParticipantEntry]] = {}
        for entry in self.participants:
            groups.setdefault(entry.organization_id, []).append(entry)
        named = sorted((members for key, members in groups.items() if key is not None),
                       key=lambda members: name_key(members[0].organization))
        result: list[tuple[ParticipantEntry | None, list[ParticipantEntry]]] = [(m[0], m) for m in named]
        if None in groups:
            result.append((None, groups[None]))
        return result

    def day_label(self, day: WorkshopDay) -> str:
        """'Day 1 (9 Mar 2027)', or 'Day 1' while the workshop has no dates."""
        _ = self.words
        when = _.short_date(day.date)
        return _("Day {number} ({date})", number=day.number, date=when) if when else _("Day {number}",
                                                                                        number=day.number)

    # ------------------------------------------------------------------ the list's columns

    @property
    def list_headers(self) -> tuple[str, ...]:
        """The English headers of the list's columns before the days."""
        if self.include_contacts:
            return LIST_HEADERS
        return tuple(header for header in LIST_HEADERS if header not in CONTACT_HEADERS)

    def headers(self) -> list[str]:
        _ = self.words
        return [*(job_title(_) if header == "Title" else _(header) for header in self.list_headers),
                *(self.day_label(day) for day in self.days)]

    def values(self, number: int, entry: ParticipantEntry) -> list:
        """One line of the list, in the order of headers(): number first, then text."""
        _ = self.words
        present, absent = _(PRESENT), _(ABSENT)
        attendance = []
        for day in self.days:
            attended = self.attended(entry, day)
            attendance.append("" if attended is None else present if attended else absent)
        line = [number, entry.name, _(entry.sex_label), entry.organization,
                _(entry.category_label) if entry.category_label else "", entry.title, _(entry.role_label),
                entry.email, entry.phone, entry.language_in(_)]
        if not self.include_contacts:
            line = [value for value, header in zip(line, LIST_HEADERS) if header not in CONTACT_HEADERS]
        return [*line, *attendance]


def name_key(name: str) -> str:
    """Sort key that files 'Émile' with 'Emile' and 'Nguyễn' with 'Nguyen'."""
    if name.isascii():
        return name.casefold()
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def count_by_sex(entries: Iterable[ParticipantEntry],
                 group: Callable[[ParticipantEntry], str]) -> dict[str, Counter]:
    """{group: Counter(sex -> number)}, groups in first-seen order."""
    table: dict[str, Counter] = {}
    for entry in entries:
        table.setdefault(group(entry), Counter())[entry.sex] += 1
    return table
