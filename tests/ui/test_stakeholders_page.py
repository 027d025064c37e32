"""Editing participants and organizations on the Stakeholders page, every change undoable."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from workshop_app.ui.item_models.stakeholders import OrganizationTableModel, ParticipantTableModel
from workshop_app.ui.pages.stakeholders import StakeholdersPage

SELECT_ROW = QItemSelectionModel.Select | QItemSelectionModel.Rows


@pytest.fixture
def page(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("stakeholders")
    return window.workshop_view.page("stakeholders")


def source_index(page, view, name, column=0):
    proxy = view.model()
    model = proxy.sourceModel()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == name:
            return model.index(row, column)
    raise AssertionError(f"{name} not listed")


def names(model):
    return {model.index(row, 0).data() for row in range(model.rowCount())}


def test_editing_a_cell_saves_it_and_undo_restores_it(page, window):
    index = source_index(page, page.participant_view, "Aakash Mehta", ParticipantTableModel.COL_TITLE)
    assert page.participants.setData(index, "Senior Programme Officer")
    document = window.session.document
    person = document.rows("participant", "name = ?", ["Aakash Mehta"])[0]
    assert person["title"] == "Senior Programme Officer"
    assert window.session.undo_stack.undoText() == "Edit title"
    window.session.undo_stack.undo()
    assert index.data() == "National Project Officer"


def test_choices_are_stored_as_keys(page, window):
    sex = source_index(page, page.participant_view, "Aakash Mehta", ParticipantTableModel.COL_SEX)
    assert page.participants.setData(sex, "not_stated")
    assert sex.data() == "Not stated"
    organization = source_index(page, page.participant_view, "Aakash Mehta", ParticipantTableModel.COL_ORGANIZATION)
    ilo = window.session.document.rows("organization", "acronym = 'ILO'")[0]
    assert page.participants.setData(organization, ilo["id"])
    assert organization.data() == "ILO"


def test_an_empty_name_is_refused_with_a_message(page, window):
    index = source_index(page, page.participant_view, "Aakash Mehta")
    assert not page.participants.setData(index, "   ")
    assert "cannot be empty" in page.message.text() and not page.message.isHidden()
    assert index.data() == "Aakash Mehta"
    assert window.session.undo_stack.count() == 0


def test_add_then_undo(page, window):
    before = page.participants.rowCount()
    page.add_participant()
    assert page.participants.rowCount() == before + 1
    assert "New participant" in names(page.participants)
    assert page.tabs.tabText(0) == f"Participants ({before + 1})"
    window.session.undo_stack.undo()
    assert page.participants.rowCount() == before


def test_deleting_several_participants_is_one_undo_step(page, window):
    view = page.participant_view
    view.selectRow(0)
    view.selectionModel().select(view.model().index(1, 0), SELECT_ROW)
    gone = {view.model().index(0, 0).data(), view.model().index(1, 0).data()}
    before = page.participants.rowCount()
    page.delete_participants()
    assert page.participants.rowCount() == before - 2 and not gone & names(page.participants)
    window.session.undo_stack.undo()
    assert gone <= names(page.participants)


@pytest.mark.parametrize(("answer", "people_left"), [(False, 122), (True, None), (None, 122)])
def test_deleting_an_organization_asks_about_its_participants(page, window, monkeypatch, answer, people_left):
    monkeypatch.setattr(StakeholdersPage, "ask_delete_with_participants", lambda self, orgs, people: answer)
    document = window.session.document
    ilo = document.rows("organization", "acronym = 'ILO'")[0]
    ilo_people = document.count("participant", "organization_id = ?", [ilo["id"]])
    assert ilo_people > 0
    page.tabs.setCurrentIndex(1)
    view = page.organization_view
    view.selectRow(view.model().mapFromSource(source_index(page, view, ilo["name"])).row())
    page.delete_organizations()
    if answer is None:
        assert document.get("organization", ilo["id"]) is not None
        return
    assert document.get("organization", ilo["id"]) is None
    expected = people_left if people_left is not None else 122 - ilo_people
    assert document.count("participant") == expected
    window.session.undo_stack.undo()
    assert document.count("participant", "organization_id = ?", [ilo["id"]]) == ilo_people


def test_merging_organizations(page, window, monkeypatch):
    document = window.session.document
    ilo = document.rows("organization", "acronym = 'ILO'")[0]
    unicef = document.rows("organization", "acronym = 'UNICEF'")[0]
    both = document.count("participant", "organization_id IN (?, ?)", [ilo["id"], unicef["id"]])
    monkeypatch.setattr(StakeholdersPage, "ask_merge_target", lambda self, choices: ilo["id"])
    view = page.organization_view
    for name in (ilo["name"], unicef["name"]):
        row = view.model().mapFromSource(source_index(page, view, name)).row()
        view.selectionModel().select(view.model().index(row, 0), SELECT_ROW)
    page.merge_organizations()
    assert document.get("organization", unicef["id"]) is None
    assert document.count("participant", "organization_id = ?", [ilo["id"]]) == both
    counts = source_index(page, view, ilo["name"], OrganizationTableModel.COL_PARTICIPANTS)
    assert counts.data() == str(both)
    window.session.undo_stack.undo()
    assert document.get("organization", unicef["id"]) is not None


def test_check_boxes_and_sorting(page, window):
    view = page.organization_view
    model = page.organizations
    index = source_index(page, view, model.index(0, 0).data(), OrganizationTableModel.COL_PARTNER)
    state = index.data(Qt.CheckStateRole)
    flipped = Qt.Unchecked if state == Qt.Checked else Qt.Checked
    assert model.setData(index, flipped, Qt.CheckStateRole)
    assert index.data(Qt.CheckStateRole) == flipped
    view.sortByColumn(OrganizationTableModel.COL_PARTICIPANTS, Qt.DescendingOrder)
    counts = [int(model.index(row, OrganizationTableModel.COL_PARTICIPANTS).data()) for row in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True)


def test_filter_finds_any_script_and_any_column(page):
    proxy = page.participant_view.model()
    page.filter_edit.setText("unicef")
    assert 0 < proxy.rowCount() < page.participants.rowCount()
    page.filter_edit.setText("श्रेष्ठ")
    assert proxy.rowCount() >= 1
    page.filter_edit.setText("")
    assert proxy.rowCount() == page.participants.rowCount()


def test_filter_stays_right_after_sorting_adding_and_deleting(page, window):
    view = page.participant_view
    proxy = view.model()
    page.filter_edit.setText("unicef")
    shown = {proxy.index(row, 0).data() for row in range(proxy.rowCount())}
    view.sortByColumn(ParticipantTableModel.COL_NAME, Qt.DescendingOrder)
    assert {proxy.index(row, 0).data() for row in range(proxy.rowCount())} == shown
    page.add_participant()  # clears the filter to show the new row
    page.filter_edit.setText("unicef")
    assert {proxy.index(row, 0).data() for row in range(proxy.rowCount())} == shown
    view.selectRow(0)
    gone = proxy.index(0, 0).data()
    page.delete_participants()
    assert {proxy.index(row, 0).data() for row in range(proxy.rowCount())} == shown - {gone}
    assert all("unicef" in " ".join(proxy.index(row, c).data() or "" for c in range(8)).casefold()
               for row in range(proxy.rowCount()))


def test_delete_key_deletes_in_the_table_that_has_focus(page, window, qtbot):
    view = page.participant_view
    view.setFocus()
    view.selectRow(0)
    before = page.participants.rowCount()
    qtbot.keyClick(view, Qt.Key_Delete)
    assert page.participants.rowCount() == before - 1
