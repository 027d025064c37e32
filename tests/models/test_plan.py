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
    for table in reversed(schema.ADDED_IN[3] + schema.ADDED_IN[4]):
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
