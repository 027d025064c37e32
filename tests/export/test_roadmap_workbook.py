"""The road-map workbook as someone opening it in Excel would find it."""

import shutil
import zipfile

import pytest
from openpyxl import load_workbook

from workshop_app.export.errors import ExportError
from workshop_app.export.registry import export
from workshop_app.export.roadmap_workbook.writer import write_roadmap_xlsx
from workshop_app.i18n.languages import PSEUDO
from workshop_app.i18n.pseudo import pseudo
from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.plan.texts import plan_text_change
from workshop_app.models.roadmap.totals import totals
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.roadmap.versions import plan_freeze_version
from workshop_app.models.roadmap.workbook.reading import read_roadmap_workbook
from workshop_app.models.roadmap.workbook.reimport import plan_workbook_import

FORMULA_TITLE = '=HYPERLINK("http://evil.example","Click me")'
REQUIRED_HEADERS = ["ID", "Level", "Code", "Title", "Lead organization", "Partners", "Start", "End", "Status", "Cost",
                    "Currency", "Funding secured", "Funding gap", "Gender marker", "Action Group"]
SHEETS = ["Road map", "Indicators", "Responsibilities", "Budget", "Summary", "Plan texts", "Reference figures",
          "Acronyms", "Lists", "Export record"]


def code_ids(document):
    return {code: node_id for node_id, code in node_codes(document).items()}


@pytest.fixture(scope="module")
def demo_copy(_demo_master, tmp_path_factory):
    """The demo with an action titled like a formula and other awkward text. Written once."""
    path = tmp_path_factory.mktemp("roadmap") / "demo.workshop"
    shutil.copyfile(_demo_master, path)
    with WorkshopDocument.open(path) as document:
        ids = code_ids(document)
        document.update("roadmap_node", ids["1.1.1"], title=FORMULA_TITLE)
        document.update("roadmap_node", ids["1.1.2"], comments="+1 from the employers & <workers>",
                        risks="@risk\nsecond line")
        document.apply(plan_text_change(document, "acknowledgements", "=SUM(A1) is how the budget was checked."))
    return path


@pytest.fixture(scope="module")
def demo_document(demo_copy):
    with WorkshopDocument.open(demo_copy, readonly=True) as document:
        yield document


@pytest.fixture(scope="module")
def exported(demo_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "road map.xlsx"
    write_roadmap_xlsx(demo_document, path)
    return path


@pytest.fixture(scope="module")
def workbook(exported):
    return load_workbook(exported)


def headers(sheet):
    return [cell.value for cell in sheet[1]]


def rows_by_code(workbook):
    sheet = workbook["Road map"]
    names = headers(sheet)
    found = {}
    for row in sheet.iter_rows(min_row=2):
        values = dict(zip(names, row))
        found[values["Code"].value or "goal"] = values
    return found


def test_sheets_in_order_and_hidden_helpers(workbook):
    assert workbook.sheetnames == SHEETS
    states = {sheet.title: sheet.sheet_state for sheet in workbook}
    assert states["Lists"] == "hidden" and states["Export record"] == "veryHidden"
    assert all(states[title] == "visible" for title in SHEETS[:8])
    assert workbook.active.title == "Road map"


def test_road_map_has_the_columns_and_one_row_per_item(workbook, demo_document):
    sheet = workbook["Road map"]
    names = headers(sheet)
    assert all(names.count(header) == 1 for header in REQUIRED_HEADERS)
    assert names[:3] == ["Level", "Code", "Title"] and names[-1] == "ID"
    for more in ("Target 8.7 issues", "Pillars", "SDGs", "Geographic scope", "Description", "Risks", "Assumptions",
                 "Comments"):
        assert more in names
    assert sheet.max_row == demo_document.count("roadmap_node") + 1
    expected = node_codes(demo_document)
    ids = [row[names.index("ID")].value for row in sheet.iter_rows(min_row=2)]
    assert ids == list(expected)  # road-map order
    codes = [row[names.index("Code")].value for row in sheet.iter_rows(min_row=2)]
    assert codes == [code or None for code in expected.values()]


def test_action_row_values(workbook, demo_document):
    row = rows_by_code(workbook)["1.2.3"]
    values = {name: cell.value for name, cell in row.items()}
    assert values["Level"] == "Action"
    assert values["Lead organization"] == "Department of Labour and Occupational Safety (DoLOS)"
    assert values["Status"] == "In progress"
    assert (values["Cost"], values["Currency"], values["Funding secured"], values["Funding gap"]) == (
        6_500_000, "NPR", 2_000_000, 4_500_000)
    assert values["Start"] == "2027-Q4" and values["End"] == "2030-Q2"
    assert values["Gender marker"] == 1 and values["Action Group"] == "Supply Chains"
    assert "(support)" in values["Partners"] and "; " in values["Partners"]
    assert row["Cost"].number_format == "#,##0" and row["Cost"].data_type == "n"
    outcome = {name: cell.value for name, cell in rows_by_code(workbook)["1"].items()}
    assert outcome["Level"] == "Outcome" and outcome["Status"] is None and outcome["Cost"] is None


def test_formula_looking_text_stays_text(workbook, exported):
    rows = rows_by_code(workbook)
    title = rows["1.1.1"]["Title"]
    assert title.value == FORMULA_TITLE and title.data_type == "s" and title.quotePrefix
    for cell in (rows["1.1.2"]["Comments"], rows["1.1.2"]["Risks"]):
        assert cell.data_type == "s" and cell.quotePrefix
    assert rows["1.1.2"]["Comments"].value == "+1 from the employers & <workers>"
    assert rows["1.1.2"]["Risks"].value == "@risk\nsecond line"
    assert not rows["1.1.3"]["Title"].quotePrefix
    with zipfile.ZipFile(exported) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert len(sheets) == len(SHEETS)
        assert all(b"<f>" not in archive.read(name) and b"<f " not in archive.read(name) for name in sheets)


def test_drop_down_lists(workbook, demo_document):
    sheet = workbook["Road map"]
    names = headers(sheet)
    lists = workbook["Lists"]
    by_column = {}
    for validation in sheet.data_validations.dataValidation:
        column = str(validation.sqref).split(":")[0].rstrip("0123456789")
        by_column[names[ord(column) - ord("A")]] = validation
    assert set(by_column) == {"Level", "Status", "Gender marker", "Lead organization", "Action Group"}

    def listed(validation):
        reference = validation.formula1.split("!")[1].replace("$", "")
        return [cell.value for row in lists[reference] for cell in row]

    assert listed(by_column["Status"]) == list(v.ACTION_STATUSES.values())
    assert listed(by_column["Level"]) == ["Goal", "Outcome", "Output", "Action"]
    assert listed(by_column["Gender marker"]) == [0, 1, 2, 3]
    organizations = listed(by_column["Lead organization"])
    assert len(organizations) == demo_document.count("organization")
    assert "Ministry of Labour, Employment and Social Security (MoLESS)" in organizations
    assert by_column["Status"].showErrorMessage and by_column["Status"].type == "list"
    assert not by_column["Lead organization"].showErrorMessage  # a new organization may be typed
    assert by_column["Gender marker"].prompt.startswith("0 - not expected")
    last = sheet.max_row
    assert str(by_column["Status"].sqref) == f"H2:H{last + 500}"  # rows added below get the list too


def test_road_map_is_set_up_for_excel_and_printing(workbook):
    sheet = workbook["Road map"]
    assert sheet.freeze_panes == "D2"
    assert sheet.auto_filter.ref == f"A1:X{sheet.max_row}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_area == f"'Road map'!$A$1:$N${sheet.max_row}"  # ID and long texts are not printed
    assert sheet["A1"].font.bold and sheet["C1"].alignment.wrap_text
    rows = rows_by_code(workbook)
    assert rows["1.1.1"]["Title"].alignment.wrap_text and rows["1.1.1"]["Title"].alignment.indent == 2
    # Outline: outputs and actions grouped under their outcome, the outcome row above them.
    assert sheet.sheet_properties.outlinePr.summaryBelow is False
    levels = {code: sheet.row_dimensions[row["Code"].row].outlineLevel for code, row in rows.items()}
    assert (levels["goal"], levels["1"], levels["1.1"], levels["1.1.1"]) == (0, 0, 1, 2)
    widths = {header: sheet.column_dimensions[chr(ord("A") + index)].width for index, header in
              enumerate(headers(sheet))}
    assert 36 <= widths["Title"] <= 56 and widths["Code"] <= 8 and widths["ID"] >= 36
    assert widths["Level"] < widths["Lead organization"] < widths["Title"]
    # Rows with wrapped text get a height (LibreOffice does not grow them).
    assert sheet.row_dimensions[rows["1.1.3"]["Title"].row].height >= 30


def test_indicators_sheet(workbook, demo_document):
    sheet = workbook["Indicators"]
    names = headers(sheet)
    for header in ("ID", "Code", "Indicator", "Unit", "Baseline", "Baseline year", "Target", "Target year",
                   "Means of verification"):
        assert names.count(header) == 1
    assert sheet.max_row == demo_document.count("indicator") + 1
    first = dict(zip(names, (cell.value for cell in sheet[2])))
    assert first["Code"] == "1" and first["Baseline"] == "0 (gap analysis not yet done)" and first["Target"] == "75%"
    assert (first["Baseline year"], first["Target year"]) == (2026, 2030)
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:N")


def test_responsibilities_are_actions_by_organizations(workbook, demo_document):
    sheet = workbook["Responsibilities"]
    names = headers(sheet)
    assert names[:2] == ["Code", "Action"]
    rows = {row[0].value: dict(zip(names, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=2)}
    first = rows["1.1.1"]
    assert first["MoLESS"] == "Lead" and first["KUSL"] == "Support" and first["NBA"] == "Consulted"
    assert sum(1 for value in first.values() if value in v.PARTNER_ROLES.values()) == 6
    action_rows = [code for code in rows if code and code.count(".") == 2]
    assert len(action_rows) == demo_document.count("roadmap_node", "level = 'action'")
    assert sheet["C1"].alignment.textRotation == 90 and sheet.freeze_panes == "C2"


def test_budget_per_outcome_and_currency_never_adds_currencies(workbook, demo_document):
    sheet = workbook["Budget"]
    names = headers(sheet)
    assert names == ["Code", "Outcome", "Currency", "Actions", "Not costed", "Cost", "Funding secured", "Funding gap",
                     "Secured"]
    rows = [dict(zip(names, (cell.value for cell in row))) for row in sheet.iter_rows(min_row=2)]
    overall = totals(demo_document).overall
    start = next(index for index, row in enumerate(rows) if row["Outcome"] == "All outcomes")
    summary = {row["Currency"]: row for row in rows[start:start + len(overall)]}
    assert set(summary) == {"NPR", "USD", "(no currency)"}
    for currency in ("NPR", "USD"):
        assert summary[currency]["Cost"] == overall[currency].cost
        assert summary[currency]["Funding secured"] == overall[currency].funding_secured
        assert summary[currency]["Funding gap"] == overall[currency].gap
    assert summary["(no currency)"]["Cost"] is None  # not known: empty, not 0, and no text in a number column
    per_outcome = totals(demo_document).outcome("1").currencies
    assert rows[0]["Code"] == "1" and rows[0]["Currency"] == "NPR" and rows[0]["Cost"] == per_outcome["NPR"].cost
    assert rows[1]["Code"] == "1" and rows[1]["Currency"] == "USD" and rows[1]["Cost"] == per_outcome["USD"].cost


def test_summary_sheet(workbook):
    values = [cell.value for row in workbook["Summary"].iter_rows() for cell in row if cell.value is not None]
    assert values[0] == "Road map"
    assert "Current draft (not frozen)" in values and "Actions by status" in values
    assert "Cost and funding by currency" in values
    assert any(isinstance(value, str) and "empty ID" in value for value in values)


def test_export_record_holds_the_exported_road_map(workbook, demo_document):
    record = {row[0].value: row[1].value for row in workbook["Export record"].iter_rows(min_row=2)}
    assert record["workshop"] == demo_document.workshop()["id"]
    assert len(record["fingerprint"]) == 64 and record["version"] is None


def test_a_frozen_version_is_exported_as_it_was(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path) as document:
        document.apply(plan_freeze_version(document, "Draft after day 2"))
        document.update("roadmap_node", code_ids(document)["1.2.3"], status="done", title="Changed since")
        write_roadmap_xlsx(document, tmp_path / "version.xlsx", version="Draft after day 2")
        with pytest.raises(ExportError, match=r"^nope\.xlsx: there is no version named"):
            write_roadmap_xlsx(document, tmp_path / "nope.xlsx", version="Final")
    book = load_workbook(tmp_path / "version.xlsx")
    row = {name: cell.value for name, cell in rows_by_code(book)["1.2.3"].items()}
    assert row["Status"] == "In progress" and row["Title"].startswith("Joint inspection campaigns")
    summary = [cell.value for row in book["Summary"].iter_rows() for cell in row]
    assert any(isinstance(value, str) and value.startswith("Draft after day 2, frozen") for value in summary)
    assert not (tmp_path / "nope.xlsx").exists()


def test_the_plan_s_texts_one_row_per_section_with_what_goes_there(workbook, demo_document):
    from workshop_app.models.plan.texts import plan_texts

    sheet = workbook["Plan texts"]
    assert headers(sheet) == ["Section", "Text", "What goes there", "ID"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[3] for row in rows] == list(v.PLAN_TEXTS)  # the ID: the section's key, as the import reads it
    assert [row[0] for row in rows] == [name for name, _prompt in v.PLAN_TEXTS.values()]
    assert [row[2] for row in rows] == [prompt for _name, prompt in v.PLAN_TEXTS.values()]
    texts = plan_texts(demo_document)
    assert [row[1] for row in rows] == [texts[section] or None for section in v.PLAN_TEXTS]
    assert sheet["B2"].alignment.wrap_text and sheet["C2"].font.i  # the guidance in grey italics
    thanks = sheet.cell(list(v.PLAN_TEXTS).index("acknowledgements") + 2, 2)
    assert thanks.value.startswith("=SUM(A1)") and thanks.data_type == "s" and thanks.quotePrefix  # text, not a formula
    assert sheet.freeze_panes == "B2" and sheet.print_area == "'Plan texts'!$A$1:$C$10"  # the ID is not printed


def test_reference_figures_as_numbers_and_years(workbook, demo_document):
    sheet = workbook["Reference figures"]
    assert headers(sheet) == ["No.", "Figure", "What it counts", "Year", "Source", "ID"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    stored = demo_document.rows("reference_figure", order_by="position")
    assert rows == [[number, int(row["value"]), row["counts"], row["year"], row["source"], row["id"]]
                    for number, row in enumerate(stored, start=1)]
    assert rows[1][1] == 27_600_000 and sheet["B3"].data_type == "n" and sheet["B3"].number_format == "#,##0"
    assert all(isinstance(row[3], int) for row in rows)


def test_acronyms_are_those_the_facilitator_added(workbook, demo_document):
    sheet = workbook["Acronyms"]
    assert headers(sheet) == ["Acronym", "Meaning", "ID"]
    rows = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows == {row["acronym"]: row["meaning"] for row in demo_document.rows("acronym")}
    assert "ILO" not in rows  # an organization's acronym comes from the organization


def test_the_summary_says_how_the_plan_s_sheets_come_back(workbook):
    values = [cell.value for row in workbook["Summary"].iter_rows() for cell in row if isinstance(cell.value, str)]
    assert any(value.startswith("The Plan texts, Reference figures and Acronyms sheets come back") for value in values)


def test_the_export_record_keeps_the_plan_as_exported(workbook, exported, demo_document):
    from workshop_app.models.roadmap.workbook.columns import unpack_json
    from workshop_app.models.roadmap.workbook.plan_sheets import plan_record

    row = next(row for row in workbook["Export record"].iter_rows() if row[0].value == "plan")
    assert unpack_json([cell.value for cell in row[1:] if cell.value], exported) == plan_record(demo_document)


def test_registry_writes_the_matrix(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        out = export(document, tmp_path / "matrix.xlsx", "matrix")
        assert load_workbook(out).sheetnames[0] == "Road map"
        with pytest.raises(ExportError, match="--day does not apply"):
            export(document, tmp_path / "m.xlsx", "matrix", day=1)


def test_an_empty_road_map_still_makes_a_workbook(document, tmp_path):
    write_roadmap_xlsx(document, tmp_path / "empty.xlsx", lang="en")
    book = load_workbook(tmp_path / "empty.xlsx")
    assert book["Road map"].max_row == 1 and headers(book["Road map"])[2] == "Title"


def test_missing_folder_is_a_clear_error(document, tmp_path):
    with pytest.raises(ExportError, match=r"^matrix\.xlsx: .*does not exist"):
        write_roadmap_xlsx(document, tmp_path / "missing" / "matrix.xlsx")


def test_sheets_headers_and_notes_in_the_export_language(demo_document, tmp_path):
    """In the pseudo-language every word of ours reads "[Lîké thîs~~]": sheet names (as Excel
    allows them: no brackets), headers, notes, the Summary, roles and the page footer. The
    choices in the Road map's cells and drop-downs stay as the import reads them."""
    path = tmp_path / "pseudo.xlsx"
    export(demo_document, path, "roadmap", lang=PSEUDO)
    book = load_workbook(path)
    names = [pseudo(name).strip("[]") for name in SHEETS[:9]] + ["Export record"]
    assert book.sheetnames == names
    road_map, budget, summary = book[names[0]], book[names[3]], book[names[4]]
    assert headers(road_map)[:3] == [pseudo("Level"), pseudo("Code"), pseudo("Title")]
    assert headers(book[names[1]])[3] == pseudo("Indicator")
    assert headers(budget)[-1] == pseudo("Secured")
    assert headers(book[names[5]])[:3] == [pseudo("Section"), pseudo("Text"), pseudo("What goes there")]
    assert headers(book[names[6]])[1:3] == [pseudo("Figure"), pseudo("What it counts")]
    assert headers(book[names[7]])[:2] == [pseudo("Acronym"), pseudo("Meaning")]
    assert book[names[5]]["A2"].value == pseudo("Foreword")
    assert road_map.oddFooter.right.text == pseudo("Page {page} of {pages}").format(page="&P", pages="&N")
    assert road_map.oddFooter.left.text == names[0]
    responsibilities = {cell.value for row in book[names[2]].iter_rows(min_row=2) for cell in row[2:]}
    assert pseudo("Lead") in responsibilities and "Lead" not in responsibilities
    budget_values = [cell.value for row in budget.iter_rows() for cell in row]
    assert pseudo("All outcomes") in budget_values and pseudo("(no currency)") in budget_values
    summary_values = [cell.value for row in summary.iter_rows() for cell in row if cell.value is not None]
    for label in ("Road map", "Current draft (not frozen)", "Actions by status", "Cost and funding by currency",
                  "In progress", "No Action Group", "Sending changes back"):
        assert pseudo(label) in summary_values, label
    # The choices are in the language too (the import reads them in any); the export record
    # keeps its keys.
    rows = [[cell.value for cell in row] for row in road_map.iter_rows(min_row=2)]
    assert {row[0] for row in rows} == {pseudo(level) for level in ("Goal", "Outcome", "Output", "Action")}
    assert pseudo("In progress") in {row[7] for row in rows}
    status = next(validation for validation in road_map.data_validations.dataValidation
                  if str(validation.sqref).startswith("H"))
    assert status.formula1.startswith(f"'{names[8]}'!") and status.errorTitle == pseudo("Status")
    lists = book[names[8]]
    assert [cell.value for cell in lists["B"]][1:6] == [pseudo(label) for label in v.ACTION_STATUSES.values()]
    record = {row[0].value: row[1].value for row in book["Export record"].iter_rows(min_row=2)}
    assert record["workshop"] == demo_document.workshop()["id"]


def test_dates_in_the_summary_as_the_language_writes_them(demo_document, tmp_path):
    write_roadmap_xlsx(demo_document, tmp_path / "fr.xlsx", lang="fr")
    values = [cell.value for sheet in load_workbook(tmp_path / "fr.xlsx") for row in sheet.iter_rows()
              for cell in row]
    assert "9–11 mars 2027" in values and "9 Mar 2027 – 11 Mar 2027" not in values


def test_a_workbook_exported_in_english_reads_back(document, demo_document, tmp_path):
    """The import reads the English sheet names and headers: a workshop whose working language
    is French can still export a workbook to edit and bring back."""
    write_roadmap_xlsx(document, tmp_path / "fr workshop.xlsx", lang="en")
    write_roadmap_xlsx(demo_document, tmp_path / "demo.xlsx")  # the demo works in English
    for path in (tmp_path / "fr workshop.xlsx", tmp_path / "demo.xlsx"):
        edited = read_roadmap_workbook(path)
        assert not edited.roadmap.missing and edited.indicators is not None and edited.base is not None
    assert len(read_roadmap_workbook(tmp_path / "demo.xlsx").roadmap.rows) == demo_document.count("roadmap_node")


def test_a_workbook_exported_in_another_language_reads_back(demo_document, tmp_path):
    """Sheet names and headers are read in any of the program's languages (here the
    pseudo-language, whose every word differs from the English)."""
    path = tmp_path / "pseudo.xlsx"
    export(demo_document, path, "roadmap", lang=PSEUDO)
    edited = read_roadmap_workbook(path)
    assert not edited.roadmap.missing and edited.indicators is not None and not edited.indicators.missing
    assert edited.base is not None
    assert len(edited.roadmap.rows) == demo_document.count("roadmap_node")
    plan = plan_workbook_import(demo_document, path)
    assert not plan.problems and not plan.change.rows and plan.report == ["no changes"]  # nothing edited


def test_a_status_typed_in_french_is_read_back(demo_path, tmp_path):
    path = tmp_path / "fr.xlsx"
    with WorkshopDocument.open(demo_path) as document:
        write_roadmap_xlsx(document, path, lang="fr")
        book = load_workbook(path)
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        status = header.index("Statut") + 1
        row = next(row for row in sheet.iter_rows(min_row=2) if row[status - 1].value == "Proposée")
        row[status - 1].value = "En cours"
        code = row[header.index("Code")].value
        book.save(path)
        plan = plan_workbook_import(document, path)
        assert not plan.problems and len(plan.change.rows) == 1
        document.apply(plan.change)
        assert {node["id"]: node["status"] for node in document.rows("roadmap_node")}[
            node_codes_inverse(document)[code]] == "in_progress"


def node_codes_inverse(document) -> dict[str, str]:
    return {code: node_id for node_id, code in node_codes(document).items()}


def test_registry_passes_the_language_to_the_workbook(demo_document, tmp_path):
    export(demo_document, tmp_path / "r.xlsx", "roadmap", lang=PSEUDO)
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[0] == pseudo("Road map").strip("[]")


def test_the_instructions_name_the_roles_and_levels_as_the_workbook_writes_them(demo_document, tmp_path):
    write_roadmap_xlsx(demo_document, tmp_path / "fr.xlsx", lang="fr")
    book = load_workbook(tmp_path / "fr.xlsx")
    values = [cell.value for row in book.worksheets[4].iter_rows() for cell in row if isinstance(cell.value, str)]
    partners = next(value for value in values if value.startswith("Les partenaires"))
    assert "chef de file, appui, consulté" in partners and "lead" not in partners
    rules = book.worksheets[0].data_validations.dataValidation
    level = next(rule for rule in rules if str(rule.sqref).startswith("A2:"))
    assert "Objectif général, Résultat, Produit" in level.error and "Outcome" not in level.error
    written = {row[4].value for row in book.worksheets[0].iter_rows(min_row=2)} - {None}
    assert any("(appui)" in cell for cell in written)


@pytest.fixture
def in_french():
    from workshop_app.i18n import catalogs

    catalogs.use("fr")
    yield
    catalogs.use("en")


def test_a_french_workbook_s_quarters_and_places_read_as_a_french_reader_writes_them(demo_path, tmp_path, in_french):
    path = tmp_path / "fr.xlsx"
    with WorkshopDocument.open(demo_path) as document:
        write_roadmap_xlsx(document, path, lang="fr")
        book = load_workbook(path)
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        start, end = header.index("Début"), header.index("Fin")
        rows = [row for row in sheet.iter_rows(min_row=2) if row[header.index("Niveau")].value == "Action"]
        rows[0][start].value, rows[0][end].value = "T3 2027", "T4 2028"  # as the PDF writes quarters
        rows[0][header.index("Coût")].value = 46000
        rows[1][start].value = "bientôt"
        book.save(path)
        plan = plan_workbook_import(document, path)
    problem, = plan.problems
    assert problem.startswith("Feuille de route, ligne 6, Début") and "Start" not in problem
    changed = "\n".join(plan.report)
    assert "Début : 2027-Q2 → 2027-Q3" in changed.replace("\u00a0", " ") and "Start" not in changed
    assert "Coût : 45 000 → 46 000" in changed.replace("\u00a0", " ").replace("\u202f", " ")


def test_funding_sources_go_to_the_workbook_and_come_back(demo_path, tmp_path):
    from workshop_app.models.plan.funding import action_funding

    path = tmp_path / "funding.xlsx"
    with WorkshopDocument.open(demo_path) as document:
        write_roadmap_xlsx(document, path)
        assert plan_workbook_import(document, path).report == ["no changes"]
        book = load_workbook(path)
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        column, code = header.index("Funding sources"), header.index("Code")
        rows = {row[code].value: row for row in sheet.iter_rows(min_row=2)}
        assert rows["1.1.3"][column].value == "MoLESS: 1,000,000 (2027)"
        rows["1.1.2"][column].value = "MoLESS: 1,500,000 (2027); Provincial budget: 200,000"
        book.save(path)
        plan = plan_workbook_import(document, path)
        assert not plan.problems
        assert plan.report == ["1.1.2 Funding sources: (empty) → MoLESS: 1,500,000 (2027); Provincial budget: 200,000"]
        document.apply(plan.change)
        action = node_codes_inverse(document)["1.1.2"]
        assert [(entry["name"], entry["amount"], entry["currency"], entry["year"])
                for entry in action_funding(document, action)] == [("MoLESS", 1_500_000, "NPR", 2027),
                                                                    ("Provincial budget", 200_000, "NPR", None)]
        document.apply(plan.change.inverse())
        assert action_funding(document, action) == []


def test_a_funding_cell_that_cannot_be_read_is_named_and_nothing_changes(demo_path, tmp_path):
    path = tmp_path / "funding.xlsx"
    with WorkshopDocument.open(demo_path) as document:
        write_roadmap_xlsx(document, path)
        book = load_workbook(path)
        sheet = book.worksheets[0]
        header = [cell.value for cell in sheet[1]]
        row = next(row for row in sheet.iter_rows(min_row=2) if row[header.index("Code")].value == "1.1.1")
        row[header.index("Funding sources")].value = "ILO 45000"
        book.save(path)
        plan = plan_workbook_import(document, path)
    problem, = plan.problems
    assert problem.startswith("Road map row 5, Funding sources: 'ILO 45000' is not a funding source")


def test_the_paper_is_the_country_s_and_every_budget_line_names_its_outcome(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path) as document:
        write_roadmap_xlsx(document, tmp_path / "np.xlsx")
        document.apply(document.plan_update("workshop", document.workshop()["id"], country="MX"))
        write_roadmap_xlsx(document, tmp_path / "mx.xlsx")
    nepal, mexico = load_workbook(tmp_path / "np.xlsx"), load_workbook(tmp_path / "mx.xlsx")
    assert {str(sheet.page_setup.paperSize) for sheet in nepal.worksheets[:5]} == {"9"}  # A4
    assert {str(sheet.page_setup.paperSize) for sheet in mexico.worksheets[:5]} == {"1"}  # Letter
    budget = nepal["Budget"]
    lines = [row for row in budget.iter_rows(min_row=2, values_only=True) if row[2] in ("NPR", "USD")]
    assert lines and all(row[0] for row in lines[:-2])  # each outcome's line in each currency has its code


def test_a_start_given_as_a_date_is_a_real_date_in_the_workbook_and_reads_back_unchanged(demo_path, tmp_path):
    import datetime as dt

    path = tmp_path / "dates.xlsx"
    with WorkshopDocument.open(demo_path) as document:
        action = node_codes_inverse(document)["1.1.1"]
        document.apply(document.plan_update("roadmap_node", action, start="2027-05-04"))
        write_roadmap_xlsx(document, path)
        sheet = load_workbook(path).worksheets[0]
        header = [cell.value for cell in sheet[1]]
        row = next(row for row in sheet.iter_rows(min_row=2) if row[header.index("Code")].value == "1.1.1")
        start, end = row[header.index("Start")], row[header.index("End")]
        assert start.value == dt.datetime(2027, 5, 4) and start.number_format == "yyyy-mm-dd"
        assert end.value == "2027-Q4"  # a quarter stays as it is written
        assert plan_workbook_import(document, path).report == ["no changes"]


def test_number_columns_hold_numbers_or_nothing(workbook):
    numeric = {"Road map": ("Cost", "Funding secured", "Funding gap", "Gender marker"),
               "Indicators": ("Baseline year", "Target year"),
               "Budget": ("Actions", "Not costed", "Cost", "Funding secured", "Funding gap", "Secured")}
    for name, columns in numeric.items():
        sheet = workbook[name]
        header = [cell.value for cell in sheet[1]]
        table_end = int(sheet.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) \
            if sheet.auto_filter.ref else sheet.max_row
        for row in sheet.iter_rows(min_row=2, max_row=table_end, values_only=True):
            for column in columns:
                value = row[header.index(column)]
                assert value is None or isinstance(value, (int, float)), (name, column, value)
