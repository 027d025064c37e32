"""The records of a CSV file, whatever program wrote it: UTF-8 with or without BOM, Windows-1252
(Excel's "CSV" on Windows), UTF-16 (Excel's "Unicode text"); commas, semicolons (French and
Spanish Excel), tabs or bars; quoted fields with line breaks inside."""

import csv
import io
import re
from itertools import islice
from pathlib import Path

from workshop_app.models.sheets.files import SpreadsheetError

_DELIMITERS = (",", ";", "\t", "|")


def csv_records(path: Path) -> list[list[str]]:
    text = _decode(path, path.read_bytes())
    if not text.strip():
        raise SpreadsheetError(path, "is empty")
    if text.lstrip()[:1] == "<":
        raise SpreadsheetError(path, "is a web page or XML file, not a spreadsheet; "
                                     "open it in Excel or LibreOffice and save it as .xlsx")
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text)))
    except csv.Error as error:
        raise SpreadsheetError(path, f"cannot be read as CSV ({error})") from None


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:4096]:
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not re.search(r"[\x00-\x08\x0e-\x19\x1b-\x1f]", text[:4096]):  # \x1a: DOS end of file
                return text
    else:
        raise SpreadsheetError(path, "is not a spreadsheet (it is neither an .xlsx workbook nor CSV text)")
    raise SpreadsheetError(path, "is in a text encoding this program cannot read; "
                                 "save it again as \"CSV UTF-8\" or as .xlsx")


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
