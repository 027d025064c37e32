"""Live mode, templates and breakout groups on the Agenda page."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.ui.pages.agenda import AgendaPage
from workshop_app.ui.widgets.live_panel import LivePanel


@pytest.fixture
def page(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("agenda")
    return window.workshop_view.page("agenda")


def test_live_mode_shows_now_and_next_and_running_late_shifts_the_day(page, window, monkeypatch):
    page.live.clock = lambda: dt.datetime(2027, 3, 9, 10, 20)  # day 1, during the objectives session
    page.actions["live"].trigger()
    assert page.live.isVisible()
    assert "Workshop objectives" in page.live.now_label.text()
    assert "Next:" in page.live.next_label.text()
    before = {item.session["title"]: clock(item.start) for item in agenda(window.session.document)[0].sessions}
    monkeypatch.setattr(LivePanel, "ask_minutes", lambda self, title, beside: 15)
    page.live.running_late()
    after = {item.session["title"]: clock(item.start) for item in agenda(window.session.document)[0].sessions}
    assert after["Lunch"] == before["Lunch"] == "13:00"  # the fixed item stays put
    window.session.undo_stack.undo()
    assert {item.session["title"]: clock(item.start) for item in agenda(window.session.document)[0].sessions} == before


def test_ended_now_records_the_actual_end_and_a_refusal_is_shown(page, window, monkeypatch):
    from workshop_app.models.errors import InvalidValueError
    from workshop_app.ui.widgets import live_panel

    page.live.clock = lambda: dt.datetime(2027, 3, 9, 10, 20)
    page.actions["live"].trigger()
    document = window.session.document
    session_id = page.live.status.now[0].session["id"]
    real = live_panel.plan_record_actual

    def refused(document, session_id, start=None, end=None):
        raise InvalidValueError(f"the end ({end}) is before the start (10:40)")

    monkeypatch.setattr(live_panel, "plan_record_actual", refused)
    page.live.ended_now()  # said where the facilitator looks, not raised into Qt
    assert not page.message.isHidden() and "before the start" in page.message.text()
    monkeypatch.setattr(live_panel, "plan_record_actual", real)
    page.live.ended_now()
    assert document.get("session", session_id)["actual_end"] == "10:20"
    assert window.session.undo_stack.count() == 1


def test_apply_a_built_in_template_to_an_empty_workshop(window, workshop_path, monkeypatch):
    window.open_file(workshop_path)
    window.workshop_view.show_page("agenda")
    page = window.workshop_view.page("agenda")
    monkeypatch.setattr(AgendaPage, "ask", lambda self, dialog: True)  # the first template, as offered
    page.apply_template()
    document = window.session.document
    assert document.count("session") > 20
    # The workshop works in French first: the template's groups are named in French.
    assert any(s["track"] == "Groupe D" for s in document.rows("session"))
    window.session.undo_stack.undo()
    assert document.count("session") == 0


def test_groups_are_spread_by_category_and_moved_by_hand(page, window, monkeypatch):
    document = window.session.document
    group = document.rows("session", "track = 'Group A'", order_by="slot")[0]
    index = page.model.session_index(group["id"])
    page.tree.setCurrentIndex(index)
    dialogs = []
    monkeypatch.setattr(AgendaPage, "ask", lambda self, dialog: dialogs.append(dialog) or True)
    page.show_groups()
    dialog = dialogs[0]
    assert len(dialog.lists) == 4
    from workshop_app.models.agenda.groups import plan_spread_by_category

    dialog.perform.emit(plan_spread_by_category(document, group["day_id"], group["slot"]))
    sizes = [dialog.lists[sid].count() for sid in dialog.lists]
    assert min(sizes) > 10
    first = next(iter(dialog.lists))
    other = list(dialog.lists)[1]
    people = dialog.lists[first]
    movable = next(row for row in range(people.count()) if people.item(row).data(Qt.UserRole))
    people.item(movable).setSelected(True)
    moved = people.item(movable).data(Qt.UserRole)
    dialog.move_selected_to(other)
    assert any(dialog.lists[other].item(row).data(Qt.UserRole) == moved for row in range(dialog.lists[other].count()))
    window.session.undo_stack.undo()
    assert document.count("session_person", "participant_id = ? AND session_id = ? AND role = 'member'",
                          [moved, first]) == 1


def test_print_group_lists_of_a_slot(page, window, monkeypatch, tmp_path, export_dialog):
    from pypdf import PdfReader

    export_dialog.name = tmp_path / "groups.pdf"
    opened = export_dialog.opened
    document = window.session.document
    group = document.rows("session", "track = 'Group B'", order_by="slot")[0]
    page.tree.setCurrentIndex(page.model.session_index(group["id"]))
    dialogs = []
    monkeypatch.setattr(AgendaPage, "ask", lambda self, dialog: dialogs.append(dialog) or True)
    page.show_groups()
    dialogs[0].print_requested.emit()
    text = "".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    assert group["title"].split(":")[0] in text and len(PdfReader(opened[0]).pages) >= 4


def test_running_late_during_breakout_groups_moves_every_group(page, window, monkeypatch):
    document = window.session.document
    days = agenda(document)
    day_number, item = next((number, item) for number, schedule in enumerate(days) for item in schedule.sessions
                            if item.session["track"] == "Group A")
    day = days[day_number].day
    hour, minute = divmod(item.start + 10, 60)
    page.live.clock = lambda: dt.datetime.fromisoformat(day["date"]).replace(hour=hour, minute=minute)
    page.actions["live"].trigger()
    questions = []

    def ask(self, title, beside):
        questions.append(self.question(title, beside))
        return 20

    monkeypatch.setattr(LivePanel, "ask_minutes", ask)
    page.live.running_late()
    assert "and the 3 sessions beside it run over by how many minutes?" in questions[0]
    ends = {entry.session["track"]: clock(entry.end) for entry in agenda(document)[day_number].sessions
            if entry.session["slot"] == item.session["slot"]}
    assert len(ends) == 4 and len(set(ends.values())) == 1  # the four groups end together


def test_closing_the_workshop_with_live_mode_on_stops_its_clock(page, window):
    page.actions["live"].trigger()
    assert page.live.timer.isActive()
    window.workshop_view.show_page("roadmap")  # the agenda hidden: it does not reload on close
    window.close_workshop()
    assert not page.live.timer.isActive()
    page.live.timer.timeout.emit()  # a tick already queued reads nothing from the closed file
