"""The import wizard: file, columns with a live preview, report, then one undoable import."""

import openpyxl
import pytest
from PySide6.QtGui import QPalette

from workshop_app.ui.dialogs.participant_import import ImportWizard


@pytest.fixture
def french_list(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Liste"
    sheet.append(["Atelier national de validation de la feuille de route"])
    sheet.append([])
    sheet.append(["N°", "Nom et prénom(s)", "Sexe (H/F)", "Structure", "Fonction", "Courriel", "Téléphone", "Remarque"])
    sheet.append([1, "Rakoto Hery", "H", "Ministère du Travail (MTEFP)", "Directeur", "hery@mtefp.example",
                  261341234567, ""])
    sheet.append([2, "Rasoa Voahangy", "F", "MTEFP", "Inspectrice", "", "", "arrive le 2e jour"])
    sheet.append([3, "", "F", "CGT", "", "", "", ""])
    path = tmp_path / "liste.xlsx"
    workbook.save(path)
    return path


def test_wizard_reads_previews_and_imports_in_one_undoable_step(window, workshop_path, french_list):
    window.open_file(workshop_path)
    wizard = ImportWizard(window.session, french_list.parent, window)
    wizard.file_page.path_edit.setText(str(french_list))
    assert wizard.file_page.validatePage()
    wizard.columns_page.initializePage()
    mapping = wizard.columns_page.mapping()
    assert mapping["Nom et prénom(s)"] == "name" and mapping["Sexe (H/F)"] == "sex"
    assert wizard.columns_page.preview.rowCount() == 3
    assert wizard.columns_page.preview.item(0, 6).text() == "261341234567"  # no 9.9e+11, no .0
    wizard.report_page.initializePage()
    report = wizard.report_page.report.toPlainText()
    assert "2 participants added" in report and "row 6" in report
    assert window.session.document.count("participant") == 0  # nothing before Import
    wizard.accept()
    document = window.session.document
    people = {row["name"]: row for row in document.rows("participant")}
    assert set(people) == {"Rakoto Hery", "Rasoa Voahangy"}
    assert people["Rakoto Hery"]["sex"] == "male"  # H is homme in a French list
    assert people["Rakoto Hery"]["organization_id"] == people["Rasoa Voahangy"]["organization_id"]
    window.session.undo_stack.undo()
    assert document.count("participant") == 0 and document.count("organization") == 0


def test_mapping_a_column_by_hand_changes_the_preview(window, workshop_path, french_list):
    window.open_file(workshop_path)
    wizard = ImportWizard(window.session, french_list.parent, window)
    wizard.file_page.path_edit.setText(str(french_list))
    wizard.file_page.validatePage()
    page = wizard.columns_page
    page.initializePage()
    row = next(r for r in range(page.mapping_table.rowCount()) if page.mapping_table.item(r, 0).text() == "Fonction")
    combo = page.mapping_table.cellWidget(row, 1)
    combo.setCurrentIndex(combo.findData("ignore"))
    page._reread(keep_mapping=True)
    assert wizard.table.fields[wizard.table.headers.index("Fonction")] == "ignore"


def test_a_file_that_is_not_a_list_is_explained(window, workshop_path, tmp_path):
    window.open_file(workshop_path)
    bad = tmp_path / "agenda.xlsx"
    bad.write_bytes(b"%PDF-1.4 not a workbook")
    wizard = ImportWizard(window.session, tmp_path, window)
    wizard.file_page.path_edit.setText(str(bad))
    assert not wizard.file_page.validatePage()
    assert "agenda.xlsx" in wizard.file_page.problem.text()


@pytest.mark.parametrize("answer, imported", [("No", 0), ("Yes", 2)])
def test_a_list_larger_than_any_workshop_is_confirmed_first(window, workshop_path, french_list, monkeypatch,
                                                            answer, imported):
    from PySide6.QtWidgets import QMessageBox

    from workshop_app.ui.dialogs import participant_import

    asked = []
    monkeypatch.setattr(participant_import, "LARGE_IMPORT", 1)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: asked.append(args[2]) or getattr(QMessageBox, answer))
    window.open_file(workshop_path)
    wizard = ImportWizard(window.session, french_list.parent, window)
    wizard.file_page.path_edit.setText(str(french_list))
    assert wizard.file_page.validatePage()
    wizard.columns_page.initializePage()
    wizard.report_page.initializePage()
    wizard.accept()
    assert len(asked) == 1 and "This would add 2 people" in asked[0]
    assert window.session.document.count("participant") == imported


def _preview(page) -> dict[int, dict[str, str]]:
    """The preview's cells by row number and column header."""
    table = page.preview
    headers = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]
    return {int(table.verticalHeaderItem(row).text()): {
        header: table.item(row, column).text() for column, header in enumerate(headers)}
        for row in range(table.rowCount())}


def test_the_preview_shows_the_rows_as_they_will_be_read_and_the_report_names_what_it_did(
        window, workshop_path, tmp_path):
    from tests.models.test_participant_import import add_mtefp, messy_french_list
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(workshop_path) as document:
        add_mtefp(document)
    window.open_file(workshop_path)
    sheet = messy_french_list(tmp_path / "liste.csv")
    wizard = ImportWizard(window.session, tmp_path, window)
    wizard.file_page.path_edit.setText(str(sheet))
    assert wizard.file_page.validatePage()
    page = wizard.columns_page
    page.initializePage()
    rows = _preview(page)
    assert [rows[number]["Sex"] for number in (4, 5, 6, 7)] == ["Male", "Female", "Female", "Male"]  # H, F, Femme, M.
    assert rows[4]["Organization"] == "MTEFP (existing)"  # written "Ministère du Travail (MTEFP)"
    assert rows[6]["Organization"] == "CGTP (new)"
    assert rows[6]["E-mail"] == "elodie@cgtp.example"  # written mailto:elodie@cgtp.example
    assert rows[4]["Will be"] == "New"
    assert rows[8]["Will be"] == "Merged with row 4, same e-mail"
    assert rows[9]["Will be"] == "Merged with row 6, same name"  # "Elodie" without her accent
    assert rows[10]["Will be"] == "Skipped: no name"
    dimmed = page.palette().color(QPalette.Disabled, QPalette.Text)
    numbers = [page.preview.verticalHeaderItem(row).text() for row in range(page.preview.rowCount())]
    assert page.preview.item(numbers.index("8"), 1).foreground().color() == dimmed  # greyed: adds no one
    assert page.preview.item(numbers.index("4"), 1).foreground().color() != dimmed

    page.as_is.setChecked(True)  # the sheet as it is, under its own headers
    assert _preview(page)[4]["Sexe (H/F)\n→ Sex"] == "H"
    page.as_is.setChecked(False)

    wizard.report_page.initializePage()
    report = wizard.report_page.report.toPlainText().splitlines()
    assert "  rows 4 and 8: Rakoto Hery (same e-mail)" in report
    assert "  rows 6 and 9: Élodie Randria (same name and organization)" in report
    assert "  “Ministère du Travail (MTEFP)” → MTEFP" in report
    assert "  Confédération Générale des Travailleurs (CGTP)" in report
