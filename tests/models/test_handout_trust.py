"""What a handout says of itself is not trusted: the group's part comes from the workshop's own
record, a base changed after it was written is refused, changes the merge does not bring back
(the agenda, the participants…) are named, and hostile files are refused in one sentence."""

import json
import sqlite3

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.handouts.describing import conflict_views, preview_lines
from workshop_app.models.handouts.merging import OUTSIDE, merge_change, plan_merge
from workshop_app.models.handouts.part import guard_handout
from workshop_app.models.handouts.reading import read_handout
from workshop_app.models.handouts.writing import outcome_ids, write_handout
from workshop_app.models.roadmap.tree import node_codes


def by_code(document) -> dict[str, str]:
    return {code: node_id for node_id, code in node_codes(document).items()}


@pytest.fixture
def workshop(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


@pytest.fixture
def group_b(workshop, tmp_path):
    """Group B's handout of outcome 2, as written."""
    path = tmp_path / "Group B.workshop"
    write_handout(workshop, path, outcome_ids(workshop, ["2"]), "Group B")
    return path


def merged(workshop, path):
    plan = plan_merge(workshop, read_handout(workshop, path))
    workshop.apply(merge_change(workshop, plan))
    return plan


def test_a_part_widened_in_the_handout_s_own_table_stays_the_part_handed_out(workshop, group_b):
    codes = by_code(workshop)
    with sqlite3.connect(group_b) as conn:  # by other means than the program: outcome 1 added to the part
        conn.execute("UPDATE handout SET outcomes = ?", [json.dumps([codes["2"], codes["1"]])])
    theirs = workshop.get("roadmap_node", codes["1.1.1"])["title"]
    with WorkshopDocument.open(group_b) as handout:
        guard_handout(handout)  # the handout itself now lets the group edit outcome 1…
        handout.apply(handout.plan_update("roadmap_node", by_code(handout)["1.1.1"], None, title="Widened"))
        handout.apply(handout.plan_update("roadmap_node", by_code(handout)["2.1.1"], None, title="Its own"))
    plan = merged(workshop, group_b)
    # …the merge does not: the change to 1.1.1 is a conflict, and the workshop's title is kept.
    assert [(conflict.kind, conflict.row_id, conflict.field) for conflict in plan.conflicts] == [
        (OUTSIDE, codes["1.1.1"], "title")]
    assert workshop.get("roadmap_node", codes["1.1.1"])["title"] == theirs
    assert workshop.get("roadmap_node", codes["2.1.1"])["title"] == "Its own"
    assert any(note.startswith("This handout's record of its part was changed after it was handed out: the part "
                               "the workshop handed out (Outcome 2) is followed") for note in plan.notes)


def test_an_item_moved_into_the_part_by_other_means_stays_where_the_workshop_has_it(workshop, group_b):
    codes = by_code(workshop)
    with sqlite3.connect(group_b) as conn:
        conn.execute("UPDATE roadmap_node SET parent_id = ?, title = 'Taken over' WHERE id = ?",
                     [codes["2.1"], codes["1.1.1"]])
    plan = merged(workshop, group_b)
    assert {(conflict.kind, conflict.field) for conflict in plan.conflicts} == {(OUTSIDE, "parent_id"),
                                                                                (OUTSIDE, "title")}
    action = workshop.get("roadmap_node", codes["1.1.1"])
    assert action["parent_id"] == codes["1.1"] and action["title"] != "Taken over"


def test_an_item_of_the_part_moved_out_of_it_by_other_means_is_a_conflict(workshop, group_b):
    codes = by_code(workshop)
    with sqlite3.connect(group_b) as conn:
        conn.execute("UPDATE roadmap_node SET parent_id = ? WHERE id = ?", [codes["1.1"], codes["2.1.1"]])
    plan = merged(workshop, group_b)
    assert [(conflict.kind, conflict.field) for conflict in plan.conflicts] == [(OUTSIDE, "parent_id")]
    assert workshop.get("roadmap_node", codes["2.1.1"])["parent_id"] == codes["2.1"]


def test_an_item_moved_elsewhere_is_shown_by_the_items_it_was_and_would_be_under(workshop, group_b):
    codes = by_code(workshop)
    with sqlite3.connect(group_b) as conn:  # by other means: an action of the part moved to outcome 1
        conn.execute("UPDATE roadmap_node SET parent_id = ? WHERE id = ?", [codes["1.1"], codes["2.1.1"]])
        conn.execute("PRAGMA foreign_keys = OFF")  # and an indicator moved onto an item that does not exist
        conn.execute("UPDATE indicator SET node_id = 'nowhere' WHERE node_id = ?", [codes["2"]])
    plan = plan_merge(workshop, read_handout(workshop, group_b))
    views = {view.field: view for view in conflict_views(workshop, plan)}
    moved = views["placed under"]
    assert moved.item.startswith("Action 2.1.1 “")
    assert moved.base == moved.workshop and moved.base.startswith("Output 2.1 “")
    assert moved.handout.startswith("Output 1.1 “")
    indicator = views["measures"]
    assert indicator.workshop.startswith("Outcome 2 “") and indicator.handout == "an item that does not exist"
    assert not any(codes["1.1"] in text or "nowhere" in text for view in views.values()
                   for text in (view.base, view.workshop, view.handout))


def test_the_outcome_handed_out_deleted_by_other_means_stays(workshop, group_b):
    codes = by_code(workshop)
    with sqlite3.connect(group_b) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM roadmap_node WHERE id = ?", [codes["2"]])
    plan = merged(workshop, group_b)
    assert [(conflict.kind, conflict.row_id) for conflict in plan.conflicts] == [(OUTSIDE, codes["2"])]
    assert by_code(workshop)["2.1.1"] == codes["2.1.1"]


def test_a_base_changed_after_the_handout_was_written_is_refused(workshop, group_b):
    codes = by_code(workshop)
    with sqlite3.connect(group_b) as conn:  # the base made to agree with a change outside the part
        base = json.loads(conn.execute("SELECT base FROM handout").fetchone()[0])
        for row in base["roadmap_node"]:
            if row["id"] == codes["1.1.1"]:
                row["title"] = "Slipped in"
        conn.execute("UPDATE handout SET base = ?", [json.dumps(base)])
    with pytest.raises(WorkshopFileError, match="is a damaged handout: the state it was handed out in was changed "
                                                "after it was written; nothing was merged"):
        read_handout(workshop, group_b)


# As deep as the file's own check lets JSON be (deeper than Python reads), and 20 MB of it.
@pytest.mark.parametrize("base", ["[" * 999 + "]" * 999, json.dumps({"roadmap_node": ["x" * 1000] * 20_000})])
def test_a_base_nested_deeply_or_made_huge_is_refused_without_reading_it(workshop, group_b, base):
    with sqlite3.connect(group_b) as conn:
        conn.execute("UPDATE handout SET base = ?", [base])
    with pytest.raises(WorkshopFileError, match="is a damaged handout"):
        read_handout(workshop, group_b)


def test_a_handout_the_workshop_file_has_no_record_of_is_refused(workshop, tmp_path):
    earlier = tmp_path / "copy before the breakouts.workshop"
    workshop.save_copy(earlier)  # the same workshop, another copy of its file
    path = tmp_path / "Group B.workshop"
    write_handout(workshop, path, outcome_ids(workshop, ["2"]), "Group B")
    with WorkshopDocument.open(earlier) as copy:
        with pytest.raises(WorkshopFileError, match="was not handed out from this workshop file, which keeps no "
                                                    "record of it"):
            read_handout(copy, path)


def test_a_handout_written_from_a_file_open_read_only_is_refused(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        with pytest.raises(WorkshopFileError, match="is open read-only: the workshop keeps a record"):
            write_handout(document, tmp_path / "Group B.workshop", outcome_ids(document, ["2"]), "Group B")
    assert not (tmp_path / "Group B.workshop").exists()


def test_changes_outside_the_road_map_are_named_and_not_merged(workshop, group_b):
    people, sessions = workshop.count("participant"), [row["title"] for row in workshop.rows("session")]
    with sqlite3.connect(group_b) as conn:
        conn.execute("UPDATE workshop SET title = 'Our own workshop'")
        conn.execute("DELETE FROM participant WHERE rowid IN (SELECT rowid FROM participant LIMIT 3)")
        conn.execute("UPDATE session SET title = 'Long lunch' WHERE rowid = (SELECT min(rowid) FROM session)")
    plan = merged(workshop, group_b)
    assert plan.notes == ["The handout also changes the workshop's details, the participants, the agenda; those "
                          "changes are not merged: handouts carry the road map only."]
    assert workshop.count("participant") == people and [row["title"] for row in workshop.rows("session")] == sessions
    assert workshop.workshop()["title"] != "Our own workshop"


def test_a_handout_edited_in_the_program_only_says_nothing_of_other_changes(workshop, group_b):
    with WorkshopDocument.open(group_b) as handout:
        guard_handout(handout)
        handout.apply(handout.plan_update("roadmap_node", by_code(handout)["2.1.1"], None, risks="Floods"))
    assert merged(workshop, group_b).notes == []


def test_a_cut_short_or_foreign_file_is_refused_in_one_sentence(workshop, group_b, tmp_path):
    cut = tmp_path / "cut.workshop"
    cut.write_bytes(group_b.read_bytes()[: group_b.stat().st_size // 2])
    with pytest.raises(WorkshopFileError, match="truncated"):
        read_handout(workshop, cut)
    foreign = tmp_path / "foreign.workshop"
    data = bytearray(group_b.read_bytes())
    data[68:72] = (0x12345678).to_bytes(4, "big")  # another program's application_id
    foreign.write_bytes(bytes(data))
    with pytest.raises(WorkshopFileError, match="another program"):
        read_handout(workshop, foreign)


def test_outcomes_nested_deeply_in_a_handout_open_it_with_no_part_instead_of_failing(group_b):
    from workshop_app.models.handouts.part import handout_info

    with sqlite3.connect(group_b) as conn:
        conn.execute("UPDATE handout SET outcomes = ?", ["[" * 999 + "]" * 999])
    with WorkshopDocument.open(group_b, readonly=True) as handout:
        assert handout_info(handout).outcomes == ()


@pytest.mark.parametrize("text", ["تدريب مفتشي العمل", "श्रम निरीक्षकों का प्रशिक्षण", "\u202eRTL\u202c \u200fmark",
                                  "=HYPERLINK(\"http://example.com\",\"x\")", "<b>bold</b> & AT&T"])
def test_any_text_arrives_and_is_shown_as_typed(workshop, group_b, text):
    codes = by_code(workshop)
    with WorkshopDocument.open(group_b) as handout:
        guard_handout(handout)
        handout.apply(handout.plan_update("roadmap_node", by_code(handout)["2.1.1"], None, title=text))
        theirs = handout.get("roadmap_node", codes["2.1.1"])["title"]  # as stored (direction overrides go)
    workshop.apply(workshop.plan_update("roadmap_node", codes["2.1.1"], None, title=f"{text} (plenary)"))
    ours = workshop.get("roadmap_node", codes["2.1.1"])["title"]
    plan = plan_merge(workshop, read_handout(workshop, group_b))
    view = conflict_views(workshop, plan)[0]
    assert (view.workshop, view.handout) == (f"“{ours}”", f"“{theirs}”")
    plan.choose("handout")
    assert any(line.endswith(f"→ “{theirs}”") for line in preview_lines(workshop, plan))
    workshop.apply(merge_change(workshop, plan))
    assert workshop.get("roadmap_node", codes["2.1.1"])["title"] == theirs


def test_a_format_4_file_gains_the_record_and_its_earlier_handouts_are_refused_with_the_reason(demo_path, tmp_path):
    from workshop_app.models.file import schema

    path = tmp_path / "Group B.workshop"
    with WorkshopDocument.open(demo_path) as document:
        write_handout(document, path, outcome_ids(document, ["2"]), "Group B")
    conn = sqlite3.connect(demo_path, isolation_level=None)  # the workshop as format 4 kept it: no record
    conn.execute("DROP TABLE issued_handout")
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    with WorkshopDocument.open(demo_path) as document:
        assert document.schema_version() == schema.SCHEMA_VERSION and document.schema_differences() == []
        assert "format-4-backup" in document.opening_notes[0]
        with pytest.raises(WorkshopFileError, match="which keeps no record of it"):
            read_handout(document, path)
        write_handout(document, tmp_path / "again.workshop", outcome_ids(document, ["2"]), "Group B")
        assert read_handout(document, tmp_path / "again.workshop").label == "Group B"


def test_a_group_s_name_is_one_line_and_a_folder_is_no_handout_name(workshop, tmp_path):
    from workshop_app.models.errors import InvalidValueError

    path = tmp_path / "Group B.workshop"
    write_handout(workshop, path, outcome_ids(workshop, ["2"]), "  Group\nB \t(rapporteur:\r\nAsha) ")
    assert read_handout(workshop, path).label == "Group B (rapporteur: Asha)"
    with pytest.raises(InvalidValueError, match="a group's name has at most 200 characters"):
        write_handout(workshop, tmp_path / "long.workshop", outcome_ids(workshop, ["2"]), "G" * 201)
    with pytest.raises(WorkshopFileError, match="is a folder; give a name for the handout"):
        write_handout(workshop, tmp_path, outcome_ids(workshop, ["2"]), "Group C", overwrite=True)
    assert not (tmp_path / "long.workshop").exists()


def test_a_handout_of_an_earlier_format_says_its_other_changes_cannot_be_told(demo_path, tmp_path):
    path = tmp_path / "Group B.workshop"
    with WorkshopDocument.open(demo_path) as document:
        write_handout(document, path, outcome_ids(document, ["2"]), "Group B")
    with sqlite3.connect(demo_path) as conn:  # digests taken in the format before this one
        stored = json.loads(conn.execute("SELECT table_digests FROM issued_handout").fetchone()[0])
        stored["format"] -= 1
        conn.execute("UPDATE issued_handout SET table_digests = ?", [json.dumps(stored)])
    with WorkshopDocument.open(demo_path) as document:
        assert read_handout(document, path).notes == [
            "This handout was written by an earlier version of the program: whether it also changes more than the "
            "road map cannot be told. Only its road map is merged."]
