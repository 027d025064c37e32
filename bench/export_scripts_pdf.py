"""Sign-in sheet of 2,000 participants whose names are written in the eighteen scripts of the
test sheet (tests/export/script_sheet.py), one day.

Ours: write_signin_pdf, the whole export, every name through the shaping engine
(export/pdf/shaped.py: bidirectional levels, a font per script, HarfBuzz, ActualText per word).
Peer: reportlab's own Paragraph with shaping on, each run of a name in the font of its script
(<font> markup), in a plain table of the same rows: what the program did before, which printed
right-to-left words in the wrong order and extracted as glyphs. Both in the same run, best of 3.
"""

import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RUNS = 3
PEOPLE = 2000


def main() -> float:
    sys.path.insert(0, str(ROOT))
    from tests.export.script_sheet import SCRIPTS, write_script_sheet
    from workshop_app.export.stakeholders.signin_sheet import write_signin_pdf
    from workshop_app.models.document import WorkshopDocument

    names = [f"{name} {index}" for index in range(PEOPLE // len(SCRIPTS) + 1)
             for name, _ in SCRIPTS.values()][:PEOPLE]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = write_script_sheet(folder / "scripts.workshop")
        with WorkshopDocument.open(path) as document:
            for name in names[len(SCRIPTS):]:
                document.insert("participant", name=name)
            ours = _timed(lambda: write_signin_pdf(document, folder / "ours.pdf", day=1))
        peer = _timed(lambda: _reportlab_shaped(folder / "peer.pdf", names))
    ratio = ours / peer
    print(f"sign-in sheet, {PEOPLE:,} names in 18 scripts: ours {ours:.2f} s, reportlab's shaped Paragraph "
          f"{peer:.2f} s, ratio {ratio:.2f}")
    return ratio


def _reportlab_shaped(path: Path, names: list[str]) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from workshop_app.export.pdf import fonts

    fonts.register_fonts()
    style = ParagraphStyle("cell", fontName=fonts.BODY_FONT, fontSize=8.5, leading=10.5, shaping=1)

    def marked(name: str) -> str:
        return "".join(f'<font face="{fonts.font_for(script)}">{escape(piece)}</font>'
                       for script, piece in fonts.runs(name))

    rows = [[str(number), Paragraph(marked(name), style), "", "", "", ""] for number, name in enumerate(names, 1)]
    table = Table([["No.", "Name", "Organization", "Title", "Sex", "Signature"], *rows], repeatRows=1,
                  colWidths=[30, 180, 180, 120, 50, 200], rowHeights=[None] + [30] * len(rows))
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build([table])


def _timed(action) -> float:
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


if __name__ == "__main__":
    main()
