"""Limits on what a spreadsheet may make the program unpack, so that a file of a few kilobytes
cannot take gigabytes of memory or minutes (a "zip bomb": 2 GiB of spaces compress to 2 MB).

A real list of 10,000 people is a sheet of a few megabytes and a road-map workbook less; the
limits below are ten times what any real list or road map needs, and every refusal is one
sentence naming the file.

- Each part of an .xlsx (a zip archive) is checked twice: its declared size before it is
  opened, and the bytes really unpacked while it is read, because a declared size can lie.
- Compressed text inside a cell (the road-map workbook's export record) is unpacked with a
  ceiling, never all at once.
- XML is read with the standard library's C parser, which is safe on untrusted files with the
  expat this Python ships (2.4.1 and later refuse the "billion laughs" and never fetch external
  entities), after refusing any document type declaration, as defusedxml does: a sheet never
  has one. defusedxml's own parser runs a Python function for every element; on a sheet of
  millions of empty cells that alone took minutes.
"""

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import XMLPullParser

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import SpreadsheetError

MEGABYTE = 1024 * 1024
PART_LIMIT = 32 * MEGABYTE  # a sheet's XML or the shared strings, unpacked: read as a stream
SMALL_PART_LIMIT = 16 * MEGABYTE  # any other part (styles, the workbook's list of sheets): read whole
WORKBOOK_LIMIT = 256 * MEGABYTE  # all the parts one import unpacks, together
TEXT_LIMIT = 32 * MEGABYTE  # compressed text in cells (the export record), unpacked
CSV_LIMIT = 32 * MEGABYTE  # a CSV file: 300,000 people fit in it
CELL_LIMIT = 4_000_000  # cells (empty ones between values included) held for one sheet
_CHUNK = 256 * 1024


def too_large(path: Path, what: str, limit: int) -> SpreadsheetError:
    """`what` (translated) is the part that would unpack too much: "the workbook", "its part …"."""
    # Translators: {what} is "the workbook", "its part xl/worksheets/sheet1.xml" or "its export record"
    megabytes = limit // MEGABYTE
    return SpreadsheetError(path, ngettext(
        "is too large to be a list or a road map: {what} would take more than {megabytes} MB once unpacked; check "
        "that it is the right file, or copy the table alone into a new workbook",
        "is too large to be a list or a road map: {what} would take more than {megabytes} MB once unpacked; check "
        "that it is the right file, or copy the table alone into a new workbook", megabytes).format(
        what=what, megabytes=megabytes))


def _part(name: str) -> str:
    # Translators: the {what} of "… {what} would take more than 64 MB once unpacked"; {part} is a name in the file
    return _("its part {part}").format(part=name)


class BoundedZipFile(zipfile.ZipFile):
    """A zip archive whose members are read within a limit each, and WORKBOOK_LIMIT together.
    openpyxl reads the small parts with open() or read(); the sheets go through open_part()."""

    def __init__(self, handle, path: Path):
        super().__init__(handle)
        self.path = path
        self.unpacked = 0

    def open(self, name, mode="r", pwd=None, **kwargs):
        return self.open_part(name, SMALL_PART_LIMIT, mode, pwd, **kwargs)

    def open_part(self, name, limit: int, mode="r", pwd=None, **kwargs):
        if mode != "r":
            raise ValueError("a workbook being imported is only read")
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        if info.file_size > limit:  # what the archive says
            raise too_large(self.path, _part(info.filename), limit)
        return _CountedReader(super().open(info, mode, pwd, **kwargs), self, info.filename, limit)


class _CountedReader:
    """A member being read: raises as soon as more comes out than its limit (whatever the
    archive declared: CPython's zipfile stops at the declared size, this does not rely on it)."""

    def __init__(self, stream, archive: BoundedZipFile, name: str, limit: int):
        self._stream, self._archive, self._name, self._limit, self._read = stream, archive, name, limit, 0

    def read(self, size: int = -1) -> bytes:
        room = self._limit + 1 - self._read
        data = self._stream.read(room if size is None or size < 0 else max(0, min(size, room)))
        self._read += len(data)
        self._archive.unpacked += len(data)
        if self._read > self._limit:
            raise too_large(self._archive.path, _part(self._name), self._limit)
        if self._archive.unpacked > WORKBOOK_LIMIT:
            # Translators: the {what} of "… {what} would take more than 256 MB once unpacked"
            raise too_large(self._archive.path, _("the workbook"), WORKBOOK_LIMIT)
        return data

    def read1(self, size: int = -1) -> bytes:
        return self.read(size if size and size > 0 else _CHUNK)

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def unpack_text(path: Path, packed: bytes, what: str) -> bytes:
    """zlib-compressed bytes, unpacked within TEXT_LIMIT (SpreadsheetError beyond)."""
    unpacker = zlib.decompressobj()
    text = unpacker.decompress(packed, TEXT_LIMIT + 1)
    if len(text) > TEXT_LIMIT or unpacker.unconsumed_tail:
        raise too_large(path, what, TEXT_LIMIT)
    return text + unpacker.flush()


def xml_events(path: Path, source, events=("end",)) -> Iterator[tuple[str, object]]:
    """(event, element) of the XML read from `source` in chunks, with the C parser; refuses any
    document type declaration (where entities are declared), as defusedxml does."""
    parser = XMLPullParser(events)
    tail, first = b"", True
    while True:
        chunk = source.read(_CHUNK)
        if not chunk:
            break
        if first and (chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in chunk[:4]):
            # UTF-16 would hide a declaration from the check below; Excel writes UTF-8 only.
            raise SpreadsheetError(path, _("cannot be read: one of its parts is not in UTF-8, as every .xlsx is"))
        if b"<!DOCTYPE" in tail + chunk:
            raise SpreadsheetError(path, _("cannot be read: one of its parts declares a document type, which no "
                                           "spreadsheet does (the file may be crafted to harm)"))
        tail, first = chunk[-16:], False
        parser.feed(chunk)
        yield from parser.read_events()
    parser.close()
    yield from parser.read_events()
