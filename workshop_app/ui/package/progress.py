"""A share package takes seconds: it is written in another thread, from its own copy of the
workshop (export.package.writing), while a progress dialog names each step and can stop it."""

import sys
import threading

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from workshop_app.export.package.writing import PackageWriter, WrittenPackage
from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopError


class _Stopped(Exception):
    """Cancel was pressed: the writer stops at its next step and leaves nothing behind."""


class _Writing(QThread):
    stepped = Signal(int, int, str)
    succeeded = Signal(object)  # WrittenPackage
    refused = Signal(str)  # one line
    crashed = Signal(object)  # an exception nobody foresaw, raised again in the window's thread
    stopped = Signal()

    def __init__(self, writer: PackageWriter, parent=None):
        super().__init__(parent)
        self.writer = writer
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            written = self.writer.write(self._step)
        except _Stopped:
            self.stopped.emit()
        except WorkshopError as error:
            self.refused.emit(str(error))
        except Exception as error:  # a fault of the program: the window reports it
            self.crashed.emit(error)
        else:
            self.succeeded.emit(written)

    def _step(self, done: int, total: int, what: str) -> None:
        if self.stop.is_set():
            raise _Stopped
        self.stepped.emit(done, total, what)


class PackageProgress(QProgressDialog):
    """exec() writes the package and returns once it is written, refused or stopped; then
    `written` or `refusal` says which (both None: stopped)."""

    def __init__(self, writer: PackageWriter, parent: QWidget | None = None):
        super().__init__(_("Writing {file}…").format(file=writer.out.name), _("Cancel"), 0, writer.steps, parent)
        self.setWindowTitle(_("Share Package"))
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self.written: WrittenPackage | None = None
        self.refusal: str | None = None
        self._name = writer.out.name
        self._writing = _Writing(writer, self)
        self._writing.stepped.connect(self._stepped)
        self._writing.succeeded.connect(self._succeeded)
        self._writing.refused.connect(self._refused)
        self._writing.crashed.connect(self._crashed)
        self._writing.stopped.connect(lambda: self._finish(False))
        self.canceled.disconnect()  # the dialog stays up until the writer has let go of its files
        self.canceled.connect(self._stop)

    def exec(self) -> int:
        self._writing.start()
        return super().exec()

    def _stepped(self, done: int, total: int, what: str) -> None:
        self.setMaximum(total)
        self.setValue(done)
        if what:
            # Translators: the progress of a share package: the file it writes, then the step
            self.setLabelText(_("Writing {file}: {step}…").format(file=self._name, step=what))

    def reject(self) -> None:
        """Escape and the window's close button stop the writing, as Cancel does."""
        if self._writing.isRunning():
            self._stop()
        else:
            super().reject()

    def _stop(self) -> None:
        self.setLabelText(_("Stopping…"))
        self._writing.stop.set()

    def _succeeded(self, written: WrittenPackage) -> None:
        self.written = written
        self._finish(True)

    def _refused(self, message: str) -> None:
        self.refusal = message
        self._finish(False)

    def _crashed(self, error: Exception) -> None:
        self._finish(False)
        sys.excepthook(type(error), error, error.__traceback__)

    def _finish(self, written: bool) -> None:
        self._writing.wait()
        self.done(QDialog.Accepted if written else QDialog.Rejected)
