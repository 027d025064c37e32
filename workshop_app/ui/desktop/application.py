"""The program's QApplication, which passes on the files the desktop asks it to open.

On macOS a document opened from Finder does not come as an argument: it arrives as a
QFileOpenEvent sent to the application object, also while the program is already running.
Overriding event() sees only the events sent to the application itself; an event filter on the
application would run Python code for every event of every widget.
"""

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication


class WorkshopApplication(QApplication):
    """Keeps the path of each file the desktop asks to open until take_requested_files(), and
    emits `files_requested` when one arrives. The first may come before the window exists."""

    files_requested = Signal()

    def __init__(self, argv: list[str]):
        super().__init__(argv)
        self.requested_files: list[str] = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()  # empty for a URL that is not a local file
            if path:
                self.requested_files.append(path)
                self.files_requested.emit()
            return True
        return super().event(event)

    def take_requested_files(self) -> list[str]:
        files, self.requested_files = self.requested_files, []
        return files
