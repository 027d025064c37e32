"""A PDF whose text holds letters no font has is written, and the window names the items."""

from PySide6.QtWidgets import QMessageBox

TIBETAN = "བཀྲ་ཤིས"


def test_the_window_names_the_participant_whose_name_prints_as_placeholders(
        window, demo_path, settings, tmp_path, export_dialog, without_system_fonts, monkeypatch):
    settings.set_last_folder(tmp_path)
    window.open_file(demo_path)
    document = window.session.document
    document.apply(document.plan_insert("participant", name=f"{TIBETAN} Dorji"))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or QMessageBox.Ok)
    export_dialog.name = tmp_path / "sheets.pdf"
    window.export_sign_in()
    assert (tmp_path / "sheets.pdf").exists()
    box, = shown
    assert box.objectName() == "unprintable" and "sheets.pdf was written" in box.text()
    assert f"participant “{TIBETAN} Dorji”, name" in box.informativeText()
    assert "Tibetan characters" in box.detailedText() and "TrueType" in box.informativeText()


def test_no_warning_when_every_letter_prints(window, demo_path, settings, tmp_path, export_dialog, monkeypatch):
    settings.set_last_folder(tmp_path)
    window.open_file(demo_path)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or QMessageBox.Ok)
    export_dialog.name = tmp_path / "agenda.pdf"
    window.export_agenda()
    assert (tmp_path / "agenda.pdf").exists() and shown == []
