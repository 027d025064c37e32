"""What an import of participants did, in sentences that name it: which rows were merged with
which, which spellings of an organization were taken for one the workshop already has, which
organizations are new, which rows were rejected and why.

    3 participants added
    1 duplicate row merged:
      rows 5 and 9: Ana Pérez (same e-mail)
    1 organization spelling matched to one already in the workshop:
      “Ministère du Travail (MTEFP)” → MTEFP
"""

from dataclasses import dataclass, field

DETAIL_LINES = 10  # details under each heading on the command line; then "... and N more"

SAME_EMAIL = "email"
SAME_NAME = "name"
_REASONS = {SAME_EMAIL: "same e-mail", SAME_NAME: "same name and organization"}


@dataclass(frozen=True)
class Merge:
    """A row naming someone an earlier row of the list already named."""

    number: int  # the row merged
    first: int  # the earlier row it was merged into
    name: str  # the person, as the first row named them
    reason: str  # SAME_EMAIL or SAME_NAME


@dataclass(frozen=True)
class OrganizationOutcome:
    """One organization the list names: the workshop's own (matched) or a new one (created)."""

    name: str
    acronym: str
    spellings: tuple[str, ...]  # the texts of the list that name it, in order of appearance
    created: bool

    @property
    def short(self) -> str:
        """How lists of people name it: the acronym, or the name when it has none."""
        return self.acronym or self.name

    @property
    def full(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.name != self.acronym else self.short

    def other_spellings(self) -> tuple[str, ...]:
        """The spellings worth telling: not exactly its name, acronym or both."""
        plain = {self.name, self.acronym, self.full}
        return tuple(text for text in self.spellings if text not in plain)


@dataclass
class ImportReport:
    added: int = 0  # new participants
    updated: int = 0  # participants already in the workshop whose empty fields the list filled
    already_present: int = 0  # participants already in the workshop that the list left as they were
    merged_duplicates: int = 0  # rows repeating a person named on an earlier row of the list
    organizations_created: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)
    warnings: list[str] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    organizations: list[OrganizationOutcome] = field(default_factory=list)

    def lines(self, limit: int | None = DETAIL_LINES) -> list[str]:
        """Short sentences for the command line and the wizard's last page; at most `limit`
        details under each heading (None: all of them)."""
        lines = [_count(self.added, "participant added", "participants added")]
        if self.updated:
            lines.append(_count(self.updated, "participant already in the workshop completed",
                                "participants already in the workshop completed") + " (empty fields filled)")
        if self.already_present:
            lines.append(_count(self.already_present, "participant was already in the workshop",
                                "participants were already in the workshop"))
        if self.merged_duplicates:
            lines.append(_count(self.merged_duplicates, "duplicate row merged:", "duplicate rows merged:"))
            lines += _details([f"rows {merge.first} and {merge.number}: {merge.name} ({_REASONS[merge.reason]})"
                               for merge in self.merges], limit)
        matched = [(text, outcome.short) for outcome in self.organizations if not outcome.created
                   for text in outcome.other_spellings()]
        if matched:
            lines.append(_count(len(matched), "organization spelling matched to one already in the workshop:",
                                "organization spellings matched to ones already in the workshop:"))
            lines += _details([f"“{text}” → {label}" for text, label in matched], limit)
        if self.organizations_created:
            lines.append(_count(self.organizations_created, "organization created:", "organizations created:"))
            lines += _details([_created(outcome) for outcome in self.organizations if outcome.created], limit)
        if self.rejected:
            lines.append(_count(len(self.rejected), "row rejected:", "rows rejected:"))
            lines += _details([f"row {number}: {reason}" for number, reason in self.rejected], limit)
        if self.warnings:
            lines.append(_count(len(self.warnings), "warning:", "warnings:"))
            lines += _details(self.warnings, limit)
        return lines


def _created(outcome: OrganizationOutcome) -> str:
    others = outcome.other_spellings()
    if not others:
        return outcome.full
    return f"{outcome.full}, written {_listed([f'“{text}”' for text in others])}"


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _details(details: list[str], limit: int | None) -> list[str]:
    shown = details if limit is None else details[:limit]
    lines = [f"  {detail}" for detail in shown]
    if len(details) > len(shown):
        lines.append(f"  ... and {len(details) - len(shown)} more")
    return lines


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
