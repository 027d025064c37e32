"""The agenda as a printed programme, and the facilitator's version of it.

Participants' agenda: the workshop's title, venue and dates, then one day per page (a day that
does not fit continues under a "continued" band). Each time slot is one row: the times on the
left, the session on the right with its type and room, facilitator and speakers under the
title. Parallel sessions (breakout groups) stand side by side in one row, up to four across;
breaks and meals are printed lighter.

Facilitator's agenda: the same days and times, each session as a card that adds the objectives,
the expected output, materials, facilitator notes and who does what. Parallel sessions follow
one another there (each card is too long to share a row), marked "Parallel 1 of 4".

Times come from models.agenda through agenda.contents, like the Agenda page's. Every word of
ours, the dates and the page numbers are in the export's language.
"""

import datetime as dt
from math import ceil
from pathlib import Path

from babel.dates import format_interval
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Spacer, Table

from workshop_app.export.agenda.contents import AgendaDay, AgendaSession, TimeSlot, agenda_days
from workshop_app.export.agenda.pdf_parts import (
    ACCENT,
    BREAK_FILL,
    CONTINUED_FILL,
    LIGHT_RULE,
    DayBlock,
    agenda_styles,
    band_style,
    table_style,
)
from workshop_app.export.errors import ExportError
from workshop_app.export.files import written_atomically
from workshop_app.export.pdf import sides
from workshop_app.export.pdf.fonts import BOLD_FONT
from workshop_app.export.pdf.lines import Piece, labelled, line, shortened
from workshop_app.export.pdf.page import PAPER_SIZES, SectionMark, WorkshopDocTemplate, workshop_details
from workshop_app.export.words import Words, export_language
from workshop_app.i18n.catalogs import N_, gettext
from workshop_app.models.agenda.schedule import clock, minutes
from workshop_app.models.document import WorkshopDocument

KIND = N_("Agenda")
FACILITATOR_KIND = N_("Facilitator's agenda")
FACILITATOR_NOTICE = N_("Facilitator's agenda · for the facilitation team")
NO_DAYS = N_("The workshop has no days yet: set its dates, then build the agenda.")
NO_SESSIONS = N_("No sessions planned for this day yet.")
# Translators: in place of a session's facilitator nobody has been named for yet.
NOT_ASSIGNED = N_("not assigned")
# (label, field) of what a facilitator card tells about a session, when filled in.
CARD_FIELDS = (
    (N_("Objectives"), "objectives"),
    # Translators: what a session is expected to produce (a label on the facilitator's agenda).
    (N_("Expected output"), "expected_output"),
    (N_("Materials"), "materials"),
    (N_("Facilitator notes"), "facilitator_notes"),
)
MAX_SIDE_BY_SIDE = 4  # parallel sessions across one row; more continue in a second row of the slot
# Characters printed of one field: a pasted page of text must not make a session taller than a page.
TITLE_LIMIT = 250
NAMES_LIMIT = 400
FIELD_LIMIT = 1500

_PAD = 6  # points around a session's text
_BREAK_PAD = 3.5
_LABEL_WIDTH = 78  # facilitator cards: "Expected output"


def write_agenda_pdf(document: WorkshopDocument, path: Path | str, *, facilitator: bool = False,
                     paper: str = "A4", lang: str | None = None) -> None:
    """Write the agenda to `path` (replaced only when complete): the participants' programme,
    or with `facilitator` the facilitation team's version with objectives, outputs, materials,
    notes and roles. `paper` is "A4" or "Letter"; `lang` the language (the workshop's first
    working language by default).

    Raises ExportError for an unknown paper or a target that cannot be written."""
    path = Path(path)
    if paper not in PAPER_SIZES:
        raise ExportError(path, gettext("the paper must be A4 or Letter, not '{paper}'").format(paper=paper))
    _ = Words(export_language(document, lang))
    workshop = document.workshop()
    days = agenda_days(document, _)
    kind = _(FACILITATOR_KIND) if facilitator else _(KIND)
    with written_atomically(path) as temporary, sides.reading(_):
        template = WorkshopDocTemplate(str(temporary), workshop_title=workshop["title"], kind=kind, words=_,
                                       paper=paper, footer_details=workshop_details(workshop, _))
        page = _Page(template.width, template.height, _)
        story = [SectionMark(days[0].label if days else kind), *_cover(workshop, facilitator, _)]
        if not days:
            story.append(line(agenda_styles()["note"], _(NO_DAYS)))
        for index, day in enumerate(days):
            if index:
                story += [PageBreak(), SectionMark(day.label)]
            story.append(_day(day, page, facilitator))
        template.build(story)


def write_facilitator_agenda_pdf(document: WorkshopDocument, path: Path | str, *, paper: str = "A4",
                                 lang: str | None = None) -> None:
    """The facilitator's agenda (see write_agenda_pdf)."""
    write_agenda_pdf(document, path, facilitator=True, paper=paper, lang=lang)


class _Page:
    """What every block of one PDF shares: the widths, so that times and sessions line up down
    the page, and the language."""

    def __init__(self, width: float, height: float, words: Words):
        self.width = width
        self.height = height
        self.words = words
        styles = agenda_styles()
        self.time_width = stringWidth("00:00–00:00", BOLD_FONT, styles["time"].fontSize) + 2 * _PAD + 4
        self.session_width = width - self.time_width


# ---------------------------------------------------------------------- cover and day bands

def _cover(workshop: dict, facilitator: bool, _: Words) -> list:
    styles = agenda_styles()
    story = [line(styles["kind"], _(FACILITATOR_NOTICE) if facilitator else _(KIND)),
             line(styles["title"], shortened(workshop["title"], TITLE_LIMIT))]
    for value in (workshop["venue"], _dates(workshop["start_date"], workshop["end_date"], _)):
        if value:
            story.append(line(styles["subtitle"], value))
    story.append(Spacer(0, 12))
    return story


def _dates(start: str | None, end: str | None, _: Words) -> str:
    """'9–11 March 2027', '30 March – 2 April 2027', 'Tuesday 9 March 2027' for a single day;
    months written out as the export's language writes such a range ('9–11 mars 2027')."""
    if not start:
        return ""
    if not end or end == start:
        return _.long_date(start)
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if _.locale is not None:
        return format_interval(first, last, "yMMMMd", locale=_.locale)
    last_text = _.long_date(end, weekday=False)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last_text}"
    first_text = _.long_date(start, weekday=False)
    if first.year == last.year:
        first_text = first_text.rsplit(" ", 1)[0]
    return f"{first_text} – {last_text}"


def _day(day: AgendaDay, page: _Page, facilitator: bool) -> DayBlock:
    blocks = []
    if facilitator:
        blocks.append(_day_times(day, page))
        for slot in day.slots:
            for position, session in enumerate(slot.sessions, start=1):
                blocks.append(_card(session, slot, position, page))
    else:
        blocks += [_slot_row(slot, page) for slot in day.slots]
    if not day.slots:
        blocks.append(_note_row(page.words(NO_SESSIONS), page))
    return DayBlock(_band(day, page), lambda: _continued_band(day, page), blocks, page.height)


def _band(day: AgendaDay, page: _Page) -> Table:
    styles = agenda_styles()
    left = page.width * 0.5
    return sides.table([[line(styles["band"], day.label),
                         line(styles["band_right"], shortened(day.title, TITLE_LIMIT))]],
                       colWidths=[left, page.width - left], style=band_style(
                           ACCENT, 5, 6,
                           # A paragraph's first baseline sits one font size below its top: the
                           # smaller day title moves down by the difference to share the baseline.
                           ("TOPPADDING", (1, 0), (1, 0), 5 + styles["band"].fontSize - styles["band_right"].fontSize)))


def _continued_band(day: AgendaDay, page: _Page) -> Table:
    # Translators: the band at the top of a page where a day (or a group) continues; {name} is
    # e.g. "Day 2 · Wednesday 10 March 2027".
    continued = page.words("{name} (continued)", name=day.label)
    return sides.table([[line(agenda_styles()["continued"], continued)]], colWidths=[page.width],
                       style=table_style([
                           ("BACKGROUND", (0, 0), (-1, -1), CONTINUED_FILL),
                           ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
                           ("TOPPADDING", (0, 0), (-1, -1), 3),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                       ]))


def _note_row(message: str, page: _Page) -> Table:
    return sides.table([[line(agenda_styles()["note"], message)]], colWidths=[page.width], style=table_style([
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), _PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD),
    ]))


def _day_times(day: AgendaDay, page: _Page) -> Table:
    """For the facilitators: when the day starts and ends, and by how much it overruns."""
    _ = page.words
    start, planned = day.row["start_time"], day.row["planned_end"]
    # Translators: when a day of the workshop starts ("Starts 09:00 · ends 17:30 · planned end 17:00").
    pieces = [_("Starts {time}", time=start)]
    if day.slots:
        # Translators: when a day's last session ends ("Starts 09:00 · ends 17:30 · planned end 17:00").
        pieces.append(_("ends {time}", time=clock(day.end)))
    # Translators: when a day was planned to end ("Starts 09:00 · ends 17:30 · planned end 17:00").
    pieces.append(_("planned end {time}", time=planned))
    parts = [Piece(" · ".join(pieces))]
    if day.overruns:
        over = day.end - minutes(planned)
        runs = _.n("runs {count} min past the planned end", "runs {count} min past the planned end", over)
        parts.append(Piece(f" · {runs}", bold=True))
    return sides.table([[line(agenda_styles()["note"], *parts)]], colWidths=[page.width], style=table_style([
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, LIGHT_RULE),
    ]))


# ---------------------------------------------------------------------- participants' rows

def _slot_row(slot: TimeSlot, page: _Page) -> Table:
    """One time slot: a single session across the page, or parallel sessions side by side."""
    count = len(slot.sessions)
    rows_needed = ceil(count / MAX_SIDE_BY_SIDE)
    columns = ceil(count / rows_needed)  # 6 groups: two rows of three, not four and two
    column_width = page.session_width / columns
    time_cell = _time_cell(slot, page.words)
    rows = []
    for row in range(rows_needed):
        chunk = slot.sessions[row * columns:(row + 1) * columns]
        cells = [_session_cell(session, slot, column_width, page.words) for session in chunk]
        rows.append([time_cell if row == 0 else "", *cells, *[""] * (columns - len(chunk))])
    pad = _BREAK_PAD if slot.is_break else _PAD
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        # The time stands level with the session's title, below the small type line (in
        # parallel, level with the tracks' names: their small lines may wrap).
        ("TOPPADDING", (0, 0), (0, 0), pad + (0 if slot.is_break or slot.parallel else _eyebrow_height())),
        ("LINEBELOW", (0, -1), (-1, -1), 0.5, LIGHT_RULE),
    ]
    if slot.is_break:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), BREAK_FILL))
    if slot.parallel:
        commands.append(("LINEBEFORE", (2, 0), (-1, -1), 0.5, LIGHT_RULE))
    if rows_needed > 1:
        # No span down the time column: without one, a slot taller than a page can still be
        # split between its rows.
        commands.append(("LINEBELOW", (1, 0), (-1, -2), 0.5, LIGHT_RULE))
    return sides.table(rows, colWidths=[page.time_width, *[column_width] * columns], style=table_style(commands))


def _time_cell(slot: TimeSlot, _: Words) -> list:
    styles = agenda_styles()
    cell = [line(styles["time_break" if slot.is_break else "time"], slot.times)]
    if slot.parallel:
        shared_type = _shared_type(slot)
        if shared_type:
            cell.append(line(styles["time_note"], _(shared_type)))
        cell.append(line(styles["time_note"], in_parallel(len(slot.sessions), _)))
    return cell


def in_parallel(count: int, _: Words) -> str:
    """'4 in parallel': sessions of one time slot (breakout groups)."""
    # Translators: how many sessions (breakout groups) run at the same time.
    return _.n("{count} in parallel", "{count} in parallel", count)


def _shared_type(slot: TimeSlot) -> str:
    """The type of every session of a parallel slot, said once beside the time; '' if they differ."""
    types = {session.type_label for session in slot.sessions}
    return types.pop() if len(types) == 1 and slot.parallel else ""


def _session_cell(session: AgendaSession, slot: TimeSlot, width: float, _: Words) -> list:
    styles = agenda_styles()
    title = shortened(session.title, TITLE_LIMIT)
    if session.is_break:
        places = [session.track if slot.parallel else "", session.room]
        return [line(styles["break"], title, *(Piece(f" · {place}") for place in places if place))]
    cell = [_eyebrow(session, slot, _), line(styles["session"], title)]
    if session.facilitator is not None:
        cell.append(labelled(styles["people"], _("Facilitator"), shortened(session.facilitator.label, NAMES_LIMIT),
                             colon=_("{label}:")))
    if session.speakers:
        label = _("Speakers") if len(session.speakers) > 1 else _("Speaker")
        cell.append(labelled(styles["people"], label,
                             shortened(_.listed(person.label for person in session.speakers), NAMES_LIMIT),
                             colon=_("{label}:")))
    return cell


def _eyebrow(session: AgendaSession, slot: TimeSlot, _: Words, *, own_times: bool = False):
    """The small line above a title: track (in parallel), type, room, and an end earlier than
    the slot's (unless the session's own times are printed beside it)."""
    pieces = []
    if slot.parallel and session.track:
        pieces.append(Piece(shortened(session.track, 80), bold=True))
    if not _shared_type(slot):
        pieces.append(Piece(_(session.type_label)))
    pieces.append(Piece(shortened(session.room, 120)))
    if session.end != slot.end and not own_times:
        # Translators: a session that ends before the others of its time slot ("ends 11:30").
        pieces.append(Piece(_("ends {time}", time=session.end_text)))
    return line(agenda_styles()["eyebrow"], *pieces, separator=" · ")


def _eyebrow_height() -> float:
    eyebrow = agenda_styles()["eyebrow"]
    return eyebrow.leading + eyebrow.spaceAfter


# ---------------------------------------------------------------------- facilitator cards

def _card(session: AgendaSession, slot: TimeSlot, position: int, page: _Page) -> Table:
    _ = page.words
    styles = agenda_styles()
    text_width = page.session_width - _LABEL_WIDTH
    time_cell = [line(styles["time_break" if session.is_break else "time"], session.times),
                 # Translators: a session's length in minutes ("45 min").
                 line(styles["time_note"], _("{minutes} min", minutes=session.duration))]
    if slot.parallel:
        # Translators: one of the sessions that run at the same time ("Parallel 2 of 4").
        time_cell.append(line(styles["time_note"], _("Parallel {position} of {count}", position=position,
                                                     count=len(slot.sessions))))
    heading = [_eyebrow(session, slot, _, own_times=True), line(styles["break" if session.is_break else "session"],
                                                shortened(session.title, TITLE_LIMIT))]
    rows = [[time_cell, heading, ""]]
    for label, value in _details(session, _):
        rows.append(["", line(styles["label"], label), value])
    last = len(rows) - 1
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (1, 0), (2, 0)),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("TOPPADDING", (0, 0), (-1, 0), _PAD),
        ("TOPPADDING", (0, 0), (0, 0), _PAD + _eyebrow_height()),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        # The smaller labels share the first baseline of the text beside them.
        ("TOPPADDING", (1, 1), (1, -1), 1.5 + styles["detail"].fontSize - styles["label"].fontSize),
        ("BOTTOMPADDING", (0, last), (-1, last), _PAD + 1),
        ("LINEBELOW", (0, last), (-1, last), 0.5, LIGHT_RULE),
    ]
    if session.is_break:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), BREAK_FILL))
    return sides.table(rows, colWidths=[page.time_width, _LABEL_WIDTH, text_width], style=table_style(commands))


def _details(session: AgendaSession, _: Words) -> list[tuple[str, object]]:
    """(label, paragraph) for each thing the facilitation team needs to know, when filled in."""
    styles = agenda_styles()
    details = []
    if session.facilitator is not None:
        details.append((_("Facilitator"), line(styles["detail"], shortened(session.facilitator.label, NAMES_LIMIT))))
    elif not session.is_break:
        details.append((_("Facilitator"), line(styles["note"], _(NOT_ASSIGNED))))
    for one, several, people in ((_("Speaker"), _("Speakers"), session.speakers),
                                 (_("Rapporteur"), _("Rapporteurs"), session.rapporteurs)):
        if people:
            names = shortened(_.listed(person.label for person in people), NAMES_LIMIT)
            details.append((several if len(people) > 1 else one, line(styles["detail"], names)))
    for label, field in CARD_FIELDS:
        value = shortened(session.row[field] or "", FIELD_LIMIT)
        if value:
            details.append((_(label), line(styles["detail"], value)))
    return details

