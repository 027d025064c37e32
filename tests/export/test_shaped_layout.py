"""The shaping engine on the inputs a careless typist or a hostile file brings: numbers in
Arabic-Indic digits, long words with no space, spaces of every width, marks with no letter,
marks piled on one letter, isolates, zero-width spaces in Thai."""

from workshop_app.export.pdf import direction, fonts, text
from workshop_app.export.pdf.shaped import ShapedParagraph, shaped_text
from workshop_app.export.pdf.styles import stylesheet


def drawn(value: str) -> str:
    """The glyphs of the first line as drawn, left to right, each read as its character."""
    paragraph = text.paragraph(value, stylesheet()["body"])
    paragraph.wrap(400, 100)
    layout = paragraph.layout
    return "".join(str(shaped_text(layout.printed(atom), atom.font, 10, reverse=layout._reversed(atom))[0])
                   for atom, _ in layout.visual(paragraph._lines[0]))


def test_arabic_indic_and_persian_digits_print_in_typed_order():
    assert "١٢٣٤" in drawn("نسبة ٥٠٪ من ١٢٣٤ عامل")
    assert "۱۴۰۳" in drawn("از ۱۴۰۳")
    assert "١٢٣٤" in drawn("Year ١٢٣٤ ok")
    assert "١٢٫٥" in drawn("خط الأساس ١٢٫٥")


def lines_of(value: str, width: float) -> tuple[ShapedParagraph, list]:
    paragraph = text.paragraph(value, stylesheet()["cell"])
    paragraph.wrap(width, 1000)
    return paragraph, paragraph._lines


def test_a_long_arabic_word_is_cut_into_full_lines():
    word = "والمستشارونالقانونيونوالاجتماعيونفيالوزارة" * 2
    paragraph, lines = lines_of(word, 80)
    widths = [paragraph.layout.line_width(line) for line in lines]
    assert all(width <= 80.01 for width in widths)
    assert all(width > 60 for width in widths[:-1]), widths  # measured joined: lines are full
    assert "".join(atom.text for line in lines for atom in line) == word


def test_spaces_of_any_width_print_as_spaces_and_nothing_is_missing():
    with fonts.collecting_missing() as missing:
        paragraph, lines = lines_of("Ideo\u3000space\u2003em", 400)
    assert missing == set()
    assert [paragraph.layout.printed(atom) for atom in lines[0]] == ["Ideo", " ", "space", " ", "em"]


def test_a_mark_no_font_has_is_missing_not_a_silent_box(without_system_fonts):
    with fonts.collecting_missing() as missing:
        text.paragraph("Tel 1\ufe0f\u20e3", stylesheet()["body"])
        text.paragraph("odd \uffff", stylesheet()["body"])
    assert missing == {"Tel 1\ufe0f\u20e3", "odd \uffff"}
    assert not fonts.covers(fonts.LATIN, "\uffff")  # NotoSans maps it to an empty box


def test_marks_piled_on_a_letter_are_kept_to_six_and_soft_hyphens_go():
    assert text.clean("Zo" + "\u0336" * 30 + "lgo") == "Zo" + "\u0336" * 6 + "lgo"
    assert text.clean("Ngu\u1ec5n Th\u1ecb") == "Nguễn Thị"
    assert text.clean("co\u00adoperation") == "cooperation"


def test_an_isolated_arabic_name_leaves_an_english_line_left_to_right():
    value = "\u2067مريم\u2069 Smith \u2066(MoL)\u2069"
    assert direction.base_level(value) == 0
    paragraph = text.paragraph(value, stylesheet()["body"])
    assert paragraph.layout.base == 0 and "\u2067" not in paragraph.text


def test_thai_breaks_at_zero_width_spaces():
    value = "ขจัดแรงงานบังคับ\u200bและแรงงานเด็ก\u200bในภาคเกษตร"
    paragraph, lines = lines_of(value, 70)
    printed = ["".join(paragraph.layout.printed(atom) for atom in line).strip() for line in lines]
    assert printed == ["ขจัดแรงงานบังคับ", "และแรงงานเด็ก", "ในภาคเกษตร"]
