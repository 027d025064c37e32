"""The road-map PDF as the national action plan a ministry endorses: its sections in a plan's
order, the country's own texts (or a box to complete them in a draft), acronyms, definitions,
reference figures with their year and source, the risk matrix; a cover that claims the
pathfinder status only for a pathfinder country."""

import re

import pytest
from pypdf import PdfReader

from workshop_app.export.roadmap_pdf.report import write_roadmap_pdf
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.plan.texts import plan_text_change
from workshop_app.models.roadmap.versions import plan_freeze_version, plan_mark_validated


def words(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def outline(path) -> list[str]:
    return [entry.title for entry in PdfReader(path).outline if not isinstance(entry, list)]


@pytest.fixture(scope="module")
def plan_pdf(demo_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "plan.pdf"
    write_roadmap_pdf(demo_document, path)
    return path


def test_the_sections_come_in_a_national_action_plan_s_order(plan_pdf):
    assert outline(plan_pdf) == [
        "Endorsement", "Foreword", "Contents", "1 Acronyms", "2 Executive summary", "3 Definitions", "4 Context",
        "5 Legal and institutional framework", "6 The road map", "7 Timeline", "8 Implementation and coordination",
        "9 Monitoring and evaluation framework", "10 Risks and assumptions", "11 Budget summary",
        "12 Cross-cutting tables", "13 Responsibilities", "14 The workshop", "15 Acknowledgements",
        "Annex A List of participants",
        "Annex B Agenda"]


def test_the_country_s_texts_and_the_signature_blocks_print(plan_pdf, demo_document):
    text = words(plan_pdf)
    assert "submitted by the Ministry of Labour, Employment and Social Security to the Council of Ministers" in text
    assert "Hari Prasad Dhakal Secretary, Ministry of Labour, Employment and Social Security" in text
    assert text.count("Date: ____________________") == 6
    assert "Rajesh Kumar Agrawal Chair, Labour and Employment Committee" in text  # the employers sign too
    assert "Nepal asked to become an Alliance 8.7 pathfinder country to go further and faster" in text
    assert "Kamaiya Labour" in text and "Conventions Nos 138 and 182 set 18" in text
    assert "A National Steering Committee chaired by the Secretary" in text
    assert "Reporting and reviews" in text and "mid-term review in the first quarter of 2029" in text
    assert "To be completed" not in text


def test_acronyms_definitions_and_the_first_year_s_priorities(plan_pdf):
    text = words(plan_pdf)
    assert "MoLESS Ministry of Labour, Employment and Social Security" in text
    assert "P29 Protocol of 2014 to the Forced Labour Convention, 1930" in text
    assert "ILO Forced Labour Convention, 1930 (No. 29), Article 2(1)" in text
    assert "ILO Worst Forms of Child Labour Convention, 1999 (No. 182), Articles 2 and 3" in text
    assert "(Palermo Protocol, 2000), Article 3" in text
    assert "Priorities of the first year (2027)" in text and "25 actions start in the plan's first year." in text


def test_reference_figures_print_with_their_year_and_source(plan_pdf):
    text = words(plan_pdf)
    assert "27.6 million people in forced labour" in text
    assert "2021 · ILO, Walk Free and IOM, Global Estimates of Modern Slavery" in text
    assert "138 million children in child labour 2024 · ILO and UNICEF" in text
    assert "40 million people in modern slavery: 25 million" not in text  # the 2016 tiles are gone


def test_the_risk_matrix_holds_each_action_s_risks_and_assumptions(plan_pdf, demo_document):
    text = words(plan_pdf)
    assert "Seasonal workers move between kilns; resistance from some kiln owners." in text
    assert "Workers' organizations can reach seasonal migrant workers at the kilns." in text


def edited_copy(path, tmp_path, edit) -> WorkshopDocument:
    copy = tmp_path / "copy.workshop"
    copy.write_bytes(path.read_bytes())
    document = WorkshopDocument.open(copy)
    edit(document)
    return document


def test_an_empty_text_asks_to_be_completed_in_a_draft_and_leaves_a_validated_version(demo_path, tmp_path):
    def edit(document):
        document.apply(plan_text_change(document, "foreword", ""))
        document.apply(plan_freeze_version(document, "Validated"))
        document.apply(plan_mark_validated(document, "Validated"))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "draft.pdf")
        write_roadmap_pdf(document, tmp_path / "validated.pdf", version="Validated")
    draft = words(tmp_path / "draft.pdf")
    assert "Foreword To be completed A word from the minister" in draft
    assert "Foreword" not in outline(tmp_path / "validated.pdf")
    assert "To be completed" not in words(tmp_path / "validated.pdf")


@pytest.mark.parametrize(("country", "claimed"), [("NP", True), ("FR", False)])
def test_only_a_pathfinder_country_s_cover_says_so(demo_path, tmp_path, country, claimed):
    def edit(document):
        document.apply(document.plan_update("workshop", document.workshop()["id"], country=country))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "cover.pdf", sections=["roadmap"])
    cover = PdfReader(tmp_path / "cover.pdf").pages[0].extract_text().upper()
    assert ("PATHFINDER COUNTRY" in cover) is claimed
    assert claimed or "NATIONAL ACTION PLAN" in cover


def test_the_plan_in_french(demo_document, tmp_path):
    path = tmp_path / "plan-fr.pdf"
    write_roadmap_pdf(demo_document, path, lang="fr")
    text = words(path)
    assert outline(path)[:3] == ["Approbation", "Avant-propos", "Table des matières"]
    assert "3 Définitions" in outline(path)
    assert "27,6 millions" in text
    assert "Convention (n° 29) sur le travail forcé, 1930" in text


def test_sections_can_be_chosen_and_the_old_global_picture_still_prints_the_figures(demo_document, tmp_path):
    path = tmp_path / "some.pdf"
    write_roadmap_pdf(demo_document, path, sections="risks, acronyms, global")
    assert outline(path) == ["Contents", "1 Acronyms", "2 Context", "3 Risks and assumptions"]
    assert "27.6 million" in words(path)


def test_a_plan_without_texts_figures_or_acronyms_still_prints(demo_path, tmp_path):
    def edit(document):
        for table in ("plan_text", "reference_figure", "acronym"):
            document.apply(Change("", tuple(RowChange(table, row["id"], row, None) for row in document.rows(table))))
        document.apply(Change("", tuple(RowChange("organization", row["id"], {"acronym": row["acronym"]},
                                                  {"acronym": ""}) for row in document.rows("organization"))))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "bare.pdf")
    text = words(tmp_path / "bare.pdf")
    assert "The workshop cites no reference figures." in text
    assert "No organization of the workshop has an acronym, and none was added." in text
    assert text.count("To be completed") >= 7


def test_the_command_line_knows_the_report_s_sections_and_prints_only_those_asked(demo_path, tmp_path, capsys):
    from workshop_app.cli import main
    from workshop_app.export.registry import ROADMAP_SECTIONS
    from workshop_app.export.roadmap_pdf.report import SECTIONS

    assert ROADMAP_SECTIONS == SECTIONS
    out = tmp_path / "two.pdf"
    assert main(["export", str(demo_path), str(out), "--what", "roadmap", "--sections", "definitions,risks"]) == 0
    assert outline(out) == ["Contents", "1 Definitions", "2 Risks and assumptions"]
    assert main(["export", str(demo_path), str(out), "--what", "roadmap", "--sections", "preface"]) == 2
    assert "there is no section 'preface'" in capsys.readouterr().err


def test_the_reporting_part_of_the_m_and_e_section_is_in_the_export_s_language(demo_document, tmp_path):
    path = tmp_path / "me.pdf"
    write_roadmap_pdf(demo_document, path, lang="fr", sections=["monitoring"])
    text = words(path)
    assert "Rapports et examens" in text and "Reporting and reviews" not in text


def test_funding_by_source_and_year_adds_up_to_the_secured_funding_per_currency(plan_pdf):
    text = words(plan_pdf)
    assert "Funding by source and year" in text
    assert "UNICEF NPR 5,400,000 NPR 7,920,000 NPR 2,880,000 NPR 16,200,000" in text
    # The same totals as the budget summary's funding secured, never added across currencies.
    assert "Total NPR 21,900,000 NPR 7,920,000 NPR 2,880,000 NPR 32,700,000" in text
    assert "Total USD 843,000 USD 559,000 USD 48,000 USD 1,450,000" in text


def test_cross_cutting_tables_and_attendance_per_day(plan_pdf):
    text = words(plan_pdf)
    assert "By pillar" in text and "Prevention 22 NPR 78,200,000; USD 1,955,000" in text
    assert "No Action Group 14" in text
    assert "3 - gender equality is the principal objective 2 NPR 2,500,000; USD 500,000" in text
    for day, attended in (("Tuesday 9 March 2027", 114), ("Wednesday 10 March 2027", 111),
                          ("Thursday 11 March 2027", 113)):
        assert f"{day} {attended}" in text


def test_an_outcome_starts_a_page_only_when_less_than_a_third_is_left(demo_document, tmp_path):
    path = tmp_path / "roadmap.pdf"
    write_roadmap_pdf(demo_document, path, sections=["roadmap"])
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    # An outcome's heading is never left alone at the foot of a page: its first action is with it.
    for code in "1234":
        page = next(page for page in pages if f"OUTCOME {code}" in page)
        assert page.index(f"OUTCOME {code}") < page.index(f"{code}.1.1 ")
    # An outcome whose opening fits follows the previous outcome's last rows on the same page.
    assert any("1.3.3" in page and "OUTCOME 2" in page for page in pages)


def test_the_m_and_e_plan_lists_milestones_and_the_acknowledgements_the_institutions(plan_pdf):
    text = words(plan_pdf)
    assert "Milestones Code Action Lead Due" in text
    milestones = text[text.index("Milestones Code Action Lead Due"):]
    assert "Establish the national Alliance 8.7 steering committee" in milestones
    assert "Contributing institutions Government Department of Foreign Employment; Department of Labour" in text
    assert "Nepal Police, Anti-Human Trafficking Bureau" in text


def test_a_page_s_header_names_the_outcome_it_starts_with(demo_document, tmp_path):
    import re

    path = tmp_path / "headers.pdf"
    write_roadmap_pdf(demo_document, path, sections=["roadmap"])
    checked = 0
    for page in PdfReader(path).pages:
        lines = page.extract_text().splitlines()
        header = next((line for line in lines if "The road map · Outcome" in line), None)
        codes = re.findall(r"\b(\d)\.\d\.\d\b", " ".join(lines))
        if header and codes:
            assert header.strip().endswith(f"Outcome {codes[0]}"), (header, codes[0])
            checked += 1
    assert checked >= 4


def test_a_page_that_goes_on_inside_an_output_repeats_its_heading(demo_document, tmp_path):
    import re

    path = tmp_path / "continued.pdf"
    write_roadmap_pdf(demo_document, path, sections=["roadmap"])
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    tables = [page for page in pages if "Funding gap Output" in page or re.search(r"Funding gap \d\.\d\.\d", page)]
    assert len(tables) >= 5
    # After the repeated column headers, every page of the matrix starts with an output's heading.
    assert all("Funding gap Output" in page for page in tables)


def test_each_action_prints_the_details_the_workshop_recorded(plan_pdf, demo_document):
    text = words(plan_pdf)
    action = demo_document.rows("roadmap_node", "level = 'action' AND title LIKE 'Legal gap analysis%'")[0]
    assert " ".join(action["description"].split()) in text
    assert ("Geographic scope: National · Target 8.7 issues: Forced labour, Child labour, Human trafficking, "
            "Modern slavery · Pillars: Prevention, Prosecution · Action Group: Rule of Law and Governance · "
            "SDGs: 8, 16 · Gender marker: 1 - limited contribution") in text
    assert "Comments: " + " ".join(action["comments"].split()) in text


def test_a_text_too_long_for_its_cell_goes_on_in_a_note_under_the_table(demo_path, tmp_path):
    description = " ".join(f"Step {number} of the inspection reform." for number in range(1, 400))
    risks = "Turnover of trained inspectors. " * 80

    def edit(document):
        action = document.rows("roadmap_node", "level = 'action' AND title LIKE 'Legal gap analysis%'")[0]
        document.apply(document.plan_update("roadmap_node", action["id"], None, description=description,
                                            risks=risks))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "long.pdf", sections=["roadmap", "risks"])
    text = words(tmp_path / "long.pdf")
    assert "…" not in text
    start, rest = text.split("(continued in note 1)")
    assert "Step 1 of the inspection reform." in start and "Step 399 of the inspection reform." not in start
    assert "Note 1: 1.1.1, Description, continued" in rest
    assert "Step 399 of the inspection reform." in rest
    # Every step is printed, once.
    assert all(text.count(f"Step {number} of") == 1 for number in range(1, 400))
    assert "Note 2: 1.1.1, Risks, continued" in text
    assert text.count("Turnover") == 80 and text.count("inspectors.") == 80


def test_an_action_and_its_details_stay_on_one_page():
    from workshop_app.export.pdf.tables import TableRow, rows_that_fit
    rows = [TableRow(["1.1.1"]), TableRow(["details"], span=1, attached=True), TableRow(["1.1.2"]),
            TableRow(["details"], span=1, attached=True)]
    heights = [20, 30, 20, 30]
    assert rows_that_fit(rows, heights, 75) == 2  # 1.1.2 fits, its details do not: it waits
    assert rows_that_fit(rows, heights, 100) == 4
    # A pair taller than a page is still printed, over two pages.
    assert rows_that_fit(rows[2:], heights[2:], 25) == 1


def test_the_m_and_e_plan_lists_the_indicators_targets_by_the_year_they_are_due(plan_pdf):
    text = words(plan_pdf)
    calendar = text[text.index("Targets by year"):text.index("Milestones")]
    assert calendar.index("2028") < calendar.index("2029") < calendar.index("2030")
    assert ("2029 1.2 Labour inspectors trained on identifying forced labour and child labour under this road map "
            "150 DoLOS") in calendar


def test_the_budget_gives_the_cost_and_funding_of_each_year_per_currency(plan_pdf):
    text = words(plan_pdf)
    budget = text[text.index("11 Budget summary Amounts are given"):text.index("Cross-cutting tables By pillar")]
    assert budget.index("Per outcome") < budget.index("Cost by year") < budget.index("Funding by source and year")
    years = budget[budget.index("Cost by year"):budget.index("Funding by source and year")]
    assert years.count("Year Estimated cost Funding secured Funding gap") == 2  # one table per currency
    # 2027 secures more than it costs: the rest counts towards 2028.
    assert "2027 NPR 13,002,655 NPR 21,900,000 NPR 0 2028 NPR 52,508,241 NPR 7,920,000 NPR 35,690,896" in years
    # A year with nothing secured leaves its whole estimated cost to fund.
    assert "2030 NPR 22,567,531 NPR 0 NPR 22,567,531 Total" in years
    assert "2030 USD 394,917 USD 0 USD 394,917 Total" in years
    # The totals are those of the totals per currency, and the funding secured by source.
    assert "Totals per currency Currency Actions Estimated cost Funding secured Funding gap Funded Not costed " \
           "NPR 20 130,500,000 32,700,000 97,800,000 25% – USD 19 3,200,000 1,450,000 1,750,000 45%" in budget
    assert "Total NPR 130,500,000 NPR 32,700,000 NPR 97,800,000" in years
    assert "Total USD 3,200,000 USD 1,450,000 USD 1,750,000" in years
    assert "Total NPR 21,900,000 NPR 7,920,000 NPR 2,880,000 NPR 32,700,000" in budget
    assert "spread evenly over the quarters from its start to its end" in years
    assert "add up to" not in years and "does not fill" not in years  # the demo's figures agree


def test_the_executive_summary_gives_the_plan_in_figures_of_the_budget(plan_pdf):
    text = words(plan_pdf)
    summary = text[text.index("2 Executive summary By 2030"):text.index("Priorities of the first year (2027)")]
    assert "The plan in figures 4 outcomes · 12 outputs · 41 actions" in summary
    assert "Estimated cost Funding secured Funding gap Funded NPR 130,500,000 NPR 32,700,000 NPR 97,800,000 25% " \
           "USD 3,200,000 USD 1,450,000 USD 1,750,000 45%" in summary
    assert "2 actions have no estimated cost yet and are not counted in these amounts." in summary


def test_a_frozen_version_prints_its_own_figures_by_year_and_in_the_summary(demo_path, tmp_path):
    def edit(document):
        document.apply(plan_freeze_version(document, "Validated"))
        document.apply(plan_mark_validated(document, "Validated"))
        largest = document.rows("roadmap_node", "level = 'action' AND currency = 'NPR'", order_by="cost DESC")[0]
        assert (largest["cost"], largest["start"], largest["end"]) == (24_000_000, "2028-Q1", "2030-Q4")
        document.apply(document.plan_update("roadmap_node", largest["id"], status="dropped"))
        sources = document.rows("funding_source", "node_id = ?", [largest["id"]])
        document.apply(document.plan_insert("funding_source", node_id=largest["id"], position=len(sources),
                                            source="Donor", amount=1_000, currency="NPR", year=2030))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "draft.pdf", sections=["summary", "budget"])
        write_roadmap_pdf(document, tmp_path / "validated.pdf", sections=["summary", "budget"], version="Validated")
    validated, draft = words(tmp_path / "validated.pdf"), words(tmp_path / "draft.pdf")
    assert "Total NPR 130,500,000 NPR 32,700,000 NPR 97,800,000" in validated
    assert "2030 NPR 22,567,531 NPR 0 NPR 22,567,531" in validated
    assert "4 outcomes · 12 outputs · 41 actions" in validated
    # Dropped: its NPR 8,000,000 a year and its NPR 6,000,000 of sources leave the draft's years, and the
    # source added to it later counts nowhere.
    assert "4 outcomes · 12 outputs · 40 actions" in draft
    assert "NPR 106,500,000 NPR 26,700,000 NPR 79,800,000" in draft
    assert "2030 NPR 14,567,531 NPR 0 NPR 14,567,531" in draft
    assert "Total NPR 106,500,000 NPR 26,700,000 NPR 79,800,000" in draft


def test_the_budget_by_year_says_why_its_totals_differ_from_the_totals_per_currency(demo_path, tmp_path):
    def edit(document):
        # NPR: an action records more funding secured than its funding sources give.
        rupees = document.rows("roadmap_node", "level = 'action' AND currency = 'NPR' AND cost = 4200000")[0]
        document.apply(document.plan_update("roadmap_node", rupees["id"], funding_secured=5_200_000))
        # USD: an action secures more than it costs; its surplus fills no other action's gap.
        dollars = document.rows("roadmap_node", "level = 'action' AND currency = 'USD' AND cost = 15000")[0]
        document.apply(document.plan_update("roadmap_node", dollars["id"], funding_secured=25_000))
        source = document.rows("funding_source", "node_id = ?", [dollars["id"]])[0]
        document.apply(document.plan_update("funding_source", source["id"], amount=25_000))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "budget.pdf", sections=["budget"])
    text = words(tmp_path / "budget.pdf")
    assert "Total NPR 130,500,000 NPR 32,700,000 NPR 97,800,000 The actions' funding sources add up to " \
           "NPR 32,700,000; their funding secured, counted in the totals per currency, to NPR 33,700,000." in text
    assert "Total USD 3,200,000 USD 1,460,000 USD 1,740,000 The funding gap is USD 1,750,000: money secured " \
           "beyond one action's cost does not fill another action's gap." in text


def test_a_validated_version_prints_the_texts_figures_and_acronyms_it_was_endorsed_with(demo_path, tmp_path):
    from workshop_app.models.plan.figures import reference_figures

    def edit(document):
        document.apply(plan_freeze_version(document, "Endorsed"))
        document.apply(plan_mark_validated(document, "Endorsed"))
        document.apply(plan_text_change(document, "foreword", "EDITED AFTER VALIDATION foreword"))
        document.apply(plan_text_change(document, "signatories", "EDITED AFTER VALIDATION, Nobody"))
        first = reference_figures(document)[0]
        document.apply(document.plan_update("reference_figure", first["id"], None, counts="EDITED AFTER VALIDATION"))
        document.apply(document.plan_insert("acronym", None, acronym="EAV", meaning="EDITED AFTER VALIDATION"))
        document.apply(document.plan_update("workshop", document.workshop()["id"], None,
                                            national_context="EDITED AFTER VALIDATION context"))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "endorsed.pdf", version="Endorsed")
        write_roadmap_pdf(document, tmp_path / "draft.pdf")
    endorsed, draft = words(tmp_path / "endorsed.pdf"), words(tmp_path / "draft.pdf")
    assert "EDITED AFTER VALIDATION" not in endorsed
    assert "Hari Prasad Dhakal" in endorsed and "people living in modern slavery" in endorsed
    assert draft.count("EDITED AFTER VALIDATION") == 5


def test_arabic_labels_in_plain_table_cells_print(demo_document, tmp_path):
    write_roadmap_pdf(demo_document, tmp_path / "ar.pdf", lang="ar", sections=["summary", "workshop"])
    import subprocess

    text = subprocess.run(["pdftotext", str(tmp_path / "ar.pdf"), "-"], capture_output=True, text=True).stdout
    text = re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)  # the extractor's direction marks
    priorities = text[text.index("أولويات السنة الأولى"):]
    assert "الربع" in priorities  # the quarter a first-year priority starts
    attendance = " ".join(text[text.index("الحضور حسب اليوم"):].split())
    assert "1 اليوم" in attendance and "مارس" in attendance and "الثلاثاء" in attendance  # read back right to left


def test_a_long_citation_or_signatory_goes_on_in_a_note_instead_of_failing(demo_path, tmp_path):
    from workshop_app.models.plan.figures import reference_figures

    citation = "A very long citation of the survey report. " * 100 + "END OF CITATION"
    signatory = "Minister of Labour, " + "Employment and Social Security " * 200 + "END OF TITLE"

    def edit(document):
        first = reference_figures(document)[0]
        document.apply(document.plan_update("reference_figure", first["id"], None, source=citation))
        document.apply(plan_text_change(document, "signatories", signatory))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "long.pdf", sections=["endorsement", "global"])
    text = words(tmp_path / "long.pdf")
    assert "END OF CITATION" in text and "END OF TITLE" in text
    assert "(continued in note 1)" in text and "…" not in text


def test_a_pasted_list_of_many_lines_keeps_its_lines_and_loses_none(demo_path, tmp_path):
    risks = "\n".join(f"Risk line {number}" for number in range(1, 301))

    def edit(document):
        action = document.rows("roadmap_node", "level = 'action' AND title LIKE 'Legal gap analysis%'")[0]
        document.apply(document.plan_update("roadmap_node", action["id"], None, risks=risks))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "lines.pdf", sections=["risks"])
    text = words(tmp_path / "lines.pdf")
    assert all(f"Risk line {number} " in text + " " for number in range(1, 301))
    table, note = text.split("(continued in note 1)")
    assert "Risk line 15 " in table and "Risk line 16 " not in table + " "
    assert "Note 1: 1.1.1, Risks, continued Risk line 16 Risk line 17" in note


def test_an_amount_wider_than_its_column_is_set_smaller_never_over_the_next_column(demo_path, tmp_path):
    from reportlab.lib.styles import ParagraphStyle

    from workshop_app.export.roadmap_pdf.canvas_text import text_width
    from workshop_app.export.roadmap_pdf.charts import SMALLEST_NUMBER, Amount
    from workshop_app.export.roadmap_pdf.table import number_cell

    def edit(document):
        action = document.rows("roadmap_node", "level = 'action' AND currency = 'NPR'")[0]
        document.apply(document.plan_update("roadmap_node", action["id"], cost=987_654_321_098_765))

    with edited_copy(demo_path, tmp_path, edit) as document:
        write_roadmap_pdf(document, tmp_path / "budget.pdf", sections=["budget"])
    sizes = {}

    def seen(text, cm, tm, font, size):
        if text.strip():
            sizes.setdefault(text.strip(), set()).add(round(size * tm[0], 2))

    for page in PdfReader(tmp_path / "budget.pdf").pages:
        page.extract_text(visitor_text=seen)
    huge = [text for text in sizes if text.startswith("987,654,")]
    assert huge, "the amount prints whole"
    # Set smaller than any ordinary amount of the budget's tables (a wider table keeps its size).
    assert min(min(sizes[text]) for text in huge) < min(sizes["3,200,000"])
    # The same rule in numbers (the export registered the fonts): a budget in dong runs to 15
    # digits and more, too wide for a 60-point column at the table's size.
    dong = "1,250,000,000,000,000"
    amount = Amount(dong)
    amount.wrap(60, 100)
    assert SMALLEST_NUMBER <= amount.drawn_size < amount.size
    assert text_width(dong, amount.font, amount.drawn_size) <= 60
    cell = number_cell(dong, ParagraphStyle("cell", fontName="Helvetica", fontSize=7.5, leading=9), 60)
    assert cell.wrap(60, 100)[1] < 9  # one line, smaller
    assert number_cell("3,200,000", ParagraphStyle("cell", fontName="Helvetica", fontSize=7.5), 60) == "3,200,000"

