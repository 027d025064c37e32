"""An error nobody foresaw, in the window: its details go to the log (failures.record) and the
facilitator reads one message box that names the log, while the program keeps running.

Every edit is already in the file when it succeeds and rolled back when it fails, so nothing
typed before the error is lost; the message says so, so that nobody closes the window in panic.
"""

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from workshop_app import APP_NAME, failures
from workshop_app.i18n.catalogs import _


def install() -> None:
    """Route every exception that reaches Qt's event loop to report()."""
    sys.excepthook = _hook


def report(error: BaseException) -> None:
    log = failures.record(error, "window")
    where = (_("The details are in {log}.").format(log=log) if log is not None
             else _("The details could not be written to a log file."))
    text = _("Something went wrong in Pathfinder Workshop ({what}).").format(
        what=f"{type(error).__name__}: {error}"[:300])
    # Translators: {where} is "The details are in FILE." or "The details could not be written to a log file."
    informative = _("Your workshop file is safe: every change you made before this is saved in it. {where}").format(
        where=where)
    box = QMessageBox(QMessageBox.Critical, APP_NAME, text, QMessageBox.Ok, QApplication.activeWindow())
    box.setInformativeText(informative)
    box.exec()


_reporting = False


def _hook(kind, error, trace) -> None:
    global _reporting
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    if _reporting:  # an error while showing the message: log it, never loop
        failures.record(error, "window, while reporting an error")
        return
    _reporting = True
    try:
        report(error)
    finally:
        _reporting = False
