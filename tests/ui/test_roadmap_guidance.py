"""The road map on a laptop screen: the details panel fits without side scrolling and no label
is cut; an empty road map says how to start; the goal's heading reads "Goal: ..."."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel


def select_first(page, window, level):
    node_id = window.session.document.rows("roadmap_node", "level = ?", [level])[0]["id"]
    page.select(node_id)
    return node_id


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)])
def test_the_details_of_an_action_fit_a_laptop_screen(window, demo_path, qtbot, size):
    window.resize(*size)
    window.open_file(demo_path)
    qtbot.mouseClick(window.workshop_view.rail.viewport(), Qt.LeftButton,
                     pos=window.workshop_view.rail.visualItemRect(window.workshop_view.rail.item(3)).center())
    page = window.workshop_view.page("roadmap")
    assert page.isVisible()
    select_first(page, window, "action")
    qtbot.wait(10)
    details = page.details
    assert details.widget().isEnabled() and details.action_widgets.isVisible()
    assert not details.horizontalScrollBar().isVisible()
    assert details.widget().width() <= details.viewport().width()
    for label in details.widget().findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():  # wrapped: all its lines fit in its height
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
        else:
            assert label.sizeHint().width() <= label.width(), label.text()
    for box in details.widget().findChildren(QCheckBox):
        if box.isVisible():
            assert box.sizeHint().width() <= box.width(), box.text()
    assert details.width() >= 300  # the splitter gives the panel its share of the window


def test_an_empty_road_map_offers_to_add_the_goal(window, workshop_path, qtbot):
    window.open_file(workshop_path)
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    assert page.empty.isVisible() and not page.tree.isVisible()
    assert not page.totals.isVisible()  # no "Whole road map: –"
    qtbot.mouseClick(page.empty.buttons[0], Qt.LeftButton)
    assert page.empty.buttons[0].text() == "Add the goal"
    assert page.tree.isVisible() and page.model.rowCount() == 1
    page.tree.closePersistentEditor(page.tree.currentIndex())
    assert page.details.heading.text().startswith("Goal: ")
    assert page.totals.text() == "No costs yet"


def test_toolbar_buttons_that_open_a_dialog_end_with_an_ellipsis(window, workshop_path):
    window.open_file(workshop_path)
    for key in ("agenda", "roadmap"):
        window.workshop_view.show_page(key)
        page = window.workshop_view.page(key)
        shown = {action.text(): action.iconText() for action in page.actions.values()}
        assert all(text == icon_text for text, icon_text in shown.items())
    assert window.workshop_view.page("roadmap").actions["versions"].iconText() == "Versions…"
    window.workshop_view.show_page("stakeholders")
    assert window.workshop_view.page("stakeholders").merge_action.iconText() == "Merge…"
