"""Sign-in sheets: one per workshop day, every invited participant pre-printed with room to sign,
and blank lines at the end for people who come without an invitation.

Landscape by default: the signature column needs the width, and a sheet passed along a table
of twenty people is easier to hold across.
"""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import LongTable, PageBreak, Paragraph, Spacer

from workshop_app.export.dates import long_date
from workshop_app.export.errors import ExportError
from workshop_app.export.files import written_atomically
from workshop_app.export.participant_list import NO_ORGANIZATION, ParticipantEntry, ParticipantList, WorkshopDay
from workshop_app.export.pdf import text
from workshop_app.export.pdf.page import PAPER_SIZES, SectionMark, WorkshopDocTemplate
from workshop_app.export.pdf.styles import stylesheet
from workshop_app.export.pdf.tables import column_widths, content_width, table_style
from workshop_app.models.document import WorkshopDocument

ORDERS = ("name", "organization")
KIND = "Sign-in sheet"
WALK_IN_ROWS = 6
WALK_INS = "Walk-in participants (not on the list)"
INSTRUCTION = "Please check your details, correct them by hand if needed, and sign."
SIGNATURE_HEIGHT = 22  # points of empty space: with the padding a row is about 1 cm high

# (header, share of the table width)
COLUMNS = (
    ("No.", 0.035),
    ("Name", 0.16),
    ("Organization", 0.17),
    ("Title", 0.14),
    ("Sex", 0.06),
    ("Contact (e-mail / phone)", 0.19),
    ("Signature", 0.245),
)
_NAME, _ORGANIZATION, _TITLE, _SEX, _CONTACT = 1, 2, 3, 4, 5


def write_signin_pdf(document: WorkshopDocument, path: Path | str, *, day: int | str | None = None,
                     order: str = "name", paper: str = "A4", landscape: bool = True) -> None:
    """Write sign-in sheets to `path`: one per day (all days when `day` is None), each day
    starting on a new page.

    `day` is a day number (1 = first day), an ISO date or a day id. `order` is "name" or
    "organization" (grouped, with a heading row per organization). `paper` is "A4" or "Letter".
    Raises ExportError for an unknown day, order or paper, or a target that cannot be written.
    """
    path = Path(path)
    if order not in ORDERS:
        raise ExportError(path, f"the order must be 'name' or 'organization', not {order!r}")
    if paper not in PAPER_SIZES:
        raise ExportError(path, f"the paper must be {' or '.join(PAPER_SIZES)}, not {paper!r}")
    participants = ParticipantList(document)
    days = _chosen_days(document, participants.days, day)
    workshop = document.workshop()
    with written_atomically(path) as temporary:
        template = WorkshopDocTemplate(str(temporary), workshop_title=workshop["title"], kind=KIND,
                                       paper=paper, landscape=landscape)
        widths = column_widths(template.width, [share for _, share in COLUMNS])
        story = []
        for index, workshop_day in enumerate(days):
            if index:
                story.append(PageBreak())
            story += _day_sheet(workshop, workshop_day, participants, order, widths)
        template.build(story)


def _chosen_days(document: WorkshopDocument, days: list[WorkshopDay], wanted: int | str | None) -> list:
    """The days to print; [None] (one undated sheet) for a workshop whose dates are not set."""
    if wanted is None:
        return days or [None]
    for workshop_day in days:
        if wanted in (workshop_day.id, workshop_day.date) or str(wanted) == str(workshop_day.number):
            return [workshop_day]
    known = f"it has days 1 to {len(days)}" if days else "it has no days yet (set the workshop dates)"
    raise ExportError(document.path, f"the workshop has no day {wanted}; {known}")


def _day_sheet(workshop: dict, day: WorkshopDay | None, participants: ParticipantList, order: str,
               widths: list[float]) -> list:
    styles = stylesheet()
    if day is None:
        heading, section = KIND, KIND
    else:
        when = long_date(day.date)
        heading = f"{KIND} – Day {day.number}" + (f": {when}" if when else "")
        section = f"{KIND} · Day {day.number}" + (f" · {when}" if when else "")
    story = [SectionMark(section), text.paragraph(heading, styles["title"])]
    for line in (workshop["title"], workshop["venue"]):
        if line:
            story.append(text.paragraph(line, styles["subtitle"]))
    story.append(Paragraph(f"{INSTRUCTION} {len(participants.participants)} participants registered.",
                           styles["small"]))
    story.append(Spacer(0, 4))
    story.append(_table(participants, order, widths))
    return story


def _table(participants: ParticipantList, order: str, widths: list[float]) -> LongTable:
    styles = stylesheet()
    cell_style = styles["cell"]
    header = [text.paragraph(title, styles["header_cell"]) for title, _ in COLUMNS]
    rows: list[list] = [header]
    group_rows: list[int] = []
    signature = Spacer(0, SIGNATURE_HEIGHT)
    number = 0

    def add_group(title: str) -> None:
        group_rows.append(len(rows))
        rows.append([text.paragraph(title, styles["group_cell"]), "", "", "", "", "", ""])

    def add(entry: ParticipantEntry, *, grouped: bool = False) -> None:
        nonlocal number
        number += 1
        contact = "\n".join(part for part in (_email(entry.email, widths[_CONTACT]), entry.phone) if part)
        rows.append([
            str(number),
            text.cell(entry.name, cell_style, content_width(widths[_NAME])),
            # Under its organization's heading row, the acronym is enough.
            text.cell((entry.acronym or entry.organization) if grouped else entry.organization,
                      cell_style, content_width(widths[_ORGANIZATION])),
            text.cell(entry.title, cell_style, content_width(widths[_TITLE])),
            # Left blank when not stated, so the person can write it in.
            "" if entry.sex == "not_stated" else entry.sex_label,
            text.cell(contact, cell_style, content_width(widths[_CONTACT])),
            signature,
        ])

    if order == "organization":
        for first, members in participants.by_organization:
            if first is None:
                add_group(NO_ORGANIZATION)
            else:
                add_group(f"{first.organization} ({first.acronym})" if first.acronym else first.organization)
            for entry in members:
                add(entry, grouped=True)
    else:
        for entry in participants.participants:
            add(entry)

    add_group(WALK_INS)
    for _ in range(WALK_IN_ROWS):
        number += 1
        rows.append([str(number), "", "", "", "", "", signature])

    style = table_style(cell_style, styles["header_cell"], group_rows=group_rows)
    return LongTable(rows, colWidths=widths, repeatRows=1, style=style)


def _email(address: str, column_width: float) -> str:
    """An address too long for its cell breaks after the @, not at whatever letter reaches the
    edge (reportlab would otherwise print "aakash.mehta@unodc.exampl" / "e")."""
    style = stylesheet()["cell"]
    if "@" in address and stringWidth(address, style.fontName, style.fontSize) > content_width(column_width):
        local, domain = address.split("@", 1)
        return f"{local}@\n{domain}"
    return address
