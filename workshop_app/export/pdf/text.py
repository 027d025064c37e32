"""User text into reportlab flowables: always escaped, each script in its font, shaped only
where a script needs it.

Paragraph text is markup: `AT&T R&D` would silently print as `AT&T; R&D;` and `x <b` raises.
Everything a user typed therefore goes through escape() here and nowhere else builds markup
from user text.
"""

import re
import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from workshop_app.export.pdf import fonts
from workshop_app.export.pdf.shaped import ShapedParagraph, Span

# C0/C1 control characters other than tab and newline cannot be printed; a pasted \x0b or \x00
# would otherwise end up in the PDF as a box, or worse, in the middle of the markup.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# More than six marks stacked on one letter (no language needs them: "Zalgo" text) would print
# over the rows above and below; the first six are kept.
_STACKED = re.compile("([\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670"
                      "\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{6})"
                      "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670"
                      "\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def clean(text: object) -> str:
    """Text as it should print: NFC, no control characters, newlines as \\n."""
    if text is None:
        return ""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    if text.isascii():
        return text
    # A soft hyphen only shows where a line breaks, and our lines break at spaces.
    return _STACKED.sub(r"\1", text.replace("\u00ad", ""))


def markup(text: object, *, bold: bool = False) -> str:
    """Escaped paragraph markup for user text, with a <font> run for every script that NotoSans
    does not cover. The result is safe to embed in markup of our own (e.g. inside <b>)."""
    text = clean(text)
    if not fonts.has_complex_script(text):
        return _lines(escape(text))
    pieces = []
    for script, run in fonts.runs(text):
        if script == fonts.LATIN:
            pieces.append(escape(run))
        else:
            pieces.append(f'<font face="{fonts.font_for(script, bold=bold)}">{escape(run)}</font>')
    return _lines("".join(pieces))


def paragraph(text: object, style: ParagraphStyle) -> Flowable:
    """A paragraph printing user text literally: reportlab's Paragraph when NotoSans prints it
    alone, else a ShapedParagraph (each script in its font, shaped, right to left where it
    reads so, searchable)."""
    text = clean(text)
    if not fonts.needs_shaping(text):
        return Paragraph(_lines(escape(text)), style)
    return ShapedParagraph([Span(text)], style)


def spans(style: ParagraphStyle, pieces: "list[Span]") -> Flowable:
    """Spans of user text and labels of ours (bold, or in another colour) as one paragraph."""
    return ShapedParagraph(pieces, style)


def line_count(paragraph: Flowable) -> int:
    """Lines of a wrapped paragraph, of either kind."""
    if isinstance(paragraph, ShapedParagraph):
        return paragraph.line_count
    return len(paragraph.blPara.lines)


def cell(text: object, style: ParagraphStyle, width: float) -> str | Flowable:
    """Table cell content: plain one-line Latin text that fits stays a string (a Table draws
    strings far faster than it lays out Paragraphs); anything else becomes a paragraph.

    The table must draw string cells with the style's font and size (see tables.table_style).
    """
    text = clean(text)
    if "\n" not in text and not fonts.needs_shaping(text):
        if stringWidth(text, style.fontName, style.fontSize) <= width:
            return text
    return paragraph(text, style)


def _lines(escaped: str) -> str:
    return escaped.replace("\n", "<br/>")
