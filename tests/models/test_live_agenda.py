"""Live mode: what is on now and next, the times really kept, and an overrun absorbed by the
sessions before lunch and the closing so that the fixed times hold."""

import datetime as dt

import pytest

from workshop_app.models.agenda.live import now_and_next, plan_overrun, plan_record_actual
from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError

DAY = dt.date(2027, 5, 4)  # day 1 of the `document` fixture


def at(hh_mm: str, date: dt.date = DAY) -> dt.datetime:
    hours, minutes = map(int, hh_mm.split(":"))
    return dt.datetime.combine(date, dt.time(hours, minutes))


def times(document) -> dict[str, str]:
    """title (with track) -> 'HH:MM-HH:MM' on day 1, as the printed agenda shows it."""
    schedule = agenda(document)[0]
    return {" ".join(filter(None, (item.session["track"], item.session["title"]))):
            f"{clock(item.start)}-{clock(item.end)}" for item in schedule.sessions}


def snapshot(document) -> list[dict]:
    return sorted(document.rows("session"), key=lambda row: row["id"])


@pytest.fixture
def day(document):
    """09:00 Welcome, 09:30 National situation, 10:30 Tea, 10:50 Panel, (gap), 12:00 Lunch
    (fixed), 13:00 four parallel groups, 14:30 Closing (fixed); planned end 15:00."""
    day_id = document.rows("day", order_by="position")[0]["id"]
    document.update("day", day_id, planned_end="15:00")
    ids = {}

    def add(slot, title, duration, **fields):
        ids[fields.get("track") or title] = document.insert(
            "session", day_id=day_id, slot=slot, title=title, duration=duration, **fields).rows[0].row_id

    add(0, "Welcome", 30, type="opening")
    add(1, "National situation", 60, type="presentation")
    add(2, "Tea break", 20, type="break")
    add(3, "Panel", 60)
    add(4, "Lunch", 60, type="meal", fixed_start="12:00")
    for track, title in (("Group A", "Migration"), ("Group B", "Rule of Law and Governance"),
                         ("Group C", "Conflicts and Humanitarian Settings"), ("Group D", "Supply Chains")):
        add(5, title, 90, type="group_work", track=track)
    add(6, "Closing", 30, type="closing", fixed_start="14:30")
    return day_id, ids


def test_planned_times_of_the_fixture(document, day):
    assert times(document) == {
        "Welcome": "09:00-09:30", "National situation": "09:30-10:30", "Tea break": "10:30-10:50",
        "Panel": "10:50-11:50", "Lunch": "12:00-13:00", "Group A Migration": "13:00-14:30",
        "Group B Rule of Law and Governance": "13:00-14:30",
        "Group C Conflicts and Humanitarian Settings": "13:00-14:30",
        "Group D Supply Chains": "13:00-14:30", "Closing": "14:30-15:00"}


def test_before_during_between_and_after(document, day):
    status = now_and_next(document, at("08:40"))
    assert status.state == "before" and status.day_number == 1
    assert status.message == "Before the first session: 'Welcome' starts at 09:00"

    status = now_and_next(document, at("09:45"))
    assert status.state == "running"
    assert [(s.title, s.start, s.end, s.minutes_left) for s in status.now] == [
        ("National situation", "09:30", "10:30", 45)]
    assert [(s.title, s.start) for s in status.next] == [("Tea break", "10:30")]
    assert status.message == "Now: 'National situation' until 10:30 (45 minutes left)"

    status = now_and_next(document, at("11:55"))
    assert status.state == "between" and status.now == []
    assert status.message == "Next at 12:00: 'Lunch'"

    status = now_and_next(document, at("13:10"))
    assert [s.title for s in status.now] == [
        "Migration", "Rule of Law and Governance", "Conflicts and Humanitarian Settings", "Supply Chains"]
    assert status.message == "Now: 4 parallel sessions until 14:30 (80 minutes left)"
    assert [s.title for s in status.next] == ["Closing"]

    status = now_and_next(document, at("15:20"))
    assert status.state == "after" and status.message == "The sessions of day 1 are over"


def test_days_without_a_workshop(document, day):
    assert now_and_next(document, at("10:00", dt.date(2027, 5, 1))).message == "The workshop starts on 2027-05-04"
    assert now_and_next(document, at("10:00", dt.date(2027, 6, 1))).message == "The workshop is over"
    empty_day = now_and_next(document, at("10:00", dt.date(2027, 5, 5)))
    assert (empty_day.state, empty_day.message) == ("no_sessions", "Day 2 has no sessions")


def test_recorded_times_replace_the_planned_ones(document, day):
    _, ids = day
    document.apply(plan_record_actual(document, ids["National situation"], start="09:40"))
    status = now_and_next(document, at("10:35"))
    assert [(s.title, s.start, s.end, s.minutes_left) for s in status.now] == [
        ("National situation", "09:40", "10:40", 5)]
    assert [(s.title, s.start) for s in status.next] == [("Tea break", "10:40")]
    # Not ended at 10:50: it is still on, over time, and the tea break waits for it.
    status = now_and_next(document, at("10:50"))
    assert status.message == "Now: 'National situation', 10 minutes over time"
    assert [s.title for s in status.next] == ["Tea break"]
    document.apply(plan_record_actual(document, ids["National situation"], end=dt.time(10, 52)))
    status = now_and_next(document, at("10:55"))
    assert [(s.title, s.start, s.end) for s in status.now] == [("Tea break", "10:52", "11:12")]
    assert [(s.title, s.start) for s in status.next] == [("Panel", "11:12")]
    # The plan itself has not moved.
    assert times(document)["National situation"] == "09:30-10:30"


def test_record_actual_keeps_the_plan_and_undoes_in_one_step(document, day):
    _, ids = day
    before = snapshot(document)
    change = plan_record_actual(document, ids["Welcome"], start="9:05", end="09:40")
    assert change.description == "Record start and end of 'Welcome'"
    document.apply(change)
    welcome = document.get("session", ids["Welcome"])
    assert (welcome["actual_start"], welcome["actual_end"], welcome["duration"]) == ("09:05", "09:40", 30)
    document.apply(change.inverse())
    assert snapshot(document) == before
    with pytest.raises(InvalidValueError, match="not a time"):
        plan_record_actual(document, ids["Welcome"], start="nine")
    with pytest.raises(InvalidValueError, match=r"the end \(09:00\) is before the start \(09:05\)"):
        plan_record_actual(document, ids["Welcome"], start="09:05", end="09:00")


def test_overrun_absorbed_by_the_gap_and_the_sessions_before_lunch(document, day):
    _, ids = day
    before = snapshot(document)
    change, warnings = plan_overrun(document, ids["National situation"], 30)
    assert warnings == []
    assert snapshot(document) == before  # planned, not written
    document.apply(change)
    # 30 minutes late: 10 go into the gap before lunch, 20 are taken from tea (5) and the panel
    # (15), in proportion to their length. Lunch stays at 12:00.
    assert {k: times(document)[k] for k in ("National situation", "Tea break", "Panel", "Lunch")} == {
        "National situation": "09:30-11:00", "Tea break": "11:00-11:15", "Panel": "11:15-12:00",
        "Lunch": "12:00-13:00"}
    assert document.get("session", ids["National situation"])["actual_end"] == "11:00"
    document.apply(change.inverse())
    assert snapshot(document) == before
    assert times(document)["Panel"] == "10:50-11:50"


def test_sessions_are_never_shortened_below_five_minutes(document, day):
    _, ids = day
    change, warnings = plan_overrun(document, ids["National situation"], 80)
    document.apply(change)
    assert warnings == []
    assert {k: times(document)[k] for k in ("Tea break", "Panel", "Lunch")} == {
        "Tea break": "11:50-11:55", "Panel": "11:55-12:00", "Lunch": "12:00-13:00"}


def test_a_fixed_item_moves_when_the_sessions_before_it_cannot_absorb_the_delay(document, day):
    _, ids = day
    before = snapshot(document)
    change, warnings = plan_overrun(document, ids["National situation"], 100)
    assert warnings == ["'Lunch' moves from 12:00 to 12:20: the sessions before it cannot be shortened enough"]
    document.apply(change)
    after = times(document)
    assert after["Lunch"] == "12:20-13:20"
    # The groups after lunch absorb the 20 minutes together, so the closing stays at 14:30.
    assert {after[k] for k in after if k.startswith("Group")} == {"13:20-14:30"}
    assert after["Closing"] == "14:30-15:00"
    document.apply(change.inverse())
    assert snapshot(document) == before


def test_an_overrun_just_before_a_fixed_item_moves_it(document, day):
    _, ids = day
    change, warnings = plan_overrun(document, ids["Group B"], 15)
    assert warnings == ["'Closing' moves from 14:30 to 14:45: there is no session before it to shorten",
                        "Day 1 now ends at 15:15, 15 minutes after its planned end (15:00)"]
    document.apply(change)
    after = times(document)
    assert after["Group B Rule of Law and Governance"] == "13:00-14:45"
    assert after["Group A Migration"] == "13:00-14:30"  # the parallel groups keep their time
    assert after["Closing"] == "14:45-15:15"


def test_breakout_groups_running_over_together_all_end_later(document, day):
    _, ids = day
    change, _ = plan_overrun(document, ids["Group B"], 15, with_parallel=True)
    document.apply(change)
    after = times(document)
    assert after["Group A Migration"] == after["Group B Rule of Law and Governance"] == "13:00-14:45"
    assert "and the" in change.description and after["Closing"] == "14:45-15:15"


def test_a_shorter_parallel_group_running_over_may_not_delay_anything(document, day):
    _, ids = day
    document.update("session", ids["Group A"], duration=60)
    change, warnings = plan_overrun(document, ids["Group A"], 20)
    document.apply(change)
    assert warnings == []
    assert times(document)["Group A Migration"] == "13:00-14:20"
    assert times(document)["Closing"] == "14:30-15:00"


def test_overrun_of_the_last_item_moves_the_end_of_the_day(document, day):
    _, ids = day
    change, warnings = plan_overrun(document, ids["Closing"], 10)
    assert warnings == ["Day 1 now ends at 15:10, 10 minutes after its planned end (15:00)"]
    assert change.description == "Record overrun of 'Closing'"


def test_overrun_needs_minutes_above_zero(document, day):
    _, ids = day
    for minutes in (0, -10, "ten"):
        with pytest.raises(InvalidValueError):
            plan_overrun(document, ids["Panel"], minutes)


def test_overrun_in_the_demo_keeps_lunch_at_one_o_clock(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        day1 = document.rows("day", order_by="position")[0]
        global_picture = document.rows("session", "day_id = ? AND title LIKE 'The global picture%'", [day1["id"]])[0]
        change, warnings = plan_overrun(document, global_picture["id"], 15)
        document.apply(change)
        schedule = {item.session["title"]: (clock(item.start), clock(item.end))
                    for item in agenda(document)[0].sessions}
        assert warnings == []
        assert schedule["The global picture: target 8.7 and Alliance 8.7"] == ("10:55", "11:50")
        assert schedule["Lunch"] == ("13:00", "14:00")
        status = now_and_next(document, dt.datetime(2027, 3, 9, 12, 0))
        assert [s.title for s in status.now] == [
            "National situation: child labour, forced labour, trafficking and foreign employment"]
        assert status.now[0].end == "13:00" and status.next[0].title == "Lunch"
