"""Drafting the road map: codes renumber themselves, the shape holds, every edit is one undo."""

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.editing import (
    children_ids,
    plan_add_node,
    plan_delete_node,
    plan_move_node,
    plan_set_partners,
    plan_shift_node,
)
from workshop_app.models.roadmap.tree import node_codes

ROADMAP_TABLES = ("roadmap_node", "action_partner", "indicator", "plenary_comment")


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


def node_id(document, code):
    return {code_: id_ for id_, code_ in node_codes(document).items()}[code]


def title_at(document, code):
    return document.get("roadmap_node", node_id(document, code))["title"]


def code_of_title(document, title):
    row = document.rows("roadmap_node", "title = ?", [title])[0]
    return node_codes(document)[row["id"]]


def all_rows(document):
    return {table: sorted(document.rows(table), key=lambda row: row["id"]) for table in ROADMAP_TABLES}


def positions_are_tidy(document):
    parents = {row["parent_id"] for row in document.rows("roadmap_node")}
    return all([document.get("roadmap_node", child)["position"] for child in children_ids(document, parent)]
               == list(range(len(children_ids(document, parent)))) for parent in parents)


def org_id(document, acronym):
    return document.rows("organization", "acronym = ?", [acronym])[0]["id"]


# ---------------------------------------------------------------------------------- adding

def test_adding_an_action_in_the_middle_shifts_the_later_ones(demo):
    old_2_1_2, old_2_1_3 = title_at(demo, "2.1.2"), title_at(demo, "2.1.3")
    before = all_rows(demo)
    change = plan_add_node(demo, node_id(demo, "2.1"), "action", position=1, title="Pre-departure hotline",
                           cost=12000, currency="USD")
    assert all_rows(demo) == before  # planned, not written
    demo.apply(change)
    assert title_at(demo, "2.1.2") == "Pre-departure hotline"
    assert title_at(demo, "2.1.3") == old_2_1_2
    assert title_at(demo, "2.1.4") == old_2_1_3
    assert positions_are_tidy(demo)
    demo.apply(change.inverse())
    assert all_rows(demo) == before


def test_adding_at_the_end_by_default_with_a_default_title(demo):
    demo.apply(plan_add_node(demo, node_id(demo, ""), "outcome"))
    assert title_at(demo, "5") == "New outcome"
    demo.apply(plan_add_node(demo, node_id(demo, "5"), "output", title="Output of outcome 5"))
    assert title_at(demo, "5.1") == "Output of outcome 5"


@pytest.mark.parametrize(("parent_code", "level"), [("2", "action"), ("2.1", "output"), ("2.1.1", "action"),
                                                    (None, "outcome")])
def test_an_item_must_fit_under_its_parent(demo, parent_code, level):
    parent = None if parent_code is None else node_id(demo, parent_code)
    with pytest.raises(InvalidValueError, match="cannot be placed"):
        plan_add_node(demo, parent, level, title="Misplaced")


# ---------------------------------------------------------------------------------- moving

def test_moving_an_action_to_another_outcome_renumbers_both_sides(demo):
    moved, old_2_1_1, old_2_1_3 = title_at(demo, "1.2.3"), title_at(demo, "2.1.1"), title_at(demo, "2.1.3")
    codes_before = node_codes(demo)
    change = plan_move_node(demo, node_id(demo, "1.2.3"), node_id(demo, "2.1"), 0)
    assert change.description == "Move action"
    demo.apply(change)
    assert code_of_title(demo, moved) == "2.1.1"
    assert code_of_title(demo, old_2_1_1) == "2.1.2"
    assert code_of_title(demo, old_2_1_3) == "2.1.4"
    assert len(children_ids(demo, node_id(demo, "1.2"))) == 2
    assert positions_are_tidy(demo)
    demo.apply(change.inverse())
    assert node_codes(demo) == codes_before


def test_moving_an_output_takes_its_actions_indicators_and_partners_along(demo):
    output = node_id(demo, "1.2")
    actions = children_ids(demo, output)
    indicators = demo.rows("indicator", "node_id = ?", [output])
    partners = demo.count("action_partner")
    change = plan_move_node(demo, output, node_id(demo, "3"), 99)  # past the end: last
    # Only the output itself and its old siblings are written; the subtree follows its parent.
    assert {row.row_id for row in change.rows} == {output, node_id(demo, "1.3")}
    demo.apply(change)
    assert node_codes(demo)[output] == "3.4"
    assert [node_codes(demo)[action] for action in actions] == ["3.4.1", "3.4.2", "3.4.3"]
    assert demo.rows("indicator", "node_id = ?", [output]) == indicators
    assert demo.count("action_partner") == partners
    assert title_at(demo, "1.2") != demo.get("roadmap_node", output)["title"]
    assert positions_are_tidy(demo)


def test_moving_within_the_same_output(demo):
    first, third = title_at(demo, "2.1.1"), title_at(demo, "2.1.3")
    demo.apply(plan_move_node(demo, node_id(demo, "2.1.1"), node_id(demo, "2.1"), 2))
    assert code_of_title(demo, first) == "2.1.3"
    assert code_of_title(demo, third) == "2.1.2"
    assert positions_are_tidy(demo)


def test_a_move_that_breaks_the_shape_is_refused(demo):
    with pytest.raises(InvalidValueError, match="action cannot be placed under an outcome"):
        plan_move_node(demo, node_id(demo, "1.2.3"), node_id(demo, "2"), 0)
    with pytest.raises(InvalidValueError, match="cannot be placed at the top"):
        plan_move_node(demo, node_id(demo, "1.2"), None, 0)


def test_an_item_cannot_move_under_itself(demo):
    with pytest.raises(InvalidValueError, match="under itself"):
        plan_move_node(demo, node_id(demo, "1"), node_id(demo, "1.2"), 0)
    with pytest.raises(InvalidValueError, match="under itself"):
        plan_move_node(demo, node_id(demo, "1.2"), node_id(demo, "1.2"), 0)


def test_moving_to_the_same_place_changes_nothing(demo):
    assert not plan_move_node(demo, node_id(demo, "2.1.2"), node_id(demo, "2.1"), 1)


def test_shifting_with_the_keyboard(demo):
    title = title_at(demo, "2.1.3")
    demo.apply(plan_shift_node(demo, node_id(demo, "2.1.3"), -1))
    assert code_of_title(demo, title) == "2.1.2"
    demo.apply(plan_shift_node(demo, node_id(demo, "2.1.2"), +1))
    assert code_of_title(demo, title) == "2.1.3"
    assert not plan_shift_node(demo, node_id(demo, "2.1.1"), -1)  # already first
    assert not plan_shift_node(demo, node_id(demo, "2.1.4"), +1)  # already last
    outcome = title_at(demo, "4")
    demo.apply(plan_shift_node(demo, node_id(demo, "4"), -1))
    assert code_of_title(demo, outcome) == "3"
    assert positions_are_tidy(demo)


# ---------------------------------------------------------------------------------- deleting

def test_deleting_an_action_renumbers_its_siblings_and_undo_brings_everything_back(demo):
    victim = node_id(demo, "2.1.1")
    demo.insert("plenary_comment", node_id=victim, text="Add the recruitment agencies' association",
                created_at="2027-05-05T10:00:00+00:00")
    old_2_1_3 = title_at(demo, "2.1.3")
    before = all_rows(demo)
    change = plan_delete_node(demo, victim)
    assert change.description == "Delete action"
    demo.apply(change)
    assert code_of_title(demo, old_2_1_3) == "2.1.2"
    assert demo.count("action_partner", "node_id = ?", [victim]) == 0
    assert demo.count("plenary_comment") == 0
    assert positions_are_tidy(demo)
    demo.apply(change.inverse())
    assert all_rows(demo) == before


def test_deleting_an_outcome_takes_its_outputs_actions_and_indicators(demo):
    last_outcome = title_at(demo, "4")
    demo.apply(plan_delete_node(demo, node_id(demo, "2")))
    assert demo.count("roadmap_node", "level = 'outcome'") == 3
    assert demo.count("roadmap_node", "level = 'output'") == 9
    assert demo.count("roadmap_node", "level = 'action'") == 41 - 12
    assert demo.count("indicator") == 15 - 4
    assert code_of_title(demo, last_outcome) == "3"
    assert positions_are_tidy(demo)


# ---------------------------------------------------------------------------------- partners

def test_setting_partners_replaces_the_list_in_one_step(demo):
    action = node_id(demo, "2.1.3")  # DoFE, IOM and ILO support
    ilo_row = demo.rows("action_partner", "node_id = ? AND organization_id = ?", [action, org_id(demo, "ILO")])[0]
    before = all_rows(demo)
    change = plan_set_partners(demo, action, {org_id(demo, "ILO"): "lead", org_id(demo, "DoFE"): "support",
                                              org_id(demo, "NAFEA"): "consulted"})
    assert change.description == "Change partners"
    demo.apply(change)
    partners = {demo.get("organization", row["organization_id"])["acronym"]: row["role"]
                for row in demo.rows("action_partner", "node_id = ?", [action])}
    assert partners == {"ILO": "lead", "DoFE": "support", "NAFEA": "consulted"}
    assert demo.get("action_partner", ilo_row["id"])["role"] == "lead"  # same row, new role
    demo.apply(change.inverse())
    assert all_rows(demo) == before
    assert not plan_set_partners(demo, action, {row["organization_id"]: row["role"]
                                                for row in demo.rows("action_partner", "node_id = ?", [action])})


def test_partner_roles_and_targets_are_checked(demo):
    with pytest.raises(InvalidValueError, match="partner role"):
        plan_set_partners(demo, node_id(demo, "2.1.3"), {org_id(demo, "ILO"): "sponsor"})
    with pytest.raises(InvalidValueError, match="belong to actions"):
        plan_set_partners(demo, node_id(demo, "2.1"), {org_id(demo, "ILO"): "support"})
    with pytest.raises(InvalidValueError, match="no longer exists"):
        plan_set_partners(demo, node_id(demo, "2.1.3"), {"not-an-organization": "support"})
