"""Cell formats and rows of the road-map workbook, written as sheet XML, and the sizes of its
columns and rows.

openpyxl's own cell writer costs about 15 µs a cell through lxml; SheetData writes the rows of
500 actions in a fraction of that. Text is always an inline string: nothing a user typed can
become a formula, and text that looks like one ("=…", "+…") also gets quotePrefix so that Excel
keeps it text when the cell is edited.
"""

import datetime as dt
import math
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter

from workshop_app.export.workbook.styles import FONT, HEADER_COLOR, HEADER_HEIGHT, LINE_HEIGHT, THIN
from workshop_app.export.workbook.text import looks_like_formula, xlsx_text

LETTERS = [get_column_letter(index) for index in range(1, 16385)]
MAX_ROW_HEIGHT = 409  # Excel's limit

# The look of each level, on the Road map and the Responsibilities sheets alike.
LEVEL_FILLS = {"goal": "1F3A5F", "outcome": "C9DAEA", "output": "E8EFF6"}
LEVEL_OUTLINE = {"goal": 0, "outcome": 0, "output": 1, "action": 2}
LEVEL_INDENT = {"goal": 0, "outcome": 0, "output": 1, "action": 2}

_STYLE_NAMES = ("bold", "italic", "color", "size", "fill", "wrap", "valign", "halign", "indent", "rotation",
                "number_format", "quote", "top", "bottom")


_EXCEL_EPOCH = dt.date(1899, 12, 30)


class CellStyles:
    """Cell formats by description, registered once in the workbook; cells refer to them by index.
    In a right-to-left workbook what would start on the left is flush right (see
    workbook.styles.on_sheet)."""

    def __init__(self, workbook: Workbook, sheet, *, right_to_left: bool = False):
        self._workbook = workbook
        self._sheet = sheet
        self._right_to_left = right_to_left
        self._ids: dict[tuple, int] = {}
        self._keys: dict[int, tuple] = {}

    def get(self, *, bold=False, italic=False, color=None, size=11, fill=None, wrap=False, valign="top",
            halign=None, indent=0, rotation=0, number_format=None, quote=False, top=False, bottom=False) -> int:
        if self._right_to_left and halign in (None, "left"):
            halign = "right"
        key = (bold, italic, color, size, fill, wrap, valign, halign, indent, rotation, number_format, quote, top,
               bottom)
        found = self._ids.get(key)
        if found is None:
            cell = WriteOnlyCell(self._sheet)
            cell.font = Font(name=FONT, size=size, bold=bold, italic=italic, color=color)
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
            cell.alignment = Alignment(wrap_text=wrap or None, vertical=valign, horizontal=halign,
                                       indent=indent, text_rotation=rotation)
            if top or bottom:
                cell.border = Border(top=THIN if top else None, bottom=THIN if bottom else None)
            if number_format:
                cell.number_format = number_format
            if quote:
                cell.quotePrefix = True
            found = self._ids[key] = self._workbook._cell_styles.add(cell._style)
            self._keys.setdefault(found, key)
        return found

    def quoted(self, style_id: int) -> int:
        """The same format with quotePrefix, for text that looks like a formula."""
        key = self._keys.get(style_id)
        if key is None:
            return style_id
        return self.get(**{**dict(zip(_STYLE_NAMES, key)), "quote": True})


class SheetData:
    """The <sheetData> of one sheet, written row by row as XML text."""

    def __init__(self, styles: CellStyles):
        self.styles = styles
        self.parts: list[str] = []
        self.row = 0
        self.columns = 0  # the widest row, in columns
        self._quoted: dict[int, int] = {}

    def add(self, cells, *, height: float | None = None, outline: int = 0, hidden: bool = False) -> int:
        """Append a row; `cells` holds (value, style id) or None per column. Returns its number."""
        self.row += 1
        number = str(self.row)
        parts = [_row_start(number, height, outline, hidden)]
        if len(cells) > self.columns:
            self.columns = len(cells)
        for index, cell in enumerate(cells):
            if cell is not None:
                xml = self._cell(LETTERS[index] + number, cell[0], cell[1])
                if xml:
                    parts.append(xml)
        parts.append("</row>")
        self.parts.append("".join(parts))
        return self.row

    def _cell(self, reference: str, value, style: int) -> str:
        """The <c> of one value; "" for a cell left out (empty and unstyled, or not a number)."""
        if value is None or value == "":
            return f'<c r="{reference}" s="{style}"/>' if style else ""
        kind = type(value)
        if kind is str:
            return self._text_cell(reference, value, style)
        if kind is int or kind is float:
            if kind is float and not math.isfinite(value):
                return ""
            return f'<c r="{reference}" s="{style}"><v>{value!r}</v></c>'
        if isinstance(value, bool):
            return f'<c r="{reference}" s="{style}" t="b"><v>{int(value)}</v></c>'
        if isinstance(value, dt.date):  # Excel counts days from 1899-12-30; the style shows them as a date
            return f'<c r="{reference}" s="{style}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
        raise TypeError(f"cannot write {kind.__name__} to a cell")

    def _text_cell(self, reference: str, value: str, style: int) -> str:
        text = xlsx_text(value).replace("\r\n", "\n")
        if not text:
            return ""
        if looks_like_formula(text):
            style = self._quoted.get(style) or self._quoted.setdefault(style, self.styles.quoted(style))
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c r="{reference}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'

    def xml(self) -> str:
        return "<sheetData>" + "".join(self.parts) + "</sheetData>"

    def dimension(self) -> str:
        """The used range, as <dimension> gives it: readers (openpyxl's among them) size the
        sheet from it instead of reading the whole sheet first."""
        if not self.row:
            return "A1"
        return f"A1:{LETTERS[max(self.columns, 1) - 1]}{self.row}"



def _row_start(number: str, height: float | None, outline: int, hidden: bool) -> str:
    attributes = f'<row r="{number}"'
    if height:
        attributes += f' ht="{height:g}" customHeight="1"'
    if outline:
        attributes += f' outlineLevel="{outline}"'
    if hidden:
        attributes += ' hidden="1"'
    return attributes + ">"


def header_row(data: SheetData, headers, numeric=frozenset(), *, centered=frozenset(), rotate=frozenset(),
               height: float | None = None) -> None:
    """Bold headers on a grey band; numbers' headers sit right above their numbers."""
    cells = []
    for index, header in enumerate(headers):
        if index in rotate:
            style = data.styles.get(bold=True, fill=HEADER_COLOR, wrap=True, valign="bottom", halign="center",
                                    rotation=90, bottom=True)
        else:
            halign = "right" if index in numeric else ("center" if index in centered else None)
            style = data.styles.get(bold=True, fill=HEADER_COLOR, wrap=True, valign="center", halign=halign,
                                    bottom=True)
        cells.append((header, style))
    data.add(cells, height=height or HEADER_HEIGHT)


# ---------------------------------------------------------------------------------- sizes

def fit_columns(sheet, headers, settings, rows) -> list[float]:
    """Give each column of `sheet` a width in characters, its longest value's within the
    column's (narrowest, widest), and return the widths."""
    widths = []
    for index, (header, (narrowest, widest, _)) in enumerate(zip(headers, settings)):
        longest = max([0, *(_text_length(row[index]) for row in rows)])
        # A header wraps onto two lines at most: its longer half sets the minimum.
        words = header.split()
        half = math.ceil(len(words) / 2)
        header_need = max(len(" ".join(words[:half])), len(" ".join(words[half:])))
        widths.append(float(min(max(longest + 2, header_need + 2, narrowest), widest)))
        sheet.column_dimensions[LETTERS[index]].width = widths[-1]
    return widths


def row_height(values, widths, wraps, printed: int | None = None, *, bold: bool = False) -> float | None:
    """The height a row needs for its wrapped text (LibreOffice does not grow rows itself).
    Columns beyond `printed` count for 4 lines at most: a long description far to the right
    should not make the printed row a mostly empty box."""
    lines = 1
    for index, (value, width, wrap) in enumerate(zip(values, widths, wraps)):
        if wrap and isinstance(value, str):
            needed = lines_needed(value, width * 0.88 if bold else width)  # bold text is wider
            lines = max(lines, needed if printed is None or index < printed else min(needed, 4))
    return None if lines == 1 else min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT)


def lines_needed(value, width: float) -> int:
    """About how many lines a wrapped cell of this width (in characters) shows."""
    if not isinstance(value, str) or not value:
        return 1
    usable = max(int(width) - 1, 1)
    count = 0
    for paragraph in value.split("\n"):
        if len(paragraph) <= usable:
            count += 1
        else:  # words do not break, so a line holds somewhat less than its width
            count += -(-int(len(paragraph) * 1.12) // usable)
    return count


def _text_length(value) -> int:
    """The longest line of a value as shown, in characters (to size a column)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max(len(line) for line in value.split("\n"))
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    return len(str(value))
