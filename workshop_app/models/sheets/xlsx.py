"""Rows and merged cells of an .xlsx sheet, read with openpyxl's read-only machinery.

openpyxl does the work: the package, the workbook, styles (which numbers are dates), the
sheet's XML through defusedxml, formulas' cached values (data_only). Three of its steps are
replaced because they dominated the time of an import:

- text: openpyxl builds a rich-text object for every shared string and every inline string
  only to take its plain text; here the plain text is taken directly (same result: the <t>
  of the string and of each formatted run, phonetic guides left out). That halves reading a
  workbook saved by Excel (text in a shared-strings table) and a third of one saved by
  openpyxl (text in each cell).
- merged cells: read-only worksheets do not expose them, but the sheet parser reads them at
  the end of the sheet anyway; using the parser directly keeps them, with no second pass.

- cells: the common kinds (text, plain numbers) take a short path; the rest (dates, booleans,
  errors, formula text) go through openpyxl's own code.

This leans on openpyxl 3.1 internals (ExcelReader.read_strings, WorkSheetParser.parse_cell);
tests/models/test_sheet_reader.py covers what it relies on.
"""

from collections.abc import Iterator
from pathlib import Path

from openpyxl.chartsheet import Chartsheet
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # noqa: PLC2701 (see read_worksheets)
from openpyxl.worksheet._reader import WorkSheetParser  # noqa: PLC2701 (see the docstring: its parse_cell is reused)
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

from workshop_app.i18n.catalogs import ngettext
from workshop_app.models.errors import SpreadsheetError
from workshop_app.models.sheets.bounded import CELL_LIMIT, PART_LIMIT, BoundedZipFile, xml_events
from workshop_app.models.sheets.empty_cells import FoldedSource
from workshop_app.models.sheets.formulas import FormulaCell

_T = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
_SHARED_STRING = f"{{{SHEET_MAIN_NS}}}si"
_INLINE_STRING = f"{{{SHEET_MAIN_NS}}}is"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"


def _plain_text(node) -> str:
    """Text of an <si> or <is> element: its own <t>, then the <t> of each formatted run."""
    own = node.find(_T)
    text = (own.text or "") if own is not None else ""
    for run in node.iterfind(_RUN):
        part = run.findtext(_T)
        if part:
            text += part
    return text


class _WorkbookReader(ExcelReader):
    def __init__(self, handle, path: Path, **options):
        super().__init__(handle, **options)
        self.archive = BoundedZipFile(handle, path)  # every part openpyxl reads is read within limits
        self.path = path

    def read_strings(self):
        part = self.package.find(SHARED_STRINGS)
        if part is None:
            return
        strings = []
        with self.archive.open_part(part.PartName[1:], PART_LIMIT) as source:
            root = None
            for event, node in xml_events(self.path, source, ("start", "end")):
                if root is None:
                    root = node
                elif event == "end" and node.tag == _SHARED_STRING:
                    strings.append(_plain_text(node).replace("x005F_", ""))  # as openpyxl does
                    root.clear()  # the strings read so far are not kept twice
        self.shared_strings = strings

    def read_worksheets(self):
        """Each sheet is only named here; SheetRows reads a sheet's rows when they are asked for.
        (openpyxl's read-only worksheets also read the sheet's dimension on opening, with the
        parser that is slow on a sheet of millions of elements.)"""
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
            else:
                self.wb._sheets.append(_Worksheet(self.wb, sheet.name, rel.target))

    def read_chartsheet(self, sheet, rel):
        """A chart sheet is only named (an import never reads charts): its title is enough."""
        chart = Chartsheet()
        chart._parent = self.wb
        chart.title = sheet.name
        self.wb._add_sheet(chart)


class _Worksheet(ReadOnlyWorksheet):
    """A worksheet known by its title and its part of the archive (see read_worksheets)."""

    def __init__(self, workbook, title: str, part: str):  # noqa: PLW0231 (the parent's reads the sheet)
        self.parent = workbook
        self.title = title
        self.sheet_state = "visible"
        self._current_row = None
        self._worksheet_path = part
        self._shared_strings = ()


class _SheetParser(WorkSheetParser):
    """openpyxl's sheet parser with a short path for the cells a list is made of: shared and
    inline text and plain numbers. Dates, booleans, errors and formula text go the usual way.
    Values are the same (tests compare them with openpyxl's own)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._columns: dict[str, int] = {}

    def parse_cell(self, element):
        kind = element.get("t", "n")
        if kind == "s":
            text = element.findtext(_VALUE)
            value = self.shared_strings[int(text)] if text else None
        elif kind == "n":
            style = element.get("s")
            if style and int(style) in self.date_formats:
                return super().parse_cell(element)
            text = element.findtext(_VALUE)
            if not text:
                value = None
            elif "." in text or "E" in text or "e" in text:
                value = float(text)
            else:
                value = int(text)
        elif kind == "inlineStr":
            node = element.find(_INLINE_STRING)
            value = _plain_text(node) if node is not None else None
        else:
            return super().parse_cell(element)
        coordinate = element.get("r")
        if coordinate:
            letters = coordinate.rstrip("0123456789")
            column = self._columns.get(letters)
            if column is None:
                column = self._columns[letters] = column_index_from_string(letters)
        else:
            column = self.col_counter + 1
        self.col_counter = column
        return {"row": self.row_counter, "column": column, "value": value}


class ReadOnlyWorkbook:
    """An open .xlsx in read-only mode: sheet names, and the rows of any of its sheets."""

    def __init__(self, handle, path: Path | None = None):
        path = path or Path(getattr(handle, "name", "workbook.xlsx"))
        reader = _WorkbookReader(handle, path, read_only=True, keep_vba=False, data_only=True, keep_links=False)
        reader.read()
        self.path = path
        self._reader = reader
        self._book = reader.wb
        self.sheet_names = tuple(self._book.sheetnames)
        # Chart sheets have no cells; only worksheets can hold a list.
        self.table_names = tuple(sheet.title for sheet in self._book.worksheets)

    def close(self) -> None:
        self._book.close()

    def rows(self, title: str, *, formulas: bool = False) -> "SheetRows":
        """The rows of a sheet; with `formulas`, a cell holding a formula reads as a FormulaCell
        (with its saved result) rather than as its result alone."""
        return SheetRows(self, self._book[title], formulas=formulas)


class SheetRows:
    """(row number, values) for each row that has a value, in order, each row's values up to its
    last value; once all are read, `merged` holds the merged ranges that start at a value, as
    (first column, first row, last column, last row), cut to the rows and columns read.

    Reading is linear in the sheet's XML and memory is bounded by what is kept: an element is
    dropped as soon as it is read (openpyxl keeps every row read, emptied, until the end, and
    builds every merged range, hyperlink and format of the sheet as objects), a cell without a
    value is only counted, and at most CELL_LIMIT values and gaps are held."""

    def __init__(self, workbook: ReadOnlyWorkbook, worksheet, *, formulas: bool = False):
        self._workbook = workbook
        self._worksheet = worksheet
        self._formulas = formulas
        self.merged: list[tuple[int, int, int, int]] = []

    def __iter__(self) -> Iterator[tuple[int, list]]:
        book, path = self._workbook._book, self._workbook.path
        with book._archive.open_part(self._worksheet._worksheet_path, PART_LIMIT) as source:
            parser = _SheetParser(source, self._workbook._reader.shared_strings, data_only=True, epoch=book.epoch,
                                  date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
            reading = _SheetReading(path, self._worksheet.title, parser, self._formulas)
            open_elements: list = []
            for event, element in xml_events(path, FoldedSource(source), ("start", "end")):
                if event == "start":
                    open_elements.append(element)
                    reading.start(element, open_elements)
                    continue
                open_elements.pop()
                row = reading.end(element)
                if row is not None:
                    yield row
                if open_elements and reading.cell is None:
                    del open_elements[-1][-1]  # read: dropped from the tree (the last child: quick)
            self.merged = list(reading.merges.values())


class _SheetReading:
    """The state of one sheet being read, element by element."""

    def __init__(self, path: Path, title: str, parser: "_SheetParser", formulas: bool = False):
        self.path, self.title, self.parser = path, title, parser
        self.formulas = formulas
        self.row = self.cell = None
        self.cells: list[tuple[int, object]] = []
        self.cell_parts = self.held = self.last_row = self.widest = 0
        self.widths: dict[int, int] = {}  # row number -> its last column with a value
        self.merges: dict[tuple[int, int], tuple[int, int, int, int]] = {}

    def start(self, element, open_elements: list) -> None:
        if self.cell is not None:
            self.cell_parts += 1
            if self.cell_parts > _CELL_PARTS:
                raise SpreadsheetError(self.path, ngettext(
                    "cannot be read: a cell of row {row} has more than {count} formatted pieces of text",
                    "cannot be read: a cell of row {row} has more than {count} formatted pieces of text",
                    _CELL_PARTS).format(row=self.parser.row_counter, count=f"{_CELL_PARTS:,}"))
        elif element.tag == _CELL and self.row is not None and open_elements[-2] is self.row:
            self.cell, self.cell_parts = element, 0
        elif element.tag == _ROW:
            self.row, self.cells = element, []
            self.parser.row_counter = _row_number(element.get("r"), self.parser.row_counter)
            self.parser.col_counter = 0

    def end(self, element) -> tuple[int, list] | None:
        """The row that ends here, when it has values."""
        if element is self.cell:
            self.cell = None
            if len(element):  # a value, inline text or a formula
                parsed = self.parser.parse_cell(element)
                value = parsed["value"]
                if self.formulas and element[0].tag == _FORMULA:  # <f> comes first in a <c>
                    value = FormulaCell(value)
                if value is not None:
                    self.cells.append((parsed["column"], value))
            else:  # formatting only: counted, never kept
                coordinate = element.get("r")
                self.parser.col_counter = _column_index(coordinate) if coordinate else self.parser.col_counter + 1
        elif element is self.row:
            self.row = None
            return self._row_values()
        elif element.tag == _SKIP and self.cell is None:  # a run of empty cells or rows (empty_cells.py)
            moved, at = int(element.get("n", 0)), element.get("at")
            if self.row is not None:
                self.parser.col_counter = (int(at) if at else self.parser.col_counter) + moved
            else:
                self.parser.row_counter = (int(at) if at else self.parser.row_counter) + moved
        elif element.tag == _MERGED and self.cell is None and self.last_row:
            merged = _merged_range(element.get("ref"), self.last_row, self.widest, self.widths)
            if merged is not None:
                self.merges.setdefault(merged[:2], merged)  # one range per first cell
        return None

    def _row_values(self) -> tuple[int, list] | None:
        values = _values(self.cells)
        if not values:
            return None
        self.held += len(values)
        if self.held > CELL_LIMIT:
            raise SpreadsheetError(self.path, ngettext(
                "is too large to be a list or a road map: its sheet '{sheet}' holds more than {count} cells between "
                "its first and last values",
                "is too large to be a list or a road map: its sheet '{sheet}' holds more than {count} cells between "
                "its first and last values", CELL_LIMIT).format(sheet=self.title, count=f"{CELL_LIMIT:,}"))
        self.last_row, self.widest = self.parser.row_counter, max(self.widest, len(values))
        self.widths[self.last_row] = len(values)
        return self.last_row, values


_CELL = f"{{{SHEET_MAIN_NS}}}c"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_ROW = f"{{{SHEET_MAIN_NS}}}row"
_MERGED = f"{{{SHEET_MAIN_NS}}}mergeCell"
_SKIP = f"{{{SHEET_MAIN_NS}}}skip"
_CELL_PARTS = 10_000
_COLUMNS: dict[str, int] = {}


def _column_index(coordinate: str) -> int:
    letters = coordinate.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        column = column_index_from_string(letters)  # ValueError on nonsense: a damaged file
        if len(_COLUMNS) < 20000:
            _COLUMNS[letters] = column
    return column


def _row_number(text: str | None, previous: int) -> int:
    if not text:
        return previous + 1
    number = int(float(text))
    if not 0 < number <= _MAX_ROW:
        raise ValueError(f"row number {text} is outside a sheet")
    return number


_MAX_ROW = 1_048_576


def _values(cells: list[tuple[int, object]]) -> list:
    """The values of a row by column, up to its last value ([] for a row with none)."""
    while cells and cells[-1][1] == "":
        cells.pop()
    if not cells:
        return []
    width = max(column for column, _ in cells)
    values = [None] * width
    for column, value in cells:
        values[column - 1] = value
    if all(value is None or value == "" for value in values):
        return []
    while values[-1] is None or values[-1] == "":
        values.pop()
    return values


def _merged_range(ref: str | None, last_row: int, widest: int, widths: dict[int, int]):
    """(first column, first row, last column, last row) of a merged range whose first cell holds a
    value, cut to the rows and columns read; None for any other. A sheet can list millions of
    ranges over its whole height: only these can carry a value across cells."""
    try:
        first_column, first_row, last_column, last_range_row = range_boundaries(ref or "")
    except (TypeError, ValueError):
        return None
    if first_column is None or first_row is None or first_column > widths.get(first_row, 0):
        return None
    return first_column, first_row, min(last_column or first_column, widest), min(last_range_row or first_row,
                                                                                     last_row)
