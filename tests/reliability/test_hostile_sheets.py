"""Nothing a sheet contains can crash the program, hang it or damage a workshop (issue 12).

Each hostile file of the issue is made here, a few megabytes at most on disk, and imported with
the real command line in a child process whose memory is capped (MEMORY_LIMIT): the answer
is a correct import (exit 0) or one sentence naming the file (exit 2), never a traceback, and
a refused file leaves the workshop exactly as it was. The timeout only guards against a hang:
how fast the answers are is measured in bench/hostile_sheets.py.
"""

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability import hostile_files as hostile
from workshop_app.models.document import WorkshopDocument

# Address space for the child: Python, openpyxl and SQLite take about 250 MB of it for an
# ordinary import; the files took 2.9 to 6.2 GB.
MEMORY_LIMIT = 500 * 1024 * 1024
HANG_GUARD = 60  # seconds


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_capped(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workshop_app", *map(str, args)], capture_output=True, text=True,
                          timeout=HANG_GUARD, preexec_fn=_cap_memory, cwd=Path(__file__).resolve().parents[2])


def assert_refused(result: subprocess.CompletedProcess, file_name: str, workshop: Path, before: bytes) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith(f"workshop-app: {file_name}: "), lines[0]
    assert workshop.read_bytes() == before


def participant_names(workshop: Path) -> list[str]:
    with WorkshopDocument.open(workshop, readonly=True) as document:
        return sorted(row["name"] for row in document.rows("participant"))


@pytest.fixture
def workshop(tmp_path) -> Path:
    path = tmp_path / "list.workshop"
    WorkshopDocument.create(path, title="Atelier", country="MG", start_date="2027-05-04", days=1).close()
    return path


def test_an_ordinary_list_imports_within_the_memory_limit(workshop, tmp_path):
    sheet = hostile.SHEET_START + hostile.people_rows().encode() + b"</sheetData></worksheet>"
    result = run_capped("import-participants", workshop, hostile.workbook(tmp_path / "list.xlsx", sheet))
    assert result.returncode == 0, result.stderr
    assert participant_names(workshop) == ["Amina Benali", "Ram Gurung", "Sita Rai"]


def test_merged_ranges_down_to_the_last_row_import_the_list(workshop, tmp_path):
    result = run_capped("import-participants", workshop, hostile.merged_to_the_last_row(tmp_path / "merged.xlsx"))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert participant_names(workshop) == ["Amina Benali", "Ram Gurung", "Sita Rai"]


def test_a_sheet_formatted_far_below_the_list_imports_the_list(workshop, tmp_path):
    path = hostile.empty_cells(tmp_path / "formatted.xlsx", 1_400_000, styled_rows=True)
    result = run_capped("import-participants", workshop, path)
    assert result.returncode == 0, result.stderr
    assert participant_names(workshop) == ["Amina Benali", "Ram Gurung", "Sita Rai"]


@pytest.mark.parametrize("make", [
    pytest.param(lambda path: hostile.empty_cells(path), id="49 million empty cells"),
    pytest.param(lambda path: hostile.whitespace_sheet(path), id="sheet of 2 GiB of spaces"),
    pytest.param(lambda path: hostile.whitespace_sheet(path, declared=4096), id="2 GiB declared as 4 KB"),
    pytest.param(lambda path: hostile.whitespace_strings(path), id="shared strings of 2 GiB of spaces"),
])
def test_a_workbook_that_unpacks_to_gigabytes_is_refused(workshop, tmp_path, make):
    path = make(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 4 * hostile.MIB
    before = workshop.read_bytes()
    assert_refused(run_capped("import-participants", workshop, path), "bomb.xlsx", workshop, before)


def test_a_csv_of_gigabytes_is_refused(workshop, tmp_path):
    path = hostile.whitespace_csv(tmp_path / "list.csv")
    before = workshop.read_bytes()
    assert_refused(run_capped("import-participants", workshop, path), "list.csv", workshop, before)


def test_a_csv_of_spaces_only_is_refused(workshop, tmp_path):
    path = tmp_path / "spaces.csv"
    path.write_bytes(b" " * (20 * hostile.MIB))
    before = workshop.read_bytes()
    result = run_capped("import-participants", workshop, path)
    assert_refused(result, "spaces.csv", workshop, before)
    assert "empty" in result.stderr


def test_a_road_map_workbook_whose_export_record_unpacks_to_a_gigabyte_is_refused(demo_path, tmp_path):
    exported = tmp_path / "road map.xlsx"
    assert run_capped("export", demo_path, exported, "--what", "roadmap").returncode == 0
    path = hostile.bombed_record(exported, tmp_path / "bomb.xlsx")
    before = demo_path.read_bytes()
    assert_refused(run_capped("import-matrix", demo_path, path), "bomb.xlsx", demo_path, before)
