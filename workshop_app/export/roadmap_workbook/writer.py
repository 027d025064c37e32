"""The road map as an Excel workbook made for people who live in Excel, and that comes back.

Sheets: "Road map" and "Indicators", edited in Excel and read back on import (editable_sheets);
"Responsibilities", "Budget" and "Summary", worked out by the program (derived_sheets); "Plan
texts", "Reference figures" and "Acronyms", the rest of the national action plan, read back too
(plan_sheets). Two more are hidden: "Lists" holds the drop-down lists (lists), and "Export
record" the road map and the plan as exported (record), so that models.roadmap.workbook.reimport
can tell which cells were changed in Excel, which in the workshop, and which on both sides.

Sheet names, headers and every word of the program's are in the export's language (an Arabic
workbook opens right to left, its text flush right); the choices
in the Road map and Indicators cells (levels, statuses, Action Groups…) are written as the import
reads them (models.roadmap.workbook.columns), and the export record keeps its English name. The
import reads back a workbook exported in English.

How it is written: openpyxl builds the package (styles, sheet settings, validations, print
setup, defined names) with empty sheets, and the rows are written as sheet XML directly
(rows.SheetData), then put into the package in place of each sheet's marker row.
"""

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from workshop_app import __version__
from workshop_app.export.errors import ExportError
from workshop_app.export.files import written_atomically
from workshop_app.export.roadmap_workbook.contents import Contents
from workshop_app.export.roadmap_workbook.derived_sheets import write_budget, write_responsibilities, write_summary
from workshop_app.export.roadmap_workbook.editable_sheets import write_indicators, write_roadmap
from workshop_app.export.roadmap_workbook.lists import write_lists
from workshop_app.export.roadmap_workbook.plan_sheets import write_acronyms, write_figures, write_plan_texts
from workshop_app.export.roadmap_workbook.record import write_record
from workshop_app.export.roadmap_workbook.rows import CellStyles
from workshop_app.export.words import Words, export_language
from workshop_app.export.workbook.styles import reading_from_the_right
from workshop_app.export.workbook.text import SHEET_NAME_LIMIT, sheet_title, xlsx_text
from workshop_app.i18n.catalogs import N_
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.versions import list_versions, snapshot
from workshop_app.models.roadmap.workbook.columns import (
    BUDGET_SHEET,
    INDICATORS_SHEET,
    LISTS_SHEET,
    RECORD_SHEET,
    RESPONSIBILITIES_SHEET,
    ROADMAP_SHEET,
    SUMMARY_SHEET,
)
from workshop_app.models.roadmap.workbook.plan_sheets import ACRONYMS_SHEET, FIGURES_SHEET, PLAN_TEXTS_SHEET

# The sheets in order, with their names in the export's language. The import finds the export
# record by its English name, in any language: it is never shown.
# The plan's sheets come after the road map's own: the road map, what is worked out from it, then
# the rest of the plan.
_SHEETS = ((ROADMAP_SHEET, N_("Road map")), (INDICATORS_SHEET, N_("Indicators")),
           (RESPONSIBILITIES_SHEET, N_("Responsibilities")), (BUDGET_SHEET, N_("Budget")),
           (SUMMARY_SHEET, N_("Summary")),
           # Translators: the name of a sheet of the road-map workbook: the texts of the national action plan
           (PLAN_TEXTS_SHEET, N_("Plan texts")), (FIGURES_SHEET, N_("Reference figures")),
           (ACRONYMS_SHEET, N_("Acronyms")), (LISTS_SHEET, N_("Lists")), (RECORD_SHEET, None))
_PRINTED = (ROADMAP_SHEET, INDICATORS_SHEET, RESPONSIBILITIES_SHEET, BUDGET_SHEET, SUMMARY_SHEET, PLAN_TEXTS_SHEET,
            FIGURES_SHEET, ACRONYMS_SHEET)
PAGE_LABEL = N_("Page {page} of {pages}")
_MARKER = "pathfinder-sheet-data-{}"
_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
# <dimension> comes right after <sheetPr>, before the first of these (the schema's order).
_BEFORE_DIMENSION = re.compile(r"<(?:sheetViews|sheetFormatPr|cols|sheetData)\b")


def write_roadmap_xlsx(document: WorkshopDocument, path: Path | str, *, version: str | None = None,
                       lang: str | None = None) -> None:
    """Write the road-map workbook of the current draft, or of the frozen version named
    `version`, to `path` (replaced only when complete). `lang`: the language of its sheet
    names, headers and notes ("en", "fr", "es", "ar"; others print in English); by default the
    workshop's first working language the program speaks. Raises ExportError when the version
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
    contents = Contents(document, frozen, version_row, Words(export_language(document, lang)))
    with written_atomically(path) as temporary:
        temporary.write_bytes(_workbook_bytes(contents))


def _workbook_bytes(contents: Contents) -> bytes:
    _ = contents.words
    workbook = Workbook(write_only=True)
    workbook.properties.title = xlsx_text(_("Road map – {title}", title=contents.title_text()))[:250]
    workbook.properties.creator = f"Pathfinder Workshop {__version__}"
    titles = [title for title, _name in _SHEETS]
    names = _sheet_names(contents.words)
    sheets = {title: workbook.create_sheet(names[title]) for title in titles}
    styles = CellStyles(workbook, sheets[ROADMAP_SHEET], right_to_left=_.right_to_left)
    lists = write_lists(sheets[LISTS_SHEET], styles, contents)
    data = {
        ROADMAP_SHEET: write_roadmap(sheets[ROADMAP_SHEET], styles, contents, lists),
        INDICATORS_SHEET: write_indicators(sheets[INDICATORS_SHEET], styles, contents),
        RESPONSIBILITIES_SHEET: write_responsibilities(sheets[RESPONSIBILITIES_SHEET], styles, contents),
        BUDGET_SHEET: write_budget(sheets[BUDGET_SHEET], styles, contents),
        SUMMARY_SHEET: write_summary(sheets[SUMMARY_SHEET], styles, contents),
        PLAN_TEXTS_SHEET: write_plan_texts(sheets[PLAN_TEXTS_SHEET], styles, contents),
        FIGURES_SHEET: write_figures(sheets[FIGURES_SHEET], styles, contents),
        ACRONYMS_SHEET: write_acronyms(sheets[ACRONYMS_SHEET], styles, contents),
        LISTS_SHEET: lists.data,
        RECORD_SHEET: write_record(sheets[RECORD_SHEET], styles, contents),
    }
    for title in _PRINTED:  # print_setup wrote it in English
        sheets[title].oddFooter.right.text = _(PAGE_LABEL, page="&P", pages="&N")
    if _.right_to_left:
        for sheet in sheets.values():
            reading_from_the_right(sheet)
    markers = {}
    for index, title in enumerate(titles):
        marker = _MARKER.format(index)
        sheets[title].append([marker])  # found again in the package, and replaced by the rows
        markers[marker] = (data[title].dimension(), data[title].xml())
    skeleton = io.BytesIO()
    workbook.save(skeleton)
    return _filled_package(skeleton.getvalue(), markers)


def _sheet_names(words: Words) -> dict[str, str]:
    """Each sheet's name in the language of `words`, as Excel allows it: at most 31 characters,
    none of \\ / ? * : [ ], and no two alike."""
    names: dict[str, str] = {}
    for title, message in _SHEETS:
        name = title if message is None else words(message)
        name = sheet_title(name) or title
        taken = {other.casefold() for other in names.values()}
        unique, number = name, 2
        while unique.casefold() in taken:
            suffix = f" ({number})"
            unique, number = name[:SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
        names[title] = unique
    return names


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
                    content = _filled_sheet(text, *markers[marker]).encode("utf-8")
            target.writestr(info.filename, content)
    return out.getvalue()


def _filled_sheet(text: str, dimension: str, rows: str) -> str:
    """A sheet's XML with `rows` as its <sheetData> and `dimension` as its used range."""
    # Replaced through a function: user text in `rows` may hold backslashes, which a
    # replacement string would read as group references.
    text = _SHEET_DATA.sub(lambda _: rows, text, count=1)
    return _BEFORE_DIMENSION.sub(lambda found: f'<dimension ref="{dimension}"/>{found.group(0)}', text, count=1)
