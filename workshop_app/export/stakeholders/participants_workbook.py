"""The participant list as an Excel workbook: sheet "Participants" (one line per person, one
column per day) and sheet "Summary" (sex-disaggregated counts, women's share).

Written with openpyxl's write-only mode: rows stream to the file, which keeps 2,000
participants quick. Every user text cell that could read as a formula is typed as text.

Sheet names, headers, labels and dates are in the export's language; an Arabic workbook opens
right to left.
"""

from collections import Counter
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from workshop_app.export.stakeholders.participant_list import (
    NO_ORGANIZATION,
    ParticipantList,
    count_by_sex,
)
from workshop_app.export.words import Words, export_language
from workshop_app.export.workbook.list_sheet import lay_out_list, streamed_workbook
from workshop_app.export.workbook.styles import (
    HEADER_ALIGNMENT,
    HEADER_FONT,
    MUTED_COLOR,
    NUMBER_HEADER_ALIGNMENT,
    RULE_ABOVE,
    TOP,
    WRAP,
    Look,
    header_cell,
    page_setup,
    text_cell,
)
from workshop_app.export.workbook.text import sheet_title
from workshop_app.i18n.catalogs import N_
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.stats import women_share
from workshop_app.models.vocabulary import ORGANIZATION_CATEGORIES, PARTICIPANT_ROLES, SEXES

# Translators: the name of a sheet of the participants workbook (at most 31 characters).
LIST_SHEET = N_("Participants")
# Translators: the name of a sheet of the participants workbook (at most 31 characters).
SUMMARY_SHEET = N_("Summary")
ALL_PARTICIPANTS = N_("All participants")
TOTAL = N_("Total")
WOMEN_SHARE = N_("Women's share")
SHARE_NOTE = N_("Women's share: women among the participants whose sex is stated (female, male or other); "
                "people whose sex is not stated are left out of it.")
NOTE = N_("Note")
NOT_TAKEN = N_("attendance not taken yet")

# (minimum, maximum) width in characters, and whether long text wraps, per list column (by its
# English header).
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


def write_participants_xlsx(document: WorkshopDocument, path: Path | str, *, lang: str | None = None,
                            include_contacts: bool = True) -> None:
    """Write the participant list and its summary to `path` (replaced only when complete), in
    the language `lang` (the workshop's first working language by default); without each
    person's e-mail and phone when `include_contacts` is False (a list sent out of the room).

    Raises ExportError when the folder is missing or not writable."""
    _ = Words(export_language(document, lang))
    participants = ParticipantList(document, _, include_contacts=include_contacts)
    workshop = document.workshop()
    with streamed_workbook(path, _("Participants – {workshop}", workshop=workshop["title"])) as workbook:
        _write_list(workbook.create_sheet(sheet_title(_(LIST_SHEET))), participants, workshop, _)
        _write_summary(workbook.create_sheet(sheet_title(_(SUMMARY_SHEET))), participants, workshop, _)


# ---------------------------------------------------------------------- sheet "Participants"

def _write_list(sheet, participants: ParticipantList, workshop: dict, _: Words) -> None:
    headers = participants.headers()
    lines = [participants.values(number, entry) for number, entry in enumerate(participants.participants, 1)]
    settings = [*(LIST_COLUMNS[header] for header in participants.list_headers),
                *(DAY_COLUMN for _day in participants.days)]
    lay_out_list(sheet, headers, settings, lines, workshop, _, _wrapped_lines)

    sheet.append([header_cell(sheet, header) for header in headers])
    looks = [Look(sheet, WRAP if wrap else TOP) for _least, _most, wrap in settings]
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

def _write_summary(sheet, participants: ParticipantList, workshop: dict, _: Words) -> None:
    for column, width in zip("ABCDEFGH", (46, 11, 11, 11, 12, 11, 15, 24)):
        sheet.column_dimensions[column].width = width
    page_setup(sheet, workshop, _, landscape=False)

    sheet.append([text_cell(sheet, _("Participants by sex"), font=_TITLE_FONT)])
    sheet.append([text_cell(sheet, workshop["title"])])
    when_and_where = _.listed(part for part in (_.date_range(workshop["start_date"], workshop["end_date"]),
                                                 workshop["venue"]) if part)
    if when_and_where:
        sheet.append([text_cell(sheet, when_and_where)])

    # Rows are counted by the English labels of the entries and printed in the export's language.
    everyone = participants.participants
    all_participants = _(ALL_PARTICIPANTS)
    _append_table(sheet, _, all_participants, "", count_by_sex(everyone, lambda entry: all_participants), total=False)

    by_category = count_by_sex(everyone, lambda entry: entry.category_label or NO_ORGANIZATION)
    rows = {_(label): by_category.get(label) for label in ORGANIZATION_CATEGORIES.values()}
    if NO_ORGANIZATION in by_category:
        rows[_(NO_ORGANIZATION)] = by_category[NO_ORGANIZATION]
    # Translators: a column header: the category of an organization.
    _append_table(sheet, _, _("By organization category"), _("Category"), rows)

    by_role = count_by_sex(everyone, lambda entry: entry.role_label)
    # Translators: a column header: a participant's role at the workshop.
    _append_table(sheet, _, _("By role"), _("Role"),
                  {_(label): by_role.get(label) for label in PARTICIPANT_ROLES.values()})

    if participants.days:
        rows, notes = {}, {}
        for day in participants.days:
            label = participants.day_label(day)
            rows[label] = Counter(entry.sex for entry in everyone if participants.attended(entry, day))
            if not participants.is_recorded(day):
                notes[label] = _(NOT_TAKEN)
        # Translators: a column header: a day of the workshop.
        _append_table(sheet, _, _("Attendance by day (participants present)"), _("Day"), rows, total=False,
                      notes=notes)

    sheet.append([])
    sheet.append([text_cell(sheet, _(SHARE_NOTE), font=_NOTE_FONT)])


def _append_table(sheet, _: Words, heading: str, first_header: str, rows: dict, *, total: bool = True,
                  notes: dict[str, str] | None = None) -> None:
    """A heading, then one row per (printed) label with its counts by sex, total and women's share."""
    sheet.append([])
    sheet.append([text_cell(sheet, heading, font=_SECTION_FONT)])
    headers = [first_header, *(_(label) for label in SEXES.values()), _(TOTAL), _(WOMEN_SHARE)]
    if notes:
        headers.append(_(NOTE))
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
        counts = [*sums.values(), sum(sums.values())]
        bold = [text_cell(sheet, _(TOTAL)), *(WriteOnlyCell(sheet, value) for value in counts)]
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
