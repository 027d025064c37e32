"""New Workshop assumes no country: it asks for one, and says so when Create is pressed without."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog


def test_no_country_is_chosen_until_the_user_chooses_one(qtbot, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(NewWorkshopDialog, "choose_path", lambda self: asked.append(True) or tmp_path / "x.workshop")
    dialog = NewWorkshopDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.country_combo
    assert combo.currentIndex() == -1 and combo.code() == ""
    assert combo.placeholderText() == "Choose the country…"

    create = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
    qtbot.mouseClick(create, Qt.LeftButton)
    assert dialog.isVisible() and not asked and not (tmp_path / "x.workshop").exists()
    assert dialog.error_label.isVisible() and "Choose the country" in dialog.error_label.text()

    combo.setCurrentIndex(combo.findData("MW"))
    assert not dialog.error_label.isVisible()
    qtbot.mouseClick(create, Qt.LeftButton)
    assert asked and dialog.created_path == tmp_path / "x.workshop"
