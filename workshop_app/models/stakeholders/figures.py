"""Participation figures: who came, by sex, by organization category, by role and by day."""

from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import _
from workshop_app.i18n.formats import short_date
from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.stats import women_share

DEFAULT_WOMEN_SHARE_MINIMUM = 0.30


@dataclass
class SexBreakdown:
    """Counts by sex for one group (a category, a role, a day)."""

    label: str  # in the current language
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(v.SEXES, 0))
    key: str | None = None  # the category's or role's key, for a report in another language

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def women_share(self) -> float | None:
        return women_share(self.counts)


@dataclass
class ParticipationFigures:
    overall: SexBreakdown
    by_category: list[SexBreakdown]
    by_role: list[SexBreakdown]
    by_day: list[SexBreakdown]

    def women_share_below(self, minimum: float) -> bool:
        share = self.overall.women_share
        return share is not None and share < minimum


def participation_figures(document: WorkshopDocument) -> ParticipationFigures:
    overall = SexBreakdown(_("All participants"))
    categories = {key: SexBreakdown(_(label), key=key) for key, label in v.ORGANIZATION_CATEGORIES.items()}
    no_organization = SexBreakdown(_("No organization"))
    roles = {key: SexBreakdown(_(label), key=key) for key, label in v.PARTICIPANT_ROLES.items()}
    for sex, category, role, count in document.query(
        "SELECT p.sex, o.category, p.role, count(*) FROM participant p"
        " LEFT JOIN organization o ON o.id = p.organization_id GROUP BY p.sex, o.category, p.role"
    ):
        overall.counts[sex] += count
        (categories[category] if category else no_organization).counts[sex] += count
        roles[role].counts[sex] += count
    by_day = []
    for number, day in enumerate(document.rows("day", order_by="position"), start=1):
        label = (_("Day {day} ({date})").format(day=number, date=short_date(day["date"])) if day["date"]
                 else _("Day {day}").format(day=number))
        breakdown = SexBreakdown(label)
        for sex, count in document.query(
            "SELECT p.sex, count(*) FROM attendance a JOIN participant p ON p.id = a.participant_id"
            " WHERE a.day_id = ? AND a.present = 1 GROUP BY p.sex", [day["id"]]
        ):
            breakdown.counts[sex] += count
        by_day.append(breakdown)
    by_category = [group for group in [*categories.values(), no_organization] if group.total]
    return ParticipationFigures(overall, by_category, [group for group in roles.values() if group.total], by_day)
