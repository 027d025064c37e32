"""Text in any script, laid out by us: each run in the font that has its letters, shaped by
HarfBuzz, lines broken in logical order and then each line put in visual order, right to left
where the script reads so, and every word searchable.

reportlab's Paragraph shapes word by word in the font the word starts with and never reorders
right-to-left text, so "مكافحة العمل الجبري" printed with its first word leftmost, and the text
extracted from shaped glyphs ("सीता े") was not the text printed. Here:

- the levels of the whole paragraph come from direction (the bidirectional algorithm);
- the text is cut into atoms, each of one span, one font and one level, with no space inside;
- lines break at spaces (a word longer than the line is cut between its letters);
- each line's atoms are put in visual order (rule L2) and drawn left to right, right-aligned
  when the paragraph reads right to left; on a right-to-left page (see sides) a paragraph that
  holds any right-to-left letter reads right to left, and the style says which side it starts on;
- every word is drawn inside a marked-content span whose /ActualText is the word as typed
  (NFC), so `pdftotext` gives back the text, not the glyphs. Poppler reverses the text of a
  right-to-left word, so that word's ActualText is stored reversed, which poppler turns back.
- a character no font has prints as fonts.PLACEHOLDER and is noted (fonts.note_missing).

Plain text that NotoSans prints alone keeps reportlab's Paragraph (text.paragraph decides):
it is far faster, and its glyphs map back to their letters one to one.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz
from bidi.mirror import MIRRORED
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import shapeStr
from reportlab.platypus import Flowable

from workshop_app.export.pdf import direction, fonts, sides

_SHAPE_CACHE_LIMIT = 20000
_shaped: dict[tuple[str, str, float], tuple[object, float]] = {}


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph: user text or a label of ours, in the style's face or bold, in the
    style's colour or another."""
    text: str
    bold: bool = False
    color: object = None


class _Atom:
    """Characters start:end of the paragraph that print in one font at one level: a word (or
    part of one), a run of spaces, or a line break."""

    __slots__ = ("start", "end", "text", "font", "level", "color", "width", "space", "newline", "missing")

    def __init__(self, start, end, text, font, level, color, *, missing=False):
        self.start = start
        self.end = end
        self.text = text
        self.font = font
        self.level = level
        self.color = color
        self.newline = text == "\n"
        self.space = not self.newline and all(_is_gap(char) for char in text)
        self.missing = missing
        self.width = 0.0


def shaped_text(value: str, font: str, size: float, *, reverse: bool = False):
    """The glyphs of `value` in `font`, and their width. `reverse`: a run of neutral characters
    at a right-to-left level, which HarfBuzz would keep in logical order: mirrored and reversed
    here."""
    key = (value, font, size, reverse)
    found = _shaped.get(key)
    if found is None:
        printed = "".join(MIRRORED.get(char, char) for char in reversed(value)) if reverse else value
        glyphs = shapeStr(printed, font, size, force=True)
        data = getattr(glyphs, "__shapeData__", None)
        if data is None:
            width = stringWidth(printed, font, size)
        else:
            width = sum(item.x_advance for item in data) * size / 1000
        if len(_shaped) > _SHAPE_CACHE_LIMIT:
            _shaped.clear()
        found = _shaped[key] = (glyphs, width)
    return found


ZERO_WIDTH_SPACE = "\u200b"


def _is_gap(char: str) -> bool:
    """A place a line may break: a space, or a zero-width space (Thai, Lao, Khmer and Myanmar
    write no spaces between words; their writers mark the breaks with it)."""
    return char.isspace() or char == ZERO_WIDTH_SPACE


def _grapheme_starts(value: str) -> list[int]:
    """Where a long word may be cut: before a character that starts a new letter (not a mark,
    not after a joiner or a virama)."""
    starts = [0]
    for index in range(1, len(value)):
        char, before = value[index], value[index - 1]
        if unicodedata.category(char)[0] == "M" or char in "\u200c\u200d" or before in "\u200c\u200d":
            continue
        if unicodedata.combining(before) == 9:  # a virama joins the next consonant
            continue
        starts.append(index)
    return starts


class Layout:
    """A paragraph's atoms, measured once; lines for a width on demand."""

    def __init__(self, spans: Sequence[Span], style: ParagraphStyle, *, base: int | None = None):
        self.style = style
        typed = "".join(span.text for span in spans)
        # The direction is read from the text as typed (isolates count there); the explicit
        # formatting characters are then removed (rule X9; they print as nothing).
        self.base = _base_level(typed, style) if base is None else base
        self.spans = [Span(direction.strip_formatting(span.text), span.bold, span.color) for span in spans]
        self.text = "".join(span.text for span in self.spans)
        self.levels = direction.levels(self.text, self.base)
        self.atoms = self._atoms()

    def _atoms(self) -> list[_Atom]:
        style = self.style
        bold_style = fonts.is_bold(style.fontName)
        atoms: list[_Atom] = []
        position = 0
        for span in self.spans:
            color = span.color if span.color is not None else style.textColor
            bold = span.bold or bold_style
            for script, piece in fonts.runs(span.text):
                if script == fonts.MISSING and not piece.isspace():
                    fonts.note_missing(span.text)
                font = fonts.font_for(script, bold=bold)
                for start, end in self._pieces(piece, position):
                    chunk = self.text[start:end]
                    atom = _Atom(start, end, chunk, font, self.levels[start], color, missing=script == fonts.MISSING)
                    atom.width = self._measure(atom)
                    atoms.append(atom)
                position += len(piece)
        return atoms

    def _pieces(self, piece: str, offset: int):
        """Cut a run at spaces, line breaks and changes of level."""
        start = 0
        for index in range(1, len(piece) + 1):
            if index == len(piece):
                yield offset + start, offset + index
                break
            char, before = piece[index], piece[index - 1]
            if (_is_gap(char) != _is_gap(before) or char == "\n" or before == "\n"
                    or self.levels[offset + index] != self.levels[offset + index - 1]):
                yield offset + start, offset + index
                start = index

    def printed(self, atom: _Atom) -> str:
        if atom.space:
            # Any width of space (U+3000, U+2003…) prints as one; a zero-width space, typed
            # between Thai or Khmer words to let the line break there, prints as nothing.
            return " " * sum(char != ZERO_WIDTH_SPACE for char in atom.text)
        if atom.missing:
            return "".join(fonts.PLACEHOLDER for char in atom.text if unicodedata.category(char)[0] != "M")
        return atom.text

    def _measure(self, atom: _Atom) -> float:
        if atom.newline:
            return 0.0
        return shaped_text(self.printed(atom), atom.font, self.style.fontSize, reverse=self._reversed(atom))[1]

    def _reversed(self, atom: _Atom) -> bool:
        """HarfBuzz lays the run out in the direction of its script; when the level says the
        other way (neutrals next to Arabic at a right-to-left level; Arabic-Indic digits, which
        read left to right, at an even one) the run is reversed and mirrored before shaping."""
        if atom.missing or atom.space:
            return False
        return (atom.level % 2 == 1) != _shaped_right_to_left(atom.text)

    # ------------------------------------------------------------------ lines

    def lines(self, width: float) -> list[list[_Atom]]:
        """The atoms of each line, in logical order; a line's width is that of its atoms
        without the spaces that end it."""
        found: list[list[_Atom]] = []
        line: list[_Atom] = []
        used = 0.0
        for word in self._words():
            if word[0].newline:
                found.append(line)
                line, used = [], 0.0
                continue
            if word[0].space:
                if line:
                    line.extend(word)
                    used += sum(atom.width for atom in word)
                continue
            word_width = sum(atom.width for atom in word)
            if line and used + word_width > width + 0.01:
                found.append(line)
                line, used = [], 0.0
            if word_width > width + 0.01:
                for part in self._cut(word, width):
                    part_width = sum(atom.width for atom in part)
                    if line and used + part_width > width + 0.01:
                        found.append(line)
                        line, used = [], 0.0
                    line.extend(part)
                    used += part_width
                continue
            line.extend(word)
            used += word_width
        if line or not found:
            found.append(line)
        return found

    def _words(self):
        """Atoms grouped into words (no space between them), runs of spaces and line breaks."""
        word: list[_Atom] = []
        for atom in self.atoms:
            if atom.space or atom.newline:
                if word:
                    yield word
                    word = []
                yield [atom]
            else:
                word.append(atom)
        if word:
            yield word

    def _cut(self, word: list[_Atom], width: float) -> list[list[_Atom]]:
        """A word wider than the line, in parts that fit, cut between letters. Each part is
        measured shaped as it will print (joined Arabic letters are narrower than alone)."""
        parts: list[list[_Atom]] = [[]]
        used = 0.0
        for atom in word:
            starts = _grapheme_starts(atom.text) + [len(atom.text)]
            begin = 0
            while begin < len(starts) - 1:
                room = width - used
                end = begin + 1
                piece = self._part(atom, starts[begin], starts[end])
                if piece.width > room + 0.01 and parts[-1]:
                    parts.append([])  # not even one letter fits after what the line holds
                    used = 0.0
                    continue
                while end + 1 < len(starts):
                    longer = self._part(atom, starts[begin], starts[end + 1])
                    if longer.width > room + 0.01:
                        break
                    piece, end = longer, end + 1
                parts[-1].append(piece)
                used += piece.width
                begin = end
                if begin < len(starts) - 1:
                    parts.append([])
                    used = 0.0
        return [part for part in parts if part]

    def _part(self, atom: _Atom, start: int, end: int) -> _Atom:
        part = _Atom(atom.start + start, atom.start + end, atom.text[start:end], atom.font, atom.level,
                     atom.color, missing=atom.missing)
        part.width = self._measure(part)
        return part

    def visual(self, line: list[_Atom]) -> list[tuple[_Atom, int]]:
        """The line's atoms left to right, each with its level after rule L1."""
        levels = [atom.level for atom in line]
        for index in range(len(line) - _trailing_spaces(line), len(line)):
            levels[index] = self.base
        return [(line[position], levels[position]) for position in direction.visual_order(levels)]

    def line_width(self, line: list[_Atom]) -> float:
        return sum(atom.width for atom in line[:len(line) - _trailing_spaces(line)])

    # ------------------------------------------------------------------ drawing

    def draw_line(self, canvas, line: list[_Atom], left: float, baseline: float, width: float) -> None:
        alignment = self.alignment()
        used = self.line_width(line)
        if alignment == TA_RIGHT:
            x = left + width - used
        elif alignment == TA_CENTER:
            x = left + (width - used) / 2
        else:
            x = left
        ordered = self.visual(line)
        # Spaces that end the line are not drawn: on a right-aligned line they would push the
        # text off its edge.
        trailing = {id(atom) for atom in line[len(line) - _trailing_spaces(line):]}
        size = self.style.fontSize
        text = canvas.beginText(x, baseline)
        current_font = current_color = None
        for atom, level in ordered:
            if atom.newline or id(atom) in trailing:
                continue
            if atom.font != current_font:
                text.setFont(atom.font, size)
                current_font = atom.font
            if atom.color is not current_color:
                text.setFillColor(atom.color)
                current_color = atom.color
            text.setTextOrigin(x, baseline)
            glyphs, advance = shaped_text(self.printed(atom), atom.font, size, reverse=self._reversed(atom))
            # reportlab's shaped output raises IndexError when a cluster's first glyph is raised
            # (an Arabic mark) unless the font operator comes first: ask for it every time.
            text._curSubset = None
            if atom.space:
                text.textOut(glyphs)
            else:
                actual = _drawn_order(atom.text) if level % 2 else atom.text
                text._code.append(f"/Span <</ActualText <FEFF{actual.encode('utf-16-be').hex().upper()}>>> BDC")
                text.textOut(glyphs)
                text._code.append("EMC")
            x += advance
        canvas.drawText(text)

    def alignment(self) -> int:
        alignment = self.style.alignment
        if sides.is_mirrored(self.style):
            return TA_RIGHT if alignment == TA_JUSTIFY else alignment  # the page's side, whatever the text
        if alignment == TA_JUSTIFY:
            alignment = TA_LEFT
        if self.base % 2 and alignment == TA_LEFT:
            return TA_RIGHT  # a right-to-left paragraph starts at the right edge
        return alignment


def _base_level(text: str, style: ParagraphStyle) -> int:
    """The paragraph's direction: its first strong letter's (rules P2–P3); on a right-to-left
    page, right to left as soon as it holds any right-to-left letter, so that a line of ours
    that starts with a Latin name ("National workshop … · نيبال · 9–11 مارس 2027") reads from
    the right like the rest of the page. Text without such letters keeps its own order."""
    level = direction.base_level(text)
    if level == 0 and sides.is_mirrored(style) and direction.has_right_to_left(text):
        return 1
    return level


def _drawn_order(value: str) -> str:
    """A right-to-left word as poppler expects a PDF to hold it: its letters in the order they
    are drawn, left to right, brackets as they look. Poppler reverses such runs back to reading
    order when it extracts text; given the typed order, it printed every Arabic word backwards."""
    return "".join(MIRRORED.get(char, char) for char in reversed(value))


def _trailing_spaces(line: list[_Atom]) -> int:
    count = 0
    while count < len(line) and (line[-1 - count].space or line[-1 - count].newline):
        count += 1
    return count


@lru_cache(maxsize=4096)
def _shaped_right_to_left(value: str) -> bool:
    """HarfBuzz lays this run out right to left: its script (guessed as HarfBuzz guesses it)
    is written so. Arabic-Indic digits are Arabic script, though they read left to right."""
    buffer = uharfbuzz.Buffer()
    buffer.add_str(value)
    buffer.guess_segment_properties()
    return buffer.direction == "rtl"


class ShapedParagraph(Flowable):
    """A paragraph of spans in any script (see the module's notes); splits between lines."""

    def __init__(self, spans: Sequence[Span] | Layout, style: ParagraphStyle, *, _lines=None):
        super().__init__()
        self.layout = spans if isinstance(spans, Layout) else Layout(spans, style)
        self.style = style
        self._fixed_lines = _lines
        self._lines: list[list[_Atom]] = _lines or []
        self._width = None

    @property
    def text(self) -> str:
        return self.layout.text

    def _indents(self) -> tuple[float, float]:
        return self.style.leftIndent or 0, self.style.rightIndent or 0

    def _lines_for(self, width: float) -> list[list[_Atom]]:
        if self._fixed_lines is not None:
            return self._fixed_lines
        if self._width != width:
            left, right = self._indents()
            self._lines = self.layout.lines(max(width - left - right, 1))
            self._width = width
        return self._lines

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def wrap(self, available_width, available_height):
        lines = self._lines_for(available_width)
        self._lines = lines
        self.width = available_width
        self.height = len(lines) * self.style.leading
        return self.width, self.height

    def split(self, available_width, available_height):
        lines = self._lines_for(available_width)
        fit = int(available_height // self.style.leading)
        if fit >= len(lines):
            return [self]
        if fit < 1:
            return []
        return [ShapedParagraph(self.layout, self.style, _lines=lines[:fit]),
                ShapedParagraph(self.layout, self.style, _lines=lines[fit:])]

    def getSpaceBefore(self):  # noqa: N802 - reportlab's name
        return self.style.spaceBefore

    def getSpaceAfter(self):  # noqa: N802 - reportlab's name
        return self.style.spaceAfter

    def minWidth(self):  # noqa: N802 - reportlab's name
        return max((atom.width for atom in self.layout.atoms), default=0)

    def draw(self):
        style = self.style
        left, right = self._indents()
        width = self.width - left - right
        baseline = self.height - style.fontSize
        for line in self._lines:
            self.layout.draw_line(self.canv, line, left, baseline, width)
            baseline -= style.leading
