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


@pytest.fixture
def export_dialog(monkeypatch, qtbot):
    """Export dialogs are answered as a user would: set the options (`choose`), type a file name
    (`name`, when given) and press Enter. A second dialog fails the test, except for the
    overwrite question, answered with `replace` and recorded in `questions`."""
    from types import SimpleNamespace

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from workshop_app.ui.dialogs.export import ExportDialog

    answers = SimpleNamespace(name=None, choose=None, replace=False, shown=[], questions=[], opened=[])

    def typed_and_entered(dialog):
        answers.shown.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        if answers.choose is not None:
            answers.choose(dialog)
        if answers.name is not None:
            dialog.file_name.clear()
            qtbot.keyClicks(dialog.file_name, str(answers.name))
        qtbot.keyClick(dialog.file_name, Qt.Key_Return)
        return dialog.result()

    def question(parent, title, text, buttons, default):
        answers.questions.append((title, text, default))
        return QMessageBox.Yes if answers.replace else QMessageBox.No

    def second_dialog(*args, **kwargs):
        pytest.fail("the export opened a second dialog")

    monkeypatch.setattr(ExportDialog, "exec", typed_and_entered)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", second_dialog)
    monkeypatch.setattr("workshop_app.ui.dialogs.export.open_with_system", answers.opened.append)
    return answers
