"""The participants workbook as someone opening it in Excel would find it."""

import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from tests.export.conftest import ARABIC_NAME, DEVANAGARI_NAME, FORMULA_NAME, MARKUP_NAME, VIETNAMESE_NAME
from workshop_app.export.errors import ExportError
from workshop_app.export.stakeholders.participants_workbook import write_participants_xlsx
from workshop_app.models.errors import WorkshopError
from workshop_app.models.stats import workshop_stats

HEADERS = ["No.", "Name", "Sex", "Organization", "Category", "Title", "Role", "E-mail", "Phone", "Language",
           "Day 1 (9 Mar 2027)", "Day 2 (10 Mar 2027)", "Day 3 (11 Mar 2027)"]


@pytest.fixture(scope="module")
def workbook(demo_document, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "participants.xlsx"
    write_participants_xlsx(demo_document, path)
    return load_workbook(path)


def list_rows(workbook):
    sheet = workbook["Participants"]
    return {row[1].value: row for row in sheet.iter_rows(min_row=2)}


def summary_row(workbook, heading, label):
    """The row `label` in the summary table under `heading`, as values."""
    rows = [[cell.value for cell in row] for row in workbook["Summary"].iter_rows()]
    start = next(index for index, row in enumerate(rows) if row[0] == heading)
    return next(row for row in rows[start + 1:] if row[0] == label)


def test_list_sheet_has_the_columns_and_one_line_per_participant(workbook, demo_document):
    sheet = workbook["Participants"]
    assert workbook.sheetnames == ["Participants", "Summary"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet.max_row == demo_document.count("participant") + 1
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == list(range(1, sheet.max_row))


def test_names_in_any_script_arrive_exactly(workbook):
    rows = list_rows(workbook)
    assert DEVANAGARI_NAME in rows and ARABIC_NAME in rows and VIETNAMESE_NAME in rows and MARKUP_NAME in rows
    sita = rows[DEVANAGARI_NAME]
    assert [cell.value for cell in sita[2:10]] == [
        "Female", "Ministry of Labour, Employment and Social Security", "Government",
        "Joint Secretary, Labour and Occupational Safety Division", "Participant",
        "sita.shrestha@moless.example", "+977 9862714425", "Nepali"]


def test_formula_looking_text_stays_text(workbook, tmp_path, demo_document):
    rows = list_rows(workbook)
    name = rows[FORMULA_NAME][1]
    assert name.value == FORMULA_NAME
    assert name.data_type == "s"
    assert name.quotePrefix  # Excel keeps it text when someone edits the cell
    for cell in (rows[FORMULA_NAME][5], rows[FORMULA_NAME][7], rows[MARKUP_NAME][8]):  # + @ -
        assert cell.data_type == "s" and cell.quotePrefix
    assert not rows[DEVANAGARI_NAME][1].quotePrefix
    # And in the file itself there is no formula anywhere.
    path = tmp_path / "again.xlsx"
    write_participants_xlsx(demo_document, path)
    with zipfile.ZipFile(path) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert all(b"<f>" not in archive.read(name) and b"<f " not in archive.read(name) for name in sheets)


def test_unprintable_characters_are_dropped_not_fatal(workbook):
    assert "Linefeed person" in list_rows(workbook)


def test_list_sheet_is_set_up_for_filtering_and_printing(workbook):
    sheet = workbook["Participants"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{sheet.max_row}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert 16 <= sheet.column_dimensions["B"].width <= 32
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["D"].width
    assert sheet["D2"].alignment.wrap_text and sheet["F2"].alignment.wrap_text
    assert sheet["A1"].font.bold


def test_attendance_per_day(workbook):
    hari = [cell.value for cell in list_rows(workbook)["Hari Prasad Dhakal"]]
    assert hari[10:] == ["Present", "Absent", "Present"]


def test_days_without_any_attendance_taken_are_left_blank(document, tmp_path):
    document.insert("participant", name="Rakoto Jean", sex="male")
    path = tmp_path / "before.xlsx"
    write_participants_xlsx(document, path)
    sheet = load_workbook(path)["Participants"]
    assert [cell.value for cell in sheet[2]][10:] == [None, None, None]


def test_summary_totals_equal_the_documents_counts(workbook, demo_document):
    stats = workshop_stats(demo_document)
    by_sex = stats["participants_by_sex"]
    expected = [by_sex["female"], by_sex["male"], by_sex["other"], by_sex["not_stated"], stats["participants"]]
    everyone = summary_row(workbook, "All participants", "All participants")
    assert everyone[1:6] == expected
    assert everyone[6] == pytest.approx(stats["women_share"])
    assert summary_row(workbook, "By organization category", "Total")[1:6] == expected
    assert summary_row(workbook, "By role", "Total")[1:6] == expected
    government = summary_row(workbook, "By organization category", "Government")
    assert government[5] == demo_document.query(
        "SELECT count(*) FROM participant JOIN organization o ON o.id = organization_id "
        "WHERE o.category = 'government'")[0][0]


def test_summary_counts_attendance_per_day_by_sex(workbook, demo_document):
    day = demo_document.rows("day", order_by="position")[0]
    present = dict(demo_document.query(
        "SELECT p.sex, count(*) FROM attendance a JOIN participant p ON p.id = a.participant_id "
        "WHERE a.day_id = ? AND a.present = 1 GROUP BY p.sex", [day["id"]]))
    row = summary_row(workbook, "Attendance by day (participants present)", "Day 1 (9 Mar 2027)")
    assert row[1:6] == [present.get("female", 0), present.get("male", 0), present.get("other", 0),
                        present.get("not_stated", 0), sum(present.values())]
    assert workbook["Summary"].cell(1, 1).value == "Participants by sex"


def test_women_share_is_blank_when_nobodys_sex_is_stated(document, tmp_path):
    document.insert("participant", name="Anonymous", sex="not_stated")
    path = tmp_path / "unknown.xlsx"
    write_participants_xlsx(document, path, lang="en")  # the fixture works in French first
    assert summary_row(load_workbook(path), "All participants", "All participants")[5:7] == [1, "–"]


def test_missing_folder_is_a_clear_error(document, tmp_path):
    target = tmp_path / "no such folder" / "participants.xlsx"
    with pytest.raises(ExportError) as caught:
        write_participants_xlsx(document, target)
    assert isinstance(caught.value, WorkshopError)
    assert str(caught.value).startswith("participants.xlsx: ")
    assert "does not exist" in str(caught.value)


def test_folder_without_write_permission_is_a_clear_error(document, tmp_path, monkeypatch):
    # Simulated: the tests may run as root, for whom folder permissions do not apply.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("workshop_app.export.files.tempfile.mkstemp", refuse)
    with pytest.raises(ExportError,
                       match=r"^participants\.xlsx: cannot be written in this folder \(Permission denied\)"):
        write_participants_xlsx(document, tmp_path / "participants.xlsx")


def test_read_only_earlier_export_is_not_overwritten(document, tmp_path):
    target = tmp_path / "participants.xlsx"
    target.write_bytes(b"kept")
    target.chmod(0o444)
    with pytest.raises(ExportError, match="read-only"):
        write_participants_xlsx(document, target)
    assert target.read_bytes() == b"kept"


def test_failed_export_leaves_the_earlier_file_and_no_debris(document, tmp_path, monkeypatch):
    target = tmp_path / "participants.xlsx"
    target.write_bytes(b"the earlier export")

    real_save = Workbook.save

    def full_disk(self, filename):
        real_save(self, filename)
        raise OSError(28, "No space left on device")  # e.g. when the file is closed

    monkeypatch.setattr(Workbook, "save", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write_participants_xlsx(document, target)
    assert target.read_bytes() == b"the earlier export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["atelier.workshop", "participants.xlsx"]


def test_export_from_a_read_only_document(demo_path, tmp_path):
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(demo_path, readonly=True) as document:
        write_participants_xlsx(document, tmp_path / "p.xlsx")
    assert load_workbook(tmp_path / "p.xlsx")["Participants"].max_row == 123
