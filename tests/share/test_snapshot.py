"""The snapshot the phones' pages are written from, built again after an edit from the parts the
edit touched: it must read as a snapshot built whole would."""

import datetime as dt

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.share.snapshot import Baseline, build_snapshot, day_baseline

MORNING = dt.datetime(2027, 3, 10, 8, 30)


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


def _edits(document):
    """One edit of each kind the room makes while it reads: a tuple (what, change)."""
    action = document.rows("roadmap_node", "level = 'action'", order_by="position")[0]
    person = document.rows("participant", order_by="name")[0]
    session = document.rows("session", order_by="rowid")[0]
    organization = document.rows("organization", order_by="name")[0]
    day = document.rows("day", order_by="position")[0]
    return [
        ("an action's title", document.plan_update("roadmap_node", action["id"], title="Retitled in plenary")),
        ("a participant's name", document.plan_update("participant", person["id"], name="Renamed Person")),
        ("a session's room", document.plan_update("session", session["id"], room="Room 12")),
        ("an organization's acronym", document.plan_update("organization", organization["id"], acronym="NEWACR")),
        ("a day's title", document.plan_update("day", day["id"], title="Day of decisions")),
        ("the workshop's title", document.plan_update("workshop", document.workshop()["id"], title="Renamed")),
    ]


def test_a_snapshot_built_from_the_parts_an_edit_touched_reads_as_one_built_whole(demo):
    baseline = day_baseline(demo, MORNING.date(), Baseline.of_draft(demo, MORNING))
    previous = build_snapshot(demo, baseline)
    for what, change in _edits(demo):
        demo.apply(change)
        again = build_snapshot(demo, baseline, previous=previous, changed=frozenset(change.tables()))
        whole = build_snapshot(demo, baseline)
        assert again.fingerprint == whole.fingerprint != previous.fingerprint, what
        assert (again.goals, again.days, again.people, again.title) == (whole.goals, whole.days, whole.people,
                                                                         whole.title), what
        previous = again
    assert any(person.name == "Renamed Person" for person in previous.people)
    assert previous.changes and any(item.title == "Retitled in plenary" for item in previous.changes.changed)


def test_an_edit_of_the_agenda_reuses_the_road_map_and_its_changes_as_they_were(demo):
    baseline = day_baseline(demo, MORNING.date(), Baseline.of_draft(demo, MORNING))
    previous = build_snapshot(demo, baseline)
    session = demo.rows("session", order_by="rowid")[0]
    change = demo.plan_update("session", session["id"], room="Room 12")
    demo.apply(change)
    again = build_snapshot(demo, baseline, previous=previous, changed=frozenset(change.tables()))
    assert again.goals is previous.goals and again.changes is previous.changes
    assert any(placed.room == "Room 12" for day in again.days for slot in day.slots for placed in slot)
