"""One dialog per export: its options and the file name together; Enter exports, never replaces
a file without asking, and no second dialog opens."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

TITLE = "National workshop on a road map towards SDG target 8.7 in Nepal"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def opened_window(window, demo_path, settings, tmp_path):
    settings.set_last_folder(tmp_path)
    window.open_file(demo_path)
    return window


def test_enter_writes_the_suggested_file_in_the_last_folder(opened_window, tmp_path, export_dialog):
    opened_window.export_sign_in()
    dialog = export_dialog.shown[0]
    expected = tmp_path / f"{TITLE} – sign-in sheets.pdf"
    assert dialog.file_name.text() == expected.name and dialog.where.text() == f"Folder: {tmp_path}"
    assert export_dialog.opened == [expected] and expected.exists()
    text = pdf_text(expected)
    assert "@" not in text and "Contact" not in text  # privacy by default
    assert "Day 1 · page 1 of" in text and "Day 3 · page 1 of" in text
    assert not export_dialog.questions


def test_a_typed_name_gets_the_suffix_and_the_folder(opened_window, tmp_path, export_dialog):
    export_dialog.name = "Sheets for day 8.7"  # a dot in a name is not a file type
    opened_window.export_sign_in()
    assert export_dialog.opened == [tmp_path / "Sheets for day 8.7.pdf"]
    assert (tmp_path / "Sheets for day 8.7.pdf").read_bytes().startswith(b"%PDF")


def test_contacts_only_when_ticked(opened_window, tmp_path, export_dialog):
    def one_day_with_contacts(dialog):
        assert not dialog.contacts.isChecked()
        dialog.day_combo.setCurrentIndex(1)
        dialog.contacts.setChecked(True)

    export_dialog.choose = one_day_with_contacts
    export_dialog.name = tmp_path / "with contacts.pdf"
    opened_window.export_sign_in()
    assert "aakash.mehta@unodc.example" in pdf_text(tmp_path / "with contacts.pdf")


def test_an_existing_file_is_replaced_only_when_the_user_says_yes(opened_window, tmp_path, export_dialog):
    existing = tmp_path / "agenda.pdf"
    existing.write_bytes(b"the printed version")
    export_dialog.name = existing
    opened_window.export_agenda()
    (title, text, default), = export_dialog.questions
    assert title == "Replace File?" and "“agenda.pdf” already exists" in text
    from PySide6.QtWidgets import QMessageBox
    assert default == QMessageBox.No  # Enter on the question keeps the file
    assert existing.read_bytes() == b"the printed version" and not export_dialog.opened
    assert export_dialog.shown[0].isVisible()  # still open: another name can be typed
    export_dialog.shown[0].reject()

    export_dialog.replace = True
    opened_window.export_agenda()
    assert existing.read_bytes().startswith(b"%PDF") and export_dialog.opened == [existing]


def test_a_missing_folder_is_said_in_the_dialog(opened_window, tmp_path, export_dialog):
    export_dialog.name = tmp_path / "no such folder" / "agenda.pdf"
    opened_window.export_agenda()
    dialog = export_dialog.shown[0]
    assert dialog.isVisible() and "does not exist" in dialog.error_label.text()
    assert not export_dialog.opened and not (tmp_path / "no such folder").exists()
    dialog.reject()


def test_clicking_export_works_like_enter(opened_window, tmp_path, export_dialog, qtbot):
    def click_export(dialog):
        dialog.file_name.setText(str(tmp_path / "group lists"))
        qtbot.mouseClick(dialog.export_button, Qt.LeftButton)

    export_dialog.choose = click_export
    document = opened_window.session.document
    day = document.rows("day", order_by="date")[0]
    opened_window.export_group_lists(day["id"], 4)
    assert export_dialog.opened == [tmp_path / "group lists.pdf"]


def test_the_format_follows_the_typed_suffix_and_the_other_way_round(opened_window, tmp_path, export_dialog):
    def check_format(dialog):
        assert dialog.file_name.text().endswith(" – participants.xlsx")
        dialog.format.setCurrentIndex(1)
        assert dialog.file_name.text().endswith(" – participants.csv")

    export_dialog.choose = check_format
    opened_window.export_participants()
    assert export_dialog.opened == [tmp_path / f"{TITLE} – participants.csv"]

    export_dialog.choose = None
    export_dialog.name = "people.xlsx"
    opened_window.export_participants()
    assert export_dialog.shown[-1].format.currentData() == ".xlsx"
    assert export_dialog.opened[-1] == tmp_path / "people.xlsx"


def test_browse_fills_the_file_name_and_exports_nothing(opened_window, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from workshop_app.ui.dialogs.export import RoadmapWorkbookExportDialog

    asked = []

    def save_dialog(parent, caption, folder, filters, chosen, options):
        asked.append((folder, options))
        return str(tmp_path / "elsewhere" / "plan"), chosen

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    dialog = RoadmapWorkbookExportDialog(opened_window.session.document, opened_window.settings, opened_window)
    qtbot.addWidget(dialog)
    dialog.show()
    browse = next(button for button in dialog.findChildren(QPushButton) if button.text() == "Browse…")
    assert not browse.autoDefault() and not browse.isDefault()
    qtbot.mouseClick(browse, Qt.LeftButton)
    assert asked[0][0] == str(tmp_path / f"{TITLE} – road map.xlsx")
    assert asked[0][1] & QFileDialog.DontConfirmOverwrite  # Export asks, once
    assert dialog.file_name.text() == "plan.xlsx" and dialog.where.text() == f"Folder: {tmp_path / 'elsewhere'}"
    assert dialog.target() == tmp_path / "elsewhere" / "plan.xlsx"
    assert dialog.isVisible() and not list(tmp_path.rglob("*.xlsx"))


def test_the_paper_is_remembered(opened_window, tmp_path, export_dialog):
    export_dialog.choose = lambda dialog: dialog.paper.setCurrentText("Letter")
    export_dialog.name = tmp_path / "letter.pdf"
    opened_window.export_agenda(facilitator=True)
    box = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    export_dialog.choose = None
    opened_window.export_sign_in()
    assert export_dialog.shown[-1].paper.currentText() == "Letter"


def test_menu_items_that_open_a_dialog_end_with_an_ellipsis(opened_window):
    labels = [action.text() for action in opened_window.export_actions]
    assert len(labels) == 7 and all(label.endswith("…") for label in labels)
