"""Every colour the window uses, for a light and a dark desktop, in one place.

Widgets never name a colour: they give a label a tone (`set_tone(label, "error")`), a framed
panel its look (`style_panel`), and item models ask `colour("error")` when Qt asks them for a
brush. Changing the theme (Preferences, or the desktop switching to dark while "System" is
chosen) replaces the application's palette and repaints every toned widget and panel.

Tones are widget palettes, not an application style sheet: a style sheet on the application
puts every widget of the window through Qt's style-sheet machinery, which doubled the time the
pages took to build and lay out (measured on the test suite).
"""

import weakref

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

THEMES = ("system", "light", "dark")

# Tones: text that says something (an error, a warning, a success) and quieter text.
_TONES = {
    "light": {"error": "#b00020", "warning": "#8a4b00", "success": "#1b5e20", "muted": "#6b6b6b",
              "accent": "#1f4e79", "panel": "#eef5fb", "panel_border": "#9cc3e5", "grid_line": "#555555"},
    "dark": {"error": "#ff8a80", "warning": "#ffcc80", "success": "#a5d6a7", "muted": "#a8a8a8",
             "accent": "#90caf9", "panel": "#1f2b38", "panel_border": "#3d5a75", "grid_line": "#bbbbbb"},
}
# The power-interest grid's four quadrants: keep satisfied, manage closely, monitor, keep informed.
_QUADRANTS = {
    "light": ("#fff4e0", "#fde2e1", "#f2f2f2", "#e3f1fb"),
    "dark": ("#3a3020", "#3d2626", "#2e2e2e", "#1e3040"),
}
# Participants by sex: the Okabe-Ito colours, told apart by every kind of colour vision, on
# light and dark backgrounds alike.
SEX_COLOURS = {"female": "#E69F00", "male": "#0072B2", "other": "#009E73", "not_stated": "#BBBBBB"}

# The projector's own themes, chosen with T on the projector: the room's screen, whatever the
# facilitator's desktop looks like.
PROJECTOR_THEMES = {
    "light": {"background": "#ffffff", "text": "#1a1a1a", "muted": "#666666", "accent": "#1f4e79",
              "mark": "#fff2a8", "selected": "#e3f1fb", "rule": "#cccccc"},
    "dark": {"background": "#14181f", "text": "#f2f2f2", "muted": "#a0a8b0", "accent": "#8cc4f0",
             "mark": "#5a4b00", "selected": "#23364a", "rule": "#3a4350"},
    "contrast": {"background": "#000000", "text": "#ffffff", "muted": "#ffff00", "accent": "#00ffff",
                 "mark": "#0000aa", "selected": "#333333", "rule": "#ffffff"},
}

_current = "light"


def colour(tone: str) -> QColor:
    return QColor(_TONES[_current][tone])


def quadrant_colours() -> tuple[QColor, ...]:
    return tuple(QColor(value) for value in _QUADRANTS[_current])


_toned: "weakref.WeakKeyDictionary[QWidget, str]" = weakref.WeakKeyDictionary()
_panels: "weakref.WeakKeyDictionary[QWidget, str]" = weakref.WeakKeyDictionary()


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give a label or a button the colour of a tone (None: the normal text colour)."""
    if tone:
        _toned[widget] = tone
    else:
        _toned.pop(widget, None)
    _paint_tone(widget, tone)


def style_panel(widget: QWidget, rules: str = "") -> None:
    """A framed, tinted panel (the live agenda's), with more style rules of its own."""
    _panels[widget] = rules
    _paint_panel(widget, rules)


def _paint_tone(widget: QWidget, tone: str | None) -> None:
    palette = QPalette()  # only the roles set here: the rest still comes from the window
    if tone:
        for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
            palette.setColor(role, colour(tone))
    widget.setPalette(palette)


def _paint_panel(widget: QWidget, rules: str) -> None:
    tones = _TONES[_current]
    widget.setStyleSheet(f"#{widget.objectName()} {{ background: {tones['panel']}; "
                         f"border: 1px solid {tones['panel_border']}; border-radius: 6px; }} {rules}")


def effective_theme(choice: str) -> str:
    """"light" or "dark": what "system" means on this desktop now."""
    if choice in ("light", "dark"):
        return choice
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def apply_theme(choice: str) -> str:
    """Set the palette and the style sheet of the application for a theme choice; returns the
    theme in effect."""
    global _current
    app = QApplication.instance()
    _current = effective_theme(choice)
    app.setPalette(_dark_palette() if _current == "dark" else app.style().standardPalette())
    for registry, paint in ((_toned, _paint_tone), (_panels, _paint_panel)):
        for widget, how in list(registry.items()):
            if isValid(widget):
                paint(widget, how)
            else:  # closed since: Qt deleted it, its Python side lingers
                registry.pop(widget, None)
    _resolve_style_sheets_again()
    return _current


def _resolve_style_sheets_again() -> None:
    """A style sheet reads palette(window) once, when it is set: set again, it reads the new
    palette (the navigation rail stayed light in a dark window without this)."""
    for widget in QApplication.allWidgets():
        sheet = widget.styleSheet()
        if "palette(" in sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)


def current_theme() -> str:
    return _current


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.Window: "#2b2b2b", QPalette.WindowText: "#e6e6e6", QPalette.Base: "#1e1e1e",
        QPalette.AlternateBase: "#262626", QPalette.ToolTipBase: "#3a3a3a", QPalette.ToolTipText: "#e6e6e6",
        QPalette.PlaceholderText: "#8c8c8c", QPalette.Text: "#e6e6e6", QPalette.Button: "#353535",
        QPalette.ButtonText: "#e6e6e6", QPalette.BrightText: "#ff8a80", QPalette.Light: "#4a4a4a",
        QPalette.Midlight: "#3e3e3e", QPalette.Mid: "#5a5a5a", QPalette.Dark: "#1a1a1a", QPalette.Shadow: "#000000",
        QPalette.Highlight: "#3d7ab8", QPalette.HighlightedText: "#ffffff", QPalette.Link: "#90caf9",
        QPalette.LinkVisited: "#ce93d8",
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, QColor("#7a7a7a"))
    return palette
