"""The plan's sheets that come back: "Plan texts" (one row per section, with what goes there),
"Reference figures" and "Acronyms" (those the facilitator added; an organization's acronym
comes from the organization). models.roadmap.workbook.plan_sheets defines their columns and
reads them on import; this module gives them their look, in the export's language.

A text longer than a cell holds is written on as many rows as it needs, the next ones named
"Foreword (continued)": nothing is cut, and the import joins the rows again.
"""

from workshop_app.export.roadmap_workbook.contents import Contents
from workshop_app.export.roadmap_workbook.rows import LETTERS, CellStyles, SheetData, header_row, row_height
from workshop_app.export.workbook.styles import MUTED_COLOR, print_setup
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.workbook.plan_sheets import (
    ACRONYM_COLUMNS,
    FIGURE_COLUMNS,
    PLAN_TEXT_COLUMNS,
    figure_cell,
    piece_id,
    text_pieces,
)

_ID_COLOR = "7B8794"
_TEXT_WIDTHS = (26, 90, 44, 16)  # Section, Text, What goes there, ID
_FIGURE_WIDTHS = (5, 15, 50, 7, 50, 37)  # No., Figure, What it counts, Year, Source, ID
_ACRONYM_WIDTHS = (14, 70, 37)  # Acronym, Meaning, ID


def write_plan_texts(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    _widths(sheet, _TEXT_WIDTHS)
    data = SheetData(styles)
    header_row(data, [_(column.header) for column in PLAN_TEXT_COLUMNS])
    name_look, text_look = styles.get(bold=True, wrap=True), styles.get(wrap=True)
    prompt_look = styles.get(italic=True, color=MUTED_COLOR, wrap=True)
    id_look = styles.get(color=_ID_COLOR, size=9)
    wraps = [True, True, True, False]
    for section, (name, prompt) in v.PLAN_TEXTS.items():
        # Translators: a row of the workbook that carries on a text too long for one cell ("Foreword (continued)")
        continued = _("{section} (continued)", section=_(name))
        for number, piece in enumerate(text_pieces(contents.plan["texts"].get(section) or ""), start=1):
            values = [_(name) if number == 1 else continued, piece, _(prompt) if number == 1 else None,
                      piece_id(section, number)]
            data.add(list(zip(values, (name_look, text_look, prompt_look, id_look))),
                     height=row_height(values, _TEXT_WIDTHS, wraps))
    _set_up(sheet, contents, data, freeze="B2", columns=len(PLAN_TEXT_COLUMNS))
    return data


def write_figures(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    _widths(sheet, _FIGURE_WIDTHS)
    figures = contents.plan["figures"]
    whole = all(float(row["value"]).is_integer() for row in figures)
    data = SheetData(styles)
    header_row(data, [_(column.header) for column in FIGURE_COLUMNS], numeric={1}, centered={0, 3})
    looks = (styles.get(halign="center"), styles.get(number_format="#,##0" if whole else "#,##0.00"),
             styles.get(wrap=True), styles.get(halign="center"), styles.get(wrap=True),
             styles.get(color=_ID_COLOR, size=9))
    wraps = [False, False, True, False, True, False]
    for number, row in enumerate(figures, start=1):
        values = [number, figure_cell(row["value"]), row["counts"], row["year"], row["source"], row["id"]]
        data.add(list(zip(values, looks)), height=row_height(values, _FIGURE_WIDTHS, wraps))
    _set_up(sheet, contents, data, freeze="C2", columns=len(FIGURE_COLUMNS))
    return data


def write_acronyms(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    _widths(sheet, _ACRONYM_WIDTHS)
    data = SheetData(styles)
    header_row(data, [_(column.header) for column in ACRONYM_COLUMNS])
    looks = (styles.get(bold=True), styles.get(wrap=True), styles.get(color=_ID_COLOR, size=9))
    for row in contents.plan["acronyms"]:
        values = [row["acronym"], row["meaning"], row["id"]]
        data.add(list(zip(values, looks)), height=row_height(values, _ACRONYM_WIDTHS, [False, True, False]))
    _set_up(sheet, contents, data, freeze="B2", columns=len(ACRONYM_COLUMNS))
    return data


def _widths(sheet, widths) -> None:
    for index, width in enumerate(widths):
        sheet.column_dimensions[LETTERS[index]].width = width


def _set_up(sheet, contents: Contents, data: SheetData, *, freeze: str, columns: int) -> None:
    """Header frozen and repeated on every printed page, a filter over the table, and the ID
    column (the last) left off the paper."""
    last = max(data.row, 2)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{LETTERS[columns - 1]}{last}"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{LETTERS[columns - 2]}{last}"
    print_setup(sheet, contents.title_text(), country=contents.workshop["country"])
    sheet.print_options.gridLines = True
