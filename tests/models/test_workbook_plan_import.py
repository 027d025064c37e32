"""The plan's texts, reference figures and acronyms go to the road-map workbook and come back,
compared three ways like the road map's rows, as part of the import's one undoable step."""

import pytest
from openpyxl import load_workbook

from workshop_app.export.roadmap_workbook.writer import write_roadmap_xlsx
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.plan.texts import plan_text_change, plan_texts
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.roadmap.workbook.reimport import NO_CHANGES, plan_workbook_import

PLAN_TABLES = ("plan_text", "reference_figure", "acronym", "roadmap_node", "funding_source")


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


@pytest.fixture
def exported(demo, tmp_path):
    path = tmp_path / "road map.xlsx"
    write_roadmap_xlsx(demo, path)
    return path


def contents(document):
    return {table: sorted(repr(sorted(row.items())) for row in document.rows(table)) for table in PLAN_TABLES}


def figures(document):
    return [(row["value"], row["counts"], row["year"], row["source"])
            for row in document.rows("reference_figure", order_by="position")]


def acronyms(document):
    return {row["acronym"]: row["meaning"] for row in document.rows("acronym")}


def edit(path, out, sheet_name, change):
    """Edit one sheet as a user would in Excel: change(rows) gets its rows as {header: value}
    (in place: append or remove rows freely). Saved to `out`."""
    book = load_workbook(path)
    sheet = book[sheet_name]
    names = [cell.value for cell in sheet[1]]
    rows = [dict(zip(names, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=2)]
    height = len(rows)
    change(rows)
    for number, row in enumerate(rows, start=2):
        for column, name in enumerate(names, start=1):
            sheet.cell(number, column).value = row.get(name)
    for number in range(len(rows) + 2, height + 2):
        for column in range(1, len(names) + 1):
            sheet.cell(number, column).value = None
    book.save(out)
    return out


def by(rows, column, value):
    return next(row for row in rows if row[column] == value)


# ---------------------------------------------------------------------------------- round trip

@pytest.mark.parametrize("language", ["en", "fr", "es", "ar"])
def test_an_unedited_workbook_in_any_language_brings_no_changes(demo, tmp_path, language):
    path = tmp_path / f"{language}.xlsx"
    write_roadmap_xlsx(demo, path, lang=language)
    plan = plan_workbook_import(demo, path)
    assert plan.report == [NO_CHANGES]
    assert not plan.change and not plan.problems and not plan.conflicts and not plan.kept and not plan.notes


def test_edits_to_the_plan_s_sheets_are_reported_applied_in_one_step_and_undone(demo, exported, tmp_path):
    before = contents(demo)
    foreword = "Nepal commits to end forced labour and child labour by 2030."
    step = edit(exported, tmp_path / "texts.xlsx", "Plan texts", lambda rows: (
        by(rows, "ID", "foreword").update(Text=foreword), by(rows, "ID", "signatories").update(Text=None)))

    def change_figures(rows):
        by(rows, "No.", 2).update(Year=2022)
        by(rows, "No.", 3).update(Figure=22_500_000, Source="ILO estimates, 2024 update")
        rows.append({"Figure": "1,200", "What it counts": "labour inspectors trained", "Year": "2026",
                     "Source": "Department of Labour"})

    step = edit(step, tmp_path / "figures.xlsx", "Reference figures", change_figures)

    def change_acronyms(rows):
        by(rows, "Acronym", "MRC").update(Meaning="Migrant Resource Centres")
        rows.append({"Acronym": "NSO", "Meaning": "National Statistics Office"})

    edited = edit(step, tmp_path / "acronyms.xlsx", "Acronyms", change_acronyms)

    plan = plan_workbook_import(demo, edited)
    assert not plan.problems and not plan.conflicts and not plan.notes and not plan.kept
    assert plan.report == [
        "Foreword: text changed",
        "Signatories: text removed",
        "Reference figure 2: year 2021 → 2022",
        "Reference figure 3: number 22,000,000 → 22,500,000",
        "Reference figure 3: source “ILO, Walk Free and IOM, Global Estimates of Modern Slavery: Forced La…” → "
        "“ILO estimates, 2024 update”",
        "Reference figure added: “labour inspectors trained” (1,200, 2026)",
        "Acronym MRC: meaning “Migrant Resource Centre” → “Migrant Resource Centres”",
        "Acronym NSO added: “National Statistics Office”",
    ]
    assert contents(demo) == before  # planning writes nothing
    demo.apply(plan.change)  # one step

    texts = plan_texts(demo)
    assert texts["foreword"] == foreword and texts["signatories"] == ""
    found = figures(demo)
    assert found[1][2] == 2022 and found[2][0] == 22_500_000 and found[2][3] == "ILO estimates, 2024 update"
    assert found[-1] == (1200, "labour inspectors trained", 2026, "Department of Labour")
    assert acronyms(demo)["MRC"] == "Migrant Resource Centres" and acronyms(demo)["NSO"] == "National Statistics Office"
    again = plan_workbook_import(demo, edited)  # the same workbook again: nothing twice
    assert again.report == [NO_CHANGES] and not again.change
    assert sorted(again.notes) == [
        "Acronyms row 6: acronym NSO is already in the workshop (added since the export, perhaps by an earlier "
        "import); not added again",
        "Reference figures row 8: reference figure “labour inspectors trained” is already in the workshop (added "
        "since the export, perhaps by an earlier import); not added again"]
    assert "Foreword: text changed" in again.kept and "Acronym NSO added: “National Statistics Office”" in again.kept

    demo.apply(plan.change.inverse())  # undo
    assert contents(demo) == before


def test_a_section_never_written_is_added_and_undone(document, tmp_path):
    path = tmp_path / "fr.xlsx"
    write_roadmap_xlsx(document, path)  # a new workshop, in French: no text yet
    book = load_workbook(path)
    sheet = book.worksheets[5]  # the plan's texts, after the road map's sheets
    rows = {row[3].value: row for row in sheet.iter_rows(min_row=2)}
    assert list(rows) == ["foreword", "summary", "definitions", "framework", "arrangements", "monitoring",
                          "acknowledgements", "endorsement", "signatories"]
    assert all(row[1].value is None for row in rows.values())
    rows["endorsement"][1].value = "Validé par le comité national de pilotage le 12 mars 2027."
    book.save(path)
    plan = plan_workbook_import(document, path)
    assert plan.report == ["Endorsement: text added"] and not plan.problems
    document.apply(plan.change)
    assert plan_texts(document)["endorsement"] == "Validé par le comité national de pilotage le 12 mars 2027."
    document.apply(plan.change.inverse())
    assert document.rows("plan_text") == []


# ---------------------------------------------------------------------------------- deletions

def test_a_removed_figure_or_acronym_is_deleted_only_when_confirmed(demo, exported, tmp_path):
    before = contents(demo)
    figure = demo.rows("reference_figure", order_by="position")[5]["id"]
    acronym = demo.rows("acronym", "acronym = 'P29'")[0]["id"]
    step = edit(exported, tmp_path / "f.xlsx", "Reference figures", lambda rows: rows.remove(by(rows, "No.", 6)))
    edited = edit(step, tmp_path / "a.xlsx", "Acronyms", lambda rows: rows.remove(by(rows, "Acronym", "P29")))
    lines = ["Removed in Excel: reference figure 6 “children in child labour”",
             "Removed in Excel: acronym P29 “Protocol of 2014 to the Forced Labour Convention, 1930”"]

    plan = plan_workbook_import(demo, edited)
    assert plan.report == [f"{line} — kept; confirm deletions to delete it" for line in lines]
    assert not plan.change and plan.removed_in_excel == [figure, acronym]

    plan = plan_workbook_import(demo, edited, apply_deletions=True)
    assert plan.report == [f"{line} — deleted" for line in lines]
    demo.apply(plan.change)
    assert demo.get("reference_figure", figure) is None and demo.get("acronym", acronym) is None
    demo.apply(plan.change.inverse())
    assert contents(demo) == before


def test_a_section_s_row_removed_in_excel_leaves_its_text(demo, exported, tmp_path):
    text = plan_texts(demo)["foreword"]
    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", "Plan texts",
                                           lambda rows: rows.remove(by(rows, "ID", "foreword"))))
    assert plan.report == [NO_CHANGES] and not plan.change
    assert plan.notes == ["Plan texts: a row of Foreword was removed in Excel; its text is left as it is (empty its "
                          "Text cells to remove the text)"]
    assert plan_texts(demo)["foreword"] == text


# ---------------------------------------------------------------------------------- invalid cells

def test_invalid_cells_are_named_by_sheet_row_and_column_and_nothing_is_applied(demo, exported, tmp_path):
    before = contents(demo)
    step = edit(exported, tmp_path / "t.xlsx", "Plan texts",
                lambda rows: by(rows, "ID", "summary").update(Text="A valid summary, not applied either"))

    def change_figures(rows):
        by(rows, "No.", 1).update(Year="twenty")
        by(rows, "No.", 2).update(Figure="many")
        by(rows, "No.", 3).update(Year=2300)
        by(rows, "No.", 4).update(Figure=-5)
        rows.append({"Figure": 10, "Year": 2025})  # what does it count?
        rows.append({"What it counts": "a figure with no number", "ID": "not-an-id"})

    step = edit(step, tmp_path / "f.xlsx", "Reference figures", change_figures)

    def change_acronyms(rows):
        rows.append({"Acronym": "sdg", "Meaning": "the same acronym again"})
        rows.append({"Meaning": "an acronym without its letters"})
        by(rows, "Acronym", "MRC").update(Meaning="=CONCAT(\"Migrant \", \"Centre\")")

    edited = edit(step, tmp_path / "a.xlsx", "Acronyms", change_acronyms)
    plan = plan_workbook_import(demo, edited)
    assert sorted(plan.problems) == sorted([
        "Reference figures row 2, Year: 'twenty' is not a year",
        "Reference figures row 3, Figure: 'many' is not an amount; write it in digits, e.g. 4,500,000",
        "Reference figures row 4, Year: 2300 is not a year between 1900 and 2199",
        "Reference figures row 5, Figure: -5 is below zero; amounts cannot be negative",
        "Reference figures row 8, What it counts: a reference figure must say what it counts",
        "Reference figures row 9, ID: 'not-an-id' is not an ID of this workshop's reference figures; leave the ID "
        "empty to add a new one",
        "Acronyms row 6, Acronym: sdg is already on row 2; list each acronym once",
        "Acronyms row 7, Acronym: an acronym cannot be empty",
        "Acronyms row 4, Meaning: holds a formula whose result was not saved with the workbook; type the value "
        "itself",
    ])
    assert not plan.change and plan.lines()[0] == "Nothing imported: 9 cells to correct in the workbook first."
    demo.apply(plan.change)
    assert contents(demo) == before


def test_a_formula_in_a_plan_text_is_refused_where_it_is(demo, exported, tmp_path):
    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", "Plan texts",
                                           lambda rows: by(rows, "ID", "summary").update(Text="=A1")))
    assert plan.problems == ["Plan texts row 3, Text: holds a formula whose result was not saved with the workbook; "
                             "type the value itself"]
    assert not plan.change


def test_a_plan_text_s_rows_must_keep_their_ids(demo, exported, tmp_path):
    def change(rows):
        by(rows, "ID", "foreword").update(ID="preface")
        by(rows, "ID", "summary").update(ID=None)
        by(rows, "ID", "framework").update(ID="definitions")

    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", "Plan texts", change))
    assert sorted(plan.problems) == [
        "Plan texts row 2, ID: 'preface' is not the ID of a section of the plan; keep the ID column as it was exported",
        "Plan texts row 3, ID: a row of the plan's texts needs the ID of its section; keep the ID column as it was "
        "exported",
        "Plan texts row 5, ID: the same ID as row 4; each section of the plan has its own row"]
    assert not plan.change


# ---------------------------------------------------------------------------------- both sides

def test_changes_on_both_sides_keep_the_workshop_s_and_apply_the_others(demo, exported, tmp_path):
    second = demo.rows("reference_figure", order_by="position")[1]["id"]
    # In the workshop, after the export:
    demo.update("reference_figure", second, year=2023)
    demo.apply(plan_text_change(demo, "monitoring", "Monitored by the National Statistics Office."))

    def change_figures(rows):
        by(rows, "No.", 2).update(Year=2022)  # conflicts with 2023
        by(rows, "No.", 4).update(Year=2021)  # only in Excel: applied

    step = edit(exported, tmp_path / "f.xlsx", "Reference figures", change_figures)
    edited = edit(step, tmp_path / "t.xlsx", "Plan texts",
                  lambda rows: by(rows, "ID", "monitoring").update(Text="Monitored by the steering committee."))
    plan = plan_workbook_import(demo, edited)
    assert plan.report == ["Reference figure 4: year 2020 → 2021"]
    assert [str(conflict) for conflict in plan.conflicts] == [
        "Plan texts row 7, Text (Monitoring and evaluation): Excel “Monitored by the steering committee.”, the "
        "workshop “Monitored by the National Statistics Office.” (exported as “The National Statistics Office and "
        "the Ministry's Planning and Monito…”); the workshop's value is kept",
        "Reference figures row 3, Year (Reference figure 2): Excel 2022, the workshop 2023 (exported as 2021); the "
        "workshop's value is kept"]
    assert plan.kept == ["Monitoring and evaluation: text changed", "Reference figure 2: year 2021 → 2023"]
    demo.apply(plan.change)
    found = figures(demo)
    assert found[1][2] == 2023 and found[3][2] == 2021
    assert plan_texts(demo)["monitoring"] == "Monitored by the National Statistics Office."


def test_a_figure_removed_in_the_workshop_and_edited_in_excel(demo, exported, tmp_path):
    figure = demo.rows("reference_figure", order_by="position")[0]["id"]
    demo.delete("reference_figure", figure)
    plan = plan_workbook_import(demo, edit(exported, tmp_path / "e.xlsx", "Reference figures",
                                           lambda rows: by(rows, "No.", 1).update(Year=2022)))
    assert [conflict.kind for conflict in plan.conflicts] == ["removed in the workshop"]
    assert plan.kept == ["Reference figure 1 removed: “people living in modern slavery on any given day: in forced "
                         "labour or…”"]
    assert not plan.change


def test_a_workbook_without_the_plan_s_sheets_leaves_the_plan_alone(demo, exported, tmp_path):
    book = load_workbook(exported)
    for name in ("Plan texts", "Reference figures", "Acronyms"):
        del book[name]
    book.save(tmp_path / "old.xlsx")
    plan = plan_workbook_import(demo, tmp_path / "old.xlsx")
    assert plan.report == [NO_CHANGES] and not plan.change
    assert plan.notes == ["The workbook has no Plan texts sheet: the plan's texts left as they are.",
                          "The workbook has no Reference figures sheet: reference figures left as they are.",
                          "The workbook has no Acronyms sheet: acronyms left as they are."]


def test_a_french_workbook_reads_back_by_its_french_headers(demo, tmp_path):
    path = tmp_path / "fr.xlsx"
    write_roadmap_xlsx(demo, path, lang="fr")
    book = load_workbook(path)
    sheet = book["Chiffres de référence"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["N°", "Chiffre", "Ce qu'il compte", "Année", "Source"]
    sheet.cell(3, header.index("Année") + 1).value = 2022
    sigles = book["Sigles"]
    assert [cell.value for cell in sigles[1]] == ["Sigle", "Signification", "ID"]
    sigles.append(["BIT", "Bureau international du Travail"])
    book.save(path)
    plan = plan_workbook_import(demo, path)
    assert plan.report == ["Reference figure 2: year 2021 → 2022",
                           "Acronym BIT added: “Bureau international du Travail”"]


def test_the_arabic_workbook_s_figures_come_back(demo, tmp_path):
    """Each column of the Arabic sheet has a name of its own ("No." and "Figure" once read alike),
    and an edited figure comes back."""
    path = tmp_path / "ar.xlsx"
    write_roadmap_xlsx(demo, path, lang="ar")
    book = load_workbook(path)
    sheet = book["الأرقام المرجعية"]
    header = [cell.value for cell in sheet[1]]
    assert len(set(header)) == len(header)
    sheet.cell(2, 2).value = 49_600_000
    book.save(path)
    assert plan_workbook_import(demo, path).report == ["Reference figure 1: number 50,000,000 → 49,600,000"]


# ---------------------------------------------------------------------------------- long texts

def test_a_text_longer_than_a_cell_comes_back_whole(demo, tmp_path):
    """Excel holds 32,767 characters a cell (counting one beyond the Basic Multilingual Plane as
    two): a longer text goes on in rows of its own, and comes back character for character."""
    paragraph = "The steering committee meets each quarter; 𝔸 marks a note. " * 200
    text = "\n\n".join(f"{number}. {paragraph.strip()}" for number in range(1, 7))
    demo.apply(plan_text_change(demo, "framework", text))
    stored = plan_texts(demo)["framework"]
    path = tmp_path / "long.xlsx"
    write_roadmap_xlsx(demo, path)
    sheet = load_workbook(path)["Plan texts"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    pieces = [row for row in rows if str(row[3]).startswith("framework")]
    assert [row[3] for row in pieces] == ["framework", "framework/2", "framework/3"]
    assert [row[0] for row in pieces] == ["Legal and institutional framework",
                                          *["Legal and institutional framework (continued)"] * 2]
    assert all(len(row[1].encode("utf-16-le")) // 2 <= 32_767 for row in pieces)
    assert "".join(row[1] for row in pieces) == stored
    assert pieces[0][1].endswith("\n\n")  # cut after a paragraph, never inside a word
    assert plan_workbook_import(demo, path).report == [NO_CHANGES]

    # An edit in the second piece changes the whole text; a piece's row removed leaves it alone.
    book = load_workbook(path)
    sheet = book["Plan texts"]
    second = next(row for row in sheet.iter_rows(min_row=2) if row[3].value == "framework/2")
    second[1].value = second[1].value.replace("3. The", "3. Then the", 1)
    book.save(tmp_path / "edited.xlsx")
    plan = plan_workbook_import(demo, tmp_path / "edited.xlsx")
    assert plan.report == ["Legal and institutional framework: text changed"]
    demo.apply(plan.change)
    assert plan_texts(demo)["framework"] == stored.replace("3. The", "3. Then the", 1)
    demo.apply(plan.change.inverse())
    sheet.delete_rows(second[0].row)
    book.save(tmp_path / "cut.xlsx")
    plan = plan_workbook_import(demo, tmp_path / "cut.xlsx")
    assert plan.report == [NO_CHANGES] and plan.notes == [
        "Plan texts row 5: a row of Legal and institutional framework was removed in Excel; its text is left as it "
        "is (empty its Text cells to remove the text)"]
    assert plan_texts(demo)["framework"] == stored


def test_the_road_map_and_the_plan_change_in_the_same_step(demo, exported, tmp_path):
    """The whole import is one Change: undo takes back the road map's and the plan's edits together."""
    before = contents(demo)
    book = load_workbook(exported)
    road_map = book["Road map"]
    header = [cell.value for cell in road_map[1]]
    action = next(row for row in road_map.iter_rows(min_row=2) if row[header.index("Code")].value == "2.1.3")
    action[header.index("Status")].value = "Agreed"
    book["Acronyms"].append(["NAP", "National action plan"])
    book.save(tmp_path / "both.xlsx")
    plan = plan_workbook_import(demo, tmp_path / "both.xlsx")
    assert plan.report == ["2.1.3 Status: proposed → agreed", "Acronym NAP added: “National action plan”"]
    demo.apply(plan.change)
    codes = {code: node_id for node_id, code in node_codes(demo).items()}
    assert demo.get("roadmap_node", codes["2.1.3"])["status"] == "agreed" and acronyms(demo)["NAP"]
    demo.apply(plan.change.inverse())
    assert contents(demo) == before
