"""The reference figures the context cites, as tiles: the number as the export's language says
it, what it counts, then its year and source. They are the facilitator's (edited on the Overview
page), so a report printed in 2027 cites what the workshop chose, not what the program knew."""

from reportlab.lib import colors
from reportlab.platypus import Flowable

from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.tables import table_style
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.front import figure as big_figure
from workshop_app.export.roadmap_pdf.page import ACCENT, ACCENT_LIGHT
from workshop_app.export.roadmap_pdf.styles import note, spacer, styles
from workshop_app.models.plan.figures import figure_text

PER_ROW = 3
GAP = 6


def figure_tiles(report: Report) -> list[Flowable]:
    _ = report.labels.words
    found = styles()
    figures = report.roadmap.plan.get("figures", [])
    if not figures:
        # Translators: where the context would cite reference figures and the workshop has none
        return [note(_("The workshop cites no reference figures."))]
    tile_width = (report.portrait_width - (PER_ROW - 1) * GAP) / PER_ROW
    rows = []
    for start in range(0, len(figures), PER_ROW):
        cells: list = []
        for figure in figures[start:start + PER_ROW]:
            number, _space, unit = figure_text(figure["value"], report.labels.words.language).partition("\u00a0")
            if not unit:
                number, _space, unit = number.partition(" ")
            cells.append([big_figure(number, unit),
                          spacer(3), text.paragraph(report.fit(figure["counts"], 300, number), found["figure_text"]),
                          spacer(4), text.paragraph(_source(report, figure, number), found["source"])])
            cells.append("")
        cells = cells[:-1] + [""] * (2 * PER_ROW - 1 - len(cells[:-1]))
        rows.append(cells)
    widths = [tile_width if index % 2 == 0 else GAP for index in range(2 * PER_ROW - 1)]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 9),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("LEFTPADDING", (0, 0), (-1, -1), 9),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("LINEBELOW", (0, 0), (-1, -2), GAP, colors.white)]
    for index in range(len(figures)):
        row, column = divmod(index, PER_ROW)
        commands += [("BACKGROUND", (2 * column, row), (2 * column, row), ACCENT_LIGHT),
                     ("LINEABOVE", (2 * column, row), (2 * column, row), 2.5, ACCENT)]
    return [sides.table(rows, widths, table_style(found["cell"], found["header_cell"], header_rows=0,
                                                  extra=commands)), *report.table_notes()]


def _source(report: Report, figure: dict, number: str) -> str:
    _ = report.labels.words
    # A tile cannot go on over a page: a long citation goes on in a note under the tiles.
    source = report.fit(figure["source"].strip(), 300, number)
    if figure["year"] and source:
        # Translators: under a reference figure: its year, then where it comes from
        return _("{year} · {source}", year=figure["year"], source=source)
    return str(figure["year"] or "") or source
