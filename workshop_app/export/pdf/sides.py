"""Which side of the page a document starts on: the left in English, French and Spanish, the
right in Arabic, whose readers expect a table's first column on the right, text flush right, the
running header's title on the right and the page number on the left.

The reports are laid out for a left-to-right page. An export states its direction once, from
its language (`reading(words)` around the building and printing of its pages; Words asks
i18n.languages), and the engine mirrors what depends on it:

- paragraph styles (`mirrored_styles`): left and right alignment and indents swapped, and the
  style marked so that the shaping engine reads its paragraphs right to left where they hold
  right-to-left text (a paragraph of Latin names keeps its own order, flush right);
- tables (`table`): columns in the opposite order, with their spans, paddings and side rules,
  string cells flush right;
- positions on the canvas (`flip`): the header and footer, charts, the cover.

Numbers stay flush right in both directions, so that their units line up down a column; text
inside a cell keeps the order the bidirectional algorithm gives it (codes such as "1.2.3",
e-mail addresses and Latin names read left to right).
"""

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

_right_to_left: ContextVar[bool] = ContextVar("right_to_left", default=False)

# The attribute that marks a style of a right-to-left page: its alignment is already the side
# it prints on (see mirrored_styles).
MIRRORED = "right_to_left"
# The attribute that marks a style of numbers (numeric=True): flush right in either direction,
# so that units line up.
NUMERIC = "numeric"

_SWAPPED_COMMANDS = {"LEFTPADDING": "RIGHTPADDING", "RIGHTPADDING": "LEFTPADDING",
                     "LINEBEFORE": "LINEAFTER", "LINEAFTER": "LINEBEFORE"}


@contextmanager
def reading(words) -> Iterator[bool]:
    """Within the block, the document being built reads in the direction of `words`' language."""
    token = _right_to_left.set(bool(words.right_to_left))
    try:
        yield _right_to_left.get()
    finally:
        _right_to_left.reset(token)


def right_to_left() -> bool:
    return _right_to_left.get()


def is_mirrored(style: ParagraphStyle) -> bool:
    """A style of a right-to-left document: its alignment is final, whatever the text."""
    return bool(getattr(style, MIRRORED, False))


# ---------------------------------------------------------------------- positions

def flip(x: float, width: float, left: float, right: float) -> float:
    """Where a box `width` wide that starts at `x` between `left` and `right` on a
    left-to-right page starts on this document's page."""
    return left + right - x - width if right_to_left() else x


def anchor(anchor: str) -> str:
    """A canvas text anchor ("start", "middle", "end") on this document's page."""
    if right_to_left():
        return {"start": "end", "end": "start"}.get(anchor, anchor)
    return anchor


# ---------------------------------------------------------------------- styles

def by_direction(build: Callable[[], dict[str, ParagraphStyle]]) -> Callable[[], dict[str, ParagraphStyle]]:
    """A stylesheet for either direction, each made once: `build` makes the left-to-right styles
    (any stylesheet it builds on reads left to right too), mirrored for a right-to-left page."""
    made: dict[bool, dict[str, ParagraphStyle]] = {}
    lock = threading.Lock()

    @wraps(build)
    def styles() -> dict[str, ParagraphStyle]:
        wanted = right_to_left()
        found = made.get(wanted)
        if found is None:
            with lock:
                token = _right_to_left.set(False)
                try:
                    found = made[False] = made.get(False) or build()
                finally:
                    _right_to_left.reset(token)
                if wanted:
                    found = made[True] = made.get(True) or mirrored_styles(found)
        return found

    return styles


def mirrored_styles(sheet: dict[str, ParagraphStyle]) -> dict[str, ParagraphStyle]:
    """The styles of a right-to-left document made from a left-to-right stylesheet."""
    return {name: mirrored_style(style) for name, style in sheet.items()}


def mirrored_style(style: ParagraphStyle) -> ParagraphStyle:
    alignment = style.alignment
    if getattr(style, NUMERIC, False) or alignment in (TA_LEFT, TA_JUSTIFY):
        alignment = TA_RIGHT
    elif alignment == TA_RIGHT:
        alignment = TA_LEFT
    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=alignment, leftIndent=style.rightIndent,
                          rightIndent=style.leftIndent, **{MIRRORED: True})


# ---------------------------------------------------------------------- tables

def table(data: list[list], colWidths: Sequence[float], style: TableStyle | Sequence[tuple] = (),  # noqa: N803
          **options) -> Table:
    """reportlab's Table, its columns in reading order: on a right-to-left page the first
    column on the right. `data`, `colWidths` and `style` are given as for a left-to-right page."""
    commands = list(style.getCommands() if isinstance(style, TableStyle) else style)
    if not right_to_left():
        return Table(data, colWidths=list(colWidths), style=TableStyle(commands), **options)
    columns = len(colWidths)
    data = [list(cells) for cells in data]
    for command in commands:
        if command[0] == "SPAN":  # a span prints the content of its first cell, now its last
            first, last = _columns(command[1][0], command[2][0], columns)
            top, bottom = _rows(command[1][1], command[2][1], len(data))
            for cells in data[top:bottom + 1]:
                cells[first], cells[last] = cells[last], cells[first]
    data = [cells[::-1] for cells in data]
    mirrored = [("ALIGN", (0, 0), (-1, -1), "RIGHT")] + [mirrored_command(command, columns) for command in commands]
    return Table(data, colWidths=list(colWidths)[::-1], style=TableStyle(mirrored), **options)


def mirrored_command(command: tuple, columns: int) -> tuple:
    """A table style command for the same cells with the columns in the opposite order."""
    name, start, end, *values = command
    first, last = _columns(start[0], end[0], columns)
    name = _SWAPPED_COMMANDS.get(name, name)
    if name == "ALIGN" and values and str(values[0]).upper() == "LEFT":
        values[0] = "RIGHT"
    return (name, (columns - 1 - last, start[1]), (columns - 1 - first, end[1]), *values)


def _columns(start: int, end: int, columns: int) -> tuple[int, int]:
    first, last = start % columns if start < 0 else start, end % columns if end < 0 else end
    return min(first, last), max(first, last)


def _rows(start: int, end: int, rows: int) -> tuple[int, int]:
    top, bottom = start % rows if start < 0 else start, end % rows if end < 0 else end
    return min(top, bottom), max(top, bottom)
