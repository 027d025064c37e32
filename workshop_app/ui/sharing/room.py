"""The review site of the open workshop, driven from the window's thread: a timer stores the
comments phones send (as pending rows) and publishes the draft again after each edit. Sharing
stops when the file is closed or the window quits."""

import io

import segno
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPixmap

from workshop_app.share.sharing import DEFAULT_PORT, POLL_SECONDS, Sharing


class RoomSharing(QObject):
    comments_arrived = Signal(int)  # how many comments phones sent since the last look
    comments_dropped = Signal(int)  # comments on items deleted before they arrived
    changed = Signal()  # started or stopped

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.sharing: Sharing | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(POLL_SECONDS * 1000))
        self.timer.timeout.connect(self.poll)

    @property
    def running(self) -> bool:
        return self.sharing is not None and self.sharing.running

    def start(self, document, bind: str = "127.0.0.1", port: int = DEFAULT_PORT) -> list[str]:
        """The addresses phones open; raises WorkshopError when the address cannot be used."""
        self.stop()
        sharing = Sharing(document, bind=bind, port=port)
        urls = sharing.start()
        self.sharing = sharing
        self.timer.start()
        self.changed.emit()
        return urls

    def stop(self) -> None:
        if self.sharing is None:
            return
        self.timer.stop()
        stored = self.sharing.stop()
        self.sharing = None
        if stored:
            self.comments_arrived.emit(len(stored))
        self.changed.emit()

    def poll(self) -> None:
        if self.sharing is None:
            return
        result = self.sharing.poll()
        if result.stored:
            self.comments_arrived.emit(len(result.stored))
        if result.dropped:
            self.comments_dropped.emit(len(result.dropped))

    def urls(self) -> list[str]:
        return self.sharing.urls() if self.sharing is not None else []


def qr_pixmap(url: str, scale: int = 6) -> QPixmap:
    """The address as a QR code phones scan (segno draws it; no image library needed)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
