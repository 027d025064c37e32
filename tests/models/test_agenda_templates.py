"""Agenda templates: the built-in road-map workshop, applying one as a single undo step, saving
the current agenda as a user template, and clear messages for broken template files."""

import json
import re

import pytest

from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.models.agenda.templates import (
    list_templates,
    load_template,
    plan_apply_template,
    save_user_template,
)
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopError

ROAD_MAP = "National road-map workshop (3 days)"
HALF_DAY = "Half-day validation meeting"
TABLES = ("workshop", "day", "session", "session_person")


def snapshot(document) -> dict:
    return {table: sorted(document.rows(table), key=lambda row: row["id"]) for table in TABLES}


def template_id(name: str, user_folder=None) -> str:
    return next(t.id for t in list_templates(user_folder) if t.name == name)


def timetable(document) -> list[list[tuple]]:
    """Per day: (start, end, track, title), as the printed agenda shows them."""
    return [[(clock(item.start), clock(item.end), item.session["track"], item.session["title"])
             for item in schedule.sessions] for schedule in agenda(document)]


def test_built_in_templates_are_listed_first_and_load_cleanly(tmp_path):
    templates = list_templates(tmp_path / "not yet created")
    assert [t.name for t in templates] == [ROAD_MAP, HALF_DAY]
    assert templates.problems == []
    road_map = templates[0]
    assert road_map.builtin and road_map.days == 3
    assert road_map.id.startswith("builtin:")


def test_road_map_template_follows_the_pathfinder_process():
    info = next(t for t in list_templates(None) if t.name == ROAD_MAP)
    _, content = load_template(info.path, builtin=True)
    day1, day2, day3 = content["days"]
    titles = [s["title"] for s in day1["sessions"]]
    assert titles[:3] == ["Registration of participants", "Opening ceremony and welcome remarks",
                          "Workshop objectives, agenda and ways of working"]
    picture = next(s for s in day1["sessions"] if s["title"].startswith("The global picture"))
    # The figures themselves belong to the workshop (its reference figures, with their year and
    # source): a template used for years must not print estimates that newer ones replaced.
    assert "reference figures" in picture["objectives"] and "year and source" in picture["objectives"]
    assert not re.search(r"\d+ million", picture["objectives"])
    assert any(s["title"].startswith("The national situation") for s in day1["sessions"])
    groups = [s for s in day2["sessions"] if s["type"] == "group_work"]
    assert {s["slot"] for s in groups} == {1}
    assert [(s["track"], s["title"]) for s in groups] == [
        ("Group A", "Migration"), ("Group B", "Rule of Law and Governance"),
        ("Group C", "Conflicts and Humanitarian Settings"), ("Group D", "Supply Chains")]
    assert any(s["title"].startswith("Report-back in plenary") for s in day2["sessions"])
    assert [s["title"] for s in day3["sessions"] if s["type"] == "closing"] == ["Closing ceremony"]
    assert any(s["title"].startswith("Drafting priorities") for s in day3["sessions"])
    assert any(s["title"] == "Validation of the road map" for s in day3["sessions"])
    for day in content["days"]:
        assert [s["fixed_start"] for s in day["sessions"] if s["type"] == "meal"] == ["13:00"]
        for session in day["sessions"]:
            if session["type"] not in ("break", "meal"):
                assert session["objectives"] and session["expected_output"], session["title"]


def working_in(document, *languages: str) -> None:
    document.apply(document.plan_update("workshop", document.workshop()["id"], languages=json.dumps(languages)))


def test_applying_the_road_map_gives_a_timed_three_day_agenda_in_one_undo_step(document):
    working_in(document, "en")
    before = snapshot(document)
    change = plan_apply_template(document, template_id(ROAD_MAP), replace=False, user_folder=None)
    assert snapshot(document) == before  # planning writes nothing
    document.apply(change)
    day1, day2, day3 = timetable(document)
    assert ("13:00", "14:00", "", "Lunch") in day1
    assert day1[-1] == ("16:35", "16:50", "", "Wrap-up of day 1")
    assert [row for row in day2 if row[2]] == [
        ("09:20", "12:50", "Group A", "Migration"),
        ("09:20", "12:50", "Group B", "Rule of Law and Governance"),
        ("09:20", "12:50", "Group C", "Conflicts and Humanitarian Settings"),
        ("09:20", "12:50", "Group D", "Supply Chains")]
    assert day3[-1] == ("16:15", "17:00", "", "Closing ceremony")
    assert [d["title"] for d in document.rows("day", order_by="position")] == [
        "Setting the scene", "Action Group working groups", "Priorities and validation"]
    document.apply(change.inverse())
    assert snapshot(document) == before


def test_missing_days_are_created_and_dated_from_the_start_date(tmp_path):
    path = tmp_path / "short.workshop"
    with WorkshopDocument.create(path, title="Atelier", country="MG", start_date="2027-05-04", days=1) as document:
        before = snapshot(document)
        change = plan_apply_template(document, template_id(ROAD_MAP), replace=True, user_folder=None)
        document.apply(change)
        assert [d["date"] for d in document.rows("day", order_by="position")] == [
            "2027-05-04", "2027-05-05", "2027-05-06"]
        assert document.workshop()["end_date"] == "2027-05-06"
        document.apply(change.inverse())
        assert snapshot(document) == before


def test_days_stay_undated_when_the_workshop_has_no_dates(tmp_path):
    with WorkshopDocument.create(tmp_path / "x.workshop", title="Atelier", country="MG") as document:
        document.apply(plan_apply_template(document, template_id(HALF_DAY), replace=False, user_folder=None))
        assert [(d["date"], d["title"]) for d in document.rows("day")] == [(None, "Validation of the road map")]
        assert document.workshop()["end_date"] is None


def test_replace_removes_the_old_agenda_with_its_speakers_and_undo_brings_all_back(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        before = snapshot(document)
        assert document.count("session_person") > 0
        change = plan_apply_template(document, template_id(HALF_DAY), replace=True, user_folder=None)
        document.apply(change)
        assert document.count("session") == 8 and document.count("session_person") == 0
        first_day = timetable(document)[0]
        assert first_day[-2:] == [("12:45", "13:00", "", "Closing"), ("13:00", "14:00", "", "Lunch")]
        assert timetable(document)[1:] == [[], []]  # the other days stay, empty
        document.apply(change.inverse())
        assert snapshot(document) == before


def test_a_workshop_working_in_french_gets_the_template_in_french(document):
    document.apply(plan_apply_template(document, template_id(ROAD_MAP), replace=False, user_folder=None))
    titles = {session["title"] for session in document.rows("session")}
    assert {"Déjeuner", "Inscription des participants"} <= titles and "Lunch" not in titles
    assert [d["title"] for d in document.rows("day", order_by="position")][0] == "État des lieux"


def test_without_replace_the_template_follows_the_existing_sessions(document):
    working_in(document, "en")
    day = document.rows("day", order_by="position")[0]
    document.insert("session", day_id=day["id"], slot=0, title="Welcome coffee", type="break", duration=30)
    document.apply(plan_apply_template(document, template_id(HALF_DAY), replace=False, user_folder=None))
    first_day = timetable(document)[0]
    assert first_day[0] == ("09:00", "09:30", "", "Welcome coffee")
    assert first_day[1] == ("09:30", "10:00", "", "Registration of participants")
    assert len(first_day) == 9


def test_save_user_template_round_trip_without_people(demo_path, tmp_path):
    folder = tmp_path / "templates"
    with WorkshopDocument.open(demo_path, readonly=True) as demo:
        path = save_user_template(demo, "Nepal agenda", folder)
        expected = timetable(demo)
        facilitator = demo.query("SELECT name FROM participant p JOIN session s ON s.facilitator_id = p.id")[0][0]
    assert path.parent == folder and path.name == "Nepal agenda.json"
    assert facilitator not in path.read_text(encoding="utf-8")
    assert [f.name for f in folder.iterdir()] == ["Nepal agenda.json"]  # no temporary file left
    saved = next(t for t in list_templates(folder) if t.name == "Nepal agenda")
    assert not saved.builtin and saved.days == 3
    fresh = tmp_path / "fresh.workshop"
    with WorkshopDocument.create(fresh, title="Copy", country="NP", start_date="2028-01-10") as document:
        document.apply(plan_apply_template(document, saved.id, replace=True, user_folder=folder))
        assert timetable(document) == expected
        assert document.count("session", "facilitator_id IS NOT NULL") == 0


def test_save_refuses_empty_taken_and_built_in_names(demo_path, tmp_path):
    folder = tmp_path / "templates"
    with WorkshopDocument.open(demo_path, readonly=True) as demo:
        with pytest.raises(InvalidValueError, match="give the template a name"):
            save_user_template(demo, "   ", folder)
        first = save_user_template(demo, "Nepal agenda", folder)
        with pytest.raises(InvalidValueError, match="already exists"):
            save_user_template(demo, "nepal AGENDA", folder)
        with pytest.raises(InvalidValueError, match="built-in template"):
            save_user_template(demo, ROAD_MAP, folder)
        again = save_user_template(demo, "Nepal agenda", folder, overwrite=True, description="Second try")
    assert again == first
    assert json.loads(first.read_text(encoding="utf-8"))["description"] == "Second try"
    assert len(list(folder.iterdir())) == 1


def test_save_refuses_an_empty_agenda(document, tmp_path):
    with pytest.raises(InvalidValueError, match="no sessions"):
        save_user_template(document, "Empty", tmp_path)


def test_template_names_in_any_script_make_safe_file_names(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as demo:
        slashes = save_user_template(demo, 'Day 1/2: "draft" <v2>', tmp_path)
        nepali = save_user_template(demo, "राष्ट्रिय कार्यशाला", tmp_path)
    assert slashes.parent == tmp_path and "/" not in slashes.name and ":" not in slashes.name
    assert nepali.name == "राष्ट्रिय कार्यशाला.json"
    assert {t.name for t in list_templates(tmp_path)} >= {'Day 1/2: "draft" <v2>', "राष्ट्रिय कार्यशाला"}


@pytest.mark.parametrize("text, problem", [
    ("{not json", "not valid JSON (line 1, column 2)"),
    ('["a list"]', "should hold one object"),
    ('{"name": "X", "days": []}', "it has no days"),
    ('{"name": "X", "days": [{"sessions": [{"title": "Talk", "duration": 0}]}]}',
     "day 1, session 1 needs a duration in whole minutes above 0"),
    ('{"name": "X", "days": [{"sessions": [{"title": "Talk", "type": "party", "duration": 5}]}]}',
     "day 1, session 1 has an unknown type 'party'"),
    ('{"name": "X", "days": [{"start_time": "9h", "sessions": []}]}', "the start time of day 1 ('9h')"),
    ('{"name": "X", "days": [{"sessions": [{"title": "Talk", "duration": 5, "fixed_start": "25:00"}]}]}',
     "is not a time like 09:00"),
])
def test_bad_template_files_are_skipped_and_reported_by_name(tmp_path, text, problem):
    (tmp_path / "broken.json").write_text(text, encoding="utf-8")
    templates = list_templates(tmp_path)
    assert [t.name for t in templates] == [ROAD_MAP, HALF_DAY]
    assert len(templates.problems) == 1
    assert templates.problems[0].startswith("broken.json: ")
    assert problem in templates.problems[0]


def test_applying_a_broken_or_missing_template_names_it_and_changes_nothing(document, tmp_path):
    (tmp_path / "broken.json").write_bytes(b"\xff\xfe not text")
    before = snapshot(document)
    with pytest.raises(WorkshopError, match=r"^broken\.json: is not an agenda template"):
        plan_apply_template(document, "user:broken.json", replace=True, user_folder=tmp_path)
    with pytest.raises(WorkshopError, match="no agenda template"):
        plan_apply_template(document, "user:gone.json", replace=True, user_folder=tmp_path)
    with pytest.raises(WorkshopError, match="no agenda template"):
        plan_apply_template(document, "user:../secret.json", replace=True, user_folder=tmp_path)
    assert snapshot(document) == before


def test_a_broken_file_does_not_block_saving_a_new_template(demo_path, tmp_path):
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with WorkshopDocument.open(demo_path, readonly=True) as demo:
        path = save_user_template(demo, "broken", tmp_path)
    assert path.name == "broken-2.json"
    assert (tmp_path / "broken.json").read_text(encoding="utf-8") == "{"
