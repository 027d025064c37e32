"""The window follows a light or dark desktop, or the look chosen in Preferences; every colour
comes from one palette, so text that says something stays readable on both."""

import pytest
from PySide6.QtGui import QGuiApplication

from workshop_app.ui import palette
from workshop_app.ui.dialogs.preferences import PreferencesDialog
from workshop_app.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def light_again():
    yield
    palette.apply_theme("light")  # the palette belongs to the whole application


def lightness(role) -> int:
    return QGuiApplication.palette().color(role).lightness()


def test_dark_chosen_in_preferences_darkens_the_window_and_its_tones(window, demo_path, settings, monkeypatch):
    from PySide6.QtGui import QPalette

    window.open_file(demo_path)
    assert lightness(QPalette.Window) > 128
    light_error = palette.colour("error")
    dialog = PreferencesDialog(settings, window)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: dialog.accept() or True)
    window.show_preferences()
    assert settings.theme() == "dark" and palette.current_theme() == "dark"
    assert lightness(QPalette.Window) < 80 and lightness(QPalette.Text) > 180
    assert palette.colour("error").lightness() > light_error.lightness()  # readable on a dark ground
    window.workshop_view.show_page("agenda")
    live = window.workshop_view.page("agenda").live
    assert palette.colour("panel").name() in live.styleSheet()  # the live panel's tint follows
    assert QGuiApplication.instance().styleSheet() == ""  # no style sheet slows every widget


def test_the_chosen_look_is_applied_when_the_window_opens(qtbot, settings):
    from PySide6.QtGui import QPalette

    settings.set_theme("dark")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert lightness(QPalette.Base) < 80
    window.close()


def test_a_tone_follows_the_theme(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel("Below the minimum")
    qtbot.addWidget(label)
    palette.set_tone(label, "error")
    palette.apply_theme("light")
    label.ensurePolished()
    light = label.palette().color(label.foregroundRole()).name()
    palette.apply_theme("dark")
    label.ensurePolished()
    assert label.palette().color(label.foregroundRole()).name() != light


def test_the_navigation_rail_darkens_with_the_window(window, demo_path):
    from PySide6.QtGui import QPalette

    window.open_file(demo_path)
    rail = window.workshop_view.rail
    palette.apply_theme("dark")
    image = rail.grab().toImage()
    ground = image.pixelColor(rail.width() // 2, rail.height() - 5)  # below the pages' icons
    assert ground.lightness() < 80, ground.name()
    assert abs(ground.lightness() - QGuiApplication.palette().color(QPalette.Window).lightness()) < 10
