"""Checking a zip someone sent before anything of it is written to disk.

A share package holds the files `contents` names and nothing else: no folders, no paths that
lead out of the folder it is unpacked into ("../x", "/etc/x", "C:\\x"), no symbolic links, no
encrypted files, and no file that would grow past the limits when unpacked (a zip bomb is a
small zip that expands to fill the disk). Each refusal is one line, and nothing is extracted.
"""

import re
import stat
import zipfile
from pathlib import Path

from workshop_app.export.package import contents
from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import WorkshopFileError

_SUPPORTED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_SHOWN_NAME = 60  # characters of a member's name quoted in a refusal


def refusal(path: Path, problem: str) -> WorkshopFileError:
    # Translators: a share package (a .zip) was refused; {problem} says why
    return WorkshopFileError(path, _("{problem}; nothing was extracted").format(problem=problem))


def open_archive(path: Path) -> zipfile.ZipFile:
    """The zip at `path`, or a refusal when it is none (or too large to be a package)."""
    if not path.exists():
        raise WorkshopFileError(path, _("no such file"))
    if path.is_dir():
        raise WorkshopFileError(path, _("is a folder, not a share package"))
    if not path.is_file():  # a pipe waits for a writer forever
        raise WorkshopFileError(path, _("is not a regular file (a pipe, a device or a socket); choose a share "
                                        "package"))
    try:
        size = path.stat().st_size
        if size > contents.MOST_TOTAL_BYTES:
            raise refusal(path, _("it is too large for a share package ({size})").format(size=megabytes(size)))
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise refusal(path, _("it is not a share package (not a zip file, or a damaged one)")) from None
    except OSError as error:
        raise WorkshopFileError(path, _("cannot be read ({reason})").format(reason=error.strerror or error)) from None


def checked_members(archive: zipfile.ZipFile, path: Path) -> list[zipfile.ZipInfo]:
    """The package's members, once every one of them is one a package holds and all of them
    fit the limits; otherwise the first refusal found."""
    members = archive.infolist()
    if len(members) > contents.MOST_ENTRIES:
        raise refusal(path, _("it holds {count} files; a share package holds {most} at most").format(
            count=len(members), most=len(contents.MEMBERS)))
    seen = set()
    for info in members:
        _refuse_unsafe(info, path)
        if info.filename in seen:
            raise refusal(path, _("it holds “{name}” twice").format(name=shown(info.filename)))
        seen.add(info.filename)
    workshops = [info for info in members if info.filename.lower().endswith(".workshop")]
    if not workshops:
        raise refusal(path, _("it holds no workshop file"))
    if len(workshops) > 1:
        raise refusal(path, ngettext("it holds {count} workshop file; a share package holds exactly one",
                                     "it holds {count} workshop files; a share package holds exactly one",
                                     len(workshops)).format(count=len(workshops)))
    for info in members:
        if info.filename not in contents.MEMBERS:
            raise refusal(path, _("it holds “{name}”, which is not part of a share package").format(
                name=shown(info.filename)))
        _refuse_too_large(info, path)
    total = sum(info.file_size for info in members)
    if total > contents.MOST_TOTAL_BYTES:
        raise refusal(path, _("its files would take {size} once unpacked, more than a share package may ({most})")
                      .format(size=megabytes(total), most=megabytes(contents.MOST_TOTAL_BYTES)))
    return members


def _refuse_unsafe(info: zipfile.ZipInfo, path: Path) -> None:
    name = info.filename
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise refusal(path, _("it holds “{name}”, a file with an absolute path").format(name=shown(name)))
    if ".." in parts:
        raise refusal(path, _("it holds “{name}”, a path that goes outside the package's folder").format(
            name=shown(name)))
    if stat.S_ISLNK(info.external_attr >> 16):
        raise refusal(path, _("it holds “{name}”, a symbolic link").format(name=shown(name)))
    if info.flag_bits & 0x1:
        raise refusal(path, _("it holds “{name}”, an encrypted file").format(name=shown(name)))
    if info.compress_type not in _SUPPORTED_METHODS:
        raise refusal(path, _("it holds “{name}”, compressed in a way this program does not read").format(
            name=shown(name)))


def _refuse_too_large(info: zipfile.ZipInfo, path: Path) -> None:
    most = contents.MOST_README_BYTES if info.filename == contents.README else contents.MOST_FILE_BYTES
    if info.file_size > most:
        raise refusal(path, _("“{name}” would take {size} once unpacked, more than a share package may ({most})")
                      .format(name=shown(info.filename), size=megabytes(info.file_size), most=megabytes(most)))
    if info.file_size > contents.RATIO_FROM_BYTES and (
            not info.compress_size or info.file_size / info.compress_size > contents.MOST_RATIO):
        ratio = info.file_size // max(info.compress_size, 1)
        raise refusal(path, _("“{name}” would expand {ratio} times once unpacked (a zip bomb?)").format(
            name=shown(info.filename), ratio=f"{ratio:,}"))


def shown(name: str) -> str:
    """A member's name as a refusal quotes it: on one line, and not too long."""
    name = "".join(char if char.isprintable() else "?" for char in name)
    return name if len(name) <= _SHOWN_NAME else name[:_SHOWN_NAME - 1] + "…"


def megabytes(size: int) -> str:
    return _("{count} MB").format(count=f"{size / (1024 * 1024):,.0f}" if size >= 1024 * 1024 else
                                  f"{size / (1024 * 1024):.2f}")
