"""One window per user: a later launch hands its file to the program already running.

Double-clicking a .workshop file starts the program with the file's path. While the program
runs, that start must not build a second window that then fights the first for the workshop's
lock: it sends the path to the running program over a local socket (listener.py) and ends.
Which launch is the first is settled by a lock file holding its owner's process id, taken
before anything else: when the first launch crashed, its lock is stale, the next launch takes
it and listens under the same name again.
"""

import hashlib
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile

from workshop_app import paths

# How long a launch waits for the running program to listen (it may be starting up itself),
# then to answer (it may be busy writing a long export), before it runs on its own. A first
# start from a USB stick on a slow laptop takes seconds, and people double-click twice.
LISTENING_WAIT_S = 20.0
ANSWER_WAIT_MS = 30_000
TAKEN = b"ok\n"
REFUSED = b"no\n"


@dataclass(frozen=True)
class LaunchRequest:
    """What a launch asks of the window: a file to open (None: only to come to the front), and
    the page to show it on (None: the last one used)."""

    file: Path | None = None
    page: str | None = None

    def encode(self) -> bytes:
        fields = {"file": None if self.file is None else str(self.file), "page": self.page}
        return json.dumps(fields).encode("ascii") + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> "LaunchRequest | None":
        """The request a launch wrote on this line; None for anything else."""
        try:
            fields = json.loads(line.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(fields, dict):
            return None
        file, page = fields.get("file"), fields.get("page")
        if not (file is None or isinstance(file, str) and file) or not (page is None or isinstance(page, str)):
            return None
        return cls(None if file is None else Path(file), page)


def server_name() -> str:
    """The socket's name, one per user: it is made from the user's data folder, in their home.
    The socket itself only lets its owner connect (listener.py)."""
    digest = hashlib.sha256(str(paths.data_dir()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"pathfinder-workshop-{digest}"


class Launch:
    """This start of the program and the request it was started with."""

    def __init__(self, file: Path | None = None, page: str | None = None):
        # Made absolute here: the running program's working folder is not this launch's.
        self.request = LaunchRequest(None if file is None else Path(file).absolute(), page)
        self.lock: QLockFile | None = None  # held as long as this launch is the program's first

    @property
    def first(self) -> bool:
        return self.lock is not None

    def hand_over(self) -> bool:
        """True when the program already runs for this user and took the request: this launch
        has nothing more to do. False when this launch is the first (`first` then says so), or
        when the running program does not answer: this launch then runs on its own, and the
        workshop's own lock still keeps two windows from writing one file."""
        lock = QLockFile(str(Path(QDir.tempPath()) / f"{server_name()}.lock"))
        lock.setStaleLockTime(0)  # never stale by age alone: the window may stay open for days
        if lock.tryLock(0):
            self.lock = lock
            return False
        if lock.error() != QLockFile.LockError.LockFailedError:
            return False  # no lock file can be written (a full temporary folder): run alone
        return send(self.request)

    def release(self) -> None:
        """Let the next launch be the first (the program is ending)."""
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def send(request: LaunchRequest) -> bool:
    """Give the request to the running program; True once it answered that it took it."""
    from PySide6.QtNetwork import QLocalSocket  # only a launch that is not the first needs it

    socket = QLocalSocket()
    deadline = time.monotonic() + LISTENING_WAIT_S
    socket.connectToServer(server_name())
    while not socket.waitForConnected(1000):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)  # the first launch holds the lock but is not listening yet
        socket.connectToServer(server_name())
    _let_it_come_forward()
    socket.write(request.encode())
    answer = b""
    if socket.waitForBytesWritten(ANSWER_WAIT_MS):
        while not answer.endswith(b"\n") and socket.waitForReadyRead(ANSWER_WAIT_MS):
            answer += socket.readAll().data()
    socket.abort()
    return answer == TAKEN


def _let_it_come_forward() -> None:
    """Windows lets only the program the user has just started bring a window to the front;
    this launch passes that right on to the running program, whose window should come up."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
