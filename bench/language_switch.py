"""Switching the window's language with the demo open on its road map, until the page shows
again, against building a bare QMainWindow with the same menus (the least a window in a new
language must do). Both timed in the same process, after one warm-up each.
Goal (issue "four languages"): the open page repainted in under 200 ms.
"""

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
RUNS = 7
LANGUAGES = ("fr", "ar", "es", "en")


def main() -> float:
    from PySide6.QtWidgets import QMainWindow

    from workshop_app.models.demo import write_demo
    from workshop_app.ui.app import create_application
    from workshop_app.ui.main_window import MainWindow

    app = create_application(language="en")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.workshop"
        write_demo(path).close()
        window = MainWindow(remember_state=False)
        window.resize(1280, 800)
        window.open_file(path, page="roadmap", remember=False)
        window.show()
        app.processEvents()

        def ours(language: str) -> float:
            start = time.perf_counter()
            window.switch_language(language)
            window.workshop_view.page("roadmap").repaint()
            app.processEvents()
            return time.perf_counter() - start

        def bare(_language: str) -> float:
            start = time.perf_counter()
            other = QMainWindow()
            for title in ("File", "Edit", "View", "Help"):
                menu = other.menuBar().addMenu(title)
                for number in range(10):
                    menu.addAction(f"{title} {number}")
            other.resize(1280, 800)
            other.show()
            other.repaint()
            app.processEvents()
            elapsed = time.perf_counter() - start
            other.close()
            other.deleteLater()
            return elapsed

        ours("fr"), bare("fr")  # warm-up: the first switch loads each catalog
        ours_times, bare_times = [], []
        for run in range(RUNS):
            language = LANGUAGES[run % len(LANGUAGES)]
            ours_times.append(ours(language))
            bare_times.append(bare(language))
        window.close()
    median_ours, median_bare = statistics.median(ours_times), statistics.median(bare_times)
    ratio = median_ours / median_bare
    print(f"switch language with the road map open: ours {median_ours * 1000:.0f} ms (goal < 200 ms), "
          f"bare QMainWindow with menus {median_bare * 1000:.0f} ms, ratio {ratio:.2f}")
    return ratio


if __name__ == "__main__":
    main()
