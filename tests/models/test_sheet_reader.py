"""Reading the messy lists people really send: the table is found, every cell comes out as the
text the user sees, and a file that is not a list gets one clear sentence naming it."""

import datetime as dt
import re
import unicodedata
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from workshop_app.models.errors import WorkshopError
from workshop_app.models.participant_import.headers import parse_mapping
from workshop_app.models.participant_import.table import read_table
from workshop_app.models.sheets.files import SpreadsheetError
from workshop_app.models.sheets.xlsx import ReadOnlyWorkbook

NEPALI = "सीता श्रेष्ठ"
ARABIC = "فاطمة الزهراء بن علي"
SINHALA = "කුමාරි පෙරේරා"
VIETNAMESE = "Nguyễn Thị Minh Khai"


def write_xlsx(path, rows, merges=(), title="Participants", more_sheets=()):
    """A workbook as openpyxl writes it. "'=..." is text that looks like a formula (as typed in
    Excel with a leading apostrophe); "=..." is a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append([value[1:] if isinstance(value, str) and value.startswith("'=") else value for value in row])
        for value, cell in zip(row, sheet[sheet.max_row]):
            if isinstance(value, str) and value.startswith("'="):
                cell.data_type = "s"
    for merged in merges:
        sheet.merge_cells(merged)
    for name, other_rows in more_sheets:
        other = workbook.create_sheet(name)
        for row in other_rows:
            other.append(row)
    workbook.save(path)
    return path


def edit_sheet_xml(path, pattern, new, sheet="xl/worksheets/sheet1.xml"):
    """Change the sheet's XML as another program would have written it (cached formula values...)."""
    with zipfile.ZipFile(path) as original:
        items = [(item, original.read(item.filename)) for item in original.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for item, data in items:
            if item.filename == sheet:
                data, count = re.subn(pattern.encode(), new.encode(), data)
                assert count == 1, pattern
            copy.writestr(item, data)


def with_shared_strings(path):
    """Move the text of an openpyxl-written workbook into a shared-strings table, as Excel does."""
    strings = {}

    def share(match):
        index = strings.setdefault(match.group(3), len(strings))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2) or b"", index)

    pattern = re.compile(rb'<c r="([A-Z]+\d+)"( s="\d+")? t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', re.S)
    with zipfile.ZipFile(path) as original:
        items = [(item, original.read(item.filename)) for item in original.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as copy:
        for item, data in items:
            if item.filename.startswith("xl/worksheets/"):
                data = pattern.sub(share, data)
            elif item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="'
                                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
                                    b'"/></Types>')
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Target="sharedStrings.xml" '
                                    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                    b'sharedStrings"/></Relationships>')
            copy.writestr(item, data)
        table = b"".join(b"<si><t>%s</t></si>" % text for text in strings)
        copy.writestr("xl/sharedStrings.xml", b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      + table + b"</sst>")
    return path


def messy_list(path):
    """A ministry's list: a merged title, a subtitle, blank rows, then the table; an organization
    merged down over its people; a blank row and a repeated header inside the table."""
    rows = [
        ["National Planning Workshop on SDG Target 8.7"],
        ["List of participants - Kathmandu, 9-11 March 2027"],
        [],
        [None, "S.N.", "Full name", "Sex", "Organization", "Designation", "E-mail", "Mobile"],
        [None, 1, "  Hari   Prasad Dhakal ", "M", "Ministry of Labour (MoLESS)", "Secretary", "hari@moless.example",
         977984100000],
        [None, 2, NEPALI, "F", None, "'=SUM(A1)", "", 9779851234567],
        [None, 3, "Bikash Thapa", "Male", None, "<b>Under</b> Secretary & Chief", None, None],
        [],
        [None, 4, ARABIC, "Female", "UNICEF", "Child Protection Officer", None, "+977 1 4417082"],
        [None, "S.N.", "Full name", "Sex", "Organization", "Designation", "E-mail", "Mobile"],
        [None, 5, VIETNAMESE, "F", "ILO", None, None, None],
        [None, 6, SINHALA, "", "ILO", None, None, None],
    ]
    return write_xlsx(path, rows, merges=["A1:H1", "E5:E7"])


def test_header_row_is_found_below_titles_and_blank_rows(tmp_path):
    table = read_table(messy_list(tmp_path / "list.xlsx"))
    assert table.sheet == "Participants"
    assert table.sheet_names == ("Participants",)
    assert table.header_row == 4
    assert table.mapping() == {"S.N.": "ignore", "Full name": "name", "Sex": "sex", "Organization": "organization",
                               "Designation": "title", "E-mail": "email", "Mobile": "phone"}
    assert table.language == "en"


def test_rows_keep_their_excel_numbers_and_skip_blank_and_repeated_header_rows(tmp_path):
    table = read_table(messy_list(tmp_path / "list.xlsx"))
    assert [row.number for row in table.rows] == [5, 6, 7, 9, 11, 12]


def test_organization_merged_down_is_given_to_every_row_it_covers(tmp_path):
    table = read_table(messy_list(tmp_path / "list.xlsx"))
    organization = table.columns("organization")[0]
    assert [row.cells[organization] for row in table.rows[:4]] == [
        "Ministry of Labour (MoLESS)", "Ministry of Labour (MoLESS)", "Ministry of Labour (MoLESS)", "UNICEF"]


def test_cells_are_cleaned_text_and_phone_numbers_keep_their_digits(tmp_path):
    table = read_table(messy_list(tmp_path / "list.xlsx"))
    first, second, third = (dict(zip(table.headers, row.cells)) for row in table.rows[:3])
    assert first["Full name"] == "Hari Prasad Dhakal"
    assert first["Mobile"] == "977984100000"
    assert second["Mobile"] == "9779851234567"
    assert first["S.N."] == "1"
    # Formula-looking text and markup stay plain text.
    assert second["Designation"] == "=SUM(A1)"
    assert third["Designation"] == "<b>Under</b> Secretary & Chief"


def test_any_script_survives_exactly(tmp_path):
    table = read_table(messy_list(tmp_path / "list.xlsx"))
    names = [row.cells[2] for row in table.rows]
    assert NEPALI in names and ARABIC in names and VIETNAMESE in names and SINHALA in names
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    path = write_xlsx(tmp_path / "nfd.xlsx", [["Name"], [decomposed]])
    assert read_table(path).rows[0].cells == (VIETNAMESE,)  # NFC, whatever the keyboard produced


def test_number_stored_in_exponent_form_and_cached_formula_values(tmp_path):
    path = write_xlsx(tmp_path / "calc.xlsx", [["Name", "Phone", "Arrival", "Total"],
                                               ["=D1&E1", 1, dt.date(2027, 5, 4), "=SUM(B2:B3)"]])
    # Excel stores each formula's last result beside it; openpyxl wrote none.
    edit_sheet_xml(path, r'<c r="A2"><f>(.*?)</f><v\s*/?>(</v>)?', r'<c r="A2" t="str"><f>\1</f><v>Ana López</v>')
    edit_sheet_xml(path, r'<c r="B2" t="n"><v>1</v>', '<c r="B2" t="n"><v>9.77984100000E+11</v>')
    assert read_table(path).rows[0].cells == ("Ana López", "977984100000", "2027-05-04", "")


@pytest.mark.parametrize("shared", [False, True], ids=["inline strings", "shared strings"])
def test_values_are_the_ones_openpyxl_reads(tmp_path, shared):
    """The reader's short paths (text, numbers) give exactly openpyxl's own values."""
    path = write_xlsx(tmp_path / "kinds.xlsx", [
        ["Name", "Count", "Ratio", "Day", "Flag", "Error", "Big"],
        ["Ana", 3, 0.25, dt.datetime(2027, 5, 4, 9, 30), True, "#N/A", 10 ** 15],
        [f"{NEPALI} & <co>", -7, 1e-7, dt.date(1999, 12, 31), False, None, 977984100000],
        [None, None, None, None, None, None, "  spaced  "],
    ])
    if shared:
        with_shared_strings(path)
        assert "xl/sharedStrings.xml" in zipfile.ZipFile(path).namelist()
    expected = [tuple(row) for row in load_workbook(path, read_only=True, data_only=True).active.iter_rows(
        values_only=True)]
    with open(path, "rb") as handle:
        book = ReadOnlyWorkbook(handle)
        ours = list(book.rows("Participants"))
        book.close()
    assert [number for number, _ in ours] == [1, 2, 3, 4]
    assert [tuple(values) + (None,) * (7 - len(values)) for _, values in ours] == expected
    assert expected[3][6] == "  spaced  "  # read as stored; read_table trims


def test_section_headings_merged_across_the_table_are_not_people(tmp_path):
    path = write_xlsx(tmp_path / "sections.xlsx", [
        ["Name", "Organization", "Sex"],
        ["GOVERNMENT"],
        ["Sita Rai", "Ministry of Labour", "F"],
        ["WORKERS' ORGANIZATIONS"],
        ["Ram Gurung", "GEFONT", "M"],
    ], merges=["A2:C2", "A4:C4"])
    table = read_table(path)
    assert [row.cells[0] for row in table.rows] == ["Sita Rai", "Ram Gurung"]
    assert table.section_rows == ((2, "GOVERNMENT"), (4, "WORKERS' ORGANIZATIONS"))


def test_merged_organization_over_blank_rows_makes_no_rows(tmp_path):
    path = write_xlsx(tmp_path / "gaps.xlsx", [["Name", "Organization"], ["Sita Rai", "ILO"], [], [None, None]],
                      merges=["B2:B4"])
    assert [row.number for row in read_table(path).rows] == [2]


def test_french_headers_with_separate_first_and_last_names(tmp_path):
    path = write_xlsx(tmp_path / "liste.xlsx", [
        ["Atelier national de validation"],
        ["N°", "NOM", "Prénom(s)", "Sexe (H/F)", "Structure", "Fonction", "Courriel", "Téléphone"],
        [1, "RAKOTO", "Jean", "H", "Ministère du Travail", "Directeur", "jean@travail.mg", "034 12 345 67"],
    ])
    table = read_table(path)
    assert table.language == "fr"
    assert table.fields == ("ignore", "last_name", "first_name", "sex", "organization", "title", "email", "phone")


def test_spanish_headers(tmp_path):
    path = write_xlsx(tmp_path / "lista.xlsx", [
        ["Nombres", "Apellidos", "Sexo (M/H)", "Institución", "Cargo", "Correo electrónico", "Celular", "Idioma"],
        ["María José", "Quispe", "M", "Ministerio de Trabajo", "Directora", "mj@trabajo.pe", "987654321", "Español"],
    ])
    table = read_table(path)
    assert table.language == "es"
    assert table.fields == ("first_name", "last_name", "sex", "organization", "title", "email", "phone", "language")


def test_default_sheet_is_the_first_one_with_a_header(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [["Instructions: fill in one row per person"]], title="Read me",
                      more_sheets=[("Liste", [["Nom et prénom", "Sexe"], ["Awa Diop", "F"]])])
    table = read_table(path)
    assert table.sheet == "Liste"
    assert table.sheet_names == ("Read me", "Liste")


def test_sheet_chosen_by_name_ignoring_case_and_spaces(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [["Name"], ["Ana"]], title="Day 1",
                      more_sheets=[("Day 2", [["Name"], ["Ben"]])])
    assert read_table(path, sheet="day 2 ").rows[0].cells == ("Ben",)


def test_mapping_overrides_detection_and_finds_the_header_row(tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["Workshop list"], ["Delegate", "Ministry", "Title"],
                                              ["Ana Ruiz", "Labour", "Director"]])
    table = read_table(path, mapping=parse_mapping("delegate=name, Ministry=organization, Title=ignore"))
    assert table.header_row == 2
    assert table.fields == ("name", "organization", "ignore")


def test_command_line_mapping_text():
    assert parse_mapping("Organisation, Institution=organization; Nom=last_name, Tel.=phone") == {
        "Organisation, Institution": "organization", "Nom": "last_name", "Tel.": "phone"}
    with pytest.raises(WorkshopError, match="Header=field"):
        parse_mapping("Participant")


def test_csv_windows_1252_with_semicolons(tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes("Liste des participants;;\r\nNom et prénom;Sexe;Organisation\r\n"
                     "Élodie Rakotoarisoa;F;Ministère de la Population\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.sheet is None
    assert table.header_row == 2
    assert table.rows[0] == (3, ("Élodie Rakotoarisoa", "F", "Ministère de la Population"))


def test_csv_utf8_with_bom_tabs_and_a_line_break_inside_quotes(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(("\ufeffName\tOrganization\tPhone\n"
                      f'"{VIETNAMESE}"\t"ILO\nHanoi"\t0912345678\n{NEPALI}\tUNICEF\t\n').encode("utf-8"))
    table = read_table(path)
    assert table.headers == ("Name", "Organization", "Phone")
    assert table.rows == ((2, (VIETNAMESE, "ILO Hanoi", "0912345678")), (3, (NEPALI, "UNICEF", "")))


def test_csv_utf8_with_commas_and_utf16_from_excel(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(f"Full name,Email\n{ARABIC},f@example.org\n", encoding="utf-8")
    assert read_table(path).rows[0].cells == (ARABIC, "f@example.org")
    path = tmp_path / "b.txt"
    path.write_bytes(f"Full name\tEmail\n{SINHALA}\tk@example.org\n".encode("utf-16"))
    assert read_table(path).rows[0].cells == (SINHALA, "k@example.org")


def test_csv_has_no_other_sheet(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name\nAna\n", encoding="utf-8")
    assert read_table(path, sheet="list").rows[0].cells == ("Ana",)
    refused(path, "CSV file, which has no sheets", sheet="Sheet2")


def refused(path, message, **options):
    with pytest.raises(SpreadsheetError, match=message) as raised:
        read_table(path, **options)
    text = str(raised.value)
    assert text.startswith(f"{path.name}: ") and "\n" not in text
    assert isinstance(raised.value, WorkshopError)
    return text


def test_not_a_spreadsheet(tmp_path, workshop_path):
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    refused(pdf, "PDF document")
    renamed = tmp_path / "participants.xlsx"
    renamed.write_bytes(workshop_path.read_bytes())
    refused(renamed, "not a spreadsheet")
    image = tmp_path / "photo.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    refused(image, "not a spreadsheet")


def test_damaged_workbook(tmp_path):
    whole = messy_list(tmp_path / "whole.xlsx").read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])
    refused(cut, "damaged or incomplete")
    docx = tmp_path / "letter.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    refused(docx, "Word document")


def test_empty_files(tmp_path):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    refused(empty, "is empty")
    blank = tmp_path / "blank.csv"
    blank.write_text("\n \n", encoding="utf-8")
    refused(blank, "is empty")
    refused(write_xlsx(tmp_path / "nothing.xlsx", []), "is empty")


def test_missing_sheet_lists_the_sheets_there_are(tmp_path):
    path = write_xlsx(tmp_path / "book.xlsx", [["Name"]], title="Jour 1", more_sheets=[("Jour 2", [["Nom"]])])
    text = refused(path, "no sheet named 'Day 3'", sheet="Day 3")
    assert "'Jour 1', 'Jour 2'" in text


def test_no_name_column_says_what_it_found_and_how_to_map(tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["Delegate", "Ministry"], ["Ana", "Labour"]])
    text = refused(path, "no column of names")
    assert "'Delegate', 'Ministry'" in text and '--map "Delegate=name"' in text


def test_bad_mappings(tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["Delegate", "Ministry"], ["Ana", "Labour"]])
    refused(path, "'nme' .* is not a participant field", mapping={"Delegate": "nme"})
    refused(path, "no column 'Participant' to map", mapping={"Participant": "name", "Delegate": "name"})


def test_unreadable_text_encoding(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b"Name;Org\n\x81\x8d\x8f\x90;x\n")  # neither UTF-8 nor Windows-1252
    refused(path, "text encoding")


def test_missing_file_and_folder(tmp_path):
    refused(tmp_path / "nowhere.xlsx", "no such file")
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    refused(folder, "folder")


def test_preview_is_the_first_rows(tmp_path):
    path = write_xlsx(tmp_path / "long.xlsx", [["Name"]] + [[f"Person {i}"] for i in range(25)])
    table = read_table(path)
    assert [row.cells[0] for row in table.preview()] == [f"Person {i}" for i in range(10)]
    assert len(table.rows) == 25


def test_one_windows_1252_line_in_a_utf8_list_garbles_no_other_name(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("Name;Organization\nJosé García;MTEFP\nNguyễn Văn An;ILO\n".encode()
                     + "Hélène Rakoto;UNICEF\n".encode("cp1252") + "Zoë Dubois;OIT\n".encode())
    table = read_table(path)
    assert [row.cells[0] for row in table.rows] == ["José García", "Nguyễn Văn An", "Hélène Rakoto", "Zoë Dubois"]
    assert table.notes == ("line 4 of the file is not UTF-8 like the rest; read as Windows-1252: "
                           "check the accents of the names there",)


def test_an_unterminated_quote_is_reported_with_its_line(tmp_path):
    path = tmp_path / "list.csv"
    lines = ["Name,Organization", "Sita Shrestha,ILO", '"Ram Gurung,UNICEF'] + [f"Person {n},MoLESS" for n in range(10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused(path, r"line 3: a quote \(\"\) opens a field that never closes")
