"""Names in the scripts of the countries that work with Alliance 8.7 show in the window with
their letters, not as empty boxes, also on a computer that has no font for their script."""

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from workshop_app.ui.app import create_application

NAMES = {
    "khmer": "សុខ ចាន់ធី",
    "myanmar": "အောင်ဆန်း စုကြည်",
    "ethiopic": "አበበ በቀለ",
    "tamil": "கமலா செல்வராஜ்",
    "thai": "สมชาย ใจดี",
    "lao": "ສົມພອນ ວົງສາ",
    "bengali": "রহিম উদ্দিন",
    "devanagari": "सीता श्रेष्ठ",
    "sinhala": "කමල් පෙරේරා",
    "arabic": "فاطمة الزهراء",
    "hebrew": "מרים לוי",
    "georgian": "ნინო ბერიძე",
    "armenian": "Արամ Պետրոսյան",
    "vietnamese": "Nguyễn Thị Hoa",
}


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
@pytest.mark.parametrize("script", NAMES)
def test_a_name_in_each_bundled_script_is_drawn_with_its_letters(qapp, script, bold):
    create_application()
    font = QFont(QApplication.font())  # the tables, trees and fields all draw with it
    font.setBold(bold)
    metrics = QFontMetrics(font)
    # inFontUcs4 asks the font and every font Qt falls back to: False is an empty box on screen.
    boxes = [char for char in NAMES[script] if not char.isspace() and not metrics.inFontUcs4(ord(char))]
    assert boxes == []
