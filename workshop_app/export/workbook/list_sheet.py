"""A sheet that lists one thing a line (a participant, a session), as the participant and agenda
workbooks stream it: each column as wide as what it holds, within its bounds; each row as tall
as its wrapped text; the header row frozen, filtered and printed on every page. All of it is set
before the rows stream out: a write-only sheet takes no settings after its first row."""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from workshop_app import __version__
from workshop_app.export.files import written_atomically
from workshop_app.export.words import Words
from workshop_app.export.workbook.styles import HEADER_HEIGHT, LINE_HEIGHT, page_setup
from workshop_app.export.workbook.text import xlsx_text

# A column's (narrowest, widest) width in characters, and whether its long text wraps.
ColumnSetting = tuple[int, int, bool]
# About how many lines a wrapped cell shows: (value, column width in characters) -> lines.
LinesNeeded = Callable[[object, float], int]


@contextmanager
def streamed_workbook(path: Path | str, title: str) -> Iterator[Workbook]:
    """A workbook whose sheets stream their rows, titled `title`, saved to `path` (replaced only
    when complete) at the end of the block. The target is checked first: a write-only workbook
    that is never saved leaves its sheet writers hanging."""
    with written_atomically(path) as temporary:
        workbook = Workbook(write_only=True)
        workbook.properties.title = xlsx_text(title)
        workbook.properties.creator = f"Pathfinder Workshop {__version__}"
        yield workbook
        workbook.save(temporary)


def lay_out_list(sheet, headers: list[str], settings: list[ColumnSetting], lines: list[list], workshop: dict,
                 _: Words, lines_needed: LinesNeeded) -> None:
    """Size the columns and rows of a sheet whose `lines` (values in the order of `headers`)
    follow its header row, and set it up to be filtered and printed landscape."""
    widths = _fit_columns(sheet, headers, settings, lines)
    # LibreOffice does not grow wrapped rows when it opens a file, Excel does: each row gets an
    # estimated height of its own.
    sheet.row_dimensions[1].height = HEADER_HEIGHT
    wrapped = [(index, width) for index, (width, (_least, _most, wrap)) in enumerate(zip(widths, settings)) if wrap]
    for row, values in enumerate(lines, start=2):
        needed = max(lines_needed(values[index], width) for index, width in wrapped)
        if needed > 1:
            sheet.row_dimensions[row].height = needed * LINE_HEIGHT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(lines) + 1}"
    sheet.print_title_rows = "1:1"
    page_setup(sheet, workshop, _, landscape=True)
    sheet.print_options.gridLines = True


def _fit_columns(sheet, headers: list[str], settings: list[ColumnSetting], lines: list[list]) -> list[int]:
    """Each column as wide as its longest value or header, within its bounds. The header of a
    column at most 12 characters wide does not count: it wraps onto a second line instead."""
    widths = []
    for index, (header, (narrowest, widest, _wraps)) in enumerate(zip(headers, settings)):
        longest = max([len(header) if widest > 12 else 0, *(len(_shown(values[index])) for values in lines)])
        widths.append(min(max(longest + 2, narrowest), widest))
        sheet.column_dimensions[get_column_letter(index + 1)].width = widths[-1]
    return widths


def _shown(value) -> str:
    """About what a cell shows, to size its column."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return "Tue 9 Mar 2027"
    return str(value)
