"""The agenda workbook as someone opening it in Excel would find it."""

import datetime as dt
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from tests.export.test_agenda_pdf import (  # noqa: F401  (fixtures)
    DEVANAGARI_TITLE,
    FORMULA_TITLE,
    MARKUP_TITLE,
    agenda_document,
    agenda_path,
)
from workshop_app.export.agenda.workbook import write_agenda_xlsx
from workshop_app.export.errors import ExportError
from workshop_app.export.registry import export
from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError

HEADERS = ["Day", "Date", "Start", "End", "Duration (min)", "Track", "Session", "Type", "Facilitator", "Speakers"]


@pytest.fixture(scope="module")
def workbook_path(agenda_document, tmp_path_factory):  # noqa: F811  (the fixture)
    path = tmp_path_factory.mktemp("export") / "agenda.xlsx"
    write_agenda_xlsx(agenda_document, path)
    return path


@pytest.fixture(scope="module")
def sheet(workbook_path):
    return load_workbook(workbook_path)["Agenda"]


def lines(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]


def test_one_sheet_with_exactly_these_columns(workbook_path, sheet):
    assert load_workbook(workbook_path).sheetnames == ["Agenda"]
    assert [cell.value for cell in sheet[1]] == HEADERS


def test_one_line_per_session_with_the_times_the_screen_shows(sheet, agenda_document):  # noqa: F811  (the fixture)
    """Start and End are clock() of models.agenda for every session, in time order, parallel
    sessions in track order: the workbook, the PDF and the Agenda page agree."""
    expected = []
    for number, schedule in enumerate(agenda(agenda_document), start=1):
        for item in schedule.sessions:
            expected.append([number, item.session["title"], item.session["track"], clock(item.start), clock(item.end),
                             item.session["duration"]])
    rows = lines(sheet)
    assert len(rows) == agenda_document.count("session") == len(expected)
    printed = [[row[0], row[6], row[5] or "", row[2], row[3], row[4]] for row in rows]
    assert printed == expected


def test_cell_types(sheet):
    row = lines(sheet)[0]
    assert row[:10] == [1, dt.datetime(2027, 3, 9), "09:00", "09:30", 30, None, "Registration of participants",
                        "Opening", None, None]
    assert sheet["B2"].number_format == "ddd d mmm yyyy"
    assert all(isinstance(value[2], str) and isinstance(value[3], str) for value in lines(sheet))
    assert all(isinstance(value[4], int) for value in lines(sheet))


def test_people_and_parallel_tracks(sheet):
    rows = {row[6]: row for row in lines(sheet)}
    opening = rows["Opening ceremony and welcome remarks"]
    assert opening[8] == "Ramesh Prasad Adhikari"
    assert opening[9] == "Hari Prasad Dhakal; Étienne Lefèvre; Rajesh Kumar Agrawal; Yam Bahadur Kunwar"
    groups = [row for row in lines(sheet) if row[2] == "09:20" and row[0] == 2]
    assert [row[5] for row in groups] == ["Group A", "Group B", "Group C", "Group D"]
    assert {row[7] for row in groups} == {"Group work"}


def test_any_script_and_markup_arrive_exactly(sheet):
    titles = {row[6] for row in lines(sheet)}
    assert {DEVANAGARI_TITLE, "خطة العمل الوطنية للعمل اللائق", MARKUP_TITLE} <= titles
    assert "सीता श्रेष्ठ" in {row[8] for row in lines(sheet)}


def test_formula_looking_text_stays_text(sheet, workbook_path):
    cell = next(row[6] for row in sheet.iter_rows(min_row=2) if row[6].value == FORMULA_TITLE)
    assert cell.data_type == "s" and cell.quotePrefix
    with zipfile.ZipFile(workbook_path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml and b"<f " not in xml


def test_set_up_for_filtering_and_printing(sheet):
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{sheet.max_row}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet["A1"].font.bold
    assert sheet["G2"].alignment.wrap_text
    widths = {column: sheet.column_dimensions[column].width for column in "ABCDEFGHIJ"}
    assert widths["C"] >= 7 and widths["D"] >= 7  # "09:00" whole
    assert 40 <= widths["G"] <= 60  # session titles: wide, not endless
    assert widths["A"] < widths["G"] and widths["J"] > widths["H"]


def test_missing_folder_is_a_clear_error(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        with pytest.raises(ExportError) as caught:
            write_agenda_xlsx(document, tmp_path / "no such folder" / "agenda.xlsx")
    assert isinstance(caught.value, WorkshopError)
    assert str(caught.value).startswith("agenda.xlsx: the folder ")
    assert "does not exist" in str(caught.value)


def test_failed_export_leaves_the_earlier_file_and_no_debris(demo_path, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "agenda.xlsx"
    target.write_bytes(b"the earlier export")
    real_save = Workbook.save

    def full_disk(self, filename):
        real_save(self, filename)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full_disk)
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        with pytest.raises(ExportError, match="No space left on device"):
            write_agenda_xlsx(document, target)
    assert target.read_bytes() == b"the earlier export"
    assert [path.name for path in folder.iterdir()] == ["agenda.xlsx"]


def test_registry_writes_the_workbook(demo_path, tmp_path):
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        export(document, tmp_path / "agenda.xlsx", "agenda")
        sessions = document.count("session")
        with pytest.raises(ExportError, match="--paper does not apply to agenda .xlsx"):
            export(document, tmp_path / "x.xlsx", "agenda", paper="A4")
    assert load_workbook(tmp_path / "agenda.xlsx")["Agenda"].max_row == sessions + 1
