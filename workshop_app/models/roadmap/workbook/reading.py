"""Read an edited road-map workbook back: the Road map and Indicators rows by column, the rows of
the plan's texts, reference figures and acronyms, and the hidden export record (what the workbook
held when it was exported).

Only these sheets are read, with the fast read-only reader of sheets.xlsx; Responsibilities,
Budget and Summary are worked out by the program and never read back. A file that is not a
road-map workbook gets one SpreadsheetError naming the file.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workshop_app.i18n.catalogs import _, in_every_language
from workshop_app.models.roadmap.workbook.columns import (
    INDICATOR_COLUMNS,
    INDICATORS_SHEET,
    RECORD_FORMAT,
    RECORD_SHEET,
    ROADMAP_COLUMNS,
    ROADMAP_SHEET,
    Column,
    header_text_key,
    unpack_json,
    unpack_snapshot,
)
from workshop_app.models.roadmap.workbook.plan_sheets import SHEET_COLUMNS, TITLE_HEADERS, checked_record
from workshop_app.models.sheets.files import SpreadsheetError, file_kind, read_workbook
from workshop_app.models.sheets.formulas import FormulaCell

HEADER_SCAN_ROWS = 10
# Column kinds whose cells hold numbers or dates: a formula there reads as the result Excel saved
# with it ("=12*4500" for a cost). Elsewhere a formula stays a FormulaCell, which the import
# refuses: a text or a list computed by a formula is not what anyone typed.
_RESULT_KINDS = frozenset(("amount", "year", "number", "marker", "period", "figure"))
_SHEET_NAME_LIMIT = 31
_EXCEL_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Other spellings people give a header when they retype it.
_ALIASES = {"organisation": "organization", "programme": "program"}


@dataclass
class WorkbookRow:
    number: int  # the row number Excel shows
    cells: dict[str, Any]  # field -> the cell's value, for the columns the sheet has


@dataclass
class WorkbookSheet:
    title: str
    header_row: int
    columns: dict[str, Column]  # field -> column, for the columns found
    missing: list[Column]  # columns the sheet should have and has not
    rows: list[WorkbookRow] = field(default_factory=list)


@dataclass
class EditedWorkbook:
    path: Path
    roadmap: WorkbookSheet
    indicators: WorkbookSheet | None  # None when the sheet was removed
    record: dict[str, str] = field(default_factory=dict)  # format, workshop, version, fingerprint…
    base: dict | None = None  # the snapshot the workbook was exported from
    # The plan's texts, reference figures and acronyms, by English sheet name (plan_sheets);
    # None for a sheet the workbook does not have.
    plan_sheets: dict[str, WorkbookSheet | None] = field(default_factory=dict)
    plan_base: dict | None = None  # plan_sheets.plan_record as exported


def read_roadmap_workbook(path: Path | str) -> EditedWorkbook:
    """The workbook's road map, indicators and export record, or SpreadsheetError."""
    path = Path(path)
    if file_kind(path) != "xlsx":
        raise SpreadsheetError(path, _("is not an Excel workbook (.xlsx); choose the road-map workbook exported by "
                                       "Pathfinder Workshop"))
    return read_workbook(path, lambda workbook: _read(path, workbook))


def _spellings(english: str) -> set[str]:
    """A sheet name or header as any of the program's languages writes it: the workbook was
    exported in the workshop's language, and a French sheet "Feuille de route" is the Road map.
    A name cut to Excel's 31 characters is found too."""
    found = {_key(english)}
    for written in in_every_language(english, pseudo=True).values():
        found.update((_key(written), _key(_EXCEL_FORBIDDEN.sub("", written))))
    return found | {key[:_SHEET_NAME_LIMIT].rstrip() for key in found}


def _sheet(titles: dict[str, str], english: str) -> str | None:
    for spelling in _spellings(english):
        if spelling in titles:
            return titles[spelling]
    return None


def _read(path: Path, workbook) -> EditedWorkbook:
    # Sheet names are compared as Excel-safe names: no [ ] : * ? / \, at most 31 characters.
    titles = {_key(title): title for title in workbook.table_names}
    titles.update({_key(_EXCEL_FORBIDDEN.sub("", title)): title for title in workbook.table_names})
    roadmap_title = _sheet(titles, ROADMAP_SHEET)
    if roadmap_title is None:
        listed = ", ".join(f"'{name}'" for name in workbook.sheet_names)
        raise SpreadsheetError(path, _("is not a road-map workbook: it has no sheet '{sheet}' (its sheets are: "
                                       "{sheets}); export one with --what roadmap and an .xlsx name").format(
            sheet=ROADMAP_SHEET, sheets=listed))
    roadmap = _read_sheet(path, workbook, roadmap_title, ROADMAP_COLUMNS, "Title")
    indicators_title = _sheet(titles, INDICATORS_SHEET)
    indicators = (_read_sheet(path, workbook, indicators_title, INDICATOR_COLUMNS, "Indicator")
                  if indicators_title else None)
    result = EditedWorkbook(path, roadmap, indicators)
    for english, columns in SHEET_COLUMNS.items():
        title = _sheet(titles, english)
        result.plan_sheets[english] = (_read_sheet(path, workbook, title, columns, TITLE_HEADERS[english])
                                       if title else None)
    record_title = _sheet(titles, RECORD_SHEET)
    if record_title is not None:
        _read_record(path, workbook, record_title, result)
    return result


def _read_sheet(path: Path, workbook, title: str, columns, title_header: str) -> WorkbookSheet:
    # Two headers of a sheet may read alike in a language (Arabic writes "No." and "Figure" both
    # "الرقم"): the columns that share a spelling are found in their order on the sheet.
    wanted: dict[str, list[Column]] = {}
    for column in columns:
        for spelling in _spellings(column.header):
            wanted.setdefault(spelling, []).append(column)
    identifiers, titles = _spellings("ID"), _spellings(title_header)
    rows = iter(workbook.rows(title, formulas=True))
    header_row, found = None, {}
    for number, values in rows:
        values = [value.result if isinstance(value, FormulaCell) else value for value in values]
        keys = [_key(value) if isinstance(value, str) else "" for value in values]
        if identifiers.intersection(keys) and titles.intersection(keys):
            header_row = number
            found = _header_columns(keys, wanted)
            break
        if number >= HEADER_SCAN_ROWS:
            break
    if header_row is None:
        raise SpreadsheetError(path, _("is not a road-map workbook Pathfinder Workshop can read back: sheet '{sheet}' "
                                       "has no header row with an 'ID' and a '{column}' column near the top; export "
                                       "the workbook again and edit that copy").format(sheet=title,
                                                                                      column=title_header))
    # The first column of each name wins when a header was copied.
    by_field: dict[str, int] = {}
    for index, column in found.items():
        by_field.setdefault(column.field, index)
    indexes = [(column_field, index) for column_field, index in by_field.items()]
    by_name = {column.field: column for column in found.values()}
    shown_only = {name for name, column in by_name.items() if not column.imported}  # never read back
    numbers = {name for name, column in by_name.items() if column.kind in _RESULT_KINDS}
    sheet = WorkbookSheet(title, header_row, by_name, [column for column in columns if column.field not in by_field])
    for number, values in rows:
        width = len(values)
        cells = {column_field: _result(values[index], column_field in shown_only, column_field in numbers)
                 if index < width else None for column_field, index in indexes}
        if any(value is not None and value != "" for value in cells.values()):
            sheet.rows.append(WorkbookRow(number, cells))
    return sheet


def _header_columns(keys: list[str], wanted: dict[str, list[Column]]) -> dict[int, Column]:
    """The column of each header cell, by its index; a header copied a second time is no column."""
    found, taken = {}, set()
    for index, key in enumerate(keys):
        column = next((column for column in wanted.get(key, ()) if column.field not in taken), None)
        if column is not None:
            found[index] = column
            taken.add(column.field)
    return found


def _result(value: Any, shown_only: bool, number: bool) -> Any:
    """A cell's value; a formula's result where a formula may stand (see _RESULT_KINDS)."""
    if isinstance(value, FormulaCell) and (shown_only or (number and value.result is not None)):
        return value.result
    return value


def _read_record(path: Path, workbook, title: str, result: EditedWorkbook) -> None:
    packed: dict[str, list[str]] = {}  # "snapshot" (the road map) and "plan", in pieces
    for _number, values in workbook.rows(title):
        key = values[0] if values else None
        if key in ("snapshot", "plan"):
            packed[key] = [value for value in values[1:] if isinstance(value, str)]
        elif isinstance(key, str) and len(values) > 1 and values[1] is not None:
            result.record[key] = str(values[1])
    if not packed.get("snapshot"):
        return
    try:
        if int(float(result.record.get("format", 0))) > RECORD_FORMAT:
            raise SpreadsheetError(path, _("was exported by a newer Pathfinder Workshop; update the program to "
                                           "import it"))
        result.base = unpack_snapshot(packed["snapshot"], path)
        if packed.get("plan"):
            result.plan_base = checked_record(unpack_json(packed["plan"], path))
    except ValueError:
        raise SpreadsheetError(path, _("has a damaged export record (the hidden sheet that tells what was exported); "
                                       "export the workbook again")) from None


def _key(text: Any) -> str:
    key = header_text_key(text)
    for spelling, ours in _ALIASES.items():
        key = key.replace(spelling, ours)
    return key
