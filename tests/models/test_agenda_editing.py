"""Moving, adding and removing sessions: times follow, slots stay tidy, one undo each."""

import pytest

from workshop_app.models.agenda.schedule import (
    agenda,
    clock,
    day_layout,
    plan_add_session,
    plan_delete_session,
    plan_move_session,
    plan_shift_session,
)


@pytest.fixture
def day(document):
    """Day 1: Opening 30, Break 15, two parallel groups (60 and 45), Lunch 60 at 13:00."""
    day_id = document.rows("day", order_by="position")[0]["id"]
    for title, slot, duration, extra in (("Opening", 0, 30, {}), ("Break", 1, 15, {"type": "break"}),
                                         ("Group A", 2, 60, {"track": "Group A"}),
                                         ("Group B", 2, 45, {"track": "Group B"}),
                                         ("Lunch", 3, 60, {"type": "meal", "fixed_start": "13:00"})):
        document.insert("session", day_id=day_id, slot=slot, title=title, duration=duration, **extra)
    return day_id


def titles(document, day_id):
    return [[document.get("session", sid)["title"] for sid in group] for group in day_layout(document, day_id)]


def times(document, day_number=0):
    sessions = agenda(document)[day_number].sessions
    return {item.session["title"]: (clock(item.start), clock(item.end)) for item in sessions}


def session_id(document, title):
    return document.rows("session", "title = ?", [title])[0]["id"]


def test_times_come_from_the_day_start_and_durations(document, day):
    assert times(document) == {"Opening": ("09:00", "09:30"), "Break": ("09:30", "09:45"),
                               "Group A": ("09:45", "10:45"), "Group B": ("09:45", "10:30"),
                               "Lunch": ("13:00", "14:00")}


def test_moving_a_session_renumbers_and_undo_restores(document, day):
    change = plan_move_session(document, session_id(document, "Break"), day, 0)
    document.apply(change)
    assert titles(document, day) == [["Break"], ["Opening"], ["Group A", "Group B"], ["Lunch"]]
    assert times(document)["Opening"] == ("09:15", "09:45")
    document.apply(change.inverse())
    assert titles(document, day) == [["Opening"], ["Break"], ["Group A", "Group B"], ["Lunch"]]


def test_joining_a_parallel_slot_gets_a_free_track(document, day):
    document.apply(plan_move_session(document, session_id(document, "Opening"), day, 1, parallel=True))
    assert titles(document, day) == [["Break"], ["Group A", "Group B", "Opening"], ["Lunch"]]
    assert document.get("session", session_id(document, "Opening"))["track"] == "Group C"


def test_keyboard_moves_step_over_whole_slots(document, day):
    document.apply(plan_shift_session(document, session_id(document, "Opening"), +1))
    assert titles(document, day) == [["Break"], ["Opening"], ["Group A", "Group B"], ["Lunch"]]
    document.apply(plan_shift_session(document, session_id(document, "Group B"), -1))  # leaves its group
    assert titles(document, day) == [["Break"], ["Opening"], ["Group B"], ["Group A"], ["Lunch"]]
    assert not plan_shift_session(document, session_id(document, "Break"), -1)  # already first


def test_moving_to_another_day(document, day):
    day2 = document.rows("day", order_by="position")[1]["id"]
    document.apply(plan_move_session(document, session_id(document, "Break"), day2, 0))
    assert titles(document, day) == [["Opening"], ["Group A", "Group B"], ["Lunch"]]
    assert titles(document, day2) == [["Break"]]


def test_add_in_a_slot_or_in_parallel_and_delete_closes_the_gap(document, day):
    document.apply(plan_add_session(document, day, slot=1, title="Keynote", duration=20))
    assert titles(document, day)[1] == ["Keynote"]
    document.apply(plan_add_session(document, day, parallel_to=session_id(document, "Group A"), title="Group C"))
    assert titles(document, day)[3] == ["Group A", "Group B", "Group C"]
    change = plan_delete_session(document, session_id(document, "Keynote"))
    document.apply(change)
    assert titles(document, day) == [["Opening"], ["Break"], ["Group A", "Group B", "Group C"], ["Lunch"]]
    document.apply(change.inverse())
    assert titles(document, day)[1] == ["Keynote"]


def test_room_capacity_on_the_session_is_checked(document, day):
    from workshop_app.models.agenda.warnings import agenda_warnings

    group_a = session_id(document, "Group A")
    for number in range(3):
        person = document.insert("participant", name=f"Person {number}").rows[0].row_id
        document.insert("session_person", session_id=group_a, participant_id=person, role="member")
    document.update("session", group_a, capacity=2)
    assert any(w.kind == "over_capacity" and group_a in w.session_ids for w in agenda_warnings(document))
    document.update("session", group_a, capacity="")
    assert not any(w.kind == "over_capacity" for w in agenda_warnings(document))


def test_running_late_keeps_the_planned_duration(document, day):
    from workshop_app.models.agenda.live import plan_overrun

    opening = session_id(document, "Opening")
    change, _ = plan_overrun(document, opening, 10)
    document.apply(change)
    session = document.get("session", opening)
    assert (session["duration"], session["planned_duration"], session["actual_end"]) == (40, 30, "09:40")


def test_undoing_a_deleted_session_puts_its_speakers_back_in_protocol_order(demo_path):
    """Speakers are listed in the order they were added (the protocol order); so are group
    members and comments. Undo must restore that order, not append the rows at the end."""
    from workshop_app.models.agenda.schedule import plan_delete_session
    from workshop_app.models.document import WorkshopDocument

    def dump(document):
        return {table: document.query(f"SELECT rowid, * FROM [{table}] ORDER BY rowid")
                for table in ("session", "session_person", "day")}

    with WorkshopDocument.open(demo_path) as document:
        session_id, _ = document.query("SELECT session_id, count(*) FROM session_person WHERE role = 'speaker'"
                                       " GROUP BY session_id HAVING count(*) > 1 LIMIT 1")[0]
        # Put the speakers out of alphabetical order, as a protocol would.
        speakers = document.query("SELECT id FROM session_person WHERE session_id = ? ORDER BY rowid", [session_id])
        before = dump(document)
        change = plan_delete_session(document, session_id)
        document.apply(change)
        document.insert("session_person", session_id=document.query("SELECT id FROM session LIMIT 1")[0][0],
                        participant_id=document.query("SELECT id FROM participant LIMIT 1")[0][0], role="speaker")
        added = document.query("SELECT id FROM session_person ORDER BY rowid DESC LIMIT 1")[0][0]
        document.delete("session_person", added)
        document.apply(change.inverse())
        assert dump(document) == before
        assert document.query("SELECT id FROM session_person WHERE session_id = ? ORDER BY rowid",
                              [session_id]) == speakers
