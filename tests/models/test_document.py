"""The document: every change committed at once, every change undoable."""

import sqlite3
import struct

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopFileError
from workshop_app.models.file.schema import APPLICATION_ID, SCHEMA_VERSION


def header_ints(path, offset):
    return struct.unpack(">I", path.read_bytes()[offset:offset + 4])[0]


def test_new_file_is_marked_as_a_workshop_of_the_current_format(workshop_path):
    assert header_ints(workshop_path, 68) == APPLICATION_ID
    assert header_ints(workshop_path, 60) == SCHEMA_VERSION
    conn = sqlite3.connect(workshop_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_new_file_holds_the_workshop_and_its_days(document):
    workshop = document.workshop()
    assert workshop["title"] == "Atelier national"
    assert workshop["country"] == "MG"
    assert workshop["languages"] == '["fr", "en"]'
    assert (workshop["start_date"], workshop["end_date"]) == ("2027-05-04", "2027-05-06")
    assert [day["date"] for day in document.rows("day", order_by="position")] == [
        "2027-05-04", "2027-05-05", "2027-05-06"]


def test_new_file_gets_normal_permissions(workshop_path):
    assert workshop_path.stat().st_mode & 0o044  # readable by others, like any document


def test_create_refuses_to_replace_an_existing_file(workshop_path):
    before = workshop_path.read_bytes()
    with pytest.raises(WorkshopFileError, match="already exists"):
        WorkshopDocument.create(workshop_path, title="Other", country="NP")
    assert workshop_path.read_bytes() == before


def test_failed_create_leaves_no_file(tmp_path):
    with pytest.raises(InvalidValueError, match="ISO 3166"):
        WorkshopDocument.create(tmp_path / "x.workshop", title="T", country="XX")
    assert list(tmp_path.iterdir()) == []


def test_edit_is_in_the_file_at_once_and_undo_restores_it(document, workshop_path):
    workshop_id = document.workshop()["id"]
    change = document.update("workshop", workshop_id, title="Atelier de validation")
    # Another connection (a copy made now, a power cut now) sees the committed edit.
    copy = workshop_path.with_name("copy.workshop")
    copy.write_bytes(workshop_path.read_bytes())
    with WorkshopDocument.open(copy, readonly=True) as other:
        assert other.workshop()["title"] == "Atelier de validation"
    document.apply(change.inverse())
    assert document.workshop()["title"] == "Atelier national"
    document.apply(change)
    assert document.workshop()["title"] == "Atelier de validation"


def test_unchanged_value_makes_an_empty_change(document):
    assert not document.plan_update("workshop", document.workshop()["id"], title="  Atelier national ")


def test_text_is_kept_exactly_in_any_script(document):
    names = ["सीता श्रेष्ठ", "Nguyễn Thị Lan", "مريم الإدريسي", "AT&T <b>R&D</b> =SUM(A1)", "😀 Élodie"]
    ids = [document.insert("participant", name=name).rows[0].row_id for name in names]
    assert [document.get("participant", i)["name"] for i in ids] == names


def test_decomposed_unicode_is_stored_composed(document):
    decomposed = "Nguye\u0302\u0303n"  # as some keyboards type it
    row_id = document.insert("participant", name=decomposed).rows[0].row_id
    assert document.get("participant", row_id)["name"] == "Nguyễn"


def test_delete_takes_dependents_along_and_undo_restores_every_row(document):
    org = document.insert("organization", name="Ministry of Labour", category="government").rows[0].row_id
    person = document.insert("participant", name="Sita", sex="female", organization_id=org).rows[0].row_id
    goal = document.insert("roadmap_node", level="goal", position=0, title="End child labour").rows[0].row_id
    outcome = document.insert("roadmap_node", level="outcome", parent_id=goal, position=0, title="O").rows[0].row_id
    output = document.insert("roadmap_node", level="output", parent_id=outcome, position=0, title="P").rows[0].row_id
    action = document.insert("roadmap_node", level="action", parent_id=output, position=0,
                             title="Train inspectors").rows[0].row_id
    document.insert("action_partner", node_id=action, organization_id=org, role="support")
    document.insert("stakeholder_assessment", organization_id=org, influence=5, interest=4)
    before = {table: document.rows(table) for table in ("organization", "participant", "action_partner",
                                                        "stakeholder_assessment")}

    change = document.delete("organization", org)

    assert document.count("organization") == 0
    assert document.count("action_partner") == 0 and document.count("stakeholder_assessment") == 0
    assert document.get("participant", person)["organization_id"] is None  # people stay
    document.apply(change.inverse())
    assert {table: document.rows(table) for table in before} == before


def test_deleting_a_goal_removes_its_whole_subtree_in_one_undoable_step(document):
    goal = document.insert("roadmap_node", level="goal", position=0, title="Goal").rows[0].row_id
    outcome = document.insert("roadmap_node", level="outcome", parent_id=goal, position=0, title="O").rows[0].row_id
    output = document.insert("roadmap_node", level="output", parent_id=outcome, position=0, title="P").rows[0].row_id
    document.insert("indicator", node_id=output, position=0, title="Inspections per year")
    change = document.delete("roadmap_node", goal)
    assert document.count("roadmap_node") == 0 and document.count("indicator") == 0
    document.apply(change.inverse())
    assert document.count("roadmap_node") == 3 and document.count("indicator") == 1


@pytest.mark.parametrize(
    ("table", "fields", "message"),
    [
        ("workshop", {"country": "XX"}, "ISO 3166"),
        ("workshop", {"start_date": "next Monday"}, "YYYY-MM-DD"),
        ("workshop", {"end_date": "2027-05-01"}, "before the start date"),
        ("workshop", {"languages": "english"}, "ISO 639-1"),
        ("day", {"start_time": "25:00"}, "HH:MM"),
    ],
)
def test_invalid_values_are_refused_with_a_clear_message(document, table, fields, message):
    row = document.rows(table)[0]
    with pytest.raises(InvalidValueError, match=message):
        document.update(table, row["id"], **fields)
    assert document.get(table, row["id"]) == row


def test_zero_or_negative_session_duration_is_refused(document):
    day = document.rows("day")[0]["id"]
    for minutes in (0, -15):
        with pytest.raises(InvalidValueError, match="at least one minute"):
            document.insert("session", day_id=day, slot=0, title="Opening", duration=minutes)
    assert document.count("session") == 0


def test_a_change_that_fails_halfway_changes_nothing(document):
    from workshop_app.models.changes import Change

    good = document.plan_update("workshop", document.workshop()["id"], title="Changed")
    bad = document.plan_insert("participant", name="X", organization_id="no-such-organization")
    with pytest.raises(InvalidValueError, match="no longer exists"):
        document.apply(Change("Both", good.rows + bad.rows))
    assert document.workshop()["title"] == "Atelier national"
    assert document.count("participant") == 0


def test_moving_the_start_date_moves_the_days_in_one_step(document):
    change = document.plan_workshop_dates("2027-06-01")
    document.apply(change)
    assert document.workshop()["end_date"] == "2027-06-03"
    assert [d["date"] for d in document.rows("day", order_by="position")] == ["2027-06-01", "2027-06-02", "2027-06-03"]
    document.apply(change.inverse())
    assert [d["date"] for d in document.rows("day", order_by="position")] == ["2027-05-04", "2027-05-05", "2027-05-06"]


def test_listeners_hear_every_applied_change(document):
    heard = []
    document.subscribe(heard.append)
    change = document.update("workshop", document.workshop()["id"], venue="Hôtel Colbert, Antananarivo")
    document.apply(change.inverse())
    assert [c.description for c in heard] == [change.description, change.description]
    assert heard[1].rows[0].after == {"venue": ""}


def test_save_a_copy_is_complete_and_leaves_the_original_open(document, tmp_path):
    document.update("workshop", document.workshop()["id"], venue="Antananarivo")
    target = tmp_path / "usb" / "copy.workshop"
    target.parent.mkdir()
    document.save_copy(target)
    with WorkshopDocument.open(target) as copy:
        assert copy.workshop()["venue"] == "Antananarivo"
    document.update("workshop", document.workshop()["id"], venue="Toamasina")  # still editable


def test_read_only_document_refuses_changes(workshop_path):
    with WorkshopDocument.open(workshop_path, readonly=True) as document:
        with pytest.raises(WorkshopFileError, match="read-only"):
            document.update("workshop", document.workshop()["id"], title="X")


def test_fields_named_like_the_undo_text_are_still_fields(document):
    """'description' is a field of the workshop and of road-map items, not the undo text."""
    change = document.update("workshop", document.workshop()["id"], description="Fictional workshop")
    assert document.workshop()["description"] == "Fictional workshop"
    assert change.description == "Edit description"


def test_demo_workshop_says_it_is_fictional(demo_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        workshop = document.workshop()
        assert "Fictional" in workshop["description"]
        assert workshop["country"] == "NP" and workshop["venue"]
        names = [row["name"] for row in document.rows("participant")]
        assert any("\u0900" <= ch <= "\u097f" for name in names for ch in name)  # some Devanagari


def test_setting_a_first_start_date_keeps_the_end_date(tmp_path):
    path = tmp_path / "undated.workshop"
    with WorkshopDocument.create(path, title="T", country="NP") as document:
        document.update("workshop", document.workshop()["id"], end_date="2027-05-06")
        document.apply(document.plan_workshop_dates("2027-05-04"))
        assert document.workshop()["end_date"] == "2027-05-06"
        document.apply(document.plan_workshop_dates(None))
        assert (document.workshop()["start_date"], document.workshop()["end_date"]) == (None, "2027-05-06")


def test_languages_typed_with_stray_brackets_are_understood(document):
    document.update("workshop", document.workshop()["id"], languages='["fr", "en"')
    assert document.workshop()["languages"] == '["fr", "en"]'


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": "action", "parent_id": "GOAL"}, "cannot be placed under a goal"),
        ({"level": "outcome"}, "cannot be placed at the top"),
        ({"level": "goal", "parent_id": "GOAL"}, "it is the top level"),
    ],
)
def test_road_map_items_keep_their_shape(document, fields, message):
    goal = document.insert("roadmap_node", level="goal", position=0, title="Goal").rows[0].row_id
    fields = {key: goal if value == "GOAL" else value for key, value in fields.items()}
    with pytest.raises(InvalidValueError, match=message):
        document.insert("roadmap_node", position=1, title="X", **fields)
    with pytest.raises(InvalidValueError, match="outcomes and outputs only"):
        document.insert("indicator", node_id=goal, position=0, title="Cases")


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("start", "q3 2027", "2027-Q3"),
        ("start", "2027Q1", "2027-Q1"),
        ("end", "2028-06-30", "2028-06-30"),
        ("gender_marker", "2", 2),
        ("issue_tags", "forced_labour, child_labour", '["forced_labour", "child_labour"]'),
        ("sdgs", [8, "16"], "[8, 16]"),
    ],
)
def test_action_fields_are_stored_in_one_form(document, field, typed, stored):
    goal = document.insert("roadmap_node", level="goal", position=0, title="Goal").rows[0].row_id
    outcome = document.insert("roadmap_node", level="outcome", parent_id=goal, position=0, title="O").rows[0].row_id
    output = document.insert("roadmap_node", level="output", parent_id=outcome, position=0, title="P").rows[0].row_id
    action = document.insert("roadmap_node", level="action", parent_id=output, position=0, title="A").rows[0].row_id
    document.update("roadmap_node", action, **{field: typed})
    assert document.get("roadmap_node", action)[field] == stored


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [("start", "someday", "quarter like 2027-Q3"), ("start", "2026-Q9", "quarter"),
     ("gender_marker", "2.5", "gender marker"), ("sdgs", [99], "related SDGs"), ("issue_tags", ["cats"], "issues")],
)
def test_action_fields_refuse_what_the_brief_does_not_know(document, field, typed, message):
    goal = document.insert("roadmap_node", level="goal", position=0, title="Goal").rows[0].row_id
    with pytest.raises(InvalidValueError, match=message):
        document.update("roadmap_node", goal, **{field: typed})


def test_a_copy_onto_a_full_disk_says_so_and_leaves_nothing(document, tmp_path, monkeypatch):
    import errno

    target = tmp_path / "stick" / "copy.workshop"
    target.parent.mkdir()

    def full(source, destination):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("workshop_app.models.document.os.replace", full)
    with pytest.raises(WorkshopFileError, match=r"^copy.workshop: the copy could not be written \(No space left"):
        document.save_copy(target)
    assert list(target.parent.iterdir()) == []
