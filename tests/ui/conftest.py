import pytest
from PySide6.QtCore import QSettings

from workshop_app.ui.app import create_application
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.settings import Settings


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))


@pytest.fixture
def errors(monkeypatch):
    """Error dialogs are recorded instead of shown (a modal dialog would stop the test run)."""
    shown = []
    monkeypatch.setattr(MainWindow, "show_error", lambda self, title, message: shown.append((title, message)))
    return shown


@pytest.fixture
def window(qtbot, settings, errors):
    create_application()
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
