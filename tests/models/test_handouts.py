"""Breakout handouts and their three-way merge: the day-2 rehearsal (four groups, one outcome
each), conflicts of every kind, a handout's limits, refusals, and undo one handout at a time."""

import json
import shutil
import sqlite3

import pytest

from workshop_app.models.document import WorkshopDocument, utc_now
from workshop_app.models.errors import WorkshopError, WorkshopFileError
from workshop_app.models.file import schema
from workshop_app.models.handouts.describing import conflict_views, preview_lines
from workshop_app.models.handouts.merging import DELETE_EDIT, EDIT_DELETE, FIELD, HANDOUT, merge_change, plan_merge
from workshop_app.models.handouts.part import guard_handout
from workshop_app.models.handouts.reading import read_handout
from workshop_app.models.handouts.writing import outcome_ids, write_handout
from workshop_app.models.roadmap.editing import plan_add_node, plan_delete_node
from workshop_app.models.roadmap.tree import node_codes


def by_code(document) -> dict[str, str]:
    return {code: node_id for node_id, code in node_codes(document).items()}


def title_of(document, code: str) -> str:
    return document.get("roadmap_node", by_code(document)[code])["title"]


def hand_out(document, folder, code: str, label: str):
    path = folder / f"{label}.workshop"
    write_handout(document, path, outcome_ids(document, [code]), label)
    return path


def merged(document, path, prefer: str | None = None):
    plan = plan_merge(document, read_handout(document, path))
    if prefer:
        plan.choose(prefer)
    change = merge_change(document, plan)
    document.apply(change)
    return plan, change


@pytest.fixture
def workshop(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


def edit_handout(path, edit):
    with WorkshopDocument.open(path) as handout:
        assert guard_handout(handout) is not None
        edit(handout, by_code(handout))


def test_day_two_four_groups_draft_and_merge_back(workshop, tmp_path):
    handouts = {code: hand_out(workshop, tmp_path, code, f"Group {'ABCD'[int(code) - 1]}") for code in "1234"}
    actions_in_2_2 = len([code for code in by_code(workshop) if code.startswith("2.2.")])

    def group_a(handout, codes):  # fields and a new action at the top of output 1.1
        handout.apply(handout.plan_update("roadmap_node", codes["1.1.2"], None, title="Ratify P29 by 2028",
                                          cost=4_000_000, risks="Elections delay the vote"))
        handout.apply(plan_add_node(handout, codes["1.1"], "action", position=0, title="Map the legal gaps first"))

    def group_b(handout, codes):  # a deletion and a comment on another group's action
        handout.apply(plan_delete_node(handout, codes["2.2.4"]))
        handout.apply(handout.plan_insert("plenary_comment", None, node_id=codes["3.1.1"],
                                          text="Group B: link shelters to the referral mechanism",
                                          created_at=utc_now()))

    def group_c(handout, codes):  # the field the workshop also edits meanwhile
        handout.apply(handout.plan_update("roadmap_node", codes["3.1.1"], None, status="agreed",
                                          title="SOPs for the national referral mechanism (group C)"))

    def group_d(handout, codes):  # an indicator and a new output with an action under it
        indicator = handout.rows("indicator", "node_id = ?", [codes["4"]])[0]
        handout.apply(handout.plan_update("indicator", indicator["id"], None, target_value="90%"))
        output = plan_add_node(handout, codes["4"], "output", title="Data shared across ministries")
        handout.apply(output)
        handout.apply(plan_add_node(handout, output.rows[0].row_id, "action", title="One data-sharing protocol"))

    for code, edit in zip("1234", (group_a, group_b, group_c, group_d)):
        edit_handout(handouts[code], edit)
    # Meanwhile, in plenary, the facilitator retitles action 3.1.1 too.
    workshop.apply(workshop.plan_update("roadmap_node", by_code(workshop)["3.1.1"], None,
                                        title="Adopt SOPs for the referral mechanism (plenary)"))
    steps = []
    conflicts = []
    for code in "1234":
        plan, change = merged(workshop, handouts[code])
        steps.append(change)
        conflicts += [(view, conflict) for view, conflict in zip(conflict_views(workshop, plan), plan.conflicts)]
    codes = by_code(workshop)
    # Every change arrived, with codes renumbered.
    assert title_of(workshop, "1.1.1") == "Map the legal gaps first"
    assert title_of(workshop, "1.1.3") == "Ratify P29 by 2028"
    ratify = workshop.get("roadmap_node", codes["1.1.3"])
    assert ratify["cost"] == 4_000_000 and ratify["risks"] == "Elections delay the vote"
    assert len([code for code in codes if code.startswith("2.2.")]) == actions_in_2_2 - 1
    assert workshop.count("plenary_comment", "text LIKE 'Group B:%'") == 1
    assert workshop.get("roadmap_node", codes["3.1.1"])["status"] == "agreed"
    assert any(workshop.get("indicator", row["id"])["target_value"] == "90%"
               for row in workshop.rows("indicator", "node_id = ?", [codes["4"]]))
    new_output = next(code for code in codes if code.startswith("4.") and code.count(".") == 1
                      and title_of(workshop, code) == "Data shared across ministries")
    assert title_of(workshop, f"{new_output}.1") == "One data-sharing protocol"
    # The one conflict: both retitled 3.1.1; the workshop's title is kept, both values reported.
    assert len(conflicts) == 1
    view, conflict = conflicts[0]
    assert conflict.kind == FIELD and conflict.field == "title"
    assert view.item.startswith("Action 3.1.1") and view.field == "title"
    assert view.workshop == "“Adopt SOPs for the referral mechanism (plenary)”"
    assert view.handout == "“SOPs for the national referral mechanism (group C)”"
    assert title_of(workshop, "3.1.1") == "Adopt SOPs for the referral mechanism (plenary)"
    # Undo takes back one handout at a time, last first.
    assert workshop.count("merged_handout") == 4
    workshop.apply(steps[3].inverse())
    assert "One data-sharing protocol" not in {row["title"] for row in workshop.rows("roadmap_node")}
    assert title_of(workshop, "1.1.1") == "Map the legal gaps first"
    workshop.apply(steps[2].inverse())
    workshop.apply(steps[1].inverse())
    assert "2.2.4" in by_code(workshop) and workshop.count("plenary_comment", "text LIKE 'Group B:%'") == 0
    workshop.apply(steps[0].inverse())
    assert title_of(workshop, "1.1.1") != "Map the legal gaps first"
    assert workshop.count("merged_handout") == 0 and workshop.count("merged_change") == 0


def test_merging_the_same_handout_twice_changes_nothing_the_second_time(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.1"], None, title="Once")))
    merged(workshop, path)
    plan, change = merged(workshop, path)
    assert plan.already_merged and not change
    assert title_of(workshop, "2.1.1") == "Once"


def test_each_merged_row_and_field_records_its_handout(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.1"], None, title="From B", risks="B's risk")))
    plan, _change = merged(workshop, path)
    action = by_code(workshop)["2.1.1"]
    fields = {row[0] for row in workshop.query("SELECT field FROM merged_change WHERE row_id = ?", [action])}
    assert fields == {"title", "risks"}
    assert workshop.rows("merged_handout")[0]["label"] == "Group B"


def test_a_handout_refuses_edits_outside_its_part_and_allows_comments_anywhere(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    with WorkshopDocument.open(path) as handout:
        guard_handout(handout)
        codes = by_code(handout)
        with pytest.raises(WorkshopError, match="lets Group B edit Outcome 2 only"):
            handout.apply(handout.plan_update("roadmap_node", codes["1.1.1"], None, title="Not ours"))
        with pytest.raises(WorkshopError):
            handout.apply(handout.plan_insert("participant", None, name="Walk-in"))
        with pytest.raises(WorkshopError):  # moving an action out of the group's part
            handout.apply(handout.plan_update("roadmap_node", codes["2.1.1"], None, parent_id=codes["1.1"]))
        handout.apply(handout.plan_insert("plenary_comment", None, node_id=codes["1.1.1"], text="Fine",
                                          created_at=utc_now()))
        handout.apply(handout.plan_update("roadmap_node", codes["2.1.1"], None, title="Ours"))
        assert title_of(handout, "1.1.1") == title_of(workshop, "1.1.1")


def test_an_item_deleted_by_the_group_and_edited_in_the_workshop_is_a_conflict(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(plan_delete_node(handout, codes["2.3.1"])))
    workshop.apply(workshop.plan_update("roadmap_node", by_code(workshop)["2.3.1"], None, cost=99))
    title = title_of(workshop, "2.3.1")
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [conflict.kind for conflict in plan.conflicts] == [EDIT_DELETE]
    view = conflict_views(workshop, plan)[0]
    assert (view.workshop, view.handout) == ("changed", "deleted")
    document_change = merge_change(workshop, plan)
    workshop.apply(document_change)
    assert title_of(workshop, "2.3.1") == title  # the workshop's side kept by default
    workshop.apply(document_change.inverse())
    plan = plan_merge(workshop, read_handout(workshop, path))
    plan.choose(HANDOUT)
    workshop.apply(merge_change(workshop, plan))
    assert title not in {row["title"] for row in workshop.rows("roadmap_node")}


def test_work_under_an_item_the_workshop_deleted_can_be_brought_back(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(
        plan_add_node(handout, codes["2.3"], "action", title="Added under 2.3")))
    output_title = title_of(workshop, "2.3")
    workshop.apply(plan_delete_node(workshop, by_code(workshop)["2.3"]))
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [conflict.kind for conflict in plan.conflicts] == [DELETE_EDIT]
    kept_deleted = merge_change(workshop, plan)
    workshop.apply(kept_deleted)  # the workshop's side: the merge goes through without the output
    titles = {row["title"] for row in workshop.rows("roadmap_node")}
    assert "Added under 2.3" not in titles and output_title not in titles
    workshop.apply(kept_deleted.inverse())
    plan = plan_merge(workshop, read_handout(workshop, path))
    plan.choose(HANDOUT)
    workshop.apply(merge_change(workshop, plan))
    assert title_of(workshop, "2.3") == output_title
    assert "Added under 2.3" in {title_of(workshop, code) for code in by_code(workshop) if code.startswith("2.3.")}


def test_two_groups_changing_one_field_differently_is_a_conflict(workshop, tmp_path):
    first = hand_out(workshop, tmp_path, "2", "Group B")
    second = hand_out(workshop, tmp_path, "2", "Group B2")
    edit_handout(first, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.1"], None, lead_organization_id=None, title="B's")))
    edit_handout(second, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.1"], None, title="B2's")))
    merged(workshop, first)
    plan, _change = merged(workshop, second)
    assert [(conflict.field, conflict.workshop, conflict.handout) for conflict in plan.conflicts] == [
        ("title", "B's", "B2's")]
    assert conflict_views(workshop, plan)[0].workshop == "“B's” (from Group B)"
    assert title_of(workshop, "2.1.1") == "B's"


def test_the_preview_lists_every_change_before_anything_is_applied(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")

    def edit(handout, codes):
        handout.apply(handout.plan_update("roadmap_node", codes["2.1.2"], None, risks="Floods"))
        handout.apply(plan_add_node(handout, codes["2.1"], "action", position=0, title="First things first"))

    edit_handout(path, edit)
    before = workshop.path.read_bytes()
    plan = plan_merge(workshop, read_handout(workshop, path))
    lines = preview_lines(workshop, plan)
    assert "Added action 2.1.1: “First things first”" in lines
    assert any(line.startswith("Action 2.1.3: risks") and line.endswith("→ “Floods”") for line in lines)
    assert workshop.path.read_bytes() == before


def test_files_that_are_no_handout_of_this_workshop_are_refused(workshop, tmp_path):
    def one_outcome(document):
        goal = plan_add_node(document, None, "goal", title="Goal")
        document.apply(goal)
        document.apply(plan_add_node(document, goal.rows[0].row_id, "outcome", title="Outcome"))

    other = tmp_path / "other.workshop"
    with WorkshopDocument.create(other, title="Another workshop", country="FJ", fill=one_outcome) as document:
        hand_out(document, tmp_path, "1", "Group of another workshop")
    with pytest.raises(WorkshopFileError, match=r"is a handout of another workshop \(Another workshop\)"):
        read_handout(workshop, tmp_path / "Group of another workshop.workshop")
    with pytest.raises(WorkshopFileError, match="is not a handout"):
        read_handout(workshop, other)
    with pytest.raises(WorkshopFileError, match="is the workshop itself"):
        read_handout(workshop, workshop.path)
    newer = hand_out(workshop, tmp_path, "2", "Group B")
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    with pytest.raises(WorkshopFileError, match="newer version"):
        read_handout(workshop, newer)
    with pytest.raises(WorkshopError, match="is itself a handout"):
        with WorkshopDocument.open(tmp_path / "Group of another workshop.workshop") as handout:
            write_handout(handout, tmp_path / "again.workshop", [by_code(handout)["1"]], "Again")


def test_the_versions_comparison_says_which_group_a_change_came_from(workshop, tmp_path):
    from workshop_app.models.roadmap.diff import compare, merge_origins
    from workshop_app.models.roadmap.versions import plan_freeze_version, snapshot

    workshop.apply(plan_freeze_version(workshop, "Before the breakouts"))
    path = hand_out(workshop, tmp_path, "2", "Group B")

    def edit(handout, codes):
        handout.apply(handout.plan_update("roadmap_node", codes["2.1.2"], None, risks="Floods"))
        handout.apply(plan_add_node(handout, codes["2.1"], "action", title="Help desks at the border"))

    edit_handout(path, edit)
    merged(workshop, path)
    workshop.apply(workshop.plan_update("roadmap_node", by_code(workshop)["1.1.1"], None, risks="Elections"))
    lines = compare(snapshot(workshop, "Before the breakouts"), snapshot(workshop), merge_origins(workshop)).lines()
    assert "Added action 2.1.5: “Help desks at the border” (from Group B)" in lines
    assert any(line.startswith("Action 2.1.2: risks") and line.endswith("→ “Floods” (from Group B)") for line in lines)
    assert any(line.startswith("Action 1.1.1: risks") and line.endswith("→ “Elections”") for line in lines)


def test_a_handout_s_road_map_pdf_holds_its_group_s_part(workshop, tmp_path):
    from pypdf import PdfReader

    from workshop_app.export.roadmap_pdf.report import write_roadmap_pdf

    path = hand_out(workshop, tmp_path, "3", "Group C")
    with WorkshopDocument.open(path, readonly=True) as handout:
        write_roadmap_pdf(handout, tmp_path / "report-back.pdf", sections=["roadmap", "budget"])
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "report-back.pdf").pages).split())
    assert "OUTCOME 3" in text and "OUTCOME 1" not in text and "OUTCOME 2" not in text
    assert title_of(workshop, "3.1.1") in text and title_of(workshop, "1.1.1") not in text


def test_the_same_partner_named_on_both_sides_is_one_partner(workshop, tmp_path):
    from workshop_app.models.roadmap.editing import plan_set_partners

    path = hand_out(workshop, tmp_path, "2", "Group B")
    ilo = next(row["id"] for row in workshop.rows("organization") if row["acronym"] == "NHRC")

    def edit(handout, codes):
        handout.apply(plan_set_partners(handout, codes["2.1.1"], {ilo: "consulted"}))

    edit_handout(path, edit)
    workshop.apply(plan_set_partners(workshop, by_code(workshop)["2.1.1"], {ilo: "informed"}))
    plan, _change = merged(workshop, path)
    assert [(conflict.table, conflict.field, conflict.workshop, conflict.handout) for conflict in plan.conflicts] \
        == [("action_partner", "role", "informed", "consulted")]
    assert workshop.count("action_partner", "node_id = ? AND organization_id = ?",
                          [by_code(workshop)["2.1.1"], ilo]) == 1


def test_funding_sources_merge_as_one_list_and_are_never_doubled(workshop, tmp_path):
    from workshop_app.models.plan.funding import action_funding, plan_set_funding

    path = hand_out(workshop, tmp_path, "2", "Group B")

    def edit(handout, codes):
        handout.apply(plan_set_funding(handout, codes["2.1.1"], [{"name": "UNICEF", "amount": 9000, "year": 2028}]))
        handout.apply(plan_set_funding(handout, codes["2.1.2"], [{"name": "ILO", "amount": 100, "year": 2027}]))

    edit_handout(path, edit)
    action = by_code(workshop)["2.1.1"]
    workshop.apply(plan_set_funding(workshop, action, [{"name": "MoLESS", "amount": 1, "year": 2027}]))
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [(conflict.kind, conflict.field) for conflict in plan.conflicts] == [(FIELD, "funding")]
    view = conflict_views(workshop, plan)[0]
    assert view.field == "funding sources" and "MoLESS" in view.workshop and "UNICEF" in view.handout
    lines = preview_lines(workshop, plan)
    assert any(line.startswith("Action 2.1.2: funding sources") and "ILO" in line for line in lines)
    workshop.apply(merge_change(workshop, plan))
    codes = by_code(workshop)
    assert [(row["name"], row["amount"]) for row in action_funding(workshop, codes["2.1.1"])] == [("MoLESS", 1)]
    assert [(row["name"], row["amount"]) for row in action_funding(workshop, codes["2.1.2"])] == [("ILO", 100)]


def test_a_comment_recorded_on_an_item_the_group_deleted_makes_a_conflict(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(plan_delete_node(handout, codes["2.3.1"])))
    workshop.apply(workshop.plan_insert("plenary_comment", None, node_id=by_code(workshop)["2.3.1"],
                                        text="Keep this action", created_at=utc_now()))
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [conflict.kind for conflict in plan.conflicts] == [EDIT_DELETE]


def test_an_organization_the_workshop_deleted_but_the_group_named_is_a_conflict(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    cni = next(row for row in workshop.rows("organization") if row["acronym"] == "CNI")
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.1"], None, lead_organization_id=cni["id"])))
    workshop.apply(workshop.plan_delete("organization", cni["id"]))
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [(conflict.table, conflict.kind) for conflict in plan.conflicts] == [("organization", DELETE_EDIT)]
    kept_deleted = merge_change(workshop, plan)
    workshop.apply(kept_deleted)  # the workshop's side: the lead is left empty
    assert workshop.get("roadmap_node", by_code(workshop)["2.1.1"])["lead_organization_id"] is None
    workshop.apply(kept_deleted.inverse())
    plan = plan_merge(workshop, read_handout(workshop, path))
    plan.choose(HANDOUT)
    workshop.apply(merge_change(workshop, plan))
    assert workshop.get("roadmap_node", by_code(workshop)["2.1.1"])["lead_organization_id"] == cni["id"]
    assert workshop.get("organization", cni["id"])["name"] == cni["name"]


def test_a_handout_edited_against_the_road_map_s_rules_is_refused_naming_the_group(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    with sqlite3.connect(path) as conn:  # by other means than the program: an action under the outcome
        action, outcome = (conn.execute("SELECT id FROM roadmap_node WHERE title = ?", [title]).fetchone()[0]
                           for title in (title_of(workshop, "2.1.1"), title_of(workshop, "2")))
        conn.execute("UPDATE roadmap_node SET parent_id = ? WHERE id = ?", [outcome, action])
    before = workshop.rows("roadmap_node")
    plan = plan_merge(workshop, read_handout(workshop, path))
    with pytest.raises(WorkshopError, match="Group B's handout cannot be merged"):
        merge_change(workshop, plan)
    assert workshop.rows("roadmap_node") == before


@pytest.mark.parametrize("damage", ["{}", '{"roadmap_node": [{"id": "x"}]}', "[1, 2]", "null"])
def test_a_handout_whose_base_was_damaged_is_refused_in_one_sentence(workshop, tmp_path, damage):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    with sqlite3.connect(path) as conn:
        if damage == "{}":
            conn.execute("UPDATE handout SET base = ?", [damage])
        else:
            base = json.loads(conn.execute("SELECT base FROM handout").fetchone()[0])
            broken = json.loads(damage)
            if isinstance(broken, dict):
                base.update(broken)
            else:
                base = broken
            conn.execute("UPDATE handout SET base = ?", [json.dumps(base)])
    with pytest.raises(WorkshopFileError, match="is a damaged handout"):
        read_handout(workshop, path)


def test_a_handout_handed_in_again_brings_only_what_changed_since(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.1"], None, title="First pass")))
    merged(workshop, path)
    # The plenary retitles the action again; the group goes on with another one.
    workshop.apply(workshop.plan_update("roadmap_node", by_code(workshop)["2.1.1"], None, title="Plenary's"))
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.2"], None, risks="Second pass")))
    plan, change = merged(workshop, path)
    assert plan.again and not plan.already_merged and plan.conflicts == []
    assert title_of(workshop, "2.1.1") == "Plenary's"  # the group's first change is not brought back
    assert workshop.get("roadmap_node", by_code(workshop)["2.1.2"])["risks"] == "Second pass"
    assert merged(workshop, path)[0].already_merged
    workshop.apply(change.inverse())  # undo takes back the second merge only
    assert workshop.get("roadmap_node", by_code(workshop)["2.1.2"])["risks"] != "Second pass"
    assert workshop.count("merged_handout") == 1


def test_a_group_cannot_delete_the_outcome_it_was_handed(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    with WorkshopDocument.open(path) as handout:
        guard_handout(handout)
        with pytest.raises(WorkshopError, match="lets Group B edit Outcome 2 only"):
            handout.apply(plan_delete_node(handout, by_code(handout)["2"]))
        handout.apply(plan_delete_node(handout, by_code(handout)["2.3"]))  # an output of it: the group's to delete
        assert "2.3" not in by_code(handout)


def test_an_item_brought_back_comes_with_its_comments(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")

    def edit(handout, codes):
        handout.apply(handout.plan_update("roadmap_node", codes["2.3.1"], None, risks="The group's risk"))
        handout.apply(handout.plan_insert("plenary_comment", None, node_id=codes["2.3.1"], text="The group's note",
                                          created_at=utc_now()))

    edit_handout(path, edit)
    workshop.apply(plan_delete_node(workshop, by_code(workshop)["2.3"]))
    plan = plan_merge(workshop, read_handout(workshop, path))
    plan.choose(HANDOUT)
    workshop.apply(merge_change(workshop, plan))
    action = by_code(workshop)["2.3.1"]
    assert workshop.get("roadmap_node", action)["risks"] == "The group's risk"
    assert [row["text"] for row in workshop.rows("plenary_comment", "node_id = ?", [action])] == ["The group's note"]


def test_positions_stay_without_gaps_after_the_group_deletes_and_the_workshop_adds(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(plan_delete_node(handout, codes["2.2.4"])))
    workshop.apply(plan_add_node(workshop, by_code(workshop)["2.2"], "action", title="Added in plenary"))
    merged(workshop, path)
    output = by_code(workshop)["2.2"]
    positions = [row["position"] for row in workshop.rows("roadmap_node", "parent_id = ?", [output],
                                                          order_by="position")]
    assert positions == list(range(len(positions)))


def test_a_copy_of_a_handout_given_to_a_second_group_never_undoes_the_first_group_s_work(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    copy = tmp_path / "copy for another group.workshop"
    shutil.copyfile(path, copy)

    def first(handout, codes):
        handout.apply(handout.plan_update("roadmap_node", codes["2.1.1"], None, title="Group B's wording"))
        handout.apply(plan_add_node(handout, codes["2.1"], "action", title="Group B's new action"))

    edit_handout(path, first)
    edit_handout(copy, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.1.2"], None, risks="The other group's risk")))
    merged(workshop, path)
    plan, _change = merged(workshop, copy)
    assert plan.again
    assert title_of(workshop, "2.1.1") == "Group B's wording"  # kept: listed as a conflict, not undone
    assert "Group B's new action" in {row["title"] for row in workshop.rows("roadmap_node")}
    assert {(conflict.kind, conflict.field) for conflict in plan.conflicts} == {(FIELD, "title"), (EDIT_DELETE, "")}
    assert workshop.get("roadmap_node", by_code(workshop)["2.1.2"])["risks"] == "The other group's risk"


@pytest.mark.parametrize("deleted", ["2.3", "2"])
def test_work_on_an_action_whose_output_or_outcome_the_workshop_deleted_is_one_conflict(workshop, tmp_path, deleted):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.3.1"], None, risks="The group's risk")))
    action_title, parent_title = title_of(workshop, "2.3.1"), title_of(workshop, deleted)
    parent = by_code(workshop)[deleted]
    workshop.apply(plan_delete_node(workshop, parent))
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [(conflict.kind, conflict.row_id) for conflict in plan.conflicts] == [(DELETE_EDIT, parent)]
    view = conflict_views(workshop, plan)[0]
    level = "Output" if deleted == "2.3" else "Outcome"
    assert view.item.startswith(f"{level} {deleted} “")
    assert (view.workshop, view.handout) == ("deleted", "changed under it: action 2.3.1")
    accepted = merge_change(workshop, plan)  # the workshop's side: the deletion stands
    workshop.apply(accepted)
    assert action_title not in {row["title"] for row in workshop.rows("roadmap_node")}
    workshop.apply(accepted.inverse())
    plan = plan_merge(workshop, read_handout(workshop, path))
    plan.choose(HANDOUT)  # the group's: the action comes back with the items above it
    assert any(line.startswith(f"Added {level.lower()} {deleted}:") for line in preview_lines(workshop, plan))
    workshop.apply(merge_change(workshop, plan))
    codes = by_code(workshop)
    assert title_of(workshop, deleted) == parent_title and title_of(workshop, "2.3.1") == action_title
    assert workshop.get("roadmap_node", codes["2.3.1"])["risks"] == "The group's risk"
    outcomes = [row["position"] for row in workshop.rows("roadmap_node", "level = 'outcome'", order_by="position")]
    assert outcomes == list(range(len(outcomes)))


def test_the_group_s_order_and_the_workshop_s_additions_both_hold(workshop, tmp_path):
    from workshop_app.models.roadmap.editing import plan_move_node

    path = hand_out(workshop, tmp_path, "2", "Group B")
    titles = [title_of(workshop, f"2.1.{number}") for number in range(1, 5)]

    def reorder(handout, codes):  # 2.1.3 to the top, 2.1.1 to the end
        handout.apply(plan_move_node(handout, codes["2.1.3"], codes["2.1"], 0))
        handout.apply(plan_move_node(handout, codes["2.1.1"], codes["2.1"], 3))

    edit_handout(path, reorder)
    output = by_code(workshop)["2.1"]
    # Meanwhile the plenary adds one action after 2.1.2 and one after 2.1.4 (at the end).
    workshop.apply(plan_add_node(workshop, output, "action", position=2, title="Plenary, after 2.1.2"))
    workshop.apply(plan_add_node(workshop, output, "action", title="Plenary, after 2.1.4"))
    merged(workshop, path)
    rows = workshop.rows("roadmap_node", "parent_id = ?", [output], order_by="position")
    assert [row["position"] for row in rows] == list(range(6))
    # The group's order of its rows; each of the plenary's right after the action it followed.
    assert [row["title"] for row in rows] == [titles[2], titles[1], "Plenary, after 2.1.2", titles[3],
                                              "Plenary, after 2.1.4", titles[0]]
    assert title_of(workshop, "2.1.1") == titles[2] and title_of(workshop, "2.1.5") == "Plenary, after 2.1.4"


def test_the_workshop_s_order_holds_where_the_group_only_added(workshop, tmp_path):
    from workshop_app.models.roadmap.editing import plan_move_node

    path = hand_out(workshop, tmp_path, "2", "Group B")
    titles = [title_of(workshop, f"2.1.{number}") for number in range(1, 5)]
    edit_handout(path, lambda handout, codes: handout.apply(
        plan_add_node(handout, codes["2.1"], "action", position=1, title="The group's, after the first")))
    codes = by_code(workshop)
    workshop.apply(plan_move_node(workshop, codes["2.1.4"], codes["2.1"], 0))  # the plenary reorders
    merged(workshop, path)
    rows = workshop.rows("roadmap_node", "parent_id = ?", [codes["2.1"]], order_by="position")
    assert [row["title"] for row in rows] == [titles[3], titles[0], "The group's, after the first", titles[1],
                                              titles[2]]
    assert [row["position"] for row in rows] == list(range(5))


def test_work_brought_back_that_names_an_organization_the_workshop_deleted_asks_about_it_too(workshop, tmp_path):
    path = hand_out(workshop, tmp_path, "2", "Group B")
    cni = next(row for row in workshop.rows("organization") if row["acronym"] == "CNI")
    edit_handout(path, lambda handout, codes: handout.apply(
        handout.plan_update("roadmap_node", codes["2.3.1"], None, lead_organization_id=cni["id"])))
    workshop.apply(plan_delete_node(workshop, by_code(workshop)["2.3"]))
    workshop.apply(workshop.plan_delete("organization", cni["id"]))
    plan = plan_merge(workshop, read_handout(workshop, path))
    assert [(conflict.table, conflict.kind) for conflict in plan.conflicts] == [("roadmap_node", DELETE_EDIT),
                                                                               ("organization", DELETE_EDIT)]
    plan.conflicts[0].choice = HANDOUT  # the output back, the organization still deleted: the lead is left empty
    workshop.apply(merge_change(workshop, plan))
    assert workshop.get("roadmap_node", by_code(workshop)["2.3.1"])["lead_organization_id"] is None
    assert workshop.get("organization", cni["id"]) is None
