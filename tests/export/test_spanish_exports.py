"""Spanish exports as a reader in Spain sees them: no word of ours left in English, dates and
numbers as Spanish writes them, no header word cut in two.

The demo workshop's own text is English (titles, names, rooms): the English words looked for
here are labels of ours that the demo's text does not hold.
"""

import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from workshop_app.export.registry import export
from workshop_app.models.changes import Change, RowChange

# Labels of ours, in English, that a Spanish export must not print (by kind).
ENGLISH_LABELS = {
    "sign-in": ["Sign-in sheet", "Signature", "Walk-in", "Page ", "Contact (e-mail", "Name", "Title", "Day 1"],
    "agenda": ["Speakers:", "Speaker:", "Facilitator:", "Agenda", "Day 1", "Page "],
    "facilitator-agenda": ["Expected output", "Facilitator notes", "Materials", "Facilitator", "not assigned",
                           "Starts ", "planned end"],
    "groups": ["Members", "Breakout groups", "Facilitator", "Speakers", "group 1 of", "in parallel"],
    "roadmap": ["Contents", "The workshop", "Budget summary", "Responsibilities", "Timeline", "Outcome 1",
                "Annex A", "Page ", "List of participants", "Funding gap", "not costed", "Agreed", "Proposed"],
}


@pytest.fixture(scope="module")
def spanish(demo_document, tmp_path_factory):
    folder = tmp_path_factory.mktemp("spanish")
    options = {"sign-in": {"day": 1, "include_contacts": True}, "groups": {"day": 2, "slot": 2},
               "roadmap": {"include_contacts": True}}
    # The demo's plan texts are the country's own words, in English: a Spanish report prints them
    # as written, so they are left out here, where only the program's words are looked for.
    with demo_document.scratch_copy() as document:
        document.apply(Change("", tuple(RowChange("plan_text", row["id"], row, None)
                                        for row in document.rows("plan_text"))))
        return {kind: export(document, folder / f"{kind}.pdf", kind, lang="es", **options.get(kind, {}))
                for kind in ENGLISH_LABELS}


def text_of(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.mark.parametrize("kind", list(ENGLISH_LABELS))
def test_no_label_of_ours_is_left_in_english(spanish, kind):
    text = text_of(spanish[kind])
    assert [label for label in ENGLISH_LABELS[kind] if label in text] == []


def test_dates_as_spanish_writes_them(spanish):
    signin = text_of(spanish["sign-in"])
    assert "Hoja de registro – Día 1: martes, 9 de marzo de 2027" in signin
    assert "Día 1 · página 1 de" in signin
    agenda = text_of(spanish["agenda"])
    assert "9–11 de marzo de 2027" in agenda and "Día 1 · martes, 9 de marzo de 2027" in agenda
    for text in (signin, agenda, text_of(spanish["roadmap"])):
        assert not re.search(r"\b(Tuesday|Wednesday|Thursday)\b", text)
        assert not re.search(r"\d (March|Mar) 2027", text)


def test_numbers_as_spanish_writes_them(spanish):
    roadmap = text_of(spanish["roadmap"])
    assert "NPR 17.000.000" in roadmap and "17,000,000" not in roadmap
    assert re.search(r"\(\d+ %\)", roadmap)  # a space before the percent sign


def test_no_header_word_is_cut_in_two(spanish):
    """"Código" in the road map's narrow code columns, "Financiado" in the budget's."""
    words = set()
    for page in PdfReader(spanish["roadmap"]).pages:
        words.update(page.extract_text().split())
    assert {"Código", "Financiado"} <= words
    assert not {"Códig", "Financiad", "Financia"} & words


def test_workbooks_speak_spanish(demo_document, tmp_path):
    participants = load_workbook(export(demo_document, tmp_path / "participantes.xlsx", "participants", lang="es"))
    headers = [cell.value for cell in participants.worksheets[0][1]]
    assert "Nombre" in headers and not {"Name", "Sex", "Organization", "Title"} & set(headers)
    assert participants.worksheets[0].oddFooter.right.text == "Página &P de &N"
    agenda = load_workbook(export(demo_document, tmp_path / "programa.xlsx", "agenda", lang="es")).active
    assert [cell.value for cell in agenda[1]][:3] == ["Día", "Fecha", "Inicio"]
    # Tuesday and March are both "mar" in Spanish: the month is a number, as Spain writes dates.
    assert agenda["B2"].number_format == "[$-C0A]ddd dd/mm/yyyy"
    roadmap = load_workbook(export(demo_document, tmp_path / "hoja de ruta.xlsx", "roadmap", lang="es"))
    assert "Hoja de ruta" in roadmap.sheetnames
