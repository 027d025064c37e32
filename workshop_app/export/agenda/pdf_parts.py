"""Building blocks of the agenda PDFs: their paragraph styles, lines that mix our labels with
user text, and DayBlock, a day's programme that breaks between sessions (never inside one) and
continues under a "(continued)" band.

User text goes through the engine's text.markup (escaped, one font per script); nothing here
puts user text into markup any other way.
"""

from collections.abc import Callable, Iterable
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from workshop_app.export.pdf import fonts, text
from workshop_app.export.pdf.fonts import BOLD_FONT
from workshop_app.export.pdf.styles import INK, MUTED, stylesheet

ACCENT = colors.HexColor("#243b53")  # the day bands
LIGHT_RULE = colors.HexColor("#cbd2d9")  # between sessions and between parallel tracks
BREAK_FILL = colors.HexColor("#f3f5f7")  # breaks and meals
CONTINUED_FILL = colors.HexColor("#dde3ea")
_MUTED_HEX = "#" + MUTED.hexval()[2:]


@cache
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


# ---------------------------------------------------------------------- lines of mixed text

class Piece:
    """A run of text in a line: user text or a label of ours, plain, bold or muted."""

    __slots__ = ("value", "bold", "muted")

    def __init__(self, value: object, *, bold: bool = False, muted: bool = False):
        self.value = text.clean(value)
        self.bold = bold
        self.muted = muted

    def markup(self, *, bold_style: bool = False) -> str:
        marked = script_markup(self.value, bold=self.bold or bold_style)
        if self.bold:
            marked = f"<b>{marked}</b>"
        if self.muted:
            marked = f'<font color="{_MUTED_HEX}">{marked}</font>'
        return marked


def line(style: ParagraphStyle, *pieces: Piece | str, separator: str = "") -> Paragraph:
    """One paragraph made of pieces (a str is a plain piece), shaped when any piece needs it."""
    pieces = [piece if isinstance(piece, Piece) else Piece(piece) for piece in pieces]
    pieces = [piece for piece in pieces if piece.value]
    plain = separator.join(piece.value for piece in pieces)
    bold_style = fonts.is_bold(style.fontName)
    marked = escape(separator).join(piece.markup(bold_style=bold_style) for piece in pieces)
    if fonts.needs_shaping(plain):
        # <b> around a run of another script needs that script's bold face: markup() names it.
        return Paragraph(marked, text.shaped_style(style, plain))
    return Paragraph(marked, style)


def script_markup(value: str, *, bold: bool = False) -> str:
    """text.markup(value) in the regular or the bold face of each script's font."""
    if not fonts.has_complex_script(value):
        return text.markup(value)
    pieces = []
    for script, piece in fonts.runs(value):
        if script == fonts.LATIN:
            pieces.append(escape(piece))
        else:
            pieces.append(f'<font face="{fonts.font_for(script, bold=bold)}">{escape(piece)}</font>')
    return "".join(pieces).replace("\n", "<br/>")


def labelled(style: ParagraphStyle, label: str, value: str) -> Paragraph:
    """'Speakers: A, B' with the label muted."""
    return line(style, Piece(f"{label}: ", muted=True), value)


MAX_LINES = 15  # line breaks kept in one field; later ones become spaces


def shortened(value: str, limit: int) -> str:
    """A pasted page of text in one field must not push a session past the page: at most
    `limit` characters and MAX_LINES line breaks."""
    value = text.clean(value).strip()
    if value.count("\n") > MAX_LINES:
        kept = value.split("\n", MAX_LINES)
        value = "\n".join(kept[:MAX_LINES]) + "\n" + " ".join(kept[MAX_LINES].split())
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "…"


def joined(labels: Iterable[str]) -> str:
    return ", ".join(labels)


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

