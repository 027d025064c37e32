"""Checking people in at the door and correcting attendance in the grid."""

import pytest
from PySide6.QtCore import Qt

from workshop_app.models.stakeholders.attendance import present_ids
from workshop_app.ui.pages.attendance import AttendanceTab


@pytest.fixture
def tab(window, workshop_path):
    window.open_file(workshop_path)
    document = window.session.document
    for name, sex in (("Hery Rakoto", "male"), ("Voahangy Rasoa", "female"), ("Nguyễn Thị Lan", "female")):
        window.session.perform(document.plan_insert("participant", name=name, sex=sex))
    window.session.undo_stack.clear()
    window.workshop_view.show_page("stakeholders")
    page = window.workshop_view.page("stakeholders")
    page.tabs.setCurrentWidget(page.attendance)
    return page.attendance


def test_type_part_of_a_name_and_enter_checks_in(tab, window, qtbot):
    tab.day_combo.setCurrentIndex(1)
    qtbot.keyClicks(tab.search_edit, "nguyen")  # no accent typed
    assert tab.matches.count() == 1 and tab.matches.item(0).text().startswith("Nguyễn Thị Lan")
    qtbot.keyClick(tab.search_edit, Qt.Key_Return)
    document = window.session.document
    lan = document.rows("participant", "name = ?", ["Nguyễn Thị Lan"])[0]["id"]
    assert present_ids(document, tab.day_id()) == {lan}
    assert tab.search_edit.text() == "" and "checked in" in tab.confirmation.text()
    assert tab.count_label.text() == "Present: 1 of 3"
    window.session.undo_stack.undo()
    assert present_ids(document, tab.day_id()) == set()
    assert tab.count_label.text() == "Present: 0 of 3"


def test_arrow_keys_choose_among_matches(tab, window, qtbot):
    qtbot.keyClicks(tab.search_edit, "ra")  # Hery Rakoto, Voahangy Rasoa
    assert tab.matches.count() == 2
    qtbot.keyClick(tab.search_edit, Qt.Key_Down)
    chosen = tab.matches.currentItem().text().split(" — ")[0]
    qtbot.keyClick(tab.search_edit, Qt.Key_Return)
    document = window.session.document
    assert {document.get("participant", i)["name"] for i in present_ids(document, tab.day_id())} == {chosen}


def test_walk_in_is_added_and_checked_in(tab, window, monkeypatch, qtbot):
    monkeypatch.setattr(AttendanceTab, "ask_walk_in_name", lambda self, suggestion: suggestion + " Andry")
    qtbot.keyClicks(tab.search_edit, "Fara")
    assert "walk-in" in tab.matches.item(0).text()
    tab.add_walk_in()
    document = window.session.document
    assert [p["name"] for p in document.rows("participant", "name = 'Fara Andry'")]
    assert len(present_ids(document, tab.day_id())) == 1
    assert tab.model.rowCount() == 4
    window.session.undo_stack.undo()
    assert document.count("participant") == 3 and tab.model.rowCount() == 3


def test_grid_ticks_correct_attendance(tab, window):
    model = tab.model
    assert model.columnCount() == 2 + 3  # name, organization, three days
    index = model.index(0, 3)  # first listed person, day 2
    assert index.data(Qt.CheckStateRole) == Qt.Unchecked
    assert model.setData(index, Qt.Checked, Qt.CheckStateRole)
    assert index.data(Qt.CheckStateRole) == Qt.Checked
    day2 = tab.day_combo.itemData(1)
    assert present_ids(window.session.document, day2) == {model.row_id(0)}
