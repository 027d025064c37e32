"""The Road map page: edit, move, add and delete items, filters, totals and versions."""

import pytest
from PySide6.QtCore import Qt

from workshop_app.ui.item_models.roadmap import COL_CODE, COL_STATUS, COL_TITLE
from workshop_app.ui.pages.roadmap import RoadmapPage


@pytest.fixture
def page(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("roadmap")
    return window.workshop_view.page("roadmap")


def find(page, code):
    model = page.model
    node_id = next(node_id for node_id, node_code in model._codes.items() if node_code == code)
    return model.index_of(node_id)


def test_edit_status_in_the_tree_and_undo(page, window):
    index = find(page, "1.1.1").siblingAtColumn(COL_STATUS)
    assert page.model.setData(index, "done")
    assert find(page, "1.1.1").siblingAtColumn(COL_STATUS).data() == "Done"
    window.session.undo_stack.undo()
    assert find(page, "1.1.1").siblingAtColumn(COL_STATUS).data() != "Done"


def test_moving_an_action_renumbers_codes(page, window):
    title = find(page, "1.1.1").siblingAtColumn(COL_TITLE).data()
    page.tree.setCurrentIndex(find(page, "1.1.1"))
    page.actions["down"].trigger()
    assert find(page, "1.1.2").siblingAtColumn(COL_TITLE).data() == title
    data = page.model.mimeData([find(page, "1.1.2")])
    page.model.dropMimeData(data, Qt.MoveAction, 0, 0, find(page, "2.1"))  # first action of output 2.1
    assert find(page, "2.1.1").siblingAtColumn(COL_TITLE).data() == title
    window.session.undo_stack.undo()
    assert find(page, "1.1.2").siblingAtColumn(COL_TITLE).data() == title


def test_a_move_that_breaks_the_shape_is_refused(page, window):
    data = page.model.mimeData([find(page, "1.1.1")])
    page.model.dropMimeData(data, Qt.MoveAction, 0, 0, find(page, "2"))  # an action directly under an outcome
    assert not page.message.isHidden() and "cannot be placed" in page.message.text()


def test_add_below_and_next_then_delete(page, window):
    outputs = page.model.rowCount(find(page, "1"))
    page.tree.setCurrentIndex(find(page, "1.3"))
    page.actions["sibling"].trigger()
    assert page.model.rowCount(find(page, "1")) == outputs + 1
    assert find(page, "1.4").siblingAtColumn(COL_TITLE).data() == "New output"
    page.actions["child"].trigger()  # an action under the new output
    assert find(page, "1.4.1").siblingAtColumn(COL_TITLE).data() == "New action"
    page.tree.setCurrentIndex(find(page, "1.4"))
    page.actions["delete"].trigger()
    assert page.model.rowCount(find(page, "1")) == outputs


def test_filters_and_totals_per_currency(page, window):
    page.status_filter.setCurrentIndex(page.status_filter.findData("in_progress"))
    page.apply_filters()
    shown = [node for node in page.model._nodes.values() if node["level"] == "action"]
    assert shown and all(node["status"] == "in_progress" for node in shown)
    assert "USD" in page.totals.text() and "NPR" in page.totals.text()
    assert "never added together" in page.totals.text()


def test_details_edit_tags_and_partners(page, window):
    page.tree.setCurrentIndex(find(page, "1.1.1"))
    details = page.details
    box = details.pillar_boxes["prosecution"]
    box.click()
    node = window.session.document.get("roadmap_node", details.node["id"])
    assert ("prosecution" in node["pillar_tags"]) == box.isChecked()
    partners = details.partners.count()
    details.partner_combo.setCurrentIndex(0)
    details._add_partner()
    assert details.partners.count() in (partners, partners + 1)


def test_freeze_then_compare_and_restore(page, window, monkeypatch):
    from workshop_app.models.roadmap.versions import plan_freeze_version
    from workshop_app.ui.dialogs.versions import VersionsDialog

    document = window.session.document
    window.session.perform(plan_freeze_version(document, "Draft after day 2"))
    page.model.setData(find(page, "1.1.1").siblingAtColumn(COL_STATUS), "done")
    dialogs = []
    monkeypatch.setattr(RoadmapPage, "ask", lambda self, dialog: dialogs.append(dialog) or True)
    page.show_versions()
    dialog = dialogs[0]
    assert isinstance(dialog, VersionsDialog)
    assert "1.1.1" in dialog.differences.toPlainText()
    questions = []
    monkeypatch.setattr(VersionsDialog, "confirm", lambda self, question: questions.append(question) or False)
    dialog.restore()  # answered No: nothing happens
    assert find(page, "1.1.1").siblingAtColumn(COL_STATUS).data() == "Done"
    assert ("Replace the current draft of the road map with “Draft after day 2”? 1 difference will be undone"
            in questions[0])
    monkeypatch.setattr(VersionsDialog, "confirm", lambda self, question: True)
    dialog.restore()
    assert find(page, "1.1.1").siblingAtColumn(COL_STATUS).data() != "Done"
    assert find(page, "1").siblingAtColumn(COL_CODE).data() == "1"
    assert "“Draft after day 2” was restored as the current draft: 1 difference undone" in dialog.outcome.text()
    assert "Restore" in window.change_notice.text()  # the status bar says it too, with Undo beside it


def test_enter_in_the_versions_dialog_never_restores(page, window, qtbot, monkeypatch):
    from workshop_app.models.roadmap.versions import plan_freeze_version
    from workshop_app.ui.dialogs.versions import VersionsDialog

    document = window.session.document
    window.session.perform(plan_freeze_version(document, "Draft after day 2"))
    page.model.setData(find(page, "1.1.1").siblingAtColumn(COL_STATUS), "done")
    asked = []
    monkeypatch.setattr(VersionsDialog, "confirm", lambda self, question: asked.append(question) or True)
    dialog = VersionsDialog(document, page)
    dialog.perform.connect(lambda plan: window.session.perform(plan, source=page))
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert not dialog.isVisible() and not asked
    assert find(page, "1.1.1").siblingAtColumn(COL_STATUS).data() == "Done"


def test_deleting_an_outcome_says_what_went_with_it_and_offers_undo(page, window, qtbot):
    document = window.session.document
    before = document.count("roadmap_node")
    page.tree.setCurrentIndex(find(page, "2"))
    qtbot.keyClick(page.tree, Qt.Key_Delete)
    removed = before - document.count("roadmap_node")
    assert removed > 1
    notice = window.change_notice
    assert notice.text().startswith("Delete") and "removed" in notice.text()
    qtbot.mouseClick(notice.undo_button, Qt.LeftButton)
    assert document.count("roadmap_node") == before and not notice.text()


def test_indicators_of_an_outcome_are_added_edited_and_deleted(page, window):
    page.tree.setCurrentIndex(find(page, "2"))
    editor = page.details.indicators
    assert editor.isVisibleTo(page)
    count = editor.list.count()
    editor.add()
    assert editor.list.count() == count + 1
    editor.list.setCurrentRow(count)
    for field, typed in (("target_value", "75"), ("target_year", "2030")):  # one field after another
        editor.edits[field].setText(typed)
        editor.edits[field].setModified(True)
        editor._commit(field)
    indicator = window.session.document.get("indicator", editor.current_id())
    assert (indicator["target_value"], indicator["target_year"]) == ("75", 2030)
    editor.remove()
    assert editor.list.count() == count
    window.session.undo_stack.undo()
    assert editor.list.count() == count + 1


def test_a_cost_typed_with_spaces_is_stored_as_a_number_and_shown_grouped(page, window):
    from workshop_app.ui.item_models.roadmap import COL_COST

    index = find(page, "1.1.1").siblingAtColumn(COL_COST)
    assert page.model.setData(index, "45 000 000")
    shown = find(page, "1.1.1").siblingAtColumn(COL_COST)
    assert shown.data() == "45,000,000 USD" and shown.data(Qt.EditRole) == "45,000,000"
    page.model.setData(shown, shown.data(Qt.EditRole))  # editing it again keeps the amount
    assert find(page, "1.1.1").siblingAtColumn(COL_COST).data() == "45,000,000 USD"
    assert "Outcome 1: 17,000,000 NPR (gap 9,800,000 NPR); 45,635,000 USD" in page.totals.text()


def test_an_unclear_cost_is_refused_with_a_message_and_nothing_changes(page, window):
    from workshop_app.ui.item_models.roadmap import COL_COST

    index = find(page, "1.1.1").siblingAtColumn(COL_COST)
    before, steps = index.data(), window.session.undo_stack.count()
    assert not page.model.setData(index, "1,5")
    assert "unclear" in page.message.text() and not page.message.isHidden()
    assert find(page, "1.1.1").siblingAtColumn(COL_COST).data() == before
    assert window.session.undo_stack.count() == steps


def test_at_1280_by_800_the_filters_read_whole_and_the_details_need_no_sideways_scrolling(window, demo_path, qtbot):
    from PySide6.QtWidgets import QScrollArea

    window.resize(1280, 800)
    window.open_file(demo_path, page="roadmap")
    page = window.workshop_view.page("roadmap")
    action = next(row["id"] for row in window.session.document.rows("roadmap_node") if row["level"] == "action")
    page.select(action)
    qtbot.wait(20)
    for combo in (page.lead_filter, page.status_filter, page.group_filter, page.pillar_filter):
        assert combo.width() > combo.fontMetrics().horizontalAdvance(combo.itemText(0)) + 20, combo.itemText(0)
    for area in page.details.findChildren(QScrollArea) + ([page.details] if isinstance(page.details, QScrollArea)
                                                            else []):
        assert not area.horizontalScrollBar().isVisible()
