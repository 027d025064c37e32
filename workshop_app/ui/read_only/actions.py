"""The offer to read a workshop that cannot be edited here (another window holds it, or it is on
a read-only disk), instead of only refusing it."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from workshop_app.i18n.catalogs import _
from workshop_app.models.file.access import write_obstacle
from workshop_app.ui.read_only.reasons import ReadOnlyReason, offer_question


def offer_read_only(window, path: Path, **opening) -> bool | None:
    """When `path` could not be opened for editing because another window holds it or it cannot
    be written, offer to open it read-only: whether it was opened then, or None when neither
    kept it from being edited (the caller explains the refusal). `opening`: open_file's options."""
    obstacle = write_obstacle(path)
    if obstacle is None:
        return None
    if not ask(window, offer_question(obstacle, path.name)):
        return False
    return window.open_file(path, readonly=True, why=ReadOnlyReason(obstacle), **opening)


def ask(parent, question: str) -> bool:
    """Yes to open read-only (a function of its own, for tests to answer)."""
    box = QMessageBox(QMessageBox.Question, _("Open Read-Only?"), question, QMessageBox.Cancel, parent)
    # Translators: the button that opens a workshop read-only when it cannot be edited here
    read = box.addButton(_("Open Read-Only"), QMessageBox.AcceptRole)
    box.setDefaultButton(read)
    box.exec()
    return box.clickedButton() is read
