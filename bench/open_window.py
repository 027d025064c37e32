"""Opening a 2,000-participant workshop until the window is shown, against a bare QMainWindow.

Both sides are whole processes started the same way, so Python and Qt start-up count for both.
Goal (foundation issue): ours at most 1.5x the bare window.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 7

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
"""

OURS = """
import sys
from pathlib import Path
from workshop_app.ui.app import create_application
from workshop_app.ui.main_window import MainWindow
app = create_application()
window = MainWindow(remember_state=False)
window.resize(1280, 800)
window.open_file(Path(sys.argv[1]), page="overview", remember=False)
window.show()
app.processEvents()
assert window.workshop_view.page("overview").figures["participants"].text() == "2,000"
"""


def timed(code: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed program starts from compiled bytecode (pip and the bundle write it); without
    # it the first side would compile ~150 modules on every run and the bare window none.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=HERE.parent,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> float:
    sys.path.insert(0, str(HERE))
    from large_workshop import write_large_workshop

    with tempfile.TemporaryDirectory() as folder:
        path = write_large_workshop(Path(folder) / "large.workshop")
        timed(BARE), timed(OURS, str(path))  # warm the file cache for both
        bare, ours = [], []
        for _ in range(RUNS):  # interleaved, so a busy moment hurts both sides alike
            bare.append(timed(BARE))
            ours.append(timed(OURS, str(path)))
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"open 2,000-participant workshop: ours {statistics.median(ours) * 1000:.0f} ms, "
          f"bare QMainWindow {statistics.median(bare) * 1000:.0f} ms, ratio {ratio:.2f} (goal <= 1.5)")
    return ratio


if __name__ == "__main__":
    main()
