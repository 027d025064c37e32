"""The file name an export suggests: says what it is, and can be saved on any system."""

from workshop_app.export.files import FILE_NAME_LIMIT, export_file_name


def test_the_name_says_which_workshop_and_what():
    assert export_file_name("Atelier national – Madagascar", "sign-in sheets", ".pdf") == (
        "Atelier national – Madagascar – sign-in sheets.pdf")


def test_characters_no_file_system_takes_become_spaces():
    name = export_file_name('Plan 2027/28: "phase 2"? <draft>', "agenda", ".pdf")
    assert name == "Plan 2027 28 phase 2 draft – agenda.pdf"
    assert export_file_name("  ...  ", "agenda", ".xlsx") == "agenda.xlsx"


def test_a_long_title_is_cut_at_a_word():
    title = "Atelier national de validation " * 10
    name = export_file_name(title, "road map", ".pdf")
    assert len(name) <= FILE_NAME_LIMIT + len(".pdf") and name.endswith(" – road map.pdf")
    assert title.startswith(name.removesuffix(" – road map.pdf") + " ")
