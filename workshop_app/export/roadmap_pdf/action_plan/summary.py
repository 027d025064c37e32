"""The executive summary: the country's own words, then the first year's priorities drawn from
the road map (the actions that start in the plan's first year, with their leads)."""

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
    story = [*heading(number, title(report, "summary"), "summary"), *country_text(report, "summary")]
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
