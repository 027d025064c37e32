"""What the desktop asks of the window: a file opened from Finder (QFileOpenEvent), a second
launch with a file while the program runs (it opens in the running window, not in a second one
fighting for the lock), a second launch without one (the window comes back)."""

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QDir, QFile
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QDialog

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.ui.desktop.application import WorkshopApplication
from workshop_app.ui.desktop.launches import Launch, server_name
from workshop_app.ui.desktop.opening import DesktopRequests
from workshop_app.ui.main_window import MainWindow


@pytest.fixture
def desktop():
    """The desktop's requests, for the first launch (this test's process); let go afterwards so
    that the next test's launch is the first again."""
    made = []

    def make(launch=None):
        requests = DesktopRequests(launch)
        made.append(requests)
        return requests

    yield make
    for requests in made:
        requests.close()


def shows(window, path) -> bool:
    return (window.session is not None and window.session.document.path == path
            and window.stack.currentWidget() is window.workshop_view and path.name in window.windowTitle())


LATER_LAUNCH = """
import sys
from pathlib import Path
from workshop_app.ui.desktop.launches import Launch
sys.exit(0 if Launch(Path(sys.argv[1]) if len(sys.argv) > 1 else None).hand_over() else 1)
"""


def later_launch(file=None) -> subprocess.Popen:
    """A later launch as `workshop-app [FILE]` makes it, in a process of its own (it blocks until
    the window answers, which this process's event loop does while the test waits)."""
    return subprocess.Popen([sys.executable, "-c", LATER_LAUNCH, *([str(file)] if file else [])], env=os.environ)


def handed_over(launch: subprocess.Popen) -> bool:
    """The later launch ended, saying that the running window took its request."""
    return launch.wait(timeout=60) == 0


def first_launch(desktop, window):
    launch = Launch()
    assert not launch.hand_over() and launch.first  # nobody runs yet: this launch is the first
    requests = desktop(launch)
    requests.attach(window)
    return requests


def test_a_file_opened_from_finder_opens_in_the_window(window, workshop_path, desktop, qtbot):
    assert isinstance(QApplication.instance(), WorkshopApplication)
    desktop().attach(window)
    QApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(workshop_path)))
    qtbot.waitUntil(lambda: shows(window, workshop_path))


def test_a_file_opened_before_the_window_exists_opens_once_it_does(qtbot, settings, errors, workshop_path, desktop):
    requests = desktop()
    QApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(workshop_path)))
    QApplication.processEvents()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    requests.attach(window)
    window.show()
    assert shows(window, workshop_path)


def test_a_second_launch_hands_its_file_to_the_running_window(window, workshop_path, demo_path, desktop, qtbot):
    first_launch(desktop, window)
    window.open_file(demo_path)
    launch = later_launch(workshop_path)
    qtbot.waitUntil(lambda: shows(window, workshop_path), timeout=30000)
    assert handed_over(launch)  # the second launch ends: the running window took the file
    # The workshop it left is free again, and the one it opened is held by this window alone.
    WorkshopDocument.open(demo_path).close()
    with pytest.raises(WorkshopFileError, match="open in another"):
        WorkshopDocument.open(workshop_path)


def test_a_second_launch_without_a_file_brings_the_window_back(window, workshop_path, desktop, qtbot):
    first_launch(desktop, window)
    window.open_file(workshop_path)
    window.showMinimized()
    assert window.isMinimized()
    launch = later_launch()
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=30000)
    assert handed_over(launch) and shows(window, workshop_path)


def test_a_file_waits_while_a_dialog_is_open(window, workshop_path, desktop, qtbot):
    first_launch(desktop, window)
    dialog = QDialog(window)
    dialog.setModal(True)
    dialog.show()
    launch = later_launch(workshop_path)
    qtbot.waitUntil(lambda: launch.poll() is not None and "atelier.workshop opens when the dialog is closed" in
                    window.statusBar().currentMessage(), timeout=30000)
    assert handed_over(launch) and window.session is None
    dialog.accept()
    qtbot.waitUntil(lambda: shows(window, workshop_path))


def test_a_message_that_is_no_launch_s_request_is_refused(window, desktop, qtbot):
    requests = first_launch(desktop, window)
    qtbot.waitUntil(lambda: requests.listener is not None)
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    qtbot.waitUntil(lambda: socket.state() == QLocalSocket.LocalSocketState.ConnectedState)
    socket.write(b"\x00\xffnot json\n")
    answer = bytearray()
    qtbot.waitUntil(lambda: answer.extend(socket.readAll().data()) or answer.endswith(b"\n"))
    assert answer == b"no\n"
    assert window.session is None


CRASHING_FIRST_LAUNCH = """
import os
from PySide6.QtCore import QCoreApplication
from workshop_app.ui.desktop.launches import Launch
from workshop_app.ui.desktop.listener import LaunchListener

app = QCoreApplication([])
launch = Launch()
assert not launch.hand_over() and launch.first
listener = LaunchListener()
assert listener.listen()
print("listening", flush=True)
os._exit(1)  # as a crash: the lock file and the socket's file stay behind
"""


def test_after_a_first_launch_crashed_the_next_launch_is_the_first(window, workshop_path, desktop, qtbot):
    crashed = subprocess.run([sys.executable, "-c", CRASHING_FIRST_LAUNCH], capture_output=True, text=True,
                             timeout=60, env=os.environ)
    assert crashed.stdout == "listening\n", crashed.stderr
    assert os.path.exists(os.path.join(QDir.tempPath(), f"{server_name()}.lock"))
    launch = Launch()
    assert not launch.hand_over() and launch.first
    desktop(launch).attach(window)
    launch = later_launch(workshop_path)
    qtbot.waitUntil(lambda: shows(window, workshop_path), timeout=30000)
    assert handed_over(launch)


def wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting: {what}")
        time.sleep(0.1)


def listening() -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    connected = socket.waitForConnected(500)
    socket.abort()
    return connected


def held_by_another_window(path) -> bool:
    try:
        WorkshopDocument.open(path).close()
    except WorkshopFileError as error:
        return "open in another" in str(error)
    return False


def test_a_real_second_launch_opens_its_file_in_the_running_program(workshop_path):
    program = [sys.executable, "-m", "workshop_app"]
    first = subprocess.Popen(program, env=os.environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: listening() or first.poll() is not None, "the first launch listens")
        assert first.poll() is None, first.communicate()[1]
        second = subprocess.run([*program, str(workshop_path)], capture_output=True, text=True, timeout=120,
                                env=os.environ)
        assert second.returncode == 0 and second.stderr == ""
        # The second launch has ended; the first holds the workshop, open in its window.
        wait_for(lambda: held_by_another_window(workshop_path), "the first launch opens the workshop")
        third = subprocess.run(program, capture_output=True, text=True, timeout=120, env=os.environ)
        assert third.returncode == 0 and first.poll() is None
    finally:
        first.terminate()  # as the session ending: its lock and socket files stay behind
        _out, errors = first.communicate(timeout=60)
        QLocalServer.removeServer(server_name())
        QFile.remove(os.path.join(QDir.tempPath(), f"{server_name()}.lock"))
    assert "Traceback" not in errors
