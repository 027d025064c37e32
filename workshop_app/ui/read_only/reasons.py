"""Why a workshop is open read-only, in the words the banner over it uses."""

from dataclasses import dataclass
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.file.access import LOCKED, READ_ONLY

CHOICE = "choice"  # File › Open Read-Only…
PACKAGE = "package"  # opened from a share package


@dataclass(frozen=True)
class ReadOnlyReason:
    kind: str  # CHOICE, LOCKED, READ_ONLY or PACKAGE
    package: Path | None = None  # the zip, for PACKAGE

    def banner_text(self) -> str:
        if self.kind == LOCKED:
            why = _("Read-only: this workshop is open in another Pathfinder Workshop window or on another computer. "
                    "You see it as it was when you opened it.")
        elif self.kind == READ_ONLY:
            why = _("Read-only: this workshop is on a read-only disk or folder, or the file is marked read-only.")
        elif self.kind == PACKAGE:
            why = _("Read-only: this workshop was opened from the share package {package}.").format(
                package=self.package.name if self.package is not None else "")
        else:
            why = _("Read-only: you opened this workshop read-only.")
        return _("{why} Nothing you do here changes the file; to edit, save a copy.").format(why=why)


def by_choice() -> ReadOnlyReason:
    return ReadOnlyReason(CHOICE)


def from_package(package: Path) -> ReadOnlyReason:
    return ReadOnlyReason(PACKAGE, Path(package))


def copy_stem(reason: ReadOnlyReason | None, path: Path) -> str:
    """The name a copy of the workshop at `path` is suggested from: a package's workshop file is
    called "workshop" whatever the package, so its copy takes the package's name."""
    if reason is not None and reason.kind == PACKAGE and reason.package is not None:
        return reason.package.stem
    return path.stem


def offer_question(kind: str, file_name: str) -> str:
    """The question asked when a file cannot be opened for editing (LOCKED or READ_ONLY)."""
    if kind == LOCKED:
        return _("“{file}” is open elsewhere: in another Pathfinder Workshop window or on another computer.\n\n"
                 "Open it read-only? You will see it as it is now, and nothing you do changes it.").format(
            file=file_name)
    return _("“{file}” is on a read-only disk or folder, or marked read-only.\n\n"
             "Open it read-only? To edit it, you can then save a copy where you can write.").format(file=file_name)
