"""Check-in, walk-ins and the participation figures computed from them."""

import datetime as dt

from workshop_app.models.stakeholders.attendance import (
    default_day,
    find_participants,
    plan_attendance,
    plan_walk_in,
    present_ids,
    search_key,
)
from workshop_app.models.stakeholders.figures import participation_figures


def test_search_ignores_case_and_latin_accents_but_keeps_devanagari():
    assert search_key("Nguyễn Thị LAN") == "nguyen thi lan"
    assert search_key("सीता श्रेष्ठ") == "सीता श्रेष्ठ"


def test_find_participants_by_part_of_a_name_in_any_script(document):
    for name in ("Nguyễn Thị Lan", "Lanto Rakoto", "सीता श्रेष्ठ", "Rija Andrianalisoa"):
        document.insert("participant", name=name)
    assert [p["name"] for p in find_participants(document, "lan")] == ["Lanto Rakoto", "Nguyễn Thị Lan"]
    assert [p["name"] for p in find_participants(document, "nguyen lan")] == ["Nguyễn Thị Lan"]
    assert [p["name"] for p in find_participants(document, "श्रेष्ठ")] == ["सीता श्रेष्ठ"]
    assert find_participants(document, "   ") == []


def test_check_in_and_out_and_undo(document):
    person = document.insert("participant", name="Hery").rows[0].row_id
    day = document.rows("day", order_by="position")[0]["id"]
    checked_in = plan_attendance(document, person, day, True)
    document.apply(checked_in)
    assert present_ids(document, day) == {person}
    document.apply(plan_attendance(document, person, day, False))
    assert present_ids(document, day) == set()
    assert not plan_attendance(document, person, day, False)  # already absent: nothing to do
    document.apply(plan_attendance(document, person, day, True))
    assert present_ids(document, day) == {person}


def test_walk_in_is_added_and_present_in_one_step(document):
    day = document.rows("day", order_by="position")[1]["id"]
    change = plan_walk_in(document, day, name="Fara Rasoa", sex="female")
    document.apply(change)
    assert [p["name"] for p in document.rows("participant")] == ["Fara Rasoa"]
    assert len(present_ids(document, day)) == 1
    document.apply(change.inverse())
    assert document.count("participant") == 0 and document.count("attendance") == 0


def test_default_day_is_today_when_the_workshop_is_on(document):
    assert default_day(document, dt.date(2027, 5, 5))["date"] == "2027-05-05"
    assert default_day(document, dt.date(2030, 1, 1))["date"] == "2027-05-04"


def test_figures_by_sex_category_role_and_day(demo_path):
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(demo_path, readonly=True) as document:
        figures = participation_figures(document)
        assert figures.overall.total == document.count("participant")
        assert sum(group.total for group in figures.by_category) == figures.overall.total
        assert sum(group.total for group in figures.by_role) == figures.overall.total
        assert [day.total for day in figures.by_day] == [
            document.count("attendance", "day_id = ? AND present = 1", [day["id"]])
            for day in document.rows("day", order_by="position")]
        government = next(group for group in figures.by_category if group.label == "Government")
        assert government.counts["female"] == document.query(
            "SELECT count(*) FROM participant p JOIN organization o ON o.id = p.organization_id"
            " WHERE o.category = 'government' AND p.sex = 'female'")[0][0]
        assert 0.3 < figures.overall.women_share < 0.5
        assert figures.women_share_below(0.5) and not figures.women_share_below(0.3)
