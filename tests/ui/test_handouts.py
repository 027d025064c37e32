"""Handouts in the window: Road map › Hand Out… writes one; a handout opens with its banner and
only the group's part editable; File › Merge Handouts… shows the changes and the conflicts side
by side, merges on a click, and Edit › Undo takes back one handout at a time."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.handouts.part import guard_handout
from workshop_app.models.handouts.writing import outcome_ids, write_handout
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.ui.handouts.hand_out import HandoutDialog
from workshop_app.ui.handouts.merge import MergeDialog
from workshop_app.ui.item_models.roadmap import COL_STATUS, COL_TITLE


def find(page, code):
    node_id = next(node_id for node_id, node_code in page.model._codes.items() if node_code == code)
    return page.model.index_of(node_id)


def by_code(document):
    return {code: node_id for node_id, code in node_codes(document).items()}


@pytest.fixture
def group_b(demo_path, tmp_path):
    """Group B's handout of outcome 2, in which the group retitled 2.1.1 and added a comment."""
    path = tmp_path / "Group B.workshop"
    with WorkshopDocument.open(demo_path) as document:
        write_handout(document, path, outcome_ids(document, ["2"]), "Group B")
    with WorkshopDocument.open(path) as handout:
        guard_handout(handout)
        codes = by_code(handout)
        handout.apply(handout.plan_update("roadmap_node", codes["2.1.1"], None, title="Group B's wording"))
        handout.apply(handout.plan_update("roadmap_node", codes["2.1.2"], None, status="agreed"))
    return path


def test_hand_out_writes_a_handout_of_the_selected_outcome(window, demo_path, tmp_path, monkeypatch, qtbot):
    window.open_file(demo_path)
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    page.tree.setCurrentIndex(find(page, "3.1.2"))
    target = tmp_path / "Group C.workshop"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    shown = []

    def answered(dialog):
        shown.append(dialog)
        ticked = dialog.chosen_outcomes()
        assert ticked == [by_code(window.session.document)["3"]]  # the selected action's outcome
        dialog.label.setText("Group C")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(HandoutDialog, "exec", answered)
    page.actions["hand_out"].trigger()
    assert shown and target.exists()
    with WorkshopDocument.open(target, readonly=True) as handout:
        info = guard_handout(handout)
        assert info.label == "Group C" and info.outcomes == (by_code(handout)["3"],)
    assert "Group C.workshop" in window.statusBar().currentMessage()


def test_the_next_handout_is_offered_for_the_next_group_before_any_comes_back(window, demo_path, tmp_path, qtbot):
    with WorkshopDocument.open(demo_path) as document:
        write_handout(document, tmp_path / "a.workshop", outcome_ids(document, ["1"]), "Group A")
    window.open_file(demo_path)
    dialog = HandoutDialog(window.session, tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.label.text() == "Group B"  # Group A has its handout, though not merged yet


def test_a_handout_opens_with_its_banner_and_only_its_part_editable(window, group_b, errors):
    window.open_file(group_b)
    banner = window.workshop_view.handout_banner
    assert banner.isVisible()
    assert banner.text().startswith("Handout for Group B: Outcome 2 is yours to edit.")
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    assert not page.model.flags(find(page, "1.1.1").siblingAtColumn(COL_TITLE)) & Qt.ItemIsEditable
    assert page.model.flags(find(page, "2.1.3").siblingAtColumn(COL_TITLE)) & Qt.ItemIsEditable
    assert page.model.setData(find(page, "2.1.3").siblingAtColumn(COL_STATUS), "done")
    assert not page.actions["hand_out"].isEnabled() and not window.merge_action.isEnabled()


def test_merge_handouts_shows_changes_and_conflicts_then_merges_one_undo_step(window, demo_path, group_b,
                                                                              monkeypatch):
    window.open_file(demo_path)
    document = window.session.document
    plenary = by_code(document)["2.1.1"]
    whole = document.get("roadmap_node", plenary)["title"]
    window.session.perform(document.plan_update("roadmap_node", plenary, None, title="The plenary's wording"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(group_b)], ""))
    seen = {}

    def reviewed(dialog):
        seen["changes"] = dialog.changes.toPlainText()
        seen["rows"] = [[dialog.conflicts.item(0, column).text() for column in range(5)]]
        seen["header"] = dialog.conflicts.horizontalHeaderItem(4).text()
        dialog.conflicts.cellWidget(0, 5).setCurrentIndex(1)  # keep the group's title
        seen["after choice"] = dialog.changes.toPlainText()
        dialog.merge_button.click()
        return QDialog.Accepted

    monkeypatch.setattr(MergeDialog, "exec", reviewed)
    window.merge_action.trigger()
    assert "Action 2.1.2: status Proposed → Agreed" in seen["changes"]
    assert "title" not in seen["changes"].split("Action 2.1.1:")[-1].split("\n")[0]
    item, field, handed_out, workshop, group = seen["rows"][0]
    assert item.startswith("Action 2.1.1") and field == "title"
    assert len(whole) > 70 and handed_out == f"“{whole}”"  # whole, not cut as in a preview line
    assert (workshop, group) == ("“The plenary's wording”", "“Group B's wording”")
    assert seen["header"] == "Group B"
    assert "title “The plenary's wording” → “Group B's wording”" in seen["after choice"]
    codes = by_code(document)
    assert document.get("roadmap_node", codes["2.1.1"])["title"] == "Group B's wording"
    assert document.get("roadmap_node", codes["2.1.2"])["status"] == "agreed"
    assert window.session.undo_stack.undoText() == "Merge handout Group B"
    window.session.undo_stack.undo()
    assert document.get("roadmap_node", codes["2.1.1"])["title"] == "The plenary's wording"
    assert document.get("roadmap_node", codes["2.1.2"])["status"] == "proposed"


def test_merging_a_file_that_is_no_handout_changes_nothing(window, demo_path, tmp_path, qtbot):
    window.open_file(demo_path)
    other = tmp_path / "copy.workshop"
    other.write_bytes(demo_path.read_bytes())
    dialog = MergeDialog(window.session, [other], window)
    qtbot.addWidget(dialog)
    assert "copy.workshop: is not a handout" in dialog.heading.text()
    assert "Nothing was merged." in dialog.heading.text()
    assert not dialog.merge_button.isEnabled()
    assert window.session.undo_stack.count() == 0


def test_an_action_whose_output_the_workshop_deleted_can_be_brought_back_from_the_review(window, demo_path, group_b,
                                                                                        qtbot):
    from workshop_app.models.roadmap.editing import plan_delete_node

    window.open_file(demo_path)
    document = window.session.document
    output_title = document.get("roadmap_node", by_code(document)["2.1"])["title"]
    window.session.perform(plan_delete_node(document, by_code(document)["2.1"]))  # meanwhile, in plenary
    dialog = MergeDialog(window.session, [group_b], window)
    qtbot.addWidget(dialog)
    assert dialog.conflicts.rowCount() == 1
    item, field, _base, workshop, group = (dialog.conflicts.item(0, column).text() for column in range(5))
    assert item.startswith("Output 2.1 “") and field == ""
    assert (workshop, group) == ("deleted", "changed under it: action 2.1.1, action 2.1.2")
    dialog.conflicts.cellWidget(0, 5).setCurrentIndex(1)  # bring the group's work back
    assert "Added output 2.1:" in dialog.changes.toPlainText()
    dialog.merge_button.click()
    codes = by_code(document)
    assert document.get("roadmap_node", codes["2.1"])["title"] == output_title
    assert document.get("roadmap_node", codes["2.1.1"])["title"] == "Group B's wording"
    window.session.undo_stack.undo()  # one step takes the handout back: the output is deleted again
    assert output_title not in {row["title"] for row in document.rows("roadmap_node")}


def test_the_review_says_what_is_not_merged_and_merges_a_file_chosen_twice_once(window, demo_path, group_b, qtbot):
    import sqlite3

    with sqlite3.connect(group_b) as conn:  # by other means than the program: the agenda
        conn.execute("UPDATE session SET title = 'Long lunch' WHERE rowid = (SELECT min(rowid) FROM session)")
    window.open_file(demo_path)
    dialog = MergeDialog(window.session, [group_b, group_b], window)
    qtbot.addWidget(dialog)
    heading = dialog.heading.text()
    assert "Group B (Group B.workshop), 1 of 1." in heading
    assert "Group B.workshop was chosen more than once; it is merged once." in heading
    assert ("The handout also changes the agenda; those changes are not merged: handouts carry the road map "
            "only.") in heading
    dialog.merge_button.click()
    assert dialog.result() == QDialog.Accepted and window.session.undo_stack.count() == 1
    assert "Long lunch" not in {row["title"] for row in window.session.document.rows("session")}


def test_a_group_named_with_markup_and_an_ampersand_is_shown_as_typed(window, demo_path, tmp_path, qtbot):
    path = tmp_path / "R&D.workshop"
    with WorkshopDocument.open(demo_path) as document:
        write_handout(document, path, outcome_ids(document, ["2"]), "<b>R&D</b> group")
        document.apply(document.plan_update("roadmap_node", by_code(document)["2.1.1"], None, title="Plenary"))
    with WorkshopDocument.open(path) as handout:
        guard_handout(handout)
        handout.apply(handout.plan_update("roadmap_node", by_code(handout)["2.1.1"], None, title="=HYPERLINK(1)"))
    window.open_file(demo_path)
    dialog = MergeDialog(window.session, [path], window)
    qtbot.addWidget(dialog)
    assert dialog.conflicts_label.textFormat() == Qt.PlainText
    assert "the workshop and <b>R&D</b> group both changed it" in dialog.conflicts_label.text()
    assert dialog.merge_button.text() == "&Merge <b>R&&D</b> group"
    assert dialog.conflicts.item(0, 4).text() == "“=HYPERLINK(1)”"


def test_the_workshop_file_type_is_named_in_one_place(window, demo_path, monkeypatch):
    from pathlib import Path

    import workshop_app

    sources = Path(workshop_app.__file__).parent.rglob("*.py")
    assert sum(path.read_text(encoding="utf-8").count('"Workshop files (*.workshop);;All files (*)"')
               for path in sources) == 1
    window.open_file(demo_path)
    filters = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: filters.append(args[3]) or ([], ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: filters.append(args[3]) or ("", ""))
    window.merge_action.trigger()
    window.save_copy_action.trigger()
    assert filters == ["Workshop files (*.workshop);;All files (*)"] * 2


def test_two_handouts_merge_as_two_steps_that_undo_one_at_a_time(window, demo_path, group_b, tmp_path, qtbot):
    group_c = tmp_path / "Group C.workshop"
    with WorkshopDocument.open(demo_path) as document:
        write_handout(document, group_c, outcome_ids(document, ["3"]), "Group C")
    with WorkshopDocument.open(group_c) as handout:
        guard_handout(handout)
        handout.apply(handout.plan_update("roadmap_node", by_code(handout)["3.1.1"], None, title="Group C's wording"))
    window.open_file(demo_path)
    document = window.session.document
    dialog = MergeDialog(window.session, [group_b, group_c], window)
    qtbot.addWidget(dialog)
    dialog.merge_button.click()
    assert "Group C (Group C.workshop), 2 of 2." in dialog.heading.text()
    dialog.merge_button.click()
    stack = window.session.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Merge handout Group C"
    stack.undo()
    codes = by_code(document)
    assert document.get("roadmap_node", codes["3.1.1"])["title"] != "Group C's wording"
    assert document.get("roadmap_node", codes["2.1.1"])["title"] == "Group B's wording"
    assert stack.undoText() == "Merge handout Group B"
