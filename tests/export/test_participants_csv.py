"""The participant list as CSV: opens right in Excel, keeps every name, runs no formula."""

import csv

import pytest

from tests.export.conftest import ARABIC_NAME, DEVANAGARI_NAME, FORMULA_NAME, MARKUP_NAME, VIETNAMESE_NAME
from workshop_app.export.errors import ExportError
from workshop_app.export.stakeholders.participants_csv import write_participants_csv


@pytest.fixture(scope="module")
def csv_path(demo_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "participants.csv"
    write_participants_csv(demo_document, path)
    return path


def read(path):
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_starts_with_the_utf8_byte_order_mark(csv_path):
    assert csv_path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_same_columns_as_the_list_sheet(csv_path, demo_document):
    rows = read(csv_path)
    assert rows[0] == ["No.", "Name", "Sex", "Organization", "Category", "Title", "Role", "E-mail", "Phone",
                       "Language", "Day 1 (9 Mar 2027)", "Day 2 (10 Mar 2027)", "Day 3 (11 Mar 2027)"]
    assert len(rows) == demo_document.count("participant") + 1
    assert all(len(row) == 13 for row in rows)


def test_names_round_trip(csv_path, demo_document):
    names = {row[1] for row in read(csv_path)[1:]}
    stored = {row["name"] for row in demo_document.rows("participant")}
    assert stored - {FORMULA_NAME, "Line\x0bfeed\x00 person"} <= names
    assert "Linefeed person" in names  # control characters dropped
    for name in (DEVANAGARI_NAME, ARABIC_NAME, VIETNAMESE_NAME, MARKUP_NAME):
        assert name in names


def test_formula_cells_are_neutralised_with_an_apostrophe(csv_path):
    rows = {row[1]: row for row in read(csv_path)[1:]}
    formula = rows["'" + FORMULA_NAME]
    assert formula[5] == "'+1 (security test)" and formula[7] == "'@attacker"
    assert rows[MARKUP_NAME][8] == "'-5"
    assert rows[DEVANAGARI_NAME][8] == "'+977 9862714425"  # a phone number pays the same price
    assert rows[DEVANAGARI_NAME][0].isdigit()  # numbers stay plain
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in read(csv_path) for cell in row)


def test_multi_line_text_stays_in_its_cell(csv_path):
    rows = {row[1]: row for row in read(csv_path)[1:]}
    assert rows["Linefeed person"][5] == "Two\nlines"


def test_missing_folder_is_a_clear_error(document, tmp_path):
    with pytest.raises(ExportError, match=r"^list\.csv: the folder .* does not exist"):
        write_participants_csv(document, tmp_path / "gone" / "list.csv")
