"""The hostile spreadsheets of issue 12: seconds and peak memory of the command line on each.

Ours: `workshop-app import-participants` (or `import-matrix`) in a child process, timed from
outside, with its peak memory (ru_maxrss of the child). Peer: the same command line on an
ordinary list of the same used size (the three people every hostile file holds), and openpyxl's
own read-only load of that list in a child process, as what reading three rows costs anyway.
Goal: each hostile file answers (imports or refuses in one sentence) within 10 s and 500 MB.
Before the fix (same machine): 49 million empty cells 60 s+ and 600 MB, 2 GiB of spaces 60 s+
and 2.6 GB, merged ranges to the last row 60 s+ (all stopped at 60 s).
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.reliability import hostile_files as hostile  # noqa: E402
from workshop_app.models.document import WorkshopDocument  # noqa: E402

# Starts the command from a process of a few megabytes and prints the command's own peak: a
# child forked (or spawned) from this process would count this process's memory as its own.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status))
"""


def child(*args) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of the command line run with these arguments."""
    result = subprocess.run([sys.executable, "-c", _LAUNCHER, *map(str, args)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    seconds, peak, code = result.stdout.split()
    return float(seconds), float(peak), int(code)


def fresh_workshop(folder: Path, name: str) -> Path:
    path = folder / f"{name}.workshop"
    WorkshopDocument.create(path, title="Benchmark", country="NP").close()
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        ordinary = hostile.workbook(folder / "ordinary.xlsx", hostile.SHEET_START + hostile.people_rows().encode()
                                    + b"</sheetData></worksheet>")
        peer_openpyxl = child("-c", "import sys; from openpyxl import load_workbook; "
                                    "list(load_workbook(sys.argv[1], read_only=True).active.values)", ordinary)
        peer_ours = child("-m", "workshop_app", "import-participants", fresh_workshop(folder, "peer"), ordinary)
        print(f"{'ordinary list (peer: openpyxl read-only)':48} {peer_openpyxl[0]:6.2f} s {peer_openpyxl[1]:6.0f} MB")
        print(f"{'ordinary list (peer: our import)':48} {peer_ours[0]:6.2f} s {peer_ours[1]:6.0f} MB")
        files = {
            "2,000 merged ranges to row 1,048,576": hostile.merged_to_the_last_row(folder / "merged.xlsx"),
            "1.4 million formatted empty cells": hostile.empty_cells(folder / "styled.xlsx", 1_400_000,
                                                                     styled_rows=True),
            "49 million empty cells": hostile.empty_cells(folder / "empty.xlsx"),
            "sheet of 2 GiB of spaces": hostile.whitespace_sheet(folder / "spaces.xlsx"),
            "sheet of 2 GiB declared as 4 KB": hostile.whitespace_sheet(folder / "lying.xlsx", declared=4096),
            "shared strings of 2 GiB of spaces": hostile.whitespace_strings(folder / "strings.xlsx"),
            "CSV of 2 GiB": hostile.whitespace_csv(folder / "big.csv"),
        }
        for label, path in files.items():
            seconds, peak, code = child("-m", "workshop_app", "import-participants",
                                        fresh_workshop(folder, path.stem), path)
            print(f"{label:48} {seconds:6.2f} s {peak:6.0f} MB  exit {code}  "
                  f"ratio to openpyxl's ordinary read {seconds / peer_openpyxl[0]:.1f}")
        demo = folder / "demo.workshop"
        child("-m", "workshop_app", "demo", demo)
        exported = folder / "road map.xlsx"
        child("-m", "workshop_app", "export", demo, exported, "--what", "roadmap")
        bomb = hostile.bombed_record(exported, folder / "record.xlsx")
        seconds, peak, code = child("-m", "workshop_app", "import-matrix", demo, bomb)
        print(f"{'export record of 1 GiB':48} {seconds:6.2f} s {peak:6.0f} MB  exit {code}  "
              f"ratio to openpyxl's ordinary read {seconds / peer_openpyxl[0]:.1f}")


if __name__ == "__main__":
    main()
