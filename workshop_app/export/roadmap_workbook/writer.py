"""The road map as an Excel workbook made for people who live in Excel, and that comes back.

Sheets: "Road map" (one row per item, goal to actions, grouped by outcome), "Indicators" (the
M&E framework), "Responsibilities" (actions × organizations), "Budget" (per outcome and
currency, never adding two currencies), "Summary". Two more are hidden: "Lists" holds the
drop-down lists, and "Export record" the road map as exported (a versions.snapshot, compressed)
with its fingerprint, so that models/roadmap/workbook/reimport.py can tell later which cells were changed in
Excel, which in the workshop, and which on both sides.

How it is written: openpyxl builds the package (styles, sheet settings, validations, print
setup, defined names) with empty sheets, and the rows are written here as sheet XML directly,
then put into the package. openpyxl's own cell writer costs about 15 µs a cell through lxml;
the rows of 500 actions are written here in a fraction of that. Text is always an inline
string: nothing a user typed can become a formula, and text that looks like one ("=…", "+…")
also gets quotePrefix so that Excel keeps it text when the cell is edited.
"""

import datetime as dt
import io
import math
import re
import zipfile
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import Outline

from workshop_app import __version__
from workshop_app.export.dates import date_range, short_date
from workshop_app.export.errors import ExportError
from workshop_app.export.files import written_atomically
from workshop_app.export.workbook.styles import (
    FONT,
    HEADER_COLOR,
    HEADER_HEIGHT,
    LINE_HEIGHT,
    MUTED_COLOR,
    THIN,
    print_setup,
)
from workshop_app.export.workbook.text import looks_like_formula, xlsx_text
from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.totals import CurrencyTotal, currency_of
from workshop_app.models.roadmap.versions import list_versions, snapshot
from workshop_app.models.roadmap.workbook.columns import (
    BUDGET_SHEET,
    GENDER_MARKER_NOTE,
    INDICATOR_COLUMNS,
    INDICATOR_PRINTED,
    INDICATORS_SHEET,
    LISTS_SHEET,
    RECORD_FORMAT,
    RECORD_SHEET,
    RESPONSIBILITIES_SHEET,
    ROADMAP_COLUMNS,
    ROADMAP_PRINTED,
    ROADMAP_SHEET,
    SUMMARY_SHEET,
    OrganizationNames,
    fingerprint,
    format_value,
    indicator_records,
    node_records,
    pack_snapshot,
    snapshot_text,
)

EXTRA_VALIDATED_ROWS = 500  # drop-downs reach this far below the last row, for rows added in Excel

# (narrowest, widest) in characters, and whether long text wraps, per Road map column.
_ROADMAP_WIDTHS = {
    "Level": (9, 9, False), "Code": (7, 8, False), "Title": (36, 56, True),
    "Lead organization": (20, 32, True), "Partners": (22, 36, True), "Start": (9, 11, False),
    "End": (9, 11, False), "Status": (11, 11, False), "Cost": (11, 14, False), "Currency": (9, 9, False),
    "Funding secured": (11, 14, False), "Funding gap": (11, 14, False), "Gender marker": (8, 8, False),
    "Action Group": (14, 20, True), "Target 8.7 issues": (16, 26, True), "Pillars": (13, 24, True),
    "SDGs": (8, 12, False), "Geographic scope": (12, 22, True), "Description": (30, 70, True),
    "Risks": (24, 40, True), "Assumptions": (24, 40, True), "Comments": (24, 40, True), "ID": (37, 37, False),
}
_INDICATOR_WIDTHS = {
    "Code": (7, 8, False), "Result": (28, 40, True), "No.": (5, 5, False), "Indicator": (34, 50, True),
    "Unit": (10, 18, True), "Baseline": (12, 24, True), "Baseline year": (9, 9, False), "Target": (12, 24, True),
    "Target year": (8, 8, False), "Disaggregation": (14, 30, True), "Means of verification": (18, 34, True),
    "Collected by": (14, 26, True), "Frequency": (11, 20, True), "ID": (37, 37, False),
}
_MAX_ROW_HEIGHT = 409  # Excel's limit

_LEVEL_FILLS = {"goal": "1F3A5F", "outcome": "C9DAEA", "output": "E8EFF6"}
_ROLE_FILLS = {"lead": "1F4E79", "support": "9DC3E6", "consulted": "DDEBF7", "informed": "EDEDED", "funder": "FCE4D6"}
_OUTLINE = {"goal": 0, "outcome": 0, "output": 1, "action": 2}
_INDENT = {"goal": 0, "outcome": 0, "output": 1, "action": 2}

_MARKER = "pathfinder-sheet-data-{}"
_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
# <dimension> comes right after <sheetPr>, before the first of these (the schema's order).
_BEFORE_DIMENSION = re.compile(r"<(?:sheetViews|sheetFormatPr|cols|sheetData)\b")


def write_roadmap_xlsx(document: WorkshopDocument, path: Path | str, *, version: str | None = None) -> None:
    """Write the road-map workbook of the current draft, or of the frozen version named
    `version`, to `path` (replaced only when complete). Raises ExportError when the version
    does not exist or the file cannot be written."""
    path = Path(path)
    try:
        frozen = snapshot(document, version)
    except WorkshopError as error:
        raise ExportError(path, str(error)) from None
    version_row = None
    if version is not None:
        version_row = next((row for row in list_versions(document)
                            if row["id"] == version or row["name"] == version), None) or next(
            (row for row in list_versions(document) if row["name"].casefold() == version.strip().casefold()), None)
    contents = _Contents(document, frozen, version_row)
    with written_atomically(path) as temporary:
        temporary.write_bytes(_workbook_bytes(contents))


# ---------------------------------------------------------------------------------- what is written

class _Contents:
    """Everything the sheets show, worked out from one snapshot before anything is written."""

    def __init__(self, document: WorkshopDocument, frozen: dict, version_row: dict | None):
        self.workshop = document.workshop()
        self.version = version_row
        self.snapshot = frozen
        self.organizations = document.rows("organization")
        self.names = OrganizationNames(self.organizations, frozen.get("organizations"))
        self.nodes = node_records(frozen)
        self.indicators = indicator_records(frozen, self.nodes)
        self.order = [node["id"] for node in frozen["nodes"]]
        self.outcome_of = {}
        for node in frozen["nodes"]:
            parent = self.nodes.get(node["parent_id"])
            if node["level"] == "outcome":
                self.outcome_of[node["id"]] = node["id"]
            elif parent is not None:
                self.outcome_of[node["id"]] = self.outcome_of.get(parent["id"])
        self.record_json = snapshot_text(frozen)
        self.fingerprint = fingerprint(self.record_json)
        self.exported_at = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def actions(self) -> list[dict]:
        return [self.nodes[node_id] for node_id in self.order if self.nodes[node_id]["level"] == "action"]

    def title_text(self) -> str:
        title = self.workshop["title"]
        if self.version is not None:
            return f"{title} – version “{self.version['name']}”"
        return title


# ---------------------------------------------------------------------------------- styles and rows

_STYLE_NAMES = ("bold", "italic", "color", "size", "fill", "wrap", "valign", "halign", "indent", "rotation",
                "number_format", "quote", "top", "bottom")


class _Styles:
    """Cell formats by description, registered once in the workbook; cells refer to them by index."""

    def __init__(self, workbook: Workbook, sheet):
        self._workbook = workbook
        self._sheet = sheet
        self._ids: dict[tuple, int] = {}
        self._keys: dict[int, tuple] = {}

    def get(self, *, bold=False, italic=False, color=None, size=11, fill=None, wrap=False, valign="top",
            halign=None, indent=0, rotation=0, number_format=None, quote=False, top=False, bottom=False) -> int:
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


_LETTERS = [get_column_letter(index) for index in range(1, 16385)]


class _SheetData:
    """The <sheetData> of one sheet, written row by row as XML text."""

    def __init__(self, styles: _Styles):
        self.styles = styles
        self.parts: list[str] = []
        self.row = 0
        self.columns = 0  # the widest row, in columns
        self._quoted: dict[int, int] = {}

    def add(self, cells, *, height: float | None = None, outline: int = 0, hidden: bool = False) -> int:
        """Append a row; `cells` holds (value, style id) or None per column. Returns its number."""
        self.row += 1
        number = str(self.row)
        attributes = f'<row r="{number}"'
        if height:
            attributes += f' ht="{height:g}" customHeight="1"'
        if outline:
            attributes += f' outlineLevel="{outline}"'
        if hidden:
            attributes += ' hidden="1"'
        parts = [attributes, ">"]
        if len(cells) > self.columns:
            self.columns = len(cells)
        for index, cell in enumerate(cells):
            if cell is None:
                continue
            value, style = cell
            reference = _LETTERS[index] + number
            if value is None or value == "":
                if style:
                    parts.append(f'<c r="{reference}" s="{style}"/>')
                continue
            kind = type(value)
            if kind is str:
                text = xlsx_text(value).replace("\r\n", "\n")
                if not text:
                    continue
                if looks_like_formula(text):
                    style = self._quoted.get(style) or self._quoted.setdefault(style, self.styles.quoted(style))
                space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
                parts.append(f'<c r="{reference}" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>')
            elif kind is int or kind is float:
                if kind is float and not math.isfinite(value):
                    continue
                parts.append(f'<c r="{reference}" s="{style}"><v>{value!r}</v></c>')
            elif isinstance(value, bool):
                parts.append(f'<c r="{reference}" s="{style}" t="b"><v>{int(value)}</v></c>')
            else:
                raise TypeError(f"cannot write {kind.__name__} to a cell")
        parts.append("</row>")
        self.parts.append("".join(parts))
        return self.row

    def xml(self) -> str:
        return "<sheetData>" + "".join(self.parts) + "</sheetData>"

    def dimension(self) -> str:
        """The used range, as <dimension> gives it: readers (openpyxl's among them) size the
        sheet from it instead of reading the whole sheet first."""
        if not self.row:
            return "A1"
        return f"A1:{_LETTERS[max(self.columns, 1) - 1]}{self.row}"


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


def _lines_needed(value, width: float) -> int:
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


def _widths(headers, settings, rows) -> list[float]:
    widths = []
    for index, (header, (narrowest, widest, wrap)) in enumerate(zip(headers, settings)):
        longest = max([0, *(_text_length(row[index]) for row in rows)])
        # A header wraps onto two lines at most: its longer half sets the minimum.
        words = header.split()
        half = math.ceil(len(words) / 2)
        header_need = max(len(" ".join(words[:half])), len(" ".join(words[half:])))
        widths.append(float(min(max(longest + 2, header_need + 2, narrowest), widest)))
    return widths


def _row_height(values, widths, wraps, printed: int | None = None, *, bold: bool = False) -> float | None:
    """The height a row needs for its wrapped text (LibreOffice does not grow rows itself).
    Columns beyond `printed` count for 4 lines at most: a long description far to the right
    should not make the printed row a mostly empty box."""
    lines = 1
    for index, (value, width, wrap) in enumerate(zip(values, widths, wraps)):
        if wrap and isinstance(value, str):
            needed = _lines_needed(value, width * 0.88 if bold else width)  # bold text is wider
            lines = max(lines, needed if printed is None or index < printed else min(needed, 4))
    return None if lines == 1 else min(lines * LINE_HEIGHT, _MAX_ROW_HEIGHT)


# ---------------------------------------------------------------------------------- the workbook

def _workbook_bytes(contents: _Contents) -> bytes:
    workbook = Workbook(write_only=True)
    workbook.properties.title = xlsx_text(f"Road map – {contents.title_text()}")[:250]
    workbook.properties.creator = f"Pathfinder Workshop {__version__}"
    titles = (ROADMAP_SHEET, INDICATORS_SHEET, RESPONSIBILITIES_SHEET, BUDGET_SHEET, SUMMARY_SHEET, LISTS_SHEET,
              RECORD_SHEET)
    sheets = {title: workbook.create_sheet(title) for title in titles}
    styles = _Styles(workbook, sheets[ROADMAP_SHEET])
    lists = _write_lists(sheets[LISTS_SHEET], styles, contents)
    data = {
        ROADMAP_SHEET: _write_roadmap(sheets[ROADMAP_SHEET], styles, contents, lists),
        INDICATORS_SHEET: _write_indicators(sheets[INDICATORS_SHEET], styles, contents),
        RESPONSIBILITIES_SHEET: _write_responsibilities(sheets[RESPONSIBILITIES_SHEET], styles, contents),
        BUDGET_SHEET: _write_budget(sheets[BUDGET_SHEET], styles, contents),
        SUMMARY_SHEET: _write_summary(sheets[SUMMARY_SHEET], styles, contents),
        LISTS_SHEET: lists.data,
        RECORD_SHEET: _write_record(sheets[RECORD_SHEET], styles, contents),
    }
    markers = {}
    for index, title in enumerate(titles):
        marker = _MARKER.format(index)
        sheets[title].append([marker])  # found again in the package, and replaced by the rows
        markers[marker] = (data[title].dimension(), data[title].xml())
    skeleton = io.BytesIO()
    workbook.save(skeleton)
    return _filled_package(skeleton.getvalue(), markers)


def _filled_package(skeleton: bytes, markers: dict[str, tuple[str, str]]) -> bytes:
    """The package openpyxl wrote, with each sheet's marker row replaced by the sheet's rows."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(skeleton)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                text = content.decode("utf-8")
                marker = next((marker for marker in markers if marker in text), None)
                if marker is not None:
                    dimension, rows = markers[marker]
                    text = _SHEET_DATA.sub(lambda _: rows, text, count=1)
                    text = _BEFORE_DIMENSION.sub(lambda found: f'<dimension ref="{dimension}"/>{found.group(0)}',
                                                 text, count=1)
                    content = text.encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


def _header_row(data: _SheetData, headers, numeric=frozenset(), *, centered=frozenset(), rotate=frozenset(),
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


def _validation(sheet, column: int, first_row: int, last_row: int, source: str, *, strict: bool = True,
                title: str = "", prompt: str = "", error: str = "") -> None:
    letter = _LETTERS[column]
    validation = DataValidation(type="list", formula1=source, allow_blank=True,
                                showErrorMessage=strict, errorStyle="stop" if strict else "information")
    if prompt:
        validation.promptTitle, validation.prompt, validation.showInputMessage = title[:32], prompt[:255], True
    if error:
        validation.errorTitle, validation.error = title[:32], error[:255]
    validation.add(f"{letter}{first_row}:{letter}{last_row}")
    sheet.data_validations.append(validation)


# ---------------------------------------------------------------------------------- sheet "Lists"

class _Lists:
    def __init__(self, data: _SheetData, ranges: dict[str, str]):
        self.data = data
        self.ranges = ranges


def _write_lists(sheet, styles: _Styles, contents: _Contents) -> _Lists:
    sheet.sheet_state = "hidden"
    columns = {
        "Levels": [v.NODE_LEVEL_LABELS[level] for level in v.NODE_LEVELS],
        "Statuses": list(v.ACTION_STATUSES.values()),
        "Gender markers": list(v.GENDER_MARKERS),
        "Action Groups": list(v.ACTION_GROUPS.values()),
        "Organizations": sorted((contents.names.label(row["id"]) for row in contents.organizations), key=str.casefold),
    }
    data = _SheetData(styles)
    bold = styles.get(bold=True)
    plain = styles.get()
    data.add([(header, bold) for header in columns])
    longest = max(len(values) for values in columns.values())
    for index in range(longest):
        data.add([(values[index], plain) if index < len(values) else None for values in columns.values()])
    ranges = {}
    for column, (header, values) in enumerate(columns.items()):
        letter = _LETTERS[column]
        ranges[header] = f"{LISTS_SHEET}!${letter}$2:${letter}${max(len(values), 1) + 1}"
        sheet.column_dimensions[letter].width = 30
    return _Lists(data, ranges)


# ---------------------------------------------------------------------------------- sheet "Road map"

def _write_roadmap(sheet, styles: _Styles, contents: _Contents, lists: _Lists) -> _SheetData:
    columns = ROADMAP_COLUMNS
    headers = [column.header for column in columns]
    settings = [_ROADMAP_WIDTHS[header] for header in headers]
    wraps = [wrap for _, _, wrap in settings]
    lines = []
    for node_id in contents.order:
        record = contents.nodes[node_id]
        is_action = record["level"] == "action"
        lines.append((record["level"], [None if column.action_only and not is_action
                                        else format_value(column.kind, record.get(column.field), contents.names)
                                        for column in columns]))
    widths = _widths(headers, settings, [values for _, values in lines])
    for index, width in enumerate(widths):
        sheet.column_dimensions[_LETTERS[index]].width = width

    amounts = [i for i, c in enumerate(columns) if c.kind == "amount"]
    fractional = any(isinstance(values[i], float) and not values[i].is_integer()
                     for _, values in lines for i in amounts)
    amount_format = "#,##0.00" if fractional else "#,##0"
    numeric = {i for i, column in enumerate(columns) if column.kind == "amount"}
    centered = {i for i, column in enumerate(columns) if column.kind in ("marker", "currency")}
    looks = {}
    for level in v.NODE_LEVELS:
        fill = _LEVEL_FILLS.get(level)
        heading = level != "action"
        color = "FFFFFF" if level == "goal" else None
        row_looks = []
        for index, column in enumerate(columns):
            if column.kind == "id":
                row_looks.append(styles.get(color="7B8794", size=9, fill=fill))
                continue
            row_looks.append(styles.get(
                bold=heading and column.kind in ("title", "level", "code"), color=color, fill=fill, wrap=wraps[index],
                indent=_INDENT[level] if column.kind == "title" else 0,
                number_format=amount_format if column.kind == "amount" else None,
                halign="center" if column.kind in ("marker", "currency") else None))
        looks[level] = row_looks

    data = _SheetData(styles)
    _header_row(data, headers, numeric, centered=centered)
    for level, values in lines:
        data.add([(value, style) for value, style in zip(values, looks[level])],
                 height=_row_height(values, widths, wraps, ROADMAP_PRINTED, bold=level != "action"),
                 outline=_OUTLINE[level])

    last = data.row
    last_column = _LETTERS[len(columns) - 1]
    sheet.freeze_panes = "D2"  # header, level, code and title stay in view
    sheet.auto_filter.ref = f"A1:{last_column}{max(last, 2)}"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{_LETTERS[ROADMAP_PRINTED - 1]}{max(last, 2)}"
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    sheet.sheet_format.outlineLevelRow = 2
    print_setup(sheet, contents.title_text())
    sheet.print_options.gridLines = True

    position = {column.header: index for index, column in enumerate(columns)}
    end = last + EXTRA_VALIDATED_ROWS
    _validation(sheet, position["Level"], 2, end, lists.ranges["Levels"], title="Level",
                error="Choose Goal, Outcome, Output or Action.")
    _validation(sheet, position["Status"], 2, end, lists.ranges["Statuses"], title="Status",
                error="Choose a status from the list.")
    _validation(sheet, position["Gender marker"], 2, end, lists.ranges["Gender markers"], title="Gender marker",
                prompt=GENDER_MARKER_NOTE, error="The gender marker is 0, 1, 2 or 3.")
    _validation(sheet, position["Action Group"], 2, end, lists.ranges["Action Groups"], title="Action Group",
                error="Choose an Alliance 8.7 Action Group from the list.")
    # An organization not yet in the workshop may be typed: it is created on import.
    _validation(sheet, position["Lead organization"], 2, end, lists.ranges["Organizations"], strict=False,
                title="Lead organization", error="This organization is not in the workshop yet; it will be "
                                                 "added when the workbook is imported.")
    return data


# ---------------------------------------------------------------------------------- sheet "Indicators"

def _write_indicators(sheet, styles: _Styles, contents: _Contents) -> _SheetData:
    columns = INDICATOR_COLUMNS
    headers = [column.header for column in columns]
    settings = [_INDICATOR_WIDTHS[header] for header in headers]
    wraps = [wrap for _, _, wrap in settings]
    lines = []
    for indicator in contents.indicators.values():
        node = contents.nodes.get(indicator["node_id"], {})
        lines.append((node.get("level"), indicator["node_id"],
                      [format_value(column.kind, indicator.get(column.field), contents.names) for column in columns]))
    widths = _widths(headers, settings, [values for _, _, values in lines])
    for index, width in enumerate(widths):
        sheet.column_dimensions[_LETTERS[index]].width = width
    centered = {i for i, column in enumerate(columns) if column.kind in ("number", "year")}

    def looks(first: bool) -> list[int]:
        return [styles.get(color="7B8794", size=9, top=first) if column.kind == "id" else
                styles.get(wrap=wraps[i], top=first, halign="center" if column.kind in ("number", "year") else None,
                           bold=column.field in ("node_code", "result") and first,
                           color="7B8794" if column.field in ("node_code", "result") and not first else None)
                for i, column in enumerate(columns)]

    first_looks, next_looks = looks(True), looks(False)
    data = _SheetData(styles)
    _header_row(data, headers, centered=centered)
    previous = None
    for level, node_id, values in lines:
        style = first_looks if node_id != previous else next_looks
        previous = node_id
        data.add([(value, look) for value, look in zip(values, style)],
                 height=_row_height(values, widths, wraps, bold=style is first_looks),
                 outline=1 if level == "output" else 0)
    last = max(data.row, 2)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{_LETTERS[len(columns) - 1]}{last}"
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{_LETTERS[INDICATOR_PRINTED - 1]}{last}"
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    sheet.sheet_format.outlineLevelRow = 1
    print_setup(sheet, contents.title_text())
    sheet.print_options.gridLines = True
    return data


# ---------------------------------------------------------------------------------- sheet "Responsibilities"

_CATEGORY_ORDER = {key: index for index, key in enumerate(v.ORGANIZATION_CATEGORIES)}


def _write_responsibilities(sheet, styles: _Styles, contents: _Contents) -> _SheetData:
    roles: dict[str, dict[str, str]] = {}
    for record in contents.actions():
        found = dict(record["partners"])
        if record.get("lead_organization_id"):
            found[record["lead_organization_id"]] = "lead"
        roles[record["id"]] = found
    involved = {organization for found in roles.values() for organization in found}
    categories = {row["id"]: row["category"] for row in contents.organizations}
    organizations = sorted(involved, key=lambda oid: (_CATEGORY_ORDER.get(categories.get(oid), 99),
                                                      contents.names.short(oid).casefold()))
    headers = ["Code", "Action", *(contents.names.short(oid) for oid in organizations)]
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 48
    for index in range(2, len(headers)):
        sheet.column_dimensions[_LETTERS[index]].width = 9.5
    longest = max([0, *(len(header) for header in headers[2:])])
    header_height = min(max(60, math.ceil(longest / 2) * 7 + 12), 200)

    data = _SheetData(styles)
    _header_row(data, headers, rotate=set(range(2, len(headers))), height=header_height)
    role_looks = {role: styles.get(fill=fill, halign="center", bold=role == "lead",
                                   color="FFFFFF" if role == "lead" else None)
                  for role, fill in _ROLE_FILLS.items()}
    plain, wrapped = styles.get(), styles.get(wrap=True)
    for node_id in contents.order:
        record = contents.nodes[node_id]
        level = record["level"]
        if level == "goal":
            continue
        if level != "action":
            fill = _LEVEL_FILLS[level]
            bold = styles.get(bold=True, fill=fill)
            title = styles.get(bold=True, fill=fill, wrap=True, indent=_INDENT[level])
            empty = styles.get(fill=fill)
            cells = [(record["code"], bold), (record["title"], title), *((None, empty) for _ in organizations)]
            data.add(cells, height=_row_height([None, record["title"]], [8, 48], [False, True], bold=True),
                     outline=_OUTLINE[level])
            continue
        found = roles[node_id]
        cells = [(record["code"], plain), (record["title"], wrapped)]
        for organization in organizations:
            role = found.get(organization)
            cells.append((v.PARTNER_ROLES[role], role_looks[role]) if role else None)
        data.add(cells, height=_row_height([None, record["title"]], [8, 48], [False, True]), outline=2)
    last = max(data.row, 2)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{_LETTERS[max(len(headers), 2) - 1]}{last}"
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:B"
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    sheet.sheet_format.outlineLevelRow = 2
    print_setup(sheet, contents.title_text(), fit_width=max(1, math.ceil(len(organizations) / 24)))
    sheet.print_options.gridLines = True
    return data


# ---------------------------------------------------------------------------------- sheet "Budget"

def _currency_totals(records) -> dict[str, CurrencyTotal]:
    found: dict[str, CurrencyTotal] = {}
    for record in records:
        if record["status"] == "dropped":
            continue
        key = currency_of(record)
        found.setdefault(key, CurrencyTotal(key)).add(record)
    return {key: found[key] for key in sorted(found, key=lambda key: (key == "", key))}


_BUDGET_HEADERS = ("Code", "Outcome", "Currency", "Actions", "Not costed", "Cost", "Funding secured",
                   "Funding gap", "Secured")
NO_CURRENCY = "(no currency)"
NOT_KNOWN = "–"


def _write_budget(sheet, styles: _Styles, contents: _Contents) -> _SheetData:
    by_outcome: dict[str, list[dict]] = {}
    for record in contents.actions():
        by_outcome.setdefault(contents.outcome_of.get(record["id"]), []).append(record)
    for letter, width in zip("ABCDEFGHI", (7, 50, 14, 9, 9, 15, 15, 15, 9)):
        sheet.column_dimensions[letter].width = width
    data = _SheetData(styles)
    _header_row(data, _BUDGET_HEADERS, {3, 4, 5, 6, 7, 8})

    def looks(*, bold=False, top=False) -> dict[str, int]:
        return {"text": styles.get(bold=bold, top=top), "title": styles.get(bold=bold, top=top, wrap=True),
                "count": styles.get(bold=bold, top=top), "money": styles.get(bold=bold, top=top, number_format="#,##0"),
                "share": styles.get(bold=bold, top=top, number_format="0%"),
                "unknown": styles.get(bold=bold, top=top, halign="right")}

    def line(code, title, currency, total: CurrencyTotal | None, look: dict[str, int]) -> list:
        if total is None:
            return [(code, look["text"]), (title, look["title"]), (NOT_KNOWN, look["text"]), (0, look["count"]),
                    *((None, look["text"]) for _ in range(5))]
        costed = total.actions > total.uncosted
        money = (lambda amount: (amount, look["money"])) if costed else (lambda amount: (NOT_KNOWN, look["unknown"]))
        secured = total.funding_secured / total.cost if total.cost else None
        return [(code, look["text"]), (title, look["title"]), (currency or NO_CURRENCY, look["text"]),
                (total.actions, look["count"]), (total.uncosted, look["count"]), money(total.cost),
                (total.funding_secured, look["money"]), money(total.gap),
                (secured, look["share"]) if secured is not None else (NOT_KNOWN, look["unknown"])]

    first_look, next_look = looks(top=True), looks()
    for node_id in contents.order:
        record = contents.nodes[node_id]
        if record["level"] != "outcome":
            continue
        totals = _currency_totals(by_outcome.get(node_id, [])) or {None: None}
        for index, (currency, total) in enumerate(totals.items()):
            first = index == 0
            data.add(line(record["code"] if first else None, record["title"] if first else None, currency, total,
                          first_look if first else next_look),
                     height=_row_height([None, record["title"] if first else None], [7, 50], [False, True]))
    table_end = max(data.row, 2)
    total_look = looks(bold=True, top=True)
    for index, (currency, total) in enumerate(_currency_totals(contents.actions()).items()):
        data.add(line(None, "All outcomes" if index == 0 else None, currency, total,
                      total_look if index == 0 else looks(bold=True)))
    data.add([])
    note = styles.get(italic=True, color=MUTED_COLOR)
    for text in ("Amounts in different currencies are never added together: each currency has its own lines.",
                 "Funding gap: cost minus funding secured, per action, never below zero. Actions without a cost "
                 "estimate (not costed) have no known gap.",
                 "Dropped actions are left out."):
        data.add([None, (text, note)])
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:I{table_end}"
    sheet.print_title_rows = "1:1"
    print_setup(sheet, contents.title_text())
    return data


# ---------------------------------------------------------------------------------- sheet "Summary"

_SUMMARY_WIDTHS = (46, 14, 16, 17, 16)
HOW_TO_SEND_BACK = (
    "Edit the Road map and Indicators sheets, save the file as .xlsx and import it in Pathfinder Workshop "
    "(File › Import, or workshop-app import-roadmap). Every change is shown before anything is applied.",
    "Rows are matched by their ID: keep that column as it is. Rows can be re-sorted and filtered freely.",
    "To add an item, add a row with an empty ID and the code of its place: 1.2.4 is a new action of output 1.2.",
    "Partners are written “Organization (role); …” with the roles lead, support, consulted, informed, funder.",
    "A row deleted here is deleted from the workshop only when you confirm it while importing.",
    "Level, Code and Funding gap, and the Responsibilities, Budget and Summary sheets, are worked out by the "
    "program: changes made there are not read back.",
)


def _write_summary(sheet, styles: _Styles, contents: _Contents) -> _SheetData:
    from workshop_app.models.geography import country_name

    for letter, width in zip("ABCDE", _SUMMARY_WIDTHS):
        sheet.column_dimensions[letter].width = width
    print_setup(sheet, contents.title_text(), landscape=False)
    data = _SheetData(styles)
    title = styles.get(bold=True, size=14)
    section = styles.get(bold=True, size=12, valign="bottom")
    label = styles.get(bold=True)
    plain = styles.get()
    header = styles.get(bold=True, fill=HEADER_COLOR, bottom=True)
    number_header = styles.get(bold=True, fill=HEADER_COLOR, bottom=True, halign="right")
    money = styles.get(number_format="#,##0")
    note = styles.get(italic=True, color=MUTED_COLOR, wrap=True)
    page_width = sum(_SUMMARY_WIDTHS)

    def paragraph(text: str) -> None:
        """A note across the whole width of the page (merged), as tall as its lines."""
        row = data.add([(text, note)], height=_lines_needed(text, page_width) * LINE_HEIGHT + 2)
        sheet.merged_cells.add(f"A{row}:{_LETTERS[len(_SUMMARY_WIDTHS) - 1]}{row}")

    workshop = contents.workshop
    data.add([("Road map", title)], height=22)
    data.add([(workshop["title"], section)])
    country = country_name(workshop["country"]) if workshop["country"] else ""
    if contents.version is None:
        version = "Current draft (not frozen)"
    else:
        version = f"{contents.version['name']}, frozen {short_date(contents.version['created_at'][:10])}"
        if contents.version["validated"]:
            version += ", validated"
    for key, value in (("Country", country), ("Venue", workshop["venue"]),
                       ("Dates", date_range(workshop["start_date"], workshop["end_date"])), ("Version", version),
                       ("Exported", contents.exported_at.strftime("%Y-%m-%d %H:%M UTC")),
                       ("Written by", f"Pathfinder Workshop {__version__}")):
        if value:
            data.add([(key, label), (value, plain)])

    actions = contents.actions()
    levels = Counter(record["level"] for record in contents.nodes.values())
    data.add([("The road map in figures", section)], height=24)
    for key, value in (("Outcomes", levels["outcome"]), ("Outputs", levels["output"]), ("Actions", levels["action"]),
                       ("Indicators", len(contents.indicators))):
        data.add([(key, plain), (value, plain)])

    def table(heading: str, counts: dict) -> None:
        data.add([(heading, section)], height=24)
        data.add([(None, header), ("Actions", number_header)])
        for key, value in counts.items():
            data.add([(key, plain), (value, plain)])

    statuses = Counter(record["status"] for record in actions)
    table("Actions by status", {label_: statuses.get(key, 0) for key, label_ in v.ACTION_STATUSES.items()})
    groups = Counter(record["action_group"] for record in actions)
    counts = {label_: groups.get(key, 0) for key, label_ in v.ACTION_GROUPS.items()}
    counts["No Action Group"] = groups.get(None, 0)
    table("Actions by Alliance 8.7 Action Group", counts)
    markers = Counter(record["gender_marker"] for record in actions)
    counts = {label_: markers.get(key, 0) for key, label_ in v.GENDER_MARKERS.items()}
    counts["Not set"] = markers.get(None, 0)
    table("Actions by gender marker", counts)

    data.add([("Cost and funding by currency", section)], height=24)
    data.add([("Currency", header), ("Actions", number_header), ("Cost", number_header),
              ("Funding secured", number_header), ("Funding gap", number_header)])
    for currency, total in _currency_totals(actions).items():
        costed = total.actions > total.uncosted
        data.add([(currency or NO_CURRENCY, plain), (total.actions, plain),
                  (total.cost, money) if costed else (NOT_KNOWN, styles.get(halign="right")),
                  (total.funding_secured, money),
                  (total.gap, money) if costed else (NOT_KNOWN, styles.get(halign="right"))])
    paragraph("Each currency is counted on its own line: amounts in different currencies are never added together. "
              "Dropped actions are left out.")

    data.add([("Sending changes back", section)], height=24)
    for text in HOW_TO_SEND_BACK:
        paragraph(text)
    return data


# ---------------------------------------------------------------------------------- sheet "Export record"

def _write_record(sheet, styles: _Styles, contents: _Contents) -> _SheetData:
    sheet.sheet_state = "veryHidden"
    chunks = pack_snapshot(contents.record_json)
    plain = styles.get()
    data = _SheetData(styles)
    data.add([("Pathfinder Workshop export record: what this workbook held when it was exported, to tell "
               "changes made in Excel from changes made in the workshop. Do not edit.", plain)])
    for key, value in (("format", RECORD_FORMAT), ("workshop", contents.workshop["id"]),
                       ("workshop_title", contents.workshop["title"]),
                       ("version", contents.version["name"] if contents.version else ""),
                       ("exported_at", contents.exported_at.isoformat()), ("fingerprint", contents.fingerprint)):
        data.add([(key, plain), (value, plain)])
    data.add([("snapshot", plain), *((chunk, plain) for chunk in chunks)])
    return data
