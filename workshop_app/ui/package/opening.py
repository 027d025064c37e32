"""Opening a share package: checked and unpacked into the data folder (export.package), then
its workshop opened read-only, with a banner that names the package."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.errors import WorkshopError
from workshop_app.ui.read_only.reasons import from_package

# Translators: the file types of the Open dialogs; keep the patterns in brackets, ";;" and "(*)" as they are
OPEN_FILTER = N_("Workshops and share packages (*.workshop *.zip);;Workshop files (*.workshop);;"
                 "Share packages (*.zip);;All files (*)")


def open_package(window, path: Path, *, page: str | None = None, remember: bool = True) -> bool:
    """Unpack the package at `path` and open its workshop read-only; a refused package is
    explained in one message and changes nothing."""
    from workshop_app.export.package.unpacking import unpack_package  # zipfile and the checks: only when used

    window.commit_pending_edit()
    window.statusBar().showMessage(_("Checking {file}…").format(file=path.name))
    QApplication.setOverrideCursor(Qt.WaitCursor)
    QApplication.processEvents()
    try:
        unpacked = unpack_package(path)
    except (OSError, WorkshopError) as error:
        QApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()
        window.show_error(_("Cannot open the share package"), str(error))
        return False
    QApplication.restoreOverrideCursor()
    window.statusBar().clearMessage()
    if not window.open_file(unpacked.workshop, page=page, readonly=True, remember=False, why=from_package(path)):
        return False
    if remember:
        window.remember_file(path)  # the package, not its unpacked copy: opening it again reads it read-only
    window.statusBar().showMessage(_("Share package unpacked into {folder}").format(folder=unpacked.folder), 10000)
    return True
