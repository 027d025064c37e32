"""The bidirectional levels the PDFs lay out with agree with python-bidi's reordering."""

import random

from bidi import get_display

from workshop_app.export.pdf import direction

# Letters of both directions, both kinds of digits, marks, and the neutrals that move.
ALPHABET = list("abc XY") + list("אבג") + list("عمل") + list("0123") + list("٠١٢") + \
    list(" .,-+%$:/()[]{}\"'!") + ["\u0651", "\u0301", "\u00a0", "\u06f1"]


def visual(text: str, base: int) -> str:
    levels = direction.levels(text, base)
    line = direction.line_levels(text, levels, 0, len(text), base)
    return "".join(text[index] for index in direction.visual_order(line))


def test_random_mixed_text_is_ordered_as_python_bidi_orders_it():
    draw = random.Random(87)
    for _ in range(4000):
        text = "".join(draw.choice(ALPHABET) for _ in range(draw.randint(1, 16)))
        for base in (0, 1):
            assert visual(text, base) == get_display(text, base_dir="LR"[base]), (text, base)


def test_brackets_round_arabic_stay_round_it_in_an_english_line():
    text = "Ministry of Labour (وزارة العمل) 2027"
    assert direction.base_level(text) == 0
    assert visual(text, 0) == "Ministry of Labour (لمعلا ةرازو) 2027"


def test_an_arabic_sentence_reads_from_the_right():
    text = "مكافحة العمل الجبري"
    assert direction.base_level(text) == 1
    assert visual(text, 1) == "يربجلا لمعلا ةحفاكم"


def test_formatting_characters_are_removed():
    assert direction.strip_formatting("a\u202eb\u2066c\u2069") == "abc"
