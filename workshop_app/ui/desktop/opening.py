"""What the desktop asks of the window: a later launch's file or call, Finder's open event.

The window comes to the front. A file then opens as File › Open opens it; it waits while the
window is being built, and while a dialog is open (the dialog may be working on the workshop
that opening another file would close).
"""

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from workshop_app.i18n.catalogs import _
from workshop_app.ui.desktop.application import WorkshopApplication
from workshop_app.ui.desktop.launches import Launch, LaunchRequest

DIALOG_CHECK_MS = 300  # how often a file waiting for a dialog to close looks again


class DesktopRequests(QObject):
    """Listens for later launches when `launch` is the first, takes the files the desktop sends
    the application, and serves both in the window given to attach()."""

    def __init__(self, launch: Launch | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.window: QMainWindow | None = None
        self.launch = launch
        self.listener = None
        self._waiting: LaunchRequest | None = None
        self._dialog_check = QTimer(self, interval=DIALOG_CHECK_MS)
        self._dialog_check.timeout.connect(self._serve)
        self._application = QApplication.instance()
        if isinstance(self._application, WorkshopApplication):
            self._application.files_requested.connect(self._take_desktop_files)
        if launch is not None and launch.first:
            # After the first paint: a later launch waits for the socket meanwhile.
            QTimer.singleShot(0, self, self._listen)

    def attach(self, window: QMainWindow) -> None:
        self.window = window
        self._take_desktop_files()
        self._serve()

    def request(self, request: LaunchRequest) -> None:
        # A launch without a file only calls the window: it does not cancel a file still waiting.
        if request.file is not None or self._waiting is None:
            self._waiting = request
        if self.window is not None:
            _bring_forward(self.window)
            self._serve()

    def close(self) -> None:
        """Stop listening and let the next launch be the first (the program is ending)."""
        self._dialog_check.stop()
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        if self.launch is not None:
            self.launch.release()
        if isinstance(self._application, WorkshopApplication):
            self._application.files_requested.disconnect(self._take_desktop_files)
            self._application = None
        self.window = None

    def _listen(self) -> None:
        from workshop_app.ui.desktop.listener import LaunchListener

        if self.launch is None or not self.launch.first:
            return  # closed before the event loop ran
        self.listener = LaunchListener(self)
        self.listener.requested.connect(self.request)
        if not self.listener.listen():
            self.listener = None  # another program holds the name: later launches run on their own

    def _take_desktop_files(self) -> None:
        if isinstance(self._application, WorkshopApplication):
            for path in self._application.take_requested_files():
                self.request(LaunchRequest(Path(path)))

    def _serve(self) -> None:
        if self.window is None or self._waiting is None:
            self._dialog_check.stop()
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            if not self._dialog_check.isActive():
                dialog.raise_()
                dialog.activateWindow()
                if self._waiting.file is not None:
                    # Translators: a file opened from the desktop waits for the open dialog box to be closed
                    self.window.statusBar().showMessage(
                        _("{file} opens when the dialog is closed").format(file=self._waiting.file.name))
                self._dialog_check.start()
            return
        self._dialog_check.stop()
        request, self._waiting = self._waiting, None
        if request.file is not None:
            self.window.statusBar().clearMessage()
            self.window.open_file(request.file, page=request.page)


def _bring_forward(window: QMainWindow) -> None:
    # Out of the dock or taskbar as it was before (maximized stays maximized).
    window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
