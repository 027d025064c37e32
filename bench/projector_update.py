"""After an edit on a 500-action road map, the projector shows the change (goal: under 50 ms).
Peer: a bare QTextBrowser given the same HTML with setHtml, in the same run."""

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
EDITS = 30


def main() -> float:
    from large_workshop import write_large_workshop
    from PySide6.QtWidgets import QTextBrowser

    from workshop_app.ui.app import create_application
    from workshop_app.ui.main_window import MainWindow

    app = create_application()
    with tempfile.TemporaryDirectory() as folder:
        path = write_large_workshop(Path(folder) / "large.workshop", actions=500)
        window = MainWindow(remember_state=False)
        window.open_file(path, page="roadmap", remember=False)
        window.show()
        window.toggle_projector(True)
        projector = window.projector
        projector.resize(1920, 1080)
        document = window.session.document
        action = document.rows("roadmap_node", "level = 'action'", order_by="position")[0]
        page = window.workshop_view.page("roadmap")
        page.tree.setCurrentIndex(page.model.index_of(action["id"]))
        app.processEvents()
        ours = []
        for edit in range(EDITS):
            title = f"Action title, edit {edit}"
            start = time.perf_counter()
            window.session.perform(document.plan_update("roadmap_node", action["id"], title=title))
            projector.browser.repaint()
            app.processEvents()
            ours.append(time.perf_counter() - start)
            assert title in projector.browser.toPlainText()
        html = projector.browser.toHtml()
        peer_view = QTextBrowser()
        peer_view.resize(1920, 1080)
        peer_view.show()
        peer = []
        for _ in range(EDITS):
            start = time.perf_counter()
            peer_view.setHtml(html)
            peer_view.repaint()
            app.processEvents()
            peer.append(time.perf_counter() - start)
        window.close()
    ratio = statistics.median(ours) / statistics.median(peer)
    print(f"projector after an edit, 500 actions: ours median {statistics.median(ours) * 1000:.1f} ms, worst "
          f"{max(ours) * 1000:.1f} ms (goal < 50 ms); bare QTextBrowser.setHtml {statistics.median(peer) * 1000:.1f} "
          f"ms; ratio {ratio:.2f}")
    return ratio


if __name__ == "__main__":
    main()
