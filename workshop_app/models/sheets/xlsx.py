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

from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.worksheet._reader import WorkSheetParser  # noqa: PLC2701 (see the docstring: its parse_cell is reused)
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse  # defusedxml's when installed: safe on untrusted files

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
    def read_strings(self):
        part = self.package.find(SHARED_STRINGS)
        if part is None:
            return
        strings = []
        with self.archive.open(part.PartName[1:]) as source:
            for _, node in iterparse(source):
                if node.tag == _SHARED_STRING:
                    strings.append(_plain_text(node).replace("x005F_", ""))  # as openpyxl does
                    node.clear()
        self.shared_strings = strings


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

    def __init__(self, handle):
        reader = _WorkbookReader(handle, read_only=True, keep_vba=False, data_only=True, keep_links=False)
        reader.read()
        self._reader = reader
        self._book = reader.wb
        self.sheet_names = tuple(self._book.sheetnames)
        # Chart sheets have no cells; only worksheets can hold a list.
        self.table_names = tuple(sheet.title for sheet in self._book.worksheets)

    def close(self) -> None:
        self._book.close()

    def rows(self, title: str) -> "SheetRows":
        return SheetRows(self, self._book[title])


class SheetRows:
    """(row number, values) for each row that has a value, in order; once all are read,
    `merged` holds the merged ranges as (first column, first row, last column, last row)."""

    def __init__(self, workbook: ReadOnlyWorkbook, worksheet):
        self._workbook = workbook
        self._worksheet = worksheet
        self.merged: list[tuple[int, int, int, int]] = []

    def __iter__(self) -> Iterator[tuple[int, list]]:
        book = self._workbook._book
        with book._archive.open(self._worksheet._worksheet_path) as source:
            parser = _SheetParser(source, self._workbook._reader.shared_strings, data_only=True, epoch=book.epoch,
                                  date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
            for number, cells in parser.parse():
                if not cells:
                    continue
                values = [None] * cells[-1]["column"]
                try:
                    for cell in cells:
                        values[cell["column"] - 1] = cell["value"]
                except IndexError:  # cells out of column order: rare, but allowed
                    values = [None] * max(cell["column"] for cell in cells)
                    for cell in cells:
                        values[cell["column"] - 1] = cell["value"]
                if values.count(None) < len(values):  # not just formatting
                    yield number, values
            ranges = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
            self.merged = [range_boundaries(str(merged.ref)) for merged in ranges]
