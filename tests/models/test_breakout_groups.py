"""Breakout groups: moving people between the parallel groups of a slot, spreading the room so
every group mixes organization categories, and the lists printed for each group."""

from collections import Counter

import pytest

from workshop_app.models.agenda.groups import (
    group_lists,
    plan_assign,
    plan_spread_by_category,
)
from workshop_app.models.agenda.warnings import capacity_warnings
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.stakeholders.attendance import plan_attendance, present_ids

TABLES = ("session", "session_person")


def snapshot(document) -> dict:
    return {table: sorted(document.rows(table), key=lambda row: row["id"]) for table in TABLES}


def who_is_where(document, day_id, slot) -> dict[str, list[str]]:
    return {group.track: [member.name for member in group.members] for group in group_lists(document, day_id, slot)}


@pytest.fixture
def groups(document):
    """Day 1: three parallel groups in slot 1, people from four categories of organization."""
    day = document.rows("day", order_by="position")[0]["id"]
    organizations = {}
    for name, acronym, category in (("Ministry of Labour", "MoL", "government"), ("Police", "", "government"),
                                    ("Trade Union Confederation", "TUC", "workers"),
                                    ("Employers' Federation", "EF", "employers"),
                                    ("Children's rights NGO", "CRN", "civil_society")):
        organizations[name] = document.insert("organization", name=name, acronym=acronym,
                                              category=category).rows[0].row_id
    people = {}
    for name, organization in (("Rija", "Ministry of Labour"), ("Hery", "Ministry of Labour"),
                               ("Fara", "Police"), ("Noro", "Police"), ("Tahina", "Trade Union Confederation"),
                               ("Voahangy", "Trade Union Confederation"), ("Lova", "Employers' Federation"),
                               ("Mamy", "Employers' Federation"), ("Soa", "Children's rights NGO"),
                               ("Zo", "Children's rights NGO"), ("Andry", "Ministry of Labour"),
                               ("Koto", "Employers' Federation")):
        people[name] = document.insert("participant", name=name,
                                       organization_id=organizations[organization]).rows[0].row_id
    people["Bako"] = document.insert("participant", name="Bako", role="organiser").rows[0].row_id
    sessions = {}
    document.insert("session", day_id=day, slot=0, title="Briefing", duration=15)
    for track, title, room, facilitator in (("Group A", "Migration", "Room A", "Rija"),
                                            ("Group B", "Supply Chains", "Room B", "Tahina"),
                                            ("Group C", "Rule of Law and Governance", "Room C", None)):
        sessions[track] = document.insert(
            "session", day_id=day, slot=1, track=track, title=title, room=room, type="group_work", duration=90,
            facilitator_id=people[facilitator] if facilitator else None).rows[0].row_id
    return day, people, sessions


def test_assign_moves_people_out_of_the_other_groups_of_the_slot(document, groups):
    day, people, sessions = groups
    document.apply(plan_assign(document, sessions["Group A"], [people["Soa"], people["Lova"]]))
    assert who_is_where(document, day, 1) == {"Group A": ["Lova", "Soa"], "Group B": [], "Group C": []}
    before = snapshot(document)
    change = plan_assign(document, sessions["Group C"], [people["Soa"]])
    assert change.description == "Move Soa to Group C"
    document.apply(change)
    assert who_is_where(document, day, 1) == {"Group A": ["Lova"], "Group B": [], "Group C": ["Soa"]}
    document.apply(change.inverse())
    assert snapshot(document) == before
    assert not plan_assign(document, sessions["Group A"], [people["Lova"]])  # already there: nothing to do
    assert not plan_assign(document, sessions["Group A"], [people["Rija"]])  # leads the group already


def test_spread_mixes_categories_and_balances_sizes(document, groups):
    day, people, sessions = groups
    before = snapshot(document)
    change = plan_spread_by_category(document, day, 1)
    assert snapshot(document) == before  # planned, not written
    document.apply(change)
    lists = {group.track: group for group in group_lists(document, day, 1)}
    # Leaders stay put and count in the size: A and B have a facilitator, C has none.
    sizes = {track: len(group.members) + (1 if group.facilitator else 0) for track, group in lists.items()}
    assert sorted(sizes.values()) == [4, 4, 4]
    assert lists["Group A"].facilitator == "Rija" and "Rija" not in who_is_where(document, day, 1)["Group A"]
    spread = [name for names in who_is_where(document, day, 1).values() for name in names]
    assert sorted(spread) == sorted(set(people) - {"Rija", "Tahina", "Bako"})  # organiser stays out
    category = dict(document.query(
        "SELECT p.name, o.category FROM participant p JOIN organization o ON o.id = p.organization_id"))
    for track, group in lists.items():
        mix = Counter(category[m.name] for m in group.members)
        if group.facilitator:
            mix[category[group.facilitator]] += 1
        assert set(mix) >= {"government", "employers"}, (track, mix)
        assert mix["government"] <= 2, (track, mix)
    # Colleagues are spread too: the three from the ministry are in three different groups.
    ministry = {track for track, names in who_is_where(document, day, 1).items() for name in names
                if name in ("Hery", "Andry")} | {"Group A"}
    assert len(ministry) == 3
    assert not plan_spread_by_category(document, day, 1)  # spreading again changes nothing
    document.apply(change.inverse())
    assert snapshot(document) == before


def test_spread_only_counts_people_present_that_day(document, groups):
    day, people, sessions = groups
    document.apply(plan_assign(document, sessions["Group B"], [people["Zo"]]))
    for name in ("Hery", "Fara", "Voahangy", "Lova", "Soa", "Rija"):
        document.apply(plan_attendance(document, people[name], day, True))
    document.apply(plan_spread_by_category(document, day, 1))
    placed = {name for names in who_is_where(document, day, 1).values() for name in names}
    assert placed == {"Hery", "Fara", "Voahangy", "Lova", "Soa"}  # Zo is absent: out of Group B
    assert len(present_ids(document, day)) == 6


def test_spread_needs_sessions_in_the_slot(document, groups):
    day, _, _ = groups
    with pytest.raises(WorkshopError, match="no sessions in this slot"):
        plan_spread_by_category(document, day, 7)


def test_group_lists_for_printing(document, groups):
    day, people, sessions = groups
    document.insert("session_person", session_id=sessions["Group B"], participant_id=people["Mamy"], role="speaker")
    document.apply(plan_assign(document, sessions["Group B"], [people["Zo"], people["Fara"], people["Koto"]]))
    group = next(g for g in group_lists(document, day, 1) if g.track == "Group B")
    assert (group.title, group.room, group.facilitator) == ("Supply Chains", "Room B", "Tahina")
    assert [(m.name, m.organization) for m in group.members] == [("Fara", "Police"), ("Koto", "EF"), ("Zo", "CRN")]
    assert [(m.name, m.role) for m in group.resource_people] == [("Mamy", "speaker")]
    assert [g.track for g in group_lists(document, day, 1)] == ["Group A", "Group B", "Group C"]


def test_capacity_counts_group_members_and_leaders(document, groups):
    day, people, sessions = groups
    document.apply(plan_assign(document, sessions["Group A"], [people["Zo"], people["Fara"], people["Koto"]]))
    found = capacity_warnings(document, {sessions["Group A"]: 3, sessions["Group B"]: 3})
    assert [w.message for w in found] == [
        "Room A has 3 places but 4 people are expected in 'Migration' at 09:15 on day 1"]
    assert found[0].kind == "over_capacity" and found[0].session_ids == (sessions["Group A"],)


def test_spread_the_demo_action_groups(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        day = document.rows("day", order_by="position")[1]["id"]
        before = snapshot(document)
        change = plan_spread_by_category(document, day, 1)
        document.apply(change)
        lists = group_lists(document, day, 1)
        assert [g.title for g in lists] == [
            "Migration: problem analysis", "Rule of Law and Governance: problem analysis",
            "Conflicts and Humanitarian Settings: problem analysis", "Supply Chains: problem analysis"]
        sizes = [len(g.members) + len(g.resource_people) + 1 for g in lists]
        assert max(sizes) - min(sizes) <= 1
        present = present_ids(document, day)
        members = [m.participant_id for g in lists for m in g.members]
        assert len(members) == len(set(members)) and set(members) <= present
        for group in lists:
            categories = {row[0] for row in document.query(
                "SELECT o.category FROM session_person sp JOIN participant p ON p.id = sp.participant_id"
                " JOIN organization o ON o.id = p.organization_id WHERE sp.session_id = ? AND sp.role = 'member'",
                [group.session_id])}
            assert {"government", "workers", "employers", "civil_society", "un"} <= categories, group.title
        document.apply(change.inverse())
        assert snapshot(document) == before
