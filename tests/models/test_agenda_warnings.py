"""Agenda warnings: people in two places at once, days that run late, sessions nobody leads,
rooms too small; and durations that cannot be zero or negative."""

import pytest

from workshop_app.models.agenda.warnings import agenda_warnings
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError


def add_session(document, day_id, slot, title, duration, **fields):
    return document.insert("session", day_id=day_id, slot=slot, title=title, duration=duration,
                           **fields).rows[0].row_id


def add_person(document, name):
    return document.insert("participant", name=name).rows[0].row_id


def day_ids(document):
    return [day["id"] for day in document.rows("day", order_by="position")]


def messages(document, kind=None, **options):
    return [w.message for w in agenda_warnings(document, **options) if kind is None or w.kind == kind]


@pytest.fixture
def groups_day(document):
    """Day 2: a plenary, then four parallel Action Group groups from 09:20."""
    day = day_ids(document)[1]
    sita = add_person(document, "Sita Shrestha")
    ids = {"recap": add_session(document, day, 0, "Recap", 20, facilitator_id=sita)}
    for track, title in (("Group A", "Migration"), ("Group B", "Rule of Law and Governance"),
                         ("Group C", "Conflicts and Humanitarian Settings"), ("Group D", "Supply Chains")):
        ids[title] = add_session(document, day, 1, title, 100, track=track, type="group_work",
                                 facilitator_id=add_person(document, f"Facilitator of {title}"))
    ids["Lunch"] = add_session(document, day, 2, "Lunch", 60, type="meal", fixed_start="13:00")
    return day, sita, ids


def test_the_demo_agenda_only_lacks_a_facilitator_at_registration(demo_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        assert messages(document) == ["'Registration of participants' at 09:00 on day 1 has no facilitator"]


def test_facilitator_of_one_group_and_speaker_in_a_parallel_one_is_double_booked(document, groups_day):
    day, sita, ids = groups_day
    document.update("session", ids["Migration"], facilitator_id=sita)
    document.insert("session_person", session_id=ids["Supply Chains"], participant_id=sita, role="speaker")
    found = [w for w in agenda_warnings(document) if w.kind == "double_booked"]
    assert [w.message for w in found] == [
        "Sita Shrestha is facilitator of 'Migration' and speaker in 'Supply Chains' at 09:20 on day 2"]
    assert found[0].day_id == day
    assert set(found[0].session_ids) == {ids["Migration"], ids["Supply Chains"]}


def test_rapporteur_in_two_groups_and_a_person_in_two_groups(document, groups_day):
    _, _, ids = groups_day
    hari = add_person(document, "Hari Dhakal")
    lan = add_person(document, "Nguyễn Thị Lan")
    document.insert("session_person", session_id=ids["Migration"], participant_id=hari, role="rapporteur")
    document.insert("session_person", session_id=ids["Rule of Law and Governance"], participant_id=hari,
                    role="rapporteur")
    document.insert("session_person", session_id=ids["Migration"], participant_id=lan, role="member")
    document.insert("session_person", session_id=ids["Supply Chains"], participant_id=lan, role="member")
    assert messages(document, "double_booked") == [
        "Hari Dhakal is rapporteur in 'Migration' and rapporteur in 'Rule of Law and Governance' at 09:20 on day 2",
        "Nguyễn Thị Lan is in two groups at 09:20 on day 2: 'Migration' and 'Supply Chains'",
    ]


def test_leading_sessions_one_after_another_is_not_double_booking(document, groups_day):
    _, sita, ids = groups_day
    document.update("session", ids["Migration"], facilitator_id=sita)  # recap 09:00-09:20, then 09:20
    document.insert("session_person", session_id=ids["Lunch"], participant_id=sita, role="speaker")
    assert messages(document, "double_booked") == []


def test_a_day_running_past_its_planned_end_says_by_how_much(document):
    day = day_ids(document)[0]
    document.update("day", day, planned_end="12:00")
    facilitator = add_person(document, "Rija")
    add_session(document, day, 0, "Morning plenary", 180, facilitator_id=facilitator)
    late = add_session(document, day, 1, "Wrap-up", 31, facilitator_id=facilitator)
    found = [w for w in agenda_warnings(document) if w.kind == "overrun"]
    assert [w.message for w in found] == ["Day 1 ends at 12:31, 31 minutes after its planned end (12:00)"]
    assert found[0].session_ids == (late,)
    document.update("session", late, duration=1)
    assert messages(document, "overrun") == ["Day 1 ends at 12:01, 1 minute after its planned end (12:00)"]
    document.update("session", late, duration=10)
    document.update("day", day, planned_end="13:00")
    assert messages(document, "overrun") == []


def test_sessions_that_need_a_facilitator_but_not_breaks_and_meals(document):
    day = day_ids(document)[0]
    for slot, (title, kind) in enumerate((("Opening", "opening"), ("Tea", "break"), ("Global picture", "presentation"),
                                          ("Lunch", "meal"), ("Groups", "group_work"), ("Closing", "closing"))):
        add_session(document, day, slot, title, 30, type=kind)
    assert messages(document, "no_facilitator") == [
        "'Opening' at 09:00 on day 1 has no facilitator",
        "'Global picture' at 10:00 on day 1 has no facilitator",
        "'Groups' at 11:00 on day 1 has no facilitator",
        "'Closing' at 11:30 on day 1 has no facilitator",
    ]


def test_room_capacity_given_by_the_caller(document, groups_day):
    day, _, ids = groups_day
    for number in range(6):
        person = add_person(document, f"Member {number}")
        document.insert("session_person", session_id=ids["Migration"], participant_id=person, role="member")
    capacities = {ids["Migration"]: 5, ids["Supply Chains"]: 5}
    assert messages(document, "over_capacity", capacities=capacities) == [
        "The room has 5 places but 7 people are expected in 'Migration' at 09:20 on day 2"]
    document.update("session", ids["Migration"], room="Annapurna Room")
    assert messages(document, "over_capacity", capacities=capacities)[0].startswith("Annapurna Room has 5 places")
    assert messages(document, "over_capacity") == []  # no capacities, no check


def test_the_most_serious_warnings_come_first(document, groups_day):
    day, _, _ = groups_day
    add_session(document, day, 3, "Report-back", 30)
    document.update("day", day, planned_end="12:00")
    kinds = [w.kind for w in agenda_warnings(document)]
    assert kinds[0] == "overrun" and kinds[-1] == "no_facilitator"


@pytest.mark.parametrize("minutes", [0, -5, "abc"])
def test_zero_or_negative_durations_are_refused(document, minutes):
    day = day_ids(document)[0]
    with pytest.raises(InvalidValueError):
        document.plan_insert("session", day_id=day, slot=0, title="Talk", duration=minutes)
    session = add_session(document, day, 0, "Talk", 30)
    with pytest.raises(InvalidValueError):
        document.plan_update("session", session, duration=minutes)
    assert document.get("session", session)["duration"] == 30
