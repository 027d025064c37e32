"""The bundled Noto fonts, made known to Qt so that a name in any of their scripts shows in the
window, not only in the PDFs.

Qt draws a character the widget's font lacks with another font that has it, but it looks only
among the fonts of the computer (fontconfig on Linux) and those the program registers. A laptop
without a Khmer, Myanmar, Ethiopic or Tamil font would show the participant table and the road
map with empty boxes where the names are.

They are registered before the window is built rather than after its first paint. Parsing the
28 files costs about 6 ms; registering later would leave what was already laid out in boxes:
every widget would have to be repainted (some 65 ms for the main window, boxes showing in
between), and a line edit keeps the boxes it laid out even then.
"""

from functools import cache

from PySide6.QtGui import QFontDatabase

from workshop_app.resources import font_files


@cache
def register_bundled_fonts() -> None:
    """Register every bundled font file with Qt, once per process.

    Once: each call of addApplicationFont adds the file again, and the tests start the
    application for every window. A missing or damaged file is skipped (Qt answers -1): its
    script falls back to the computer's fonts, as without this.
    """
    for path in font_files():
        QFontDatabase.addApplicationFont(str(path))
