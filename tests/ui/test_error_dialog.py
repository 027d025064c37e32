"""An error nobody foresaw reaches the facilitator as one message naming the log, and the
program keeps running."""

import sys

from PySide6.QtWidgets import QMessageBox

from workshop_app.ui import error_dialog


def test_an_unexpected_error_is_shown_once_and_logged(qtbot, monkeypatch, isolated_user_folders):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install()
    try:
        raise KeyError("partners")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert len(shown) == 1
    text, informative = shown[0]
    assert "KeyError: 'partners'" in text
    log = isolated_user_folders / "data" / "Pathfinder Workshop" / "errors.log"
    assert str(log) in informative and "file is safe" in informative
    assert "KeyError: 'partners'" in log.read_text()


def test_a_value_a_model_cannot_show_costs_one_empty_cell(qtbot, window, demo_path, monkeypatch,
                                                           isolated_user_folders):
    """data() runs inside Qt: an exception there must not reach it, and is logged once."""
    from workshop_app.ui.item_models.guard import REPORTED
    from workshop_app.ui.item_models.roadmap import COL_TITLE

    window.open_file(demo_path)
    window.workshop_view.show_page("roadmap")
    model = window.workshop_view.page("roadmap").model

    def unreadable(node, column):
        raise TypeError("a value the model cannot show")

    monkeypatch.setattr(model, "_text", unreadable)
    REPORTED.clear()
    index = model.index(0, COL_TITLE)
    assert index.data() is None and index.data() is None
    log = (isolated_user_folders / "data" / "Pathfinder Workshop" / "errors.log").read_text()
    assert log.count("TypeError: a value the model cannot show") == 1
    window.workshop_view.page("roadmap").tree.viewport().repaint()  # painting goes on
