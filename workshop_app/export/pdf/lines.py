"""Lines that mix labels of ours, bold or muted, with user text ("Speakers: A, B" with the
label muted), for the agenda and the road map alike. Each piece goes through text.markup
(escaped, one font per script) and the line is shaped when any piece needs it.

shortened() is the limit both put on a pasted field.
"""

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from workshop_app.export.pdf import fonts, text
from workshop_app.export.pdf.shaped import Span
from workshop_app.export.pdf.styles import MUTED

MAX_LINES = 15  # line breaks kept in one field; the rest become spaces

_MUTED_HEX = "#" + MUTED.hexval()[2:]


class Piece:
    """A run of text in a line: user text or a label of ours, plain, bold or muted."""

    __slots__ = ("value", "bold", "muted")

    def __init__(self, value: object, *, bold: bool = False, muted: bool = False):
        self.value = text.clean(value)
        self.bold = bold
        self.muted = muted

    def span(self) -> Span:
        return Span(self.value, bold=self.bold, color=MUTED if self.muted else None)

    def markup(self, *, bold_style: bool = False) -> str:
        # <b> around a run of another script needs that script's bold face: markup() names it.
        marked = text.markup(self.value, bold=self.bold or bold_style)
        if self.bold:
            marked = f"<b>{marked}</b>"
        if self.muted:
            marked = f'<font color="{_MUTED_HEX}">{marked}</font>'
        return marked


def line(style: ParagraphStyle, *pieces: Piece | str, separator: str = "") -> Flowable:
    """One paragraph made of pieces (a str is a plain piece): reportlab's Paragraph when NotoSans
    prints all of it, else the shaping engine (text.spans)."""
    pieces = [piece if isinstance(piece, Piece) else Piece(piece) for piece in pieces]
    pieces = [piece for piece in pieces if piece.value]
    plain = separator.join(piece.value for piece in pieces)
    if fonts.needs_shaping(plain):
        spans = []
        for index, piece in enumerate(pieces):
            if index and separator:
                spans.append(Span(separator))
            spans.append(piece.span())
        return text.spans(style, spans)
    bold_style = fonts.is_bold(style.fontName)
    marked = escape(separator).join(piece.markup(bold_style=bold_style) for piece in pieces)
    return Paragraph(marked, style)


def labelled(style: ParagraphStyle, label: str, value: str, *, colon: str = "{label}:") -> Paragraph:
    """'Speakers: A, B' with the label muted. `colon` is how the export's language sets a label
    before its value ("{label} :" in French, with a no-break space)."""
    return line(style, Piece(colon.format(label=label) + " ", muted=True), value)


def shortened(value: str, limit: int) -> str:
    """A pasted page of text in one field must not push a row past the page: at most `limit`
    characters and MAX_LINES line breaks."""
    value = text.clean(value).strip()
    if value.count("\n") > MAX_LINES:
        kept = value.split("\n", MAX_LINES)
        value = "\n".join(kept[:MAX_LINES]) + "\n" + " ".join(kept[MAX_LINES].split())
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "…"


class Overflow:
    """Text longer than a table cell may hold keeps its start in the cell, ended by a pointer to
    a numbered note, and goes on in that note under the table: a reader loses no word, and a
    pasted page of text cannot push a row past the page. Notes are numbered through the whole
    document; `notes()` hands over those of the last table."""

    def __init__(self, pointer: str, heading: str):
        self.pointer = pointer  # "(continued in note {number})", in the export's language
        self.heading = heading  # "Note {number}: {where}, continued"
        self.count = 0
        self.pending: list[tuple[int, str, str]] = []  # number, where the text starts, the rest

    def fit(self, value: object, limit: int, where: str) -> str:
        value = text.clean(value).strip()
        # A pasted list of many short lines is as tall as a long text: it is cut after MAX_LINES lines.
        breaks = [index for index, character in enumerate(value) if character == "\n"]
        if len(breaks) >= MAX_LINES:
            limit = min(limit, breaks[MAX_LINES - 1])
        if len(value) <= limit:
            return value
        # Break between words when a space is near the limit, else mid-word (a script without spaces).
        cut = max(value.rfind(" ", 0, limit + 1), value.rfind("\n", 0, limit + 1))
        if cut < limit * 0.7:
            cut = limit
        self.count += 1
        self.pending.append((self.count, where, value[cut:].strip()))
        return value[:cut].rstrip() + " " + self.pointer.format(number=self.count)

    def notes(self, style: ParagraphStyle) -> list[Flowable]:
        found, self.pending = self.pending, []
        return [line(style, Piece(self.heading.format(number=number, where=where) + " ", muted=True), rest)
                for number, where, rest in found]
