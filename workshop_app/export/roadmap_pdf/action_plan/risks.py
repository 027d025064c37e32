"""The risk and assumptions matrix: every action's risks and assumptions as recorded, with its
code, title and lead, grouped by outcome (actions with neither are left out)."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf.lines import Piece
from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import (
    TITLE_LIMIT,
    group_row,
    heading,
    note,
    paged_table,
    styles,
)
from workshop_app.export.roadmap_pdf.table import cell_text

COLUMNS = (0.6, 2.4, 1.0, 3.0, 3.0)


NARROW_LIMIT = 800  # characters of a risk or an assumption in its quarter-width column


def risks_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    # Translators: a section of the plan: each action's risks and assumptions in a table
    story = heading(number, _("Risks and assumptions"), "risks")
    widths = column_widths(report.landscape_width, COLUMNS)
    inner = [width - 12 for width in widths]
    cell = styles()["cell"]
    titles = [_("Code"), _("Action"), _("Lead"), _("Risks"), _("Assumptions")]
    rows: list[TableRow] = []
    for outcome in report.roadmap.outcomes:
        found = [action for action in outcome.actions
                 if (action.node.get("risks") or "").strip() or (action.node.get("assumptions") or "").strip()]
        if not found:
            continue
        rows.append(group_row("", len(COLUMNS), Piece(labels.get("roadmap.outcome", code=outcome.code) + "   ",
                                                      bold=True), report.fit(outcome.title, TITLE_LIMIT, outcome.code)))
        for action in found:
            where = f"{action.code}, {{}}"
            rows.append(TableRow([action.code, cell_text(report.fit(action.title, TITLE_LIMIT, action.code), cell,
                                                         inner[1]),
                                  cell_text(action.lead.short if action.lead else "", cell, inner[2]),
                                  cell_text(report.fit(action.node.get("risks"), NARROW_LIMIT,
                                                       where.format(titles[3])), cell, inner[3]),
                                  cell_text(report.fit(action.node.get("assumptions"), NARROW_LIMIT,
                                                       where.format(titles[4])), cell, inner[4])]))
    if not rows:
        # Translators: the risk matrix of a road map whose actions record no risks or assumptions
        return story + [note(_("No action records risks or assumptions."))]
    story.append(paged_table(titles, rows, widths))
    return story + report.table_notes()
