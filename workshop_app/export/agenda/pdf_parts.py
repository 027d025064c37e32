"""Building blocks of the agenda PDFs: their paragraph styles, colours and table looks (the
coloured bands over a day or a slot among them), and DayBlock, a day's programme that breaks
between sessions (never inside one) and continues under a "(continued)" band. Lines mixing our
labels with user text come from the engine (pdf.lines).
"""

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from workshop_app.export.pdf import sides
from workshop_app.export.pdf.fonts import BODY_FONT, BOLD_FONT
from workshop_app.export.pdf.styles import INK, MUTED, stylesheet

ACCENT = colors.HexColor("#243b53")  # the day bands
LIGHT_RULE = colors.HexColor("#cbd2d9")  # between sessions and between parallel tracks
BREAK_FILL = colors.HexColor("#f3f5f7")  # breaks and meals
CONTINUED_FILL = colors.HexColor("#dde3ea")
BAND_PAD = 6  # points between a band's sides and its text


@sides.by_direction
def agenda_styles() -> dict[str, ParagraphStyle]:
    body = stylesheet()["body"]

    def style(name: str, **values) -> ParagraphStyle:
        return ParagraphStyle(f"agenda-{name}", parent=body, **values)

    return {
        "kind": style("kind", fontName=BOLD_FONT, fontSize=9, leading=12, textColor=ACCENT, spaceAfter=2),
        "title": style("title", fontName=BOLD_FONT, fontSize=17, leading=21, spaceAfter=3),
        "subtitle": style("subtitle", fontSize=10, leading=13, textColor=MUTED),
        "band": style("band", fontName=BOLD_FONT, fontSize=11, leading=14, textColor=colors.white),
        "band_right": style("band_right", fontSize=9.5, leading=14, textColor=colors.white, alignment=TA_RIGHT),
        "continued": style("continued", fontName=BOLD_FONT, fontSize=9.5, leading=12, textColor=INK),
        "time": style("time", fontName=BOLD_FONT, fontSize=9, leading=12),
        "time_break": style("time_break", fontSize=8.5, leading=11, textColor=MUTED),
        "time_note": style("time_note", fontSize=7, leading=9, textColor=MUTED),
        "eyebrow": style("eyebrow", fontSize=7, leading=9, textColor=MUTED, spaceAfter=1),
        "session": style("session", fontName=BOLD_FONT, fontSize=9.5, leading=12, spaceAfter=1.5),
        "break": style("break", fontSize=8.5, leading=11, textColor=MUTED),
        "people": style("people", fontSize=8, leading=10.5),
        "label": style("label", fontName=BOLD_FONT, fontSize=7.5, leading=10.5, textColor=MUTED),
        "detail": style("detail", fontSize=8.5, leading=11),
        "note": style("note", fontSize=8.5, leading=11, textColor=MUTED),
    }


def table_style(commands: list[tuple]) -> TableStyle:
    """The table look with the body font for empty string cells too: reportlab sets a font for
    every string cell, by default Helvetica, which would be named in the PDF and not embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), BODY_FONT), *commands])


def band_style(fill, top: float, bottom: float, *more: tuple) -> TableStyle:
    """The look of a band across the page, a day's or a slot's heading or the line that says it
    goes on: filled with `fill`, its text at the top, `top` and `bottom` points above and below."""
    return table_style([
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), BAND_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), BAND_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        *more,
    ])


# ---------------------------------------------------------------------- a day's programme

class DayBlock(Flowable):
    """A day band followed by the day's blocks (one per time slot or per session), kept whole.

    At a page break the day continues on the next page under `continued()` (a band that says
    so). A block taller than a whole page is split by its own rows, which only the facilitator
    version's long notes can need; the participants' blocks are kept short enough never to.
    """

    def __init__(self, band: Flowable, continued: Callable[[], Flowable], blocks: list[Flowable],
                 page_height: float):
        super().__init__()
        self.band = band
        self.continued = continued
        self.blocks = blocks
        self.page_height = page_height
        self._heights: list[float] | None = None
        self._band_height = 0.0

    def wrap(self, available_width, available_height):
        self.width = available_width
        self._band_height = self.band.wrap(available_width, available_height)[1]
        self._heights = [block.wrap(available_width, self.page_height)[1] for block in self.blocks]
        self.height = self._band_height + sum(self._heights)
        return self.width, self.height

    def split(self, available_width, available_height):
        self.wrap(available_width, available_height)
        room = available_height - self._band_height
        count, used = 0, 0.0
        while count < len(self.blocks) and used + self._heights[count] <= room:
            used += self._heights[count]
            count += 1
        if count == len(self.blocks):
            return [self]
        if count:
            return [DayBlock(self.band, self.continued, self.blocks[:count], self.page_height),
                    DayBlock(self.continued(), self.continued, self.blocks[count:], self.page_height)]
        fresh_page = available_height >= self.page_height - 1
        if not fresh_page or not self.blocks:
            return []  # the frame moves on; on a new page the first block will fit
        parts = self.blocks[0].split(available_width, room)
        if len(parts) < 2:
            return []  # cannot be laid out: reportlab reports it (texts are kept shorter)
        return [DayBlock(self.band, self.continued, [parts[0]], self.page_height),
                DayBlock(self.continued(), self.continued, [*parts[1:], *self.blocks[1:]], self.page_height)]

    def draw(self):
        y = self.height - self._band_height
        self.band.drawOn(self.canv, 0, y)
        for block, height in zip(self.blocks, self._heights):
            y -= height
            block.drawOn(self.canv, 0, y)

