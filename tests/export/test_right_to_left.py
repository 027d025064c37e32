"""Arabic exports read from the right, as an Arabic reader expects: in the PDFs a table's first
column is on the right, the running header's title on the right and the page number on the
left, charts and the timeline mirrored, while codes, e-mail addresses and Latin names keep their
own order; the workbooks open right to left with their text flush right. English pages keep
their left-to-right layout.

Positions come from poppler's `pdftotext -bbox` (words with their boxes), as in
test_script_sheet.
"""

import re
import unicodedata

import pytest
from openpyxl import load_workbook
from reportlab.platypus import Paragraph

from tests.export.test_script_sheet import bbox_words, needs_poppler, pdftotext
from workshop_app.export.pdf import sides
from workshop_app.export.pdf.styles import stylesheet
from workshop_app.export.registry import export
from workshop_app.export.words import Words

ARABIC = Words("ar")
ENGLISH = Words("en")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("right-to-left")


def written(document, folder, name: str, what: str, **options):
    path = folder / name
    if not path.exists():
        export(document, path, what, **options)
    return path


@pytest.fixture(scope="module")
def arabic_signin(demo_document, folder):
    return written(demo_document, folder, "sign-in ar.pdf", "sign-in", lang="ar", day=1, include_contacts=True,
                   order="organization")


@pytest.fixture(scope="module")
def english_signin(demo_document, folder):
    return written(demo_document, folder, "sign-in en.pdf", "sign-in", lang="en", day=1)


@pytest.fixture(scope="module")
def arabic_roadmap(demo_document, folder):
    return written(demo_document, folder, "road map ar.pdf", "roadmap", lang="ar")


def page_words(path, page: int = 1) -> list[tuple[float, float, str]]:
    """(x, y, word) of the words on one page: where each starts on the left, and its top."""
    return [(x, y, unicodedata.normalize("NFKC", word)) for number, x, y, word in bbox_words(path) if number == page]


def word_ends(path, page: int = 1) -> dict[str, list[float]]:
    """Where each word of a page ends on the right (xMax)."""
    found: dict[str, list[float]] = {}
    number = 0
    for line in pdftotext(path, "-bbox").splitlines():
        if line.strip().startswith("<page"):
            number += 1
        match = re.search(r'xMax="([\d.]+)" yMax="[\d.]+">(.*)</word>', line)
        if match and number == page:
            found.setdefault(match.group(2), []).append(float(match.group(1)))
    return found


def page_width(path) -> float:
    return float(re.search(r'<page width="([\d.]+)"', pdftotext(path, "-bbox")).group(1))


def where(words, wanted: str) -> list[tuple[float, float]]:
    """(x, y) of every place the word is printed."""
    spellings = {wanted, wanted[::-1]}
    return [(x, y) for x, y, word in words if word in spellings]


def right_of(words, first: str, second: str, *, tops: float = 3) -> bool:
    """Whether `first` stands right of `second` on a line both are printed on (their tops
    within `tops` points: more for words of different sizes)."""
    for x, y in where(words, first):
        for other_x, other_y in where(words, second):
            if abs(other_y - y) < tops:
                return x > other_x
    raise AssertionError(f"no line holds both {first!r} and {second!r}")


def first_word(words: Words, message: str, **values) -> str:
    return words(message, **values).split()[0]


# ---------------------------------------------------------------------- tables


@needs_poppler
def test_arabic_sign_in_sheet_starts_with_its_number_column_on_the_right(arabic_signin, english_signin):
    arabic = page_words(arabic_signin)
    assert right_of(arabic, first_word(ARABIC, "No."), first_word(ARABIC, "Name"))
    assert right_of(arabic, first_word(ARABIC, "Name"), first_word(ARABIC, "Organization"))
    assert right_of(arabic, first_word(ARABIC, "Contact (e-mail / phone)"), first_word(ARABIC, "Signature"))
    english = page_words(english_signin)
    assert not right_of(english, "No.", "Name")


@needs_poppler
def test_latin_names_and_addresses_keep_their_order_flush_right(arabic_signin):
    words = page_words(arabic_signin)
    assert not right_of(words, "Bhagwati", "Yadav")  # a Latin name still reads from the left
    assert "bikram.rana@fcdo.example" in pdftotext(arabic_signin).split()
    # Flush right: names of different lengths end at the same place, by the number column.
    ends = word_ends(arabic_signin)
    assert abs(ends["Yadav"][0] - ends["Malla"][0]) < 1
    assert abs(ends["Yadav"][0] - ends["Acharya"][0]) < 1


@needs_poppler
def test_arabic_agenda_prints_the_times_on_the_right(demo_document, folder):
    path = written(demo_document, folder, "agenda ar.pdf", "agenda", lang="ar")
    words = page_words(path)
    assert right_of(words, "09:00–09:30", "Registration")
    facilitator = written(demo_document, folder, "facilitator ar.pdf", "facilitator-agenda", lang="ar")
    words = page_words(facilitator)
    assert right_of(words, "09:00–09:30", "Registration")
    # A card's labels are right of their values.
    assert right_of(words, first_word(ARABIC, "Objectives"), "Register")


@needs_poppler
def test_arabic_group_list_numbers_its_members_from_the_right(demo_document, folder):
    path = written(demo_document, folder, "groups ar.pdf", "groups", lang="ar", day=2, slot=2)
    words = page_words(path)
    assert right_of(words, first_word(ARABIC, "No."), first_word(ARABIC, "Name"))
    assert right_of(words, first_word(ARABIC, "Name"), first_word(ARABIC, "Organization"))
    assert right_of(words, first_word(ARABIC, "Room"), "Annapurna")


def contents_page(path) -> int:
    """The page of the contents: the first whose text holds their title (the endorsement and the
    foreword come before it)."""
    from workshop_app.export.roadmap_pdf.labels import Labels

    title = Labels(ARABIC)["contents"]
    pages = [unicodedata.normalize("NFKC", page) for page in pdftotext(path).split("\f")]
    return next(number for number, page in enumerate(pages, start=1) if title in page.split())


def roadmap_page(path, heading: str) -> int:
    """The first page past the contents whose running header names the section."""
    after = contents_page(path)
    for number, page in enumerate(pdftotext(path).split("\f"), start=1):
        if number > after and heading in unicodedata.normalize("NFKC", page):
            return number
    raise AssertionError(heading)


@needs_poppler
def test_arabic_road_map_tables_start_on_the_right_and_codes_read_as_typed(arabic_roadmap):
    from workshop_app.export.roadmap_pdf.labels import Labels

    labels = Labels(ARABIC)
    page = roadmap_page(arabic_roadmap, labels["roadmap.overview"])
    words = page_words(arabic_roadmap, page)
    assert right_of(words, labels["col.code"].split()[0], labels["col.outcome"].split()[0])
    matrix = page_words(arabic_roadmap, page + 1)
    codes = [(x, y) for x, y, word in matrix if word == "1.1.2"]
    assert codes, "the action code 1.1.2 extracts as typed"
    x, y = codes[0]
    assert all(other <= x for other, other_y, _ in matrix if abs(other_y - y) < 3)  # rightmost of its line
    assert "2.1.1" not in [word for _, _, word in matrix]  # not 1.1.2 read backwards


@needs_poppler
def test_arabic_road_map_charts_and_timeline_read_from_the_right(arabic_roadmap):
    from workshop_app.export.roadmap_pdf.labels import Labels

    labels = Labels(ARABIC)
    workshop = page_words(arabic_roadmap, roadmap_page(arabic_roadmap, labels["workshop.participation"]))
    # The participation table and the chart's legend: women first, on the right.
    women, men = labels.word("sex", "female"), labels.word("sex", "male")
    assert right_of(workshop, women, men)
    timeline = page_words(arabic_roadmap, roadmap_page(arabic_roadmap, labels["section.timeline"]))
    assert right_of(timeline, "2027", "2028")


@needs_poppler
def test_arabic_page_furniture_is_mirrored(arabic_signin, english_signin):
    for path, rtl in ((arabic_signin, True), (english_signin, False)):
        words = page_words(path)
        middle = page_width(path) / 2
        title = min(where(words, "National"), key=lambda place: place[1])  # the running header's
        assert (title[0] > middle) is rtl
        page = ARABIC("Day {number}", number=1).split()[0] if rtl else "page"
        footer = max(where(words, page), key=lambda place: place[1])
        assert (footer[0] < middle) is rtl


@needs_poppler
def test_arabic_road_map_contents_title_and_figures_are_shaped(arabic_roadmap):
    """They were reportlab paragraphs, which printed Arabic unjoined and backwards."""
    from workshop_app.export.roadmap_pdf.labels import Labels

    labels = Labels(ARABIC)
    contents = unicodedata.normalize("NFKC", pdftotext(arabic_roadmap).split("\f")[contents_page(arabic_roadmap) - 1])
    assert contents.split().count(labels["contents"]) == 2  # the running header's, and the title
    words = page_words(arabic_roadmap, roadmap_page(arabic_roadmap, labels["context.global"]))
    for figure in ("160", "138"):
        # "160 مليون", read from the right; the unit is smaller, its top lower.
        assert right_of(words, figure, "مليون", tops=12)


# ---------------------------------------------------------------------- the engine


def test_a_mirrored_table_keeps_each_span_s_content_and_its_side_rules():
    style = stylesheet()["cell"]
    heading = Paragraph("Output 1.1", style)
    rows = [["1", "Name", "Organization"], [heading, "", ""]]
    commands = [("SPAN", (0, 1), (-1, 1)), ("LINEBEFORE", (1, 0), (1, -1), 1, "black"),
                ("LEFTPADDING", (0, 0), (0, -1), 7)]
    with sides.reading(ARABIC):
        table = sides.table(rows, [20, 100, 80], commands)
    assert [cell for cell in table._cellvalues[0]] == ["Organization", "Name", "1"]
    assert table._cellvalues[1][0] is heading  # a span prints its first cell: now the left one
    assert list(table._colWidths) == [80, 100, 20]
    mirrored = {command[0]: command[1:3] for command in table._linecmds + table._spanCmds}
    assert mirrored["LINEAFTER"] == ((1, 0), (1, -1))
    assert mirrored["SPAN"] == ((0, 1), (2, 1))
    with sides.reading(ENGLISH):
        assert sides.table(rows, [20, 100, 80], commands)._cellvalues[0][0] == "1"


def test_styles_of_a_right_to_left_page_start_on_the_right():
    with sides.reading(ARABIC):
        arabic = stylesheet()
    english = stylesheet()
    assert english["body"].alignment == 0 and arabic["body"].alignment == 2  # TA_LEFT, TA_RIGHT
    assert english["page_header_right"].alignment == 2 and arabic["page_header_right"].alignment == 0


# ---------------------------------------------------------------------- workbooks


@pytest.mark.parametrize("what", ["participants", "agenda", "roadmap"])
def test_arabic_workbooks_open_right_to_left_with_text_flush_right(demo_document, folder, what):
    workbook = load_workbook(written(demo_document, folder, f"{what} ar.xlsx", what, lang="ar"))
    for sheet in workbook.worksheets:
        assert sheet.sheet_view.rightToLeft, sheet.title
    first = workbook.worksheets[0]
    names = [cell for row in first.iter_rows(min_row=2, max_row=6) for cell in row
             if isinstance(cell.value, str) and cell.value.isascii() and " " in cell.value]
    assert names and all(cell.alignment.horizontal == "right" for cell in names)
    english = load_workbook(written(demo_document, folder, f"{what} en.xlsx", what, lang="en"))
    assert not any(sheet.sheet_view.rightToLeft for sheet in english.worksheets)


def test_the_arabic_summary_s_workshop_title_is_flush_right(demo_document, folder):
    """Left-aligned on a right-to-left sheet, it ran off the sheet's edge."""
    workbook = load_workbook(written(demo_document, folder, "participants ar.xlsx", "participants", lang="ar"))
    summary = workbook.worksheets[1]
    assert summary["A2"].value.startswith("National workshop")
    assert summary["A2"].alignment.horizontal == "right"
    assert "&P" in summary.oddFooter.left.text  # the page number at the footer's end, on the left
