"""Draw the program's icon (resources/icons/app.svg) as the PNG files the desktops want beside
the SVG: the hicolor sizes Linux menus fall back on, 512 for the macOS application icon (which
PyInstaller turns into .icns). Run again after changing the SVG:

    QT_QPA_PLATFORM=offscreen python packaging/icons/render.py
"""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parent.parent / "resources" / "icons" / "app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    for size in SIZES:
        target = HERE / f"{size}x{size}.png"
        if not render(size).save(str(target)):
            print(f"{target}: not written", file=sys.stderr)
            return 1
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
