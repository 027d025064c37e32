"""The warning for letters no font has names the items the export printed, and only those."""

from tests.export.test_system_fonts import write_font
from workshop_app.export.pdf import system_fonts
from workshop_app.export.registry import export_checked
from workshop_app.export.unprintable import script_names
from workshop_app.models.document import WorkshopDocument


def test_each_export_names_only_what_it_printed(workshop_path, tmp_path, without_system_fonts):
    with WorkshopDocument.open(workshop_path) as document:
        document.apply(document.plan_insert("participant", name="王 Ann"))
        day_id = document.rows("day", order_by="position")[0]["id"]
        document.apply(document.plan_insert("session", day_id=day_id, slot=1, title="Opening 王", duration=30))
        _, sheets = export_checked(document, tmp_path / "sheets.pdf", "sign-in", day=1)
        _, agenda = export_checked(document, tmp_path / "agenda.pdf", "agenda")
    assert [item.item for item in sheets] == ["participant “王 Ann”"]
    assert [item.item for item in agenda] == ["session “Opening 王”"]
    assert sheets[0].characters == "王" and script_names("王") == ["Chinese, Japanese or Korean"]


def test_a_font_installed_after_a_warning_is_used_by_the_next_export(workshop_path, tmp_path, monkeypatch,
                                                                      without_system_fonts):
    with WorkshopDocument.open(workshop_path) as document:
        document.apply(document.plan_insert("participant", name="王 Ann"))
        _, before = export_checked(document, tmp_path / "before.pdf", "sign-in", day=1)
        # The facilitator installs a font, as the warning says, and exports again.
        font = write_font(tmp_path / "standin.ttf", "王")
        monkeypatch.setattr(system_fonts, "system_fonts", lambda: (system_fonts.SystemFont(str(font)),))
        _, after = export_checked(document, tmp_path / "after.pdf", "sign-in", day=1)
    assert len(before) == 1 and after == []


def test_symbols_are_called_symbols():
    assert script_names("😀🔬") == ["emoji or symbol"]
    assert script_names("\ue000") == ["unassigned or private"]
