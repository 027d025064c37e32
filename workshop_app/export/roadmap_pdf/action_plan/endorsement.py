"""The endorsement page: who validated the plan, when and by which decision, then one signature
block per signatory (a line to sign on, the name and title under it, and the date)."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Table, TableStyle

from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.fonts import BODY_FONT
from workshop_app.export.pdf.styles import RULE
from workshop_app.export.roadmap_pdf.action_plan.country_texts import country_text, title, to_be_completed, written
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import heading, spacer, styles

ROOM_TO_SIGN = 22 * mm
PER_ROW = 2


def signatories(report: Report) -> list[str]:
    return [line.strip() for line in written(report, "signatories").splitlines() if line.strip()]


def endorsement_page(report: Report, number: str) -> list[Flowable]:
    story = [*heading(number, title(report, "endorsement"), "endorsement"), *country_text(report, "endorsement")]
    people = signatories(report)
    if not people:
        return [*story, spacer(8), to_be_completed(report, "signatories")]
    return [*story, spacer(14), signature_blocks(report, people), *report.table_notes()]


def signature_blocks(report: Report, people: list[str]) -> Table:
    _ = report.labels.words
    found = styles()
    gap = 12 * mm
    width = (report.portrait_width - gap) / PER_ROW
    cells: list[list] = []
    for start in range(0, len(people), PER_ROW):
        row: list = []
        for person in people[start:start + PER_ROW]:
            name, _comma, rest = person.partition(",")
            # A block cannot go on over a page: a very long name or title goes on in a note below.
            name = report.fit(name.strip(), 200, name.strip()[:40])
            block = [spacer(ROOM_TO_SIGN), HRFlowable(width="100%", thickness=0.8, color=RULE, spaceAfter=4),
                     text.paragraph(name, found["cell_bold"])]
            if rest.strip():
                block.append(text.paragraph(report.fit(rest.strip(), 400, name[:40]), found["cell"]))
            # Translators: under a signature line, the date it was signed is written by hand
            block += [spacer(6), text.paragraph(_("Date: ____________________"), found["cell_muted"])]
            row += [block, ""]
        row = (row[:-1] + ["", "", ""])[:2 * PER_ROW - 1]
        cells.append(row)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 18)]
    return sides.table(cells, [width, gap, width][:2 * PER_ROW - 1], TableStyle(commands))
