"""The first launch's end of the socket: each later launch's request comes out of `requested`.

The answer goes back before the request is acted on, so the later launch ends at once whatever
opening the file then asks of the user. Only the same user can connect (UserAccessOption).
"""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from workshop_app.ui.desktop.launches import REFUSED, TAKEN, LaunchRequest, server_name

LARGEST_REQUEST = 64 * 1024  # a path and a page name; anything longer is no launch's request


class LaunchListener(QObject):
    requested = Signal(object)  # LaunchRequest

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Listen under the user's name. A socket file left there by a first launch that crashed
        is removed first (not every Qt version replaces it by itself): this launch holds the
        lock, so nobody else listens under that name."""
        QLocalServer.removeServer(server_name())
        return self._server.listen(server_name())

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            received = bytearray()
            socket.readyRead.connect(lambda socket=socket, received=received: self._read(socket, received))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket, received)

    def _read(self, socket: QLocalSocket, received: bytearray) -> None:
        if socket.property("answered"):
            return
        received += socket.readAll().data()
        if b"\n" not in received and len(received) < LARGEST_REQUEST:
            return
        socket.setProperty("answered", True)
        request = LaunchRequest.decode(bytes(received).partition(b"\n")[0])
        socket.write(REFUSED if request is None else TAKEN)
        # Written out now: a socket closing with the answer still queued was seen to drop it.
        socket.flush()
        socket.disconnectFromServer()
        if request is not None:
            QTimer.singleShot(0, self, lambda: self.requested.emit(request))
