"""Icons for the toolbars, context menus and menus: glyphs of the Phosphor icon font (MIT
licence, in resources/licences) as the qtawesome package ships it.

The glyphs are drawn here rather than through qtawesome's own API: importing qtawesome imports
qtpy, which star-imports every Qt class and adds about a quarter of a second to each start of
the program. Drawing at paint time also gives the icons the colour of the current palette (a
dark desktop gets light icons), and icons that point along the reading direction (back, forward)
are mirrored in a right-to-left window, as Arabic readers expect.
"""

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from workshop_app.resources import resources_dir

_FONT = "phosphor-1.3.0.ttf"
_NAMES = "phosphor-charmap-1.3.0.json"


@cache
def _font_folder() -> Path | None:
    bundled = resources_dir() / "icons" / "phosphor"  # where the one-folder bundle puts them
    if (bundled / _FONT).is_file():
        return bundled
    spec = importlib.util.find_spec("qtawesome")  # found, never imported (see the docstring)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(spec.submodule_search_locations[0]) / "fonts"


@cache
def _family() -> str | None:
    folder = _font_folder()
    if folder is None:
        return None
    font_id = QFontDatabase.addApplicationFont(str(folder / _FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


@cache
def _code_points() -> dict[str, int]:
    folder = _font_folder()
    try:
        names = json.loads((folder / _NAMES).read_text(encoding="utf-8")) if folder else {}
    except (OSError, ValueError):
        return {}
    return {name: int(code, 16) if isinstance(code, str) else int(code) for name, code in names.items()}


class _GlyphEngine(QIconEngine):
    def __init__(self, character: str, mirrored: bool):
        super().__init__()
        self.character = character
        self.mirrored = mirrored
        self._drawn: dict[tuple, QPixmap] = {}  # a toolbar repaints often; a glyph is drawn once

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        family = _family()
        if family is None:
            return
        palette = QGuiApplication.palette()
        group = QPalette.Disabled if mode == QIcon.Disabled else QPalette.Active
        role = QPalette.HighlightedText if mode == QIcon.Selected else QPalette.ButtonText
        font = QFont(family)
        font.setPixelSize(max(8, round(rect.height() * 0.92)))
        painter.save()
        painter.setRenderHint(QPainter.TextAntialiasing)
        painter.setFont(font)
        painter.setPen(palette.color(group, role))
        if self.mirrored and QGuiApplication.layoutDirection() == Qt.RightToLeft:
            painter.translate(rect.x() * 2 + rect.width(), 0)
            painter.scale(-1, 1)
        painter.drawText(rect, Qt.AlignCenter, self.character)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        palette = QGuiApplication.palette()
        key = (size.width(), size.height(), mode, state, palette.color(QPalette.ButtonText).rgba(),
               palette.color(QPalette.Disabled, QPalette.ButtonText).rgba(), QGuiApplication.layoutDirection())
        pixmap = self._drawn.get(key)
        if pixmap is None:
            pixmap = QPixmap(size)
            pixmap.fill(Qt.transparent)
            painter = QPainter(pixmap)
            self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
            painter.end()
            self._drawn[key] = pixmap
        return pixmap

    def clone(self) -> QIconEngine:
        return _GlyphEngine(self.character, self.mirrored)


# Icons that point along the reading direction: a right-to-left window shows them mirrored.
# "Add below" points down and in, where a child row goes: to the left in a mirrored tree; a
# folded list's caret points the way the line reads.
_ALONG_THE_LINE = {"arrow-left", "arrow-right", "arrow-counter-clockwise", "arrow-clockwise", "sign-out",
                   "arrow-elbow-down-right", "caret-right-fill"}


def icon(name: str) -> QIcon:
    """The icon of that Phosphor name ("trash", "arrow-up"); an empty icon if the font is
    missing, so that a damaged installation loses its pictures, never its buttons."""
    code = _code_points().get(name)
    if code is None:
        return QIcon()
    return QIcon(_GlyphEngine(chr(code), name in _ALONG_THE_LINE))
