"""The SQLite side of a workshop file: connecting with the right settings, explaining SQLite's
errors in the user's words, upgrading with a backup, and not replacing a file in use."""

import os
import re
import sqlite3
import time
from pathlib import Path

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file import schema, upgrades
from workshop_app.models.file.access import held_elsewhere, snapshot_connection
from workshop_app.models.file.preflight import ensure_regular

# A second program holding the file answers "locked" at once; waiting would only freeze the window.
BUSY_TIMEOUT_SECONDS = 0.25


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as error:
        raise WorkshopFileError(path, explain_open_error(error, path)) from None
    try:
        # trusted_schema stays ON: this SQLite does not count json_valid() as innocuous, so OFF
        # would refuse the file's own CHECK constraints. What a file could run on our writes is
        # kept out instead by refusing any trigger or view on opening (file.conformance), and the
        # program registers no SQL function with side effects.
        fetch_opening(path, conn, "PRAGMA foreign_keys = ON")
        if readonly and held_elsewhere(conn):
            conn.close()
            return snapshot_connection(path)
        if not readonly:
            # DELETE journal, not WAL: people copy workshop files to USB sticks and e-mail them.
            # In WAL mode committed edits can wait in a separate -wal file, and a copy of the main
            # file alone silently loses them. With DELETE every commit lands in the file itself.
            fetch_opening(path, conn, "PRAGMA journal_mode = DELETE")
            # FULL: a power cut in a hotel conference room must not lose the last committed edit.
            fetch_opening(path, conn, "PRAGMA synchronous = FULL")
            fetch_opening(path, conn, "PRAGMA locking_mode = EXCLUSIVE")
    except BaseException:
        conn.close()
        raise
    return conn


def fetch_opening(path: Path, conn: sqlite3.Connection, statement: str) -> list[tuple]:
    """Run a statement while opening; the rows are fetched here too, because a damaged page
    only shows itself when it is read."""
    try:
        return conn.execute(statement).fetchall()
    except sqlite3.DatabaseError as error:
        raise WorkshopFileError(path, explain_open_error(error, path)) from None
    except UnicodeDecodeError:  # SQLite's message quoted a damaged schema's invalid UTF-8
        raise WorkshopFileError(path, _("the file is damaged and cannot be read; restore a backup copy")) from None


def explain_open_error(error: sqlite3.Error, path: Path) -> str:
    text = str(error).lower()
    if Path(f"{path}-journal").exists() and ("readonly" in text or "read-only" in text):
        # A journal left beside the file: the program stopped in the middle of saving (power cut).
        return _("the file was not closed properly (a power cut?); open it in Pathfinder Workshop, which rolls "
                 "back the interrupted change")
    if "locked" in text or "busy" in text:
        return _("the file is open in another Pathfinder Workshop window (or on another computer); close it there "
                 "first")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return _("the file is damaged and cannot be read; restore a backup copy")
    if "readonly" in text or "read-only" in text:
        return _("the file is read-only; copy it to a folder you can write to")
    if "unable to open" in text:
        return _("the file cannot be opened (check that the folder still exists and is readable)")
    return _("the file cannot be opened ({reason})").format(reason=error)


def explain_integrity_error(error: sqlite3.IntegrityError) -> str:
    text = str(error)
    detail = text.split(":", 1)[-1].strip()
    if text.startswith("UNIQUE"):
        return _("this would create a duplicate ({detail})").format(detail=detail)
    if text.startswith("CHECK"):
        return _("a value is outside what is allowed ({detail})").format(detail=detail)
    if text.startswith("NOT NULL"):
        return _("a required value is missing ({detail})").format(detail=detail)
    if "FOREIGN KEY" in text:
        return _("it refers to something that no longer exists")
    return text


def upgrade_with_backup(path: Path, conn: sqlite3.Connection, from_version: int) -> list[str]:
    """Copy the file aside before the first byte of an upgrade is written; the notes say where
    the copy is and name every value the upgrade could not carry over."""
    backup = free_name(path.with_name(f"{path.stem}.format-{from_version}-backup{path.suffix}"))
    copy = sqlite3.connect(backup, isolation_level=None)
    try:
        conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    try:
        problems = upgrades.upgrade(conn, from_version)
    except sqlite3.Error as error:
        raise WorkshopFileError(path, _("could not be upgraded to format {format} ({reason}); it was left as it "
                                        "was").format(format=schema.SCHEMA_VERSION, reason=error)) from None
    notes = [_("{file} was upgraded to format {format}; the file as it was is kept as {backup}").format(
        file=path.name, format=schema.SCHEMA_VERSION, backup=backup.name)]
    if problems:
        listed = " · ".join(problems[:5])
        if len(problems) > 5:
            more = len(problems) - 5
            listed = ngettext("{values} · and {count} more", "{values} · and {count} more", more).format(
                values=listed, count=more)
        notes.append(ngettext("{count} value(s) could not be carried over and were cleared: {values}",
                              "{count} value(s) could not be carried over and were cleared: {values}",
                              len(problems)).format(count=len(problems), values=listed))
    return notes


def reading_copy(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An in-memory copy of a file opened for reading; the file's own connection is closed, and
    nothing done to the copy can reach the file. The copy is writable, so SQLite's checks of it
    apply the CHECK rules (a read-only connection skips them) and an older format can be
    upgraded in it; the caller sets query_only once it is ready."""
    copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.backup(copy)
    except BaseException:
        copy.close()
        raise
    conn.close()
    copy.execute("PRAGMA foreign_keys = ON")
    return copy


def upgrade_reading_copy(path: Path, copy: sqlite3.Connection, from_version: int) -> None:
    try:
        upgrades.upgrade(copy, from_version)
    except sqlite3.Error as error:
        raise WorkshopFileError(path, _("could not be read as format {format} ({reason}); it was left as it "
                                        "was").format(format=schema.SCHEMA_VERSION, reason=error)) from None


def ensure_not_in_use(path: Path) -> None:
    """Refuse to replace a file that a Pathfinder Workshop window has open (it holds a lock)."""
    ensure_regular(path)
    try:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as error:
        if "locked" in str(error).lower() or "busy" in str(error).lower():
            raise WorkshopFileError(
                path, _("is open in Pathfinder Workshop; close it there before replacing it")) from None
    except sqlite3.DatabaseError:
        pass  # not a database: replacing it is the user's choice
    finally:
        conn.close()


def give_normal_permissions(path: Path) -> None:
    """Temporary files are private (0600); the finished file gets what a new file normally gets."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def free_name(path: Path) -> Path:
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


# Names of the files written beside a target and renamed over it when complete: a new workshop,
# a copy, an export. A crash leaves them behind, hidden (their names start with a dot).
_TEMPORARY = re.compile(r"^\.(new-.+\.workshop|copy-.+\.workshop|.+\.part)$")
ABANDONED_AFTER = 3600  # seconds; a file still being written is younger than that


def remove_abandoned_temporaries(folder: Path) -> list[Path]:
    """Delete the half-written files an interrupted save, copy or export left in `folder`;
    a file written by a program still running (recently modified) is kept."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not _TEMPORARY.match(entry.name):
            continue
        try:
            if entry.is_file() and now - entry.stat().st_mtime > ABANDONED_AFTER:
                entry.unlink()
                removed.append(entry)
        except OSError:
            continue  # someone else's file, or a read-only folder: not ours to insist
    return removed
