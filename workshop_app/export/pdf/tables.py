"""Ruled tables for the workshop PDFs: the shared look, column widths from proportions, and a
long table that is laid out one page at a time.

reportlab's Table re-examines every remaining row at each page break (spans, no-split ranges,
heights), which is quadratic: a 2,000-name sign-in sheet took seconds per day. PagedTable
measures each row once and hands the frame one small Table per page. It can also end with blank
lines that fill the rest of its last page (walk-in lines on a sign-in sheet).
"""

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from workshop_app.export.pdf import sides
from workshop_app.export.pdf.styles import GROUP_FILL, HEADER_FILL, INK, RULE

PADDING = 3
FILL_LIMIT = 200  # blank lines at most, should a table be measured against a very tall space


def column_widths(total_width: float, proportions: Sequence[float],
                  minimums: Sequence[float] | None = None) -> list[float]:
    """Split total_width in the given proportions (they need not add up to 1), giving no column
    less than its minimum (e.g. a number column on portrait paper); the others share the rest."""
    minimums = list(minimums or [0] * len(proportions))
    fixed: dict[int, float] = {}
    while True:
        free = [index for index in range(len(proportions)) if index not in fixed]
        scale = (total_width - sum(fixed.values())) / sum(proportions[index] for index in free)
        short = [index for index in free if proportions[index] * scale < minimums[index]]
        if not short:
            break
        fixed.update({index: minimums[index] for index in short})
    return [fixed.get(index, proportions[index] * scale) for index in range(len(proportions))]


def content_width(column_width: float) -> float:
    """The width text may use inside a cell of this column."""
    return column_width - 2 * PADDING


def table_style(cell_style: ParagraphStyle, header_style: ParagraphStyle, *, header_rows: int = 1,
                group_rows: Iterable[int] = (), extra: Iterable[tuple] = ()) -> TableStyle:
    """Grid, shaded header rows, group heading rows spanning the table, and string cells drawn
    in the same font as paragraph cells (text.cell() leaves short plain text as strings)."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), cell_style.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), cell_style.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell_style.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), header_style.fontName),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    for row in group_rows:
        commands += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), GROUP_FILL)]
    commands += list(extra)
    return TableStyle(commands)


@dataclass
class TableRow:
    cells: list  # strings and flowables, one per column
    group: bool = False  # a heading spanning the table, never left alone at the foot of a page
    min_height: float = 0  # e.g. room to sign
    # Cells from this column on make one cell to the table's end (an action's details under it).
    span: int | None = None
    attached: bool = False  # kept on the page of the row before it, when the two fit on one


def rows_that_fit(rows: list[TableRow], heights: list[float], room: float) -> int:
    """How many of the rows go on a page with `room` points left under the header: as many as
    fit, less any group heading that would be left alone at the foot, and less a row whose
    attached row does not fit (unless that row is the only one: a pair taller than a page
    still has to be printed, over two)."""
    count, used = 0, 0.0
    while count < len(rows) and used + heights[count] <= room:
        used += heights[count]
        count += 1
    while 1 < count < len(rows) and rows[count].attached:
        count -= 1
    while count and rows[count - 1].group:
        count -= 1
    return count


@dataclass(frozen=True)
class FillRows:
    """Blank lines that end a table by filling the rest of its last page: `row(index)` builds
    line index (0, 1, …), and at least `minimum` of them are printed; when fewer fit after the
    last row, they start a new page (with any group heading just before them) and fill it."""
    row: Callable[[int], TableRow]
    minimum: int = 1


class PagedTable(Flowable):
    """A table of any length; its header row is repeated on every page it reaches.

    Rows are never cut in two: a single row taller than a whole page cannot be laid out
    (reportlab raises LayoutError), so callers keep cell text to a sensible length.
    """

    def __init__(self, header: list, rows: list[TableRow], widths: list[float], cell_style: ParagraphStyle,
                 header_style: ParagraphStyle, _heights: list[float] | None = None, *,
                 fill: FillRows | None = None):
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = widths
        self.cell_style = cell_style
        self.header_style = header_style
        self.fill = fill
        self._heights = _heights
        self._filled: list[TableRow] = []  # the blank lines this page has room for

    def again(self) -> "PagedTable":
        """The same table as a new flowable (rows measured once), e.g. the same list on each
        day's sheet: a flowable is consumed by the page it is laid out on."""
        return PagedTable(self.header, self.rows, self.widths, self.cell_style, self.header_style,
                          self._row_heights(), fill=self.fill)

    # ------------------------------------------------------------------ Flowable protocol

    def wrap(self, available_width, available_height):
        self.width = sum(self.widths)
        self.height = self._header_height() + sum(self._row_heights())
        self._filled = []
        if self.fill is not None:
            # A point spare: our measure and reportlab's may differ by a rounding.
            count = min(max(self._fill_count(available_height - self.height - 1), self.fill.minimum), FILL_LIMIT)
            self._filled = [self.fill.row(index) for index in range(count)]
            self.height += count * self._fill_height()
        return self.width, self.height

    def split(self, available_width, available_height):
        heights = self._row_heights()
        count = rows_that_fit(self.rows, heights, available_height - self._header_height())
        if self.fill is not None and count == len(self.rows):
            # Every row fits, but not the least of the blank lines: they go over with their heading.
            while count and self.rows[count - 1].group:
                count -= 1
        # Our measure should equal reportlab's; should it not, the real table decides.
        while count:
            page = self._table(self.rows[:count])
            if page.wrap(available_width, available_height)[1] <= available_height:
                break
            count -= 1
        if count == 0:
            return []  # nothing fits here: the frame moves on to a new page
        parts: list[Flowable] = [self._table(self.rows[:count])]
        if count < len(self.rows) or self.fill is not None:
            parts.append(PagedTable(self.header, self.rows[count:], self.widths, self.cell_style,
                                    self.header_style, heights[count:], fill=self.fill))
        return parts

    def draw(self):
        table = self._table(self.rows + self._filled)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def _fill_height(self) -> float:
        return self._measure(self.fill.row(0), self.cell_style)

    def _fill_count(self, room: float) -> int:
        return max(math.floor(room / self._fill_height()), 0)

    # ------------------------------------------------------------------ building and measuring

    def _table(self, rows: list[TableRow]) -> Table:
        groups = [index + 1 for index, row in enumerate(rows) if row.group]
        return sides.table([self.header, *(row.cells for row in rows)], self.widths,
                           table_style(self.cell_style, self.header_style, group_rows=groups),
                           minRowHeights=[0, *(row.min_height for row in rows)])

    def _header_height(self) -> float:
        return self._measure(TableRow(self.header), self.header_style)

    def _row_heights(self) -> list[float]:
        if self._heights is None:
            self._heights = [self._measure(row, self.cell_style) for row in self.rows]
        return self._heights

    def _measure(self, row: TableRow, style: ParagraphStyle) -> float:
        """The height reportlab's Table gives this row (cell content plus padding)."""
        tallest = 0.0
        cells = row.cells[:1] if row.group else row.cells
        widths = [sum(self.widths)] if row.group else self.widths
        for cell, width in zip(cells, widths):
            if isinstance(cell, Flowable):
                height = cell.wrap(content_width(width), 1e6)[1]
            else:
                height = style.leading * (str(cell).count("\n") + 1) if cell not in (None, "") else style.leading
            tallest = max(tallest, height)
        return max(tallest + 2 * PADDING, row.min_height)
