"""The agenda as an Excel workbook: sheet "Agenda", one line per session in time order (parallel
sessions in track order), ready to filter by day, track or facilitator and to print.

Start and End are the times the Agenda page and the agenda PDF show (models.agenda), written
as "HH:MM" text so that no spreadsheet turns them into fractions of a day. Duration is a number.
The sheet's name, headers and session types are in the export's language; so are the weekday
and month names of French dates and the weekday names of Spanish ones (a locale in their number
format). An Arabic workbook opens right to left.
"""

import datetime as dt
from pathlib import Path

from openpyxl.styles import Alignment, Font

from workshop_app.export.agenda.contents import AgendaDay, AgendaSession, agenda_days
from workshop_app.export.words import Words, export_language
from workshop_app.export.workbook.list_sheet import lay_out_list, streamed_workbook
from workshop_app.export.workbook.styles import (
    CENTER_HEADER_ALIGNMENT,
    FONT,
    HEADER_ALIGNMENT,
    MUTED_COLOR,
    NUMBER_HEADER_ALIGNMENT,
    RULE_ABOVE,
    TOP,
    WRAP,
    Look,
    header_cell,
)
from workshop_app.export.workbook.text import sheet_title
from workshop_app.i18n.catalogs import N_
from workshop_app.models.document import WorkshopDocument

# Translators: the name of the agenda workbook's sheet (at most 31 characters).
SHEET = N_("Agenda")
HEADERS = (
    # Translators: column header of the agenda workbook: the day's number (1, 2, 3).
    N_("Day"),
    N_("Date"),
    # Translators: column header of the agenda workbook: when a session starts.
    N_("Start"),
    # Translators: column header of the agenda workbook: when a session ends.
    N_("End"),
    N_("Duration (min)"),
    # Translators: column header of the agenda workbook: the track (room or group) of parallel sessions.
    N_("Track"),
    N_("Session"),
    # Translators: column header of the agenda workbook: the kind of session (plenary, break...).
    N_("Type"),
    N_("Facilitator"),
    N_("Speakers"),
)
NAME_SEPARATOR = "; "  # names may hold commas ("Dubois, Catherine"); a semicolon keeps them apart
DATE_FORMAT = "ddd d mmm yyyy"
# The locale (a Windows LCID) whose weekday and month names a date shows in; without one the
# spreadsheet program's own. Arabic dates keep its own: an Arabic locale can switch the calendar.
# Spanish abbreviates Tuesday and March alike ("mar 9 mar 2027"): its month is written as a
# number, as Spain writes dates ("mar 09/03/2027").
_DATE_FORMATS = {"fr": "[$-40C]" + DATE_FORMAT, "es": "[$-C0A]ddd dd/mm/yyyy"}

# (narrowest, widest) in characters, and whether long text wraps, per column (by its English header).
_COLUMNS = {
    "Day": (6, 6, False),
    "Date": (15, 15, False),
    "Start": (7, 7, False),
    "End": (7, 7, False),
    "Duration (min)": (10, 10, False),
    "Track": (8, 16, True),
    "Session": (24, 60, True),
    "Type": (10, 13, False),
    "Facilitator": (14, 28, True),
    "Speakers": (18, 50, True),
}

_CENTER = Alignment(vertical="top", horizontal="center")
_LEFT = Alignment(vertical="top", horizontal="left")  # dates: not tight against the start time
# Named: a font given only a colour is shown in LibreOffice's default serif face.
_BREAK_FONT = Font(name=FONT, size=11, color=MUTED_COLOR)  # breaks and meals, lighter as in the PDF


def write_agenda_xlsx(document: WorkshopDocument, path: Path | str, *, lang: str | None = None) -> None:
    """Write the agenda to `path` (replaced only when complete), in the language `lang` (the
    workshop's first working language by default).

    Raises ExportError when the folder is missing or not writable."""
    _ = Words(export_language(document, lang))
    workshop = document.workshop()
    lines = [(day, session, _values(day, session, _)) for day in agenda_days(document, _) for session in day.sessions]
    with streamed_workbook(path, _("Agenda – {workshop}", workshop=workshop["title"])) as workbook:
        _write_sheet(workbook.create_sheet(sheet_title(_(SHEET))), workshop, lines, _)


def _values(day: AgendaDay, session: AgendaSession, _: Words) -> list:
    facilitator = session.facilitator.name if session.facilitator else ""
    return [
        day.number,
        dt.date.fromisoformat(day.date) if day.date else None,
        session.start_text,
        session.end_text,
        session.duration,
        session.track,
        session.title,
        _(session.type_label),
        facilitator,
        NAME_SEPARATOR.join(person.name for person in session.speakers),
    ]


def _write_sheet(sheet, workshop: dict, lines: list, _: Words) -> None:
    settings = [_COLUMNS[header] for header in HEADERS]
    headers = [_(header) for header in HEADERS]
    lay_out_list(sheet, headers, settings, [values for _day, _session, values in lines], workshop, _, _wrapped_lines)

    header_alignments = {"Day": CENTER_HEADER_ALIGNMENT, "Duration (min)": NUMBER_HEADER_ALIGNMENT}
    sheet.append([header_cell(sheet, title, header_alignments.get(header, HEADER_ALIGNMENT))
                  for header, title in zip(HEADERS, headers)])
    # The day number is centred under its narrow heading; the rest align top, long text wraps.
    special = {"Day": _CENTER, "Date": _LEFT}
    alignments = [special.get(header) or (WRAP if wrap else TOP)
                  for header, (_least, _most, wrap) in zip(HEADERS, settings)]
    plain = [Look(sheet, alignment) for alignment in alignments]
    lighter = [Look(sheet, alignment, font=_BREAK_FONT) for alignment in alignments]
    new_day = [Look(sheet, alignment, border=RULE_ABOVE) for alignment in alignments]
    new_day_lighter = [Look(sheet, alignment, font=_BREAK_FONT, border=RULE_ABOVE) for alignment in alignments]
    date_format = _DATE_FORMATS.get(_.language, DATE_FORMAT)
    previous_day = None
    for day, session, values in lines:
        first_of_day = previous_day is not None and day.number != previous_day
        previous_day = day.number
        if first_of_day:
            looks = new_day_lighter if session.is_break else new_day
        else:
            looks = lighter if session.is_break else plain
        sheet.append([look.cell(value, number_format=date_format if index == 1 else None)
                      for index, (value, look) in enumerate(zip(values, looks))])


def _wrapped_lines(value, width: float) -> int:
    """About how many lines a wrapped cell of this width (in characters) shows."""
    if not isinstance(value, str) or not value:
        return 1
    usable = max(int(width) - 2, 1)
    count = 0
    for paragraph in value.split("\n"):
        if len(paragraph) <= width - 1:
            count += 1
        else:  # words do not break, so a line holds somewhat less than its width: count a 15% loss
            count += -(-int(len(paragraph) * 1.15) // usable)
    return count
