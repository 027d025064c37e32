"""Pulling the plug: a child process is killed with SIGKILL at a random moment while it imports
participants, re-imports a road-map workbook, makes a burst of edits, exports or saves a copy.
Afterwards the file must open in the program, pass SQLite's integrity check and `check`, hold
every edit the child reported committed, and hold an import entirely or not at all.

The default run makes about ten trials; `make soak` (PATHFINDER_SOAK=1) makes 300. The kill
moments come from a seeded generator (PATHFINDER_SEED to change it); figures are reported in
the terminal summary.
"""

import csv
import os
import random
import shutil
import signal
import zipfile

import pytest
from openpyxl import load_workbook

from tests.reliability.kill_children import Burst, file_state
from tests.reliability.kill_trials import (
    FIGURES,
    SOAK,
    child,
    digest,
    kill_moment,
    program,
    recover_and_check,
    run_and_kill,
    timed_run,
)
from workshop_app.models.document import WorkshopDocument

SEED = int(os.environ.get("PATHFINDER_SEED", "87"))
TRIALS = ({"participant import": 60, "workbook re-import": 60, "edits": 60, "export": 60, "save a copy": 60,
           "merge": 60} if SOAK
          else {"participant import": 2, "workbook re-import": 2, "edits": 3, "export": 2, "save a copy": 1,
                "merge": 2})
PEOPLE = 3000
BURST = 300
ROADMAP_TABLES = ("roadmap_node", "action_partner", "indicator", "organization", "plenary_comment", "merged_handout",
                  "merged_change")


def trials(operation, tmp_path, demo, problems, count=None):
    """Yield (number, folder, workshop, rng) for each trial, each in a folder of its own holding
    a fresh copy of the demo workshop; a folder is kept only when its trial added to `problems`."""
    rng = random.Random(f"{SEED} {operation} {tmp_path.name}")
    for number in range(TRIALS[operation] if count is None else count):
        folder = tmp_path / f"trial {number}"
        folder.mkdir()
        workshop = folder / "Nepal.workshop"
        shutil.copyfile(demo, workshop)
        FIGURES.by_operation[operation] = FIGURES.by_operation.get(operation, 0) + 1
        found = len(problems)
        yield number, folder, workshop, rng
        if len(problems) == found:
            shutil.rmtree(folder)


def read(path, projection):
    with WorkshopDocument.open(path, readonly=True) as document:
        return projection(document)


def people(document):
    return (sorted(document.query("SELECT name, email FROM participant")),
            sorted(document.query("SELECT name FROM organization")))


def roadmap(document):
    return {table: sorted(repr(sorted(row.items())) for row in document.rows(table)) for table in ROADMAP_TABLES}


def everything(document):
    tables = [name for (name,) in document.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")]
    return {table: document.query(f"SELECT * FROM [{table}] ORDER BY rowid") for table in tables}


def judge(problems, number, delay, check, *arguments):
    """Run one trial's checks; a failed check is recorded, so that the figures count every trial."""
    try:
        check(*arguments)
    except AssertionError as error:
        problems.append(f"trial {number}, killed after {delay:.3f}s: {error}")


def an_import(number, delay, outcome, found, before, after, problems):
    if found == after:
        FIGURES.imports_whole += 1
    elif found == before:
        FIGURES.imports_absent += 1
        if outcome.finished:
            FIGURES.losses += 1
            problems.append(f"trial {number}: the import ended ({outcome.returncode}) but is not in the file")
    else:
        FIGURES.half_imports += 1
        problems.append(f"trial {number}, killed after {delay:.3f}s: the file holds part of the import")


def test_kill_during_participant_import(_demo_master, tmp_path):
    sheet = tmp_path / "invitation list.csv"
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Name", "Sex", "Organization", "Email", "Title"])
        for number in range(PEOPLE):
            writer.writerow([f"Invitee {number} Shrestha", "FM"[number % 2], f"Organization {number % 97}",
                             f"invitee{number}@example.org", "Officer"])
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    shutil.copyfile(_demo_master, calibration / "Nepal.workshop")
    before = read(calibration / "Nepal.workshop", people)
    first_write, total = timed_run(program("import-participants", "Nepal.workshop", sheet), calibration)
    after = read(calibration / "Nepal.workshop", people)
    assert len(after[0]) == len(before[0]) + PEOPLE
    problems = []
    for number, folder, workshop, rng in trials("participant import", tmp_path, _demo_master, problems):
        delay = kill_moment(rng, first_write, total)
        outcome = run_and_kill(program("import-participants", workshop.name, sheet), delay, folder)
        judge(problems, number, delay, recover_and_check, workshop, folder)
        an_import(number, delay, outcome, read(workshop, people), before, after, problems)
    assert problems == []


def test_kill_during_workbook_reimport(_demo_master, tmp_path):
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    shutil.copyfile(_demo_master, calibration / "Nepal.workshop")
    edited = tmp_path / "road map edited in Excel.xlsx"
    timed_run(program("export", "Nepal.workshop", edited, "--what", "roadmap"), calibration)
    book = load_workbook(edited)
    sheet = book["Road map"]
    headers = [cell.value for cell in sheet[1]]
    title, cost = headers.index("Title") + 1, headers.index("Cost") + 1
    for row in range(2, sheet.max_row + 1):
        sheet.cell(row, title).value = f"{sheet.cell(row, title).value} (revised by the ministry)"
        if isinstance(sheet.cell(row, cost).value, int | float):
            sheet.cell(row, cost).value = sheet.cell(row, cost).value * 2 + 1
    book.save(edited)
    before = read(calibration / "Nepal.workshop", roadmap)
    first_write, total = timed_run(program("import-roadmap", "Nepal.workshop", edited), calibration)
    after = read(calibration / "Nepal.workshop", roadmap)
    assert after != before
    problems = []
    for number, folder, workshop, rng in trials("workbook re-import", tmp_path, _demo_master, problems):
        delay = kill_moment(rng, first_write, total)
        outcome = run_and_kill(program("import-roadmap", workshop.name, edited), delay, folder)
        judge(problems, number, delay, recover_and_check, workshop, folder)
        an_import(number, delay, outcome, read(workshop, roadmap), before, after, problems)
    assert problems == []


def test_kill_during_a_burst_of_edits(_demo_master, tmp_path):
    with WorkshopDocument.open(_demo_master, readonly=True) as document:
        model = Burst.of(document)
    # What the file must hold after 0, 1, ... BURST committed steps of the seeded burst.
    states = [model.state()] + [model.state() for _ in model.steps(SEED, BURST)]
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    shutil.copyfile(_demo_master, calibration / "Nepal.workshop")
    first_write, total = timed_run(child("edits", "Nepal.workshop", SEED, BURST), calibration)
    assert read(calibration / "Nepal.workshop", file_state) == states[BURST]
    problems = []
    for number, folder, workshop, rng in trials("edits", tmp_path, _demo_master, problems):
        delay = kill_moment(rng, first_write, total)
        outcome = run_and_kill(child("edits", workshop.name, SEED, BURST), delay, folder)
        committed = outcome.stdout.count("committed ")
        assert outcome.returncode in (0, -signal.SIGKILL), outcome.stderr  # killed, never failed
        judge(problems, number, delay, recover_and_check, workshop, folder)
        found = read(workshop, file_state)
        # The step in flight when the kill came may have landed too; nothing else may differ.
        if found not in states[committed:committed + 2]:
            FIGURES.losses += 1
            problems.append(f"trial {number}, killed after {delay:.3f}s with {committed} edits committed: "
                            "the file does not hold exactly them")
        FIGURES.committed_edits += committed
    assert problems == []


def complete(path):
    """An export is either absent or whole: a PDF ends with its trailer, a workbook unzips."""
    if path.suffix == ".pdf":
        data = path.read_bytes()
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    with zipfile.ZipFile(path) as archive:
        if archive.testzip() is not None:
            return False
    load_workbook(path, read_only=True).close()
    return True


@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_kill_during_an_export(_demo_master, tmp_path, suffix):
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    shutil.copyfile(_demo_master, calibration / "Nepal.workshop")
    earlier = calibration / f"road map{suffix}"
    first_write, total = timed_run(program("export", "Nepal.workshop", earlier.name, "--what", "roadmap"), calibration)
    problems = []
    for number, folder, workshop, rng in trials("export", tmp_path, _demo_master, problems, TRIALS["export"] // 2):
        out = folder / earlier.name
        if number % 2:  # an export from yesterday under the same name must survive whole, or be replaced whole
            shutil.copyfile(earlier, out)
        before, old = digest(workshop), out.exists() and digest(out)
        delay = kill_moment(rng, first_write, total)
        outcome = run_and_kill(program("export", workshop.name, out.name, "--what", "roadmap"), delay, folder)
        judge(problems, number, delay, export_sound, workshop, before, out, old, outcome)
    assert problems == []


def export_sound(workshop, before, out, old, outcome):
    assert digest(workshop) == before, "the export changed the workshop file"
    assert not workshop.with_name(f"{workshop.name}-journal").exists()
    if outcome.finished:
        assert outcome.returncode == 0, outcome.stderr
        assert out.exists()
    if out.exists() and (not old or digest(out) != old):
        assert complete(out), "a half-written export under the final name"
    recover_and_check(workshop, workshop.parent)


def test_kill_during_save_a_copy(_demo_master, tmp_path):
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    shutil.copyfile(_demo_master, calibration / "Nepal.workshop")
    first_write, total = timed_run(child("copy", "Nepal.workshop", "copy.workshop"), calibration)
    contents = read(calibration / "Nepal.workshop", everything)
    assert read(calibration / "copy.workshop", everything) == contents
    problems = []
    for number, folder, workshop, rng in trials("save a copy", tmp_path, _demo_master, problems):
        copy = folder / "USB stick copy.workshop"
        delay = kill_moment(rng, first_write, total)
        outcome = run_and_kill(child("copy", workshop.name, copy.name), delay, folder)
        judge(problems, number, delay, copy_sound, workshop, copy, contents, outcome)
    assert problems == []


def copy_sound(workshop, copy, contents, outcome):
    recover_and_check(workshop, workshop.parent)
    assert read(workshop, everything) == contents, "saving a copy changed the open file"
    if outcome.finished:
        assert outcome.returncode == 0, outcome.stderr
        assert copy.exists()
    if copy.exists():
        recover_and_check(copy, copy.parent)
        assert read(copy, everything) == contents, "the copy differs from the file"


def test_kill_during_a_merge(_demo_master, tmp_path):
    """A handout in which the group edited every action of its outcome, added actions and a
    comment: the workshop holds all of the merge or none of it."""
    from workshop_app.models.handouts.part import guard_handout
    from workshop_app.models.handouts.writing import outcome_ids, write_handout
    from workshop_app.models.roadmap.editing import plan_add_node
    from workshop_app.models.roadmap.tree import node_codes

    handout = tmp_path / "Group B.workshop"
    master = tmp_path / "Nepal master.workshop"  # the workshop keeps a record of the handouts it writes
    shutil.copyfile(_demo_master, master)
    with WorkshopDocument.open(master) as document:
        write_handout(document, handout, outcome_ids(document, ["2"]), "Group B")
    with WorkshopDocument.open(handout) as document:
        guard_handout(document)
        codes = {code: node for node, code in node_codes(document).items()}
        for code, node in codes.items():
            if code.startswith("2.") and code.count(".") == 2:
                document.apply(document.plan_update("roadmap_node", node, None, title=f"Action {code} (group B)"))
        for number in range(20):
            document.apply(plan_add_node(document, codes["2.1"], "action", position=0, title=f"New {number}"))
    calibration = tmp_path / "calibration"
    calibration.mkdir()
    shutil.copyfile(master, calibration / "Nepal.workshop")
    before = read(calibration / "Nepal.workshop", roadmap)
    first_write, total = timed_run(program("merge", "Nepal.workshop", handout), calibration)
    after = read(calibration / "Nepal.workshop", roadmap)
    assert after != before
    problems = []
    for number, folder, workshop, rng in trials("merge", tmp_path, master, problems):
        delay = kill_moment(rng, first_write, total)
        outcome = run_and_kill(program("merge", workshop.name, handout), delay, folder)
        judge(problems, number, delay, recover_and_check, workshop, folder)
        an_import(number, delay, outcome, read(workshop, merge_projection), before_projection(before),
                  before_projection(after), problems)
    assert problems == []


def merge_projection(document):
    """The road map without the merge's own bookkeeping (its ids and times differ run to run)."""
    return before_projection(roadmap(document))


def before_projection(state):
    return {table: rows for table, rows in state.items() if table not in ("merged_handout", "merged_change")}
