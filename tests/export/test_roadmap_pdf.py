"""The road-map PDF as the printed pages show it (text, outline and fonts read back with pypdf)."""

import re
import shutil
import unicodedata

import pytest
from pypdf import PdfReader

from tests.export.conftest import ARABIC_NAME, DEVANAGARI_NAME, MARKUP_NAME, VIETNAMESE_NAME
from workshop_app.export.errors import ExportError
from workshop_app.export.registry import export, export_checked
from workshop_app.export.roadmap_pdf.report import SECTIONS, write_roadmap_pdf
from workshop_app.i18n.catalogs import translator
from workshop_app.i18n.languages import PSEUDO
from workshop_app.i18n.pseudo import pseudo
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.comments import plan_add_comment
from workshop_app.models.roadmap.editing import plan_add_node, plan_set_partners
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.roadmap.versions import plan_freeze_version, plan_mark_validated

WORKSHOP_TITLE = "National workshop on a road map towards SDG target 8.7 in Nepal"
ARABIC_OUTCOME = "حماية العمال المهاجرين من العمل الجبري"
DEVANAGARI_ACTION = "बाल श्रम निवारण योजना"
VIETNAMESE_ACTION = "Hội thảo đào tạo thanh tra lao động"
FRENCH_OUTPUT = "Réseau d'entreprises engagées contre le travail des enfants"
MARKUP_ACTION = "<b>Budget & <i>risks"
ARABIC_ORGANIZATION = "وزارة العمل"
COMMENT = "Add the provinces <& their budgets> to 5.1"
VALIDATED = "Validated 2027-03-11"
DRAFT_VERSION = "Draft after day 2"


@pytest.fixture(scope="module")
def roadmap_path(awkward_demo_path, tmp_path_factory):
    """The demo with awkward participants, plus an outcome in Arabic whose output and actions
    are in French, Nepali, Vietnamese and markup-looking text, an Arabic-named lead, an open
    plenary comment, a frozen draft version and a validated one. Tests must not change it."""
    path = tmp_path_factory.mktemp("roadmap") / "Nepal demo.workshop"
    shutil.copyfile(awkward_demo_path, path)
    with WorkshopDocument.open(path) as document:
        document.apply(plan_freeze_version(document, DRAFT_VERSION))
        goal = document.rows("roadmap_node", "level = 'goal'")[0]["id"]
        outcome = plan_add_node(document, goal, "outcome", title=ARABIC_OUTCOME)
        document.apply(outcome)
        outcome_id = outcome.rows[0].row_id
        output = plan_add_node(document, outcome_id, "output", title=FRENCH_OUTPUT)
        document.apply(output)
        output_id = output.rows[0].row_id
        ministry = document.insert("organization", name=ARABIC_ORGANIZATION, acronym="", category="government")
        ministry_id = ministry.rows[0].row_id
        ilo = next(row["id"] for row in document.rows("organization") if row["acronym"] == "ILO")
        for title, status, start, end in ((DEVANAGARI_ACTION, "agreed", "2027-Q3", "2028-Q4"),
                                          (VIETNAMESE_ACTION, "in_progress", "2027-Q2", "2027-Q4"),
                                          (MARKUP_ACTION, "done", "2027-Q1", "2027-Q2")):
            action = plan_add_node(document, output_id, "action", title=title, status=status, start=start, end=end,
                                   cost=12500.0, currency="USD", funding_secured=2500.0,
                                   lead_organization_id=ministry_id)
            document.apply(action)
            document.apply(plan_set_partners(document, action.rows[0].row_id, {ilo: "support"}))
        document.insert("indicator", node_id=outcome_id, position=0, title="Travailleurs migrants informés",
                        unit="%", baseline_value="12", baseline_year=2026, target_value="60", target_year=2030)
        document.apply(plan_add_comment(document, outcome_id, COMMENT))
        document.apply(plan_freeze_version(document, VALIDATED))
        document.apply(plan_mark_validated(document, VALIDATED))
    return path


@pytest.fixture(scope="module")
def roadmap_document(roadmap_path):
    with WorkshopDocument.open(roadmap_path, readonly=True) as document:
        yield document


@pytest.fixture(scope="module")
def draft_pdf(roadmap_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "road map.pdf"
    write_roadmap_pdf(roadmap_document, path)
    return path


@pytest.fixture(scope="module")
def validated_pdf(roadmap_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "validated.pdf"
    write_roadmap_pdf(roadmap_document, path, version=VALIDATED, paper="Letter")
    return path


def pages_text(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def everything(path) -> str:
    return flat("\n".join(pages_text(path)))


def outline_titles(path) -> list[tuple[int, str]]:
    """(level, title) of every outline entry, in order."""
    found = []

    def visit(entries, level):
        for entry in entries:
            if isinstance(entry, list):
                visit(entry, level + 1)
            else:
                found.append((level, entry.title))

    visit(PdfReader(path).outline, 0)
    return found


def test_cover_names_the_country_the_workshop_and_the_version(draft_pdf):
    cover = flat(pages_text(draft_pdf)[0])
    assert "Nepal" in cover
    assert WORKSHOP_TITLE in cover
    assert "9–11 March 2027" in cover
    assert "Hotel Shanti Crest (fictional venue), Kathmandu" in cover
    assert "Current draft" in cover


def test_every_outcome_code_and_action_code_is_printed(draft_pdf, roadmap_document):
    text = everything(draft_pdf)
    codes = node_codes(roadmap_document)
    nodes = {row["id"]: row for row in roadmap_document.rows("roadmap_node")}
    for node_id, code in codes.items():
        level = nodes[node_id]["level"]
        if level == "outcome":
            assert f"OUTCOME {code}" in text and f"Outcome {code}:" in text
        elif level in ("output", "action"):
            assert re.search(rf"(^|\s){re.escape(code)}\s", text), code


def test_page_x_of_y_on_every_page_and_a_draft_watermark(draft_pdf):
    pages = pages_text(draft_pdf)
    assert len(pages) > 10
    assert "Page 1 of" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        # Not validated: every page carries the watermark, drawn as a shape that copied text
        # never picks up ("DR", "AF", "T" used to land among the words).
        assert "DRAFT" not in text and not re.search(r"(^|\s)(DR|AF|T)(\s|$)", text)
    assert all(watermarked(page) for page in PdfReader(draft_pdf).pages)


def watermarked(page) -> bool:
    """The page fills a shape at the watermark's 7 % opacity."""
    states = page["/Resources"].get("/ExtGState", {})
    return any(abs(float(state.get_object().get("/ca", 1)) - 0.07) < 1e-6 for state in states.values())


def test_a_validated_version_prints_without_watermark(validated_pdf):
    pages = pages_text(validated_pdf)
    assert not any(watermarked(page) for page in PdfReader(validated_pdf).pages)
    cover = flat(pages[0])
    assert f"{VALIDATED} · validated" in cover
    assert all(f"Version: {VALIDATED}" in text for text in pages)
    box = PdfReader(validated_pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)  # Letter


def test_a_frozen_draft_version_prints_its_own_road_map_with_watermark(roadmap_document, tmp_path):
    path = tmp_path / "day 2.pdf"
    write_roadmap_pdf(roadmap_document, path, version=DRAFT_VERSION)
    text = everything(path)
    assert f"Version: {DRAFT_VERSION}" in text
    assert all(watermarked(page) for page in PdfReader(path).pages)
    assert "Outcome 4:" in text and "Outcome 5:" not in text  # frozen before the Arabic outcome
    assert VIETNAMESE_ACTION not in unicodedata.normalize("NFC", text)


def test_outline_has_every_section_and_every_outcome(draft_pdf, roadmap_document):
    outline = outline_titles(draft_pdf)
    top = [title for level, title in outline if level == 0]
    assert top == ["Endorsement", "Foreword", "Contents", "1 Acronyms", "2 Executive summary", "3 Definitions",
                   "4 Context", "5 Legal and institutional framework", "6 The road map", "7 Timeline",
                   "8 Implementation and coordination", "9 Monitoring and evaluation framework",
                   "10 Risks and assumptions", "11 Budget summary", "12 Cross-cutting tables",
                   "13 Responsibilities", "14 The workshop", "15 Acknowledgements",
                   "Annex A List of participants", "Annex B Agenda",
                   "Annex C Open plenary comments"]
    outcomes = [title for level, title in outline if level == 1]
    assert len(outcomes) == roadmap_document.count("roadmap_node", "level = 'outcome'") == 5
    assert outcomes[0].startswith("Outcome 1: Legal and policy framework")
    assert outcomes[4] == f"Outcome 5: {ARABIC_OUTCOME}"


def test_contents_lists_the_sections_with_their_pages(draft_pdf):
    pages = pages_text(draft_pdf)
    reader = PdfReader(draft_pdf)
    at = next(reader.get_destination_page_number(entry) for entry in reader.outline
              if not isinstance(entry, list) and entry.title == "Contents")
    contents = pages[at]
    printed_numbers = set(re.findall(r"^(\d+)$", contents, re.MULTILINE))
    for entry in reader.outline:
        if isinstance(entry, list) or entry.title == "Contents":
            continue
        page = reader.get_destination_page_number(entry) + 1
        title = entry.title.split(" ", 1)[1] if entry.title[0].isdigit() else entry.title
        assert title in flat(contents)
        assert str(page) in printed_numbers, (title, page)  # its page number, on the right
        assert title in flat(pages[page - 1])  # the bookmark lands on its section
    # Each line of the contents links to its section.
    links = [annotation.get_object() for annotation in reader.pages[at].get("/Annots", [])]
    assert len([link for link in links if link["/Subtype"] == "/Link"]) == len(
        [title for _, title in outline_titles(draft_pdf)]) - 1


def test_every_font_is_embedded(draft_pdf):
    names = set()
    for page in PdfReader(draft_pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(font["/BaseFont"].split("+")[-1])
            assert "/FontDescriptor" in font, font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    assert {"NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular", "NotoSansDevanagari-Regular"} <= names


def test_vietnamese_french_arabic_and_nepali_text_prints(draft_pdf):
    text = everything(draft_pdf)
    assert VIETNAMESE_ACTION in unicodedata.normalize("NFC", text)
    assert VIETNAMESE_NAME in text
    assert FRENCH_OUTPUT in text
    # Shaped text reads back in presentation forms and visual order: compare words.
    words = set(unicodedata.normalize("NFKC", text).split())
    assert set(ARABIC_OUTCOME.split()) <= words
    assert set(ARABIC_NAME.split()) <= words
    assert {"बाल", "योजना"} <= words
    assert DEVANAGARI_NAME.split()[0] in words


def test_markup_looking_text_prints_literally(draft_pdf):
    text = everything(draft_pdf)
    assert MARKUP_ACTION in text
    assert MARKUP_NAME in text
    assert COMMENT in text
    assert "&amp;" not in text and "&lt;" not in text


def test_open_plenary_comments_annex(draft_pdf):
    annex = next(text for text in pages_text(draft_pdf) if "Annex C" in text.split("\n")[0] or
                 "Open plenary comments" in text[:200])
    assert COMMENT in flat(annex)


def test_participants_contact_details_only_when_chosen(roadmap_document, draft_pdf, tmp_path):
    assert "maryam@example.org" not in everything(draft_pdf)
    path = tmp_path / "with contacts.pdf"
    write_roadmap_pdf(roadmap_document, path, include_contacts=True, sections=["participants"])
    text = everything(path)
    assert "maryam@example.org" in text.replace("@ ", "@")
    assert "Annex A List of participants" in text and "Timeline" not in text


def test_an_address_too_wide_for_its_cell_breaks_after_its_at(roadmap_document, tmp_path):
    """Or after a dot: not at whatever letter reaches the cell's edge ("aakash.mehta@unodc.e" /
    "xample")."""
    path = tmp_path / "with contacts.pdf"
    write_roadmap_pdf(roadmap_document, path, include_contacts=True, sections=["participants"])
    text = re.sub(r"([@.])\s+(?=[a-z])", r"\1", "\n".join(pages_text(path)))
    addresses = [row["email"] for row in roadmap_document.rows("participant") if row["email"]]
    assert len(addresses) > 100
    assert [address for address in addresses if address not in text] == []
    assert "\u200b" not in text


def test_labels_print_in_the_export_language(roadmap_document, tmp_path):
    """Every label of ours goes through the catalogs: in the pseudo-language each one reads
    "[Lîké thîs~~]", on the page, in its tables, charts, footer and outline; user text as typed."""
    path = tmp_path / "pseudo.pdf"
    write_roadmap_pdf(roadmap_document, path, lang=PSEUDO, sections=["workshop", "roadmap", "timeline", "budget"])
    pages = pages_text(path)
    text = flat("\n".join(pages))
    assert pseudo("Page {page} of {pages}").format(page=1, pages=len(pages)) in flat(pages[0])
    assert pseudo("Draft") in text  # the version printed, in the footer
    for label in ("The road map", "Budget summary", "Timeline", "Outcomes at a glance", "Funding gap", "Lead",
                  "Partners", "Totals per currency", "Participants by organization category; "
                  "bars divided by sex.", "All participants"):
        assert pseudo(label) in text, label
    # Vocabulary (statuses in the chips and the legend, roles, the sexes counted), counts, sums
    # of money, quarters.
    for label in ("Agreed", "In progress", "Women", "Men"):
        assert pseudo(label) in text, label
    assert f"{pseudo('{label}:').format(label=pseudo('Support'))} ILO" in text
    assert pseudo("{count} outputs").format(count=3) in text and pseudo("{count} actions").format(count=10) in text
    assert pseudo("{currency} {amount}").format(currency="USD", amount="45,000") in text
    assert pseudo("Q{q}").format(q=2) in text
    women = re.escape(pseudo("{count} women ({share})")).replace(r"\{count\}", r"\d+").replace(r"\{share\}", r"\d+%")
    assert re.search(women, text)
    assert ARABIC_OUTCOME.split()[0] in unicodedata.normalize("NFKC", text) and FRENCH_OUTPUT in text
    top = [title for level, title in outline_titles(path) if level == 0]
    assert top == [pseudo("Contents"), f"1 {pseudo('The road map')}", f"2 {pseudo('Timeline')}",
                   f"3 {pseudo('Budget summary')}", f"4 {pseudo('The workshop')}"]


def test_french_dates_numbers_and_country(roadmap_document, tmp_path):
    """Dates, numbers, percentages and the country's name as French writes them (CLDR and ISO
    3166 through Babel and pycountry: no catalog needed)."""
    path = tmp_path / "feuille de route.pdf"
    write_roadmap_pdf(roadmap_document, path, lang="fr", sections=["workshop", "roadmap", "budget"])
    printed = "\n".join(pages_text(path))
    text = flat(printed)
    assert "Népal" in text
    assert "9–11 mars 2027" in text and "mardi 9 mars 2027" in text
    assert "17\u202f000\u202f000" in printed  # groups of digits apart by a narrow no-break space
    assert re.search(r"\(\d+ %\)", text)  # a space before the percent sign
    assert "Tuesday" not in text and "March" not in text and "17,000,000" not in text


def test_arabic_labels_drawn_on_the_canvas_are_shaped(roadmap_document, tmp_path, monkeypatch):
    """Labels drawn straight on the page (cover band, page numbers, status chips, chart legends,
    "not costed") print in Arabic letters, joined, like those in paragraphs; no letter is lost."""
    arabic = {"Page {page} of {pages}": "صفحة {page} من {pages}", "Agreed": "متفق عليه", "Women": "نساء",
              "National road map towards SDG target 8.7": "خارطة الطريق الوطنية", "not costed": "غير مقدر"}
    words = translator("ar")
    monkeypatch.setattr(words, "gettext", lambda message: arabic.get(message, message))
    path = tmp_path / "arabic.pdf"
    _, unprintable = export_checked(roadmap_document, path, "roadmap", lang="ar",
                                    sections=["workshop", "roadmap", "timeline"])
    assert not unprintable
    # Runs of Arabic letters: on a right-to-left page a status stands right of the cost, and
    # pypdf joins the two ("متفقUSD 45,000") where a reader sees two cells.
    found = set(re.findall(r"[\u0600-\u06ff]+", unicodedata.normalize("NFKC", everything(path))))
    for label in ("صفحة", "متفق", "عليه", "نساء", "خارطة", "الطريق", "الوطنية", "غير", "مقدر"):
        assert label in found, label
    assert "نيبال" in found  # the country on the cover, in Arabic (ISO 3166 through pycountry)


def test_a_workshop_in_four_scripts_exports(tmp_path):
    """A small workshop whose own text is Vietnamese, French, Arabic and Nepali throughout."""
    path = tmp_path / "scripts.workshop"

    def fill(document):
        document.update("workshop", document.workshop()["id"], venue="Khách sạn Hà Nội",
                        objectives="Renforcer la coordination\nتعزيز التنسيق\nसमन्वय सुदृढ गर्ने",
                        national_context="Bối cảnh quốc gia: lao động trẻ em. السياق الوطني. राष्ट्रिय सन्दर्भ।")
        organization = document.insert("organization", name="Bộ Lao động – Thương binh và Xã hội",
                                       acronym="MOLISA", category="government").rows[0].row_id
        for name, sex in (("Nguyễn Thị Lan", "female"), ("Élodie Rakotomalala", "female"),
                          ("مريم الإدريسي", "female"), ("सीता श्रेष्ठ", "female"), ("Trần Văn Minh", "male")):
            document.insert("participant", name=name, sex=sex, organization_id=organization)
        goal = document.insert("roadmap_node", level="goal", position=0, title="Mục tiêu: chấm dứt lao động trẻ em")
        outcome = document.insert("roadmap_node", parent_id=goal.rows[0].row_id, level="outcome", position=0,
                                  title="النتيجة: حماية الأطفال")
        output = document.insert("roadmap_node", parent_id=outcome.rows[0].row_id, level="output", position=0,
                                 title="Produit : inspection du travail renforcée")
        document.insert("roadmap_node", parent_id=output.rows[0].row_id, level="action", position=0,
                        title="श्रम निरीक्षकहरूको तालिम", start="2027-Q1", end="2027-Q4", cost=1000.0, currency="VND",
                        lead_organization_id=organization)

    with WorkshopDocument.create(path, title="Hội thảo quốc gia về mục tiêu 8.7", country="VN",
                                 start_date="2027-05-04", days=2, fill=fill) as document:
        write_roadmap_pdf(document, tmp_path / "scripts.pdf")
    text = unicodedata.normalize("NFC", everything(tmp_path / "scripts.pdf"))
    assert "Hội thảo quốc gia về mục tiêu 8.7" in text and "Vietnam" in text
    assert "Bộ Lao động – Thương binh và Xã hội" in text and "Élodie Rakotomalala" in text
    assert "Produit : inspection du travail renforcée" in text


def test_a_bare_workshop_still_prints(tmp_path):
    with WorkshopDocument.create(tmp_path / "bare.workshop", title="Atelier <pilote> & co", country="MG") as bare:
        write_roadmap_pdf(bare, tmp_path / "bare.pdf", lang="fr")
        write_roadmap_pdf(bare, tmp_path / "pseudo.pdf", lang=PSEUDO)
    text = everything(tmp_path / "bare.pdf")
    assert "Atelier <pilote> & co" in text and "Madagascar" in text
    assert pseudo("The road map has no outcomes yet.") in everything(tmp_path / "pseudo.pdf")


def test_missing_folder_is_a_clear_error(roadmap_document, tmp_path):
    with pytest.raises(ExportError) as caught:
        write_roadmap_pdf(roadmap_document, tmp_path / "gone" / "road map.pdf")
    assert isinstance(caught.value, WorkshopError)
    assert re.match(r"^road map\.pdf: the folder .* does not exist", str(caught.value))


def test_unknown_version_is_a_clear_error_and_writes_nothing(roadmap_document, tmp_path):
    with pytest.raises(ExportError, match=r"^x\.pdf: there is no version named “Final”"):
        write_roadmap_pdf(roadmap_document, tmp_path / "x.pdf", version="Final")
    assert not any(tmp_path.iterdir())


def test_unknown_paper_section_or_logo_is_refused(roadmap_document, tmp_path):
    with pytest.raises(ExportError, match="the paper must be A4 or Letter"):
        write_roadmap_pdf(roadmap_document, tmp_path / "x.pdf", paper="A3")
    with pytest.raises(ExportError, match="there is no section 'annexes'"):
        write_roadmap_pdf(roadmap_document, tmp_path / "x.pdf", sections=["roadmap", "annexes"])
    (tmp_path / "logo.png").write_text("not an image")
    with pytest.raises(ExportError, match="logo"):
        write_roadmap_pdf(roadmap_document, tmp_path / "x.pdf", logo=tmp_path / "logo.png")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["logo.png"]


def test_logo_on_the_cover(roadmap_document, tmp_path):
    from PIL import Image

    Image.new("RGB", (300, 120), "#c8102e").save(tmp_path / "logo.png")
    write_roadmap_pdf(roadmap_document, tmp_path / "logo.pdf", logo=tmp_path / "logo.png", sections=[])
    cover = PdfReader(tmp_path / "logo.pdf").pages[0]
    assert any(obj.get_object()["/Subtype"] == "/Image" for obj in cover["/Resources"]["/XObject"].values())


def test_registry_exports_the_road_map_with_its_options(roadmap_document, tmp_path):
    export(roadmap_document, tmp_path / "r.pdf", "roadmap", version=VALIDATED, paper="A4", lang=PSEUDO,
           sections=["roadmap"])
    text = everything(tmp_path / "r.pdf")
    assert pseudo("The road map") in text and pseudo("Draft") not in text  # validated: no "Draft" in the footer
    with pytest.raises(ExportError, match="--day does not apply to roadmap .pdf"):
        export(roadmap_document, tmp_path / "x.pdf", "roadmap", day=1)


def test_sections_can_be_left_out(roadmap_document, tmp_path):
    write_roadmap_pdf(roadmap_document, tmp_path / "short.pdf", sections=["roadmap"])
    top = [title for level, title in outline_titles(tmp_path / "short.pdf") if level == 0]
    assert top == ["Contents", "1 The road map"]
    assert set(SECTIONS) >= {"context", "workshop", "roadmap", "timeline", "monitoring", "budget",
                             "responsibilities", "participants", "agenda", "comments"}


def test_a_long_timeline_continues_on_more_pages_and_long_cells_wrap(tmp_path):
    """Ten years of quarters do not fit one page at a legible width: the timeline goes on over
    further pages, each with its years; a huge action's title starts in its cell and goes on in a
    note under the table, never cut and never lost to a layout error."""
    path = tmp_path / "long.workshop"

    def fill(document):
        organizations = [document.insert("organization", name=f"Partner organization number {index}",
                                         acronym="").rows[0].row_id for index in range(60)]
        goal = document.insert("roadmap_node", level="goal", position=0, title="Goal").rows[0].row_id
        outcome = document.insert("roadmap_node", parent_id=goal, level="outcome", position=0,
                                  title="Outcome").rows[0].row_id
        output = document.insert("roadmap_node", parent_id=outcome, level="output", position=0,
                                 title="Output").rows[0].row_id
        for position, (start, end) in enumerate((("2027-Q1", "2028-Q4"), ("2031-Q2", "2036-Q4"))):
            document.insert("roadmap_node", parent_id=output, level="action", position=position,
                            title=("Early", "Late")[position] + " action", start=start, end=end)
        huge = document.insert("roadmap_node", parent_id=output, level="action", position=2,
                               title="Strengthen inspection " * 300, start="2029-Q1", end="2029-Q2",
                               lead_organization_id=organizations[0]).rows[0].row_id
        for index, organization in enumerate(organizations[1:]):
            document.insert("action_partner", node_id=huge, organization_id=organization,
                            role=("support", "consulted", "informed", "funder")[index % 4])

    with WorkshopDocument.create(path, title="Long plan", country="FJ", fill=fill) as document:
        write_roadmap_pdf(document, tmp_path / "long.pdf", paper="Letter", sections=["roadmap", "timeline"])
    pages = pages_text(tmp_path / "long.pdf")
    timeline = [flat(text) for text in pages if "Proposed Agreed In progress" in flat(text)]
    assert len(timeline) >= 2
    assert "2027" in timeline[0] and "2036" not in timeline[0]
    assert "2036" in timeline[-1] and "2027" not in timeline[-1]
    text = flat("\n".join(pages))
    assert "…" not in text
    assert "(continued in note 1)" in text and "Note 1: 1.1.3, continued" in text
    # Every word of the title, in the matrix and again in the timeline (whose label repeats on
    # each page of years).
    assert text.count("Strengthen inspection") >= 2 * 300
    assert "Support: Partner organization number 1," in text and re.search(r"\+\d+ more", text)


def test_categories_print_in_the_report_s_language_whatever_the_window_s(demo_document, tmp_path):
    from workshop_app.i18n import catalogs

    path = tmp_path / "english report.pdf"
    try:
        catalogs.use("fr")  # the window speaks French
        write_roadmap_pdf(demo_document, path, lang="en", sections=["workshop"])
    finally:
        catalogs.use("en")
    text = flat("\n".join(pages_text(path)))
    assert "Government" in text and "Civil society" in text
    assert text.count("No organization") <= 2  # the awkward people have none; every other row its category


def test_a_comment_accepted_from_a_phone_is_printed_as_signed_by_what_its_sender_typed(demo_path, tmp_path):
    from workshop_app.models.roadmap.phone_comments import plan_accept_phone_comment, plan_receive_phone_comment

    with WorkshopDocument.open(demo_path) as document:
        participant = document.rows("participant", order_by="name")[0]["name"]
        outcome = document.rows("roadmap_node", "level = 'outcome'", order_by="position")[0]["id"]
        received = plan_receive_phone_comment(document, outcome, "Drop this outcome", name=participant)
        document.apply(received)
        document.apply(plan_accept_phone_comment(document, received.rows[0].row_id))
        write_roadmap_pdf(document, tmp_path / "comments.pdf", sections=["comments"])
    annex = flat(everything(tmp_path / "comments.pdf"))
    assert "Drop this outcome" in annex
    assert f"From a phone, signed “{participant}” (not verified)" in annex
