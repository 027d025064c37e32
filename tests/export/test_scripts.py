"""Names in the scripts of the countries that work with Alliance 8.7 each get a font that has
their letters: none prints as empty boxes or vanishes."""

import pytest
from pypdf import PdfReader

from workshop_app.export.pdf import direction, fonts
from workshop_app.export.stakeholders.signin_sheet import write_signin_pdf
from workshop_app.models.document import WorkshopDocument

NAMES = {
    "hebrew": "מרים לוי",
    "bengali": "রহিম উদ্দিন",
    "tamil": "கமலா செல்வராஜ்",
    "thai": "สมชาย ใจดี",
    "lao": "ສົມພອນ ວົງສາ",
    "khmer": "សុខ ចាន់ធី",
    "myanmar": "အောင် ကျော်",
    "ethiopic": "አበበ በቀለ",
    "georgian": "ნინო ბერიძე",
    "armenian": "Արամ Պետրոսյան",
}


@pytest.mark.parametrize("script", NAMES)
def test_each_script_has_a_font_with_every_letter(script):
    name = NAMES[script]
    pieces = fonts.runs(f"{name} (MoL)")
    assert pieces[0][0] == script
    letters = [char for char in name if fonts.script_of(char) is not None]
    assert all(fonts.covers(script, char) for char in letters)


def test_hebrew_reads_right_to_left():
    assert direction.base_level("מרים לוי (MoL)") == 1


def test_a_sign_in_sheet_embeds_a_font_for_every_script(workshop_path, tmp_path):
    with WorkshopDocument.open(workshop_path) as document:
        for name in NAMES.values():
            document.apply(document.plan_insert("participant", name=name))
        path = tmp_path / "signin.pdf"
        write_signin_pdf(document, path)
    embedded = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            embedded.add(str(font.get_object()["/BaseFont"]))
    for stem in ("Hebrew", "Bengali", "Tamil", "Thai", "Lao", "Khmer", "Myanmar", "Ethiopic", "Georgian", "Armenian"):
        assert any(f"NotoSans{stem}" in name for name in embedded), stem
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    for script in ("georgian", "armenian", "ethiopic"):  # simple scripts read back as printed
        assert NAMES[script] in text
