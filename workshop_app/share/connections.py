"""How many connections the site keeps open, and how long it waits for what a phone sends.

Each connection has a thread of its own while it is open. A browser keeps its connection between
two requests; a broken or hostile client can open hundreds and send nothing, or send a request a
byte at a time. So that such sockets never keep a phone's page from loading:
- a request's head (its first line and headers) must arrive whole within READ_SECONDS of the
  site starting to wait for it, and a comment's body within BODY_SECONDS, however the bytes
  trickle in (a socket's own timeout restarts with every byte);
- at most MOST_CONNECTIONS are open at once, MOST_PER_ADDRESS from one address; when a new one
  comes in past a limit, the connection that has waited longest for a request is closed to make
  room (a browser opens another when it needs one), and only when every open connection is busy
  answering is the new one turned away.
"""

import io
import socket
import threading
import time
from dataclasses import dataclass

READ_SECONDS = 5.0
BODY_SECONDS = 10.0
# An answer (half a megabyte for a large road map, uncompressed) to a phone on a weak signal.
WRITE_SECONDS = 30.0
MOST_CONNECTIONS = 512
MOST_PER_ADDRESS = 32


@dataclass
class _Open:
    address: str
    waiting_since: float | None  # None while a request is being answered


class Connections:
    """The open connections, by socket, in the order they began waiting."""

    def __init__(self):
        self._open: dict[socket.socket, _Open] = {}
        self._per_address: dict[str, int] = {}
        self._lock = threading.Lock()

    def admit(self, connection: socket.socket, address: str) -> bool:
        """Take a new connection in, closing one that only waits when a limit is reached; False
        when it must be turned away (every connection it would replace is answering)."""
        with self._lock:
            if self._per_address.get(address, 0) >= MOST_PER_ADDRESS and not self._close_longest_waiting(address):
                return False
            if len(self._open) >= MOST_CONNECTIONS and not self._close_longest_waiting(None):
                return False
            self._open[connection] = _Open(address, time.monotonic())
            self._per_address[address] = self._per_address.get(address, 0) + 1
            return True

    def waiting(self, connection: socket.socket) -> None:
        """The connection waits for a request: it may be closed to make room."""
        with self._lock:
            found = self._open.pop(connection, None)
            if found is not None:
                found.waiting_since = time.monotonic()
                self._open[connection] = found  # last in the order of waiting

    def answering(self, connection: socket.socket) -> bool:
        """A request arrived whole: the connection is kept until it is answered. False when it
        was closed to make room meanwhile."""
        with self._lock:
            found = self._open.get(connection)
            if found is None:
                return False
            found.waiting_since = None
            return True

    def release(self, connection: socket.socket) -> None:
        with self._lock:
            found = self._open.pop(connection, None)
            if found is not None:
                left = self._per_address[found.address] - 1
                if left:
                    self._per_address[found.address] = left
                else:
                    del self._per_address[found.address]

    def __len__(self) -> int:
        return len(self._open)

    def _close_longest_waiting(self, address: str | None) -> bool:
        """Close the connection (of this address, or any) that has waited longest for a request
        (its thread ends at once, and it is counted no more); False when none waits."""
        for connection, found in self._open.items():
            if found.waiting_since is not None and (address is None or found.address == address):
                self._open.pop(connection)
                left = self._per_address[found.address] - 1
                if left:
                    self._per_address[found.address] = left
                else:
                    del self._per_address[found.address]
                try:
                    connection.shutdown(socket.SHUT_RDWR)  # its thread's read returns at once, empty
                except OSError:
                    pass  # already closed by the other side
                return True
        return False


class RequestCutOff(TimeoutError):
    """A request that took too long to arrive, or grew far larger than any the site takes: the
    connection is dropped without an answer (the standard library's handler ends a connection on
    a TimeoutError, read or write)."""


class TimedReader(io.RawIOBase):
    """A socket read against a deadline and a size for the whole of a request's head or body, not
    for each piece: every read waits only for the time left, and takes only the bytes left."""

    def __init__(self, connection: socket.socket):
        self.connection = connection
        self.deadline = time.monotonic() + READ_SECONDS
        self.left = 0

    def start(self, seconds: float, most_bytes: int) -> None:
        self.deadline = time.monotonic() + seconds
        self.left = most_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        seconds = self.deadline - time.monotonic()
        if seconds <= 0:
            raise RequestCutOff("the request took too long to arrive")
        if self.left <= 0:
            raise RequestCutOff("the request is too large")
        self.connection.settimeout(seconds)
        try:
            count = self.connection.recv_into(memoryview(buffer)[:self.left])
        except ConnectionResetError:
            return 0  # the phone went away: as if it had closed the connection
        self.left -= count
        return count
