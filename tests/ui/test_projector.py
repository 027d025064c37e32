"""The projector: what the room sees follows the facilitator, freezes, zooms, shows changes
since a version and the plenary comments."""

import pytest

from workshop_app.models.roadmap.versions import plan_freeze_version
from workshop_app.ui.item_models.roadmap import COL_STATUS
from workshop_app.ui.projector.window import ProjectorWindow


@pytest.fixture
def projector(window, demo_path, qtbot):
    window.open_file(demo_path)
    window.toggle_projector(True)
    projector = window.projector
    yield projector
    if window.projector is not None:
        window.projector.close()


def shown(projector) -> str:
    return projector.browser.toPlainText()


def test_projector_follows_the_road_map_selection_and_freezes(window, projector):
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    model = page.model
    codes = {code: node_id for node_id, code in model._codes.items()}
    page.tree.setCurrentIndex(model.index_of(codes["2.1.1"]))
    assert "Outcome 2" in shown(projector) and "2.1.1" in shown(projector)
    assert "Facilitator notes" not in shown(projector)  # nothing private on the wall
    projector.toggle_freeze()
    page.tree.setCurrentIndex(model.index_of(codes["3.1.1"]))
    assert "Outcome 2" in shown(projector)
    projector.toggle_freeze()
    page.tree.setCurrentIndex(model.index_of(codes["3.1.2"]))
    assert "Outcome 3" in shown(projector)


def test_an_edit_shows_on_the_projector_at_once(window, projector):
    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    codes = {code: node_id for node_id, code in page.model._codes.items()}
    page.tree.setCurrentIndex(page.model.index_of(codes["1.1.1"]))
    page.model.setData(page.model.index_of(codes["1.1.1"], COL_STATUS), "done")
    assert "Done" in shown(projector)


def test_agenda_page_shows_now_and_next(window, projector):
    import datetime as dt

    projector.clock = lambda: dt.datetime(2027, 3, 9, 10, 20)
    window.workshop_view.show_page("agenda")
    assert "Now" in shown(projector) and "minutes left" in shown(projector)


def test_zoom_and_themes_change_the_type(projector, qtbot):
    projector.resize(1920, 1080)
    size = projector.pixel_size()
    assert size >= 28  # body text at least 28 px on a 1080-line screen
    projector.set_zoom(projector.zoom * 1.15)
    assert projector.pixel_size() > size
    for theme in ("dark", "contrast", "light"):
        projector.set_theme(theme)
        assert projector.theme == theme


def test_changes_since_a_version_mark_exactly_the_differences(window, projector, monkeypatch):
    document = window.session.document
    window.session.perform(plan_freeze_version(document, "Start of day 3"))
    action = document.rows("roadmap_node", "level = 'action'", order_by="position")[0]
    window.session.perform(document.plan_update("roadmap_node", action["id"], status="done"))
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: ("Start of day 3", True))
    window.show_changes_since()
    text = shown(projector)
    assert "Changes since" in text and "Done" in text
    html = projector.browser.toHtml()
    assert "line-through" in html or "<s>" in html
    assert text.count("→") == 1  # exactly one changed field


def test_comments_recorded_on_the_road_map_show_on_the_projector(window, projector, monkeypatch):
    from workshop_app.ui.pages.roadmap import RoadmapPage

    window.workshop_view.show_page("roadmap")
    page = window.workshop_view.page("roadmap")
    codes = {code: node_id for node_id, code in page.model._codes.items()}
    page.tree.setCurrentIndex(page.model.index_of(codes["1.2.1"]))

    def fill(self, dialog):
        dialog.text.setPlainText("Include the informal economy explicitly")
        return True

    monkeypatch.setattr(RoadmapPage, "ask", fill)
    page.record_comment()
    assert page.details.comments.count() == 1
    projector.toggle_comments()
    assert "Include the informal economy explicitly" in shown(projector)
    window.session.undo_stack.undo()
    assert page.details.comments.count() == 0


def test_screenshot_of_the_projector(demo_path, tmp_path, capsys):
    from PySide6.QtGui import QImage

    from workshop_app.cli import main

    for size in ("1920x1080", "1280x720"):
        png = tmp_path / f"projector-{size}.png"
        assert main(["open", str(demo_path), "--page", "projector", "--screenshot", str(png), "--size", size]) == 0
        image = QImage(str(png))
        assert f"{image.width()}x{image.height()}" == size
    assert ProjectorWindow is not None


def test_the_chosen_projector_screen_is_remembered(window, projector, settings):
    from PySide6.QtWidgets import QApplication

    window._fill_screen_menu()
    names = [action.text() for action in window.screen_menu.actions()]
    assert len(names) == len(QApplication.screens())
    window.screen_menu.actions()[0].trigger()
    assert settings.projector_screen() == QApplication.screens()[0].name()
    assert window.projector is not None and window.projector.isVisible()


def test_the_keys_are_named_briefly_then_leave_the_room_s_screen(qtbot, demo_path):
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.ui.projector.window import ProjectorWindow

    with WorkshopDocument.open(demo_path, readonly=True) as document:
        projector = ProjectorWindow()
        qtbot.addWidget(projector)
        projector.set_document(document)
        projector.show()
        assert "Esc close" in projector.strip.text()
        projector.hints_timer.timeout.emit()  # the few seconds pass
        assert projector.strip.isHidden()
        projector.toggle_freeze()  # frozen: the mark stays, the keys do not
        assert projector.strip.text() == "❄ frozen" and projector.strip.isVisible()
        projector.show_hints()  # H or ?
        assert "Esc close" in projector.strip.text()
        projector.close()
