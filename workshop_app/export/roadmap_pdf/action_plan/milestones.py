"""The M&E plan's calendar: the indicators' targets by the year they are due, and every action
that is not dropped by the quarter (or day) it is due to end, so that the steering committee
knows what to ask for at each review."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import TITLE_LIMIT, group_row, paged_table, styles, subheading
from workshop_app.export.roadmap_pdf.table import cell_text


def milestones(report: Report) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    due = sorted((action for action in report.roadmap.actions if action.status != "dropped" and action.end),
                 key=lambda action: (action.end, action.code))
    if not due:
        return []
    widths = column_widths(report.landscape_width, [0.6, 5, 1.2, 1])
    cell = styles()["cell"]
    rows: list[TableRow] = []
    year = None
    for action in due:
        if action.end[:4] != year:
            year = action.end[:4]
            rows.append(group_row(year, 4))
        title = report.fit(action.title, TITLE_LIMIT, action.code)
        rows.append(TableRow([action.code, cell_text(title, cell, widths[1] - 12),
                              cell_text(action.lead.short if action.lead else "", cell, widths[2] - 12),
                              labels.quarter(action.end)]))
    # Translators: a part of the plan's M&E section: each action by the quarter it is due to end
    return [*subheading(_("Milestones"), keep=160),
            paged_table([_("Code"), _("Action"), _("Lead"), _("Due")], rows, widths), *report.table_notes()]


def targets_by_year(report: Report) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    due = []
    for outcome in report.roadmap.outcomes:
        for code, indicators in [(outcome.code, outcome.indicators),
                                 *[(output.code, output.indicators) for output in outcome.outputs]]:
            due += [(indicator["target_year"], code, indicator) for indicator in indicators
                    if indicator.get("target_year")]
    if not due:
        return []
    widths = column_widths(report.landscape_width, [0.6, 3.6, 1.6, 1.4])
    cell = styles()["cell"]
    # Translators: the columns of the plan's targets by year: what is measured, the value due, who measures it
    titles = [_("Code"), _("Indicator"), _("Target"), _("Collected by")]
    rows: list[TableRow] = []
    year = None
    for target_year, code, indicator in sorted(due, key=lambda entry: entry[0]):
        if target_year != year:
            year = target_year
            rows.append(group_row(str(year), len(titles)))
        where = [f"{code}, {title}" for title in titles]
        rows.append(TableRow([code, cell_text(report.fit(indicator["title"], 800, where[1]), cell, widths[1] - 12),
                              cell_text(report.fit(indicator["target_value"], 300, where[2]), cell, widths[2] - 12),
                              cell_text(report.fit(indicator["collected_by"], 200, where[3]), cell,
                                        widths[3] - 12)]))
    # Translators: a part of the plan's M&E section: the indicators' targets grouped by the year they are due
    return [*subheading(_("Targets by year"), keep=160), paged_table(titles, rows, widths), *report.table_notes()]
