"""The window as a facilitator uses it: open, switch pages, edit, undo, reopen."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from workshop_app.models.document import WorkshopDocument
from workshop_app.ui.main_window import MainWindow


def test_start_page_then_demo_opens_and_every_page_shows_its_content(window, qtbot):
    assert window.stack.currentWidget() is window.start_page
    window.open_demo()
    assert window.stack.currentWidget() is window.workshop_view
    assert window.windowTitle().startswith("Nepal demo workshop.workshop")
    view = window.workshop_view
    overview = view.page("overview")
    assert overview.figures["participants"].text() not in ("", "0", "–")
    assert overview.country_combo.currentData() == "NP"

    view.show_page("stakeholders")
    stakeholders = view.page("stakeholders")
    assert view.stack.currentWidget() is stakeholders
    shown = stakeholders.participant_view.model().rowCount()
    assert shown == int(overview.figures["participants"].text())
    stakeholders.filter_edit.setText("सीता")  # a Devanagari name in the demo (QTest types ASCII only)
    assert 0 < stakeholders.participant_view.model().rowCount() < shown

    view.show_page("agenda")
    agenda = view.page("agenda").model
    assert agenda.rowCount() == 3
    assert agenda.index(0, 0, agenda.index(0, 0)).data().startswith("09:00–")

    view.show_page("roadmap")
    roadmap = view.page("roadmap").model
    goal = roadmap.index(0, 0)
    assert [roadmap.index(i, 0, goal).data() for i in range(roadmap.rowCount(goal))] == ["1", "2", "3", "4"]
    outcome = roadmap.index(1, 0, goal)
    assert roadmap.index(0, 0, roadmap.index(0, 0, outcome)).data() == "2.1.1"


def test_editing_the_title_saves_at_once_and_undo_redo_work(window, workshop_path, qtbot):
    assert window.open_file(workshop_path)
    overview = window.workshop_view.page("overview")
    overview.title_edit.selectAll()
    qtbot.keyClicks(overview.title_edit, "Atelier de validation")
    qtbot.keyClick(overview.title_edit, Qt.Key_Return)
    stack = window.session.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Edit title"
    assert window.session.document.workshop()["title"] == "Atelier de validation"

    stack.undo()
    assert overview.title_edit.text() == "Atelier national"
    assert window.session.document.workshop()["title"] == "Atelier national"
    stack.redo()
    assert overview.title_edit.text() == "Atelier de validation"

    window.close_workshop()  # what is in the file is what the user saw, without any Save
    with WorkshopDocument.open(workshop_path, readonly=True) as document:
        assert document.workshop()["title"] == "Atelier de validation"


def test_a_bad_value_is_explained_and_the_field_shows_the_stored_value(window, workshop_path, qtbot):
    window.open_file(workshop_path)
    overview = window.workshop_view.page("overview")
    overview.languages_edit.setText("French")
    overview.languages_edit.editingFinished.emit()
    assert "ISO 639-1" in overview.message.text() and not overview.message.isHidden()
    assert overview.languages_edit.text() == "fr, en"
    assert window.session.undo_stack.count() == 0


def test_changing_the_start_date_moves_the_days_and_counts_follow_undo(window, workshop_path):
    window.open_file(workshop_path)
    overview = window.workshop_view.page("overview")
    overview.start_edit.set_iso_date("2027-06-07")
    overview.start_edit.editingFinished.emit()
    assert overview.end_edit.iso_date() == "2027-06-09"
    window.session.undo_stack.undo()
    assert (overview.start_edit.iso_date(), overview.end_edit.iso_date()) == ("2027-05-04", "2027-05-06")


def test_counts_follow_edits_and_undo(window, workshop_path):
    window.open_file(workshop_path)
    overview = window.workshop_view.page("overview")
    document = window.session.document
    window.session.perform(document.plan_insert("participant", name="Hery Rakoto", sex="male"))
    window.session.perform(document.plan_insert("participant", name="Voahangy Rasoa", sex="female"))
    assert overview.figures["participants"].text() == "2"
    assert overview.figures["women_share"].text() == "50%"
    window.session.undo_stack.undo()
    assert overview.figures["participants"].text() == "1"
    assert overview.figures["women_share"].text() == "0%"


def test_a_bad_file_is_explained_and_the_start_page_stays(window, tmp_path, errors):
    path = tmp_path / "agenda.workshop"
    path.write_text("not a workshop")
    assert not window.open_file(path)
    assert errors and "not a Pathfinder Workshop file" in errors[0][1]
    assert window.stack.currentWidget() is window.start_page
    assert path.read_text() == "not a workshop"


def test_recent_files_are_remembered_and_listed(window, workshop_path, settings):
    window.open_file(workshop_path)
    window.close_workshop()
    assert settings.recent_files() == [workshop_path.resolve()]
    item = window.start_page.recent_list.item(0)
    assert item.text().startswith("atelier.workshop")
    window.start_page.recent_list.itemActivated.emit(item)
    assert window.session is not None and window.session.document.path == workshop_path


def test_geometry_and_last_page_persist(qtbot, settings, errors, workshop_path):
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(800, 575)  # the offscreen screen is 800x600
    first.show()
    first.open_file(workshop_path)
    first.workshop_view.show_page("agenda")
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (800, 575)
    second.open_file(workshop_path)
    assert second.workshop_view.current_page() == "agenda"
    second.close()


def test_save_a_copy(window, workshop_path, tmp_path, monkeypatch):
    window.open_file(workshop_path)
    target = tmp_path / "usb" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.save_copy()
    copy = Path(f"{target}.workshop")
    with WorkshopDocument.open(copy, readonly=True) as document:
        assert document.workshop()["title"] == "Atelier national"


def test_new_workshop_dialog_creates_and_opens(window, tmp_path, monkeypatch):
    from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog

    target = tmp_path / "fiji.workshop"
    monkeypatch.setattr(NewWorkshopDialog, "choose_path", lambda self: target)
    def choose_fiji_and_create(dialog):
        dialog.country_combo.setCurrentIndex(dialog.country_combo.findData("FJ"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(NewWorkshopDialog, "exec", choose_fiji_and_create)
    window.new_workshop()
    assert window.session is not None and window.session.document.path == target
    assert window.session.document.workshop()["country"] == "FJ"
    assert window.workshop_view.page("overview").figures["days"].text() == "3"


def test_closing_releases_the_file(window, workshop_path):
    window.open_file(workshop_path)
    window.close_workshop()
    WorkshopDocument.open(workshop_path).close()


def test_dropping_a_workshop_file_opens_it(window, workshop_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(workshop_path))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(event)
    assert window.session is not None and window.session.document.path == workshop_path
    assert window.saved_label.text() == "Every change is saved in the file"


def test_undo_and_redo_are_in_the_edit_menu_with_standard_shortcuts(window, workshop_path):
    from PySide6.QtGui import QKeySequence

    window.open_file(workshop_path)
    actions = {action.text(): action for action in window.edit_menu.actions()}
    undo = next(action for text, action in actions.items() if text.startswith("&Undo"))
    assert QKeySequence(QKeySequence.Undo) in undo.shortcuts()
    window.session.perform(window.session.document.plan_update(
        "workshop", window.session.document.workshop()["id"], venue="Kathmandu"))
    assert undo.isEnabled()
    undo.trigger()
    assert window.session.document.workshop()["venue"] == ""


def test_every_country_offered_is_accepted_by_the_file(qtbot):
    from workshop_app.models.geography import country_name
    from workshop_app.ui.widgets.country_combo import CountryCombo

    combo = CountryCombo(allow_unset=False)
    qtbot.addWidget(combo)
    offered = {combo.itemData(row) for row in range(combo.count())} - {None}
    assert len(offered) > 240
    assert [code for code in offered if country_name(code) is None] == []


def test_text_being_typed_is_saved_when_the_window_closes(window, workshop_path, qtbot):
    window.open_file(workshop_path)
    overview = window.workshop_view.page("overview")
    overview.description_edit.setFocus()
    qtbot.keyClicks(overview.description_edit, "Typed just before closing")
    window.close()
    with WorkshopDocument.open(workshop_path, readonly=True) as document:
        assert document.workshop()["description"] == "Typed just before closing"


def test_ctrl_z_in_a_saved_field_undoes_the_last_change(window, workshop_path, qtbot):
    window.open_file(workshop_path)
    overview = window.workshop_view.page("overview")
    overview.venue_edit.setFocus()
    qtbot.keyClicks(overview.venue_edit, "Antananarivo")
    qtbot.keyClick(overview.venue_edit, Qt.Key_Return)
    assert window.session.document.workshop()["venue"] == "Antananarivo"
    qtbot.keyClick(overview.venue_edit, Qt.Key_Z, Qt.ControlModifier)
    assert window.session.document.workshop()["venue"] == ""
    assert overview.venue_edit.text() == ""


def test_a_failed_undo_keeps_the_stack_in_step_with_the_file(window, workshop_path, qtbot, errors, monkeypatch):
    from workshop_app.models.errors import WorkshopFileError

    window.open_file(workshop_path)
    session = window.session
    document = session.document
    for venue in ("Venue 1", "Venue 2"):
        session.perform(document.plan_update("workshop", document.workshop()["id"], venue=venue))
    real_apply = document.apply

    def unplugged(change):
        raise WorkshopFileError(workshop_path, "the change could not be saved (disk I/O error)")

    monkeypatch.setattr(document, "apply", unplugged)
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: session.undo_stack.index() == 2)
    assert errors and "could not be saved" in errors[-1][1]
    monkeypatch.setattr(document, "apply", real_apply)
    session.undo_stack.undo()
    assert document.workshop()["venue"] == "Venue 1"
    session.undo_stack.redo()
    assert document.workshop()["venue"] == "Venue 2"


def test_export_menu_writes_the_files_and_opens_them(window, demo_path, tmp_path, export_dialog):
    import openpyxl

    window.open_file(demo_path)
    export_dialog.name = tmp_path / "people.xlsx"
    window.export_participants()

    def day_two_by_organization(dialog):
        dialog.day_combo.setCurrentIndex(2)
        dialog.order_combo.setCurrentIndex(1)

    export_dialog.choose = day_two_by_organization
    export_dialog.name = tmp_path / "sheets.pdf"
    window.export_sign_in()
    assert export_dialog.opened == [tmp_path / "people.xlsx", tmp_path / "sheets.pdf"]
    assert openpyxl.load_workbook(export_dialog.opened[0])["Participants"].max_row == 123
    assert export_dialog.opened[1].read_bytes().startswith(b"%PDF")
    assert "Exported" in window.statusBar().currentMessage()


def test_road_map_report_dialog_options_reach_the_pdf(window, demo_path, tmp_path, export_dialog):
    from pypdf import PdfReader

    def french_without_annexes(dialog):
        dialog.language.setCurrentIndex(1)
        for key in ("participants", "agenda", "timeline"):
            dialog.boxes[key].setChecked(False)

    export_dialog.choose = french_without_annexes
    export_dialog.name = tmp_path / "report.pdf"
    window.open_file(demo_path)
    window.export_roadmap()
    assert export_dialog.opened == [tmp_path / "report.pdf"]
    text = "".join(page.extract_text() for page in PdfReader(export_dialog.opened[0]).pages)
    assert "@" not in text  # no contact details unless asked for
    assert "Table des matières" in text  # the labels follow the language chosen


@pytest.mark.parametrize("keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_redo_answers_both_of_its_shortcuts(window, demo_path, qtbot, keys):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    window.open_file(demo_path)
    window.show()
    qtbot.waitExposed(window)
    document = window.session.document
    window.session.perform(lambda doc: doc.plan_update("workshop", doc.workshop()["id"], venue="Pokhara"))
    QTest.keySequence(window, QKeySequence("Ctrl+Z"))
    assert document.workshop()["venue"] != "Pokhara"
    QTest.keySequence(window, QKeySequence(keys))
    assert document.workshop()["venue"] == "Pokhara"
    QTest.keyRelease(window, Qt.Key_Shift)  # keySequence leaves Shift held for the tests that follow


def test_keyboard_shortcuts_are_listed(window, demo_path):
    from workshop_app.ui.dialogs.shortcuts import ShortcutsDialog, shortcut_list

    window.open_file(demo_path)  # on the Overview: the other pages' keys are listed all the same
    found = {text: (keys, where) for keys, text, where in shortcut_list(window)}
    assert found["Undo"][1] == "Everywhere" and found["Projector"] == ("F5", "Everywhere")
    assert found["Later"] == ("Ctrl+Down", "Agenda") and found["Comment"] == ("Ctrl+K", "Road map")
    assert found["Live"] == ("F9", "Agenda") and found["Delete"][0] == "Del"
    dialog = ShortcutsDialog(shortcut_list(window), window)
    texts = [dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount())]
    assert "Live" in texts and len(texts) == len(found)
