"""The PDF engine's handling of user text: escaped, one font per script, shaped when needed."""

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph, SimpleDocTemplate

from workshop_app.export.pdf import fonts, text
from workshop_app.export.pdf.shaped import ShapedParagraph
from workshop_app.export.pdf.styles import stylesheet


def test_markup_in_user_text_is_escaped():
    assert text.markup("<b>Budget & <i>risks") == "&lt;b&gt;Budget &amp; &lt;i&gt;risks"
    assert text.markup("AT&T R&D\nx <b") == "AT&amp;T R&amp;D<br/>x &lt;b"


def test_user_text_that_looks_like_markup_builds_and_prints(tmp_path):
    path = tmp_path / "markup.pdf"
    body = stylesheet()["body"]
    story = [text.paragraph(value, body) for value in ("<b>Budget & <i>risks", "x <b", "</para>", "&amp;",
                                                        "<font face='Courier'>", "a\x00b\x0bc")]
    SimpleDocTemplate(str(path)).build(story)
    assert path.stat().st_size > 0


def test_each_script_gets_its_font():
    assert fonts.runs("Maryam مريم الإدريسي (MoL) सीता श्रेष्ठ") == [
        ("latin", "Maryam "), ("arabic", "مريم الإدريسي "), ("latin", "(MoL) "), ("devanagari", "सीता श्रेष्ठ")]
    assert fonts.runs("ශ්‍රී ලංකා")[0][0] == "sinhala"  # the zero-width joiner stays in the run
    marked = text.markup("مريم & सीता")
    assert marked == '<font face="PW-NotoSansArabic">مريم </font>&amp;<font face="PW-NotoSansDevanagari"> सीता</font>'


def test_bold_runs_use_the_bold_face_of_their_script():
    assert text.markup("مريم", bold=True) == '<font face="PW-NotoSansArabic-Bold">مريم</font>'


def test_latin_and_vietnamese_stay_plain_and_unshaped():
    cell = stylesheet()["cell"]
    for value in ("Hari Prasad Dhakal", "Nguyễn Thị Lan", "Étienne Lefèvre"):
        paragraph = text.paragraph(value, cell)
        assert paragraph.style is cell and not cell.shaping
        assert text.cell(value, cell, 200) == value  # fits: a plain string cell


def test_complex_scripts_are_shaped_and_arabic_reads_right_to_left():
    cell = stylesheet()["cell"]
    arabic = text.paragraph("مريم الإدريسي (MoL)", cell)
    assert isinstance(arabic, ShapedParagraph) and arabic.layout.alignment() == TA_RIGHT
    nepali = text.paragraph("सीता श्रेष्ठ", cell)
    assert isinstance(nepali, ShapedParagraph) and nepali.layout.alignment() == TA_LEFT
    mixed = text.paragraph("Maryam El Idrissi (مريم)", cell)  # the first strong letter is Latin
    assert mixed.layout.alignment() == TA_LEFT
    assert isinstance(text.cell("सीता", cell, 200), ShapedParagraph)


def test_long_or_multi_line_plain_text_wraps():
    cell = stylesheet()["cell"]
    assert isinstance(text.cell("Ministry of Labour, Employment and Social Security", cell, 60), Paragraph)
    assert isinstance(text.cell("two\nlines", cell, 600), Paragraph)
