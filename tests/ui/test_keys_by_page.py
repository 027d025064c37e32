"""A page's keys work as soon as the page is shown, whatever has focus: a first-time user
clicks the navigation rail, then presses the key the toolbar's tooltip named."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workshop_app.ui.pages.agenda import AgendaPage
from workshop_app.ui.pages.roadmap import RoadmapPage


def click_rail(window, qtbot, label):
    rail = window.workshop_view.rail
    item = next(rail.item(row) for row in range(rail.count()) if rail.item(row).text() == label)
    qtbot.mouseClick(rail.viewport(), Qt.LeftButton, pos=rail.visualItemRect(item).center())


def press(qtbot, key, modifiers=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def test_agenda_keys_work_right_after_clicking_the_rail(window, demo_path, qtbot, monkeypatch):
    window.open_file(demo_path, page="overview")
    qtbot.waitExposed(window)
    click_rail(window, qtbot, "Agenda")
    page = window.workshop_view.page("agenda")
    assert QApplication.focusWidget() is page.tree  # the keyboard is in the agenda at once
    document = window.session.document
    sessions = document.count("session")
    press(qtbot, Qt.Key_F9)
    assert page.live.isVisible()
    window.workshop_view.rail.setFocus()  # even with the focus left on the rail
    press(qtbot, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    assert document.count("session") == sessions + 1
    press(qtbot, Qt.Key_Escape)  # leave the new session's title as it is
    window.workshop_view.rail.setFocus()
    press(qtbot, Qt.Key_Delete)
    assert document.count("session") == sessions
    asked = []
    monkeypatch.setattr(AgendaPage, "ask", lambda self, dialog: asked.append(type(dialog).__name__) or False)
    group = document.rows("session", "track = 'Group A'")[0]
    page.tree.setCurrentIndex(page.model.session_index(group["id"]))
    window.workshop_view.rail.setFocus()
    press(qtbot, Qt.Key_G, Qt.ControlModifier)
    assert asked == ["GroupsDialog"]


def test_road_map_keys_work_after_the_page_shortcut(window, demo_path, qtbot, monkeypatch):
    window.open_file(demo_path, page="overview")
    qtbot.waitExposed(window)
    press(qtbot, Qt.Key_4, Qt.ControlModifier)
    page = window.workshop_view.page("roadmap")
    assert window.workshop_view.current_page() == "roadmap" and QApplication.focusWidget() is page.tree
    asked = []
    monkeypatch.setattr(RoadmapPage, "ask", lambda self, dialog: asked.append(type(dialog).__name__) or False)
    press(qtbot, Qt.Key_K, Qt.ControlModifier)
    assert asked == ["CommentDialog"]


def test_delete_on_stakeholders_acts_on_the_tab_in_front(window, demo_path, qtbot):
    window.open_file(demo_path, page="overview")
    qtbot.waitExposed(window)
    click_rail(window, qtbot, "Stakeholders")
    page = window.workshop_view.page("stakeholders")
    assert QApplication.focusWidget() is page.participant_view
    page.participant_view.selectRow(0)
    people, organizations = window.session.document.count("participant"), window.session.document.count("organization")
    window.workshop_view.rail.setFocus()
    press(qtbot, Qt.Key_Delete)
    assert window.session.document.count("participant") == people - 1
    assert window.session.document.count("organization") == organizations


def test_a_right_click_offers_the_page_s_actions_on_the_row_under_the_pointer(window, demo_path, qtbot):
    window.open_file(demo_path, page="roadmap")
    page = window.workshop_view.page("roadmap")
    view = page.tree
    index = view.model().index(0, 0, view.model().index(0, 0))  # outcome 1, under the goal
    position = view.visualRect(index).center()
    menu = page.context_menu(view, [page.actions["child"], page.actions["delete"], None, page.actions["comment"]],
                             position)
    assert [action.text() for action in menu.actions() if not action.isSeparator()] == \
        ["Add below", "Delete", "Comment…"]
    assert view.currentIndex().siblingAtColumn(0) == index  # the menu acts on the row clicked
    assert not page.actions["child"].icon().isNull()


def test_every_table_and_tree_has_a_context_menu(window, demo_path):
    from PySide6.QtWidgets import QAbstractItemView

    window.open_file(demo_path)
    for key in ("stakeholders", "agenda", "roadmap"):
        page = window.workshop_view.page(key)
        main = [page.tree] if hasattr(page, "tree") else [page.participant_view, page.organization_view]
        assert all(view.contextMenuPolicy() == Qt.CustomContextMenu for view in main), key
        assert isinstance(main[0], QAbstractItemView)


def test_ctrl_enter_records_a_comment_while_enter_makes_a_new_line(window, demo_path, qtbot):
    from workshop_app.ui.dialogs.comment import CommentDialog

    window.open_file(demo_path)
    dialog = CommentDialog(window.session.document, "1.1.1 Legal gap analysis", window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "Add the provinces")
    qtbot.keyClick(dialog.text, Qt.Key_Return)
    assert dialog.isVisible() and dialog.text.toPlainText() == "Add the provinces\n"
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.text, Qt.Key_Return, Qt.ControlModifier)
