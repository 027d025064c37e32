"""The participant and agenda exports in the export's language: every word of ours through the
catalogs (checked with the pseudo-language, whose words are predictable), dates, countries and
languages as French writes them (French formats need no catalog), and the warning for
unprintable letters in the window's language."""

import csv

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from workshop_app.export.agenda.group_lists import write_group_lists_pdf
from workshop_app.export.agenda.pdf import write_agenda_pdf, write_facilitator_agenda_pdf
from workshop_app.export.agenda.workbook import write_agenda_xlsx
from workshop_app.export.registry import export_checked
from workshop_app.export.stakeholders.participants_csv import write_participants_csv
from workshop_app.export.stakeholders.participants_workbook import SHARE_NOTE, write_participants_xlsx
from workshop_app.export.stakeholders.signin_sheet import write_signin_pdf
from workshop_app.i18n import catalogs
from workshop_app.i18n.languages import PSEUDO
from workshop_app.i18n.pseudo import pseudo
from workshop_app.models.document import WorkshopDocument


def flat_text(path) -> str:
    """All pages' text, line breaks as spaces (labels wrap in narrow cells)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def said(message: str, **values) -> str:
    """A message as the pseudo-language prints it."""
    return pseudo(message).format(**values)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("languages")


# ---------------------------------------------------------------------- sign-in sheets

@pytest.fixture(scope="module")
def pseudo_signin(demo_document, folder):
    path = folder / "sign-in.pdf"
    write_signin_pdf(demo_document, path, day=2, include_contacts=True, lang=PSEUDO)
    return [page.extract_text() for page in PdfReader(path).pages]


def test_sign_in_sheet_headings_columns_and_walk_ins_in_the_export_language(pseudo_signin, demo_document):
    first, text = pseudo_signin[0], " ".join(" ".join(pseudo_signin).split())
    assert said("Sign-in sheet – Day {number}: {date}", number=2, date="Wednesday 10 March 2027") in first
    assert said("Please check your details, correct them by hand if needed, and sign.") in first
    assert said("{count} participants registered.", count=len(demo_document.rows("participant"))) in first
    for header in ("Name", "Organization", "Signature"):
        assert pseudo(header) in text
    assert said("Walk-in participants (not on the list)") in text
    assert pseudo("Male") in text  # the sex of a participant


def test_each_days_page_numbers_in_the_export_language(pseudo_signin):
    day = said("Day {number}", number=2)
    pages = len(pseudo_signin)
    assert said("{group} · page {page} of {pages}", group=day, page=1, pages=pages) in pseudo_signin[0]
    assert said("{group} · page {page} of {pages}", group=day, page=pages, pages=pages) in pseudo_signin[-1]


def test_sign_in_sheet_dates_and_country_in_french(document, folder):
    """The workshop's first working language is French: its sheets print in French by default."""
    path = folder / "feuilles.pdf"
    write_signin_pdf(document, path, day=1)
    text = flat_text(path)
    assert "mardi 4 mai 2027" in text
    assert "Atelier national · Madagascar · 4–6 mai 2027" in text


# ---------------------------------------------------------------------- participant list

@pytest.fixture(scope="module")
def pseudo_workbook(demo_document, folder):
    path = folder / "participants.xlsx"
    write_participants_xlsx(demo_document, path, lang=PSEUDO)
    return load_workbook(path)


def test_workbook_sheets_headers_and_labels_in_the_export_language(pseudo_workbook):
    # Excel refuses [ and ] in a sheet's name: the pseudo-language's brackets are left out.
    names = [pseudo(name).strip("[]") for name in ("Participants", "Summary")]
    assert pseudo_workbook.sheetnames == names
    listed = pseudo_workbook[names[0]]
    headers = [cell.value for cell in listed[1]]
    assert headers[:4] == [pseudo("No."), pseudo("Name"), pseudo("Sex"), pseudo("Organization")]
    assert headers[10] == said("Day {number} ({date})", number=1, date="9 Mar 2027")
    labels = {cell.value for row in listed.iter_rows(min_row=2, max_col=13) for cell in row[2:]}
    assert {pseudo("Female"), pseudo("Participant"), pseudo("Present"), pseudo("Absent")} <= labels
    assert listed.oddFooter.right.text == said("Page {page} of {pages}", page="&P", pages="&N")


def test_workbook_summary_in_the_export_language(pseudo_workbook):
    summary = [[cell.value for cell in row] for row in pseudo_workbook.worksheets[1].iter_rows()]
    first_cells = [row[0] for row in summary]
    assert first_cells[0] == pseudo("Participants by sex")
    assert pseudo("By organization category") in first_cells and pseudo("Government") in first_cells
    headers = next(row for row in summary if row[0] == pseudo("Category"))
    assert headers[1:7] == [pseudo(label) for label in ("Female", "Male", "Other", "Not stated", "Total",
                                                         "Women's share")]
    assert first_cells[-1] == pseudo(SHARE_NOTE)


def test_dates_and_languages_as_french_writes_them(demo_document, folder):
    path = folder / "participants-fr.xlsx"
    write_participants_xlsx(demo_document, path, lang="fr")
    workbook = load_workbook(path)
    listed, summary = workbook.worksheets
    assert [cell.value for cell in listed[1]][-1].endswith("(11 mars 2027)")
    # Babel's CLDR names: "anglais", not the English "English".
    assert {row[9].value for row in listed.iter_rows(min_row=2)} >= {"anglais", "népalais"}
    assert summary["A3"].value.startswith("9–11 mars 2027, Hotel Shanti Crest")


def test_csv_headers_and_labels_in_the_export_language(demo_document, folder):
    path = folder / "participants.csv"
    write_participants_csv(demo_document, path, lang=PSEUDO)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == [pseudo("No."), pseudo("Name"), pseudo("Sex")]
    assert {row[2] for row in rows[1:]} <= {pseudo(sex) for sex in ("Female", "Male", "Other", "Not stated")}


# ---------------------------------------------------------------------- agenda

def test_agenda_pdf_in_the_export_language(demo_document, folder):
    path = folder / "agenda.pdf"
    write_agenda_pdf(demo_document, path, lang=PSEUDO)
    text = flat_text(path)
    assert pseudo("Agenda") in text
    assert said("Day {number} · {date}", number=1, date="Tuesday 9 March 2027") in text
    assert said("{count} in parallel", count=4) in text
    colon = pseudo('{label}:')  # the pseudo-language's colon, as French sets its own
    assert colon.format(label=pseudo('Speakers')) in text and colon.format(label=pseudo('Facilitator')) in text
    assert pseudo("Plenary") in text  # a session type
    assert said("Page {page} of {pages}", page=1, pages=len(PdfReader(path).pages)) in text


def test_facilitator_agenda_in_the_export_language(demo_document, folder):
    path = folder / "facilitator.pdf"
    write_facilitator_agenda_pdf(demo_document, path, lang=PSEUDO)
    text = flat_text(path)
    assert pseudo("Facilitator's agenda · for the facilitation team") in text
    for label in ("Objectives", "Materials", "not assigned"):
        assert pseudo(label) in text
    assert said("Starts {time}", time="09:00") in text and said("{minutes} min", minutes=30) in text
    assert said("Parallel {position} of {count}", position=1, count=4) in text


def test_agenda_dates_in_french(demo_document, folder):
    path = folder / "programme.pdf"
    write_agenda_pdf(demo_document, path, lang="fr")
    text = flat_text(path)
    assert "9–11 mars 2027" in text and "mercredi 10 mars 2027" in text


def test_agenda_workbook_in_the_export_language(demo_document, folder):
    path = folder / "agenda.xlsx"
    write_agenda_xlsx(demo_document, path, lang=PSEUDO)
    sheet = load_workbook(path).active
    assert sheet.title == pseudo("Agenda").strip("[]")
    assert [cell.value for cell in sheet[1]][:3] == [pseudo("Day"), pseudo("Date"), pseudo("Start")]
    assert sheet["H2"].value == pseudo("Opening")  # the first session's type


def test_agenda_workbook_dates_show_french_names(demo_document, folder):
    path = folder / "agenda-fr.xlsx"
    write_agenda_xlsx(demo_document, path, lang="fr")
    assert load_workbook(path).active["B2"].number_format == "[$-40C]ddd d mmm yyyy"


def test_group_lists_in_the_export_language(demo_document, folder):
    path = folder / "groups.pdf"
    write_group_lists_pdf(demo_document, path, day=2, slot=2, lang=PSEUDO)
    text = flat_text(path)
    eyebrow = " · ".join([pseudo("Breakout groups"), said("{count} in parallel", count=4),
                          said("group {position} of {count}", position=1, count=4)])
    assert eyebrow in text
    assert pseudo("Members") in text and pseudo("Room") in text and pseudo("Organization") in text
    assert said("Day {number} · {date}", number=2, date="Wednesday 10 March 2027") in text


def test_the_command_line_s_lang_reaches_every_participant_and_agenda_export(demo_document, folder):
    for what, suffix in (("participants", ".xlsx"), ("participants", ".csv"), ("sign-in", ".pdf"),
                         ("agenda", ".pdf"), ("agenda", ".xlsx"), ("facilitator-agenda", ".pdf"),
                         ("groups", ".pdf")):
        out, _ = export_checked(demo_document, folder / f"registry-{what}{suffix}", what, lang="fr")
        assert out.exists(), what


# ---------------------------------------------------------------------- unprintable letters

@pytest.fixture
def window_in_pseudo_language():
    catalogs.use(PSEUDO)
    yield
    catalogs.use("en")


def test_the_unprintable_warning_speaks_the_window_s_language(workshop_path, tmp_path, without_system_fonts,
                                                              window_in_pseudo_language):
    with WorkshopDocument.open(workshop_path) as document:
        document.apply(document.plan_insert("participant", name="王 Ann"))
        _, found = export_checked(document, tmp_path / "sheets.pdf", "sign-in", day=1)
    item = said("participant “{name}”", name="王 Ann")
    assert [found_item.item for found_item in found] == [item]
    assert found[0].message("install a font") == said(
        "{item}, {field}: {scripts} characters “{characters}” {placeholder}; {advice}", item=item,
        field=pseudo("name"), scripts=pseudo("Chinese, Japanese or Korean"), characters="王",
        placeholder=pseudo("printed as \ufffd"), advice="install a font")


def test_the_job_title_column_is_named_as_a_job_title(demo_document, tmp_path):
    from workshop_app.export.registry import export

    export(demo_document, tmp_path / "es.xlsx", "participants", lang="es")
    headers = [cell.value for cell in load_workbook(tmp_path / "es.xlsx").worksheets[0][1]]
    assert "Cargo" in headers and "Título" not in headers
    export(demo_document, tmp_path / "fr.pdf", "sign-in", lang="fr", day=1)
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "fr.pdf").pages[:1])
    assert "Fonction" in text and "Titre" not in text


def test_a_french_or_spanish_csv_is_split_at_semicolons(demo_document, tmp_path):
    from workshop_app.export.registry import export

    for language, separator in (("fr", ";"), ("es", ";"), ("en", ","), ("ar", ",")):
        path = export(demo_document, tmp_path / f"{language}.csv", "participants", lang=language)
        first = path.read_text(encoding="utf-8-sig").splitlines()[0]
        assert first.count(separator) >= 8, (language, first)


def test_a_label_before_its_value_follows_french_typography(demo_document, tmp_path):
    from workshop_app.export.registry import export

    path = export(demo_document, tmp_path / "programme.pdf", "agenda", lang="fr")
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Facilitateur\u00a0:" in text or "Facilitateur :" in text
    assert "Facilitateur:" not in text


def test_lists_are_separated_as_arabic_writes_them(demo_document, folder):
    path = folder / "participants-ar.xlsx"
    write_participants_xlsx(demo_document, path, lang="ar")
    summary = load_workbook(path).worksheets[1]
    assert summary["A3"].value.startswith("9–11 مارس 2027، Hotel Shanti Crest")
    assert {row[9].value for row in load_workbook(path).worksheets[0].iter_rows(min_row=2)} >= {"النيبالية"}


def test_country_names_come_from_one_place_in_every_export(demo_document, folder):
    path = folder / "sign-in-es.pdf"
    write_signin_pdf(demo_document, path, day=1, lang="es")
    assert "Nepal" in flat_text(path)
    path = folder / "agenda-fr.pdf"
    write_agenda_pdf(demo_document, path, lang="fr")
    assert "Népal" in flat_text(path)
