"""Who may write a workshop file, and reading one that another program holds.

A window editing a file keeps SQLite's exclusive lock on it until it closes (file.opening), so
SQLite cannot even read it from elsewhere. Reading it is still safe: between two commits the
file on disk is whole (every commit lands in the file itself, journal mode DELETE), and a
commit under way shows as a hot journal. So a file held elsewhere is read as a copy of its
bytes, taken twice and kept only when both agree and no commit was under way.
"""

import os
import sqlite3
import stat
import time
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.file.preflight import has_hot_journal

# Why a file can be read but not edited here; the window says which, and offers to read it.
LOCKED = "locked"  # another window or computer has it open for editing
READ_ONLY = "read-only"  # a read-only disk or folder, or a file marked read-only

_SNAPSHOT_TRIES = 8
_SNAPSHOT_PAUSE = 0.05  # seconds between tries: a commit takes a few milliseconds


def is_locked(error: BaseException) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def write_obstacle(path: Path) -> str | None:
    """LOCKED, READ_ONLY, or None when nothing of the kind keeps the file from being edited.
    Only looks: the file is opened for reading, without a lock that outlives this call."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if not stat.S_ISREG(mode):
        return None
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return READ_ONLY
    if not os.access(path.resolve().parent, os.W_OK | os.X_OK):
        return READ_ONLY
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        return LOCKED if held_elsewhere(conn) else None
    finally:
        conn.close()


def held_elsewhere(conn: sqlite3.Connection) -> bool:
    """Whether another window (or computer) holds the file for editing: its lock keeps even
    readers out, so a reader takes a copy of the file's bytes instead (snapshot_connection)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        return is_locked(error)
    except (sqlite3.DatabaseError, UnicodeDecodeError):
        # Not a database, or damaged (SQLite's message can quote a schema's invalid UTF-8): the
        # checks of opening say so in one sentence.
        return False
    return False


def snapshot_connection(path: Path) -> sqlite3.Connection:
    """A database in memory holding the file as it is on disk, read without SQLite and so
    without its locks. Refused while the program holding the file keeps saving into it."""
    for attempt in range(_SNAPSHOT_TRIES):
        if attempt:
            time.sleep(_SNAPSHOT_PAUSE)
        try:
            first = path.read_bytes()
            second = path.read_bytes()
        except OSError as error:
            raise WorkshopFileError(path, _("cannot be read ({reason})").format(
                reason=error.strerror or error)) from None
        if first == second and not has_hot_journal(path):
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            try:
                conn.deserialize(first)
                conn.execute("PRAGMA foreign_keys = ON")
            except sqlite3.Error:
                conn.close()
                raise WorkshopFileError(path, _("the file is damaged and cannot be read; restore a backup "
                                                "copy")) from None
            return conn
    raise WorkshopFileError(path, _("is being saved by the window that has it open; try again in a moment"))
