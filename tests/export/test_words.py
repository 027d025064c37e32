"""An export's language: its dates, numbers and plurals as each of the four languages writes them."""

import pytest

from workshop_app.export.words import Words, export_language
from workshop_app.models.document import WorkshopDocument


@pytest.mark.parametrize(("language", "long", "short", "days", "number", "share"), [
    ("en", "Tuesday 9 March 2027", "9 Mar 2027", "9 Mar 2027 – 11 Mar 2027", "1,234,567", "47%"),
    ("fr", "mardi 9 mars 2027", "9 mars 2027", "9–11 mars 2027", "1\u202f234\u202f567", "47\u00a0%"),
    ("es", "martes, 9 de marzo de 2027", "9 mar 2027", "9–11 mar 2027", "1.234.567", "47\u00a0%"),
    ("ar", "الثلاثاء، 9 مارس 2027", "9 مارس 2027", "9–11 مارس 2027", "1,234,567", "47\u200e%\u200e"),
])
def test_each_language_writes_dates_and_numbers_its_own_way(language, long, short, days, number, share):
    words = Words(language)
    assert words.long_date("2027-03-09") == long
    assert words.short_date("2027-03-09") == short
    assert words.date_range("2027-03-09", "2027-03-11") == days
    assert words.number(1234567) == number
    assert words.percent(0.47).replace("\u200f", "") in (share, share.replace("\u200e", ""))
    assert words.long_date("2027-02-30") == "" and words.long_date(None) == ""


def test_the_workshop_s_first_working_language_the_program_speaks(tmp_path):
    path = tmp_path / "taller.workshop"
    WorkshopDocument.create(path, title="Taller nacional", country="PE", start_date="2027-05-04", days=1,
                            languages="qu, es, en").close()
    with WorkshopDocument.open(path, readonly=True) as document:
        assert export_language(document) == "es"
        assert export_language(document, "ar") == "ar"
