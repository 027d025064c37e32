"""The agenda PDFs as the printed pages show them (text read back with pypdf)."""

import re
import shutil
import unicodedata

import pytest
from pypdf import PdfReader

from workshop_app.export.agenda.pdf import NO_DAYS, NO_SESSIONS, write_agenda_pdf, write_facilitator_agenda_pdf
from workshop_app.export.errors import ExportError
from workshop_app.export.registry import export
from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.errors import WorkshopError

DEVANAGARI_TITLE = "बाल श्रम निवारण योजना"
ARABIC_TITLE = "خطة العمل الوطنية للعمل اللائق"
MARKUP_TITLE = "<b>Budget & <i>risks"
FORMULA_TITLE = "=cmd|' /C calc'!A0"
MARKUP_OBJECTIVES = "x <b & AT&T R&D"
RAPPORTEUR = "Sabina Dahal"
FIRST_OBJECTIVES = "Register every participant and hand out the workshop folder."


def add_awkward_sessions(document: WorkshopDocument) -> None:
    """Four parallel sessions at the end of day 3 whose text tries every way an export can go
    wrong, and a rapporteur for the first of them."""
    day = document.rows("day", order_by="position")[2]["id"]
    people = {row["name"]: row["id"] for row in document.rows("participant")}
    titles = (DEVANAGARI_TITLE, ARABIC_TITLE, MARKUP_TITLE, FORMULA_TITLE)
    for number, title in enumerate(titles, start=1):
        change = document.insert("session", day_id=day, slot=9, track=f"Table {number}", title=title,
                                 type="group_work", duration=30 + 5 * number, room="R&D <lab>",
                                 objectives=MARKUP_OBJECTIVES, facilitator_id=people["सीता श्रेष्ठ"])
        if number == 1:
            document.insert("session_person", session_id=change.rows[0].row_id,
                            participant_id=people[RAPPORTEUR], role="rapporteur")


@pytest.fixture(scope="module")
def agenda_path(_demo_master, tmp_path_factory):
    """The demo workshop plus the awkward sessions. Written once; tests must not change it."""
    path = tmp_path_factory.mktemp("agenda") / "Nepal demo.workshop"
    shutil.copyfile(_demo_master, path)
    with WorkshopDocument.open(path) as document:
        add_awkward_sessions(document)
    return path


@pytest.fixture(scope="module")
def agenda_document(agenda_path):
    with WorkshopDocument.open(agenda_path, readonly=True) as document:
        yield document


@pytest.fixture(scope="module")
def participants_pdf(agenda_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "agenda.pdf"
    write_agenda_pdf(agenda_document, path)
    return path


@pytest.fixture(scope="module")
def facilitator_pdf(agenda_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "facilitator agenda.pdf"
    write_facilitator_agenda_pdf(agenda_document, path)
    return path


def pages_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """The text with line breaks as spaces: titles wrap inside their cells."""
    return " ".join(text.split())


def day_pages(pages: list[str]) -> dict[int, str]:
    """Day number -> the text of the pages that day is printed on."""
    days: dict[int, list[str]] = {}
    current = 0
    for text in pages:
        found = re.search(r"^Day (\d+) ·", text, re.MULTILINE)
        if found and "(continued)" not in text.split("\n", 1)[0]:
            current = int(found.group(1))
        days.setdefault(current, []).append(text)
    return {day: flat("\n".join(texts)) for day, texts in days.items()}


def slots(schedule):
    by_slot = {}
    for item in schedule.sessions:
        by_slot.setdefault(item.session["slot"], []).append(item)
    return list(by_slot.values())


def test_every_session_appears_on_its_days_page_with_the_computed_times(participants_pdf, agenda_document):
    by_day = day_pages(pages_text(participants_pdf))
    for number, schedule in enumerate(agenda(agenda_document), start=1):
        printed = by_day[number]
        for parallel in slots(schedule):
            start = clock(parallel[0].start)
            end = clock(max(item.end for item in parallel))
            assert f"{start}–{end}" in printed
            for item in parallel:
                title = item.session["title"]
                if title not in (DEVANAGARI_TITLE, ARABIC_TITLE):  # shaped: see the script test
                    assert flat(title) in printed, title
                if clock(item.end) != end:
                    assert f"ends {clock(item.end)}" in printed


def test_one_day_per_page_when_it_fits(participants_pdf, agenda_document):
    pages = pages_text(participants_pdf)
    assert len(pages) == agenda_document.count("day") == 3
    assert "\nDay 1 · Tuesday 9 March 2027\n" in pages[0]
    assert "Day 2 · Wednesday 10 March 2027" in pages[1].split("\n")[0]
    assert "Day 3 · Thursday 11 March 2027" in pages[2].split("\n")[0]


def test_header_names_the_workshop_the_venue_and_the_dates(participants_pdf):
    first = flat(pages_text(participants_pdf)[0])
    assert "National workshop on a road map towards SDG target 8.7 in Nepal" in first
    assert "Hotel Shanti Crest (fictional venue), Kathmandu" in first
    assert "9–11 March 2027" in first


def test_page_x_of_y_on_every_page(participants_pdf, facilitator_pdf):
    for path in (participants_pdf, facilitator_pdf):
        pages = pages_text(path)
        assert all(f"Page {number} of {len(pages)}" in text for number, text in enumerate(pages, start=1))


def test_speakers_and_facilitator_under_the_title(participants_pdf):
    opening = flat(pages_text(participants_pdf)[0])
    title = opening.index("Opening ceremony and welcome remarks")
    assert opening.index("Facilitator: Ramesh Prasad Adhikari (MoLESS)") > title
    assert opening.index("Speakers: Hari Prasad Dhakal (MoLESS), Étienne Lefèvre (ILO)") > title


def test_parallel_groups_stand_side_by_side(participants_pdf):
    positions = {}

    def visit(text, cm, tm, font, size):
        if text.startswith("Group ") and len(text) == 7:
            positions.setdefault(text, (cm[4] + tm[4], cm[5] + tm[5]))

    PdfReader(participants_pdf).pages[1].extract_text(visitor_text=visit)
    groups = [positions[f"Group {letter}"] for letter in "ABCD"]
    assert len({round(y) for _, y in groups}) == 1  # one row
    assert [x for x, _ in groups] == sorted(x for x, _ in groups)  # left to right, in track order
    assert groups[1][0] - groups[0][0] > 80  # in columns, not run together


def test_markup_looking_text_prints_literally(participants_pdf, facilitator_pdf):
    participants = flat("\n".join(pages_text(participants_pdf)))
    assert MARKUP_TITLE in participants and "R&D <lab>" in participants
    assert FORMULA_TITLE in participants
    facilitation = flat("\n".join(pages_text(facilitator_pdf)))
    assert MARKUP_TITLE in facilitation and MARKUP_OBJECTIVES in facilitation
    assert "AT&T;" not in facilitation and "&amp;" not in facilitation


def test_devanagari_and_arabic_titles_print_in_their_fonts(participants_pdf):
    last = pages_text(participants_pdf)[-1]
    # Shaped text does not read back letter for letter: Arabic comes back in presentation forms
    # and visual order, Devanagari conjuncts as private glyphs. Every Arabic word and every
    # Devanagari word without a conjunct must be there.
    words = set(unicodedata.normalize("NFKC", last).split())
    assert set(ARABIC_TITLE.split()) <= words
    assert {"बाल", "योजना"} <= words
    # A bracket after a Devanagari name must not take the Latin text after it into the
    # Devanagari font (it printed as empty boxes).
    assert re.search(r"सीता \S+ \(MoLESS\)", last)
    fonts = {font.get_object()["/BaseFont"].split("+")[-1]
             for page in PdfReader(participants_pdf).pages for font in page["/Resources"]["/Font"].values()}
    assert {"NotoSansDevanagari-Bold", "NotoSansArabic-Bold", "NotoSansDevanagari-Regular"} <= fonts


def test_every_font_is_embedded(participants_pdf, facilitator_pdf):
    for path in (participants_pdf, facilitator_pdf):
        for page in PdfReader(path).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "/FontDescriptor" in font, font["/BaseFont"]  # not one of the 14 standard fonts
                assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]


def test_facilitator_version_adds_objectives_notes_and_roles(participants_pdf, facilitator_pdf):
    participants = flat("\n".join(pages_text(participants_pdf)))
    facilitation = flat("\n".join(pages_text(facilitator_pdf)))
    assert FIRST_OBJECTIVES not in participants
    assert f"Objectives {FIRST_OBJECTIVES}" in facilitation
    assert "Expected output Signed attendance sheet for day 1" in facilitation
    assert "Materials Printed sign-in sheets by organization" in facilitation
    assert "Facilitator notes Two registration desks" in facilitation
    assert f"Rapporteur {RAPPORTEUR} (MoHA)" in facilitation
    assert "Rapporteur" not in participants


def test_facilitator_version_has_every_session_and_sensible_length(facilitator_pdf, agenda_document):
    pages = pages_text(facilitator_pdf)
    assert 3 < len(pages) <= 15
    facilitation = flat("\n".join(pages))
    for session in agenda_document.rows("session"):
        if session["title"] not in (DEVANAGARI_TITLE, ARABIC_TITLE):
            assert flat(session["title"]) in facilitation
    assert "Parallel 2 of 4" in facilitation
    assert "Day 1 · Tuesday 9 March 2027 (continued)" in facilitation  # a long day runs on


def test_a_day_that_does_not_fit_continues_under_a_continued_band(tmp_path):
    def fill(document):
        day = document.rows("day")[0]["id"]
        with document.bulk() as db:
            db["session"].insert_all({"id": new_id(), "day_id": day, "slot": number, "title": f"Session {number:02}",
                                      "duration": 20} for number in range(30))

    with WorkshopDocument.create(tmp_path / "long.workshop", title="Long day", country="NP",
                                 start_date="2027-01-05", days=1, fill=fill) as long_day:
        write_agenda_pdf(long_day, tmp_path / "long.pdf")
    pages = pages_text(tmp_path / "long.pdf")
    assert len(pages) == 2
    assert pages[1].startswith("Day 1 · Tuesday 5 January 2027 (continued)")
    everything = flat("\n".join(pages))
    assert all(f"Session {number:02}" in everything for number in range(30))
    assert "18:40–19:00" in pages[1]  # the last session, on the second page


def test_workshop_without_days_or_sessions_still_prints(tmp_path):
    with WorkshopDocument.create(tmp_path / "bare.workshop", title="Atelier <pilote> & co", country="MG") as bare:
        write_agenda_pdf(bare, tmp_path / "bare.pdf")
    assert len(pages_text(tmp_path / "bare.pdf")) == 1
    assert "Atelier <pilote> & co" in pages_text(tmp_path / "bare.pdf")[0]
    assert flat(NO_DAYS) in flat(pages_text(tmp_path / "bare.pdf")[0])
    with WorkshopDocument.create(tmp_path / "empty.workshop", title="Empty", country="MG",
                                 start_date="2027-05-04", days=2) as empty:
        write_facilitator_agenda_pdf(empty, tmp_path / "empty.pdf")
    pages = pages_text(tmp_path / "empty.pdf")
    assert len(pages) == 2 and all(NO_SESSIONS in text for text in pages)


def test_letter_paper(agenda_document, tmp_path):
    write_agenda_pdf(agenda_document, tmp_path / "letter.pdf", paper="Letter")
    box = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_unknown_paper_is_refused(agenda_document, tmp_path):
    with pytest.raises(ExportError, match=r"^x\.pdf: the paper must be A4 or Letter, not 'A3'"):
        write_agenda_pdf(agenda_document, tmp_path / "x.pdf", paper="A3")
    assert not any(tmp_path.iterdir())


def test_missing_folder_is_a_clear_error(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        with pytest.raises(ExportError) as caught:
            write_agenda_pdf(document, tmp_path / "gone" / "agenda.pdf")
    assert isinstance(caught.value, WorkshopError)
    assert re.match(r"^agenda\.pdf: the folder .* does not exist", str(caught.value))


def test_failed_export_leaves_the_earlier_file_and_no_debris(demo_path, tmp_path, monkeypatch):
    from workshop_app.export.pdf.page import WorkshopDocTemplate

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "agenda.pdf"
    target.write_bytes(b"the earlier export")
    real_build = WorkshopDocTemplate.build

    def full_disk(self, *args, **kwargs):
        real_build(self, *args, **kwargs)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(WorkshopDocTemplate, "build", full_disk)
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        for facilitator in (False, True):
            with pytest.raises(ExportError, match="No space left on device"):
                write_agenda_pdf(document, target, facilitator=facilitator)
    assert target.read_bytes() == b"the earlier export"
    assert [path.name for path in folder.iterdir()] == ["agenda.pdf"]


def test_registry_exports_both_versions(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        export(document, tmp_path / "a.pdf", "agenda", paper="Letter")
        export(document, tmp_path / "f.pdf", "facilitator-agenda", paper=None)
        with pytest.raises(ExportError, match="--day does not apply to agenda .pdf"):
            export(document, tmp_path / "x.pdf", "agenda", day=1)
    assert FIRST_OBJECTIVES not in flat("\n".join(pages_text(tmp_path / "a.pdf")))
    assert FIRST_OBJECTIVES in flat("\n".join(pages_text(tmp_path / "f.pdf")))


def test_a_bracket_after_a_devanagari_word_opens_a_latin_run():
    from workshop_app.export.pdf import fonts

    assert fonts.runs("सीता श्रेष्ठ (MoLESS)")[-1] == (fonts.LATIN, "(MoLESS)")
