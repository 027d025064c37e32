"""A sheet's XML with its runs of empty cells and empty rows folded, before it is parsed.

A cell that only carries formatting (`<c r="B7" s="3"/>`) holds nothing an import reads, yet
parsing it costs as much as a cell with a value: a sheet formatted down to row 1,048,576, or a
crafted one of millions of `<c/>`, took minutes. Here each run of empty cells (and of empty
rows) is replaced, by a regular expression working on the raw bytes, with one marker element
that says where the run ended, so that a following cell or row without a reference ("r") is
still numbered as before:

    <skip n="K"/>           the column (or row) counter moves on K places
    <skip at="C" n="K"/>    it is at column C (or row C) of the run's last reference, then K more

A run that ends its row needs no marker. Markup can only start with "<" outside text, comments
and CDATA (which no spreadsheet program writes around cells), so the folding never changes a
value that is read.
"""

import re

from openpyxl.utils.cell import column_index_from_string

# Each pattern starts with a literal, which the regular expression engine looks for quickly;
# attributes are anything but "<" and ">" (a ">" inside a value only stops a run early).
_EMPTY_CELL = rb"<c(?:\s[^<>]*)?(?:/>|>\s*</c>)"
_EMPTY_ROW = rb"<row(?:\s[^<>]*)?(?:/>|>\s*</row>)"
_EMPTY_CELLS = re.compile(_EMPTY_CELL + rb"(?:\s*" + _EMPTY_CELL + rb")*")
_EMPTY_ROWS = re.compile(_EMPTY_ROW + rb"(?:\s*" + _EMPTY_ROW + rb")*")
_REFERENCE = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{0,3})(\d*)["']""")
_ROW_END = re.compile(rb"\s*</row>")


class FoldedSource:
    """A readable stream of the sheet's XML with its empty runs folded (see the module's text)."""

    def __init__(self, source):
        self._source = source
        self._carried = b""

    def read(self, size: int = -1) -> bytes:
        while True:
            chunk = self._source.read(size)
            if not chunk:
                data, self._carried = self._carried, b""
                return data
            data = self._carried + chunk
            cut = data.rfind(b"<")  # an element may go on in the next chunk: keep it for then
            if cut <= 0:
                self._carried = b""
                return _fold(data)
            self._carried = data[cut:]
            folded = _fold(data[:cut])
            if folded:
                return folded


def _fold(data: bytes) -> bytes:
    data = _EMPTY_CELLS.sub(lambda match: _marker(match, data, b"c", _column), data)
    return _EMPTY_ROWS.sub(lambda match: _marker(match, data, b"row", _row), data)


def _marker(match: re.Match, data: bytes, tag: bytes, place) -> bytes:
    if tag == b"c" and _ROW_END.match(data, match.end()):
        return b""  # nothing after it in its row can depend on where it ended
    run = match.group(0)
    references = list(_REFERENCE.finditer(run))
    if not references:
        return b'<skip n="%d"/>' % run.count(b"<" + tag)
    last = references[-1]
    at = place(last)
    after = run.count(b"<" + tag, last.end())
    if at is None:
        return b'<skip n="%d"/>' % run.count(b"<" + tag)  # a nonsense reference is left for the parser
    return b'<skip at="%d" n="%d"/>' % (at, after)


def _column(reference: re.Match) -> int | None:
    try:
        return column_index_from_string(reference.group(1).decode("ascii"))
    except ValueError:
        return None


def _row(reference: re.Match) -> int | None:
    digits = reference.group(2) or reference.group(1)
    return int(digits) if digits.isdigit() else None
