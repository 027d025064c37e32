"""Look at a file before SQLite touches it, so that a wrong file is refused and left unchanged.

The checks read the 100-byte SQLite header directly: opening a non-database, a truncated file
or another program's database through SQLite could otherwise create a journal or change bytes.
"""

import os
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file import schema

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class FileHeader:
    page_size: int
    page_count: int
    user_version: int
    application_id: int


def read_header(path: Path) -> FileHeader:
    """Validate what can be validated without SQLite and return the header fields."""
    if not path.exists():
        raise WorkshopFileError(path, _("no such file"))
    if path.is_dir():
        raise WorkshopFileError(path, _("is a folder, not a workshop file"))
    ensure_regular(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except PermissionError:
        raise WorkshopFileError(path, _("you do not have permission to read this file")) from None
    except OSError as error:
        raise WorkshopFileError(path, _("cannot be read ({reason})").format(reason=error.strerror or error)) from None
    if size == 0:
        raise WorkshopFileError(path, _("the file is empty (0 bytes); it is not a workshop file"))
    if not header.startswith(SQLITE_MAGIC):
        raise WorkshopFileError(path, _not_ours(path))
    if len(header) < HEADER_SIZE:
        raise WorkshopFileError(path, _("the file is truncated (it ends inside its header); restore a backup copy"))

    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    user_version, = struct.unpack(">I", header[60:64])
    application_id, = struct.unpack(">I", header[68:72])
    if page_size < 512 or page_size & (page_size - 1):
        raise WorkshopFileError(path, _("the file is damaged (its header is not valid); restore a backup copy"))
    # The page count in the header is trustworthy only when written by the same change as the counter,
    # and a commit cut short while growing the file leaves it shorter than its header says: its
    # hot journal puts back the old header and length when SQLite opens it.
    if valid_for == change_counter and page_count and size < page_count * page_size and not has_hot_journal(path):
        raise WorkshopFileError(
            path,
            _("the file is truncated ({size} of {expected} bytes); it was probably copied incompletely; restore a "
              "backup copy").format(size=f"{size:,}", expected=f"{page_count * page_size:,}"),
        )
    if application_id != schema.APPLICATION_ID:
        raise WorkshopFileError(path, _("a SQLite database of another program, not a Pathfinder Workshop file"))
    if user_version > schema.SCHEMA_VERSION:
        raise WorkshopFileError(
            path,
            _("made by a newer version of Pathfinder Workshop (file format {format}; this version reads up to "
              "{current}); install the newer version to open it").format(format=user_version,
                                                                         current=schema.SCHEMA_VERSION),
        )
    return FileHeader(page_size, page_count, user_version, application_id)


# The first bytes of a rollback journal that still holds pages to put back.
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")


def has_hot_journal(path: Path) -> bool:
    try:
        with open(f"{path}-journal", "rb") as journal:
            return journal.read(len(JOURNAL_MAGIC)) == JOURNAL_MAGIC
    except OSError:
        return False


def ensure_regular(path: Path) -> None:
    """Refuse a pipe, a device or a socket before anything opens it: reading a named pipe waits
    for a writer forever."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # a missing file is reported by whoever needs it
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise WorkshopFileError(path, _("is not a regular file (a pipe, a device or a socket); choose a .workshop "
                                        "file"))


def ensure_writable(path: Path) -> None:
    """Refuse, before any change, a file that could be read but not saved."""
    mode = path.stat().st_mode
    # Write bits are checked as well as access(): an administrator account passes access() even
    # on a file its owner marked read-only, and we should respect that mark.
    if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK):
        raise WorkshopFileError(
            path, _("the file is read-only; copy it to a folder you can write to (or remove the read-only mark) "
                    "to edit it")
        )
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WorkshopFileError(
            path, _("its folder is read-only (a locked USB stick or CD?); copy the file to a folder you can write "
                    "to")
        )


def _not_ours(path: Path) -> str:
    """Not a workshop file, with a hint for the files people most often open by mistake."""
    spreadsheet = N_("not a Pathfinder Workshop file (this is a spreadsheet: use Import participants)")
    refusals = {
        ".xlsx": spreadsheet,
        ".xls": spreadsheet,
        ".csv": N_("not a Pathfinder Workshop file (this is a CSV table: use Import participants)"),
        ".pdf": N_("not a Pathfinder Workshop file (this is a PDF document)"),
        ".docx": N_("not a Pathfinder Workshop file (this is a Word document)"),
        ".zip": N_("not a Pathfinder Workshop file (this is a zip file: a share package opens with File › Open "
                   "or “workshop-app open”)"),
    }
    return _(refusals.get(path.suffix.lower(), N_("not a Pathfinder Workshop file")))
