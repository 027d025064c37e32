"""Read the table out of a messy spreadsheet (.xlsx or .csv) as cleaned text, ready to import.

Real lists have a title and blank rows above the table, merged cells, phone numbers stored as
numbers and headers in English, French or Spanish. read_table() finds the header row among the
first rows, fills cells merged down over several rows into each of them, and turns every cell
into trimmed NFC text. Any file it cannot read gets one SpreadsheetError naming the file.
"""

import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple

from workshop_app.models.errors import InvalidValueError, WorkshopError, WorkshopFileError
from workshop_app.models.sheet_headers import (IGNORE, check_mapping, column_fields, guess_language, header_key,
                                               row_score)

HEADER_SCAN_ROWS = 30  # the header row is looked for among this many rows at the top
_CSV_DELIMITERS = (",", ";", "\t", "|")


class SpreadsheetError(WorkshopFileError):
    """A file that cannot be read as a list of participants; one sentence naming the file."""


class SheetRow(NamedTuple):
    number: int  # the row number the user sees in Excel (1-based; a record's number in a CSV)
    cells: tuple[str, ...]  # cleaned text, one per column of the table


@dataclass(frozen=True)
class SheetTable:
    path: Path
    sheet: str | None  # None for a CSV file
    sheet_names: tuple[str, ...]
    header_row: int
    headers: tuple[str, ...]
    fields: tuple[str, ...]  # per column: a field of sheet_headers.FIELDS or "ignore"
    language: str  # "en", "fr" or "es", guessed from the headers
    rows: tuple[SheetRow, ...]  # data rows below the header, blank rows left out
    section_rows: tuple[tuple[int, str], ...] = ()  # headings merged across the table, skipped

    def mapping(self) -> dict[str, str]:
        """Header text -> field, as detected (or as the user's mapping said)."""
        return {header: field for header, field in zip(self.headers, self.fields) if header}

    def columns(self, field: str) -> list[int]:
        return [index for index, name in enumerate(self.fields) if name == field]

    def preview(self, limit: int = 10) -> list[SheetRow]:
        return list(self.rows[:limit])


class _Mapping(dict):
    """The user's mapping by header key, remembering the headers as they typed them."""

    texts: dict[str, str] = {}


def read_table(path: Path | str, sheet: str | None = None, *, mapping: dict[str, str] | None = None) -> SheetTable:
    """The participant table of an .xlsx or .csv file (sheet: a sheet name; default the first
    sheet with a header row naming a name column). mapping {header: field} overrides detection."""
    path = Path(path)
    try:
        wanted = _Mapping(check_mapping(mapping))
    except InvalidValueError as error:
        raise SpreadsheetError(path, str(error)) from None
    wanted.texts = {header_key(str(header)): str(header) for header in mapping or {}}
    kind = _file_kind(path)
    if kind == "xlsx":
        return _read_xlsx(path, sheet, wanted)
    if sheet and sheet.strip().casefold() != path.stem.casefold():
        raise SpreadsheetError(path, f"is a CSV file, which has no sheets (no sheet '{sheet}')")
    return _read_csv(path, wanted)


# ---------------------------------------------------------------------------------- cell text


def cell_text(value: Any) -> str:
    """What a cell shows, as text: spaces trimmed and collapsed, NFC; whole numbers without '.0'
    (a phone number stored as a number keeps all its digits); dates as YYYY-MM-DD."""
    if value is None:
        return ""
    kind = type(value)
    if kind is str:
        text = " ".join(value.split())
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if kind is int:
        return str(value)
    if kind is float:
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return cell_text(str(value))


# ---------------------------------------------------------------------------------- what file is it


def _file_kind(path: Path) -> str:
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        raise SpreadsheetError(path, "no such file") from None
    except IsADirectoryError:
        raise SpreadsheetError(path, "is a folder, not a spreadsheet") from None
    except OSError as error:
        raise SpreadsheetError(path, f"cannot be read ({error.strerror or error})") from None
    if not head:
        raise SpreadsheetError(path, "is empty")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"PK\x05\x06"):
        raise SpreadsheetError(path, "is an empty zip archive, not a spreadsheet")
    if head.startswith(b"SQLite format 3\x00"):
        raise SpreadsheetError(path, "is a database (perhaps a .workshop file), not a spreadsheet; "
                                     "choose the .xlsx or .csv list of participants")
    if head.startswith(b"%PDF"):
        raise SpreadsheetError(path, "is a PDF document, not a spreadsheet; ask for the list as .xlsx or .csv")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(path, "is an old Excel 97-2003 (.xls) file or another Office document; "
                                     "open it in Excel or LibreOffice and save it as .xlsx")
    return "text"


# ---------------------------------------------------------------------------------- xlsx


def _read_xlsx(path: Path, sheet: str | None, mapping: dict[str, str]) -> SheetTable:
    from openpyxl import load_workbook  # only an import needs openpyxl; opening a workshop does not

    try:
        with open(path, "rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style", unsupported extensions: harmless here
            _check_is_workbook(path, handle)
            workbook = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
            try:
                return _read_workbook(path, workbook, sheet, mapping)
            finally:
                workbook.close()
    except WorkshopError:
        raise
    except Exception as error:  # any parser failure on a user's file is a damaged file, not a crash
        raise SpreadsheetError(path, f"cannot be read: the workbook is damaged or incomplete "
                                     f"({type(error).__name__}: {error})") from None


def _check_is_workbook(path: Path, handle) -> None:
    try:
        names = set(zipfile.ZipFile(handle).namelist())
    except zipfile.BadZipFile:
        raise SpreadsheetError(path, "cannot be read: the workbook is damaged or incomplete "
                                     "(it was perhaps not fully copied)") from None
    finally:
        handle.seek(0)
    if "xl/workbook.xml" in names or any(name.endswith("/workbook.xml") for name in names):
        return
    if "content.xml" in names and "mimetype" in names:
        raise SpreadsheetError(path, "is an OpenDocument file; open it in LibreOffice and save it as .xlsx")
    if "word/document.xml" in names:
        raise SpreadsheetError(path, "is a Word document, not a spreadsheet")
    raise SpreadsheetError(path, "is a zip archive but not an Excel workbook")


def _read_workbook(path: Path, workbook, sheet: str | None, mapping: dict[str, str]) -> SheetTable:
    names = tuple(workbook.sheetnames)
    tables = {worksheet.title: worksheet for worksheet in workbook.worksheets}
    if sheet is not None:
        title = _find_sheet(sheet, names)
        if title is None:
            listed = ", ".join(f"'{name}'" for name in names)
            raise SpreadsheetError(path, f"has no sheet named '{sheet}'; its sheets are: {listed}")
        if title not in tables:
            raise SpreadsheetError(path, f"sheet '{title}' is a chart, not a table")
        candidates = [title]
    else:
        candidates = list(tables)
    first_miss = None
    for title in candidates:
        worksheet = tables[title]
        worksheet.reset_dimensions()  # some programs write a wrong size; read every row there is
        merges = _merged_ranges(workbook._archive, worksheet._worksheet_path)
        rows = _with_merges(worksheet.iter_rows(values_only=True), merges)
        table = _build_table(path, rows, title, names, mapping, merges)
        if isinstance(table, SheetTable):
            return table
        first_miss = first_miss or (title, table)
    if first_miss is None:
        raise SpreadsheetError(path, "has no sheet with a table (only charts)")
    title, found = first_miss
    where = f"sheet '{title}'" if sheet is not None or len(candidates) == 1 else "any sheet"
    raise _no_name_column(path, where, found, f" of sheet '{title}'")


def _find_sheet(wanted: str, names: tuple[str, ...]) -> str | None:
    if wanted in names:
        return wanted
    folded = " ".join(wanted.split()).casefold()
    return next((name for name in names if " ".join(name.split()).casefold() == folded), None)


class _Merges(NamedTuple):
    down: dict[int, list[tuple[int, tuple[int, int]]]]  # row -> [(column, top-left cell)] to fill in
    anchors: dict[int, list[int]]  # row -> columns of top-left cells whose values are remembered
    wide: dict[int, int]  # row -> width of a merge running across it (a section heading?)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)"')


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> _Merges:
    """Merged ranges from the sheet's XML; openpyxl's read-only mode does not give them. They come
    after the cell data, so the search starts there (decompressing is fast; parsing is not)."""
    from openpyxl.utils.cell import column_index_from_string

    data = archive.read(member.lstrip("/"))
    start = max(data.rfind(b"sheetData>"), 0)
    merges = _Merges({}, {}, {})
    for left, top, right, bottom in _MERGE_REF.findall(data, start):
        top, bottom = int(top), int(bottom)
        left = column_index_from_string(left.decode().upper()) - 1
        right = column_index_from_string(right.decode().upper()) - 1
        if bottom > top:
            merges.anchors.setdefault(top, []).append(left)
            for row in range(top + 1, bottom + 1):
                merges.down.setdefault(row, []).append((left, (top, left)))
        if right > left:
            for row in range(top, bottom + 1):
                merges.wide[row] = max(merges.wide.get(row, 0), right - left + 1)
    return merges


def _with_merges(rows, merges: _Merges):
    """(row number, values); a cell merged down over several rows gives its value to each of them."""
    if not merges.down:
        yield from enumerate(rows, start=1)
        return
    remembered = {}
    for number, values in enumerate(rows, start=1):
        fills = merges.down.get(number)
        if fills:
            values = list(values)
            for column, anchor in fills:
                values.extend([None] * (column + 1 - len(values)))
                values[column] = remembered.get(anchor)
        for column in merges.anchors.get(number, ()):
            remembered[number, column] = values[column] if column < len(values) else None
        yield number, values


# ---------------------------------------------------------------------------------- csv


def _read_csv(path: Path, mapping: dict[str, str]) -> SheetTable:
    text = _decode(path, path.read_bytes())
    if not text.strip():
        raise SpreadsheetError(path, "is empty")
    if text.lstrip()[:1] == "<":
        raise SpreadsheetError(path, "is a web page or XML file, not a spreadsheet; "
                                     "open it in Excel or LibreOffice and save it as .xlsx")
    delimiter = _sniff_delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise SpreadsheetError(path, f"cannot be read as CSV ({error})") from None
    table = _build_table(path, enumerate(records, start=1), None, (), mapping, None)
    if isinstance(table, SheetTable):
        return table
    raise _no_name_column(path, "the file", table, "")


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:4096]:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not re.search(r"[\x00-\x08\x0e-\x1f]", text[:4096]):
                return text
    else:
        raise SpreadsheetError(path, "is not a spreadsheet (it is neither an .xlsx workbook nor CSV text)")
    raise SpreadsheetError(path, "is in a text encoding this program cannot read; "
                                 "save it again as \"CSV UTF-8\" or as .xlsx")


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the most lines into the same number (above one) of fields."""
    sample = text[:65536]
    best, best_score = ",", (0, 0)
    for delimiter in _CSV_DELIMITERS:
        try:
            widths = [len(record) for record in islice(csv.reader(io.StringIO(sample, newline=""),
                                                                  delimiter=delimiter), 60)]
        except csv.Error:
            continue
        wide = [width for width in widths if width > 1]
        if not wide:
            continue
        usual = max(set(wide), key=wide.count)
        score = (wide.count(usual), usual)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# ---------------------------------------------------------------------------------- the table


def _build_table(path: Path, numbered_rows, sheet, names, mapping, merges: _Merges | None):
    """The SheetTable, or (row number, header texts) of the likeliest header row when no row
    names a name column."""
    numbered_rows = iter(numbered_rows)
    head = list(islice(numbered_rows, HEADER_SCAN_ROWS))
    texts = [[cell_text(value) for value in values] for _, values in head]
    best, best_score = None, 0
    for index, cells in enumerate(texts):
        score, has_name = row_score(cells, mapping)
        if has_name and score > best_score:
            best, best_score = index, score
    if best is None:
        fullest = max(range(len(texts)), key=lambda i: sum(1 for c in texts[i] if c), default=None)
        return (head[fullest][0], texts[fullest]) if fullest is not None else (0, [])
    header_cells = texts[best]
    width = max(index for index, cell in enumerate(header_cells) if cell) + 1
    headers = tuple(header_cells[:width])
    _check_mapping_found(path, headers, mapping, head[best][0], sheet)
    fields = tuple(column_fields(headers, mapping))
    rows, sections = [], []
    wide = merges.wide if merges else {}
    empty = ("",) * width
    for number, values in chain(head[best + 1:], numbered_rows):
        cells = tuple(map(cell_text, values[:width]))
        if len(cells) < width:
            cells += empty[len(cells):]
        if cells == empty or cells == headers:  # blank, or the header repeated on a printed page
            continue
        if number in wide and wide[number] > 2 and sum(1 for cell in cells if cell) == 1:
            sections.append((number, next(cell for cell in cells if cell)))
            continue
        rows.append(SheetRow(number, cells))
    return SheetTable(path, sheet, tuple(names), head[best][0], headers, fields,
                      guess_language(headers, mapping), tuple(rows), tuple(sections))


def _check_mapping_found(path: Path, headers, mapping: _Mapping, header_row: int, sheet) -> None:
    keys = {header_key(header) for header in headers if header}
    missing = [key for key in mapping if key not in keys]
    if missing:
        listed = ", ".join(f"'{header}'" for header in headers if header)
        where = f" of sheet '{sheet}'" if sheet else ""
        raise SpreadsheetError(path, f"has no column '{mapping.texts.get(missing[0], missing[0])}' to map "
                                     f"(the headers in row {header_row}{where} are: {listed})")


def _no_name_column(path: Path, where: str, found, of_sheet: str) -> SpreadsheetError:
    row, cells = found
    listed = ", ".join(f"'{cell}'" for cell in cells if cell)
    if len(listed) > 300:
        listed = listed[:300] + "..."
    if not listed:
        return SpreadsheetError(path, f"has nothing in {where} (it is empty)")
    example = next((cell for cell in cells if cell), "Header")
    return SpreadsheetError(
        path, f"has no column of names in {where} (the fullest row near the top, row {row}{of_sheet}, has: "
              f"{listed}); say which column holds the names, e.g. --map \"{example}=name\"")


__all__ = ["IGNORE", "SheetRow", "SheetTable", "SpreadsheetError", "cell_text", "read_table"]
