"""Open Read-Only: File › Open Read-Only…, and the offer when a file is held by another window
or cannot be written. Nothing can be edited, the banner says why, and Save a Copy As… gives an
editable copy."""

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from workshop_app.models.document import WorkshopDocument
from workshop_app.ui.read_only import actions
from workshop_app.ui.read_only.reasons import by_choice


def menu_action(window, menu_title: str, text: str):
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == menu_title)
    return next(action for action in menu.actions() if action.text() == text)


def folder_state(path: Path) -> dict:
    return {entry.name: (entry.read_bytes(), entry.stat().st_mtime_ns) for entry in path.parent.iterdir()}


@pytest.fixture
def offers(monkeypatch):
    """The offer to open read-only, answered `answer` (Open Read-Only by default) and recorded."""
    from types import SimpleNamespace

    answers = SimpleNamespace(asked=[], answer=True)

    def ask(parent, question):
        answers.asked.append(question)
        return answers.answer

    monkeypatch.setattr(actions, "ask", ask)
    return answers


def test_open_read_only_from_the_file_menu_edits_nothing_and_says_why(window, demo_path, qtbot, monkeypatch):
    before = folder_state(demo_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(demo_path), ""))
    menu_action(window, "&File", "Open Read-On&ly…").trigger()

    assert window.session is not None and window.session.document.readonly
    assert "(read-only)" in window.windowTitle()
    banner = window.workshop_view.read_only_banner
    assert banner.isVisible() and "you opened this workshop read-only" in banner.text.text()
    for action in (window.import_action, window.import_workbook_action, window.hand_out_action, window.merge_action,
                   window.share_action):
        assert not action.isEnabled(), action.text()
    assert window.share_package_action.isEnabled() and window.save_copy_action.isEnabled()

    # Typing over the title changes nothing: the field takes no typing, and nothing reaches the file.
    overview = window.workshop_view.page("overview")
    title = overview.title_edit.text()
    overview.title_edit.setFocus()
    qtbot.keyClicks(overview.title_edit, "Changed")
    qtbot.keyClick(overview.title_edit, Qt.Key_Return)
    assert overview.title_edit.text() == title and overview.title_edit.isReadOnly()
    assert not overview.country_combo.isEnabled() and overview.description_edit.isReadOnly()
    assert not overview.checklist.isVisible()
    # An edit that gets through anyway (a shortcut, a slip) is refused and the undo stack stays empty.
    document = window.session.document
    assert window.session.perform(document.plan_update("workshop", document.workshop()["id"], title="Slip")) is None
    assert window.session.undo_stack.count() == 0
    assert not any(action.isEnabled() for action in window._undo_actions)

    # Every page, its toolbar and its in-place editing.
    for key in ("agenda", "roadmap"):
        window.workshop_view.show_page(key)
        page = window.workshop_view.page(key)
        assert not any(action.isEnabled() for name, action in page.actions.items() if name != "live"), key
    window.workshop_view.show_page("stakeholders")
    stakeholders = window.workshop_view.page("stakeholders")
    assert not stakeholders.add_participant_action.isEnabled() and not stakeholders.merge_action.isEnabled()
    roadmap = window.workshop_view.page("roadmap").model
    outcome = roadmap.index(0, 0, roadmap.index(0, 0))
    assert not roadmap.flags(roadmap.index(0, 1, outcome)) & Qt.ItemIsEditable
    assert not roadmap.canDropMimeData(roadmap.mimeData([outcome]), Qt.MoveAction, 0, 0, roadmap.index(0, 0))
    people = stakeholders.participant_view.model()
    assert not people.flags(people.index(0, 0)) & Qt.ItemIsEditable
    stakeholders.tabs.setCurrentWidget(stakeholders.figures)  # the power/interest grid: chips do not move
    grid = stakeholders.figures.grid
    moves = []
    grid.moved.connect(lambda *move: moves.append(move))
    chip = next(iter(grid._chips.values())).center()
    qtbot.mousePress(grid, Qt.LeftButton, pos=chip.toPoint())
    qtbot.mouseRelease(grid, Qt.LeftButton, pos=chip.toPoint() + grid.rect().center() / 4)
    assert moves == []

    window.close_workshop()
    assert folder_state(demo_path) == before  # the bytes, the time, no journal left beside it


def test_save_a_copy_from_the_banner_opens_an_editable_copy(window, demo_path, tmp_path, qtbot, monkeypatch):
    window.open_file(demo_path, readonly=True, why=by_choice())
    target = tmp_path / "editable"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(window.workshop_view.read_only_banner.save_copy_button, Qt.LeftButton)

    copy = Path(f"{target}.workshop")
    assert window.session.document.path == copy and not window.session.document.readonly
    assert not window.workshop_view.read_only_banner.isVisible()
    assert window.import_action.isEnabled() and "(read-only)" not in window.windowTitle()
    overview = window.workshop_view.page("overview")
    overview.title_edit.selectAll()
    qtbot.keyClicks(overview.title_edit, "Edited copy")
    qtbot.keyClick(overview.title_edit, Qt.Key_Return)
    window.close_workshop()
    with WorkshopDocument.open(copy, readonly=True) as document:
        assert document.workshop()["title"] == "Edited copy"
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        assert document.workshop()["title"] != "Edited copy"


def test_a_file_open_in_another_window_is_offered_read_only(window, demo_path, offers, errors):
    with WorkshopDocument.open(demo_path) as elsewhere:
        assert window.open_file(demo_path)
        assert len(offers.asked) == 1 and "is open elsewhere" in offers.asked[0] and demo_path.name in offers.asked[0]
        assert window.session.document.readonly and not errors
        assert "open in another Pathfinder Workshop window" in window.workshop_view.read_only_banner.text.text()
        assert window.session.document.count("participant") == elsewhere.count("participant")
        window.close_workshop()

        offers.answer = False  # Cancel: nothing opens, and nothing more is said
        assert not window.open_file(demo_path)
        assert window.session is None and not errors


def test_a_read_only_file_is_offered_read_only(window, demo_path, offers):
    os.chmod(demo_path, stat.S_IRUSR)
    try:
        assert window.open_file(demo_path)
        assert "read-only disk" in offers.asked[0]
        assert "read-only disk or folder" in window.workshop_view.read_only_banner.text.text()
    finally:
        window.close_workshop()
        os.chmod(demo_path, stat.S_IRUSR | stat.S_IWUSR)


def test_a_damaged_file_is_not_offered_read_only(window, tmp_path, offers, errors):
    junk = tmp_path / "junk.workshop"
    junk.write_bytes(b"SQLite format 3\x00" + bytes(200))
    assert not window.open_file(junk)
    assert offers.asked == [] and errors and errors[0][0] == "Cannot open the workshop"


def test_the_banner_follows_a_change_of_language(window, demo_path):
    window.open_file(demo_path, readonly=True, why=by_choice())
    window.switch_language("fr")
    try:
        banner = window.workshop_view.read_only_banner
        assert banner.isVisible() and banner.text.text()
    finally:
        window.switch_language("en")
    assert "you opened this workshop read-only" in window.workshop_view.read_only_banner.text.text()
