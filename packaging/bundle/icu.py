"""A smaller ICU data library for the bundle.

Qt links ICU, whose data library holds 32 MB: collation, character properties and break rules
that Qt uses, and also conversion tables and the names of units, time zones, currencies,
languages and regions in ~200 languages, which Qt takes from its own CLDR tables and the program
never asks ICU for. This keeps the common data package (ICU's "CmnD" format: a header, a table of
contents sorted by name, then the items, each 16-byte aligned) without those items, and links it
into a library of the same name that exports the same symbol, with binutils' objcopy and ld."""

import struct
import subprocess
from pathlib import Path

# Items under these folders of the package are display names and transliterators.
DROPPED_FOLDERS = {"unit", "zone", "curr", "lang", "region", "rbnf", "translit"}
# Conversion tables for legacy encodings (Qt's QStringConverter asks ICU for them only when a
# program names such an encoding; this one reads and writes UTF-8 and lets Python decode files).
DROPPED_SUFFIXES = {".cnv"}
ALIGNMENT = 16


def kept(name: str) -> bool:
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in DROPPED_FOLDERS:
        return False
    return Path(name).suffix not in DROPPED_SUFFIXES


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, file offset and size, read with objdump."""
    symbols = subprocess.run(["objdump", "-T", str(library)], capture_output=True, text=True, check=True).stdout
    for line in symbols.splitlines():
        fields = line.split()
        if fields and fields[-1].startswith("icudt") and fields[-1].endswith("_dat"):
            address, size, name = int(fields[0], 16), int(fields[-2], 16), fields[-1]
            break
    else:
        raise ValueError(f"{library.name} exports no ICU data symbol")
    sections = subprocess.run(["objdump", "-h", str(library)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        fields = line.split()
        if len(fields) >= 6 and fields[1] == ".rodata":
            section_address, file_offset = int(fields[3], 16), int(fields[5], 16)
            return name, address - section_address + file_offset, size
    raise ValueError(f"{library.name} has no .rodata section")


def filtered_package(package: bytes) -> bytes:
    """The same common data package without the dropped items."""
    header_size = struct.unpack_from("<H", package, 0)[0]
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", package, header_size)[0]
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * index) for index in range(count)]
    ends = [offset for _name, offset in entries[1:]] + [len(package) - header_size]
    items = []
    for (name_offset, data_offset), end in zip(entries, ends):
        start = header_size + name_offset
        name = package[start:package.index(b"\0", start)].decode("ascii")
        if kept(name):
            items.append((name, package[header_size + data_offset:header_size + end]))
    table_size = 4 + 8 * len(items)
    names = b""
    name_offsets = []
    for name, _data in items:
        name_offsets.append(table_size + len(names))
        names += name.encode("ascii") + b"\0"
    body = bytearray(table_size) + names
    struct.pack_into("<I", body, 0, len(items))
    for index, (name_offset, (_name, data)) in enumerate(zip(name_offsets, items)):
        body += b"\0" * (-(header_size + len(body)) % ALIGNMENT)
        struct.pack_into("<II", body, 4 + 8 * index, name_offset, len(body))
        body += data
    return package[:header_size] + bytes(body)


def trimmed_library(library: Path, folder: Path) -> Path:
    """Write the trimmed library into `folder` under the original's name and return its path."""
    symbol, offset, size = _symbol(library)
    with library.open("rb") as file:
        file.seek(offset)
        package = filtered_package(file.read(size))
    folder.mkdir(parents=True, exist_ok=True)
    blob = folder / f"{symbol}.bin"
    blob.write_bytes(package)
    obj = folder / f"{symbol}.o"
    # objcopy names the blob after its file: _binary_<path with _ for / and .>_start.
    generated = "_binary_" + "".join(c if c.isalnum() else "_" for c in blob.name) + "_start"
    subprocess.run(["objcopy", "-I", "binary", "-O", "elf64-x86-64", "-B", "i386:x86-64",
                    "--rename-section", ".data=.rodata,alloc,load,readonly,data,contents",
                    "--set-section-alignment", f".data={ALIGNMENT}",
                    "--redefine-sym", f"{generated}={symbol}", blob.name, obj.name],
                   cwd=folder, check=True)
    target = folder / library.name
    subprocess.run(["ld", "-shared", "-soname", library.name, "-o", target.name, obj.name], cwd=folder, check=True)
    return target
