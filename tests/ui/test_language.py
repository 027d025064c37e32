"""The window in French, Spanish and Arabic: our words from the catalogs, Qt's own from its
catalogs, Arabic mirrored; the choice in Preferences kept for the next start."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from workshop_app.ui.app import create_application
from workshop_app.ui.dialogs.preferences import PreferencesDialog
from workshop_app.ui.language import apply_language, window_language
from workshop_app.ui.main_window import MainWindow


@pytest.fixture
def in_language(qtbot, settings, errors):
    """A window built in a language; the application goes back to English afterwards."""
    windows = []

    def build(language: str) -> MainWindow:
        app = create_application(language=language)
        assert QApplication.instance() is app
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
    apply_language(QApplication.instance(), "en")


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def rail_texts(window) -> list[str]:
    rail = window.workshop_view.rail
    return [rail.item(index).text() for index in range(rail.count())]


@pytest.mark.parametrize(("language", "file_menu", "road_map"), [
    ("fr", "&Fichier", "Feuille de route"), ("es", "&Archivo", "Hoja de ruta"), ("ar", "&ملف", "خارطة الطريق")])
def test_menus_pages_and_qt_buttons_speak_the_language(in_language, demo_path, language, file_menu, road_map):
    window = in_language(language)
    window.open_file(demo_path)
    assert menu_titles(window)[0] == file_menu
    assert road_map in rail_texts(window)
    box = QDialogButtonBox(QDialogButtonBox.Cancel)
    assert box.button(QDialogButtonBox.Cancel).text() not in ("&Cancel", "Cancel")  # Qt's own catalog
    assert window.isRightToLeft() == (language == "ar")
    assert QApplication.layoutDirection() == (Qt.RightToLeft if language == "ar" else Qt.LeftToRight)


def test_english_comes_back(in_language):
    in_language("fr")
    window = in_language("en")
    assert menu_titles(window)[0] == "&File" and not window.isRightToLeft()


def test_the_environment_or_the_desktop_chooses_when_preferences_do_not(monkeypatch):
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "es")
    assert window_language("") == "es" and window_language("ar") == "ar"
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "de")  # not one of ours: the desktop's, else English
    assert window_language("") in ("en", "fr", "es", "ar")


def test_preferences_keep_the_language_for_the_next_start(qtbot, settings, monkeypatch):
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.currentData() == "" and dialog.language.itemText(0).startswith("As the desktop")
    assert [dialog.language.itemText(index) for index in range(1, 5)] == ["English", "Français", "Español",
                                                                            "العربية"]
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    dialog.accept()
    assert settings.language() == "es"
    assert window_language(settings.language()) == "es"


def test_a_message_box_of_ours_is_translated(in_language, demo_path, monkeypatch):
    window = in_language("fr")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or QMessageBox.Ok)
    from workshop_app.export.unprintable import Unprintable
    from workshop_app.ui.dialogs.unprintable import message_box

    box = message_box("feuilles.pdf", [Unprintable("participant « 王 »", "nom", "王")], window)
    assert "feuilles.pdf" in box.text() and "was written" not in box.text()


@pytest.mark.parametrize(("language", "nepal", "morocco"), [
    ("fr", "Népal", "Maroc"), ("es", "Nepal", "Marruecos"), ("ar", "نيبال", "المغرب")])
def test_the_country_picker_names_countries_in_the_language(in_language, demo_path, language, nepal, morocco):
    window = in_language(language)
    window.open_file(demo_path)
    combo = window.workshop_view.page("overview").country_combo
    assert combo.currentText().startswith(nepal)
    names = [combo.itemText(row) for row in range(combo.count())]
    assert morocco in names and "Morocco" not in names


def test_arabic_date_fields_write_the_digits_the_exports_use(in_language, demo_path):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    from workshop_app.export.words import Words

    in_language("ar")
    field = QDateEdit(QDate(2027, 3, 9))
    assert "2027" in field.text() and "٢" not in field.text()
    assert "2027" in Words("ar").long_date("2027-03-09")


def test_a_language_chosen_in_preferences_shows_at_once_and_keeps_the_work(in_language, demo_path, qtbot,
                                                                            monkeypatch):
    from workshop_app.ui.dialogs import preferences

    window = in_language("en")
    window.open_file(demo_path)
    window.workshop_view.show_page("roadmap")
    session = window.session
    overview_title = session.document.workshop()["title"]
    session.perform(session.document.plan_update("workshop", session.document.workshop()["id"], title="Atelier"))

    def choose_french(dialog):
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        dialog.accept()
        return True

    monkeypatch.setattr(preferences.PreferencesDialog, "exec", choose_french)
    window.preferences_action.trigger()
    assert menu_titles(window)[0] == "&Fichier" and "Feuille de route" in rail_texts(window)
    assert window.workshop_view.current_page() == "roadmap"
    assert window.session is session and session.undo_stack.canUndo()
    # The menus were built again, not added to: one File menu, and Ctrl+Z still undoes.
    assert menu_titles(window).count("&Fichier") == 1
    undo = next(action for action in window.edit_menu.actions() if action.shortcut() == QKeySequence.Undo)
    undo.trigger()
    assert session.document.workshop()["title"] == overview_title

    monkeypatch.setattr(preferences.PreferencesDialog, "exec", lambda dialog: (
        dialog.language.setCurrentIndex(dialog.language.findData("ar")), dialog.accept(), True)[-1])
    window.preferences_action.trigger()
    assert window.isRightToLeft() and menu_titles(window)[0] == "&ملف"


def test_a_participant_s_language_is_named_in_the_window_s_language(in_language, demo_path):
    window = in_language("fr")
    window.open_file(demo_path)
    window.workshop_view.show_page("stakeholders")
    model = window.workshop_view.page("stakeholders").participants
    shown = {model.data(model.index(row, model.COL_LANGUAGE)) for row in range(model.rowCount())}
    assert {"népalais", "anglais"} <= shown and "ne" not in shown
    assert model.data(model.index(0, model.COL_LANGUAGE), Qt.EditRole) in ("en", "ne", "")
