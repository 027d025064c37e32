"""Hostile spreadsheets, a few kilobytes to a few megabytes on disk, that unpack to gigabytes
or hold millions of empty cells (issue 12). Shared by tests/reliability/test_hostile_sheets.py
and bench/hostile_sheets.py.

The archives are written by hand (a zip is a few headers around deflated data) so that a part
of 2 GiB costs nothing to make: deflate with a full flush restarts from nothing, so one
compressed megabyte of spaces repeated 2,048 times is 2 GiB of spaces, written in a second.
"""

import base64
import struct
import zlib
from pathlib import Path

MIB = 1024 * 1024
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PEOPLE = [("Name", "Sex", "Organization"), ("Sita Rai", "F", "ILO"), ("Ram Gurung", "M", "GEFONT"),
          ("Amina Benali", "F", "UNICEF")]


class Repeated:
    """`times` copies of `block` (bytes), compressed once."""

    def __init__(self, block: bytes, times: int):
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.deflated_block = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
        self.block, self.times, self.size = block, times, len(block) * times

    def chunks(self):
        for _ in range(self.times):
            yield self.deflated_block


def _deflated(data: bytes):
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return [packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)], zlib.crc32(data), len(data)


def write_zip(path: Path, members: dict, declared_sizes: dict | None = None) -> Path:
    """members: name -> bytes, or (list of bytes parts, Repeated, list of bytes parts): streamed.
    declared_sizes: name -> the size the archive claims (a lie, to test the reader's own limit)."""
    entries = []
    with open(path, "wb") as out:
        for name, content in members.items():
            pieces, crc, size = [], 0, 0
            for part in (content if isinstance(content, tuple) else (content,)):
                if isinstance(part, Repeated):
                    pieces.append(part.chunks())
                    crc, size = _crc_after(crc, part), size + part.size
                else:
                    chunk, _, length = _deflated(part)
                    pieces.append(iter(chunk))
                    crc, size = zlib.crc32(part, crc), size + length
            declared = (declared_sizes or {}).get(name, size)
            offset = out.tell()
            encoded = name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, 0, declared,
                                  len(encoded), 0) + encoded)
            start = out.tell()
            for piece in pieces:
                for chunk in piece:
                    out.write(chunk)
            out.write(b"\x03\x00")  # the final, empty block
            compressed = out.tell() - start
            out.seek(offset + 18)
            out.write(struct.pack("<I", compressed))
            out.seek(0, 2)
            entries.append((encoded, crc, compressed, declared, offset))
        directory = out.tell()
        for encoded, crc, compressed, declared, offset in entries:
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, compressed,
                                  declared, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        size = out.tell() - directory
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), size, directory, 0))
    return path


def _crc_after(crc: int, part: Repeated) -> int:
    for _ in range(part.times):
        crc = zlib.crc32(part.block, crc)
    return crc


def _cell(column: str, row: int, text: str) -> str:
    return f'<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>'


def people_rows() -> str:
    return "".join(f'<row r="{number}">' + "".join(_cell("ABC"[index], number, text)
                                                   for index, text in enumerate(person)) + "</row>"
                   for number, person in enumerate(PEOPLE, start=1))


def workbook(path: Path, sheet, strings=None, declared_sizes=None) -> Path:
    """A minimal .xlsx with one sheet "List": sheet is the sheet's XML (bytes or streamed parts)."""
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
               'officedocument.spreadsheetml.sharedStrings+xml"/>' if strings is not None else "")
            + "</Types>").encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>').encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="http://schemas.openxmlformats.'
            'org/officeDocument/2006/relationships"><sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>').encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            + ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
               'sharedStrings" Target="sharedStrings.xml"/>' if strings is not None else "")
            + "</Relationships>").encode(),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if strings is not None:
        members["xl/sharedStrings.xml"] = strings
    return write_zip(path, members, declared_sizes)


SHEET_START = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><sheetData>'.encode()


def merged_to_the_last_row(path: Path, ranges: int = 2000) -> Path:
    """A list of three people, and 2,000 merged ranges across its columns, from below the list
    down to row 1,048,576 (a sheet formatted "to the end", as the issue found)."""
    merges = "".join(f'<mergeCell ref="A{5 + number}:C1048576"/>' for number in range(ranges))
    sheet = SHEET_START + people_rows().encode() + f'</sheetData><mergeCells count="{ranges}">{merges}' \
        f"</mergeCells></worksheet>".encode()
    return workbook(path, sheet)


def empty_cells(path: Path, cells: int = 49_000_000, styled_rows: bool = False) -> Path:
    """A list of three people, then `cells` empty cells that carry a style only: in one row as
    `<c s="1"/>` (styled_rows False), or as Excel writes them, ten to a row with references."""
    if styled_rows:
        parts = [SHEET_START + people_rows().encode()]
        for start in range(5, 5 + cells // 10, 100):  # rows numbered upwards, written 100 at a time
            parts.append("".join(f'<row r="{row}">' + "".join(f'<c r="{column}{row}" s="1"/>'
                                                                 for column in "ABCDEFGHIJ")
                                 + "</row>" for row in range(start, start + 100)).encode())
        return workbook(path, (*parts, b"</sheetData></worksheet>"))
    block = b'<c s="1"/>' * 100_000
    return workbook(path, (SHEET_START + people_rows().encode() + b'<row r="5">',
                           Repeated(block, cells // 100_000), b"</row></sheetData></worksheet>"))


def whitespace_sheet(path: Path, size: int = 2048 * MIB, declared: int | None = None) -> Path:
    """A list of three people padded with `size` bytes of spaces (declared as `declared` bytes)."""
    sheet = (SHEET_START + people_rows().encode(), Repeated(b" " * MIB, size // MIB), b"</sheetData></worksheet>")
    sizes = {"xl/worksheets/sheet1.xml": declared} if declared is not None else None
    return workbook(path, sheet, declared_sizes=sizes)


def whitespace_strings(path: Path, size: int = 2048 * MIB) -> Path:
    """A list whose shared strings are padded with `size` bytes of spaces."""
    texts = [text for person in PEOPLE for text in person]
    rows = "".join(f'<row r="{number}">' + "".join(
        f'<c r="{"ABC"[index]}{number}" t="s"><v>{(number - 1) * 3 + index}</v></c>' for index in range(3)) + "</row>"
        for number in range(1, len(PEOPLE) + 1))
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">'.encode()
               + "".join(f"<si><t>{text}</t></si>" for text in texts).encode(),
               Repeated(b" " * MIB, size // MIB), b"</sst>")
    return workbook(path, SHEET_START + rows.encode() + b"</sheetData></worksheet>", strings=strings)


def whitespace_csv(path: Path, size: int = 2048 * MIB) -> Path:
    """A CSV of 2 GiB: a header, then (a sparse file, so nothing is written) zero bytes."""
    with open(path, "wb") as out:
        out.write(b"Name,Sex,Organization\n" + b" " * MIB)
        out.truncate(size)
    return path


def bombed_record(exported: Path, out: Path, size: int = 1024 * MIB) -> Path:
    """The road-map workbook at `exported` whose export record unpacks to `size` bytes of JSON
    spaces (zlib, base64, in cells as the program writes it)."""
    from openpyxl import load_workbook

    from workshop_app.models.roadmap.workbook.columns import RECORD_CHUNK

    bomb = Repeated(b" " * MIB, size // MIB)
    packed = b"\x78\xda" + b"".join(bomb.chunks()) + b"\x03\x00" + struct.pack(">I", 1)  # adler32 never reached
    text = base64.b64encode(packed).decode("ascii")
    book = load_workbook(exported)
    record = book["Export record"]
    for row in record.iter_rows():
        if row[0].value == "snapshot":
            number = row[0].row
            for index, start in enumerate(range(0, len(text), RECORD_CHUNK), start=2):
                record.cell(number, index).value = text[start:start + RECORD_CHUNK]
    book.save(out)
    return out
