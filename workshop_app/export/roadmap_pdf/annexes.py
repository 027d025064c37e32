"""The annexes of the road-map PDF: the participant list (names, titles and organizations;
e-mail and phone only when the user chose to include contact details), the full agenda, and
the plenary comments still open."""

import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from workshop_app.export.agenda.contents import agenda_days
from workshop_app.export.pdf import text
from workshop_app.export.pdf.lines import Piece, shortened
from workshop_app.export.pdf.tables import TableRow, content_width
from workshop_app.export.roadmap_pdf.front import Report, day_row
from workshop_app.export.roadmap_pdf.styles import (
    FIELD_LIMIT,
    TITLE_LIMIT,
    heading,
    note,
    paged_table,
    styles,
    table_widths,
)
from workshop_app.export.roadmap_pdf.table import cell_text, rich
from workshop_app.export.stakeholders.participant_list import ParticipantList
from workshop_app.models.roadmap.comments import comments, phone_sender
from workshop_app.models.roadmap.tree import node_codes

NAME_LIMIT = 160


def participants_annex(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    found = styles()
    story = heading(number, labels["section.participants"], "participants")
    people = ParticipantList(report.document).participants
    intro = labels.count("participants", len(people))
    if not report.include_contacts:
        intro += " " + labels["people.contacts_hidden"]
    story.append(note(intro))
    if report.include_contacts:
        shares, titles = [0.06, 0.22, 0.17, 0.23, 0.20, 0.12], ["people.no", "people.name", "people.title",
                                                                 "people.organization", "people.email", "people.phone"]
    else:
        shares, titles = [0.07, 0.31, 0.25, 0.37], ["people.no", "people.name", "people.title", "people.organization"]
    titles = [labels[key] for key in titles]
    widths = table_widths(report.portrait_width, shares, titles, [26] + [0] * (len(shares) - 1))
    inner = [content_width(width) for width in widths]
    cell = found["cell"]
    rows = []
    for index, person in enumerate(people, start=1):
        organization = person.organization
        if person.acronym and person.acronym != organization:
            organization = f"{organization} ({person.acronym})"
        cells = [str(index), cell_text(shortened(person.name, NAME_LIMIT), cell, inner[1]),
                 cell_text(shortened(person.title, NAME_LIMIT), cell, inner[2]),
                 cell_text(shortened(organization, 300), cell, inner[3])]
        if report.include_contacts:
            cells += [cell_text(_breakable_email(person.email, cell, inner[4]), cell, inner[4]),
                      cell_text(shortened(person.phone, 60), cell, inner[5])]
        rows.append(TableRow(cells))
    story.append(paged_table(titles, rows, widths))
    return story


def _breakable_email(address: str, style, width: float) -> str:
    """An address too wide for its cell breaks after its @ (and, for a part still too wide,
    after its dots), not at whatever letter reaches the edge ("aakash.mehta@unodc.e" /
    "xample"; a zero-width space after the @ was no break for the cell's text, which breaks at
    spaces, and came out of the PDF's text)."""
    address = shortened(address, 120)

    def fits(value: str) -> bool:
        return stringWidth(value, style.fontName, style.fontSize) <= width

    if fits(address):
        return address
    lines: list[str] = []
    for part in re.split(r"(?<=@)", address):
        if fits(part):
            lines.append(part)
            continue
        line = ""
        for piece in re.split(r"(?<=\.)", part):
            if line and not fits(line + piece):
                lines.append(line)
                line = ""
            line += piece
        lines.append(line)
    return "\n".join(line for line in lines if line)


def agenda_annex(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    found = styles()
    story = heading(number, labels["section.agenda"], "agenda")
    days = agenda_days(report.document)
    if not any(day.slots for day in days):
        return story + [note(labels["workshop.no_agenda"])]
    titles = [labels["agenda.time"], labels["agenda.session"], labels["agenda.details"], labels["agenda.people"]]
    widths = table_widths(report.portrait_width, [0.14, 0.38, 0.17, 0.31], titles)
    inner = [content_width(width) for width in widths]
    cell, muted = found["cell"], found["cell_muted"]
    rows: list[TableRow] = []
    for day in days:
        rows.append(day_row(day, labels, 4))
        day_name = labels.get("agenda.day", number=day.number)
        for slot in day.slots:
            for session in slot.sessions:
                style = muted if session.is_break else cell
                title = report.fit(session.title, TITLE_LIMIT, f"{day_name}, {session.times}")
                if slot.parallel and session.track:
                    title_cell = rich(style, Piece(labels.labelled(shortened(session.track, 80)), bold=True), title)
                else:
                    title_cell = cell_text(title, style, inner[1])
                details = " · ".join(part for part in (labels.word("session_type", session.row["type"]),
                                                       shortened(session.room, 120)) if part)
                people = []
                if session.facilitator is not None:
                    people += [Piece(labels.labelled(labels["agenda.facilitator"]), muted=True),
                               shortened(session.facilitator.label, 200)]
                if session.speakers:
                    if people:
                        people.append("\n")
                    people += [Piece(labels.labelled(labels["agenda.speakers"]), muted=True),
                               shortened(labels.words.listed(person.label for person in session.speakers), 400)]
                rows.append(TableRow([session.times, title_cell, cell_text(details, muted, inner[2]),
                                      rich(cell, *people) if people else ""]))
        if not day.slots:
            rows.append(TableRow(["", text.paragraph(labels["agenda.no_sessions"], muted), "", ""]))
    story.append(paged_table(titles, rows, widths))
    return story + report.table_notes()


def open_comments(document) -> list[dict]:
    """The plenary comments still open, oldest first, with who raised them."""
    return comments(document, open_only=True)


def comments_annex(report: Report, number: str, open_ones: list[dict]) -> list[Flowable]:
    labels = report.labels
    found = styles()
    story = heading(number, labels["section.comments"], "comments")
    story.append(note(labels["comments.intro"]))
    codes = node_codes(report.document)
    node_titles = {row["id"]: row["title"] for row in report.document.rows("roadmap_node")}
    titles = [labels["comments.item"], labels["comments.comment"], labels["comments.from"], labels["comments.date"]]
    widths = table_widths(report.portrait_width, [0.27, 0.43, 0.18, 0.12], titles)
    inner = [content_width(width) for width in widths]
    cell = found["cell"]
    rows = []
    for comment in open_ones:
        code = codes.get(comment["node_id"], "")
        item = rich(cell, Piece(code + " ", bold=True), report.fit(node_titles.get(comment["node_id"], ""), 200, code))
        rows.append(TableRow([item, cell_text(report.fit(comment["text"], FIELD_LIMIT, f"{code}, {titles[1]}"), cell,
                                              inner[1]),
                              cell_text(shortened(_raised_by(comment, labels), 200), cell, inner[2]),
                              cell_text(labels.quarter((comment["created_at"] or "")[:10]), cell, inner[3])]))
    story.append(paged_table(titles, rows, widths))
    return story + report.table_notes()


def _raised_by(comment: dict, labels) -> str:
    """Who raised it, in the export's language: a comment from a phone is signed with what its
    sender typed, not verified."""
    return phone_sender(comment["signed"], labels.words) if comment["from_phone"] else comment["raised_by"]
