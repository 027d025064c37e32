"""One field edit committed, with its undo record, on a 2,000-participant file.

Peer: the same UPDATE through bare sqlite3 with the same durability settings (journal DELETE,
synchronous FULL), i.e. the cost of the commit itself. Goal: median under 5 ms.
"""

import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EDITS = 200


def main() -> float:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from large_workshop import write_large_workshop

    from workshop_app.models.document import WorkshopDocument

    with tempfile.TemporaryDirectory() as folder:
        path = write_large_workshop(Path(folder) / "large.workshop")
        ours, bare = [], []
        with WorkshopDocument.open(path) as document:
            people = [row[0] for row in document.query("SELECT id FROM participant LIMIT ?", [EDITS])]
            undo_records = []
            for index, person in enumerate(people):
                start = time.perf_counter()
                change = document.plan_update("participant", person, title=f"Director {index}")
                document.apply(change)
                undo_records.append(change.inverse())
                ours.append(time.perf_counter() - start)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        for index, person in enumerate(people):
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.execute("UPDATE participant SET title = ? WHERE id = ?", (f"Officer {index}", person))
            conn.execute("COMMIT")
            bare.append(time.perf_counter() - start)
        conn.close()
    median = statistics.median(ours) * 1000
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"field edit with undo record: median {median:.2f} ms (goal < 5 ms), "
          f"bare sqlite3 UPDATE+COMMIT {statistics.median(bare) * 1000:.2f} ms, ratio {ratio:.2f}")
    return ratio


if __name__ == "__main__":
    main()
