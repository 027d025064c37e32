"""Every printed page says which workshop it belongs to, and which page it is; the program's
own name stays in the file's metadata."""

import pytest
from pypdf import PdfReader

from workshop_app.export.pdf.page import fitted_line
from workshop_app.export.pdf.styles import stylesheet
from workshop_app.export.registry import export
from workshop_app.models.document import WorkshopDocument

TITLE = "National workshop on a road map towards SDG target 8.7 in Nepal"


def footer_lines(path):
    """Each page's footer line (the line naming the workshop, last but for the page number,
    the road map's watermark and its contents' page numbers), and the page number."""
    pages = []
    for page in PdfReader(path).pages:
        lines = page.extract_text().strip().splitlines()
        footer = next(line for line in reversed(lines[:-1]) if " · " in line)
        pages.append((footer, lines[-1]))
    return pages


@pytest.mark.parametrize(("what", "dates"), [
    ("sign-in", "9 Mar 2027 – 11 Mar 2027"),
    ("agenda", "9 Mar 2027 – 11 Mar 2027"),
    ("facilitator-agenda", "9 Mar 2027 – 11 Mar 2027"),
    ("groups", "9 Mar 2027 – 11 Mar 2027"),
    ("roadmap", "9–11 March 2027 · Draft"),
])
def test_every_footer_names_the_workshop_and_the_page(demo_document, tmp_path, what, dates):
    path = export(demo_document, tmp_path / f"{what}.pdf", what)
    reader = PdfReader(path)
    for number, (footer, page) in enumerate(footer_lines(path), start=1):
        # The title already names the country, so the footer does not repeat it.
        assert footer == f"{TITLE} · {dates}", number
        assert "page" in page.lower() and " of " in page
    assert not any("Pathfinder Workshop" in page.extract_text() for page in reader.pages)
    assert reader.metadata["/Creator"].startswith("Pathfinder Workshop")


def test_country_is_named_when_the_title_does_not_name_it(tmp_path):
    with WorkshopDocument.create(tmp_path / "mg.workshop", title="Atelier national", country="MG",
                                 start_date="2027-05-04", days=2) as document:
        path = export(document, tmp_path / "agenda.pdf", "agenda")
    assert footer_lines(path)[0][0] == "Atelier national · Madagascar · 4 May 2027 – 5 May 2027"


def test_a_long_title_gives_up_the_dates_then_is_cut_and_the_last_piece_stays():
    style = stylesheet()["page_footer"]
    title = "Atelier national de validation de la feuille de route " * 4
    assert fitted_line(style, 2000, title.strip(), ["Madagascar", "4 May 2027"]).endswith("Madagascar · 4 May 2027")
    short = fitted_line(style, 300, title, ["Madagascar", "4 May 2027"], last="Draft")
    assert short.endswith("… · Draft") and "Madagascar" not in short
    assert short.startswith("Atelier national de validation")
