"""The hidden sheet "Lists" and the drop-downs of the Road map sheet that read from it.

The lists live on a sheet rather than in each validation: an organization list of 300 names
is longer than the 255 characters a validation's own list may hold. Their choices are written as
the Road map cells hold them, which is as the import reads them (models.roadmap.workbook.columns:
the English labels), whatever the export's language; the headers, titles and messages are in it.
"""

import re

from openpyxl.worksheet.datavalidation import DataValidation

from workshop_app.export.roadmap_workbook.contents import Contents
from workshop_app.export.roadmap_workbook.rows import LETTERS, CellStyles, SheetData
from workshop_app.i18n.catalogs import N_
from workshop_app.models import vocabulary as v

EXTRA_VALIDATED_ROWS = 500  # drop-downs reach this far below the last row, for rows added in Excel
_PLAIN_SHEET_NAME = re.compile(r"^[A-Za-z_]{2,}$")  # a word no cell reference looks like: needs no quotes


class Lists:
    """The rows of the sheet, and the range of each list (e.g. "Lists!$B$2:$B$6") by header."""

    def __init__(self, data: SheetData, ranges: dict[str, str]):
        self.data = data
        self.ranges = ranges


def write_lists(sheet, styles: CellStyles, contents: Contents) -> Lists:
    _ = contents.words
    sheet.sheet_state = "hidden"
    columns = {
        N_("Levels"): [_(v.NODE_LEVEL_LABELS[level]) for level in v.NODE_LEVELS],
        N_("Statuses"): [_(label) for label in v.ACTION_STATUSES.values()],
        N_("Gender markers"): list(v.GENDER_MARKERS),
        N_("Action Groups"): [_(label) for label in v.ACTION_GROUPS.values()],
        N_("Organizations"): sorted((contents.names.label(row["id"]) for row in contents.organizations),
                                    key=str.casefold),
    }
    data = SheetData(styles)
    bold = styles.get(bold=True)
    plain = styles.get()
    data.add([(_(header), bold) for header in columns])
    longest = max(len(values) for values in columns.values())
    for index in range(longest):
        data.add([(values[index], plain) if index < len(values) else None for values in columns.values()])
    ranges = {}
    name = _in_formula(sheet.title)
    for column, (header, values) in enumerate(columns.items()):
        letter = LETTERS[column]
        ranges[header] = f"{name}!${letter}$2:${letter}${max(len(values), 1) + 1}"
        sheet.column_dimensions[letter].width = 30
    return Lists(data, ranges)


def _in_formula(sheet_name: str) -> str:
    """A sheet's name as a formula refers to it: quoted unless it is a plain word."""
    if _PLAIN_SHEET_NAME.match(sheet_name):
        return sheet_name
    return "'" + sheet_name.replace("'", "''") + "'"


def add_roadmap_drop_downs(sheet, lists: Lists, position: dict[str, int], last_row: int, contents: Contents) -> None:
    """Drop-downs on the Road map sheet's Level, Status, Gender marker, Action Group and Lead
    organization columns (`position`: column index by English header), down to below `last_row`."""
    _ = contents.words
    end = last_row + EXTRA_VALIDATED_ROWS
    levels = _.listed(_(v.NODE_LEVEL_LABELS[level]) for level in v.NODE_LEVELS)
    _validation(sheet, position["Level"], 2, end, lists.ranges["Levels"], title=_("Level"),
                # Translators: {levels} are the choices of the list ("Goal, Outcome, Output, Action").
                error=_("Choose one of {levels}.", levels=levels))
    _validation(sheet, position["Status"], 2, end, lists.ranges["Statuses"], title=_("Status"),
                error=_("Choose a status from the list."))
    _validation(sheet, position["Gender marker"], 2, end, lists.ranges["Gender markers"], title=_("Gender marker"),
                prompt=_.grouped(_(label) for label in v.GENDER_MARKERS.values()),
                error=_("The gender marker is 0, 1, 2 or 3."))
    _validation(sheet, position["Action Group"], 2, end, lists.ranges["Action Groups"], title=_("Action Group"),
                error=_("Choose an Alliance 8.7 Action Group from the list."))
    # An organization the workshop does not have may be typed: it is created on import.
    _validation(sheet, position["Lead organization"], 2, end, lists.ranges["Organizations"], strict=False,
                title=_("Lead organization"), error=_("This organization is not in the workshop yet; it will be "
                                                      "added when the workbook is imported."))


def _validation(sheet, column: int, first_row: int, last_row: int, source: str, *, strict: bool = True,
                title: str = "", prompt: str = "", error: str = "") -> None:
    letter = LETTERS[column]
    validation = DataValidation(type="list", formula1=source, allow_blank=True,
                                showErrorMessage=strict, errorStyle="stop" if strict else "information")
    if prompt:
        validation.promptTitle, validation.prompt, validation.showInputMessage = title[:32], prompt[:255], True
    if error:
        validation.errorTitle, validation.error = title[:32], error[:255]
    validation.add(f"{letter}{first_row}:{letter}{last_row}")
    sheet.data_validations.append(validation)
