"""Read the table out of a messy spreadsheet (.xlsx or .csv) as cleaned text, ready to import.

Real lists have a title and blank rows above the table, merged cells, phone numbers stored as
numbers and headers in English, French or Spanish. read_table() finds the header row among the
first rows, fills cells merged down over several rows into each of them, and turns every cell
into trimmed NFC text. Any file it cannot read gets one SpreadsheetError naming the file.
"""

import dataclasses
import datetime as dt
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.participant_import.headers import (
    IGNORE,
    check_mapping,
    column_fields,
    guess_language,
    row_score,
)
from workshop_app.models.sheets.files import SpreadsheetError, file_kind, read_workbook
from workshop_app.models.text_keys import folded_key

HEADER_SCAN_ROWS = 30  # the header row is looked for among this many rows at the top


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
    fields: tuple[str, ...]  # per column: a field of headers.FIELDS or "ignore"
    language: str  # "en", "fr" or "es", guessed from the headers
    rows: tuple[SheetRow, ...]  # data rows below the header, blank rows left out
    section_rows: tuple[tuple[int, str], ...] = ()  # headings merged across the table, skipped
    notes: tuple[str, ...] = ()  # how the file was read, for the report (lines in another encoding)

    def mapping(self) -> dict[str, str]:
        """Header text -> field, as detected (or as the user's mapping said)."""
        return {header: field for header, field in zip(self.headers, self.fields) if header}

    def columns(self, field: str) -> list[int]:
        return [index for index, name in enumerate(self.fields) if name == field]

    def preview(self, limit: int = 10) -> list[SheetRow]:
        return list(self.rows[:limit])


class _Mapping(dict):
    """The user's {header: field} by header key (checked), remembering the headers as typed."""

    def __init__(self, path: Path, mapping: dict[str, str] | None):
        try:
            super().__init__(check_mapping(mapping))
        except InvalidValueError as error:
            raise SpreadsheetError(path, str(error)) from None
        self.texts = {folded_key(str(header)): str(header) for header in mapping or {}}


def read_table(path: Path | str, sheet: str | None = None, *, mapping: dict[str, str] | None = None) -> SheetTable:
    """The participant table of an .xlsx or .csv file (sheet: a sheet name; default the first
    sheet with a header row naming a name column). mapping {header: field} overrides detection."""
    path = Path(path)
    wanted = _Mapping(path, mapping)
    kind = file_kind(path)
    if kind == "xlsx":
        return _read_xlsx(path, sheet, wanted)
    if sheet and sheet.strip().casefold() != path.stem.casefold():
        raise SpreadsheetError(path, _("is a CSV file, which has no sheets (no sheet '{sheet}')").format(sheet=sheet))
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


# ---------------------------------------------------------------------------------- xlsx


def _read_xlsx(path: Path, sheet: str | None, mapping: _Mapping) -> SheetTable:
    return read_workbook(path, lambda workbook: _read_workbook(path, workbook, sheet, mapping))


def _read_workbook(path: Path, workbook, sheet: str | None, mapping: _Mapping) -> SheetTable:
    names = workbook.sheet_names
    if sheet is not None:
        title = _find_sheet(sheet, names)
        if title is None:
            listed = ", ".join(f"'{name}'" for name in names)
            raise SpreadsheetError(path, _("has no sheet named '{sheet}'; its sheets are: {sheets}").format(
                sheet=sheet, sheets=listed))
        if title not in workbook.table_names:
            raise SpreadsheetError(path, _("sheet '{sheet}' is a chart, not a table").format(sheet=title))
        candidates = [title]
    else:
        candidates = list(workbook.table_names)
    first_miss = None
    for title in candidates:
        sheet_rows = workbook.rows(title)
        numbered = iter(sheet_rows)
        head = list(islice(numbered, HEADER_SCAN_ROWS))
        if len(candidates) > 1 and _header_index(head, mapping) is None:
            numbered.close()  # not this sheet: leave the rest of it unread
            first_miss = first_miss or (title, _fullest_row(head))
            continue
        rows = head + list(numbered)
        table = _build_table(path, rows, title, names, mapping, sheet_rows.merged)
        if isinstance(table, SheetTable):
            return table
        first_miss = first_miss or (title, table)
    if first_miss is None:
        raise SpreadsheetError(path, _("has no sheet with a table (only charts)"))
    title, found = first_miss
    raise _no_name_column(path, found, title, any_sheet=len(candidates) > 1)


def _find_sheet(wanted: str, names: tuple[str, ...]) -> str | None:
    if wanted in names:
        return wanted
    folded = " ".join(wanted.split()).casefold()
    return next((name for name in names if " ".join(name.split()).casefold() == folded), None)


def _fill_merged(rows: list[tuple[int, list]], merged) -> dict[int, int]:
    """Give a cell merged down over several rows to each of those rows (that has anything of
    its own: an organization merged over blank rows does not make people). Returns the rows
    that a merge runs across, with its width: a heading there is not a person.

    A range is cut to the rows read (a sheet can merge 2,000 ranges down to row 1,048,576: that
    took minutes), and to the widest row; each cell is covered at most once: a range that
    overlaps one before it is left out, as Excel does when it repairs such a file. So the work
    is never more than the cells of the table."""
    wide: dict[int, int] = {}
    if not merged:
        return wide
    by_number = dict(rows)
    numbers = sorted(by_number)
    width = max((len(values) for values in by_number.values()), default=0)
    covered: set[tuple[int, int]] = set()
    for first_column, first_row, last_column, last_row in merged:
        last_column = min(last_column, width)
        inside = numbers[bisect_left(numbers, first_row):bisect_right(numbers, last_row)]
        if first_column > last_column or not inside or not _cover(covered, inside, first_column, last_column):
            continue
        if last_column > first_column:
            for number in inside:
                wide[number] = max(wide.get(number, 0), last_column - first_column + 1)
        top = by_number.get(first_row)
        if last_row == first_row or top is None or len(top) < first_column:
            continue
        value, column = top[first_column - 1], first_column - 1
        for number in inside[1:]:
            values = by_number[number]
            if any(cell not in (None, "") for cell in values):
                values.extend([None] * (column + 1 - len(values)))
                values[column] = value
    return wide


def _cover(covered: set, numbers: list[int], first_column: int, last_column: int) -> bool:
    """Mark the cells of a range as covered; False (and stop) at the first one covered already.
    The cells marked before stopping stay marked, so no cell is ever looked at twice."""
    for number in numbers:
        for column in range(first_column, last_column + 1):
            if (number, column) in covered:
                return False
            covered.add((number, column))
    return True


# ---------------------------------------------------------------------------------- csv


def _read_csv(path: Path, mapping: _Mapping) -> SheetTable:
    from workshop_app.models.sheets.csv_records import csv_records

    records, notes = csv_records(path)
    table = _build_table(path, list(enumerate(records, start=1)), None, (), mapping)
    if isinstance(table, SheetTable):
        return dataclasses.replace(table, notes=tuple(notes))
    raise _no_name_column(path, table)


# ---------------------------------------------------------------------------------- the table


def _header_index(head: list[tuple[int, list]], mapping) -> int | None:
    """Which of the top rows is the header: the one naming most fields, a name among them."""
    best, best_score = None, 0
    for index, (_number, values) in enumerate(head):
        score, has_name = row_score([cell_text(value) for value in values], mapping)
        if has_name and score > best_score:
            best, best_score = index, score
    return best


def _fullest_row(head: list[tuple[int, list]]) -> tuple[int, list[str]]:
    texts = [(number, [cell_text(value) for value in values]) for number, values in head]
    return max(texts, key=lambda row: sum(1 for cell in row[1] if cell), default=(0, []))


def _build_table(path: Path, rows: list[tuple[int, list]], sheet, names, mapping, merged=None):
    """The SheetTable, or (row number, texts) of the fullest top row when no row names a name column."""
    wide = _fill_merged(rows, merged)
    head = rows[:HEADER_SCAN_ROWS]
    best = _header_index(head, mapping)
    if best is None:
        return _fullest_row(head)
    header_number = rows[best][0]
    header_cells = [cell_text(value) for value in rows[best][1]]
    width = max(index for index, cell in enumerate(header_cells) if cell) + 1
    headers = tuple(header_cells[:width])
    _check_mapping_found(path, headers, mapping, header_number, sheet)
    fields = tuple(column_fields(headers, mapping))
    table_rows, sections = [], []
    empty = ("",) * width
    for number, values in rows[best + 1:]:
        cells = tuple(map(cell_text, values[:width]))
        if len(cells) < width:
            cells += empty[len(cells):]
        if cells == empty or cells == headers:  # blank, or the header repeated on a printed page
            continue
        if wide.get(number, 0) > 2 and sum(1 for cell in cells if cell) == 1:
            sections.append((number, next(cell for cell in cells if cell)))
            continue
        table_rows.append(SheetRow(number, cells))
    return SheetTable(path, sheet, tuple(names), header_number, headers, fields,
                      guess_language(headers, mapping), tuple(table_rows), tuple(sections))


def _check_mapping_found(path: Path, headers, mapping: _Mapping, header_row: int, sheet) -> None:
    keys = {folded_key(header) for header in headers if header}
    missing = [key for key in mapping if key not in keys]
    if missing:
        listed = ", ".join(f"'{header}'" for header in headers if header)
        problem = (_("has no column '{column}' to map (the headers in row {row} of sheet '{sheet}' are: {headers})")
                   if sheet else _("has no column '{column}' to map (the headers in row {row} are: {headers})"))
        raise SpreadsheetError(path, problem.format(column=mapping.texts.get(missing[0], missing[0]), row=header_row,
                                                    sheet=sheet, headers=listed))


def _no_name_column(path: Path, found, sheet: str | None = None, *, any_sheet: bool = False) -> SpreadsheetError:
    """No row near the top of the file (of `sheet`, of any sheet) names a column of names."""
    row, cells = found
    listed = ", ".join(f"'{cell}'" for cell in cells if cell)
    if len(listed) > 300:
        listed = listed[:300] + "..."
    if not listed:
        if sheet is None:
            return SpreadsheetError(path, _("has nothing in the file (it is empty)"))
        if any_sheet:
            return SpreadsheetError(path, _("has nothing in any sheet (it is empty)"))
        return SpreadsheetError(path, _("has nothing in sheet '{sheet}' (it is empty)").format(sheet=sheet))
    # Translators: an example column header in "--map "Header=name"" (the "=name" stays in English)
    example = next((cell for cell in cells if cell), _("Header"))
    if sheet is None:
        problem = _("has no column of names in the file (the fullest row near the top, row {row}, has: {cells}); say "
                    "which column holds the names, e.g. --map \"{example}=name\"")
    elif any_sheet:
        problem = _("has no column of names in any sheet (the fullest row near the top, row {row} of sheet '{sheet}', "
                    "has: {cells}); say which column holds the names, e.g. --map \"{example}=name\"")
    else:
        problem = _("has no column of names in sheet '{sheet}' (the fullest row near the top, row {row} of sheet "
                    "'{sheet}', has: {cells}); say which column holds the names, e.g. --map \"{example}=name\"")
    return SpreadsheetError(path, problem.format(row=row, sheet=sheet, cells=listed, example=example))


__all__ = ["IGNORE", "SheetRow", "SheetTable", "SpreadsheetError", "cell_text", "read_table"]
