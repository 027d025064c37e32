"""Importing the invitation list: what the facilitator sees in the workshop afterwards, and
that the import is one step to undo, is never doubled, and writes nothing when it fails."""

import hashlib

import pytest
from openpyxl import Workbook

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.participant_import.plan import plan_participant_import
from workshop_app.models.participant_import.table import read_table
from workshop_app.models.sheets.files import SpreadsheetError

NEPALI = "सीता श्रेष्ठ"
ARABIC = "فاطمة الزهراء بن علي"
VIETNAMESE = "Nguyễn Thị Minh Khai"
SINHALA = "කුමාරි පෙරේරා"


def write_xlsx(path, rows, merges=()):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Participants"
    for row in rows:
        sheet.append([value[1:] if isinstance(value, str) and value.startswith("'=") else value for value in row])
        for value, cell in zip(row, sheet[sheet.max_row]):
            if isinstance(value, str) and value.startswith("'="):
                cell.data_type = "s"  # text typed with a leading apostrophe, not a formula
    for merged in merges:
        sheet.merge_cells(merged)
    workbook.save(path)
    return path


def ministry_list(path):
    rows = [
        ["NATIONAL PLANNING WORKSHOP ON CHILD LABOUR AND FORCED LABOUR"],
        [],
        ["No.", "Full name", "Sex", "Organization", "Designation", "E-mail", "Mobile", "Language"],
        [1, "HARI PRASAD DHAKAL", "M", "Ministry of Labour, Employment and Social Security (MoLESS)", "Secretary",
         "Hari.Dhakal@moless.example", 977984100000, "Nepali"],
        [2, NEPALI, "F", None, "Joint Secretary", None, 9779851234567, "नेपाली"],
        [3, "Ramesh Adhikari", "m", None, "'=SUM(A1)", "ramesh@moless.example", None, "English"],
        [],
        [4, VIETNAMESE, "Female", "International Labour Organization (ILO)", "Programme Officer <CO>",
         "khai@ilo.example", None, "en"],
        [5, ARABIC, "F", "ILO", "Specialist & adviser", None, "+216 71 000 000", "Arabic"],
        [6, SINHALA, "Woman", "international labour  organization", None, None, None, None],
        [7, None, "M", "UNICEF", "Driver", None, None, None],
        [8, "Maya Gurung", "Ms/Mr", "General Federation of Nepalese Trade Unions (GEFONT)", None, None, None, None],
        # The same people again, as lists often have them (rows 13 to 15):
        [9, "Dr. Hari Dhakal", None, None, None, "HARI.DHAKAL@moless.example", None, None],
        [10, "Hari Prasad  Dhakal", None, "MoLESS", None, None, None, None],
        [11, "maya gurung", "F", "GEFONT", "Women's committee chair", None, 9841000001, None],
        # Another Maya Gurung, in another organization:
        [12, "Maya Gurung", "F", "Maiti Nepal", None, None, None, None],
    ]
    return write_xlsx(path, rows, merges=["D4:D6"])


def people(document):
    organizations = {row["id"]: row["name"] for row in document.rows("organization")}
    return {row["name"]: {**row, "organization": organizations.get(row["organization_id"])}
            for row in document.rows("participant")}


def snapshot(document):
    tables = [name for (name,) in document.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {table: sorted(document.rows(table), key=lambda row: str(row.get("id"))) for table in tables}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_adds_the_people_and_organizations_of_a_messy_list(document, tmp_path):
    plan = plan_participant_import(document, ministry_list(tmp_path / "list.xlsx"))
    document.apply(plan.change)
    found = people(document)
    assert sorted(row["name"] for row in document.rows("participant")) == sorted([
        "Hari Prasad Dhakal", NEPALI, "Ramesh Adhikari", VIETNAMESE, ARABIC, SINHALA, "Maya Gurung", "Maya Gurung"])
    hari = found["Hari Prasad Dhakal"]  # typed all in capitals: title-cased
    assert (hari["sex"], hari["title"], hari["email"], hari["phone"], hari["language"]) == (
        "male", "Secretary", "Hari.Dhakal@moless.example", "977984100000", "ne")
    assert hari["organization"] == "Ministry of Labour, Employment and Social Security"
    # The organization cell merged down over three people gives each of them the ministry.
    assert found[NEPALI]["organization"] == found["Ramesh Adhikari"]["organization"] == hari["organization"]
    assert (found[NEPALI]["phone"], found[NEPALI]["language"]) == ("9779851234567", "ne")
    assert found["Ramesh Adhikari"]["title"] == "=SUM(A1)"  # text, never a formula
    assert found[VIETNAMESE]["title"] == "Programme Officer <CO>"
    assert found[ARABIC]["title"] == "Specialist & adviser"
    assert found[SINHALA]["sex"] == "female"


def test_names_in_any_script_are_stored_exactly(document, tmp_path):
    document.apply(plan_participant_import(document, ministry_list(tmp_path / "list.xlsx")).change)
    names = {row["name"] for row in document.rows("participant")}
    for name in (NEPALI, ARABIC, VIETNAMESE, SINHALA):
        assert name in names
        assert next(n for n in names if n == name).encode("utf-8") == name.encode("utf-8")


def test_one_organization_however_it_is_written(document, tmp_path):
    plan = plan_participant_import(document, ministry_list(tmp_path / "list.xlsx"))
    document.apply(plan.change)
    organizations = {row["name"]: row for row in document.rows("organization")}
    # UNICEF is only on the rejected row 11, which creates nothing.
    assert set(organizations) == {"Ministry of Labour, Employment and Social Security",
                                  "International Labour Organization",
                                  "General Federation of Nepalese Trade Unions", "Maiti Nepal"}
    assert plan.report.organizations_created == 4
    ilo = organizations["International Labour Organization"]
    assert (ilo["acronym"], ilo["category"]) == ("ILO", "un")
    assert organizations["Ministry of Labour, Employment and Social Security"]["category"] == "government"
    assert organizations["General Federation of Nepalese Trade Unions"]["acronym"] == "GEFONT"
    assert organizations["General Federation of Nepalese Trade Unions"]["category"] == "workers"
    assert organizations["Maiti Nepal"]["category"] == "other"
    ilo_people = {name for name, row in people(document).items() if row["organization_id"] == ilo["id"]}
    assert ilo_people == {VIETNAMESE, ARABIC, SINHALA}


def test_duplicates_are_merged_and_fill_empty_fields(document, tmp_path):
    plan = plan_participant_import(document, ministry_list(tmp_path / "list.xlsx"))
    document.apply(plan.change)
    names = [row["name"] for row in document.rows("participant")]
    # Row 13: the same e-mail in other capitals; row 14: the same name, other spacing, the
    # ministry by its acronym -> both are Hari, who is there once.
    assert [name for name in names if "Dhakal" in name] == ["Hari Prasad Dhakal"]
    assert any("row 13: same e-mail as Hari Prasad Dhakal" in warning for warning in plan.report.warnings)
    # Row 15: the same name in small letters, same organization -> merged; fills the empty fields.
    organizations = {row["id"]: row["name"] for row in document.rows("organization")}
    maya = {organizations[row["organization_id"]]: row for row in document.rows("participant")
            if row["name"] == "Maya Gurung"}
    assert set(maya) == {"General Federation of Nepalese Trade Unions", "Maiti Nepal"}  # two people
    at_gefont = maya["General Federation of Nepalese Trade Unions"]
    assert (at_gefont["sex"], at_gefont["title"], at_gefont["phone"]) == ("female", "Women's committee chair",
                                                                          "9841000001")
    assert plan.report.merged_duplicates == 3


def test_report_counts_rejections_and_warnings(document, tmp_path):
    plan = plan_participant_import(document, ministry_list(tmp_path / "list.xlsx"))
    report = plan.report
    assert report.added == 8
    assert (report.updated, report.already_present) == (0, 0)
    assert report.rejected == [(11, "no name")]  # row 11 as Excel numbers it; blank row 7 is not mentioned
    assert len(report.warnings) == 2
    assert "row 12: sex 'Ms/Mr' not understood; recorded as not stated" in report.warnings
    lines = report.lines()
    assert lines[0] == "8 participants added"
    assert "3 duplicate rows merged:" in lines and "4 organizations created:" in lines
    assert "  row 11: no name" in lines
    assert plan.change.description == "Import participants from list.xlsx"


def test_planning_writes_nothing_and_the_import_is_one_undoable_step(document, workshop_path, tmp_path):
    before, before_bytes = snapshot(document), digest(workshop_path)
    plan = plan_participant_import(document, ministry_list(tmp_path / "list.xlsx"))
    assert digest(workshop_path) == before_bytes
    document.apply(plan.change)
    assert document.count("participant") == 8
    document.apply(plan.change.inverse())
    assert snapshot(document) == before


def test_importing_the_same_list_again_adds_and_changes_nothing(document, tmp_path):
    path = ministry_list(tmp_path / "list.xlsx")
    document.apply(plan_participant_import(document, path).change)
    after_first = snapshot(document)
    again = plan_participant_import(document, path)
    assert not again.change
    assert (again.report.added, again.report.updated, again.report.organizations_created) == (0, 0, 0)
    assert again.report.already_present == 8
    assert again.report.lines()[:2] == ["0 participants added", "8 participants were already in the workshop"]
    document.apply(again.change)
    assert snapshot(document) == after_first


def test_matches_the_people_and_organizations_already_in_the_workshop(demo_path, tmp_path):
    path = write_xlsx(tmp_path / "update.xlsx", [
        ["Name", "Organisation", "Email", "Phone", "Sex"],
        ["Bikash Thapa", "Ministry of Labour, Employment and Social Security (MoLESS)", None, "+977 9841000002", "M"],
        ["गीता पौडेल", "MoLESS", "gita.paudel@moless.example", None, None],
        ["HARI PRASAD DHAKAL", "moless", None, None, None],
        ["Anjali Shah", "UNICEF", "anjali@unicef.example", None, "F"],
        ["Asha Rai", "United Nations Children's Fund (UNICEF)", None, None, "F"],
    ])
    with WorkshopDocument.open(demo_path) as document:
        before = snapshot(document)
        organizations_before = document.count("organization")
        plan = plan_participant_import(document, path)
        document.apply(plan.change)
        assert document.count("organization") == organizations_before  # all five rows name known ones
        assert (plan.report.added, plan.report.updated, plan.report.already_present) == (2, 2, 1)
        found = people(document)
        assert found["Bikash Thapa"]["phone"] == "+977 9841000002"
        assert found["गीता पौडेल"]["email"] == "gita.paudel@moless.example"
        unicef = "United Nations Children's Fund"
        assert found["Anjali Shah"]["organization"] == found["Asha Rai"]["organization"] == unicef
        document.apply(plan.change.inverse())
        assert snapshot(document) == before


def test_french_list_with_first_and_last_names_and_h_for_homme(document, tmp_path):
    path = tmp_path / "liste.csv"
    path.write_bytes((
        "Liste de présence;;;;;\r\n"
        ";;;;;\r\n"
        "N°;Nom;Prénom(s);Sexe (H/F);Structure;Fonction\r\n"
        "1;RAKOTO;Jean;H;Ministère de la Fonction publique, du Travail et des Lois sociales;Directeur\r\n"
        "2;Rasoanirina;Marie-Claire;F;Syndicat des travailleurs de Madagascar;Secrétaire générale\r\n"
        "3;Andriamanana;Paul;M;Chambre de commerce et d'industrie d'Antananarivo;Président\r\n"
        "4;Ralaivao;Hanta;F;Université d'Antananarivo;Professeure\r\n"
        "5;Dupont;Claire;F;Ambassade de France;Attachée\r\n"
        "6;Rabe;Noro;F;ONG Zaza Faly;Coordinatrice\r\n"
    ).encode("cp1252"))
    plan = plan_participant_import(document, path)
    assert plan.table.language == "fr"
    document.apply(plan.change)
    found = people(document)
    assert found["Jean RAKOTO"]["sex"] == "male"  # "RAKOTO" alone is capitals, "Jean RAKOTO" is kept
    assert found["Paul Andriamanana"]["sex"] == "male"
    assert found["Marie-Claire Rasoanirina"]["sex"] == "female"
    categories = {row["name"]: row["category"] for row in document.rows("organization")}
    assert categories == {
        "Ministère de la Fonction publique, du Travail et des Lois sociales": "government",
        "Syndicat des travailleurs de Madagascar": "workers",
        "Chambre de commerce et d'industrie d'Antananarivo": "employers",
        "Université d'Antananarivo": "academic",
        "Ambassade de France": "development_partner",
        "ONG Zaza Faly": "civil_society",
    }


def test_spanish_list_where_m_is_mujer_and_h_is_hombre(document, tmp_path):
    path = write_xlsx(tmp_path / "lista.xlsx", [
        ["Nombre y apellidos", "Sexo", "Institución", "Cargo", "Correo electrónico"],
        ["Ana Quispe", "M", "Ministerio de Trabajo y Promoción del Empleo", "Directora", "ana@trabajo.example"],
        ["Luis Huamán", "H", "Confederación General de Trabajadores del Perú (CGTP)", "Secretario", None],
        ["Rosa Mamani", "Mujer", "OIT", "Oficial", None],
        ["Jorge Rojas", "Hombre", "UNICEF", None, None],
        ["Elena Ruiz", "Femenino", "Universidad Nacional Mayor de San Marcos", None, None],
        ["Pedro Díaz", "Masculino", "Embajada de España", None, None],
    ])
    plan = plan_participant_import(document, path)
    assert plan.table.language == "es"
    document.apply(plan.change)
    sexes = {name: row["sex"] for name, row in people(document).items()}
    assert sexes == {"Ana Quispe": "female", "Luis Huamán": "male", "Rosa Mamani": "female", "Jorge Rojas": "male",
                     "Elena Ruiz": "female", "Pedro Díaz": "male"}
    assert plan.report.warnings == []
    assert {row["name"]: (row["acronym"], row["category"]) for row in document.rows("organization")} == {
        "Ministerio de Trabajo y Promoción del Empleo": ("", "government"),
        "Confederación General de Trabajadores del Perú": ("CGTP", "workers"),
        "OIT": ("", "un"),
        "UNICEF": ("", "un"),
        "Universidad Nacional Mayor de San Marcos": ("", "academic"),
        "Embajada de España": ("", "development_partner"),
    }


def test_spanish_list_with_f_and_m_reads_femenino_and_masculino(document, tmp_path):
    path = write_xlsx(tmp_path / "lista.xlsx", [["Nombre", "Sexo (F/M)"], ["Ana Quispe", "F"], ["Luis Huamán", "M"]])
    document.apply(plan_participant_import(document, path).change)
    assert {name: row["sex"] for name, row in people(document).items()} == {"Ana Quispe": "female",
                                                                           "Luis Huamán": "male"}


def test_same_name_and_organization_with_another_email_is_merged_with_a_warning(document, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [["Name", "Organization", "Email"],
                                               ["Sita Rai", "ILO", "sita@ilo.example"],
                                               ["Sita  RAI", "ilo", "rai@gmail.example"]])
    plan = plan_participant_import(document, path)
    document.apply(plan.change)
    assert [(row["name"], row["email"]) for row in document.rows("participant")] == [("Sita Rai", "sita@ilo.example")]
    assert plan.report.warnings == ["row 3: same name and organization as Sita Rai, merged; their e-mail "
                                    "sita@ilo.example was kept, not rai@gmail.example"]


def test_english_list_where_m_is_male(document, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [["Name", "Gender"], ["Ram Thapa", "M"], ["Sita Rai", "F"],
                                               ["Alex Lama", "Other"], ["Kim Tamang", ""], ["Jo Shah", "xyz"]])
    plan = plan_participant_import(document, path)
    document.apply(plan.change)
    assert {name: row["sex"] for name, row in people(document).items()} == {
        "Ram Thapa": "male", "Sita Rai": "female", "Alex Lama": "other", "Kim Tamang": "not_stated",
        "Jo Shah": "not_stated"}
    assert plan.report.warnings == ["row 6: sex 'xyz' not understood; recorded as not stated"]


def test_separate_first_and_last_name_columns_are_joined(document, tmp_path):
    path = write_xlsx(tmp_path / "list.xlsx", [["Surname", "First name", "Role"],
                                               ["Shrestha", "Sita", "Resource person"],
                                               ["Gurung", None, "Facilitator"]])
    document.apply(plan_participant_import(document, path).change)
    assert {name: row["role"] for name, row in people(document).items()} == {
        "Sita Shrestha": "resource_person", "Gurung": "facilitator"}


def test_hand_mapping_for_headers_nobody_could_guess(document, tmp_path):
    path = write_xlsx(tmp_path / "odd.xlsx", [["Delegate", "Agency", "Designation"],
                                              ["Ana Ruiz", "ILO", "Director"]])
    with pytest.raises(SpreadsheetError, match="--map"):
        plan_participant_import(document, path)
    plan = plan_participant_import(document, path, mapping={"Delegate": "name", "Designation": "ignore"})
    assert plan.mapping == {"Delegate": "name", "Agency": "organization", "Designation": "ignore"}
    document.apply(plan.change)
    assert people(document)["Ana Ruiz"]["title"] == ""


def test_preview_for_the_wizard(document, tmp_path):
    rows = [["Name", "Sex"]] + [[f"Person {index}", "F"] for index in range(30)]
    plan = plan_participant_import(document, write_xlsx(tmp_path / "long.xlsx", rows))
    assert plan.mapping == {"Name": "name", "Sex": "sex"}
    assert [(row.number, row.cells) for row in plan.preview()] == [
        (index + 2, (f"Person {index}", "F")) for index in range(10)]
    assert plan.report.added == 30


@pytest.mark.parametrize("content, sheet, message", [
    (b"%PDF-1.4\n", None, "PDF"),
    (b"PK\x03\x04" + bytes(300), None, "damaged"),
    (b"", None, "empty"),
    (None, "Day 9", "no sheet named 'Day 9'"),
])
def test_a_failed_plan_changes_nothing(document, workshop_path, tmp_path, content, sheet, message):
    path = tmp_path / "list.xlsx"
    if content is None:
        write_xlsx(path, [["Name"], ["Ana"]])
    else:
        path.write_bytes(content)
    before = digest(workshop_path)
    with pytest.raises(SpreadsheetError, match=message) as raised:
        plan_participant_import(document, path, sheet=sheet)
    assert str(raised.value).startswith("list.xlsx: ")
    assert digest(workshop_path) == before
    assert document.count("participant") == 0


def test_a_workshop_file_renamed_as_a_spreadsheet(document, workshop_path, tmp_path):
    renamed = tmp_path / "participants.xlsx"
    renamed.write_bytes(workshop_path.read_bytes())
    with pytest.raises(SpreadsheetError, match="not a spreadsheet"):
        plan_participant_import(document, renamed)


def test_the_table_read_for_the_preview_can_be_planned_directly(document, tmp_path):
    from workshop_app.models.participant_import.plan import plan_from_table

    table = read_table(ministry_list(tmp_path / "list.xlsx"))
    assert plan_from_table(document, table).report.added == 8


# A list as a French-speaking ministry sends it: H/F and words for sex, the ministry written out
# in full on one row and by its acronym on the next, a person twice (same e-mail in capitals),
# another twice (once without her accent), a row with no name.
MESSY_FRENCH_CSV = """Liste des participants - Atelier national de validation;;;;;;
;;;;;;
N°;Nom et prénom(s);Sexe (H/F);Structure;Fonction;Courriel;Téléphone
1;Rakoto Hery;H;Ministère du Travail (MTEFP);Directeur;hery@mtefp.example;034 12 345 67
2;Rasoa Voahangy;F;MTEFP;Inspectrice;;
3;Élodie Randria;Femme;Confédération Générale des Travailleurs (CGTP);Secrétaire générale;mailto:elodie@cgtp.example;
4;Andry Rabe;M.;CGTP;;Andry Rabe <andry@cgtp.example>;
5;RAKOTO Hery;H;MTEFP;;HERY@MTEFP.example;
6;Elodie Randria;F;CGTP;;;0341234567
7;;F;CGTP;;;
"""


def messy_french_list(path):
    path.write_text(MESSY_FRENCH_CSV, encoding="utf-8")
    return path


def add_mtefp(document):
    """The ministry, already in the workshop under its full name and acronym."""
    from workshop_app.models.changes import Change, RowChange

    row = {"id": "org-mtefp", "name": "Ministère du Travail, de l'Emploi et de la Fonction Publique",
           "acronym": "MTEFP", "category": "government"}
    document.apply(Change("Add the ministry", (RowChange("organization", row["id"], None, row),)))


def test_the_report_names_the_merged_rows_and_the_organizations(document, tmp_path):
    add_mtefp(document)
    plan = plan_participant_import(document, messy_french_list(tmp_path / "liste.csv"))
    assert plan.report.lines() == [
        "4 participants added",
        "2 duplicate rows merged:",
        "  rows 4 and 8: Rakoto Hery (same e-mail)",
        "  rows 6 and 9: Élodie Randria (same name and organization)",
        "1 organization spelling matched to one already in the workshop:",
        "  “Ministère du Travail (MTEFP)” → MTEFP",
        "1 organization created:",
        "  Confédération Générale des Travailleurs (CGTP)",
        "1 row rejected:",
        "  row 10: no name",
    ]


def test_the_preview_shows_the_rows_as_the_import_reads_them(document, tmp_path):
    add_mtefp(document)
    plan = plan_participant_import(document, messy_french_list(tmp_path / "liste.csv"))
    rows = {row.number: row for row in plan.read_rows()}
    assert [rows[number].sex for number in (4, 5, 6, 7)] == ["male", "female", "female", "male"]
    assert (rows[4].organization.short, rows[4].organization.created) == ("MTEFP", False)
    assert (rows[6].organization.short, rows[6].organization.created) == ("CGTP", True)
    assert (rows[6].email, rows[7].email) == ("elodie@cgtp.example", "andry@cgtp.example")
    assert (rows[8].status, rows[8].first, rows[8].reason) == ("merged", 4, "email")
    assert (rows[9].status, rows[9].first, rows[9].same_as) == ("merged", 6, "Élodie Randria")
    assert (rows[10].status, rows[10].reason) == ("skipped", "no name")
    assert [row.number for row in plan.read_rows(3)] == [4, 5, 6]


def test_the_report_is_capped_for_the_command_line_but_whole_for_the_wizard(document, tmp_path):
    rows = [["Name", "E-mail"]] + [[f"Person {index}", f"p{index}@x.example"] for index in range(15)] * 2
    report = plan_participant_import(document, write_xlsx(tmp_path / "twice.xlsx", rows)).report
    assert report.merged_duplicates == 15
    lines = report.lines()
    assert lines[1:3] == ["15 duplicate rows merged:", "  rows 2 and 17: Person 0 (same e-mail)"]
    assert lines[12] == "  ... and 5 more"
    assert len(report.lines(limit=None)) == 1 + 1 + 15
