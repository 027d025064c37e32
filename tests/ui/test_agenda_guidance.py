"""A new agenda: the empty page says how to start, a template's to-dos fold into one line per
kind and keep the table in view, and only real conflicts turn rows red."""

import pytest
from PySide6.QtCore import Qt

from workshop_app.models.agenda.warnings import agenda_warnings
from workshop_app.ui.item_models.agenda import COL_FACILITATOR, COL_TITLE
from workshop_app.ui.widgets.notices import WARNINGS_MOST_HEIGHT


@pytest.fixture
def page(window, workshop_path, monkeypatch, qtbot):
    window.resize(1280, 800)
    window.open_file(workshop_path)
    window.workshop_view.show_page("agenda")
    page = window.workshop_view.page("agenda")

    def choose_the_national_template(dialog):
        row = next(row for row in range(dialog.templates.count())
                   if "national-road-map" in dialog.templates.item(row).data(Qt.UserRole))
        dialog.templates.setCurrentRow(row)
        return True

    monkeypatch.setattr(page, "ask", choose_the_national_template)
    return page


def button(widget, text):
    return next(b for b in widget.buttons if b.text() == text)


def test_an_empty_agenda_says_how_to_start_and_its_days_say_no_sessions_yet(page, qtbot):
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert "No sessions yet" in page.empty.text.text()
    assert [b.text() for b in page.empty.buttons] == ["Start from a template…", "Add session"]
    heading = page.model.index(0, 0).data()
    assert "no sessions yet" in heading and "09:00–09:00" not in heading

    qtbot.mouseClick(button(page.empty, "Add session"), Qt.LeftButton)
    assert page.tree.isVisible() and not page.empty.isVisible()
    assert page.model.index(0, COL_TITLE, page.model.index(0, 0)).data() == "New session"


def test_a_template_folds_its_missing_facilitators_into_one_line(page, window, qtbot):
    qtbot.mouseClick(button(page.empty, "Start from a template…"), Qt.LeftButton)
    unled = [w for w in agenda_warnings(window.session.document) if w.kind == "no_facilitator"]
    assert len(unled) > 6
    lines = page.warnings.lines
    assert list(lines) == ["no_facilitator"]
    assert lines["no_facilitator"].text() == f"⚠ {len(unled)} sessions have no facilitator"
    listing = page.warnings.lists["no_facilitator"]
    assert not listing.isVisible()
    assert page.warnings.height() < 40  # one line: the table starts right below it

    qtbot.mouseClick(lines["no_facilitator"], Qt.LeftButton)
    assert listing.isVisible() and listing.count() == len(unled)
    assert page.warnings.height() <= WARNINGS_MOST_HEIGHT
    assert page.tree.height() > 300  # the table is still on the screen

    listing.itemClicked.emit(listing.item(0))  # an entry selects its session
    assert page.selected_session_id() == unled[0].session_ids[0]

    qtbot.mouseClick(lines["no_facilitator"], Qt.LeftButton)
    assert not listing.isVisible()


def test_a_missing_facilitator_is_marked_softly_and_an_overrun_in_red(page, window, qtbot):
    qtbot.mouseClick(button(page.empty, "Start from a template…"), Qt.LeftButton)
    model = page.model
    day = model.index(0, 0)
    unled_row = next(row for row in range(model.rowCount(day))
                     if model.index(row, COL_FACILITATOR, day).data(Qt.DecorationRole) is not None)
    assert model.index(unled_row, COL_TITLE, day).data(Qt.ForegroundRole) is None  # not red

    last = model.rowCount(day) - 1
    minutes = model.index(last, 5, day)
    assert model.setData(minutes, int(minutes.data()) + 240)  # the day now ends long after its planned end
    assert list(page.warnings.lines)[0] == "overrun"
    assert "1 day runs past its planned end" in page.warnings.lines["overrun"].text()
    brush = model.index(model.rowCount(model.index(0, 0)) - 1, COL_TITLE, model.index(0, 0)).data(Qt.ForegroundRole)
    assert brush is not None and brush.color().red() > 150
