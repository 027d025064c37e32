"""Typing in the Stakeholders filter box over 10,000 participants (goal: the view updates in
under 50 ms per keystroke). Peer: Qt's own QSortFilterProxyModel.setFilterFixedString over the
same rows held in a QStandardItemModel, measured in the same run."""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

TYPED = ["s", "sh", "shr", "shre", "shres", "shrest", "shresth", "shrestha", "shresth", "shrest", "", "n", "ng", "ngu"]


def keystrokes(set_text, app) -> list[float]:
    times = []
    for text in TYPED:
        start = time.perf_counter()
        set_text(text)
        app.processEvents()  # the view repaints
        times.append(time.perf_counter() - start)
    return times


def main() -> float:
    from large_workshop import write_large_workshop
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from workshop_app.ui.app import create_application
    from workshop_app.ui.main_window import MainWindow

    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        path = write_large_workshop(Path(folder) / "large.workshop", participants=10_000)
        window = MainWindow(remember_state=False)
        window.resize(1280, 800)
        window.open_file(path, page="stakeholders", remember=False)
        window.show()
        app.processEvents()
        page = window.workshop_view.page("stakeholders")
        ours = keystrokes(page.filter_edit.setText, app)

        source = page.participants
        peer_model = QStandardItemModel(source.rowCount(), source.columnCount())
        for row in range(source.rowCount()):
            for column in range(source.columnCount()):
                peer_model.setItem(row, column, QStandardItem(source.index(row, column).data()))
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(peer_model)
        proxy.setFilterKeyColumn(-1)
        proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        view = QTableView()
        view.setModel(proxy)
        view.resize(1100, 700)
        view.show()
        app.processEvents()
        peer = keystrokes(proxy.setFilterFixedString, app)
        window.close()
    ratio = statistics.median(ours) / statistics.median(peer)
    print(f"filter 10,000 participants: ours median {statistics.median(ours) * 1000:.1f} ms, worst "
          f"{max(ours) * 1000:.1f} ms (goal < 50 ms); QSortFilterProxyModel over QStandardItemModel "
          f"{statistics.median(peer) * 1000:.1f} ms; ratio {ratio:.2f}")
    return ratio


if __name__ == "__main__":
    main()
