"""Agenda PDF for a 60-session agenda (3 days; bench/large_workshop.py).

Ours: write_agenda_pdf, the whole export (read the document, compute the times, lay out one day
per page with the running header and "Page x of y", write beside the target, rename).
Peer: reportlab writing a plain table of the same rows (day, times, session, type, track, room,
facilitator, speakers) in the same embedded font, with a repeated header row, from lists
prepared before the clock starts: what a hand-written report would do.
"""

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 5


def main() -> float:
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from large_workshop import write_large_workshop

    from workshop_app.export.agenda.contents import agenda_days
    from workshop_app.export.agenda.pdf import write_agenda_pdf
    from workshop_app.models.document import WorkshopDocument

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = write_large_workshop(folder / "large.workshop")
        with WorkshopDocument.open(path, readonly=True) as document:
            ours = _timed(lambda: write_agenda_pdf(document, folder / "ours.pdf"))
            facilitator = _timed(lambda: write_agenda_pdf(document, folder / "facilitator.pdf", facilitator=True))
            rows = [[day.label, session.times, session.title, session.type_label, session.track, session.room,
                     session.facilitator.label if session.facilitator else "",
                     ", ".join(person.label for person in session.speakers)]
                    for day in agenda_days(document) for session in day.sessions]
        peer = _timed(lambda: _plain_table(folder / "peer.pdf", rows))

    ratio = ours / peer
    print(f"agenda PDF, {len(rows)} sessions (best of {RUNS}): ours {ours * 1000:.0f} ms "
          f"(facilitator's version {facilitator * 1000:.0f} ms)")
    print(f"  reportlab plain table of the same rows {peer * 1000:.0f} ms; ratio ours/plain table {ratio:.2f}")
    return ratio


def _timed(action, runs: int = RUNS) -> float:
    """Best of `runs`: the least disturbed by whatever else the machine is doing."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _plain_table(path: Path, rows: list[list[str]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from workshop_app.export.pdf.fonts import BODY_FONT, register_fonts

    register_fonts()
    header = ["Day", "Time", "Session", "Type", "Track", "Room", "Facilitator", "Speakers"]
    table = Table([header, *rows], repeatRows=1, style=TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("GRID", (0, 0), (-1, -1), 0.5, "#9aa5b1"),
    ]))
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=BODY_FONT).build([table])


if __name__ == "__main__":
    main()
