"""Comments sent from the room's phones: kept pending, accepted as plenary comments or dismissed,
each one step that undo takes back."""

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.roadmap.comments import comments
from workshop_app.models.roadmap.phone_comments import (
    pending_phone_comments,
    plan_accept_phone_comment,
    plan_dismiss_phone_comment,
    plan_receive_phone_comment,
)


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


def _first(document, level: str) -> dict:
    return document.rows("roadmap_node", "level = ?", [level], order_by="position")[0]


def _receive(document, node_id: str, text: str, **who) -> str:
    change = plan_receive_phone_comment(document, node_id, text, **who)
    document.apply(change)
    return change.rows[0].row_id


def test_a_received_comment_waits_pending_and_undo_removes_it(demo):
    action = _first(demo, "action")
    change = plan_receive_phone_comment(demo, action["id"], "  Add  the brick kiln sector \u0000 ", name="  Bikash ",
                                        organization="MoLESS")
    demo.apply(change)
    [pending] = pending_phone_comments(demo)
    assert (pending["text"], pending["name"], pending["organization"], pending["level"]) == (
        "Add  the brick kiln sector", "Bikash", "MoLESS", "action")
    assert comments(demo) == []  # nothing reaches the road map before the facilitator accepts it
    demo.apply(change.inverse())
    assert pending_phone_comments(demo) == []


def test_only_outcomes_and_actions_take_comments_of_1_to_1000_characters(demo):
    action, outcome = _first(demo, "action"), _first(demo, "outcome")
    for level in ("goal", "output"):
        with pytest.raises(InvalidValueError, match="outcomes and actions only"):
            plan_receive_phone_comment(demo, _first(demo, level)["id"], "A comment")
    with pytest.raises(WorkshopError, match="no longer exists"):
        plan_receive_phone_comment(demo, "no-such-item", "A comment")
    with pytest.raises(InvalidValueError, match="needs some text"):
        plan_receive_phone_comment(demo, action["id"], " \n ")
    with pytest.raises(InvalidValueError, match="1001 characters; at most 1000"):
        plan_receive_phone_comment(demo, action["id"], "é" * 1001)
    with pytest.raises(InvalidValueError, match="at most 200"):
        plan_receive_phone_comment(demo, action["id"], "A comment", name="n" * 201)
    plan_receive_phone_comment(demo, outcome["id"], "é" * 1000, name="n" * 200, organization="o" * 200)


def test_accepting_records_a_plenary_comment_marked_as_from_a_phone_in_one_undoable_step(demo):
    action = _first(demo, "action")
    received = _receive(demo, action["id"], "Budget line for interpreters is missing", name="bikash  thapa",
                        organization="moless")
    change = plan_accept_phone_comment(demo, received)
    demo.apply(change)
    [recorded] = comments(demo)
    assert (recorded["node_id"], recorded["text"], recorded["status"], recorded["raised_by"]) == (
        action["id"], "Budget line for interpreters is missing", "open",
        "From a phone, signed “bikash thapa, moless” (not verified)")
    assert recorded["from_phone"] and recorded["signed"] == "bikash thapa, moless"
    row = demo.get("phone_comment", received)
    assert (row["status"], row["comment_id"]) == ("accepted", recorded["id"])
    assert pending_phone_comments(demo) == []
    with pytest.raises(InvalidValueError, match="already accepted or dismissed"):
        plan_accept_phone_comment(demo, received)
    demo.apply(change.inverse())
    assert comments(demo) == []
    assert demo.get("phone_comment", received)["status"] == "pending"
    assert demo.get("phone_comment", received)["comment_id"] is None
    demo.apply(change)  # redo
    assert len(comments(demo)) == 1


def test_a_name_typed_on_a_phone_is_never_taken_for_the_participant_of_that_name(demo):
    """Anyone can type a minister's name: the comment is not put in that person's mouth."""
    participant = demo.rows("participant", order_by="name")[0]
    organization = demo.get("organization", participant["organization_id"])
    outcome = _first(demo, "outcome")
    received = _receive(demo, outcome["id"], "Drop this outcome", name=participant["name"],
                        organization=organization["acronym"])
    demo.apply(plan_accept_phone_comment(demo, received))
    [recorded] = comments(demo)
    stored = demo.get("plenary_comment", recorded["id"])
    assert (stored["participant_id"], stored["organization_id"], stored["text"]) == (None, None, "Drop this outcome")
    assert recorded["raised_by"] == (f"From a phone, signed “{participant['name']}, {organization['acronym']}” "
                                     f"(not verified)")


def test_a_comment_sent_without_a_name_says_it_is_not_signed(demo):
    outcome = _first(demo, "outcome")
    demo.apply(plan_accept_phone_comment(demo, _receive(demo, outcome["id"], "Include domestic workers")))
    [recorded] = comments(demo)
    assert (recorded["text"], recorded["raised_by"]) == ("Include domestic workers", "From a phone, not signed")


def test_dismissing_keeps_the_road_map_as_it_is_and_undo_brings_the_comment_back(demo):
    action = _first(demo, "action")
    received = _receive(demo, action["id"], "Off topic")
    change = plan_dismiss_phone_comment(demo, received)
    demo.apply(change)
    assert pending_phone_comments(demo) == [] and comments(demo) == []
    assert demo.get("phone_comment", received)["status"] == "dismissed"
    demo.apply(change.inverse())
    assert [row["id"] for row in pending_phone_comments(demo)] == [received]


def test_deleting_the_item_takes_its_phone_comments_and_undo_brings_them_back(demo):
    action = _first(demo, "action")
    _receive(demo, action["id"], "First")
    _receive(demo, action["id"], "Second")
    removal = demo.plan_delete("roadmap_node", action["id"])
    demo.apply(removal)
    assert pending_phone_comments(demo) == []
    demo.apply(removal.inverse())
    assert [row["text"] for row in pending_phone_comments(demo)] == ["First", "Second"]


def test_undoing_the_item_s_creation_hides_its_comments_and_redo_shows_them_again(demo):
    from workshop_app.models.roadmap.editing import plan_add_node

    output = _first(demo, "output")
    added = plan_add_node(demo, output["id"], "action", title="Added in plenary")
    demo.apply(added)
    _receive(demo, added.rows[0].row_id, "On the new action")
    demo.apply(added.inverse())  # Edit › Undo of "Add action"
    assert pending_phone_comments(demo) == []
    demo.apply(added)  # Edit › Redo
    assert [row["text"] for row in pending_phone_comments(demo)] == ["On the new action"]


def test_a_comment_of_invisible_characters_only_is_refused_and_an_invisible_name_is_left_empty(demo):
    outcome = _first(demo, "outcome")
    with pytest.raises(InvalidValueError, match="needs some text"):
        plan_receive_phone_comment(demo, outcome["id"], "\u200b \u200d\u2060\u200e")
    _receive(demo, outcome["id"], "Add the labour inspectorate", name="\u200b\u200b", organization="\u2060")
    assert [(row["name"], row["organization"]) for row in pending_phone_comments(demo)] == [("", "")]
