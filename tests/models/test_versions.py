"""Versions: freeze the road map, list, compare in plain words, restore in one undoable step."""

import datetime as dt

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.diff import compare
from workshop_app.models.roadmap.editing import (
    plan_add_node,
    plan_delete_node,
    plan_move_node,
    plan_set_partners,
)
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.roadmap.versions import (
    list_versions,
    plan_freeze_version,
    plan_mark_validated,
    plan_restore_version,
    snapshot,
)

ROADMAP_TABLES = ("roadmap_node", "action_partner", "indicator", "plenary_comment")


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


def node_id(document, code):
    return {code_: id_ for id_, code_ in node_codes(document).items()}[code]


def org_id(document, acronym):
    return document.rows("organization", "acronym = ?", [acronym])[0]["id"]


def all_rows(document):
    return {table: sorted(document.rows(table), key=lambda row: row["id"]) for table in ROADMAP_TABLES}


def roadmap_part(data):
    return {key: data[key] for key in ("nodes", "partners", "indicators")}


def freeze(document, name, note=""):
    document.apply(plan_freeze_version(document, name, note))


def edit_a_lot(document):
    """What a plenary does in an afternoon."""
    document.apply(plan_move_node(document, node_id(document, "1.2.3"), node_id(document, "2.1"), 0))
    document.apply(plan_delete_node(document, node_id(document, "3.3")))
    added = plan_add_node(document, node_id(document, "4.3"), "action", title="Radio drama on safe migration",
                          cost=8000, currency="USD", lead_organization_id=org_id(document, "IOM"))
    document.apply(added)
    new_action = added.rows[0].row_id
    document.insert("plenary_comment", node_id=new_action, text="Use local languages",
                    created_at="2027-05-06T09:00:00+00:00")
    document.apply(plan_set_partners(document, new_action, {org_id(document, "ILO"): "support"}))
    document.update("roadmap_node", node_id(document, "2.2.1"), status="done", cost=2_000_000,
                    title="Revised guideline for child labour free municipalities")
    document.apply(plan_set_partners(document, node_id(document, "2.1.4"), {
        org_id(document, "DoFE"): "lead", org_id(document, "IOM"): "support", org_id(document, "UNODC"): "consulted"}))
    indicator = document.rows("indicator", "node_id = ?", [node_id(document, "1.2")])[0]
    document.update("indicator", indicator["id"], target_value="200")
    document.insert("indicator", node_id=node_id(document, "4.2"), position=0, title="Steering committee meetings",
                    unit="meetings per year", target_value="4")


# ---------------------------------------------------------------------------------- freezing

def test_freezing_stores_the_road_map_with_codes(demo):
    change = plan_freeze_version(demo, "Draft after day 1", "before the plenary")
    assert demo.count("version") == 0  # planned, not written
    demo.apply(change)
    [version] = list_versions(demo)
    assert (version["name"], version["note"], version["validated"]) == ("Draft after day 1", "before the plenary",
                                                                        False)
    created = dt.datetime.fromisoformat(version["created_at"])
    assert created.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.UTC) - created) < dt.timedelta(minutes=1)
    frozen = snapshot(demo, "Draft after day 1")
    actions = [node for node in frozen["nodes"] if node["level"] == "action"]
    assert len(actions) == 41 and actions[0]["code"] == "1.1.1" and actions[-1]["code"] == "4.3.4"
    assert len(frozen["indicators"]) == 15
    assert len(frozen["partners"]) == demo.count("action_partner")
    assert frozen["indicators"][0]["node_code"] == "1"
    assert snapshot(demo, version["id"]) == frozen
    demo.apply(change.inverse())
    assert list_versions(demo) == []


def test_the_draft_snapshot_has_the_same_shape_and_a_frozen_one_stays_frozen(demo):
    freeze(demo, "Draft after day 1")
    assert snapshot(demo) == snapshot(demo, "Draft after day 1")
    edit_a_lot(demo)
    assert snapshot(demo) != snapshot(demo, "Draft after day 1")
    assert len([n for n in snapshot(demo, "Draft after day 1")["nodes"] if n["level"] == "action"]) == 41


def test_version_names_are_unique_and_required(demo):
    freeze(demo, "Draft after day 1")
    with pytest.raises(InvalidValueError, match="already a version named “Draft after day 1”"):
        plan_freeze_version(demo, "  draft AFTER day 1 ")
    with pytest.raises(InvalidValueError, match="give the version a name"):
        plan_freeze_version(demo, "   ")
    with pytest.raises(InvalidValueError, match="no version named “Day 9”"):
        snapshot(demo, "Day 9")


def test_marking_a_version_validated(demo):
    freeze(demo, "Draft after day 2")
    freeze(demo, "Validated 2027-05-06")
    change = plan_mark_validated(demo, "Validated 2027-05-06")
    demo.apply(change)
    assert [(v["name"], v["validated"]) for v in list_versions(demo)] == [("Draft after day 2", False),
                                                                         ("Validated 2027-05-06", True)]
    demo.apply(change.inverse())
    assert not any(v["validated"] for v in list_versions(demo))
    demo.apply(plan_mark_validated(demo, "Draft after day 2"))
    demo.apply(plan_mark_validated(demo, "Draft after day 2", validated=False))
    assert not list_versions(demo)[0]["validated"]


# ---------------------------------------------------------------------------------- restoring

def test_restore_brings_back_the_frozen_road_map_and_undo_the_draft(demo):
    freeze(demo, "Draft after day 1")
    frozen = snapshot(demo, "Draft after day 1")
    edit_a_lot(demo)
    draft_rows = all_rows(demo)
    change = plan_restore_version(demo, "Draft after day 1")
    assert all_rows(demo) == draft_rows  # planned, not written
    assert change.description == "Restore version “Draft after day 1”"
    demo.apply(change)
    assert roadmap_part(snapshot(demo)) == roadmap_part(frozen)  # same ids, codes, fields, partners
    assert not compare(frozen, snapshot(demo))
    assert demo.count("plenary_comment") == 0  # the comment was on an action added after the version
    demo.apply(change.inverse())  # one undo step
    assert all_rows(demo) == draft_rows


def test_restoring_an_unchanged_draft_changes_nothing(demo):
    freeze(demo, "Draft after day 1")
    assert not plan_restore_version(demo, "Draft after day 1")


def test_restore_after_an_organization_was_removed(demo):
    freeze(demo, "Draft after day 1")
    action = node_id(demo, "4.3.3")  # led by SAIEVAC
    demo.apply(plan_delete_node(demo, action))
    demo.delete("organization", org_id(demo, "SAIEVAC"))
    demo.apply(plan_restore_version(demo, "Draft after day 1"))
    assert demo.get("roadmap_node", action)["lead_organization_id"] is None
    assert node_codes(demo)[action] == "4.3.3"


# ---------------------------------------------------------------------------------- comparing

def test_identical_snapshots_have_no_differences(demo):
    diff = compare(snapshot(demo), snapshot(demo))
    assert not diff and diff.lines() == []


def test_comparing_versions_in_a_facilitators_words(demo):
    moved = demo.get("roadmap_node", node_id(demo, "1.2.3"))["title"]
    removed = demo.get("roadmap_node", node_id(demo, "3.3.1"))["title"]
    freeze(demo, "Draft after day 1")
    edit_a_lot(demo)
    freeze(demo, "Draft after day 2")
    diff = compare(snapshot(demo, "Draft after day 1"), snapshot(demo, "Draft after day 2"))
    lines = diff.lines()

    # Matched by id: the moved action is neither removed nor added.
    assert f"Moved action 1.2.3 → 2.1.1: “{moved[:69].rstrip()}…”" in lines
    assert not any("1.2.3" in line for line in lines if line.startswith(("Added", "Removed")))
    assert f"Removed action 3.3.1: “{removed[:69].rstrip()}…”" in lines
    assert any(line.startswith("Removed output 3.3: “Trafficking, forced labour and child labour") for line in lines)
    assert any(line.startswith("Removed indicator 1 of output 3.3: “High-risk districts") for line in lines)
    assert "Added action 4.3.5: “Radio drama on safe migration”" in lines
    assert "Added indicator 1 of output 4.2: “Steering committee meetings”" in lines

    # Field edits, old → new, with readable values; the action kept its code.
    assert "Action 2.2.1: status Agreed → Done" in lines
    assert "Action 2.2.1: cost 1,500,000 NPR → 2,000,000 NPR" in lines
    assert any(line.startswith("Action 2.2.1: title “Revise the guideline") and
               line.endswith("→ “Revised guideline for child labour free municipalities”") for line in lines)
    assert "Indicator 1 of output 1.2: target “150” → “200”" in lines

    # Partners of the action that was 2.1.3 and is 2.1.4 after the move (named by its new code).
    assert ("Moved action 2.1.3 → 2.1.4: “Include forced labour safeguards in new and renewed "
            "bilateral labour…”") in lines
    assert "Partner role changed on action 2.1.4: DoFE support → lead" in lines
    assert "Partner added to action 2.1.4: UNODC (consulted)" in lines
    assert "Partner removed from action 2.1.4: ILO (support)" in lines
    # The new action's own partners are part of it being added, not listed one by one.
    assert not any("4.3.5" in line for line in lines if line.startswith("Partner"))

    assert [item.new_code for item in diff.actions("added")] == ["4.3.5"]
    assert {item.old_code for item in diff.actions("removed")} == {"3.3.1", "3.3.2", "3.3.3"}
    assert diff.indicators("changed")[0].fields[0].old == "150"


def test_a_renamed_action_is_the_same_action(demo):
    before = snapshot(demo)
    demo.update("roadmap_node", node_id(demo, "1.1.1"), title="Legal review", lead_organization_id=org_id(demo, "ILO"),
                pillar_tags=["prevention"], sdgs=[8])
    diff = compare(before, snapshot(demo))
    assert not diff.added and not diff.removed and not diff.moved
    assert diff.lines() == [
        "Action 1.1.1: title “Legal gap analysis on forced labour, trafficking and child labour” "
        "→ “Legal review”",
        "Action 1.1.1: lead organization MoLESS → ILO",
        "Action 1.1.1: pillars Prevention, Prosecution → Prevention",
        "Action 1.1.1: related SDGs SDG 8, SDG 16 → SDG 8",
    ]
