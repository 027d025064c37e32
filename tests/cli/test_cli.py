"""The command line: the contract in the brief, and one clear line for every user mistake."""

import json
import os
import subprocess
import sys

import pytest

from workshop_app.cli import main

STATS_KEYS = {"participants", "organizations", "participants_by_sex", "women_share", "days", "sessions",
              "outcomes", "outputs", "actions", "indicators", "versions"}


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_demo_then_stats_then_check(tmp_path, capsys):
    path = tmp_path / "x.workshop"
    assert run(capsys, "demo", path)[0] == 0
    code, out, _ = run(capsys, "stats", path, "--json")
    assert code == 0
    stats = json.loads(out)
    assert set(stats) == STATS_KEYS
    assert set(stats["participants_by_sex"]) == {"female", "male", "other", "not_stated"}
    assert 100 <= stats["participants"] <= 140 and 30 <= stats["organizations"] <= 50
    assert stats["days"] == 3 and stats["outcomes"] == 4
    assert 0.3 < stats["women_share"] < 0.5
    code, out, _ = run(capsys, "check", path)
    assert code == 0 and "integrity: ok" in out and "result: ok" in out


def test_demo_refuses_to_overwrite_without_force(tmp_path, capsys):
    path = tmp_path / "x.workshop"
    path.write_text("my notes")
    code, _, err = run(capsys, "demo", path)
    assert code == 2 and "already exists" in err
    assert path.read_text() == "my notes"
    assert run(capsys, "demo", path, "--force")[0] == 0


def test_demo_without_a_file_goes_to_the_data_folder_once(capsys):
    from workshop_app import paths

    code, out, _ = run(capsys, "demo")
    assert code == 0 and out.strip() == str(paths.demo_path())
    before = paths.demo_path().read_bytes()
    assert run(capsys, "demo")[0] == 0  # a second run keeps the user's demo as it is
    assert paths.demo_path().read_bytes() == before


def test_new_creates_days_and_languages(tmp_path, capsys):
    path = tmp_path / "malawi.workshop"
    code, _, _ = run(capsys, "new", path, "--title", "Road map workshop", "--country", "mw",
                     "--start", "2027-02-01", "--days", "2", "--language", "en,ny")
    assert code == 0
    stats = json.loads(run(capsys, "stats", path, "--json")[1])
    assert stats["days"] == 2 and stats["participants"] == 0 and stats["women_share"] is None


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--country", "ZZ"], "ISO 3166"),
        (["--country", "NP", "--start", "01/02/2027"], "YYYY-MM-DD"),
        (["--country", "NP", "--days", "3"], "start date"),
        (["--country", "NP", "--language", "nepali"], "ISO 639-1"),
    ],
)
def test_new_with_bad_values(tmp_path, capsys, arguments, message):
    path = tmp_path / "bad.workshop"
    code, _, err = run(capsys, "new", path, "--title", "T", *arguments)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not path.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["stats", "--json"], ["check"], ["open", "--screenshot", "shot.png"]])
def test_a_wrong_file_gets_one_line_and_exit_2(tmp_path, capsys, command):
    path = tmp_path / "minutes.workshop"
    path.write_bytes(b"Minutes of the opening session\n")
    code, out, err = run(capsys, command[0], path, *command[1:])
    assert code == 2
    assert err.strip() == "workshop-app: minutes.workshop: not a Pathfinder Workshop file"
    assert path.read_bytes() == b"Minutes of the opening session\n"


def test_stats_is_readable_without_json(demo_path, capsys):
    code, out, _ = run(capsys, "stats", demo_path)
    assert code == 0 and "Women share" in out and "%" in out


def test_check_reports_a_broken_reference(workshop_path, capsys):
    import sqlite3

    conn = sqlite3.connect(workshop_path)  # a file damaged by another tool: foreign keys off
    conn.execute("INSERT INTO participant (id, name, organization_id) VALUES ('p1', 'Ana', 'gone')")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "check", workshop_path)
    assert code == 1 and "points to a missing organization" in out and "PROBLEMS FOUND" in out


def test_console_script_and_module_entry_point(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    path = tmp_path / "m.workshop"
    result = subprocess.run([sys.executable, "-m", "workshop_app", "new", str(path), "--title", "T",
                             "--country", "NP"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "workshop_app", "stats", str(tmp_path / "none.workshop")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr == "workshop-app: none.workshop: no such file\n"  # no traceback


def test_screenshot_of_a_page(demo_path, tmp_path, capsys):
    png = tmp_path / "overview.png"
    code, _, _ = run(capsys, "open", demo_path, "--page", "overview", "--screenshot", png, "--size", "1024x700")
    assert code == 0
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 700)


def test_bad_size_is_an_argument_error(demo_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["open", str(demo_path), "--screenshot", "x.png", "--size", "big"])
    assert exit_.value.code == 2
    assert "not a size like 1280x800" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["new", "{tmp}/far.workshop", "--title", "T", "--country", "NP", "--start", "2199-12-31", "--days", "2"],
         "end of the calendar"),
        (["new", "{tmp}/far.workshop", "--title", "T", "--country", "NP", "--start", "9999-12-31"],
         "between the years 1900 and 2199"),
        (["demo", "{tmp}", "--force"], "is a folder"),
        (["demo", "{tmp}/notes.txt/x.workshop"], "folder does not exist"),
        (["stats", ""], "is a folder"),
    ],
)
def test_more_user_mistakes_get_one_line(tmp_path, capsys, arguments, message):
    (tmp_path / "notes.txt").write_text("notes")
    code, _, err = run(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in arguments])
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def _participant_list(path):
    path.write_text("Name;Sex;Organization;E-mail\nAna Pérez;F;Ministerio de Trabajo (MTPE);ana@mtpe.example\n"
                    "Luis Soto;M;MTPE;\n;F;CGTP;\n", encoding="cp1252")
    return path


def test_import_participants_dry_run_then_real_then_again(workshop_path, tmp_path, capsys):
    sheet = _participant_list(tmp_path / "lista.csv")
    before = workshop_path.read_bytes()
    code, out, _ = run(capsys, "import-participants", workshop_path, sheet, "--dry-run")
    assert code == 0 and "2 participants added" in out and "row 4" in out and "Dry run" in out
    assert workshop_path.read_bytes() == before
    code, out, _ = run(capsys, "import-participants", workshop_path, sheet)
    assert code == 0 and "2 participants added" in out
    assert json.loads(run(capsys, "stats", workshop_path, "--json")[1])["participants"] == 2
    code, out, _ = run(capsys, "import-participants", workshop_path, sheet)
    assert code == 0 and "0 participants added" in out
    assert json.loads(run(capsys, "stats", workshop_path, "--json")[1])["participants"] == 2


@pytest.mark.parametrize(("extra", "message"), [(["--map", "Sex=gender"], "not a participant field"),
                                                (["--sheet", "Hoja2"], "no sheet")])
def test_import_participants_mistakes_change_nothing(workshop_path, tmp_path, capsys, extra, message):
    sheet = _participant_list(tmp_path / "lista.csv")
    before = workshop_path.read_bytes()
    code, _, err = run(capsys, "import-participants", workshop_path, sheet, *extra)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert workshop_path.read_bytes() == before


def test_export_participants_and_sign_in_sheets(demo_path, tmp_path, capsys):
    import openpyxl
    from pypdf import PdfReader

    xlsx, csv, pdf = tmp_path / "list.xlsx", tmp_path / "list.csv", tmp_path / "sign-in.pdf"
    before = demo_path.read_bytes()
    assert run(capsys, "export", demo_path, xlsx, "--what", "participants")[0] == 0
    assert run(capsys, "export", demo_path, csv, "--what", "participants")[0] == 0
    assert run(capsys, "export", demo_path, pdf, "--what", "sign-in", "--day", "1", "--order", "organization")[0] == 0
    assert demo_path.read_bytes() == before  # exporting never touches the workshop
    sheet = openpyxl.load_workbook(xlsx)["Participants"]
    assert sheet.max_row == 1 + 122
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Sign-in sheet" in text and "Day 1 · page 1 of" in text
    assert "@" not in text  # the sheet goes round the room: no contacts unless asked for
    assert run(capsys, "export", demo_path, pdf, "--what", "sign-in", "--day", "1", "--with-contacts")[0] == 0
    assert "aakash.mehta@unodc.example" in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_road_map_contacts_only_when_asked_for(demo_path, tmp_path, capsys):
    from pypdf import PdfReader

    pdf = tmp_path / "road map.pdf"
    for flags, expected in (([], False), (["--with-contacts"], True)):
        assert run(capsys, "export", demo_path, pdf, "--what", "roadmap", *flags)[0] == 0
        text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert ("9843959285" in text) is expected  # Aakash Mehta's phone


@pytest.mark.parametrize(
    ("out", "extra", "message"),
    [("list.docx", ["--what", "participants"], "as .xlsx or .csv"),
     ("sign-in.pdf", ["--what", "sign-in", "--day", "9"], "no day 9"),
     ("missing/sign-in.pdf", ["--what", "sign-in"], "does not exist"),
     ("list.xlsx", ["--what", "participants", "--paper", "A4"], "does not apply"),
     ("agenda.pdf", ["--what", "agenda", "--with-contacts"], "does not apply")],
)
def test_export_mistakes_get_one_line_and_write_nothing(demo_path, tmp_path, capsys, out, extra, message):
    code, _, err = run(capsys, "export", demo_path, tmp_path / out, *extra)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / out).exists()


def test_road_map_workbook_round_trip_on_the_command_line(demo_path, tmp_path, capsys):
    import openpyxl

    workbook_path = tmp_path / "road map.xlsx"
    assert run(capsys, "export", demo_path, workbook_path, "--what", "matrix")[0] == 0
    code, out, _ = run(capsys, "import-matrix", demo_path, workbook_path, "--dry-run")
    assert code == 0 and "no changes" in out
    workbook = openpyxl.load_workbook(workbook_path)
    sheet = workbook["Road map"]
    headers = [cell.value for cell in sheet[1]]
    status, cost = headers.index("Status") + 1, headers.index("Cost") + 1
    action_row = next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, headers.index("Level") + 1).value
                      in ("Action", "action"))
    sheet.cell(action_row, status).value = "Done" if sheet.cell(action_row, status).value != "Done" else "Agreed"
    sheet.cell(action_row, cost).value = "about 5000"
    workbook.save(workbook_path)
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "import-matrix", demo_path, workbook_path)
    assert code == 2 and "Cost" in out and "nothing was changed" in err
    assert demo_path.read_bytes() == before


def test_road_map_workbook_goes_by_the_road_map_name(demo_path, tmp_path, capsys):
    """`--what roadmap` writes the workbook for an .xlsx name; `import-roadmap` reads it back.
    The earlier names (`--what matrix`, `import-matrix`) stay for scripts that use them."""
    workbook_path = tmp_path / "road map.xlsx"
    assert run(capsys, "export", demo_path, workbook_path, "--what", "roadmap")[0] == 0
    code, out, _ = run(capsys, "import-roadmap", demo_path, workbook_path, "--dry-run")
    assert code == 0 and "no changes" in out
    code, out, err = run(capsys, "import-roadmap", demo_path, demo_path, "--dry-run")
    assert code == 2 and "is a database (perhaps a .workshop file), not a spreadsheet" in err
    assert "participants" not in err


def test_an_unexpected_error_is_one_line_naming_the_log(demo_path, capsys, monkeypatch, isolated_user_folders):
    from workshop_app.models import stats

    def broken(document):
        raise KeyError("partners")

    monkeypatch.setattr(stats, "workshop_stats", broken)
    code, out, err = run(capsys, "stats", demo_path)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "unexpected error (KeyError: 'partners')" in err
    log = isolated_user_folders / "data" / "Pathfinder Workshop" / "errors.log"
    assert str(log) in err
    assert "Traceback" in log.read_text() and "workshop_stats" not in err


def test_a_reader_that_stops_early_gets_no_complaint(demo_path):
    """`workshop-app stats FILE | head -1`: the closed pipe is not an error."""
    script = ("import sys\nfrom workshop_app.cli import main\n"
              f"sys.exit(main(['stats', {str(demo_path)!r}]))")
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before anything is written
    try:
        done = subprocess.run([sys.executable, "-c", script], stdout=write_end, stderr=subprocess.PIPE,
                              timeout=60)
    finally:
        os.close(write_end)
    assert done.stderr == b"" and done.returncode == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
@pytest.mark.parametrize("command", [
    ["stats", "{fifo}"], ["check", "{fifo}"], ["export", "{fifo}", "{out}", "--what", "agenda"],
    ["open", "{fifo}", "--screenshot", "{out}.png"], ["demo", "{fifo}", "--force"],
    ["import-participants", "{demo}", "{fifo}"], ["import-roadmap", "{demo}", "{fifo}"],
])
def test_a_named_pipe_is_refused_at_once(tmp_path, demo_path, command):
    """A FIFO called x.workshop (or x.csv) would block any reader forever."""
    fifo = tmp_path / "x.workshop"
    os.mkfifo(fifo)
    args = [part.format(fifo=fifo, out=tmp_path / "out.pdf", demo=demo_path) for part in command]
    done = subprocess.run([sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2, done.stderr
    assert "not a regular file" in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_an_export_never_overwrites_the_workshop_file(demo_path, capsys):
    before = demo_path.read_bytes()
    code, _, err = run(capsys, "export", demo_path, demo_path.with_suffix(".workshop"), "--what", "agenda")
    assert code == 2
    same = demo_path.parent / "same.xlsx"
    same.write_bytes(before)  # the workshop file, under a spreadsheet's name
    code, _, err = run(capsys, "export", same, same, "--what", "agenda")
    assert code == 2 and "is the workshop file itself" in err
    assert same.read_bytes() == before


def test_the_old_matrix_name_still_means_only_the_workbook(demo_path, tmp_path, capsys):
    code, _, err = run(capsys, "export", demo_path, tmp_path / "road map.pdf", "--what", "matrix")
    assert code == 2 and "matrix can be exported as .xlsx, not '.pdf'" in err
    assert not (tmp_path / "road map.pdf").exists()


def test_check_finds_invalid_text_and_a_loop_of_parents(demo_path, capsys):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE participant SET title = CAST(X'4D696E69737472C3' AS TEXT) WHERE rowid = 3")
    first, second = [row[0] for row in conn.execute(
        "SELECT id FROM roadmap_node WHERE level = 'output' ORDER BY rowid LIMIT 2")]
    conn.execute("UPDATE roadmap_node SET parent_id = ? WHERE id = ?", (second, first))
    conn.execute("UPDATE roadmap_node SET parent_id = ? WHERE id = ?", (first, second))
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "check", demo_path)
    assert code == 1
    assert "text: participant.title of rowid 3 is not valid UTF-8" in out
    assert "road map: 2 item(s) are their own ancestors" in out


def test_a_list_larger_than_any_workshop_is_imported_only_with_yes(demo_path, tmp_path, capsys, monkeypatch):
    from workshop_app.models.participant_import import plan as import_plan

    monkeypatch.setattr(import_plan, "LARGE_IMPORT", 3)
    sheet = tmp_path / "census.csv"
    sheet.write_text("Name,Organization\n" + "".join(f"Person {n},ILO\n" for n in range(5)), encoding="utf-8")
    before = demo_path.read_bytes()
    code, _, err = run(capsys, "import-participants", demo_path, sheet)
    assert code == 2 and "would add 5 people" in err and "--yes" in err
    assert demo_path.read_bytes() == before
    code, out, _ = run(capsys, "import-participants", demo_path, sheet, "--yes")
    assert code == 0 and "5 participants added" in out


def test_import_participants_names_the_merged_rows_and_the_matched_organizations(workshop_path, tmp_path, capsys):
    from tests.models.test_participant_import import add_mtefp, messy_french_list
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(workshop_path) as document:
        add_mtefp(document)
    sheet = messy_french_list(tmp_path / "liste.csv")
    code, out, _ = run(capsys, "import-participants", workshop_path, sheet, "--dry-run")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "liste.csv: header on row 3, 7 rows"
    assert lines[1:9] == [
        "4 participants added",
        "2 duplicate rows merged:",
        "  rows 4 and 8: Rakoto Hery (same e-mail)",
        "  rows 6 and 9: Élodie Randria (same name and organization)",
        "1 organization spelling matched to one already in the workshop:",
        "  “Ministère du Travail (MTEFP)” → MTEFP",
        "1 organization created:",
        "  Confédération Générale des Travailleurs (CGTP)",
    ]


def test_letters_no_font_has_are_named_on_stderr_and_the_file_is_written(demo_path, tmp_path, capsys,
                                                                         without_system_fonts):
    from pypdf import PdfReader

    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.roadmap.tree import node_codes

    with WorkshopDocument.open(demo_path) as document:
        document.apply(document.plan_insert("participant", name="བཀྲ་ཤིས Dorji"))
        action = document.rows("roadmap_node", "level = 'action'", order_by="parent_id, position")[0]
        document.apply(document.plan_update("roadmap_node", action["id"], title="𓀀 campaign"))
        code = node_codes(document)[action["id"]]
    sheets, road_map = tmp_path / "sheets.pdf", tmp_path / "road map.pdf"
    status, out, err = run(capsys, "export", demo_path, sheets, "--what", "sign-in", "--day", "1")
    assert status == 0 and out.strip() == str(sheets) and sheets.exists()
    warning, = err.strip().splitlines()
    assert warning.startswith("workshop-app: warning: participant “བཀྲ་ཤིས Dorji”, name: Tibetan characters")
    assert "printed as \ufffd" in warning and "TrueType" in warning
    status, _, err = run(capsys, "export", demo_path, road_map, "--what", "roadmap")
    assert status == 0 and f"Action {code}, title: Egyptian characters “𓀀”" in err, err
    # The glyphs printed are placeholders (pypdf reads glyphs, not the words' /ActualText).
    text = "".join(page.extract_text() for page in PdfReader(sheets).pages)
    assert "\ufffd\ufffd\ufffd" in text and "Dorji" in text


def test_a_refusal_speaks_the_language_the_environment_asks_for(demo_path, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "fr")
    code, _, err = run(capsys, "export", demo_path, tmp_path / "f.pdf", "--what", "sign-in", "--day", "9")
    assert code == 2 and "l'atelier n'a pas de jour 9" in err and "has no day" not in err
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "ar")
    code, _, err = run(capsys, "export", demo_path, tmp_path / "f.doc", "--what", "sign-in")
    assert code == 2 and "يمكن تصدير" in err


def test_the_help_and_argparse_s_own_refusals_speak_the_language(capsys, monkeypatch):
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "es")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("uso: workshop-app") and "opciones" in out
    assert "mostrar este mensaje de ayuda y salir" in out and "show this help" not in out
    with pytest.raises(SystemExit) as exit_:
        main(["export"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "workshop-app export: error: los siguientes argumentos son obligatorios: archivo, salida" in err
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "ar")
    with pytest.raises(SystemExit):
        main(["open", "--page", "nowhere"])
    assert "اختيار غير صالح: 'nowhere'" in capsys.readouterr().err
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "en")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: workshop-app")


@pytest.fixture
def windows_opened(monkeypatch):
    """The window's launcher, recorded instead of run."""
    opened = []
    monkeypatch.setattr("workshop_app.ui.app.run_gui", lambda path=None, **options: opened.append((path, options)) or 0)
    return opened


def test_a_file_alone_opens_it_as_the_open_command_does(workshop_path, windows_opened, capsys):
    """What a file manager runs on a double-click: the program with the file's path."""
    assert run(capsys, workshop_path)[0] == 0
    assert run(capsys, "open", workshop_path)[0] == 0
    assert windows_opened[0] == windows_opened[1] and windows_opened[0][0] == workshop_path
    assert run(capsys, workshop_path, "--page", "agenda")[0] == 0
    assert windows_opened[2][1]["page"] == "agenda"


def test_a_file_alone_is_found_in_the_current_folder_too(workshop_path, windows_opened, capsys, monkeypatch):
    monkeypatch.chdir(workshop_path.parent)
    renamed = workshop_path.rename(workshop_path.parent / "atelier")  # no suffix, no folder: a file that exists
    assert run(capsys, "atelier")[0] == 0
    assert windows_opened == [(renamed.relative_to(renamed.parent), windows_opened[0][1])]


def test_a_mistyped_command_is_still_refused_with_the_list_of_commands(windows_opened, capsys):
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "stast")
    assert stopped.value.code == 2 and windows_opened == []
    assert "invalid choice: 'stast'" in capsys.readouterr().err
