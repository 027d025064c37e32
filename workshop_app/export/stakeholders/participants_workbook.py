"""The participant list as an Excel workbook: sheet "Participants" (one line per person, one
column per day) and sheet "Summary" (sex-disaggregated counts, women's share).

Written with openpyxl's write-only mode: rows stream to the file, which keeps 2,000
participants quick. Every user text cell that could read as a formula is typed as text.
"""

from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from workshop_app import __version__
from workshop_app.export.dates import date_range
from workshop_app.export.files import written_atomically
from workshop_app.export.stakeholders.participant_list import NO_ORGANIZATION, ParticipantList, count_by_sex
from workshop_app.export.workbook.styles import (
    HEADER_ALIGNMENT,
    HEADER_FONT,
    HEADER_HEIGHT,
    LINE_HEIGHT,
    MUTED_COLOR,
    NUMBER_HEADER_ALIGNMENT,
    RULE_ABOVE,
    TOP,
    WRAP,
    Look,
    header_cell,
    print_setup,
    text_cell,
)
from workshop_app.export.workbook.text import xlsx_text
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.stats import women_share
from workshop_app.models.vocabulary import ORGANIZATION_CATEGORIES, PARTICIPANT_ROLES, SEXES

LIST_SHEET = "Participants"
SUMMARY_SHEET = "Summary"
ALL_PARTICIPANTS = "All participants"
TOTAL = "Total"
WOMEN_SHARE = "Women's share"
SHARE_NOTE = ("Women's share: women among the participants whose sex is stated (female, male or other); "
              "people whose sex is not stated are left out of it.")

# (minimum, maximum) width in characters, and whether long text wraps, per list column.
LIST_COLUMNS = {
    "No.": (5, 6, False),
    "Name": (14, 26, True),
    "Sex": (8, 10, False),
    "Organization": (16, 32, True),
    "Category": (12, 20, True),
    "Title": (14, 30, True),
    "Role": (10, 15, False),
    "E-mail": (14, 30, False),
    "Phone": (10, 17, False),
    "Language": (9, 12, False),
}
DAY_COLUMN = (9, 11, False)  # "Present"; the header "Day 1 (9 Mar 2027)" wraps

_TITLE_FONT = Font(bold=True, size=14)
_SECTION_FONT = Font(bold=True, size=12)
_NOTE_FONT = Font(italic=True, color=MUTED_COLOR)
_SHARE_FORMAT = "0.0%"


def write_participants_xlsx(document: WorkshopDocument, path: Path | str) -> None:
    """Write the participant list and its summary to `path` (replaced only when complete).

    Raises ExportError when the folder is missing or not writable."""
    participants = ParticipantList(document)
    workshop = document.workshop()
    # The target is checked first: a streaming workbook that is never saved leaves its sheet
    # writers hanging.
    with written_atomically(path) as temporary:
        workbook = Workbook(write_only=True)
        workbook.properties.title = xlsx_text(f"Participants – {workshop['title']}")
        workbook.properties.creator = f"Pathfinder Workshop {__version__}"
        _write_list(workbook.create_sheet(LIST_SHEET), participants, workshop)
        _write_summary(workbook.create_sheet(SUMMARY_SHEET), participants, workshop)
        workbook.save(temporary)


# ---------------------------------------------------------------------- sheet "Participants"

def _write_list(sheet, participants: ParticipantList, workshop: dict) -> None:
    headers = participants.headers()
    lines = [participants.values(number, entry) for number, entry in enumerate(participants.participants, 1)]
    settings = [LIST_COLUMNS.get(header, DAY_COLUMN) for header in headers]
    last_column = get_column_letter(len(headers))

    # Sheet and row settings must be made before the rows are streamed.
    widths = []
    for index, (header, (narrowest, widest, _)) in enumerate(zip(headers, settings), start=1):
        longest = max([len(header) if widest > 12 else 0, *(len(str(line[index - 1])) for line in lines)])
        widths.append(min(max(longest + 2, narrowest), widest))
        sheet.column_dimensions[get_column_letter(index)].width = widths[-1]
    # Wrapped text needs taller rows. Excel grows them when it opens the file, LibreOffice does
    # not: each row gets an estimated height of its own.
    sheet.row_dimensions[1].height = HEADER_HEIGHT
    wrapped = [(column, width) for column, (width, (_, _, wrap)) in enumerate(zip(widths, settings)) if wrap]
    for row, line in enumerate(lines, start=2):
        lines_needed = max(_wrapped_lines(line[column], width) for column, width in wrapped)
        if lines_needed > 1:
            sheet.row_dimensions[row].height = lines_needed * LINE_HEIGHT
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last_column}{len(lines) + 1}"
    sheet.print_title_rows = "1:1"
    print_setup(sheet, workshop["title"], landscape=True)
    sheet.print_options.gridLines = True

    sheet.append([header_cell(sheet, header) for header in headers])
    looks = [Look(sheet, WRAP if wrap else TOP) for _, _, wrap in settings]
    for line in lines:
        sheet.append([look.cell(value) for value, look in zip(line, looks)])


def _wrapped_lines(value, width: float) -> int:
    """About how many lines a wrapped cell of this width (in characters) shows."""
    if not isinstance(value, str) or not value:
        return 1
    usable = max(width - 2, 1)
    count = 0
    for paragraph in value.split("\n"):
        # Words do not break, so a line holds somewhat less than its width: count a 15% loss.
        count += max(1, -(-int(len(paragraph) * 1.15) // int(usable)))
    return count


# ---------------------------------------------------------------------- sheet "Summary"

def _write_summary(sheet, participants: ParticipantList, workshop: dict) -> None:
    for column, width in zip("ABCDEFGH", (46, 11, 11, 11, 12, 11, 15, 24)):
        sheet.column_dimensions[column].width = width
    print_setup(sheet, workshop["title"], landscape=False)

    title = WriteOnlyCell(sheet, "Participants by sex")
    title.font = _TITLE_FONT
    sheet.append([title])
    sheet.append([text_cell(sheet, workshop["title"])])
    when_and_where = ", ".join(part for part in (date_range(workshop["start_date"], workshop["end_date"]),
                                                 workshop["venue"]) if part)
    if when_and_where:
        sheet.append([text_cell(sheet, when_and_where)])

    everyone = participants.participants
    _append_table(sheet, "All participants", "", count_by_sex(everyone, lambda entry: ALL_PARTICIPANTS), total=False)

    by_category = count_by_sex(everyone, lambda entry: entry.category_label or NO_ORGANIZATION)
    rows = {label: by_category.get(label) for label in ORGANIZATION_CATEGORIES.values()}
    if NO_ORGANIZATION in by_category:
        rows[NO_ORGANIZATION] = by_category[NO_ORGANIZATION]
    _append_table(sheet, "By organization category", "Category", rows)

    by_role = count_by_sex(everyone, lambda entry: entry.role_label)
    _append_table(sheet, "By role", "Role", {label: by_role.get(label) for label in PARTICIPANT_ROLES.values()})

    if participants.days:
        rows, notes = {}, {}
        for day in participants.days:
            rows[day.label] = Counter(entry.sex for entry in everyone if participants.attended(entry, day))
            if not participants.is_recorded(day):
                notes[day.label] = "attendance not taken yet"
        _append_table(sheet, "Attendance by day (participants present)", "Day", rows, total=False, notes=notes)

    sheet.append([])
    note = WriteOnlyCell(sheet, SHARE_NOTE)
    note.font = _NOTE_FONT
    sheet.append([note])


def _append_table(sheet, heading: str, first_header: str, rows: dict, *, total: bool = True,
                  notes: dict[str, str] | None = None) -> None:
    sheet.append([])
    section = WriteOnlyCell(sheet, heading)
    section.font = _SECTION_FONT
    sheet.append([section])
    headers = [first_header, *SEXES.values(), TOTAL, WOMEN_SHARE]
    if notes:
        headers.append("Note")
    # Count columns are right-aligned, headings included, so that each sits above its numbers.
    sheet.append([header_cell(sheet, header,
                              NUMBER_HEADER_ALIGNMENT if 0 < index <= len(SEXES) + 2 else HEADER_ALIGNMENT)
                  for index, header in enumerate(headers)])
    sums = dict.fromkeys(SEXES, 0)
    for label, counts in rows.items():
        counts = counts or {}
        by_sex = {sex: counts.get(sex, 0) for sex in SEXES}
        for sex, number in by_sex.items():
            sums[sex] += number
        line = [text_cell(sheet, label), *by_sex.values(), sum(by_sex.values()), _share_cell(sheet, by_sex)]
        if notes and label in notes:
            line.append(text_cell(sheet, notes[label], font=_NOTE_FONT))
        sheet.append(line)
    if total:
        bold = [WriteOnlyCell(sheet, value) for value in (TOTAL, *sums.values(), sum(sums.values()))]
        for cell in bold:
            cell.font = HEADER_FONT
            cell.border = RULE_ABOVE
        share = _share_cell(sheet, sums)
        share.font = HEADER_FONT
        share.border = RULE_ABOVE
        sheet.append([*bold, share])


def _share_cell(sheet, by_sex: dict[str, int]) -> WriteOnlyCell:
    share = women_share(by_sex)
    cell = WriteOnlyCell(sheet, "–" if share is None else share)
    if share is not None:
        cell.number_format = _SHARE_FORMAT
    cell.alignment = Alignment(horizontal="right")
    return cell
