"""The pictures of the road-map PDF: participation by category and sex, funding per currency
(reportlab graphics Drawings), the Gantt timeline by quarter (a flowable that continues on the
next page instead of shrinking), and two small cell flowables (a status chip, a right-aligned
amount).

Colours are the Okabe-Ito set the window uses, told apart with common colour-vision
deficiencies and in greyscale by their lightness. Text in drawings is ours (labels, numbers);
user text (the Gantt's row labels) arrives as a string or a flowable made by
table.cell_text (escaped and shaped by the engine where its script needs it). Our labels are in
the export's language: those NotoSans cannot print alone (Arabic) are drawn by the engine's
shaper (canvas_text), the others as plain strings.
"""

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from workshop_app.export.pdf import sides
from workshop_app.export.pdf.fonts import BODY_FONT, BOLD_FONT, needs_shaping
from workshop_app.export.pdf.styles import INK, MUTED, RULE
from workshop_app.export.roadmap_pdf.canvas_text import draw_text, text_width

# The smallest type an amount shrinks to in a narrow column: still legible in print.
SMALLEST_NUMBER = 4.5


def fitted_size(size: float, natural_width: float, width: float) -> float:
    """The type size at which text `natural_width` wide at `size` fits `width` (a little to
    spare for rounding), never above `size` nor below SMALLEST_NUMBER."""
    if natural_width <= 0 or width <= 0:
        return size
    return max(SMALLEST_NUMBER, min(size, size * width / natural_width * 0.97))


SEX_COLOURS = {"female": colors.HexColor("#E69F00"), "male": colors.HexColor("#0072B2"),
               "other": colors.HexColor("#009E73"), "not_stated": colors.HexColor("#BBBBBB")}
# (fill, outline) per action status
STATUS_COLOURS = {
    "proposed": (colors.HexColor("#cfe4f4"), colors.HexColor("#3d8cc4")),
    "agreed": (colors.HexColor("#0072B2"), colors.HexColor("#005a8c")),
    "in_progress": (colors.HexColor("#E69F00"), colors.HexColor("#b97f00")),
    "done": (colors.HexColor("#009E73"), colors.HexColor("#007a59")),
    "dropped": (colors.HexColor("#d9d9d9"), colors.HexColor("#a6a6a6")),
}
SECURED = colors.HexColor("#0072B2")
GAP = colors.HexColor("#cfe4f4")
GRID = colors.HexColor("#e4e7eb")
YEAR_SHADE = colors.HexColor("#f5f7fa")
GROUP_SHADE = colors.HexColor("#e8eef5")


# ---------------------------------------------------------------------- drawings

_OTHER_END = {"start": "end", "end": "start"}


class _Chart(Drawing):
    """A drawing whose labels NotoSans cannot print alone are drawn over it by draw_text
    (reportlab's graphics strings are neither shaped nor laid out right to left)."""

    def __init__(self, width: float, height: float):
        super().__init__(width, height, initialFontName=BODY_FONT)
        self._shaped: list[tuple] = []

    def label(self, x: float, y: float, value: str, *, font: str = BODY_FONT, size: float = 8, color=INK,
              anchor: str = "start") -> None:
        if needs_shaping(value):
            self._shaped.append((value, x, y, font, size, color, anchor))
        else:
            self.add(String(x, y, value, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor))

    def for_page(self) -> "_Chart":
        """The chart as drawn on this document's page: on a right-to-left page every shape at
        the mirror of its place (labels on the right, bars growing leftwards, the legend read
        from the right), each label anchored at its other end; the letters are not mirrored."""
        if not sides.right_to_left():
            return self
        width = self.width
        for shape in self.contents:
            if isinstance(shape, Rect):
                shape.x = width - shape.x - shape.width
            elif isinstance(shape, String):
                shape.x = width - shape.x
                shape.textAnchor = _OTHER_END.get(shape.textAnchor, shape.textAnchor)
            elif isinstance(shape, Line):
                shape.x1, shape.x2 = width - shape.x1, width - shape.x2
        self._shaped = [(value, width - x, y, font, size, color, _OTHER_END.get(anchor, anchor))
                        for value, x, y, font, size, color, anchor in self._shaped]
        return self

    def draw(self):
        super().draw()
        for value, x, y, font, size, color, anchor in self._shaped:
            draw_text(self.canv, value, x, y, font=font, size=size, color=color, anchor=anchor)


# ---------------------------------------------------------------------- cells

class StatusChip(Flowable):
    """A coloured square and the status's name, for the matrix's status column."""

    def __init__(self, status: str, label: str, size: float = 8):
        super().__init__()
        self.status = status
        self.label = label
        self.size = size

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = 10.5  # one line of the table's cells, so that the baselines agree
        return available_width, self.height

    def draw(self):
        fill, stroke = STATUS_COLOURS.get(self.status, STATUS_COLOURS["proposed"])
        side = self.size * 0.8
        baseline = self.height - 8.5
        canvas = self.canv
        canvas.setFillColor(fill)
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(0.6)
        canvas.rect(sides.flip(0, side, 0, self.width), baseline - 0.3, side, side, stroke=1, fill=1)
        draw_text(canvas, self.label, sides.flip(side + 3, 0, 0, self.width), baseline, font=BODY_FONT, size=self.size,
                  anchor=sides.anchor("start"))


class Amount(Flowable):
    """A sum of money (or a count, or "not costed") right-aligned in its cell; on two lines
    (currency, then number) when the column is too narrow for one."""

    def __init__(self, value: str, *, size: float = 8.5, leading: float = 10.5, bold: bool = False,
                 muted: bool = False):
        super().__init__()
        self.value = value
        self.size = size
        self.leading = leading
        self.font = BOLD_FONT if bold else BODY_FONT
        self.muted = muted
        self.lines = [value]
        self.drawn_size, self.drawn_leading = size, leading

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.lines = [self.value]
        if text_width(self.value, self.font, self.size) > available_width and " " in self.value:
            self.lines = self.value.split(" ", 1)
        # A number still wider than its column (a budget in dong or rupiah runs to 15 digits) is
        # set smaller, never drawn over the next column.
        widest = max(text_width(line, self.font, self.size) for line in self.lines)
        self.drawn_size = fitted_size(self.size, widest, available_width)
        self.drawn_leading = self.leading * self.drawn_size / self.size
        self.height = self.drawn_leading * len(self.lines)
        return available_width, self.height

    def draw(self):
        y = self.drawn_leading * len(self.lines) - self.drawn_size
        color = MUTED if self.muted else INK
        for line in self.lines:
            draw_text(self.canv, line, self.width, y, font=self.font, size=self.drawn_size, color=color, anchor="end")
            y -= self.drawn_leading


# ---------------------------------------------------------------------- participation chart

@dataclass
class ChartRow:
    label: str
    counts: dict[str, int]  # sex key -> number


def participation_chart(rows: list[ChartRow], sexes: dict[str, str], width: float) -> Drawing:
    """Horizontal bars, one per organization category, divided by sex, with a legend above."""
    label_width = min(170.0, width * 0.34)
    bar_height, gap, legend_height = 11.0, 5.0, 20.0
    height = legend_height + len(rows) * (bar_height + gap) + 14
    drawing = _Chart(width, height)
    largest = max((sum(row.counts.values()) for row in rows), default=0) or 1
    number_room = 30.0
    scale = (width - label_width - number_room) / largest
    x = label_width
    for sex, label in sexes.items():  # legend
        drawing.add(Rect(x, height - 11, 8, 8, fillColor=SEX_COLOURS[sex], strokeColor=None))
        drawing.label(x + 11, height - 10, label)
        x += 11 + text_width(label, BODY_FONT, 8) + 14
    y = height - legend_height - bar_height
    for row in rows:
        drawing.label(label_width - 6, y + 2.5, row.label, anchor="end")
        x = label_width
        for sex in sexes:
            count = row.counts.get(sex, 0)
            if not count:
                continue
            length = count * scale
            drawing.add(Rect(x, y, length, bar_height, fillColor=SEX_COLOURS[sex], strokeColor=colors.white,
                             strokeWidth=0.5))
            label = str(count)
            if stringWidth(label, BODY_FONT, 7) + 4 <= length:
                dark = sex in ("male", "other")
                drawing.add(String(x + length / 2, y + 3, label, fontName=BODY_FONT, fontSize=7,
                                   fillColor=colors.white if dark else INK, textAnchor="middle"))
            x += length
        drawing.add(String(x + 4, y + 2.5, str(sum(row.counts.values())), fontName=BOLD_FONT, fontSize=8,
                           fillColor=INK))
        y -= bar_height + gap
    axis_x = label_width
    drawing.add(Line(axis_x, y + bar_height + gap - 2, axis_x, height - legend_height + 2, strokeColor=RULE,
                     strokeWidth=0.6))
    return drawing.for_page()


# ---------------------------------------------------------------------- funding chart

@dataclass
class FundingRow:
    label: str  # e.g. "USD"
    cost: float
    secured: float
    caption: str  # "USD 1,200,000 secured of 3,400,000 (35%)"


CAPTION_OVERHANG = 36.0  # points a funding caption may reach past its bar: less than the page's margin


def funding_chart(rows: list[FundingRow], width: float) -> Drawing:
    """Per currency, a bar of the whole estimated cost: secured part dark, gap light."""
    label_width, bar_height, gap = 44.0, 12.0, 18.0
    height = len(rows) * (bar_height + gap) + 4
    drawing = _Chart(width, height)
    bar_width = width - label_width
    y = height - bar_height - 12
    for row in rows:
        drawing.label(0, y + 3, row.label, font=BOLD_FONT, size=9)
        drawing.add(Rect(label_width, y, bar_width, bar_height, fillColor=GAP, strokeColor=None))
        share = min(1.0, row.secured / row.cost) if row.cost else 0.0
        if share:
            drawing.add(Rect(label_width, y, bar_width * share, bar_height, fillColor=SECURED, strokeColor=None))
        # Smaller where a language writes the caption longer, rather than past the page's edge:
        # it may run into the margin (English does on Letter paper), never beyond.
        size = 7.5
        while size > 5.5 and text_width(row.caption, BODY_FONT, size) > bar_width + CAPTION_OVERHANG:
            size -= 0.25
        drawing.label(label_width, y + bar_height + 3, row.caption, size=size, color=MUTED)
        y -= bar_height + gap
    return drawing.for_page()


# ---------------------------------------------------------------------- Gantt timeline

@dataclass
class GanttRow:
    code: str
    label: object  # str (one line, plain) or Paragraph
    group: bool = False  # an outcome band
    subgroup: bool = False  # an output line
    start: int | None = None  # quarter indexes, inclusive
    end: int | None = None
    status: str = "proposed"
    height: float = 0.0


class GanttChart(Flowable):
    """Actions as bars over the quarters [first, last]. Laid out one page at a time: the legend
    and the year/quarter header repeat on every page, rows are never cut and a page never ends
    on an outcome band. On a right-to-left page the labels are on the right and time runs
    leftwards, as the page is read."""

    LEGEND = 16.0
    HEADER = 26.0
    CODE_WIDTH = 34.0

    def __init__(self, rows: list[GanttRow], first: int, last: int, label_width: float,
                 legend: list[tuple[str, str]], quarter_label: str, label_style, group_style,
                 quarter_width: float | None = None):
        super().__init__()
        self.quarter_width = quarter_width  # the same on every page of a long timeline
        self.rows = rows
        self.first = first
        self.last = last
        self.label_width = label_width
        self.legend = legend  # (status key, label)
        self.quarter_label = quarter_label  # "Q{q}"
        self.label_style = label_style
        self.group_style = group_style

    def _part(self, rows: list[GanttRow]) -> "GanttChart":
        return GanttChart(rows, self.first, self.last, self.label_width, self.legend, self.quarter_label,
                          self.label_style, self.group_style, self.quarter_width)

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = self.LEGEND + self.HEADER + sum(self._height(row) for row in self.rows)
        return self.width, self.height

    def _height(self, row: GanttRow) -> float:
        if not row.height:
            text_width = self.label_width - self.CODE_WIDTH - 4
            style = self.group_style if (row.group or row.subgroup) else self.label_style
            if isinstance(row.label, Flowable):
                lines = row.label.wrap(text_width, 1e6)[1]
            else:
                lines = style.leading
            row.height = lines + (6 if row.group else 4)
        return row.height

    def split(self, available_width, available_height):
        room = available_height - self.LEGEND - self.HEADER
        count, used = 0, 0.0
        while count < len(self.rows) and used + self._height(self.rows[count]) <= room:
            used += self._height(self.rows[count])
            count += 1
        while count and (self.rows[count - 1].group or self.rows[count - 1].subgroup):
            count -= 1
        if count == 0:
            return []
        if count == len(self.rows):
            return [self]
        return [self._part(self.rows[:count]), self._part(self.rows[count:])]

    # ------------------------------------------------------------------ drawing

    def _x(self, x: float, width: float = 0) -> float:
        """Where something placed at `x` on a left-to-right chart goes on this page."""
        return sides.flip(x, width, 0, self.width)

    def _string(self, canvas, x: float, y: float, value: str) -> None:
        """A plain string starting at `x` of a left-to-right chart."""
        if sides.right_to_left():
            canvas.drawRightString(self._x(x), y, value)
        else:
            canvas.drawString(x, y, value)

    def draw(self):
        canvas = self.canv
        quarters = self.last - self.first + 1
        grid_left = self.label_width
        quarter_width = self.quarter_width or (self.width - grid_left) / quarters
        right = self._right = grid_left + quarters * quarter_width
        top = self.height
        self._draw_legend(canvas, top)
        header_top = top - self.LEGEND
        body_top = header_top - self.HEADER
        bottom = 0.0
        canvas.saveState()
        # Every other year shaded down the whole chart; outcome bands across it.
        for index in range(quarters):
            year = (self.first + index) // 4
            if year % 2 == 0:
                canvas.setFillColor(YEAR_SHADE)
                canvas.rect(self._x(grid_left + index * quarter_width, quarter_width), bottom, quarter_width,
                            header_top - bottom,
                            stroke=0, fill=1)
        y = body_top
        for row in self.rows:
            y -= self._height(row)
            if row.group:
                canvas.setFillColor(GROUP_SHADE)
                canvas.rect(self._x(0, right), y, right, self._height(row), stroke=0, fill=1)
        # Grid: quarters light, years darker; then the rows and their bars over it.
        for index in range(quarters + 1):
            x = grid_left + index * quarter_width
            year_line = (self.first + index) % 4 == 0 or index in (0, quarters)
            canvas.setStrokeColor(RULE if year_line else GRID)
            canvas.setLineWidth(0.6 if year_line else 0.3)
            canvas.line(self._x(x), bottom, self._x(x), header_top - (0 if year_line else 14))
        # Year names over their quarters, quarter names under them.
        for index in range(quarters):
            quarter = self.first + index
            x = grid_left + index * quarter_width
            year, number = divmod(quarter, 4)
            if number == 0 or index == 0:
                span = min(4 - number, quarters - index) * quarter_width
                canvas.setFillColor(INK)
                canvas.setFont(BOLD_FONT, 8)
                canvas.drawCentredString(self._x(x + span / 2), header_top - 11, str(year))
            draw_text(canvas, self.quarter_label.format(q=number + 1), self._x(x + quarter_width / 2),
                      header_top - 22,
                      font=BODY_FONT, size=7, color=MUTED, anchor="middle")
        y = body_top
        for row in self.rows:
            height = self._height(row)
            y -= height
            self._draw_row(canvas, row, y, height, grid_left, quarter_width)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(self._x(0), body_top, self._x(right), body_top)
        canvas.line(self._x(0), bottom, self._x(right), bottom)
        canvas.restoreState()

    def _draw_legend(self, canvas, top: float) -> None:
        x = self.label_width
        y = top - 10
        for status, label in self.legend:
            fill, stroke = STATUS_COLOURS[status]
            canvas.setFillColor(fill)
            canvas.setStrokeColor(stroke)
            canvas.setLineWidth(0.6)
            canvas.roundRect(self._x(x, 16), y - 1, 16, 7, 2, stroke=1, fill=1)
            draw_text(canvas, label, self._x(x + 20), y, font=BODY_FONT, size=7.5, anchor=sides.anchor("start"))
            x += 20 + text_width(label, BODY_FONT, 7.5) + 14

    def _draw_row(self, canvas, row: GanttRow, y: float, height: float, grid_left: float,
                  quarter_width: float) -> None:
        style = self.group_style if (row.group or row.subgroup) else self.label_style
        if not row.group and not row.subgroup:
            canvas.setStrokeColor(GRID)
            canvas.setLineWidth(0.3)
            canvas.line(self._x(0), y, self._x(self._right), y)
        text_top = y + height - (3 if row.group else 2)
        canvas.setFillColor(INK)
        canvas.setFont(style.fontName, style.fontSize)
        self._string(canvas, 2, text_top - style.fontSize, row.code)
        x = self.CODE_WIDTH
        if isinstance(row.label, Flowable):
            label_width = self.label_width - self.CODE_WIDTH - 4
            row.label.wrap(label_width, 1e6)
            row.label.drawOn(canvas, self._x(x, label_width), text_top - row.label.height)
        elif row.label:
            canvas.setFillColor(INK)
            canvas.setFont(style.fontName, style.fontSize)
            self._string(canvas, x, text_top - style.fontSize, row.label)
        if row.group or row.subgroup or (row.start is None and row.end is None):
            return
        start = row.start if row.start is not None else row.end
        end = row.end if row.end is not None else row.start
        if end < start:
            start, end = end, start
        clipped_left, clipped_right = start < self.first, end > self.last
        start, end = max(start, self.first), min(end, self.last)
        if end < start:
            return
        bar_height = min(7.0, height - 4)
        x0 = grid_left + (start - self.first) * quarter_width + 1.5
        x1 = grid_left + (end - self.first + 1) * quarter_width - 1.5
        bar_y = y + (height - bar_height) / 2
        fill, stroke = STATUS_COLOURS.get(row.status, STATUS_COLOURS["proposed"])
        canvas.setFillColor(fill)
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(0.6)
        canvas.roundRect(self._x(x0, x1 - x0), bar_y, x1 - x0, bar_height, 2, stroke=1, fill=1)
        if row.status == "dropped":
            canvas.line(self._x(x0), bar_y + bar_height / 2, self._x(x1), bar_y + bar_height / 2)
        later = -1 if sides.right_to_left() else 1  # the way time runs across the page
        for clipped, edge, direction in ((clipped_left, self._x(x0), -later), (clipped_right, self._x(x1), later)):
            if clipped:  # the action runs on beyond this page's quarters
                path = canvas.beginPath()
                path.moveTo(edge, bar_y - 1)
                path.lineTo(edge + direction * 4, bar_y + bar_height / 2)
                path.lineTo(edge, bar_y + bar_height + 1)
                path.close()
                canvas.setFillColor(stroke)
                canvas.drawPath(path, stroke=0, fill=1)

