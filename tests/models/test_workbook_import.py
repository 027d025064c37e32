"""Re-importing an edited road-map workbook: exactly what changed, as one undoable step."""

import shutil
import subprocess

import pytest
from openpyxl import Workbook, load_workbook

from workshop_app.export.roadmap_workbook.writer import write_roadmap_xlsx
from workshop_app.export.stakeholders.participants_workbook import write_participants_xlsx
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.tree import action_partners, node_codes
from workshop_app.models.roadmap.workbook.columns import split_partners
from workshop_app.models.roadmap.workbook.reimport import NO_CHANGES, plan_workbook_import
from workshop_app.models.sheets.files import SpreadsheetError

VIETNAMESE_TITLE = "Tăng cường thanh tra lao động"
ROADMAP_TABLES = ("roadmap_node", "action_partner", "indicator", "organization", "plenary_comment")


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


@pytest.fixture
def exported(demo, tmp_path):
    path = tmp_path / "road map.xlsx"
    write_roadmap_xlsx(demo, path)
    return path


def ids(document):
    return {code: node_id for node_id, code in node_codes(document).items()}


def contents(document):
    return {table: sorted(repr(sorted(row.items())) for row in document.rows(table)) for table in ROADMAP_TABLES}


def org_id(document, acronym):
    return document.rows("organization", "acronym = ?", [acronym])[0]["id"]


def edit(path, out, change, sheet_name="Road map", sort=None):
    """Edit a sheet as a user would in Excel: change(rows) gets the rows as {header: value}
    dicts (in place; append or remove rows freely); sort re-orders them. Saved to `out`."""
    book = load_workbook(path)
    sheet = book[sheet_name]
    names = [cell.value for cell in sheet[1]]
    rows = [dict(zip(names, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=2)]
    height = len(rows)
    change(rows)
    if sort:
        rows.sort(key=sort)
    for number, row in enumerate(rows, start=2):
        for column, name in enumerate(names, start=1):
            sheet.cell(number, column).value = row.get(name)
    for number in range(len(rows) + 2, height + 2):
        for column in range(1, len(names) + 1):
            sheet.cell(number, column).value = None
    book.save(out)
    return out


def row_of(rows, code):
    return next(row for row in rows if row["Code"] == code)


def new_row(**values):
    return {"ID": None, "Level": None, **values}


# ---------------------------------------------------------------------------------- round trip

def test_an_unchanged_export_reports_no_changes(demo, exported):
    plan = plan_workbook_import(demo, exported)
    assert plan.report == [NO_CHANGES]
    assert not plan.change and not plan.problems and not plan.conflicts and not plan.kept and not plan.notes


def test_round_trip_reports_exactly_the_edits_and_undo_restores(demo, exported, tmp_path):
    before = contents(demo)
    codes = ids(demo)

    def change(rows):
        row_of(rows, "2.1.3")["Status"] = "Agreed"
        row_of(rows, "1.2.1")["Status"] = "done"  # typed, not picked: still understood
        row_of(rows, "1.1.2")["Title"] = VIETNAMESE_TITLE
        rows.append(new_row(Code="1.2.4", Title="Labour inspection in domestic work", Status="Proposed",
                            **{"Lead organization": "Department of Labour and Occupational Safety (DoLOS)",
                               "Partners": "ILO (support); UN Women (consulted)", "Start": "2028-Q1",
                               "End": "2029-Q4", "Cost": 25000, "Currency": "USD", "Funding secured": 5000,
                               "Gender marker": 2, "Action Group": "Rule of Law and Governance"}))

    edited = edit(exported, tmp_path / "edited.xlsx", change, sort=lambda row: str(row["Title"]).casefold())
    plan = plan_workbook_import(demo, edited)

    assert not plan.problems and not plan.conflicts and not plan.kept and not plan.notes
    assert sorted(plan.report) == sorted([
        "2.1.3 Status: proposed → agreed",
        "1.2.1 Status: agreed → done",
        "1.1.2 Title: “Tripartite consultations on ratification of the Protocol of 2014 to t…” → "
        f"“{VIETNAMESE_TITLE}”",
        "Added action 1.2.4: “Labour inspection in domestic work”",
    ])
    assert contents(demo) == before  # planning writes nothing
    demo.apply(plan.change)  # one step

    now = ids(demo)
    assert demo.get("roadmap_node", codes["2.1.3"])["status"] == "agreed"
    assert demo.get("roadmap_node", codes["1.2.1"])["status"] == "done"
    assert demo.get("roadmap_node", codes["1.1.2"])["title"] == VIETNAMESE_TITLE
    added = demo.get("roadmap_node", now["1.2.4"])
    assert added["parent_id"] == codes["1.2"] and added["level"] == "action"
    assert (added["title"], added["status"], added["start"], added["end"]) == (
        "Labour inspection in domestic work", "proposed", "2028-Q1", "2029-Q4")
    assert (added["cost"], added["currency"], added["funding_secured"], added["gender_marker"]) == (
        25000, "USD", 5000, 2)
    assert added["action_group"] == "rule_of_law" and added["lead_organization_id"] == org_id(demo, "DoLOS")
    assert action_partners(demo, added["id"]) == {org_id(demo, "ILO"): "support", org_id(demo, "UN Women"): "consulted"}
    assert now["1.2.3"] == codes["1.2.3"]  # placed after 1.2.3, nothing renumbered
    # Nothing else changed: the rest of the road map is as it was.
    untouched = {code: node_id for code, node_id in codes.items() if code not in ("2.1.3", "1.2.1", "1.1.2")}
    assert all(now[code] == node_id for code, node_id in untouched.items())

    demo.apply(plan.change.inverse())  # undo
    assert contents(demo) == before


def test_importing_the_same_workbook_twice_adds_nothing_twice(demo, exported, tmp_path):
    edited = edit(exported, tmp_path / "edited.xlsx",
                  lambda rows: rows.append(new_row(Code="1.2.4", Title="A new action")))
    demo.apply(plan_workbook_import(demo, edited).change)
    again = plan_workbook_import(demo, edited)
    assert again.report == [NO_CHANGES] and not again.change
    assert any("already in the workshop" in note for note in again.notes)
    assert again.kept == ["Added action 1.2.4: “A new action”"]


def test_a_new_row_is_placed_by_its_code(demo, exported, tmp_path):
    codes = ids(demo)

    def change(rows):
        rows.insert(0, new_row(Code="1.2.2", Title="Between the first and the second"))
        rows.append(new_row(Code="1.4", Title="A new output"))
        rows.append(new_row(Code="1.4.1", Title="Its first action", Status="Agreed"))

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert not plan.problems
    demo.apply(plan.change)
    now = ids(demo)
    assert demo.get("roadmap_node", now["1.2.2"])["title"] == "Between the first and the second"
    assert now["1.2.3"] == codes["1.2.2"] and now["1.2.4"] == codes["1.2.3"]
    assert demo.get("roadmap_node", now["1.4"])["level"] == "output"
    assert demo.get("roadmap_node", now["1.4.1"])["parent_id"] == now["1.4"]


def test_partners_and_organizations_are_matched_like_the_participant_import(demo, exported, tmp_path):
    def change(rows):
        row_of(rows, "1.1.1")["Lead organization"] = "ilo"
        row_of(rows, "1.1.1")["Partners"] = "KUSL (support); Ministry of Magic (MoM) (funder); unicef"

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert "Organization created: Ministry of Magic (MoM) (Government)" in plan.report
    assert "Organization matched: “ilo” → International Labour Organization, Country Office for Nepal (ILO)" \
        in plan.report
    demo.apply(plan.change)
    action = ids(demo)["1.1.1"]
    assert demo.get("roadmap_node", action)["lead_organization_id"] == org_id(demo, "ILO")
    assert action_partners(demo, action) == {org_id(demo, "KUSL"): "support", org_id(demo, "MoM"): "funder",
                                             org_id(demo, "UNICEF"): "support"}


def test_split_partners():
    assert split_partners("ILO (funder); Maiti Nepal;British Embassy (FCDO) (lead)\nUN Women - consulted") == [
        ("ILO", "funder"), ("Maiti Nepal", "support"), ("British Embassy (FCDO)", "lead"), ("UN Women", "consulted")]


def test_indicators_are_read_back(demo, exported, tmp_path):
    def change(rows):
        rows[0]["Target"] = "80%"
        rows[0]["Target year"] = 2031
        rows.append({"ID": None, "Code": "1.2", "Indicator": "Inspections with a forced labour checklist",
                     "Unit": "%", "Baseline": 0, "Baseline year": 2026})

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change, "Indicators"))
    assert sorted(plan.report) == sorted([
        "1 indicator 1 Target: “75%” → “80%”", "1 indicator 1 Target year: 2030 → 2031",
        "Added indicator to output 1.2: “Inspections with a forced labour checklist”"])
    demo.apply(plan.change)
    added = demo.rows("indicator", "title = ?", ["Inspections with a forced labour checklist"])[0]
    assert (added["node_id"], added["baseline_value"], added["baseline_year"]) == (ids(demo)["1.2"], "0", 2026)


# ---------------------------------------------------------------------------------- problems

def test_a_bad_cell_is_reported_with_its_place_and_nothing_is_applied(demo, exported, tmp_path):
    before = contents(demo)

    def change(rows):
        row_of(rows, "2.1.3")["Status"] = "Agreed"  # valid, but not applied either
        row_of(rows, "1.2.1")["Cost"] = "about 5000"
        row_of(rows, "1.2.2")["Status"] = "finished"
        row_of(rows, "1.2.3")["Start"] = "next year"

    edited = edit(exported, tmp_path / "bad.xlsx", change)
    numbers = {row[1]: number for number, row in enumerate(load_workbook(edited)["Road map"].values)}
    plan = plan_workbook_import(demo, edited)
    assert f"Road map row {numbers['1.2.1'] + 1}, Cost: 'about 5000' is not a number" in plan.problems
    assert any(problem.startswith(f"Road map row {numbers['1.2.2'] + 1}, Status: 'finished' is not a status")
               for problem in plan.problems)
    assert any(problem.startswith(f"Road map row {numbers['1.2.3'] + 1}, Start: 'next year'")
               for problem in plan.problems)
    assert len(plan.problems) == 3
    assert not plan.change  # nothing at all, not even the valid status
    assert plan.lines()[0].startswith("Nothing imported: 3 cells")
    demo.apply(plan.change)
    assert contents(demo) == before


def test_new_rows_need_a_place_that_exists(demo, exported, tmp_path):
    def change(rows):
        rows.append(new_row(Code="9.9.9", Title="Nowhere"))
        rows.append(new_row(Title="No code"))
        rows.append(new_row(Code="1.2.5", Title="Wrong level", Level="Output"))

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert len(plan.problems) == 3 and not plan.change
    assert any("there is no output 9.9 to add action 9.9.9 under" in problem for problem in plan.problems)
    assert any("a new row needs the code of its place" in problem for problem in plan.problems)
    assert any("1.2.5 is the code of an action, not of an output" in problem for problem in plan.problems)


def test_codes_and_levels_of_existing_rows_are_not_moves(demo, exported, tmp_path):
    def change(rows):
        row_of(rows, "1.2.1").update(Code="3.1.9", Level="Output")

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert plan.report == [NO_CHANGES] and not plan.change
    assert len(plan.notes) == 2 and "the code 1.2.1 → 3.1.9 is not applied" in plan.notes[0]


def test_a_copied_row_with_its_id_is_a_problem(demo, exported, tmp_path):
    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx",
                                         lambda rows: rows.append(dict(row_of(rows, "1.1.1")))))
    assert len(plan.problems) == 1 and "the same ID as row" in plan.problems[0] and not plan.change


def test_a_file_that_is_not_the_road_map_workbook(demo, tmp_path):
    write_participants_xlsx(demo, tmp_path / "participants.xlsx")
    with pytest.raises(SpreadsheetError, match=r"^participants\.xlsx: is not a road-map workbook: it has no sheet "
                                               r"'Road map'"):
        plan_workbook_import(demo, tmp_path / "participants.xlsx")
    book = Workbook()
    book.active.title = "Road map"
    book.active.append(["Code", "Title", "Status"])
    book.save(tmp_path / "no id.xlsx")
    with pytest.raises(SpreadsheetError, match=r"^no id\.xlsx: .*no header row with an 'ID'"):
        plan_workbook_import(demo, tmp_path / "no id.xlsx")
    (tmp_path / "notes.xlsx").write_text("not a workbook")
    with pytest.raises(WorkshopError, match=r"^notes\.xlsx: is not an Excel workbook"):
        plan_workbook_import(demo, tmp_path / "notes.xlsx")
    with pytest.raises(WorkshopError, match=r"^gone\.xlsx: no such file"):
        plan_workbook_import(demo, tmp_path / "gone.xlsx")


def test_a_workbook_of_another_workshop_is_refused(demo, document, tmp_path):
    write_roadmap_xlsx(document, tmp_path / "other.xlsx")
    with pytest.raises(SpreadsheetError,
                       match=r"^other\.xlsx: was exported from another workshop \(“Atelier national”\)"):
        plan_workbook_import(demo, tmp_path / "other.xlsx")


# ---------------------------------------------------------------------------------- deletions

def test_a_removed_row_is_deleted_only_when_confirmed(demo, exported, tmp_path):
    before = contents(demo)
    removed = ids(demo)["4.3.4"]
    edited = edit(exported, tmp_path / "e.xlsx", lambda rows: rows.remove(row_of(rows, "4.3.4")))
    line = "Removed in Excel: action 4.3.4 “South–South exchange with other Alliance 8.7 pathfinder countries”"

    plan = plan_workbook_import(demo, edited)
    assert plan.report == [f"{line} — kept; confirm deletions to delete it"]
    assert not plan.change and plan.removed_in_excel == [removed]

    plan = plan_workbook_import(demo, edited, apply_deletions=True)
    assert plan.report == [f"{line} — deleted"]
    demo.apply(plan.change)
    assert demo.get("roadmap_node", removed) is None
    demo.apply(plan.change.inverse())
    assert contents(demo) == before


def test_removing_an_output_with_its_actions(demo, exported, tmp_path):
    output = ids(demo)["4.2"]

    def change(rows):
        rows[:] = [row for row in rows if not str(row["Code"]).startswith("4.2")]

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change), apply_deletions=True)
    assert len(plan.report) == 4  # the output and its three actions
    demo.apply(plan.change)
    assert demo.get("roadmap_node", output) is None
    assert "4.3" not in ids(demo) and ids(demo)["4.2.1"]  # 4.3 moved up


# ---------------------------------------------------------------------------------- both sides

def test_changes_on_both_sides_are_listed_and_only_the_others_applied(demo, exported, tmp_path):
    codes = ids(demo)
    # In the workshop, after the export:
    demo.update("roadmap_node", codes["1.2.1"], status="dropped")
    demo.update("roadmap_node", codes["1.1.1"], cost=50000)

    def change(rows):
        row_of(rows, "1.2.1")["Status"] = "Done"  # conflicts with "dropped"
        row_of(rows, "2.1.3")["Status"] = "Agreed"  # only in Excel: applied

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert plan.report == ["2.1.3 Status: proposed → agreed"]
    assert len(plan.conflicts) == 1
    conflict = plan.conflicts[0]
    assert (conflict.sheet, conflict.column, conflict.code, conflict.field) == ("Road map", "Status", "Action 1.2.1",
                                                                                "status")
    assert (conflict.excel, conflict.workshop, conflict.exported) == ("done", "dropped", "agreed")
    assert str(conflict).endswith("Excel done, the workshop dropped (exported as agreed); the workshop's value is kept")
    assert any("Action 1.1.1: cost" in line for line in plan.kept)
    demo.apply(plan.change)
    assert demo.get("roadmap_node", codes["1.2.1"])["status"] == "dropped"
    assert demo.get("roadmap_node", codes["1.1.1"])["cost"] == 50000  # kept
    assert demo.get("roadmap_node", codes["2.1.3"])["status"] == "agreed"


def test_the_same_change_on_both_sides_is_no_conflict(demo, exported, tmp_path):
    demo.update("roadmap_node", ids(demo)["2.1.3"], status="agreed")
    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx",
                                         lambda rows: row_of(rows, "2.1.3").update(Status="Agreed")))
    assert plan.report == [NO_CHANGES] and not plan.conflicts and not plan.change


def test_a_row_removed_on_one_side_and_edited_on_the_other(demo, exported, tmp_path):
    codes = ids(demo)
    demo.update("roadmap_node", codes["4.3.4"], status="agreed")
    from workshop_app.models.roadmap.editing import plan_delete_node
    demo.apply(plan_delete_node(demo, codes["3.3.3"]))

    def change(rows):
        rows.remove(row_of(rows, "4.3.4"))
        row_of(rows, "3.3.3")["Status"] = "Agreed"

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change), apply_deletions=True)
    kinds = sorted(conflict.kind for conflict in plan.conflicts)
    assert kinds == ["removed in Excel", "removed in the workshop"]
    assert not plan.change


def test_a_renamed_organization_still_matches_the_exported_name(demo, exported, tmp_path):
    demo.update("organization", org_id(demo, "ILO"), name="International Labour Organization", acronym="ILO")
    plan = plan_workbook_import(demo, exported)
    assert plan.report == [NO_CHANGES] and not plan.conflicts


def test_a_workbook_exported_from_a_version(demo, tmp_path):
    from workshop_app.models.roadmap.versions import plan_freeze_version

    codes = ids(demo)
    demo.apply(plan_freeze_version(demo, "Validated"))
    write_roadmap_xlsx(demo, tmp_path / "validated.xlsx", version="Validated")
    demo.update("roadmap_node", codes["1.2.1"], status="dropped")  # the draft moved on
    edited = edit(tmp_path / "validated.xlsx", tmp_path / "e.xlsx",
                  lambda rows: row_of(rows, "1.2.2").update(Status="Agreed"))
    plan = plan_workbook_import(demo, edited)
    assert plan.report == ["1.2.2 Status: proposed → agreed"]
    assert plan.kept == ["Action 1.2.1: status Agreed → Dropped"]
    assert plan.notes == ["The workbook was exported from version “Validated”."]


def test_without_the_export_record_every_difference_is_an_edit_in_excel(demo, exported, tmp_path):
    book = load_workbook(exported)
    del book["Export record"]
    sheet = book["Road map"]
    names = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[names.index("Code")].value == "2.1.3":
            row[names.index("Status")].value = "Done"
    book.save(tmp_path / "bare.xlsx")
    demo.update("roadmap_node", ids(demo)["1.2.1"], status="dropped")
    plan = plan_workbook_import(demo, tmp_path / "bare.xlsx")
    # No record: the workshop's later change looks like an Excel change back to "agreed".
    assert sorted(plan.report) == ["1.2.1 Status: dropped → agreed", "2.1.3 Status: proposed → done"]
    assert plan.notes and "no export record" in plan.notes[0] and not plan.conflicts


def test_a_dry_run_on_a_read_only_document(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path) as document:
        write_roadmap_xlsx(document, tmp_path / "m.xlsx")
        before = contents(document)
    edited = edit(tmp_path / "m.xlsx", tmp_path / "e.xlsx",
                  lambda rows: rows.append(new_row(Code="1.2.4", Title="Planned on a copy")))
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        plan = plan_workbook_import(document, edited, apply_deletions=True)
        assert plan.report == ["Added action 1.2.4: “Planned on a copy”"] and plan.change
        assert contents(document) == before
    with WorkshopDocument.open(demo_path) as document:
        document.apply(plan.change)  # the same rows and ids: the plan holds for the file itself
        assert ids(document)["1.2.4"] == plan.change.rows[0].row_id


# ---------------------------------------------------------------------------------- saved by LibreOffice

@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_a_workbook_saved_again_by_libreoffice_has_no_changes(demo, exported, tmp_path):
    out = tmp_path / "lo"
    try:
        subprocess.run(["libreoffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                        "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(exported)],
                       check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError):
        pytest.skip("LibreOffice could not convert the workbook here")
    plan = plan_workbook_import(demo, out / exported.name)
    assert plan.report == [NO_CHANGES] and not plan.problems and not plan.notes


@pytest.mark.parametrize("damage", ["partners", "nodes", "level"])
def test_an_export_record_of_the_wrong_shape_is_refused_in_one_sentence(demo, exported, tmp_path, damage):
    """A record edited by hand (or written by another program) must not fail half-way through."""
    import json

    from workshop_app.models.roadmap.workbook.columns import RECORD_CHUNK, pack_snapshot, unpack_snapshot

    book = load_workbook(exported)
    record = book["Export record"]
    row = next(row for row in record.iter_rows() if row[0].value == "snapshot")
    pieces = [cell.value for cell in row[1:] if cell.value]
    snapshot = unpack_snapshot(pieces, exported)
    if damage == "level":
        snapshot["nodes"][0]["level"] = "mission"
    else:
        del snapshot[damage]
    for cell in row[1:]:
        cell.value = None
    for index, piece in enumerate(pack_snapshot(json.dumps(snapshot)), start=2):
        assert len(piece) <= RECORD_CHUNK
        record.cell(row[0].row, index).value = piece
    book.save(tmp_path / "edited.xlsx")
    before = demo.path.read_bytes()
    with pytest.raises(WorkshopError) as refusal:
        plan_workbook_import(demo, tmp_path / "edited.xlsx")
    assert "export record" in str(refusal.value) and "\n" not in str(refusal.value)
    assert demo.path.read_bytes() == before


# ---------------------------------------------------------------------------------- funding sources, formulas

def funding_of(document, code):
    from workshop_app.models.plan.funding import action_funding

    return [(entry["name"], entry["amount"], entry["currency"], entry["year"])
            for entry in action_funding(document, ids(document)[code])]


def with_saved_result(path, formula, result, *, text=False):
    """The workbook as Excel would save it after calculating: `formula` (as openpyxl wrote it,
    with no result) then holds `result`."""
    import re
    import zipfile

    out = path.with_name("calculated " + path.name)
    pattern = re.compile(rb"<c ([^>]*)><f>" + re.escape(formula.encode()) + rb"</f><v\s*/?>(?:</v>)?")
    kind = b' t="str"' if text else b""

    def calculated(found):
        return b"<c " + found.group(1) + kind + b"><f>" + formula.encode() + b"</f><v>" + str(result).encode() + b"</v>"

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.startswith("xl/worksheets/"):
                content = pattern.sub(calculated, content)
            target.writestr(info, content)
    return out


def test_an_emptied_funding_cell_removes_the_sources_in_the_same_undo_step(demo, exported, tmp_path):
    before = contents(demo)
    sources_before = demo.rows("funding_source")
    assert funding_of(demo, "1.1.1") == [("MoLESS", 45_000, "USD", 2027)]

    def change(rows):
        row_of(rows, "1.1.1")["Funding sources"] = None
        row_of(rows, "2.1.3")["Status"] = "Agreed"

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert not plan.problems
    assert sorted(plan.report) == ["1.1.1 Funding sources: MoLESS: 45,000 (2027) → (empty)",
                                   "2.1.3 Status: proposed → agreed"]
    demo.apply(plan.change)  # one step
    assert funding_of(demo, "1.1.1") == []  # what the report said is what was done
    assert demo.get("roadmap_node", ids(demo)["2.1.3"])["status"] == "agreed"
    again = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", change))
    assert again.report == [NO_CHANGES] and not again.change

    demo.apply(plan.change.inverse())  # undo
    assert contents(demo) == before and demo.rows("funding_source") == sources_before


def test_clearing_a_funding_cell_from_the_command_line(demo_path, tmp_path, capsys):
    """The reviewer's steps: export, empty the cell, a dry run, then the import itself."""
    from workshop_app.cli import main

    workbook = tmp_path / "rm.xlsx"
    assert main(["export", str(demo_path), str(workbook), "--what", "roadmap"]) == 0
    edited = edit(workbook, tmp_path / "emptied.xlsx", lambda rows: row_of(rows, "1.1.1").update(
        {"Funding sources": None}))
    capsys.readouterr()
    line = "1.1.1 Funding sources: MoLESS: 45,000 (2027) → (empty)"
    assert main(["import-roadmap", str(demo_path), str(edited), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines() == [line, "Dry run: nothing was changed."]
    assert main(["import-roadmap", str(demo_path), str(edited)]) == 0
    assert capsys.readouterr().out.splitlines() == [line]
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        assert funding_of(document, "1.1.1") == []
    assert main(["import-roadmap", str(demo_path), str(edited), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == NO_CHANGES


def test_a_formula_in_a_funding_cell_is_refused_with_its_place(demo, exported, tmp_path):
    before = contents(demo)
    edited = edit(exported, tmp_path / "formula.xlsx",
                  lambda rows: row_of(rows, "1.1.1").update({"Funding sources": "=SUM(A1)"}))
    number = next(row for row in load_workbook(edited)["Road map"].iter_rows(min_row=2)
                  if row[1].value == "1.1.1")[0].row
    plan = plan_workbook_import(demo, edited)  # as openpyxl saved it: no result
    assert plan.problems == [f"Road map row {number}, Funding sources: holds a formula whose result was not saved "
                             "with the workbook; type the value itself"]
    assert not plan.change and plan.lines()[0] == "Nothing imported: 1 cell to correct in the workbook first."
    # As Excel saves it, with its result: still not what anyone typed in a list of sources.
    plan = plan_workbook_import(demo, with_saved_result(edited, "SUM(A1)", 0))
    assert plan.problems == [f"Road map row {number}, Funding sources: holds a formula; type the text itself (a "
                             "formula is read back only in columns of numbers and dates)"]
    # Even one whose result reads as the sources exported.
    plan = plan_workbook_import(demo, with_saved_result(edited, "SUM(A1)", "MoLESS: 45,000 (2027)", text=True))
    assert len(plan.problems) == 1 and not plan.change
    demo.apply(plan.change)
    assert contents(demo) == before


def test_a_formula_in_an_amount_reads_as_its_saved_result(demo, exported, tmp_path):
    edited = edit(exported, tmp_path / "cost.xlsx", lambda rows: row_of(rows, "1.1.1").update(Cost="=12*4500"))
    plan = plan_workbook_import(demo, with_saved_result(edited, "12*4500", 54000))
    assert not plan.problems and plan.report == ["1.1.1 Cost: 45,000 → 54,000"]
    plan = plan_workbook_import(demo, edited)  # no result saved: never read as an emptied cost
    assert len(plan.problems) == 1 and "Cost: holds a formula whose result was not saved" in plan.problems[0]
    assert not plan.change
