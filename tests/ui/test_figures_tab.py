"""Participation figures and the power/interest grid on the Stakeholders page."""

import pytest
from PySide6.QtCore import QPoint, Qt

from workshop_app.models.stakeholders.organizations import assessments


@pytest.fixture
def figures(window, demo_path):
    window.open_file(demo_path)
    window.workshop_view.show_page("stakeholders")
    page = window.workshop_view.page("stakeholders")
    page.tabs.setCurrentWidget(page.figures)
    page.figures.grid.resize(900, 560)
    return page.figures


def test_figures_show_the_share_and_warn_under_the_minimum(figures):
    assert "41%" in figures.headline.text()
    assert figures.warning.isHidden()
    figures.women_share_minimum = 0.5
    figures.reload()
    assert not figures.warning.isHidden() and "50%" in figures.warning.text()
    categories = figures.charts["category"].groups
    assert sum(group.total for group in categories) == 122


def test_dragging_an_organization_sets_its_scores_and_undo_puts_it_back(figures, window, qtbot):
    grid = figures.grid
    organization = grid.organizations[0]
    start = grid.chip_rect(organization["id"]).center().toPoint()
    target = grid.cell_rect(1, 5).center().toPoint()  # low influence, high interest
    qtbot.mousePress(grid, Qt.LeftButton, pos=start)
    qtbot.mouseMove(grid, target)
    qtbot.mouseRelease(grid, Qt.LeftButton, pos=target)
    moved = next(o for o in assessments(window.session.document) if o["id"] == organization["id"])
    assert (moved["influence"], moved["interest"]) == (1, 5)
    assert window.session.undo_stack.undoText().startswith("Move ")
    window.session.undo_stack.undo()
    back = next(o for o in assessments(window.session.document) if o["id"] == organization["id"])
    assert (back["influence"], back["interest"]) == (organization["influence"], organization["interest"])


def test_arrow_keys_move_the_selected_organization(figures, window, qtbot):
    grid = figures.grid
    organization = next(o for o in grid.organizations if o["influence"] and o["influence"] < 5)
    qtbot.mouseClick(grid, Qt.LeftButton, pos=grid.chip_rect(organization["id"]).center().toPoint())
    qtbot.keyClick(grid, Qt.Key_Up)
    moved = next(o for o in assessments(window.session.document) if o["id"] == organization["id"])
    assert moved["influence"] == organization["influence"] + 1
    assert grid.cell_at(QPoint(-5, -5)) is None


def test_preferences_set_the_minimum_and_it_is_remembered(figures, window, settings, monkeypatch):
    from workshop_app.ui.dialogs.preferences import PreferencesDialog

    def choose_45_percent(dialog):
        dialog.women_share.setValue(45)
        dialog.accept()
        return True

    monkeypatch.setattr(PreferencesDialog, "exec", choose_45_percent)
    window.show_preferences()
    assert settings.women_share_minimum() == 0.45
    page = window.workshop_view.page("stakeholders")
    assert page.figures.women_share_minimum == 0.45
    assert not page.figures.warning.isHidden()
