"""Tables of the road-map PDF, built for long reports (500 actions, 2,000 participants).

ReportTable has the look and the rules of the engine's PagedTable (ruled grid, shaded header row
repeated on every page, group heading rows spanning the table and never left alone at the foot
of a page, rows never cut), but draws its rows itself: each row measured once, plain text cells
drawn in one text object per page. reportlab's Table re-applies every style command to every cell
and draws each string with its own text object, which made most of the time of a long report.

PlainText is wrapped text for cells whose script needs no shaping (Latin, including Vietnamese
in NFC): words broken at spaces and drawn straight on the canvas, without Paragraph markup, so
nothing a user typed can become markup. Text in a script that needs shaping (Arabic,
Devanagari, Sinhala) still goes through the engine's text module.
"""

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.fonts import BOLD_FONT, needs_shaping
from workshop_app.export.pdf.lines import Piece, line
from workshop_app.export.pdf.styles import GROUP_FILL, HEADER_FILL, INK, MUTED, RULE
from workshop_app.export.pdf.tables import PADDING, TableRow, content_width, rows_that_fit
from workshop_app.export.roadmap_pdf.charts import fitted_size

Run = tuple[str, str, Color]  # text, font name, colour


# ---------------------------------------------------------------------- text in cells

def cell_text(value: object, style: ParagraphStyle, width: float) -> str | Flowable:
    """A cell's user text: a plain string when it fits on one line, wrapped PlainText when it
    does not, a shaped paragraph when its script needs shaping."""
    value = text.clean(value)
    if needs_shaping(value):
        return text.paragraph(value, style)
    if "\n" not in value and stringWidth(value, style.fontName, style.fontSize) <= width:
        return value
    return PlainText([(value, style.fontName, style.textColor)], style)


def number_cell(value: str, style: ParagraphStyle, width: float) -> str | Flowable:
    """An amount in its column: as it is when it fits; smaller type when it does not (a budget
    in dong or rupiah runs to 15 digits), wrapped only when even that is too wide. Never drawn
    over the next column."""
    natural = stringWidth(value, style.fontName, style.fontSize)
    if natural <= width or needs_shaping(value):
        return value
    size = fitted_size(style.fontSize, natural, width)
    smaller = ParagraphStyle(f"{style.name}_fitted", parent=style, fontSize=size, leading=size * 1.2)
    return PlainText([(value, style.fontName, style.textColor)], smaller)


def rich(style: ParagraphStyle, *pieces: Piece | str) -> Flowable:
    """Text mixing our labels (bold or muted) with user text, wrapped; through the engine's
    lines.line (a shaped paragraph) when a piece needs shaping."""
    pieces = [piece if isinstance(piece, Piece) else Piece(piece) for piece in pieces]
    if any(needs_shaping(piece.value) for piece in pieces):
        return line(style, *pieces)
    bold_style = style.fontName == BOLD_FONT
    return PlainText([(piece.value, BOLD_FONT if piece.bold or bold_style else style.fontName,
                       MUTED if piece.muted else style.textColor) for piece in pieces if piece.value], style)


class PlainText(Flowable):
    """Runs of text wrapped at spaces (a word longer than the line is cut), one leading apart."""

    def __init__(self, runs: Sequence[Run], style: ParagraphStyle):
        super().__init__()
        self.runs = runs
        self.size = style.fontSize
        self.leading = style.leading
        self.alignment = style.alignment
        self._for_width: float | None = None
        self._lines: list[list[tuple[str, str, Color, float]]] = []

    def wrap(self, available_width, available_height):
        if self._for_width is None or abs(self._for_width - available_width) > 0.01:
            self._lines = self._break(available_width)
            self._for_width = available_width
        self.width = available_width
        self.height = self.leading * max(1, len(self._lines))
        return self.width, self.height

    def _break(self, width: float) -> list[list[tuple[str, str, Color, float]]]:
        size = self.size
        lines: list[list[tuple[str, str, Color, float]]] = [[]]
        used = 0.0
        pending_space = 0.0  # the width of the space before the next word, if any
        for value, font, colour in self.runs:
            space = stringWidth(" ", font, size)
            for paragraph_index, paragraph in enumerate(value.split("\n")):
                if paragraph_index:
                    lines.append([])
                    used, pending_space = 0.0, 0.0
                words = paragraph.split(" ")
                for word_index, word in enumerate(words):
                    if word_index:
                        pending_space = space if lines[-1] else 0.0
                    if not word:
                        continue
                    word_width = stringWidth(word, font, size)
                    if lines[-1] and used + pending_space + word_width > width and pending_space:
                        lines.append([])
                        used, pending_space = 0.0, 0.0
                    while word_width > width - used and len(word) > 1:  # longer than the line: cut it
                        cut = _fitting(word, font, size, width - used - pending_space)
                        if cut == 0:
                            if not lines[-1]:
                                cut = 1
                            else:
                                lines.append([])
                                used, pending_space = 0.0, 0.0
                                continue
                        piece = word[:cut]
                        lines[-1].append((" " * bool(pending_space) + piece, font, colour,
                                          pending_space + stringWidth(piece, font, size)))
                        lines.append([])
                        used, pending_space = 0.0, 0.0
                        word = word[cut:]
                        word_width = stringWidth(word, font, size)
                    lines[-1].append((" " * bool(pending_space) + word, font, colour, pending_space + word_width))
                    used += pending_space + word_width
                    pending_space = 0.0
        return [_joined(line) for line in lines if line] or [[]]

    def draw(self):
        canvas = self.canv
        writer = canvas.beginText()
        y = self.height - self.size
        font = colour = None
        for segments in self._lines:
            x = 0.0
            if self.alignment in (TA_RIGHT, TA_CENTER):
                free = self.width - sum(segment[3] for segment in segments)
                x = free if self.alignment == TA_RIGHT else free / 2
            writer.setTextOrigin(x, y)
            for value, segment_font, segment_colour, _ in segments:
                if segment_font != font:
                    writer.setFont(segment_font, self.size)
                    font = segment_font
                if segment_colour != colour:
                    writer.setFillColor(segment_colour)
                    colour = segment_colour
                writer.textOut(value)
            y -= self.leading
        canvas.drawText(writer)


def _joined(segments: list[tuple[str, str, Color, float]]) -> list[tuple[str, str, Color, float]]:
    """Neighbouring words in the same font and colour as one piece of text: one text operator."""
    joined = [segments[0]]
    for value, font, colour, width in segments[1:]:
        last = joined[-1]
        if last[1] == font and last[2] == colour:
            joined[-1] = (last[0] + value, font, colour, last[3] + width)
        else:
            joined.append((value, font, colour, width))
    return joined


def _fitting(word: str, font: str, size: float, room: float) -> int:
    """How many characters of the word fit in `room` points."""
    count = 0
    for index in range(1, len(word) + 1):
        if stringWidth(word[:index], font, size) > room:
            break
        count = index
    return count


# ---------------------------------------------------------------------- the table

MAX_ROW_HEIGHT = 400.0  # points: a row fits a landscape Letter page under the table's header


class _Clipped(Flowable):
    """A cell's flowable cut to a height (see ReportTable._row_heights)."""

    def __init__(self, content: Flowable, height: float):
        super().__init__()
        self.content = content
        self.limit = height

    def wrap(self, available_width, available_height):
        self.width, height = self.content.wrap(available_width, available_height)
        self.height = min(height, self.limit)
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, self.width, self.height)
        canvas.clipPath(path, stroke=0, fill=0)
        _, height = self.content.wrap(self.width, 1e6)
        self.content.drawOn(canvas, 0, self.height - height)
        canvas.restoreState()


class ReportTable(Flowable):
    """A ruled table laid out one page at a time (see the module's description). Cells are
    strings (drawn in the cell style's font, aligned per column) or flowables."""

    def __init__(self, header: list, rows: list[TableRow], widths: list[float], cell_style: ParagraphStyle,
                 *, right: frozenset[int] = frozenset(), _heights: list[float] | None = None,
                 _header_height: float | None = None):
        super().__init__()
        self.header = header
        self.rows = rows
        self.widths = widths
        self.cell_style = cell_style
        self.right = right
        self._heights = _heights
        self._header_height = _header_height

    def _rest(self, rows: list[TableRow], heights: list[float]) -> "ReportTable":
        return ReportTable(self.header, rows, self.widths, self.cell_style, right=self.right, _heights=heights,
                           _header_height=self._header_height)

    # ------------------------------------------------------------------ Flowable protocol

    def wrap(self, available_width, available_height):
        self.width = sum(self.widths)
        self.height = self._header() + sum(self._row_heights())
        return self.width, self.height

    def split(self, available_width, available_height):
        heights = self._row_heights()
        count = rows_that_fit(self.rows, heights, available_height - self._header())
        if count == 0:
            return []  # nothing fits here: the frame moves on to a new page
        if count == len(self.rows):
            return [self]
        rest, rest_heights = self.rows[count:], heights[count:]
        # A page that goes on inside a group (an output's actions) starts with the group's heading again.
        heading = next((index for index in range(count - 1, -1, -1) if self.rows[index].group), None)
        if heading is not None and not rest[0].group:
            rest, rest_heights = [self.rows[heading], *rest], [heights[heading], *rest_heights]
        return [self._rest(self.rows[:count], heights[:count]), self._rest(rest, rest_heights)]

    def draw(self):
        heights = self._row_heights()
        header_height = self._header()
        edges = [0.0]
        for width in self.widths:
            edges.append(edges[-1] + width)
        total = edges[-1]
        # Where each column starts: the first on the left, or on the right of a right-to-left page.
        lefts = [sides.flip(left, width, 0, total) for left, width in zip(edges, self.widths)]
        self.canv.saveState()
        # Fills first, then text, then the rules over them.
        self._draw_fills(heights, header_height)
        self._draw_cells(heights, header_height, lefts)
        self._draw_rules(heights, header_height, lefts)
        self.canv.restoreState()

    def _draw_fills(self, heights: list[float], header_height: float) -> None:
        canvas = self.canv
        total_width = sum(self.widths)
        top = self.height
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, top - header_height, total_width, header_height, stroke=0, fill=1)
        y = top - header_height
        canvas.setFillColor(GROUP_FILL)
        for row, height in zip(self.rows, heights):
            if row.group:
                canvas.rect(0, y - height, total_width, height, stroke=0, fill=1)
            y -= height

    def _draw_cells(self, heights: list[float], header_height: float, lefts: list[float]) -> None:
        """Flowables each on their own; every string cell of the page in one text object."""
        top = self.height
        flush_right = self.right if not sides.right_to_left() else frozenset(range(len(self.widths)))
        # Header cells sit on the header's bottom, like the engine's tables.
        for cell, left, width in zip(self.header, lefts, self.widths):
            self._draw_flowable(cell, left, top - header_height + PADDING, width, bottom=True)
        writer = self.canv.beginText()
        writer.setFont(self.cell_style.fontName, self.cell_style.fontSize)
        writer.setFillColor(INK)
        strings = 0
        y = top - header_height
        for row, height in zip(self.rows, heights):
            cells, row_lefts, widths = self._placed(row, lefts)
            for index, (cell, left, width) in enumerate(zip(cells, row_lefts, widths)):
                if cell is None or cell == "":
                    continue
                if isinstance(cell, Flowable):
                    self._draw_flowable(cell, left, y - PADDING, width)
                    continue
                strings += self._write_string(writer, str(cell), left, y, width, right=index in flush_right)
            y -= height
        if strings:
            self.canv.drawText(writer)

    def _write_string(self, writer, value: str, left: float, y: float, width: float, *, right: bool) -> int:
        """Writes a string cell's lines below the top of its row, `y`; returns how many."""
        style = self.cell_style
        baseline = y - PADDING - style.fontSize
        lines = value.split("\n")
        for line_text in lines:
            if right:
                x = left + width - PADDING - stringWidth(line_text, style.fontName, style.fontSize)
            else:
                x = left + PADDING
            writer.setTextOrigin(x, baseline)
            writer.textOut(line_text)
            baseline -= style.leading
        return len(lines)

    def _placed(self, row: TableRow, lefts: list[float]) -> tuple[list, list[float], list[float]]:
        """A row's cells with where each starts and how wide it is: a group heading spans the
        table, a spanning row's last cell runs from its column to the table's end."""
        if row.group:
            return row.cells[:1], [0.0], [sum(self.widths)]
        if row.span is None:
            return row.cells, lefts, self.widths
        span = row.span
        return (row.cells[:span + 1], [*lefts[:span], min(lefts[span:])],
                [*self.widths[:span], sum(self.widths[span:])])

    def _draw_rules(self, heights: list[float], header_height: float, lefts: list[float]) -> None:
        """Every row, and every column except across group rows and the spanned part of a row."""
        canvas = self.canv
        total_width = sum(self.widths)
        top = self.height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        # The rule after each column in reading order: on its right, or its left right to left.
        after = [left if sides.right_to_left() else left + width for left, width in zip(lefts, self.widths)][:-1]
        y = top - header_height
        lines = [(0, top, total_width, top), (0, y, total_width, y)]
        runs = [[len(after), top, y]]  # rows drawn with the same column rules: [how many rules, top, bottom]
        for index, (row, height) in enumerate(zip(self.rows, heights)):
            drawn = 0 if row.group else len(after) if row.span is None else row.span
            if runs[-1][0] != drawn:
                runs.append([drawn, y, y])
            runs[-1][2] = y - height
            y -= height
            following = self.rows[index + 1] if index + 1 < len(self.rows) else None
            if following is not None and following.attached and following.span:
                # A row and its attached row (an action and its details) read as one entry: the
                # cells before the span (the code) run on through both, unruled.
                rule = min(lefts[following.span:]), sum(self.widths[following.span:])
                lines.append((rule[0], y, rule[0] + rule[1], y))
                continue
            lines.append((0, y, total_width, y))
        for drawn, run_top, run_bottom in runs:
            lines += [(x, run_top, x, run_bottom) for x in after[:drawn]]
        lines += [(0, top, 0, y), (total_width, top, total_width, y)]
        canvas.lines(lines)

    def _draw_flowable(self, cell: Flowable, left: float, y: float, width: float, *, bottom: bool = False) -> None:
        _, height = cell.wrapOn(self.canv, content_width(width), 1e6)
        cell.drawOn(self.canv, left + PADDING, y if bottom else y - height)

    # ------------------------------------------------------------------ measuring

    def _header(self) -> float:
        if self._header_height is None:
            self._header_height = self._measure(self.header, self.widths)
        return self._header_height

    def _row_heights(self) -> list[float]:
        if self._heights is None:
            self._heights = []
            for row in self.rows:
                cells, _, widths = self._placed(row, [0.0] * len(self.widths))
                height = max(self._measure(cells, widths), row.min_height)
                if height > MAX_ROW_HEIGHT:
                    # Cell texts are kept short enough never to get here; should one still be
                    # taller than a page, it is cut at the foot of its row rather than fail.
                    row.cells = [_Clipped(cell, MAX_ROW_HEIGHT - 2 * PADDING) if isinstance(cell, Flowable)
                                 else cell for cell in row.cells]
                    height = MAX_ROW_HEIGHT
                self._heights.append(height)
        return self._heights

    def _measure(self, cells: list, widths: list[float]) -> float:
        leading = self.cell_style.leading
        tallest = leading
        for cell, width in zip(cells, widths):
            if isinstance(cell, Flowable):
                height = cell.wrap(content_width(width), 1e6)[1]
            elif cell not in (None, ""):
                height = leading * (str(cell).count("\n") + 1)
            else:
                continue
            tallest = max(tallest, height)
        return tallest + 2 * PADDING
