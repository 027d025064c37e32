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

from workshop_app.i18n.catalogs import N_, _, ngettext

DETAIL_LINES = 10  # details under each heading on the command line; then "... and N more"

SAME_EMAIL = "email"
SAME_NAME = "name"
# Translators: why two rows of a list were taken for one person: "rows 5 and 9: Ana Pérez (same e-mail)"
_REASONS = {SAME_EMAIL: N_("same e-mail"), SAME_NAME: N_("same name and organization")}


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
        lines = [_count(ngettext("{count} participant added", "{count} participants added", self.added), self.added)]
        if self.updated:
            lines.append(_count(ngettext("{count} participant already in the workshop completed (empty fields filled)",
                                         "{count} participants already in the workshop completed (empty fields "
                                         "filled)", self.updated), self.updated))
        if self.already_present:
            lines.append(_count(ngettext("{count} participant was already in the workshop",
                                         "{count} participants were already in the workshop", self.already_present),
                                self.already_present))
        if self.merged_duplicates:
            lines.append(_count(ngettext("{count} duplicate row merged:", "{count} duplicate rows merged:",
                                         self.merged_duplicates), self.merged_duplicates))
            lines += _details([_("rows {first} and {row}: {name} ({reason})").format(
                first=merge.first, row=merge.number, name=merge.name, reason=_(_REASONS[merge.reason]))
                for merge in self.merges], limit)
        matched = [(text, outcome.short) for outcome in self.organizations if not outcome.created
                   for text in outcome.other_spellings()]
        if matched:
            lines.append(_count(ngettext("{count} organization spelling matched to one already in the workshop:",
                                         "{count} organization spellings matched to ones already in the workshop:",
                                         len(matched)), len(matched)))
            lines += _details([f"“{text}” → {label}" for text, label in matched], limit)
        if self.organizations_created:
            lines.append(_count(ngettext("{count} organization created:", "{count} organizations created:",
                                         self.organizations_created), self.organizations_created))
            lines += _details([_created(outcome) for outcome in self.organizations if outcome.created], limit)
        if self.rejected:
            lines.append(_count(ngettext("{count} row rejected:", "{count} rows rejected:", len(self.rejected)),
                                len(self.rejected)))
            lines += _details([_("row {row}: {reason}").format(row=number, reason=reason)
                               for number, reason in self.rejected], limit)
        if self.warnings:
            lines.append(_count(ngettext("{count} warning:", "{count} warnings:", len(self.warnings)),
                                len(self.warnings)))
            lines += _details(self.warnings, limit)
        return lines


def _created(outcome: OrganizationOutcome) -> str:
    others = outcome.other_spellings()
    if not others:
        return outcome.full
    # Translators: an organization created by an import, and the other ways the list wrote its name
    return _("{organization}, written {spellings}").format(organization=outcome.full,
                                                          spellings=_listed([f"“{text}”" for text in others]))


def _listed(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    # Translators: the end of a list: "“MoL”, “Min. Labour” and “Labour Ministry”"
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def _details(details: list[str], limit: int | None) -> list[str]:
    shown = details if limit is None else details[:limit]
    lines = [f"  {detail}" for detail in shown]
    if len(details) > len(shown):
        more = len(details) - len(shown)
        lines.append("  " + ngettext("... and {count} more", "... and {count} more", more).format(count=more))
    return lines


def _count(message: str, number: int) -> str:
    return message.format(count=number)
