"""Nonsense a careless typist or a pasted cell produces is refused with a sentence (or, for
invisible control characters, removed), before it reaches the file."""

import pytest

from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.editing import plan_add_node


@pytest.fixture
def action(document):
    def add(parent, level, **fields):
        change = plan_add_node(document, parent, level, **fields)
        document.apply(change)
        return change.rows[0].row_id

    goal = add(None, "goal", title="Zero child labour")
    output = add(add(goal, "outcome", title="Laws"), "output", title="Inspection")
    return add(output, "action", title="Train", start="2027-Q2", end="2027-Q4")


def test_a_nul_inside_a_name_is_removed(document):
    change = document.plan_insert("participant", name="Sita\x00 Shrestha\x07", phone="+977\x00 1 4256789")
    assert change.rows[0].after["name"] == "Sita Shrestha"
    assert change.rows[0].after["phone"] == "+977 1 4256789"


def test_line_breaks_and_tabs_stay_in_free_text(document):
    change = document.plan_insert("organization", name="MoLESS", notes="line one\nline\ttwo")
    assert change.rows[0].after["notes"] == "line one\nline\ttwo"


def test_a_phone_number_of_309_digits_is_refused(document):
    with pytest.raises(InvalidValueError, match="too long for a phone number"):
        document.plan_insert("participant", name="Sita", phone="9" * 309)


@pytest.mark.parametrize("field, typed, message", [
    ("start", "0000-Q1", "between the years 1900 and 2199"),
    ("end", "9999-12-31", "between the years 1900 and 2199"),
    ("end", "2027-Q1", "the end 2027-Q1 is before the start 2027-Q2"),
    ("start", "2028-01-01", "the end 2027-Q4 is before the start 2028-01-01"),
    ("end", "2027-02-30", "neither a quarter"),
])
def test_periods_out_of_range_or_order_are_refused(document, action, field, typed, message):
    with pytest.raises(InvalidValueError, match=message):
        document.plan_update("roadmap_node", action, None, **{field: typed})


def test_an_end_inside_the_start_quarter_is_accepted(document, action):
    change = document.plan_update("roadmap_node", action, None, end="2027-05-15")
    assert change.rows[0].after["end"] == "2027-05-15"


@pytest.mark.parametrize("table, fields, message", [
    ("indicator", {"baseline_year": "2024a"}, "'2024a' is not a year"),
    ("indicator", {"target_year": "20300"}, "20300 is not a year between 1900 and 2199"),
])
def test_indicator_years_are_years(document, action, table, fields, message):
    outcome = document.query("SELECT id FROM roadmap_node WHERE level = 'outcome'")[0][0]
    with pytest.raises(InvalidValueError, match=message):
        document.plan_insert(table, node_id=outcome, position=0, title="Inspections", **fields)


def test_a_session_longer_than_a_day_is_refused(document):
    from workshop_app.models.validation import normalize

    with pytest.raises(InvalidValueError, match="longer than a day"):
        normalize("session", "duration", 5000)
    with pytest.raises(InvalidValueError, match="more than any room holds"):
        normalize("session", "capacity", 2_000_000)


def test_invisible_marks_that_change_how_a_name_reads_are_removed(document):
    change = document.plan_insert("participant", name="\ufeffBob \u202eNostaw\u202c", email="\u2066e@x.org\u2069")
    assert change.rows[0].after["name"] == "Bob Nostaw" and change.rows[0].after["email"] == "e@x.org"


def test_a_lone_surrogate_is_replaced_not_a_crash(document):
    change = document.plan_insert("participant", name="Sita \ud800")
    assert change.rows[0].after["name"] == "Sita \ufffd"


def test_a_quarter_typed_in_other_digits_is_stored_in_ascii(document, action):
    change = document.plan_update("roadmap_node", action, None, start="２０２７-Q1")
    assert change.rows[0].after["start"] == "2027-Q1"
