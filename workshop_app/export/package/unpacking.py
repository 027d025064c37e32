"""Unpacking a share package into the data folder, for the window to open its workshop read-only.

Each package gets its own sub-folder, named after the zip. Opening the same package again opens
what it unpacked the first time; a different package of the same name gets a new folder ("name
(2)"): an earlier one is never written over. The files are extracted into a hidden folder
beside the others and checked there (the workshop file as `workshop-app check` checks it); only
a package that passes takes its place, and a refused one leaves nothing behind.
"""

import filecmp
import os
import re
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from workshop_app import paths
from workshop_app.export.package import contents
from workshop_app.export.package.reading import checked_members, open_archive, refusal, shown
from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopError, WorkshopFileError
from workshop_app.models.integrity import check_file

_CHUNK = 1024 * 1024
_NOT_IN_FOLDER_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_FOLDER_NAME_LIMIT = 80


@dataclass(frozen=True)
class UnpackedPackage:
    package: Path  # the zip
    folder: Path  # where its files are
    reused: bool  # the same package was unpacked there before

    @property
    def workshop(self) -> Path:
        return self.folder / contents.WORKSHOP


def unpack_package(path: Path | str, into: Path | None = None) -> UnpackedPackage:
    """Check the package at `path` and unpack it into a sub-folder of `into` (the data folder's
    "Share packages" by default). Raises WorkshopFileError, and leaves nothing, when refused."""
    path = Path(path)
    into = Path(into) if into is not None else paths.packages_dir()
    with open_archive(path) as archive:
        members = checked_members(archive, path)
        created = _make_folder(into, path)
        staging = None
        try:
            staging = Path(tempfile.mkdtemp(prefix=".unpacking-", dir=into))
            for info in members:
                _extract(archive, info, staging, path)
            _check_workshop(staging / contents.WORKSHOP, path)
            folder, reused = _settle(staging, into, folder_name(path))
        except OSError as error:
            _undo(staging, created)
            raise refusal(path, _("it could not be unpacked into {folder} ({reason})").format(
                folder=into, reason=error.strerror or error)) from None
        except BaseException:
            _undo(staging, created)
            raise
    return UnpackedPackage(path, folder, reused)


def folder_name(path: Path) -> str:
    """The sub-folder's name: the zip's, without what a folder name cannot hold."""
    name = " ".join(_NOT_IN_FOLDER_NAMES.sub(" ", path.stem).split()).strip(" .")
    if len(name) > _FOLDER_NAME_LIMIT:
        name = name[:_FOLDER_NAME_LIMIT].rstrip(" .")
    # Translators: the folder a share package is unpacked into when its zip's name gives none
    return name or _("share package")


def _make_folder(into: Path, path: Path) -> list[Path]:
    """Create `into` and the folders above it that are missing; return those created."""
    missing = []
    folder = into
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    try:
        into.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise refusal(path, _("the folder {folder} cannot be created ({reason})").format(
            folder=into, reason=error.strerror or error)) from None
    return missing


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, staging: Path, path: Path) -> None:
    """Copy one member out, never more bytes than it declares (the checks trusted that number)."""
    target = staging / info.filename
    if target.parent != staging:  # checked_members allows only plain names; never write elsewhere
        raise refusal(path, _("it holds “{name}”, a path that goes outside the package's folder").format(
            name=shown(info.filename)))
    written = 0
    try:
        with archive.open(info) as source, target.open("xb") as sink:
            while chunk := source.read(_CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    raise refusal(path, _("it is damaged (“{name}” is longer than it says)").format(
                        name=shown(info.filename)))
                sink.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise refusal(path, _("it is damaged ({reason})").format(reason=error)) from None
    if written != info.file_size:
        raise refusal(path, _("it is damaged (“{name}” is shorter than it says)").format(name=shown(info.filename)))


def _check_workshop(workshop: Path, path: Path) -> None:
    try:
        report = check_file(workshop)
    except WorkshopError as error:
        reason = error.problem if isinstance(error, WorkshopFileError) else str(error)
        raise refusal(path, _("its workshop file cannot be opened ({reason})").format(reason=reason)) from None
    if not report.ok:
        raise refusal(path, _("its workshop file does not pass the check ({problem})").format(
            problem=report.problems[0]))


def _settle(staging: Path, into: Path, name: str) -> tuple[Path, bool]:
    """Move the checked files to their folder: the first free name, or an earlier folder that
    holds exactly the same files."""
    number = 1
    while True:
        folder = into / (name if number == 1 else f"{name} ({number})")
        if not folder.exists():
            os.rename(staging, folder)
            _give_normal_permissions(folder)
            return folder, False
        if _same_files(staging, folder):
            shutil.rmtree(staging)
            return folder, True
        number += 1


def _give_normal_permissions(folder: Path) -> None:
    """mkdtemp makes a private folder (0700); an unpacked package gets what a new folder gets."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(folder, 0o777 & ~umask)


def _same_files(one: Path, other: Path) -> bool:
    try:
        names = sorted(entry.name for entry in one.iterdir())
        if names != sorted(entry.name for entry in other.iterdir()):
            return False
        return all((other / name).is_file() and not (other / name).is_symlink()
                   and filecmp.cmp(one / name, other / name, shallow=False) for name in names)
    except OSError:
        return False


def _undo(staging: Path | None, created: list[Path]) -> None:
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
    for folder in created:  # deepest first
        try:
            folder.rmdir()
        except OSError:
            break
