"""A copy of a workshop that leaves the computer (a share package) holds what it shows, no more."""

import sqlite3
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopFileError


def prepare_for_sharing(path: Path, *, keep_contacts: bool) -> None:
    """Clear every participant's e-mail and phone in the workshop file at `path` (a fresh copy,
    never the user's own file) unless `keep_contacts`, then rebuild the file. SQLite keeps old
    values in the free parts of its pages, and in pages freed by earlier deletions, until they
    are written over: rebuilt, the copy holds none of them (and packs smaller)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if not keep_contacts:
            conn.execute("UPDATE participant SET email = '', phone = '' WHERE email != '' OR phone != ''")
        conn.execute("VACUUM")
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise WorkshopFileError(path, _("the copy of the workshop could not be prepared ({reason})").format(
            reason=error)) from None
    finally:
        conn.close()
