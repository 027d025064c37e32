"""The one-page sheet a facilitator prints and lays on the tables: how to open the draft on a
phone, the address, and a QR code large enough to scan from a seat (segno's matrix, drawn as
squares: no image library, sharp at any size)."""

from pathlib import Path

import segno
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from workshop_app.export.files import written_atomically
from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.styles import INK, stylesheet
from workshop_app.export.words import Words, export_language
from workshop_app.models.geography import paper_of

QR_SIDE = 110 * mm


class QrCode(Flowable):
    """The address as a QR code of `side` points, centred on the line."""

    def __init__(self, url: str, side: float):
        super().__init__()
        self.matrix = [list(row) for row in segno.make(url, error="m").matrix]
        self.side = side

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.side

    def draw(self):
        canvas = self.canv
        modules = len(self.matrix)
        cell = self.side / modules
        left = (self.width - self.side) / 2
        canvas.setFillColor(INK)
        for row, values in enumerate(self.matrix):
            for column, dark in enumerate(values):
                if dark:
                    canvas.rect(left + column * cell, self.side - (row + 1) * cell, cell, cell, stroke=0, fill=1)


def write_join_sheet(document, path: Path | str, url: str, *, lang: str | None = None) -> Path:
    """The sheet for the room, in the workshop's first working language by default, on its
    country's paper."""
    words = Words(export_language(document, lang))
    _ = words
    workshop = document.workshop()
    found = stylesheet()
    centred = {name: ParagraphStyle(f"{name}-centred", parent=found[name], alignment=TA_CENTER)
               for name in ("title", "heading", "body")}
    big = ParagraphStyle("join-title", parent=centred["title"], fontSize=26, leading=32, spaceAfter=8)
    address = ParagraphStyle("join-address", parent=centred["heading"], fontSize=15, leading=20)
    paper = LETTER if paper_of(workshop["country"] or "") == "Letter" else A4
    with written_atomically(path) as temporary, sides.reading(words):
        story = [
            text.paragraph(workshop["title"], centred["body"]), Spacer(0, 10 * mm),
            # Translators: the heading of the sheet that tells the room how to open the draft on a phone
            text.paragraph(_("Read the draft on your phone"), big),
            # Translators: the steps on the sheet for the room: the Wi-Fi first, then the code
            text.paragraph(_("1. Join the room's Wi-Fi.  2. Scan the code with the phone's camera, or type the "
                             "address."), centred["body"]),
            Spacer(0, 8 * mm), QrCode(url, QR_SIDE), Spacer(0, 8 * mm),
            text.paragraph(url, address), Spacer(0, 6 * mm),
            # Translators: at the foot of the sheet for the room
            text.paragraph(_("Read the road map, today's agenda and your group; send a comment on any outcome or "
                             "action. The address works only while the facilitator shares the draft."),
                           centred["body"]),
        ]
        SimpleDocTemplate(str(temporary), pagesize=paper, title=_("Read the draft on your phone"),
                          leftMargin=20 * mm, rightMargin=20 * mm, topMargin=22 * mm,
                          bottomMargin=20 * mm).build(story)
    return Path(path)
