"""The list of acronyms: the organizations' and those the facilitator added."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import heading, note, paged_table, styles
from workshop_app.export.roadmap_pdf.table import cell_text


def has_acronyms(report: Report) -> bool:
    return bool(report.roadmap.plan.get("acronyms"))


def acronyms_section(report: Report, number: str) -> list[Flowable]:
    _ = report.labels.words
    story = heading(number, _("Acronyms"), "acronyms")
    found = report.roadmap.plan.get("acronyms", [])
    if not found:
        return story + [note(_("No organization of the workshop has an acronym, and none was added."))]
    widths = column_widths(report.portrait_width, [1, 4])
    bold, cell = styles()["cell_bold"], styles()["cell"]
    rows = [TableRow([cell_text(acronym, bold, widths[0] - 12),
                      cell_text(report.fit(meaning, 1500, acronym), cell, widths[1] - 12)])
            for acronym, meaning in found]
    # Translators: the headers of the list of acronyms
    story.append(paged_table([_("Acronym"), _("Meaning")], rows, widths))
    return story + report.table_notes()
