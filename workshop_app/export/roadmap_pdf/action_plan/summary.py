"""The executive summary: the country's own words, the plan in figures, then the first year's
priorities drawn from the road map (the actions that start in the plan's first year, with their
leads). The figures are the budget section's totals per currency (the Roadmap content's
CurrencyTotals), so the two never disagree."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf import text
from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.action_plan.country_texts import country_text, title
from workshop_app.export.roadmap_pdf.content import Action
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import TITLE_LIMIT, heading, note, paged_table, styles, subheading
from workshop_app.export.roadmap_pdf.table import cell_text


def first_year_priorities(report: Report) -> tuple[int | None, list[Action]]:
    """The plan's first year (the earliest year an action starts) and the actions starting in
    it that are not dropped, in road-map order."""
    actions = [action for action in report.roadmap.actions if action.status != "dropped" and action.start]
    if not actions:
        return None, []
    first = min(int(action.start[:4]) for action in actions)
    return first, [action for action in actions if int(action.start[:4]) == first]


def summary_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    story = [*heading(number, title(report, "summary"), "summary"), *country_text(report, "summary"),
             *plan_in_figures(report)]
    year, actions = first_year_priorities(report)
    # Translators: a part of the executive summary: the actions that start in the plan's first year
    story += subheading(_("Priorities of the first year ({year})", year=year) if year else
                        _("Priorities of the first year"), keep=160)
    if not actions:
        return story + [note(_("No action of the road map has a start date yet."))]
    story.append(text.paragraph(labels.words.n("{count} action starts in the plan's first year.",
                                               "{count} actions start in the plan's first year.", len(actions)),
                                styles()["body"]))
    widths = column_widths(report.portrait_width, [0.7, 4.2, 1.3, 1.1])
    cell = styles()["cell"]
    rows = [TableRow([action.code,
                      cell_text(report.fit(action.title, TITLE_LIMIT, action.code), cell, widths[1] - 12),
                      cell_text(action.lead.short if action.lead else "", cell, widths[2] - 12),
                      labels.quarter(action.start)]) for action in actions]
    story.append(paged_table([_("Code"), _("Action"), _("Lead"), _("Start")], rows, widths))
    return story + report.table_notes()


def plan_in_figures(report: Report) -> list[Flowable]:
    """How many outcomes, outputs and actions (not dropped) the plan has; per currency, its
    estimated cost, the funding secured, the funding gap and the share funded."""
    labels = report.labels
    _ = labels.words
    roadmap = report.roadmap
    outputs = sum(len(outcome.outputs) for outcome in roadmap.outcomes)
    actions = sum(1 for action in roadmap.actions if action.counted)
    # Translators: a part of the executive summary: the plan's main numbers and its budget per currency
    story = subheading(_("The plan in figures"), keep=160)
    # Translators: how many outcomes the plan has
    counts = [labels.words.n("{count} outcome", "{count} outcomes", len(roadmap.outcomes)),
              labels.count("output", outputs), labels.count("action", actions)]
    story.append(text.paragraph(" · ".join(counts), styles()["body"]))
    totals = [total for total in roadmap.overall.values() if total.cost or total.funding_secured]
    if totals:
        titles = [labels["budget.cost"], labels["budget.secured"], labels["budget.gap"], labels["budget.funded"]]
        widths = column_widths(report.portrait_width, [1, 1, 1, 0.55])
        rows = [TableRow([labels.money(total.cost, total.currency),
                          labels.money(total.funding_secured, total.currency), labels.money(total.gap, total.currency),
                          labels.percent((total.cost - total.gap) / total.cost if total.cost else None)])
                for total in totals]
        story.append(paged_table(titles, rows, widths, right={0, 1, 2, 3}))
    elif actions:
        return story + [note(labels["budget.none"])]
    uncosted = sum(total.uncosted for total in roadmap.overall.values())
    if uncosted:
        # Translators: under the plan's figures in the executive summary
        story.append(note(labels.words.n("{count} action has no estimated cost yet and is not counted in these "
                                         "amounts.", "{count} actions have no estimated cost yet and are not "
                                         "counted in these amounts.", uncosted)))
    return story
