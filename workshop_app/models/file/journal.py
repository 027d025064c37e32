"""A journal left beside a file must belong to that file before SQLite may roll it back.

SQLite rolls a hot `-journal` back into whatever file now has the journal's name: copying a
backup over a file whose interrupted import left a journal writes that import's old pages
into the backup, and the restored file is damaged beyond repair. SQLite cannot tell a foreign
journal; the journal's own header can, in most cases:

- the page size it was written for;
- the size the file had when the interrupted change began: a change only adds pages until it
  commits, so a file smaller than that is another file (a backup is usually older, so smaller);
- the file's header as it was when the change began (the journal's copy of page 1): the
  change counter there is the file's, or one less, unless the file was replaced.

A journal that fails any of these is moved aside under a new name (never deleted: it may be
needed by someone who knows better) and the file is left exactly as it is.
"""

import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file.opening import free_name
from workshop_app.models.file.preflight import JOURNAL_MAGIC as _MAGIC

_HEADER = struct.Struct(">8sIIIII")  # magic, records, nonce, pages at the start, sector size, page size


def journal_path(path: Path) -> Path:
    return Path(f"{path}-journal")


def refuse_foreign_journal(path: Path) -> None:
    """Move a hot journal that does not belong to the file aside, and say so in one line.
    Run before SQLite opens the file (it would roll the journal back at once)."""
    journal = journal_path(path)
    if not journal.exists():
        return
    try:
        with path.open("rb") as handle:
            file_header = handle.read(100)
        file_size = path.stat().st_size
    except OSError:
        return  # the file itself is reported by whoever opens it
    reason = _why_foreign(journal, file_header, file_size) if len(file_header) == 100 else None
    if reason is None:
        reason = _trial_rollback(path, journal)
    if reason is None:
        return
    aside = free_name(Path(f"{path}.foreign-journal"))
    try:
        journal.rename(aside)
    except OSError as error:
        raise WorkshopFileError(path, _("a journal beside the file belongs to another file ({reason}) and could not "
                                        "be moved aside ({error}); move {journal} away by hand, then open the file "
                                        "again").format(reason=reason, error=error.strerror or error,
                                                        journal=journal.name)) from None
    raise WorkshopFileError(path, _("a journal left beside the file belonged to another file ({reason}; was a backup "
                                    "copied over it?); it was moved aside as {aside} and the file was not changed; "
                                    "open the file again").format(reason=reason, aside=aside.name))


def _trial_rollback(path: Path, journal: Path) -> str | None:
    """Roll the journal back into a private copy of the file first. The header tests above
    cannot tell two files of the same size and history apart (two workshops made the same way,
    a backup restored over its own file): a journal of the other one, rolled into this one,
    leaves a file whose pages contradict each other, and SQLite's check of the copy says so.
    The file itself is touched only once its own journal is known to give a sound file."""
    with tempfile.TemporaryDirectory(prefix="pathfinder-journal-") as folder:
        copy = Path(folder) / "trial.workshop"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(journal, journal_path(copy))
        except OSError:
            return None  # no room for a trial: SQLite's own rollback, as before
        try:
            conn = sqlite3.connect(copy, isolation_level=None)
            try:
                # integrity_check, not quick_check: pages of another file pass the quick one when
                # only their indexes and rows disagree.
                problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            finally:
                conn.close()
        except sqlite3.DatabaseError as error:
            return _("rolling it back would damage the file ({problem})").format(problem=error)
    if problems != ["ok"]:
        return _("rolling it back would damage the file ({problem})").format(
            problem=" ".join(problems[0].split())[:80])
    return None


def _why_foreign(journal: Path, file_header: bytes, file_size: int) -> str | None:
    try:
        with journal.open("rb") as handle:
            head = handle.read(_HEADER.size)
            if len(head) < _HEADER.size:
                return None  # empty or cut short: SQLite does not roll it back
            magic, _records, _nonce, start_pages, sector_size, page_size = _HEADER.unpack(head)
            if magic != _MAGIC:
                return None  # not hot: the change it recorded was committed
            handle.seek(sector_size)
            first = handle.read(4 + 100)
    except OSError:
        return None
    file_page_size = struct.unpack(">H", file_header[16:18])[0]
    file_page_size = 65536 if file_page_size == 1 else file_page_size
    if page_size != file_page_size:
        return _("it was written for {size}-byte pages, the file has {file_size}-byte pages").format(
            size=page_size, file_size=file_page_size)
    if file_size < start_pages * page_size:
        pages = file_size // page_size
        return ngettext("the file has {pages} pages, fewer than the {start} it had when the interrupted change began",
                        "the file has {pages} pages, fewer than the {start} it had when the interrupted change began",
                        pages).format(pages=pages, start=start_pages)
    if len(first) == 104 and struct.unpack(">I", first[:4])[0] == 1:
        was = struct.unpack(">I", first[4 + 24:4 + 28])[0]
        now = struct.unpack(">I", file_header[24:28])[0]
        if now not in (was, was + 1):
            return _("the file's change counter is {now}, the journal expects {was} or {next}").format(
                now=now, was=was, next=was + 1)
    return None
