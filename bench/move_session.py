"""Moving a session in a 60-session agenda: the document change, the times recomputed and the
page repainted (goal: under 30 ms). Peer: a QTreeView over a QStandardItemModel of the same 60
rows moving one row (takeRow/insertRow) and repainting, in the same run."""

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
MOVES = 40


def main() -> float:
    from large_workshop import write_large_workshop
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTreeView

    from workshop_app.models.agenda.schedule import plan_shift_session
    from workshop_app.ui.app import create_application
    from workshop_app.ui.main_window import MainWindow

    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        path = write_large_workshop(Path(folder) / "large.workshop", sessions=60)
        window = MainWindow(remember_state=False)
        window.resize(1280, 800)
        window.open_file(path, page="agenda", remember=False)
        window.show()
        app.processEvents()
        page = window.workshop_view.page("agenda")
        document = window.session.document
        moving = document.rows("session", "slot = 3")[0]["id"]
        ours = []
        for move in range(MOVES):
            start = time.perf_counter()
            window.session.perform(plan_shift_session(document, moving, 1 if move % 2 == 0 else -1))
            page.repaint()
            app.processEvents()
            ours.append(time.perf_counter() - start)

        model = QStandardItemModel()
        for row in range(60):
            model.appendRow([QStandardItem(f"{9 + row // 6:02d}:{row % 6 * 10:02d}"), QStandardItem(f"Session {row}"),
                             QStandardItem("Plenary"), QStandardItem(""), QStandardItem("Room"), QStandardItem("45")])
        view = QTreeView()
        view.setModel(model)
        view.resize(1000, 700)
        view.show()
        app.processEvents()
        peer = []
        for move in range(MOVES):
            start = time.perf_counter()
            source, target = (3, 4) if move % 2 == 0 else (4, 3)
            model.insertRow(target, model.takeRow(source))
            view.repaint()
            app.processEvents()
            peer.append(time.perf_counter() - start)
        window.close()
    ratio = statistics.median(ours) / statistics.median(peer)
    print(f"move a session in a 60-session agenda: ours median {statistics.median(ours) * 1000:.1f} ms, worst "
          f"{max(ours) * 1000:.1f} ms (goal < 30 ms); QStandardItemModel row move {statistics.median(peer) * 1000:.1f} "
          f"ms; ratio {ratio:.2f}")
    return ratio


if __name__ == "__main__":
    main()
