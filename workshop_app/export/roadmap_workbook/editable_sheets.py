"""The two sheets that come back: "Road map" (one row per item, goal to actions, grouped by
outcome) and "Indicators" (the M&E framework). models.roadmap.workbook reads them on import by
the columns it defines (ROADMAP_COLUMNS, INDICATOR_COLUMNS); this module gives them their look,
and their headers in the export's language (the import reads back the English ones).
"""

from openpyxl.worksheet.properties import Outline

from workshop_app.export.roadmap_workbook.contents import Contents
from workshop_app.export.roadmap_workbook.lists import Lists, add_roadmap_drop_downs
from workshop_app.export.roadmap_workbook.rows import (
    LETTERS,
    LEVEL_FILLS,
    LEVEL_INDENT,
    LEVEL_OUTLINE,
    CellStyles,
    SheetData,
    fit_columns,
    header_row,
    row_height,
)
from workshop_app.export.workbook.styles import print_setup
from workshop_app.i18n.catalogs import N_
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.workbook.columns import (
    INDICATOR_COLUMNS,
    INDICATOR_PRINTED,
    ROADMAP_COLUMNS,
    ROADMAP_PRINTED,
    format_value,
)

# (narrowest, widest) in characters, and whether long text wraps, per Road map column, by its
# English header (which the catalogs translate).
_ROADMAP_WIDTHS = {
    # Translators: a column header: goal, outcome, output or action.
    N_("Level"): (9, 9, False),
    # Translators: a column header: the code of an item of the road map ("1.2.3").
    N_("Code"): (7, 8, False),
    # Translators: a column header: the title of an item of the road map (goal, outcome, output, action).
    N_("Title"): (36, 56, True),
    N_("Lead organization"): (20, 32, True), N_("Partners"): (22, 36, True),
    # Translators: a column header: the quarter or day an action starts.
    N_("Start"): (9, 11, False),
    # Translators: a column header: the quarter or day an action ends.
    N_("End"): (9, 11, False),
    N_("Status"): (11, 11, False), N_("Cost"): (11, 14, False), N_("Currency"): (9, 9, False),
    N_("Funding secured"): (11, 14, False), N_("Funding gap"): (11, 14, False),
    # Translators: a column header: who pays for an action, how much and in which year
    N_("Funding sources"): (22, 36, True), N_("Gender marker"): (8, 8, False),
    N_("Action Group"): (14, 20, True), N_("Target 8.7 issues"): (16, 26, True), N_("Pillars"): (13, 24, True),
    N_("SDGs"): (8, 12, False), N_("Geographic scope"): (12, 22, True), N_("Description"): (30, 70, True),
    N_("Risks"): (24, 40, True), N_("Assumptions"): (24, 40, True), N_("Comments"): (24, 40, True),
    # Translators: a column header: the identifier that matches a row with its item on import.
    N_("ID"): (37, 37, False),
}
_INDICATOR_WIDTHS = {
    N_("Code"): (7, 8, False),
    # Translators: a column header: the outcome or output an indicator measures.
    N_("Result"): (28, 40, True),
    # Translators: a column header: the indicator's number among its result's indicators.
    N_("No."): (5, 5, False),
    N_("Indicator"): (34, 50, True), N_("Unit"): (10, 18, True), N_("Baseline"): (12, 24, True),
    N_("Baseline year"): (9, 9, False), N_("Target"): (12, 24, True), N_("Target year"): (8, 8, False),
    N_("Disaggregation"): (14, 30, True), N_("Means of verification"): (18, 34, True),
    N_("Collected by"): (14, 26, True), N_("Frequency"): (11, 20, True), N_("ID"): (37, 37, False),
}


def write_roadmap(sheet, styles: CellStyles, contents: Contents, lists: Lists) -> SheetData:
    _ = contents.words
    columns = ROADMAP_COLUMNS
    headers = [_(column.header) for column in columns]
    settings = [_ROADMAP_WIDTHS[column.header] for column in columns]
    wraps = [wrap for _narrowest, _widest, wrap in settings]
    lines = []
    for node_id in contents.order:
        record = contents.nodes[node_id]
        is_action = record["level"] == "action"
        lines.append((record["level"], [None if column.action_only and not is_action
                                        else format_value(column.kind, record.get(column.field), contents.names,
                                                          contents.words)
                                        for column in columns]))
    widths = fit_columns(sheet, headers, settings, [values for _level, values in lines])

    amounts = [i for i, c in enumerate(columns) if c.kind == "amount"]
    fractional = any(isinstance(values[i], float) and not values[i].is_integer()
                     for _level, values in lines for i in amounts)
    amount_format = "#,##0.00" if fractional else "#,##0"
    numeric = {i for i, column in enumerate(columns) if column.kind == "amount"}
    centered = {i for i, column in enumerate(columns) if column.kind in ("marker", "currency")}
    looks = {}
    for level in v.NODE_LEVELS:
        fill = LEVEL_FILLS.get(level)
        heading = level != "action"
        color = "FFFFFF" if level == "goal" else None
        row_looks = []
        for index, column in enumerate(columns):
            if column.kind == "id":
                row_looks.append(styles.get(color="7B8794", size=9, fill=fill))
                continue
            row_looks.append(styles.get(
                bold=heading and column.kind in ("title", "level", "code"), color=color, fill=fill, wrap=wraps[index],
                indent=LEVEL_INDENT[level] if column.kind == "title" else 0,
                number_format=amount_format if column.kind == "amount" else (
                    "yyyy-mm-dd" if column.kind == "period" else None),
                halign="center" if column.kind in ("marker", "currency") else None))
        looks[level] = row_looks

    data = SheetData(styles)
    header_row(data, headers, numeric, centered=centered)
    for level, values in lines:
        data.add([(value, style) for value, style in zip(values, looks[level])],
                 height=row_height(values, widths, wraps, ROADMAP_PRINTED, bold=level != "action"),
                 outline=LEVEL_OUTLINE[level])

    # The header, level, code and title stay in view.
    _set_up_table(sheet, contents, freeze="D2", columns=len(columns), printed=ROADMAP_PRINTED, rows=data.row,
                  outline_levels=2)
    add_roadmap_drop_downs(sheet, lists, {column.header: index for index, column in enumerate(columns)}, data.row,
                           contents)
    return data


def write_indicators(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    columns = INDICATOR_COLUMNS
    headers = [_(column.header) for column in columns]
    settings = [_INDICATOR_WIDTHS[column.header] for column in columns]
    wraps = [wrap for _narrowest, _widest, wrap in settings]
    lines = []
    for indicator in contents.indicators.values():
        node = contents.nodes.get(indicator["node_id"], {})
        lines.append((node.get("level"), indicator["node_id"],
                      [format_value(column.kind, indicator.get(column.field), contents.names, contents.words)
                       for column in columns]))
    widths = fit_columns(sheet, headers, settings, [values for _level, _node, values in lines])
    centered = {i for i, column in enumerate(columns) if column.kind in ("number", "year")}

    def looks(first: bool) -> list[int]:
        return [styles.get(color="7B8794", size=9, top=first) if column.kind == "id" else
                styles.get(wrap=wraps[i], top=first, halign="center" if column.kind in ("number", "year") else None,
                           bold=column.field in ("node_code", "result") and first,
                           color="7B8794" if column.field in ("node_code", "result") and not first else None)
                for i, column in enumerate(columns)]

    first_looks, next_looks = looks(True), looks(False)
    data = SheetData(styles)
    header_row(data, headers, centered=centered)
    previous = None
    for level, node_id, values in lines:
        style = first_looks if node_id != previous else next_looks
        previous = node_id
        data.add([(value, look) for value, look in zip(values, style)],
                 height=row_height(values, widths, wraps, bold=style is first_looks),
                 outline=1 if level == "output" else 0)
    _set_up_table(sheet, contents, freeze="B2", columns=len(columns), printed=INDICATOR_PRINTED, rows=data.row,
                  outline_levels=1)
    return data


def _set_up_table(sheet, contents: Contents, *, freeze: str, columns: int, printed: int, rows: int,
                  outline_levels: int) -> None:
    """Header frozen at `freeze` and repeated on every printed page, a filter over all
    `columns`, only the first `printed` columns printed, rows grouped under their parents."""
    last = max(rows, 2)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = f"A1:{LETTERS[columns - 1]}{last}"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{LETTERS[printed - 1]}{last}"
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    sheet.sheet_format.outlineLevelRow = outline_levels
    print_setup(sheet, contents.title_text(), country=contents.workshop["country"])
    sheet.print_options.gridLines = True
