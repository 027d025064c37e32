"""Import a 5,000-row participant list (.xlsx) into a fresh workshop.

Peer: openpyxl alone reading the same sheet's values in read-only mode (load_workbook +
iter_rows(values_only=True)), measured in the same run. Ours: plan_participant_import (find the
header, clean every cell, match organizations and duplicates, plan one undoable Change) plus
document.apply (one transaction). Goal: ratio ours/openpyxl <= 1.2.

Two files are measured: as openpyxl writes it (text stored in each cell) and as Excel writes
it (text in a shared-strings table, which openpyxl reads faster, so our own work weighs more).
Ours reads the sheet with openpyxl's read-only parser too, but takes its own short path for
text and plain numbers (see workshop_app/models/sheets/xlsx.py): that is where it wins back the
time that matching people and organizations and writing 5,300 rows (about 90 ms) cost.
"""

import gc
import random
import re
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from workshop_app.models.document import WorkshopDocument  # noqa: E402
from workshop_app.models.participant_import.plan import plan_participant_import  # noqa: E402

ROWS = 5000
RUNS = 7
SHEET = "Participants"
FIRST = ["Sita", "Ram", "Gita", "Hari", "Anita", "Bikash", "सीता", "राम", "Nguyễn Thị", "Amina", "Élodie", "Juan",
         "Fatima", "Kumari", "Rajesh", "Mariam"]
LAST = ["Shrestha", "Gurung", "Tamang", "Rai", "Thapa", "श्रेष्ठ", "Trần", "Rakoto", "García", "Benali", "KC",
        "Adhikari", "Sharma", "Pandey"]
ORGANIZATIONS = (
    [f"Ministry of Labour, Employment and Social Security, Division {i} (MoLESS-{i})" for i in range(60)]
    + [f"District Labour Office {i}" for i in range(80)]
    + [f"General Federation of Trade Unions, Branch {i} (GEFONT-{i})" for i in range(40)]
    + [f"Chamber of Commerce and Industry, Chapter {i}" for i in range(40)]
    + [f"NGO Network for Children {i}" for i in range(60)]
    + ["International Labour Organization (ILO)", "UNICEF", "IOM", "UN Women", "Embassy of Norway"]
)
TITLES = ["Under Secretary", "Joint Secretary", "Section Officer", "Programme Officer", "Director", "Labour Inspector",
          "Chairperson", "Coordinator", "Senior Officer, Child Labour Section"]


def write_list(path: Path, rows: int = ROWS) -> Path:
    """A list the way ministries send them: a title, a blank row, then the table; people grouped
    by organization with the organization cell merged down over each group."""
    from openpyxl import Workbook

    rng = random.Random(87)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(["National planning workshop on child labour and forced labour"])
    sheet.merge_cells("A1:I1")
    sheet.append(["List of participants - Kathmandu, 9-11 March 2027"])
    sheet.append([])
    sheet.append(["S.N.", "Full name", "Sex", "Organization", "Designation", "E-mail", "Mobile", "Language",
                  "Signature"])
    number = 0
    while number < rows:
        organization = rng.choice(ORGANIZATIONS)
        group = min(rng.randint(1, 6), rows - number)
        top = sheet.max_row + 1
        for member in range(group):
            number += 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}"
            sheet.append([number, name, rng.choice(["F", "M", "Female", "male", "", "M"]),
                          organization if member == 0 else None, rng.choice(TITLES),
                          f"person{number}@example.org" if rng.random() < 0.8 else None,
                          9779841000000 + number if rng.random() < 0.9 else None,
                          rng.choice(["English", "Nepali", "ne", "en", ""]), None])
        if group > 1:
            sheet.merge_cells(start_row=top, start_column=4, end_row=top + group - 1, end_column=4)
    workbook.save(path)
    return path


_INLINE = re.compile(rb'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t>'
                     rb'</is></c>', re.S)


def with_shared_strings(source: Path, target: Path) -> Path:
    """The same workbook with its text in a shared-strings table, as Excel saves it."""
    strings: dict[bytes, int] = {}

    def share(match: re.Match) -> bytes:
        index = strings.setdefault(match.group(3), len(strings))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2), index)

    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE.sub(share, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                                 b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                                                 b"</Types>")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://schemas.'
                                                         b'openxmlformats.org/officeDocument/2006/relationships/'
                                                         b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
            copy.writestr(item, data)
        table = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in strings)
        copy.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                                              b'main" count="%d" uniqueCount="%d">%s</sst>'
                      % (len(strings), len(strings), table))
    return target


def openpyxl_alone(path: Path) -> int:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    rows = list(workbook[SHEET].iter_rows(values_only=True))
    workbook.close()
    return len(rows)


def ours(path: Path, workshop: Path) -> float:
    with WorkshopDocument.open(workshop) as document:
        start = time.perf_counter()
        plan = plan_participant_import(document, path)
        document.apply(plan.change)
        elapsed = time.perf_counter() - start
        assert plan.report.added == ROWS, plan.report.lines()
    return elapsed


def measure(path: Path, folder: Path, label: str) -> float:
    peer_times, our_times = [], []
    for run in range(RUNS):
        workshop = folder / f"{label}-{run}.workshop"
        WorkshopDocument.create(workshop, title="Benchmark", country="NP").close()
        gc.collect()
        start = time.perf_counter()
        openpyxl_alone(path)
        peer_times.append(time.perf_counter() - start)
        gc.collect()
        our_times.append(ours(path, workshop))
    peer, mine = statistics.median(peer_times), statistics.median(our_times)
    ratio = mine / peer
    print(f"import {ROWS} participants, {label}: ours (plan + apply) median {mine * 1000:.0f} ms, "
          f"openpyxl read-only values {peer * 1000:.0f} ms, ratio {ratio:.2f} (goal <= 1.2)")
    return ratio


def main() -> float:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        written = write_list(folder / "participants.xlsx")
        excel_like = with_shared_strings(written, folder / "participants-shared-strings.xlsx")
        ratio = measure(written, folder, "openpyxl-written file")
        measure(excel_like, folder, "Excel-style shared strings")
    return ratio


if __name__ == "__main__":
    main()
