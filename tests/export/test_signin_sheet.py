"""Sign-in sheets as the printed pages show them (text read back with pypdf)."""

import pytest
from pypdf import PdfReader

from tests.export.conftest import MARKUP_NAME, VIETNAMESE_NAME
from workshop_app.export.errors import ExportError
from workshop_app.export.stakeholders.signin_sheet import WALK_IN_ROWS, write_signin_pdf
from workshop_app.models.errors import WorkshopError


def pages_text(path):
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def signin_path(demo_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "sign-in.pdf"
    write_signin_pdf(demo_document, path)
    return path


def test_one_sheet_per_day_each_starting_on_a_new_page(signin_path):
    pages = pages_text(signin_path)
    starts = [index for index, text in enumerate(pages) if "Sign-in sheet – Day" in text]
    assert len(starts) == 3 and starts[0] == 0
    assert "Sign-in sheet – Day 1: Tuesday 9 March 2027" in pages[starts[0]]
    assert "Sign-in sheet – Day 2: Wednesday 10 March 2027" in pages[starts[1]]
    assert "Sign-in sheet – Day 3: Thursday 11 March 2027" in pages[starts[2]]
    # Every page of day 2 says so in its header, also the pages after the first.
    assert all("Day 2 · Wednesday 10 March 2027" in text for text in pages[starts[1]:starts[2]])
    assert "Hotel Shanti Crest" in pages[0]


def test_page_x_of_y_on_every_page(signin_path):
    pages = pages_text(signin_path)
    total = len(pages)
    assert total > 3
    assert "Page 1 of %d" % total in pages[0]
    assert all(f"Page {number} of {total}" in text for number, text in enumerate(pages, start=1))


def test_header_row_repeats_and_names_are_printed(signin_path, demo_document):
    pages = pages_text(signin_path)
    assert all("Signature" in text and "Contact (e-mail / phone)" in text for text in pages)
    everything = "\n".join(pages)
    assert "Hari Prasad Dhakal" in everything
    assert VIETNAMESE_NAME in everything
    assert everything.count("Walk-in participants (not on the list)") == 3
    # Numbered lines: every participant, then the blank walk-in lines.
    last = demo_document.count("participant") + WALK_IN_ROWS
    assert f"\n{last}" in everything or f"{last}\n" in everything


def test_markup_looking_text_prints_literally(signin_path):
    everything = "\n".join(pages_text(signin_path))
    assert MARKUP_NAME in everything
    assert "x <b & AT&T R&D" in everything
    assert "AT&T;" not in everything


def test_sorted_by_name(signin_path):
    first_day = "\n".join(pages_text(signin_path)[:3])
    assert first_day.index("Aakash Mehta") < first_day.index("Amira Haddad") < first_day.index("Hari Prasad Dhakal")


def test_grouped_by_organization(demo_document, tmp_path):
    path = tmp_path / "by-org.pdf"
    write_signin_pdf(demo_document, path, day=1, order="organization")
    everything = "\n".join(pages_text(path))
    heading = everything.index("Ministry of Labour, Employment and Social Security (MoLESS)")
    assert heading < everything.index("Hari Prasad Dhakal")
    assert everything.index("All Nepal Federation of Trade Unions (ANTUF)") < heading  # by name


def test_every_font_is_embedded(signin_path):
    fonts = {}
    for page in PdfReader(signin_path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    names = {name.split("+")[-1] for name in fonts}
    assert {"NotoSans-Regular", "NotoSans-Bold", "NotoSansDevanagari-Regular", "NotoSansArabic-Regular"} <= names
    for font in fonts.values():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]


def test_single_day_by_number_or_date(demo_document, tmp_path):
    for wanted in (2, "2", "2027-03-10"):
        path = tmp_path / "day2.pdf"
        write_signin_pdf(demo_document, path, day=wanted)
        pages = pages_text(path)
        assert "Sign-in sheet – Day 2" in pages[0]
        assert not any("Day 1" in text or "Day 3" in text for text in pages)


def test_letter_paper_in_landscape(demo_document, tmp_path):
    path = tmp_path / "letter.pdf"
    write_signin_pdf(demo_document, path, day=1, paper="Letter")
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)


def test_unknown_day_names_the_workshop_file(demo_document, tmp_path):
    with pytest.raises(ExportError) as caught:
        write_signin_pdf(demo_document, tmp_path / "x.pdf", day=7)
    assert isinstance(caught.value, WorkshopError)
    assert str(caught.value) == "Nepal demo.workshop: the workshop has no day 7; it has days 1 to 3"
    assert not any(tmp_path.glob("*.pdf*"))


@pytest.mark.parametrize("option", [{"paper": "A3"}, {"order": "sex"}])
def test_unknown_paper_or_order_is_refused(demo_document, tmp_path, option):
    with pytest.raises(ExportError, match=r"^x\.pdf: the (paper|order) must be"):
        write_signin_pdf(demo_document, tmp_path / "x.pdf", **option)


def test_workshop_without_dates_or_participants_gets_one_blank_sheet(tmp_path):
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.create(tmp_path / "bare.workshop", title="Atelier <pilote> & co", country="MG") as bare:
        write_signin_pdf(bare, tmp_path / "bare.pdf")
    pages = pages_text(tmp_path / "bare.pdf")
    assert len(pages) == 1
    assert "Atelier <pilote> & co" in pages[0] and "Walk-in participants" in pages[0]


def test_two_thousand_participants_page_through(tmp_path):
    """A long list is laid out page by page (and in reasonable time, see bench/)."""
    from workshop_app.models.document import WorkshopDocument, new_id

    def fill(document):
        with document.bulk() as db:
            db["participant"].insert_all({"id": new_id(), "name": f"Person {number:04}", "sex": "female",
                                          "email": f"p{number}@example.org"} for number in range(2000))

    with WorkshopDocument.create(tmp_path / "big.workshop", title="Big", country="NP", start_date="2027-01-05",
                                 days=1, fill=fill) as big:
        write_signin_pdf(big, tmp_path / "big.pdf")
    pages = pages_text(tmp_path / "big.pdf")
    assert len(pages) > 50
    assert "Person 0000" in pages[0] and "Person 1999" in "\n".join(pages[-3:])
    assert all(f"of {len(pages)}" in text and "Signature" in text for text in pages)


def test_portrait_keeps_the_narrow_columns_readable(demo_document, tmp_path):
    path = tmp_path / "portrait.pdf"
    write_signin_pdf(demo_document, path, day=1, paper="A4", landscape=False)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    first = reader.pages[0].extract_text()
    assert "No." in first and "Female" in first  # not broken over two lines
