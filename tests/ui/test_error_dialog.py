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
