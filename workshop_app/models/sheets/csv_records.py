"""The records of a CSV file, whatever program wrote it: UTF-8 with or without BOM, Windows-1252
(Excel's "CSV" on Windows), UTF-16 (Excel's "Unicode text"); commas, semicolons (French and
Spanish Excel), tabs or bars; quoted fields with line breaks inside."""

import csv
import io
import re
from itertools import islice
from pathlib import Path

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import SpreadsheetError
from workshop_app.models.sheets.bounded import CELL_LIMIT, CSV_LIMIT, MEGABYTE

_DELIMITERS = (",", ";", "\t", "|")


def csv_records(path: Path) -> tuple[list[list[str]], list[str]]:
    """The records, and warnings about how the text was read (lines in another encoding)."""
    text, notes = _decode(path, _read_bounded(path))
    if not text.strip():
        raise SpreadsheetError(path, _("is empty"))
    if text.lstrip()[:1] == "<":
        raise SpreadsheetError(path, _("is a web page or XML file, not a spreadsheet; open it in Excel or LibreOffice "
                                       "and save it as .xlsx"))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    records, start, cells = [], 1, 0
    # Counted once: counting them again for each record made a list of many quoted line breaks
    # quadratic.
    odd_quotes, lines = text.count('"') % 2, text.count("\n")
    try:
        for record in reader:
            records.append(record)
            cells += len(record)
            if cells > CELL_LIMIT:
                raise too_many_cells(path)
            if reader.line_num - start > 1 and odd_quotes and reader.line_num >= lines:
                # The last record swallowed the rest of the file: a quote that never closes.
                raise SpreadsheetError(path, _("line {line}: a quote (\") opens a field that never closes, so every "
                                               "line after it would be read as one name; add the closing quote or "
                                               "remove the opening one").format(line=start))
            start = reader.line_num + 1
    except csv.Error as error:
        raise SpreadsheetError(path, _("cannot be read as CSV ({reason})").format(reason=error)) from None
    return records, notes


def _read_bounded(path: Path) -> bytes:
    """The file's bytes, refused beyond CSV_LIMIT: read with that limit too, since a file can
    grow, or be a pipe, after its size was looked at."""
    try:
        if path.stat().st_size > CSV_LIMIT:
            raise _too_large(path)
        with open(path, "rb") as handle:
            data = handle.read(CSV_LIMIT + 1)
    except OSError as error:
        raise SpreadsheetError(path, _("cannot be read ({reason})").format(reason=error.strerror or error)) from None
    if len(data) > CSV_LIMIT:
        raise _too_large(path)
    return data


def _too_large(path: Path) -> SpreadsheetError:
    megabytes = CSV_LIMIT // MEGABYTE
    return SpreadsheetError(path, ngettext(
        "is too large to be a list of participants (more than {megabytes} MB); check that it is the right file",
        "is too large to be a list of participants (more than {megabytes} MB); check that it is the right file",
        megabytes).format(megabytes=megabytes))


def too_many_cells(path: Path) -> SpreadsheetError:
    return SpreadsheetError(path, ngettext(
        "is too large to be a list of participants (more than {count} cells); check that it is the right file",
        "is too large to be a list of participants (more than {count} cells); check that it is the right file",
        CELL_LIMIT).format(count=f"{CELL_LIMIT:,}"))


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:4096]:
        try:
            text, notes = data.decode("utf-8-sig"), []
        except UnicodeDecodeError:
            try:
                text, notes = _decode_by_line(data)
            except UnicodeDecodeError:
                text, notes = "\x00", []  # refused below
        if not re.search(r"[\x00-\x08\x0e-\x19\x1b-\x1f]", text[:4096]):  # \x1a: DOS end of file
            return text, notes
    else:
        raise SpreadsheetError(path, _("is not a spreadsheet (it is neither an .xlsx workbook nor CSV text)"))
    raise SpreadsheetError(path, _("is in a text encoding this program cannot read; save it again as \"CSV UTF-8\" "
                                   "or as .xlsx"))


def _decode_by_line(data: bytes) -> tuple[str, list[str]]:
    """A file that is not UTF-8 throughout: each line as UTF-8 when it is, else as Windows-1252
    (Excel's CSV on Windows). A list pasted together from two sources is mostly one and a few
    lines of the other; reading all of it as Windows-1252 would garble every UTF-8 name
    ("JosÃ© GarcÃ­a"). The lines read as Windows-1252 are named when the rest is UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines, legacy, unicode_seen = [], [], False
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
            unicode_seen = unicode_seen or not raw.isascii()
        except UnicodeDecodeError:
            line = raw.decode("cp1252")  # a line neither can read: the file is refused
            legacy.append(number)
        lines.append(line)
    notes = []
    if unicode_seen and legacy:
        shown = ", ".join(map(str, legacy[:10])) + (" …" if len(legacy) > 10 else "")
        notes.append(ngettext("line {lines} of the file is not UTF-8 like the rest; read as Windows-1252: check the "
                              "accents of the names there",
                              "lines {lines} of the file are not UTF-8 like the rest; read as Windows-1252: check the "
                              "accents of the names there", len(legacy)).format(lines=shown))
    return "\n".join(lines), notes


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the most lines into the same number (above one) of fields."""
    sample = text[:65536]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = [len(record) for record in islice(csv.reader(io.StringIO(sample, newline=""),
                                                                  delimiter=delimiter), 60)]
        except csv.Error:
            continue
        wide = [width for width in widths if width > 1]
        if not wide:
            continue
        usual = max(set(wide), key=wide.count)
        score = (wide.count(usual), usual)
        if score > best_score:
            best, best_score = delimiter, score
    return best
