"""Write an export beside its target and move it into place only when it is complete.

A failed export (a full USB stick, an error half-way) leaves no half file behind and does not
harm a file of the same name from an earlier export.
"""

import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workshop_app.export.errors import ExportError
from workshop_app.i18n.catalogs import _


@contextmanager
def written_atomically(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `path`."""
    path = Path(path)
    folder = path.absolute().parent
    if not folder.is_dir():
        raise ExportError(path, _("the folder {folder} does not exist").format(folder=folder))
    if path.is_dir():
        raise ExportError(path, _("is a folder; choose a file name"))
    if path.exists() and _marked_read_only(path):
        raise ExportError(path, _("the existing file is read-only; choose another name"))
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=f"{path.suffix}.part", dir=folder)
    except OSError as error:
        raise ExportError(path, _("cannot be written in this folder ({reason})").format(
            reason=error.strerror or error)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _give_normal_permissions(temporary)
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise ExportError(path, _("could not be replaced ({reason}); is it open in another program?").format(
                reason=error.strerror or error)) from None
    except OSError as error:
        # Disk full, USB stick pulled out: the user can act on these, so they get a sentence.
        raise ExportError(path, _("could not be written ({reason})").format(reason=error.strerror or error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def _marked_read_only(path: Path) -> bool:
    # The write bits as well as access(): an administrator passes access() even on a file its
    # owner marked read-only, and that mark is respected (as when opening a workshop file).
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _give_normal_permissions(path: Path) -> None:
    """mkstemp makes private files (0600); an export gets what a new file normally gets."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


_NOT_IN_FILE_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
FILE_NAME_LIMIT = 120  # characters before the suffix: paths on Windows stop at 260


def export_file_name(title: str, what: str, suffix: str) -> str:
    """A file name for an export that says what it is: "<workshop title> – sign-in sheets.pdf".

    Characters that a file name cannot hold on Windows or macOS become spaces, and a long title is
    cut at a word; without a title the name is what is exported ("sign-in sheets.pdf").
    """
    title = " ".join(_NOT_IN_FILE_NAMES.sub(" ", title or "").split()).strip(" .")
    room = FILE_NAME_LIMIT - len(what) - 3
    if len(title) > room:
        title = title[:room].rsplit(" ", 1)[0].rstrip(" .,;–-")
    return f"{title} – {what}{suffix}" if title else f"{what}{suffix}"
