"""Sign-in sheets: one per workshop day, every invited participant pre-printed with room to sign,
and blank lines filling the rest of the day's last page for people who come without an invitation.

Landscape by default: the signature column needs the width, and a sheet passed along a table
of twenty people is easier to hold across. The sheet goes round the room, so participants'
e-mail and phone are printed only when asked for; each day's pages are numbered on their own
("Day 2 · page 1 of 3"), as each day's pile is handed out separately. Every word of ours, the
dates and the page numbers are in the export's language.
"""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Spacer

from workshop_app.export.errors import ExportError, no_such_day
from workshop_app.export.files import written_atomically
from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.page import PAPER_SIZES, SectionMark, WorkshopDocTemplate, workshop_details
from workshop_app.export.pdf.styles import stylesheet
from workshop_app.export.pdf.tables import FillRows, PagedTable, TableRow, column_widths, content_width
from workshop_app.export.stakeholders.participant_list import (
    NO_ORGANIZATION,
    ParticipantEntry,
    ParticipantList,
    WorkshopDay,
)
from workshop_app.export.words import Words, export_language, job_title
from workshop_app.i18n.catalogs import N_, gettext
from workshop_app.models.document import WorkshopDocument

ORDERS = ("name", "organization")
KIND = N_("Sign-in sheet")
WALK_IN_ROWS = 3  # the fewest blank lines for walk-ins; they fill the rest of the day's last page
WALK_INS = N_("Walk-in participants (not on the list)")
INSTRUCTION = N_("Please check your details, correct them by hand if needed, and sign.")
ROW_HEIGHT = 28  # points: about 1 cm, room to sign
CELL_LIMIT = 160  # characters of a name, title or organization printed in a cell

# Translators: column header of the sign-in sheet: the participant's e-mail address and phone number.
CONTACT = N_("Contact (e-mail / phone)")
# Translators: column header of the sign-in sheet: the participant's number in the list.
NUMBER = N_("No.")
# Translators: column header of the sign-in sheet: the participant's job title.
TITLE = N_("Title")
# Translators: column header of the sign-in sheet: where participants sign.
SIGNATURE = N_("Signature")
# (header, share of the table width, narrowest width in points)
COLUMNS = (
    (NUMBER, 0.035, 24),
    (N_("Name"), 0.16, 0),
    (N_("Organization"), 0.17, 0),
    (TITLE, 0.14, 0),
    (N_("Sex"), 0.06, 40),
    (CONTACT, 0.19, 0),
    (SIGNATURE, 0.245, 0),
)
# Without contacts, names and organizations take most of the width, so fewer of them wrap.
COLUMNS_WITHOUT_CONTACTS = (
    (NUMBER, 0.035, 24),
    (N_("Name"), 0.22, 0),
    (N_("Organization"), 0.24, 0),
    (TITLE, 0.16, 0),
    (N_("Sex"), 0.06, 40),
    (SIGNATURE, 0.285, 0),
)


def write_signin_pdf(document: WorkshopDocument, path: Path | str, *, day: int | str | None = None,
                     order: str = "name", paper: str = "A4", landscape: bool = True,
                     include_contacts: bool = False, lang: str | None = None) -> None:
    """Write sign-in sheets to `path`: one per day (all days when `day` is None), each day
    starting on a new page, its pages numbered on their own.

    `day` is a day number (1 = first day), an ISO date or a day id. `order` is "name" or
    "organization" (grouped, with a heading row per organization). `paper` is "A4" or "Letter".
    `include_contacts`: add a column with each participant's e-mail and phone (off: the sheet
    is passed round the room). `lang`: the language of the sheets (the workshop's first working
    language by default).
    Raises ExportError for an unknown day, order or paper, or a target that cannot be written.
    """
    path = Path(path)
    if order not in ORDERS:
        raise ExportError(path, gettext("the order must be 'name' or 'organization', not '{order}'").format(
            order=order))
    if paper not in PAPER_SIZES:
        raise ExportError(path, gettext("the paper must be A4 or Letter, not '{paper}'").format(paper=paper))
    _ = Words(export_language(document, lang))
    participants = ParticipantList(document, _)
    days = _chosen_days(document, participants.days, day)
    workshop = document.workshop()
    with written_atomically(path) as temporary, sides.reading(_):
        template = WorkshopDocTemplate(str(temporary), workshop_title=workshop["title"], kind=_(KIND), words=_,
                                       paper=paper, landscape=landscape, footer_details=workshop_details(workshop, _))
        columns = COLUMNS if include_contacts else COLUMNS_WITHOUT_CONTACTS
        # The list is the same on every day's sheet: built and measured once.
        widths = column_widths(template.width, [share for _title, share, _least in columns],
                               [least for _title, _share, least in columns])
        table = _table(participants, order, columns, widths, _)
        story = []
        for index, workshop_day in enumerate(days):
            if index:
                story.append(PageBreak())
            story += _day_heading(workshop, workshop_day, len(participants.participants), _)
            story.append(table.again())
        template.build(story)


def _chosen_days(document: WorkshopDocument, days: list[WorkshopDay], wanted: int | str | None) -> list:
    """The days to print; [None] (one undated sheet) for a workshop whose dates are not set."""
    if wanted is None:
        return days or [None]
    for workshop_day in days:
        if wanted in (workshop_day.id, workshop_day.date) or str(wanted) == str(workshop_day.number):
            return [workshop_day]
    raise ExportError(document.path, no_such_day(wanted, len(days)))


def _day_heading(workshop: dict, day: WorkshopDay | None, registered: int, _: Words) -> list:
    styles = stylesheet()
    if day is None:
        heading = section = _(KIND)
        group = None
    else:
        when = _.long_date(day.date)
        number = day.number
        if when:
            heading = _("Sign-in sheet – Day {number}: {date}", number=number, date=when)
            section = _("Sign-in sheet · Day {number} · {date}", number=number, date=when)
        else:
            heading = _("Sign-in sheet – Day {number}", number=number)
            section = _("Sign-in sheet · Day {number}", number=number)
        group = _("Day {number}", number=number)
    story = [SectionMark(section, page_group=group), text.paragraph(heading, styles["title"])]
    for line in (workshop["title"], workshop["venue"]):
        if line:
            story.append(text.paragraph(line, styles["subtitle"]))
    count = _.n("{count} participant registered.", "{count} participants registered.", registered)
    story.append(text.paragraph(f"{_(INSTRUCTION)} {count}", styles["small"]))
    story.append(Spacer(0, 4))
    return story


def _table(participants: ParticipantList, order: str, columns: tuple, widths: list[float], _: Words) -> PagedTable:
    styles = stylesheet()
    cell_style = styles["cell"]
    header = [text.paragraph(job_title(_) if title == TITLE else _(title), styles["header_cell"])
              for title, _share, _least in columns]
    blank = [""] * (len(columns) - 1)
    contacts = any(title == CONTACT for title, _share, _least in columns)
    sexes = {entry.sex: _(entry.sex_label) for entry in participants.participants}
    rows: list[TableRow] = []
    number = 0

    def add_group(title: str) -> None:
        rows.append(TableRow([text.paragraph(title, styles["group_cell"]), *blank], group=True))

    def add(entry: ParticipantEntry, *, grouped: bool = False) -> None:
        nonlocal number
        number += 1
        # Under its organization's heading row, the acronym is enough.
        organization = (entry.acronym or entry.organization) if grouped else entry.organization
        cells = [
            str(number),
            text.cell(_short(entry.name), cell_style, content_width(widths[1])),
            text.cell(_short(organization), cell_style, content_width(widths[2])),
            text.cell(_short(entry.title), cell_style, content_width(widths[3])),
            # Left blank when not stated, so the person can write it in.
            "" if entry.sex == "not_stated" else text.cell(sexes[entry.sex], cell_style, content_width(widths[4])),
        ]
        if contacts:
            contact = "\n".join(part for part in (_email(entry.email, widths[5]), entry.phone) if part)
            cells.append(text.cell(_short(contact), cell_style, content_width(widths[5])))
        rows.append(TableRow([*cells, ""], min_height=ROW_HEIGHT))

    if order == "organization":
        for first, members in participants.by_organization:
            if first is None:
                add_group(_(NO_ORGANIZATION))
            else:
                add_group(f"{first.organization} ({first.acronym})" if first.acronym else first.organization)
            for entry in members:
                add(entry, grouped=True)
    else:
        for entry in participants.participants:
            add(entry)

    add_group(_(WALK_INS))
    listed = number

    def walk_in(index: int) -> TableRow:
        return TableRow([str(listed + index + 1), *blank], min_height=ROW_HEIGHT)

    return PagedTable(header, rows, widths, cell_style, styles["header_cell"], fill=FillRows(walk_in, WALK_IN_ROWS))


def _short(value: str) -> str:
    """A pasted paragraph in a name or title field must not push a row past the page."""
    return value if len(value) <= CELL_LIMIT else value[:CELL_LIMIT - 1].rstrip() + "…"


def _email(address: str, column_width: float) -> str:
    """An address too long for its cell breaks after the @, not at whatever letter reaches the
    edge (reportlab would otherwise print "aakash.mehta@unodc.exampl" / "e")."""
    style = stylesheet()["cell"]
    if "@" in address and stringWidth(address, style.fontName, style.fontSize) > content_width(column_width):
        local, domain = address.split("@", 1)
        return f"{local}@\n{domain}"
    return address
