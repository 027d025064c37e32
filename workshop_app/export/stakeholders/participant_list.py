"""The participant list as every participant export prints it: one read of the document, labels
in words, sorted by name, attendance per day; and the counts by sex that the summaries show."""

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from workshop_app.export.dates import short_date
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.geography import language_name
from workshop_app.models.vocabulary import ORGANIZATION_CATEGORIES, PARTICIPANT_ROLES, SEXES

PRESENT = "Present"
ABSENT = "Absent"
NO_ORGANIZATION = "No organization"

LIST_HEADERS = ("No.", "Name", "Sex", "Organization", "Category", "Title", "Role", "E-mail", "Phone", "Language")


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

    @property
    def language_label(self) -> str:
        if not self.language:
            return ""
        # ISO 639 calls Nepali, Arabic, Persian... "macrolanguages"; a participant list need not.
        return (language_name(self.language) or self.language).removesuffix(" (macrolanguage)")


@dataclass(frozen=True, slots=True)
class WorkshopDay:
    id: str
    number: int  # 1-based, as people say "day 2"
    date: str | None
    title: str

    @property
    def label(self) -> str:
        return f"Day {self.number} ({short_date(self.date)})" if self.date else f"Day {self.number}"


class ParticipantList:
    """Participants sorted by name, the workshop's days and who was present on which."""

    def __init__(self, document: WorkshopDocument):
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

    # ------------------------------------------------------------------ the list's columns

    def headers(self) -> list[str]:
        return [*LIST_HEADERS, *(day.label for day in self.days)]

    def values(self, number: int, entry: ParticipantEntry) -> list:
        """One line of the list, in the order of headers(): number first, then text."""
        attendance = []
        for day in self.days:
            present = self.attended(entry, day)
            attendance.append("" if present is None else PRESENT if present else ABSENT)
        return [number, entry.name, entry.sex_label, entry.organization, entry.category_label, entry.title,
                entry.role_label, entry.email, entry.phone, entry.language_label, *attendance]


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
