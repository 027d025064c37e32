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


def counting(monkeypatch, module, name):
    """Replace a module's function by one that records the ids each call asks for."""
    calls = []
    real = getattr(module, name)

    def counted(document, *args):
        calls.append(None if not args or args[0] is None else set(args[0]))
        return real(document, *args)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_editing_a_title_reads_neither_the_organizations_nor_the_figures(page, window, monkeypatch):
    from workshop_app.ui.item_models import stakeholders
    from workshop_app.ui.pages import attendance, figures

    page.tabs.setCurrentWidget(page.figures)  # figures follow changes while they are shown
    organizations = counting(monkeypatch, stakeholders, "organization_rows")
    participants = counting(monkeypatch, stakeholders, "participant_rows")
    attendance_rows = counting(monkeypatch, attendance, "attendance_rows")
    charts = counting(monkeypatch, figures, "participation_figures")
    grid = counting(monkeypatch, figures, "assessments")
    index = source_index(page, page.participant_view, "Aakash Mehta", ParticipantTableModel.COL_TITLE)
    assert page.participants.setData(index, "Senior Programme Officer")
    assert index.data() == "Senior Programme Officer"
    assert (organizations, participants, attendance_rows, charts, grid) == ([], [], [], [], [])
    window.session.undo_stack.undo()  # not this model's doing: the row is read again, and only it
    assert index.data() == "National Project Officer"
    assert organizations == [] and len(participants) == 1 and len(participants[0]) == 1


def test_moving_a_participant_updates_both_organizations_counts(page, window, monkeypatch):
    from workshop_app.ui.item_models import stakeholders

    document = window.session.document
    person = document.rows("participant", "name = ?", ["Aakash Mehta"])[0]
    ilo = document.rows("organization", "acronym = 'ILO'")[0]
    assert person["organization_id"] not in (None, ilo["id"])
    old = document.get("organization", person["organization_id"])

    def count(organization):
        return source_index(page, page.organization_view, organization["name"],
                            OrganizationTableModel.COL_PARTICIPANTS).data()

    before = {row["id"]: count(row) for row in (old, ilo)}
    organizations = counting(monkeypatch, stakeholders, "organization_rows")
    index = source_index(page, page.participant_view, "Aakash Mehta", ParticipantTableModel.COL_ORGANIZATION)
    assert page.participants.setData(index, ilo["id"])
    assert organizations == [{old["id"], ilo["id"]}]  # the two counts that changed, not the whole list
    assert count(old) == str(int(before[old["id"]]) - 1)
    assert count(ilo) == str(int(before[ilo["id"]]) + 1)
    assert index.data() == "ILO"
    window.session.undo_stack.undo()
    assert (count(old), count(ilo)) == (before[old["id"]], before[ilo["id"]])


def test_figures_follow_a_field_they_use_and_catch_up_when_shown(page, window):
    figures, document = page.figures, window.session.document
    women = document.rows("participant", "sex = 'female'")
    page.tabs.setCurrentWidget(figures)
    shown = figures.headline.text()
    window.session.perform(document.plan_update("participant", women[0]["id"], sex="male"))
    assert figures.headline.text() != shown  # visible: computed again at once
    shown = figures.headline.text()
    page.tabs.setCurrentIndex(0)
    for person in women[1:10]:
        window.session.perform(document.plan_update("participant", person["id"], sex="male"))
    assert figures.headline.text() == shown  # hidden: not computed
    page.tabs.setCurrentWidget(figures)
    assert figures.headline.text() != shown


def test_renaming_an_organization_shows_beside_its_people(page, window):
    document = window.session.document
    ilo = document.rows("organization", "acronym = 'ILO'")[0]
    member = document.rows("participant", "organization_id = ?", [ilo["id"]])[0]["name"]
    acronym = source_index(page, page.organization_view, ilo["name"], OrganizationTableModel.COL_ACRONYM)
    assert page.organizations.setData(acronym, "OIT")
    shown = source_index(page, page.participant_view, member, ParticipantTableModel.COL_ORGANIZATION)
    assert shown.data() == "OIT"
    grid = page.attendance.model
    row = next(r for r in range(grid.rowCount()) if grid.index(r, 0).data() == member)
    assert grid.index(row, 1).data() == "OIT"
    window.session.undo_stack.undo()
    assert shown.data() == "ILO" and grid.index(row, 1).data() == "ILO"


def test_a_name_that_is_not_valid_utf8_shows_instead_of_crashing(window, demo_path):
    """A damaged or foreign file can hold bytes that are not UTF-8: the page shows the rest."""
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE participant SET title = CAST(X'4D696E69737472C3' AS TEXT) WHERE rowid = 3")
    conn.commit()
    conn.close()
    window.open_file(demo_path)
    window.workshop_view.show_page("stakeholders")
    page = window.workshop_view.page("stakeholders")
    titles = [page.participants.index(row, 3).data() for row in range(page.participants.rowCount())]
    assert "Ministr\ufffd" in titles and len(titles) == 122
