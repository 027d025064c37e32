"""The window's language: chosen in Preferences, else asked for by the environment
(PATHFINDER_LANGUAGE), else the desktop's first language that the program speaks.

Our words come from the gettext catalogs (workshop_app.i18n); Qt's own (standard buttons, file
dialogs, context menus) from the qtbase catalogs that ship with Qt; Arabic mirrors the whole
window. The language is set before the window is built; a change in Preferences applies at
once (MainWindow.switch_language builds the menus and the pages again in the new words).

In a mirrored window, a phone number, a time range, a path or an English title placed among
Arabic words is reordered by the bidirectional algorithm ("+977 1 4422 100" shows as
"977 1 4422 100+", "09:00–10:30" as "10:30–09:00"). isolated() and left_to_right() set such a
piece apart with the Unicode isolates, which draw nothing.
"""

import os

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from workshop_app.i18n import catalogs
from workshop_app.i18n.languages import PSEUDO, code_of, first_spoken, is_right_to_left

_qt_translator: QTranslator | None = None

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"  # left-to-right isolate, first-strong isolate, pop


def window_language(chosen: str = "") -> str:
    if code_of(chosen):
        return code_of(chosen)
    asked = os.environ.get("PATHFINDER_LANGUAGE", "")
    if code_of(asked):
        return code_of(asked)
    return first_spoken(QLocale.system().uiLanguages())


# The Qt locale that writes dates and numbers in the date fields and number boxes as the exports
# write them (Babel's CLDR "ar"): Qt's plain "ar" is Egypt's, with Arabic-Indic digits, which the
# Maghreb's pathfinder countries (Mauritania, Morocco, Tunisia) do not use; "ar_001" is Modern
# Standard Arabic with the digits 0–9.
_QT_LOCALES = {"ar": "ar_001", PSEUDO: "en"}


def apply_language(app: QApplication, language: str) -> None:
    """Our catalogs, Qt's, the direction of the window and Qt's number formats, all in one language."""
    global _qt_translator
    catalogs.use(language)
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    if language not in ("en", PSEUDO):
        translator = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if translator.load(f"qtbase_{language}", folder):
            app.installTranslator(translator)
            _qt_translator = translator
    app.setLayoutDirection(Qt.RightToLeft if is_right_to_left(language) else Qt.LeftToRight)
    QLocale.setDefault(QLocale(_QT_LOCALES.get(language, language)))


def isolated(text: str) -> str:
    """`text` in its own direction, that of its first letter, whatever surrounds it: in a
    right-to-left window an English title keeps its closing bracket and its "…" at its end, a
    phone number or a time range (no letter: left to right) keeps its order. As it is in a
    left-to-right window."""
    if not text or not QGuiApplication.isRightToLeft():
        return text
    return f"{FSI}{text}{PDI}"


def left_to_right(text: str) -> str:
    """`text` left to right even when it holds Arabic letters: a path ("C:\\Users\\…",
    "/home/…/ورشة.workshop"), an e-mail address, a phone number, keys ("Ctrl+/"), a code."""
    if not text or not QGuiApplication.isRightToLeft():
        return text
    return f"{LRI}{text}{PDI}"
