"""The words of the road-map PDF, and the way it writes numbers, sums of money, dates and
quarters, in the export's language.

Each label is an English message of the catalogs (marked N_ here), looked up by key through the
export's translator (Words): a message without a translation, and a language without a catalog,
print in English. Numbers, percentages and dates are written by Words as the language writes
them. User text is never translated and never passes through here.
"""

from workshop_app.export.words import Words
from workshop_app.i18n.catalogs import N_
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.yearly import quarter_of


def ngettext(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message that counts, for the catalogs: `make catalogs` extracts an ngettext( call
    as one message with its plural. Translated where printed, by Labels.count (Words.n)."""
    return singular, plural


def pgettext(context: str, message: str) -> tuple[str, str]:
    """Marks a message whose English word means something else elsewhere, with its context
    (extracted by `make catalogs` as msgctxt). Translated where printed, by Labels."""
    return context, message


_EN: dict[str, str | tuple[str, str]] = {
    "kind": N_("Road map"),
    "report_title": N_("National road map towards SDG target 8.7"),
    "eyebrow": N_("Alliance 8.7 · Pathfinder country"),
    # Translators: above the country's name on the cover, for a country that is not an Alliance 8.7 pathfinder
    "eyebrow.other": N_("SDG target 8.7 · National action plan"),
    "page": N_("Page {page} of {pages}"),
    # Translators: the watermark across every page of a road map not yet validated.
    "draft": N_("DRAFT"),
    "contents": N_("Contents"),
    # Translators: "Annex A", "Annex B"… before the annexes' titles.
    "annex": N_("Annex {letter}"),
    # Translators: the letters annexes are numbered with, in the language's order (Arabic: أبجدهوزح)
    "annex.letters": pgettext("annex letters", "ABCDEFGH"),
    # Translators: a label before a value ("Support: ILO, UNICEF", "Outcome 2: Data"); French
    # writes "{label} :" with a no-break space.
    "colon": N_("{label}:"),
    # Translators: a sum of money, e.g. "USD 12,500"; {currency} is a three-letter code.
    "money": N_("{currency} {amount}"),
    # cover
    "cover.dates": N_("Dates"),
    "cover.venue": N_("Venue"),
    "cover.version": N_("Version"),
    # Translators: on the cover, before the date the report was printed.
    "cover.printed": N_("Printed"),
    "cover.goal": N_("Goal"),
    "cover.target_label": N_("SDG target 8.7"),
    "cover.target": N_("“Take immediate and effective measures to eradicate forced labour, end modern slavery and "
                       "human trafficking and secure the prohibition and elimination of the worst forms of child "
                       "labour, including recruitment and use of child soldiers, and by 2025 end child labour in all "
                       "its forms.”"),
    "cover.current_draft": N_("Current draft (not frozen as a version)"),
    "cover.validated": N_("{name} · validated"),
    "cover.not_validated": N_("{name} · draft, not yet validated"),
    # Translators: after a version's name on the cover: the day it was frozen.
    "cover.frozen_on": N_("frozen on {date}"),
    "footer.version": N_("Version: {name}"),
    # Translators: in the footer of a road map that is not a validated version.
    "footer.draft": N_("Draft"),
    # sections
    "section.context": N_("Context"),
    "section.workshop": N_("The workshop"),
    "section.roadmap": N_("The road map"),
    "section.timeline": N_("Timeline"),
    "section.monitoring": N_("Monitoring and evaluation framework"),
    "section.budget": N_("Budget summary"),
    "section.responsibilities": N_("Responsibilities"),
    "section.participants": N_("List of participants"),
    "section.agenda": N_("Agenda"),
    "section.comments": N_("Open plenary comments"),
    "section.acronyms": N_("Acronyms"),
    "section.definitions": N_("Definitions"),
    # Translators: a section of the plan: each action's risks and assumptions in a table
    "section.risks": N_("Risks and assumptions"),
    # Translators: a section of the plan: the actions and their cost by pillar, Action Group and gender marker
    "section.crosscutting": N_("Cross-cutting tables"),
    # Translators: a part of the plan's M&E section: who reports, when, and the reviews
    "me.reporting": N_("Reporting and reviews"),
    # context
    "context.objectives": N_("Objectives of the workshop"),
    "context.national": N_("National context"),
    "context.global": N_("The global picture"),
    "context.none": N_("Not recorded in the workshop file."),
    # workshop
    "workshop.facts": N_("The workshop at a glance"),
    "workshop.dates": N_("Dates"),
    "workshop.venue": N_("Venue"),
    # Translators: how many days the workshop lasts.
    "workshop.days": N_("Days"),
    "workshop.participants": N_("Participants"),
    "workshop.organizations": N_("Organizations"),
    "workshop.participation": N_("Participation by organization category and sex"),
    "workshop.agenda": N_("The agenda in summary"),
    "workshop.no_participants": N_("No participants recorded yet."),
    "workshop.no_agenda": N_("No agenda recorded yet."),
    "workshop.chart_note": N_("Participants by organization category; bars divided by sex."),
    "table.category": N_("Organization category"),
    "table.total": N_("Total"),
    # Translators: a column header: the share of women among the participants of a row.
    "table.women_share": N_("Women %"),
    "table.all": N_("All participants"),
    "table.no_organization": N_("No organization"),
    # Translators: the time of a session in the agenda (a column header).
    "agenda.time": N_("Time"),
    "agenda.session": N_("Session"),
    "agenda.details": N_("Type · room"),
    "agenda.people": N_("Facilitator and speakers"),
    "agenda.facilitator": N_("Facilitator"),
    "agenda.speakers": N_("Speakers"),
    "agenda.day": N_("Day {number}"),
    "agenda.no_sessions": N_("No sessions planned for this day."),
    # road map
    "roadmap.goal": N_("Goal"),
    "roadmap.overview": N_("Outcomes at a glance"),
    "roadmap.outcome": N_("Outcome {code}"),
    "roadmap.output": N_("Output {code}"),
    # Translators: a column header: how many outputs an outcome has.
    "roadmap.outputs": N_("Outputs"),
    # Translators: a column header: how many actions an outcome (or a currency) has.
    "roadmap.actions": N_("Actions"),
    "roadmap.cost": N_("Estimated cost"),
    "roadmap.gap": N_("Funding gap"),
    "roadmap.none": N_("The road map has no outcomes yet."),
    "roadmap.no_actions": N_("No actions yet."),
    "roadmap.intro": N_("For each outcome, its outputs and the actions that deliver them: who leads, who takes part, "
                        "when, at what status, the estimated cost and what remains to be funded."),
    # Translators: a column header: the code of an outcome or action ("1.2.3").
    "col.code": N_("Code"),
    "col.action": N_("Action"),
    # Translators: a column header: the organization that leads the action.
    "col.lead": N_("Lead"),
    "col.partners": N_("Partners"),
    # Translators: a column header: when the action starts and ends ("Q2 2027 – Q4 2028").
    "col.timing": N_("Timing"),
    "col.status": N_("Status"),
    # Translators: a column header: the action's estimated cost.
    "col.cost": N_("Cost"),
    "col.gap": N_("Funding gap"),
    "col.outcome": N_("Outcome"),
    # Translators: in the cost column of an action without a cost estimate.
    "not_costed": N_("not costed"),
    # Translators: in the timing column of an action without a start or an end.
    "no_dates": N_("no dates"),
    # timeline
    "timeline.intro": N_("Actions by quarter; each bar runs from the action's start to its end, coloured by status."),
    "timeline.undated": N_("Actions without dates: {codes}."),
    "timeline.none": N_("No action has a start or an end yet."),
    # Translators: a quarter of a year: "Q2" is April to June; "Q2 2027" with the year after it.
    "timeline.quarter": N_("Q{q}"),
    # monitoring
    "me.intro": N_("How progress towards each outcome and output will be measured."),
    "me.indicator": N_("Indicator"),
    # Translators: a column header: the unit an indicator is measured in ("%", "cases").
    "me.unit": N_("Unit"),
    # Translators: a column header: an indicator's value at the start.
    "me.baseline": N_("Baseline"),
    # Translators: a column header: the value an indicator should reach.
    "me.target": N_("Target"),
    "me.disaggregation": N_("Disaggregation"),
    "me.verification": N_("Means of verification"),
    "me.collected_by": N_("Collected by"),
    "me.frequency": N_("Frequency"),
    "me.none": N_("No indicators have been defined yet."),
    # budget
    "budget.intro": N_("Amounts are given in the currency each action was costed in; different currencies are "
                       "never added together. Dropped actions are not counted."),
    "budget.overall": N_("Totals per currency"),
    "budget.per_outcome": N_("Per outcome"),
    "budget.currency": N_("Currency"),
    "budget.actions": N_("Actions"),
    "budget.cost": N_("Estimated cost"),
    "budget.secured": N_("Funding secured"),
    "budget.gap": N_("Funding gap"),
    # Translators: a column header: the share of the estimated cost that is funded.
    "budget.funded": N_("Funded"),
    # Translators: a column header: how many actions have no cost estimate.
    "budget.uncosted": N_("Not costed"),
    "budget.no_currency": N_("(no currency)"),
    "budget.none": N_("No action has an estimated cost yet."),
    "budget.chart_note": N_("Share of the estimated cost secured (dark) and still to be funded (light), per "
                            "currency."),
    # Translators: beside a currency's funding bar; the amounts are sums of money ("USD 2,500").
    "budget.caption": N_("{secured} secured of {cost} ({share}) · gap {gap}"),
    # responsibilities
    "resp.intro": N_("Who leads and who takes part in which actions (action codes)."),
    "resp.organization": N_("Organization"),
    "resp.none": N_("No organization is named as lead or partner yet."),
    # annexes
    # Translators: a column header: the participant's number in the list.
    "people.no": N_("No."),
    "people.name": N_("Name"),
    "people.title": pgettext("job title", "Title"),
    "people.organization": N_("Organization"),
    "people.email": N_("E-mail"),
    "people.phone": N_("Phone"),
    "people.contacts_hidden": N_("Contact details are not included in this edition."),
    # Translators: a column header: the road-map item (outcome, output, action) a comment is about.
    "comments.item": N_("Item"),
    "comments.comment": N_("Comment"),
    # Translators: a column header: who raised the comment.
    "comments.from": N_("From"),
    "comments.date": N_("Date"),
    "comments.intro": N_("Comments raised in plenary that are still open."),
}

# Messages that count: {count} is the number as the language writes it.
_COUNTS = {
    "output": ngettext("{count} output", "{count} outputs"),
    "action": ngettext("{count} action", "{count} actions"),
    # Translators: after a list cut short: how many names or codes were left out.
    "more": ngettext("+{count} more", "+{count} more"),
    # Translators: the number of women among the participants, and their share ("25%").
    "women": ngettext("{count} woman ({share})", "{count} women ({share})"),
    # Translators: above sessions of the agenda that run at the same time.
    "parallel": ngettext("{count} in parallel", "{count} in parallel"),
    "participants": ngettext("{count} participant, in alphabetical order.",
                             "{count} participants, in alphabetical order."),
}

_VOCABULARY = {
    "status": v.ACTION_STATUSES,
    "category": v.ORGANIZATION_CATEGORIES,
    # Plural on the PDF: the columns count people.
    "sex": {"female": N_("Women"), "male": N_("Men"), "other": N_("Other"), "not_stated": N_("Not stated")},
    "partner_role": v.PARTNER_ROLES,
    "session_type": v.SESSION_TYPES,
}
# Shorter category names where a chart has little room for them (a context of their own: some
# are the full name in English, not in other languages).
_SHORT_CATEGORY = {
    "employers": pgettext("chart label", "Employers' / business org."),
    "un": pgettext("chart label", "UN / international org."),
    "workers": pgettext("chart label", "Workers' organization"),
    "development_partner": pgettext("chart label", "Development partner"),
}

class Labels:
    """The words and formats of one export's language."""

    def __init__(self, words: Words):
        self.words = words

    def __getitem__(self, key: str) -> str:
        message = _EN[key]
        if isinstance(message, tuple):
            return self.words.context(*message)
        return self.words(message)

    def get(self, key: str, **values) -> str:
        return self[key].format(**values)

    def labelled(self, label: str) -> str:
        """'Support: ' – a label before its value ('Appui : ' in French)."""
        return self.get("colon", label=label) + " "

    def count(self, key: str, n: int, **values) -> str:
        """'1 output', '3 outputs': the plural form the language needs for `n`."""
        singular, plural = _COUNTS[key]
        return self.words.n(singular, plural, n, **values)

    # ------------------------------------------------------------------ vocabulary

    def word(self, kind: str, key: str | None) -> str:
        """The label of a vocabulary key ("status", "category", "sex", "partner_role", "session_type")."""
        if key is None:
            return ""
        label = _VOCABULARY[kind].get(key)
        return self.words(label) if label else key

    def short_category(self, key: str) -> str:
        short = _SHORT_CATEGORY.get(key)
        return self.words.context(*short) if short else self.word("category", key)

    def country(self, code: str) -> str:
        return self.words.country(code)

    # ------------------------------------------------------------------ numbers

    def number(self, value: float | int) -> str:
        """1234567 -> '1,234,567' in English; decimals only when there are cents."""
        return self.words.number(value)

    def money(self, amount: float | None, currency: str) -> str:
        if amount is None:
            return ""
        number = self.number(amount)
        if not currency:
            return number
        return self.get("money", currency=currency, amount=number)

    def percent(self, share: float | None) -> str:
        return self.words.percent(share)

    # ------------------------------------------------------------------ dates

    def long_date(self, value: str | None, *, weekday: bool = True) -> str:
        """'2027-03-09' -> 'Tuesday 9 March 2027' / 'mardi 9 mars 2027'."""
        return self.words.long_date(value, weekday=weekday)

    def date_range(self, start: str | None, end: str | None) -> str:
        """'9–11 March 2027', '30 March – 2 April 2027', or one long date; as CLDR writes a range
        in other languages ('9–11 mars 2027')."""
        if self.words.locale is not None:
            return self.words.date_range(start, end)
        if not start:
            return ""
        if not end or end == start:
            return self.long_date(start)
        first, last = self.long_date(start, weekday=False), self.long_date(end, weekday=False)
        if not first or not last:
            return first or self.long_date(start)
        if start[:7] == end[:7]:
            return f"{first.split(' ')[0]}–{last}"
        if start[:4] == end[:4]:
            first = first.rsplit(" ", 1)[0]
        return f"{first} – {last}"

    def quarter(self, value: str | None) -> str:
        """'2027-Q2' -> 'Q2 2027'; a date -> '9 Mar 2027'."""
        if not value:
            return ""
        found = quarter_of(value)
        if found:
            year, quarter = found
            return f"{self.get('timeline.quarter', q=quarter)} {year}"
        return self.words.short_date(value) or value

    def timing(self, start: str | None, end: str | None) -> str:
        """'Q2 2027 – Q4 2028': a narrow column breaks it after the dash, never inside a quarter."""
        first, last = self.quarter(start).replace(" ", "\u00a0"), self.quarter(end).replace(" ", "\u00a0")
        if first and last:
            return first if first == last else f"{first} – {last}"
        return first or last or self["no_dates"]
