"""Sign-in sheets as the printed pages show them (text read back with pypdf)."""

import re

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


def day_of(text):
    return re.search(r"Day (\d) · page (\d+) of (\d+)", text)


def test_each_days_pages_are_numbered_on_their_own(signin_path):
    """Each day's pile goes round the room separately: "Day 2 · page 1 of 9"."""
    pages = pages_text(signin_path)
    numbers = [day_of(text).groups() for text in pages]
    assert [page for day, page, _ in numbers if page == "1"] == ["1", "1", "1"]
    for day in ("1", "2", "3"):
        own = [(int(page), int(total)) for number, page, total in numbers if number == day]
        assert [page for page, _ in own] == list(range(1, len(own) + 1))
        assert {total for _, total in own} == {len(own)}
    assert not any(f"Page 1 of {len(pages)}" in text for text in pages)


def test_footer_names_the_workshop_not_the_program(signin_path):
    for text in pages_text(signin_path):
        footer = text.strip().splitlines()[-2]  # then the page number
        assert footer == "National workshop on a road map towards SDG target 8.7 in Nepal · 9 Mar 2027 – 11 Mar 2027"
        assert "Pathfinder Workshop" not in text
    assert PdfReader(signin_path).metadata["/Creator"].startswith("Pathfinder Workshop")


def test_contacts_are_left_out_unless_asked_for(signin_path, demo_document, tmp_path):
    everything = "\n".join(pages_text(signin_path))
    assert "@" not in everything and "+977" not in everything and "Contact" not in everything
    path = tmp_path / "with contacts.pdf"
    write_signin_pdf(demo_document, path, day=1, include_contacts=True)
    pages = pages_text(path)
    assert all("Contact (e-mail / phone)" in text for text in pages)
    assert "aakash.mehta@unodc.example" in "\n".join(pages) and "+977" in "\n".join(pages)


def test_without_contacts_names_and_organizations_get_the_width(signin_path, demo_document, tmp_path):
    """The column is left out, not left blank: the organization fits on one line."""
    first = pages_text(signin_path)[0]
    assert "Aakash Mehta\nUnited Nations Office on Drugs and Crime\nNational Project Officer" in first
    write_signin_pdf(demo_document, tmp_path / "with.pdf", day=1, include_contacts=True)
    assert "United Nations Office on Drugs and Crime" not in pages_text(tmp_path / "with.pdf")[0]


def test_header_row_repeats_and_names_are_printed(signin_path, demo_document):
    pages = pages_text(signin_path)
    assert all("Signature" in text and "Organization" in text for text in pages)
    everything = "\n".join(pages)
    assert "Hari Prasad Dhakal" in everything
    assert VIETNAMESE_NAME in everything
    assert everything.count("Walk-in participants (not on the list)") == 3
    # Numbered lines: every participant, then the blank walk-in lines.
    last = demo_document.count("participant") + WALK_IN_ROWS
    assert f"\n{last}" in everything or f"{last}\n" in everything


def walk_in_numbers(text, listed):
    return [int(line) for line in text.splitlines() if line.strip().isdigit() and int(line) > listed]


def test_walk_in_lines_fill_the_last_page_of_each_day(signin_path, demo_document):
    pages = pages_text(signin_path)
    listed = demo_document.count("participant")
    lasts = [text for text, following in zip(pages, [*pages[1:], None])
             if following is None or day_of(following).group(1) != day_of(text).group(1)]
    assert len(lasts) == 3
    for text in lasts:
        assert "Walk-in participants" in text
        # A page of lines to sign, not three lines and a blank page.
        assert len(walk_in_numbers(text, listed)) >= 12


@pytest.mark.parametrize("people", [10, 24])
def test_walk_in_lines_share_the_page_of_the_last_name(tmp_path, people):
    from workshop_app.models.document import WorkshopDocument, new_id

    def fill(document):
        with document.bulk() as db:
            db["participant"].insert_all({"id": new_id(), "name": f"Person {number:02}", "sex": "female"}
                                         for number in range(people))

    with WorkshopDocument.create(tmp_path / "small.workshop", title="Small", country="FJ", start_date="2027-01-05",
                                 days=2, fill=fill) as small:
        write_signin_pdf(small, tmp_path / "small.pdf")
    pages = pages_text(tmp_path / "small.pdf")
    last_name = f"Person {people - 1:02}"
    holding = [text for text in pages if last_name in text]
    assert len(holding) == 2  # one a day
    for text in holding:
        assert "Walk-in participants" in text
        walk_ins = walk_in_numbers(text.split("Walk-in participants")[1], people)
        assert len(walk_ins) >= WALK_IN_ROWS and walk_ins == list(range(people + 1, people + 1 + len(walk_ins)))
    assert len(pages) == 2 * len([text for text in pages if "Day 1 ·" in text])
    assert "Day 2 · page 1 of" in "\n".join(pages) and "Fiji" in pages[0]


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
    assert all(f"page {number} of {len(pages)}" in text and "Signature" in text
               for number, text in enumerate(pages, start=1))


def test_portrait_keeps_the_narrow_columns_readable(demo_document, tmp_path):
    path = tmp_path / "portrait.pdf"
    write_signin_pdf(demo_document, path, day=1, paper="A4", landscape=False)
    reader = PdfReader(path)
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    first = reader.pages[0].extract_text()
    assert "No." in first and "Female" in first  # not broken over two lines
