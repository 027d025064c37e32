"""Writing a share package: a consistent copy of the workshop, then every export made from that
copy (so they all show the same moment), a README, and one zip moved into place when complete.

The copy is taken with SQLite's backup API from the open document, where the document lives;
everything after reads only the copy, so the window can let another thread do it. Without
contact details the copy loses them first, and the exports cannot print what it no longer holds.
The copy is rebuilt as well, so that nothing deleted earlier lingers in its free pages.
"""

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.export.errors import ExportError
from workshop_app.export.files import written_atomically
from workshop_app.export.package import contents
from workshop_app.export.package.readme import ENCODING, readme_text
from workshop_app.export.registry import export_checked
from workshop_app.export.words import Words, export_language
from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.file.privacy import prepare_for_sharing
from workshop_app.models.roadmap.versions import list_versions

if TYPE_CHECKING:
    from workshop_app.export.unprintable import Unprintable

# Told how far the writing is: the steps done, the number of steps, what is being written (in
# the window's language). It may raise to stop the writing; nothing is left behind.
Progress = Callable[[int, int, str], None]

# The exports a package holds: its name in the package, what the registry calls it, and the
# step's words while it is written.
EXPORTS = (
    (contents.ROADMAP_PDF, "roadmap", N_("Road-map report (PDF)")),
    (contents.ROADMAP_WORKBOOK, "roadmap", N_("Road-map workbook (Excel)")),
    (contents.AGENDA_PDF, "agenda", N_("Agenda (PDF)")),
    (contents.PARTICIPANTS, "participants", N_("Participant list (Excel)")),
)


@dataclass
class WrittenPackage:
    path: Path
    # Items whose letters no font could print, by the PDF they are in (printed as placeholders).
    unprintable: list[tuple[str, "Unprintable"]] = field(default_factory=list)


class PackageWriter:
    """One package, written in two steps: take_copy() where the document lives, then write()
    (in another thread if need be). discard() drops a copy that will not be written."""

    def __init__(self, document: WorkshopDocument, out: Path | str, *, version: str | None = None,
                 lang: str | None = None, with_contacts: bool = False, paper: str | None = None):
        self.out = Path(out)
        if self.out.suffix.lower() != contents.PACKAGE_SUFFIX:
            raise ExportError(self.out, _("a share package is a .zip file; give the name a .zip ending"))
        if version is not None and not any(version in (row["name"], row["id"]) for row in list_versions(document)):
            names = ", ".join(f"“{row['name']}”" for row in list_versions(document)) or _("none")
            raise ExportError(self.out, _("the workshop has no version “{name}” (its versions: {names})").format(
                name=version, names=names))
        self.version = version
        self.language = export_language(document, lang)
        self.with_contacts = with_contacts
        self.paper = paper
        self._staging: Path | None = None

    @property
    def steps(self) -> int:
        return len(EXPORTS) + 3  # the copy, the README, the zip

    def take_copy(self, document: WorkshopDocument) -> None:
        """A consistent copy of the open workshop, in a private folder until write() or discard()."""
        self.discard()
        self._staging = Path(tempfile.mkdtemp(prefix="pathfinder-package-"))
        try:
            document.save_copy(self._staging / contents.WORKSHOP)
        except BaseException:
            self.discard()
            raise

    def write(self, progress: Progress | None = None) -> WrittenPackage:
        """Write the package from the copy and move it into place; the copy is gone afterwards,
        whatever happens."""
        if self._staging is None:
            raise RuntimeError("take_copy() first")
        tell = progress or (lambda done, total, what: None)
        staging, total = self._staging, self.steps
        try:
            copy_path = staging / contents.WORKSHOP
            tell(0, total, _("Preparing the copy of the workshop"))
            prepare_for_sharing(copy_path, keep_contacts=self.with_contacts)
            written = WrittenPackage(self.out)
            with WorkshopDocument.open(copy_path, readonly=True) as copy:
                for done, (name, what, words) in enumerate(EXPORTS, start=1):
                    tell(done, total, _(words))
                    options = self._options(what, name)
                    _path, unprintable = export_checked(copy, staging / name, what, **options)
                    written.unprintable += [(name, item) for item in unprintable]
                tell(total - 2, total, _("README"))
                readme = readme_text(copy, Words(self.language), version=self.version,
                                     with_contacts=self.with_contacts, written_at=dt.datetime.now(dt.UTC))
                (staging / contents.README).write_text(readme, encoding=ENCODING, newline="")
            tell(total - 1, total, _("Compressing"))
            with written_atomically(self.out) as temporary:
                _zip(staging, temporary)
            tell(total, total, "")
            return written
        except WorkshopError as error:
            if isinstance(error, ExportError) and error.path == self.out:
                raise
            # An export refused: the one line names the package, not a file of the private folder.
            raise ExportError(self.out, _("the package was not written ({reason})").format(reason=error)) from None
        except OSError as error:
            raise ExportError(self.out, _("the package was not written ({reason})").format(
                reason=error.strerror or error)) from None
        finally:
            self.discard()

    def discard(self) -> None:
        if self._staging is not None:
            shutil.rmtree(self._staging, ignore_errors=True)
            self._staging = None

    def _options(self, what: str, name: str) -> dict:
        options: dict = {"lang": self.language}
        if what == "roadmap":
            options["version"] = self.version
        if name.endswith(".pdf"):
            options["paper"] = self.paper
        if what == "roadmap" and name.endswith(".pdf") or what == "participants":
            options["include_contacts"] = self.with_contacts
        return options


def write_package(document: WorkshopDocument, out: Path | str, *, version: str | None = None,
                  lang: str | None = None, with_contacts: bool = False, paper: str | None = None,
                  progress: Progress | None = None) -> WrittenPackage:
    """Write the share package of `document` to `out` (a .zip, replaced only when complete).
    Raises ExportError, and leaves any existing `out` as it was, when it cannot be written."""
    writer = PackageWriter(document, out, version=version, lang=lang, with_contacts=with_contacts, paper=paper)
    writer.take_copy(document)
    return writer.write(progress)


def _zip(staging: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name in contents.MEMBERS:
            archive.write(staging / name, name)
