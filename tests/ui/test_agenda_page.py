"""The Agenda page: edit, reorder by keyboard and by drag and drop, add and delete, undo."""

import pytest
from PySide6.QtCore import QModelIndex, Qt

from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.ui.item_models.agenda import COL_MINUTES, COL_TITLE, ID_ROLE


@pytest.fixture
def page(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("agenda")
    return window.workshop_view.page("agenda")


def day_titles(page, day_row):
    model = page.model
    day = model.index(day_row, 0)
    return [model.index(row, COL_TITLE, day).data() for row in range(model.rowCount(day))]


def select(page, day_row, row):
    index = page.model.index(row, 0, page.model.index(day_row, 0))
    page.tree.setCurrentIndex(index)
    return index.data(ID_ROLE)


def test_times_on_screen_agree_with_the_model(page, window):
    model = page.model
    for day_row, schedule in enumerate(agenda(window.session.document)):
        for row, item in enumerate(schedule.sessions):
            shown = model.index(row, 0, model.index(day_row, 0)).data()
            assert shown == f"{clock(item.start)}–{clock(item.end)}"


def test_changing_a_duration_moves_the_later_times_and_undo_restores(page, window):
    model = page.model
    day = model.index(0, 0)
    before = [model.index(row, 0, day).data() for row in range(model.rowCount(day))]
    minutes = model.index(1, COL_MINUTES, day)
    assert model.setData(minutes, int(minutes.data()) + 15)
    after = [model.index(row, 0, model.index(0, 0)).data() for row in range(model.rowCount(model.index(0, 0)))]
    assert after[0] == before[0] and after[2] != before[2]
    window.session.undo_stack.undo()
    assert [model.index(row, 0, model.index(0, 0)).data() for row in range(len(before))] == before


def test_keyboard_moves_a_session_later_and_earlier(page, window, qtbot):
    first, second = day_titles(page, 0)[:2]
    select(page, 0, 0)
    page.actions["down"].trigger()
    assert day_titles(page, 0)[:2] == [second, first]
    assert page.selected_session_id() is not None
    page.actions["up"].trigger()
    assert day_titles(page, 0)[:2] == [first, second]


def test_move_to_the_next_day(page, window):
    title = day_titles(page, 0)[2]
    select(page, 0, 2)
    page.actions["next_day"].trigger()
    assert title not in day_titles(page, 0) and title in day_titles(page, 1)
    window.session.undo_stack.undo()
    assert title in day_titles(page, 0)


def test_drop_between_sessions_and_onto_a_session(page, window):
    model = page.model
    day = model.index(0, 0)
    moving = model.index(0, 0, day)
    data = model.mimeData([moving])
    title = day_titles(page, 0)[0]
    model.dropMimeData(data, Qt.MoveAction, 4, 0, day)  # between rows 3 and 4
    assert day_titles(page, 0).index(title) == 3
    target = model.index(5, 0, model.index(0, 0))
    target_slot = model.scheduled(target).session["slot"]
    data = model.mimeData([model.index(3, 0, model.index(0, 0))])
    model.dropMimeData(data, Qt.MoveAction, -1, -1, target)  # onto a session: in parallel
    moved = window.session.document.rows("session", "title = ?", [title])[0]
    others = window.session.document.rows("session", "day_id = ? AND slot = ?", [moved["day_id"], moved["slot"]])
    assert len(others) == 2 and moved["track"].startswith("Group")
    assert target_slot >= moved["slot"]


def test_add_and_delete_sessions(page, window):
    count = len(day_titles(page, 1))
    select(page, 1, 0)
    page.actions["add"].trigger()
    assert len(day_titles(page, 1)) == count + 1
    assert day_titles(page, 1)[1] == "New session"
    page.actions["delete"].trigger()
    assert len(day_titles(page, 1)) == count
    window.session.undo_stack.undo()
    assert len(day_titles(page, 1)) == count + 1


def test_session_details_edit_objectives_and_speakers(page, window):
    session_id = select(page, 0, 5)
    details = page.details
    details.areas["objectives"].setPlainText("Agree on the four priorities")
    details.areas["objectives"].document().setModified(True)
    details.areas["objectives"].editingFinished.emit()
    assert window.session.document.get("session", session_id)["objectives"] == "Agree on the four priorities"
    speakers = details.speakers.count()
    listed = {details.speakers.item(row).text() for row in range(speakers)}
    details.speaker_combo.setCurrentIndex(next(i for i in range(details.speaker_combo.count())
                                               if details.speaker_combo.itemText(i) not in listed))
    details._add_speaker()
    assert details.speakers.count() == speakers + 1
    window.session.undo_stack.undo()
    assert details.speakers.count() == speakers


def test_zero_minutes_is_refused_with_a_message(page, window):
    index = page.model.index(0, COL_MINUTES, page.model.index(0, 0))
    assert not page.model.setData(index, 0)
    assert "at least one minute" in page.message.text()
    assert QModelIndex() is not None
