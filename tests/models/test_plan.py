"""What a national action plan holds beyond the road map (format 3): reference figures prefilled
with the latest global estimates in the workshop's language, the texts only the country can
write, acronyms and funding sources; a format-2 file gains them on opening."""

import sqlite3

import pytest

from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.file import schema
from workshop_app.models.plan.acronyms import acronym_list
from workshop_app.models.plan.figures import figure_text, reference_figures
from workshop_app.models.plan.funding import costing
from workshop_app.models.plan.texts import plan_text_change, plan_texts


def undo(document, change):
    document.apply(change.inverse())


def test_a_new_workshop_cites_the_latest_estimates_in_its_language(document):
    figures = reference_figures(document)
    assert [(figure["value"], figure["year"]) for figure in figures][:2] == [(50e6, 2021), (27.6e6, 2021)]
    assert all(figure["source"] for figure in figures)
    # The fixture's workshop works in French first.
    assert "travail forcé" in figures[1]["counts"]
    assert "Estimations mondiales" in figures[1]["source"]
    assert figure_text(figures[1]["value"], "fr") == "27,6 millions"
    assert figure_text(12_500, "en") == "12,500"


def test_a_reference_figure_typed_the_french_way_is_read(document):
    first = reference_figures(document)[0]
    document.apply(document.plan_update("reference_figure", first["id"], value="51,5"))
    assert document.get("reference_figure", first["id"])["value"] == 51.5
    with pytest.raises(InvalidValueError, match="needs its number"):
        document.plan_update("reference_figure", first["id"], value="")
    with pytest.raises(InvalidValueError, match="not a year"):
        document.plan_update("reference_figure", first["id"], year="l'an dernier")


def test_a_section_s_text_is_written_undone_and_kept_apart(document):
    change = plan_text_change(document, "foreword", "Le ministre présente le plan.")
    assert change.description == "Modifier Avant-propos" or change.description.endswith("Foreword")
    document.apply(change)
    assert plan_texts(document)["foreword"] == "Le ministre présente le plan."
    assert plan_texts(document)["framework"] == ""
    document.apply(plan_text_change(document, "foreword", "Deuxième version"))
    assert document.count("plan_text") == 1
    undo(document, change)
    assert plan_texts(document)["foreword"] == ""
    with pytest.raises(InvalidValueError):
        plan_text_change(document, "preface", "x")


def test_acronyms_come_from_the_organizations_and_from_the_facilitator(document):
    document.apply(document.plan_insert("organization", name="Ministère du Travail", acronym="MTEFP"))
    document.apply(document.plan_insert("organization", name="Organisation internationale du Travail",
                                        acronym="OIT"))
    document.apply(document.plan_insert("organization", name="Sans sigle"))
    document.apply(document.plan_insert("acronym", acronym="PAN", meaning="Plan d'action national"))
    document.apply(document.plan_insert("acronym", acronym="OIT", meaning="Organisation internationale du Travail "
                                                                          "(BIT pour son secrétariat)"))
    listed = acronym_list(document)
    assert [acronym for acronym, _ in listed] == ["MTEFP", "OIT", "PAN"]
    assert dict(listed)["OIT"].endswith("(BIT pour son secrétariat)")
    with pytest.raises(InvalidValueError, match="acronym"):
        document.plan_insert("acronym", acronym="  ")


def test_costing_by_source_and_year_never_adds_currencies(demo_document_copy):
    document = demo_document_copy
    actions = document.rows("roadmap_node", "level = 'action' AND status != 'dropped'", order_by="rowid")
    government = document.rows("organization", "acronym = 'MoLESS'")[0]
    ilo = document.rows("organization", "acronym = 'ILO'")[0]
    for node, organization, amount, currency, year in (
            (actions[0], government, "1 000 000", "NPR", 2027), (actions[0], ilo, "20,000", "USD", 2027),
            (actions[1], government, "500,000", "NPR", 2028), (actions[1], None, "5,000", "USD", None)):
        document.apply(document.plan_insert("funding_source", node_id=node["id"], position=0,
                                            organization_id=organization["id"] if organization else None,
                                            source="" if organization else "Private foundation",
                                            amount=amount, currency=currency, year=year))
    table = costing(document)
    assert table["NPR"] == {"MoLESS": {2027: 1_000_000, 2028: 500_000}}
    assert table["USD"] == {"ILO": {2027: 20_000}, "Private foundation": {None: 5_000}}
    with pytest.raises(InvalidValueError, match="not a year"):
        document.plan_insert("funding_source", node_id=actions[0]["id"], position=1, year="2027a")
    document.apply(document.plan_delete("roadmap_node", actions[1]["id"]))
    assert "Private foundation" not in costing(document)["USD"]


@pytest.fixture
def demo_document_copy(demo_path):
    """The demo without the funding sources it comes with."""
    with WorkshopDocument.open(demo_path) as document:
        document.apply(Change("", tuple(RowChange("funding_source", row["id"], row, None)
                                        for row in document.rows("funding_source"))))
        yield document


def format_2_file(path):
    """A file as format 2 wrote it: the same tables, without the plan's."""
    conn = sqlite3.connect(path, isolation_level=None)
    for table in reversed([table for version, tables in sorted(schema.ADDED_IN.items()) if version > 2
                           for table in tables]):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    return path


def test_a_format_2_file_gains_the_plan_s_tables_and_figures(workshop_path, tmp_path):
    fresh = tmp_path / "fresh.workshop"
    WorkshopDocument.create(fresh, title="x", country="MG", languages="fr").close()
    format_2_file(workshop_path)
    with WorkshopDocument.open(workshop_path) as document:
        assert document.schema_version() == schema.SCHEMA_VERSION
        assert document.schema_differences() == []
        assert "atelier.format-2-backup.workshop" in document.opening_notes[0]
        assert len(reference_figures(document)) == 6
        assert "travail forcé" in reference_figures(document)[1]["counts"]
        document.apply(plan_text_change(document, "framework", "Conventions ratifiées : C29, C138, C182."))
    with sqlite3.connect(workshop_path) as upgraded, sqlite3.connect(fresh) as new:
        query = "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY name"
        assert upgraded.execute(query).fetchall() == new.execute(query).fetchall()


def test_a_version_keeps_the_funding_sources_and_restoring_brings_them_back(demo_document_copy):
    from workshop_app.models.roadmap.versions import plan_freeze_version, plan_restore_version

    document = demo_document_copy
    action = document.rows("roadmap_node", "level = 'action'", order_by="rowid")[0]
    government = document.rows("organization", "acronym = 'MoLESS'")[0]
    document.apply(document.plan_insert("funding_source", node_id=action["id"], position=0,
                                        organization_id=government["id"], amount="250,000", currency="NPR",
                                        year=2027))
    document.apply(plan_freeze_version(document, "Draft after day 2"))
    source = document.rows("funding_source")[0]
    document.apply(document.plan_update("funding_source", source["id"], amount="300,000"))
    document.apply(document.plan_insert("funding_source", node_id=action["id"], position=1, source="Donor",
                                        amount="10", currency="USD"))
    restore = plan_restore_version(document, "Draft after day 2")
    document.apply(restore)
    assert [(row["amount"], row["year"]) for row in document.rows("funding_source")] == [(250_000, 2027)]
    document.apply(restore.inverse())
    assert sorted(row["amount"] for row in document.rows("funding_source")) == [10, 300_000]


# ---------------------------------------------------------------------------------- cost by year

def action(node_id, cost, currency="USD", start=None, end=None, status="agreed"):
    return {"id": node_id, "level": "action", "status": status, "cost": cost, "currency": currency, "start": start,
            "end": end}


def source(node_id, amount, currency="USD", year=None):
    return {"node_id": node_id, "amount": amount, "currency": currency, "year": year}


def by_year(rows):
    return {row.year: (row.cost, row.secured, row.to_fund) for row in rows}


def test_quarters_and_dates_are_read_by_one_parser():
    from workshop_app.models.roadmap.yearly import quarter_index, quarter_of, quarters_run

    assert quarter_of("2027-Q3") == (2027, 3)
    assert quarter_of("2027-08-15") is None and quarter_of(None) is None
    assert quarter_index("2027-Q3") == quarter_index("2027-08-15") == 2027 * 4 + 2
    assert quarter_index("2027-Q1") == quarter_index("2027-03-31") == 2027 * 4
    assert quarter_index("") is None and quarter_index("soon") is None and quarter_index("2027-13-01") is None
    assert list(quarters_run("2027-Q3", None)) == [2027 * 4 + 2]  # no end: its start quarter alone
    assert quarters_run(None, "2028-Q1") is None  # no start: no year
    assert len(quarters_run("2027-10-01", "2029-Q1")) == 6


def test_an_action_s_cost_is_spread_evenly_over_the_quarters_it_runs():
    from workshop_app.models.roadmap.yearly import cost_by_year_of

    nodes = [
        {"id": "goal", "level": "goal", "status": "proposed", "cost": None},
        action("halves", 800, start="2027-Q3", end="2028-Q2"),  # two quarters in each year
        action("dated", 600, start="2027-10-01", end="2029-03-31"),  # Q4 2027 to Q1 2029: 1, 4 and 1 quarters
        action("no end", 50, start="2028-Q2"),
        action("no start", 70, end="2029-Q1"),
        action("dropped", 1000, start="2027-Q1", end="2027-Q4", status="dropped"),
        action("rupees", 1_000_000, currency="NPR", start="2027-Q2", end="2027-Q4"),
        action("uncosted", None, start="2027-Q1"),
    ]
    sources = [source("halves", 300, year=2027), source("halves", 200, year=2028),
               source("dropped", 500, year=2027), source("uncosted", 30),
               source("rupees", 250_000, "NPR", 2029)]
    table = cost_by_year_of(nodes, sources)
    assert list(table) == ["NPR", "USD"]  # never added together
    assert by_year(table["USD"]) == {
        # The source without a year is there from the start: it meets part of 2027's cost.
        2027: (400 + 100, 300, 170),
        2028: (400 + 400 + 50, 200, 650),
        2029: (100, 0, 100),
        None: (70, 30, 70),  # the action without a start and the source without a year
    }
    assert [row.year for row in table["USD"]] == [2027, 2028, 2029, None]
    # A year with cost and nothing secured leaves its whole cost to fund; funding after the cost fills nothing.
    assert by_year(table["NPR"]) == {2027: (1_000_000, 0, 1_000_000), 2029: (0, 250_000, 0)}


def test_funding_secured_ahead_of_a_year_s_cost_counts_towards_the_years_after_it():
    from workshop_app.models.roadmap.yearly import cost_by_year_of

    nodes = [action("two years", 200, start="2027-Q1", end="2028-Q4"), action("later", 90, start="2029-Q1")]
    sources = [source("two years", 150, year=2027), source("later", 20, year=2029)]
    assert by_year(cost_by_year_of(nodes, sources)["USD"]) == {
        2027: (100, 150, 0), 2028: (100, 0, 50), 2029: (90, 20, 70)}


def test_a_spread_cost_adds_up_to_the_cost_exactly():
    from workshop_app.models.roadmap.yearly import quarters_run, spread_over_years

    assert spread_over_years(1_000_000, quarters_run("2027-Q3", "2028-Q1")) == {2027: 666_667, 2028: 333_333}
    thirds = spread_over_years(100, quarters_run("2027-Q4", "2029-Q1"))  # 1/6, 4/6 and 1/6 of 100
    assert thirds == {2027: 17, 2028: 67, 2029: 16} and sum(thirds.values()) == 100
    assert spread_over_years(100.5, quarters_run("2027-Q4", "2028-Q1")) == {2027: 50.25, 2028: 50.25}


def test_the_years_add_up_to_the_totals_per_currency_and_a_version_keeps_its_own(demo_path):
    from workshop_app.models.roadmap.totals import totals
    from workshop_app.models.roadmap.versions import plan_freeze_version
    from workshop_app.models.roadmap.yearly import cost_by_year

    def sums(table):
        return {currency: (sum(row.cost for row in rows), sum(row.secured for row in rows),
                           sum(row.to_fund for row in rows)) for currency, rows in table.items()}

    with WorkshopDocument.open(demo_path) as document:
        before = {currency: (total.cost, total.funding_secured, total.gap)
                  for currency, total in totals(document).overall.items() if total.cost}
        assert before["NPR"] == (130_500_000, 32_700_000, 97_800_000)
        assert sums(cost_by_year(document)) == before
        assert by_year(cost_by_year(document)["NPR"])[2030] == (22_567_531, 0, 22_567_531)
        document.apply(plan_freeze_version(document, "Validated"))
        largest = document.rows("roadmap_node", "level = 'action' AND currency = 'NPR'", order_by="cost DESC")[0]
        document.apply(document.plan_update("roadmap_node", largest["id"], status="dropped"))
        after = sums(cost_by_year(document))["NPR"]
        assert after[0] == before["NPR"][0] - largest["cost"]
        assert after[0] == totals(document).overall["NPR"].cost
        assert sums(cost_by_year(document, "Validated")) == before
