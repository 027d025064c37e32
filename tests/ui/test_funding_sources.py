"""An action's funding sources in the road map's details panel: added with the organization,
the amount typed the workshop's way and the year; removed; each one undo step; printed in the
plan's funding table."""

from PySide6.QtCore import Qt

from workshop_app.models.plan.funding import action_funding


def open_action(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    action = window.session.document.rows("roadmap_node", "level = 'action'", order_by="rowid")[1]  # 1.1.2
    page.select(action["id"])
    return page.details.funding, action


def test_a_funding_source_is_added_typed_and_undone(window, demo_path, qtbot):
    editor, action = open_action(window, demo_path)
    document = window.session.document
    assert action_funding(document, action["id"]) == [] and editor.list.count() == 0
    editor.source.setEditText("MoLESS")
    qtbot.keyClicks(editor.amount, "1,200,000")
    qtbot.keyClicks(editor.year, "2028")
    qtbot.keyClick(editor.year, Qt.Key_Return)
    found, = action_funding(document, action["id"])
    assert (found["name"], found["amount"], found["currency"], found["year"]) == ("MoLESS", 1_200_000, "NPR", 2028)
    assert editor.list.item(0).text().replace("\u2068", "").replace("\u2069", "").replace(
        "\u2066", "") == "MoLESS — 1,200,000 NPR — 2028"
    window.session.undo_stack.undo()
    assert action_funding(document, action["id"]) == [] and editor.list.count() == 0


def test_a_source_not_in_the_workshop_is_named_in_words_and_removed(window, demo_path, qtbot):
    editor, action = open_action(window, demo_path)
    document = window.session.document
    editor.source.setEditText("Provincial government budget")
    qtbot.keyClicks(editor.amount, "300000")
    qtbot.keyClick(editor.amount, Qt.Key_Return)
    found, = action_funding(document, action["id"])
    assert found["name"] == "Provincial government budget" and found["year"] is None
    editor.list.setCurrentRow(0)
    qtbot.mouseClick(editor.remove_button, Qt.LeftButton)
    assert action_funding(document, action["id"]) == []


def test_a_refused_amount_says_why_and_adds_nothing(window, demo_path, qtbot):
    editor, action = open_action(window, demo_path)
    editor.source.setEditText("MoLESS")
    qtbot.keyClicks(editor.amount, "lots")
    qtbot.keyClick(editor.amount, Qt.Key_Return)
    assert action_funding(window.session.document, action["id"]) == []
    page = window.workshop_view.page("roadmap")
    assert page.message.isVisible() and "lots" in page.message.text()
