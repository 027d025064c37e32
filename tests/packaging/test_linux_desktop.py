"""packaging/linux: the menu entry, the .workshop file type and the icon, as install.sh puts them
under a user's XDG_DATA_HOME, and what a desktop does with them: run the program on a file,
recognise a workshop file (by name, and by its header when renamed)."""

import configparser
import os
import re
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.file.schema import APPLICATION_ID

REPOSITORY = Path(__file__).resolve().parents[2]
LINUX = REPOSITORY / "packaging" / "linux"
INSTALL = LINUX / "install.sh"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture
def bundle(tmp_path) -> Path:
    """A stand-in for `make bundle`'s folder, in a folder whose name a shell or an Exec line
    would take apart if it were not quoted; its program writes down the arguments it gets."""
    folder = tmp_path / "USB stick $1 \"Nepal\" `x` back\\slash" / "PathfinderWorkshop"
    (folder / "_internal" / "resources" / "icons").mkdir(parents=True)
    shutil.copy(REPOSITORY / "resources" / "icons" / "app.svg", folder / "_internal" / "resources" / "icons")
    program = folder / "PathfinderWorkshop"
    program.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$ARGUMENTS_FILE"\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return folder


@pytest.fixture
def data_home(tmp_path) -> Path:
    return tmp_path / "data home"


def install(data_home: Path, *arguments) -> subprocess.CompletedProcess:
    environment = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(data_home.parent / "home")}
    return subprocess.run(["sh", str(INSTALL), *map(str, arguments)], capture_output=True, text=True,
                          env=environment, timeout=60)


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name[fr], MimeType
    parser.read(path, encoding="utf-8")
    assert parser.sections()[0] == "Desktop Entry"
    return dict(parser["Desktop Entry"])


def exec_arguments(value: str) -> list[str]:
    """An Exec value split as the Desktop Entry Specification says: the string escapes first,
    then words, double quotes, and \\" \\` \\$ \\\\ inside quotes; %% is a percent sign."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    text = re.sub(r"\\(.)", lambda match: escapes.get(match.group(1), match.group(0)), value)
    words, word, quoted, started, index = [], "", False, False, 0
    while index < len(text):
        char = text[index]
        if quoted and char == "\\" and index + 1 < len(text) and text[index + 1] in '"`$\\':
            word, index = word + text[index + 1], index + 2
            continue
        if char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if started:
                words.append(word)
            word, started = "", False
        else:
            word, started = word + char, True
        index += 1
    assert not quoted, f"unbalanced quotes in {value!r}"
    if started:
        words.append(word)
    return [word if word in FIELD_CODES else _percent_unescaped(word) for word in words]


FIELD_CODES = {"%f", "%F", "%u", "%U", "%i", "%c", "%k"}


def _percent_unescaped(word: str) -> str:
    pieces = word.split("%%")
    assert not any("%" in piece for piece in pieces), f"a lone % in an Exec argument: {word!r}"
    return "%".join(pieces)


def mime_type_element() -> ElementTree.Element:
    root = ElementTree.parse(LINUX / "pathfinder-workshop.xml").getroot()
    (element,) = root.findall(f"{MIME}mime-type")
    return element


def magic_matches(header: bytes) -> bool:
    """The XML's magic rules applied to a file's first bytes, as shared-mime-info reads them."""

    def matches(match: ElementTree.Element) -> bool:
        offset, kind, value = int(match.get("offset")), match.get("type"), match.get("value")
        if kind == "string":
            found = header[offset:offset + len(value)] == value.encode("ascii")
        elif kind == "big32":
            found = len(header) >= offset + 4 and struct.unpack(">I", header[offset:offset + 4])[0] == int(value, 0)
        else:
            raise AssertionError(f"a match type this test does not read: {kind}")
        children = match.findall(f"{MIME}match")
        return found and (not children or any(matches(child) for child in children))

    return any(matches(match) for magic in mime_type_element().findall(f"{MIME}magic")
               for match in magic.findall(f"{MIME}match"))


def assert_double_click_reaches_the_program(arguments: list[str], tmp_path: Path) -> None:
    """What the desktop runs for a double-click: the file's path arrives whole, as one argument."""
    workshop = tmp_path / "Atelier national (2027) $HOME.workshop"
    record = tmp_path / "arguments.txt"
    command = [str(workshop) if argument == "%f" else argument for argument in arguments]
    subprocess.run(command, env={**os.environ, "ARGUMENTS_FILE": str(record)}, check=True, timeout=30)
    assert record.read_text().splitlines() == [str(workshop)]


def test_the_file_type_is_found_by_name_and_by_the_program_s_application_id(tmp_path):
    element = mime_type_element()
    assert element.get("type") == "application/x-pathfinder-workshop"
    assert [glob.get("pattern") for glob in element.findall(f"{MIME}glob")] == ["*.workshop"]
    big32 = element.find(f".//{MIME}match[@type='big32']")
    assert int(big32.get("offset")) == 68 and int(big32.get("value"), 0) == APPLICATION_ID
    comments = {comment.get("{http://www.w3.org/XML/1998/namespace}lang"): comment.text
                for comment in element.findall(f"{MIME}comment")}
    assert set(comments) == {None, "fr", "es", "ar"}

    workshop = tmp_path / "renamed.bin"
    WorkshopDocument.create(workshop, title="Atelier", country="MG").close()
    assert magic_matches(workshop.read_bytes()[:100])
    other = tmp_path / "other.sqlite"
    import sqlite3

    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert not magic_matches(other.read_bytes()[:100])  # any other SQLite file is not a workshop


def test_the_entry_opens_workshop_files_in_four_languages():
    entry = desktop_entry(LINUX / "pathfinder-workshop.desktop")
    assert entry["Type"] == "Application" and entry["Icon"] == "pathfinder-workshop"
    assert entry["MimeType"].rstrip(";").split(";") == [mime_type_element().get("type")]
    assert "%f" in exec_arguments(entry["Exec"])
    assert "Office" in entry["Categories"].split(";")
    for language in ("fr", "es", "ar"):
        assert entry[f"Name[{language}]"] and entry[f"GenericName[{language}]"] != entry["GenericName"]
        assert entry[f"Comment[{language}]"] != entry["Comment"]
    assert "feuille de route" in entry["Comment[fr]"] and "hoja de ruta" in entry["Comment[es]"]
    assert "خارطة الطريق" in entry["Comment[ar]"]


def test_install_copies_the_bundle_and_registers_it_for_the_user(bundle, data_home, tmp_path):
    done = install(data_home, bundle)
    assert done.returncode == 0, done.stderr
    entry_file = data_home / "applications" / "pathfinder-workshop.desktop"
    entry = desktop_entry(entry_file)
    program = data_home / "pathfinder-workshop" / "app" / "PathfinderWorkshop"
    arguments = exec_arguments(entry["Exec"])
    assert arguments == [str(program), "%f"]
    assert os.access(program, os.X_OK)
    assert (data_home / "mime" / "packages" / "pathfinder-workshop.xml").read_bytes() == (
        LINUX / "pathfinder-workshop.xml").read_bytes()
    assert (data_home / "icons" / "hicolor" / "scalable" / "apps" / "pathfinder-workshop.svg").is_file()
    for size in PNG_SIZES:
        assert (data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "pathfinder-workshop.png").is_file()

    assert_double_click_reaches_the_program(arguments, tmp_path)

    if shutil.which("update-mime-database"):
        assert (data_home / "mime" / "mime.cache").is_file()
        assert (data_home / "mime" / "application" / "x-pathfinder-workshop.xml").is_file()
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry_file)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    if shutil.which("xmllint"):
        checked = subprocess.run(["xmllint", "--noout", str(LINUX / "pathfinder-workshop.xml")],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


@pytest.mark.skipif(not (shutil.which("gio") and shutil.which("update-mime-database")),
                    reason="GLib's gio and shared-mime-info recognise files as a desktop does")
def test_the_desktop_recognises_a_renamed_workshop_by_its_header(bundle, data_home, tmp_path):
    assert install(data_home, bundle).returncode == 0
    renamed = tmp_path / "from the ministry.bin"
    WorkshopDocument.create(renamed, title="Atelier", country="MG").close()
    environment = {**os.environ, "XDG_DATA_HOME": str(data_home), "XDG_DATA_DIRS": "/usr/local/share:/usr/share"}
    found = subprocess.run(["gio", "info", "-a", "standard::content-type", str(renamed)], capture_output=True,
                           text=True, env=environment, timeout=30)
    assert "application/x-pathfinder-workshop" in found.stdout


def test_in_place_registers_the_bundle_where_it_is(bundle, data_home, tmp_path):
    assert install(data_home, "--in-place", bundle).returncode == 0
    entry = desktop_entry(data_home / "applications" / "pathfinder-workshop.desktop")
    assert exec_arguments(entry["Exec"]) == [str(bundle / "PathfinderWorkshop"), "%f"]
    assert not (data_home / "pathfinder-workshop").exists()
    assert_double_click_reaches_the_program(exec_arguments(entry["Exec"]), tmp_path)


def test_uninstall_removes_what_install_put_and_keeps_the_workshops(bundle, data_home):
    assert install(data_home, bundle).returncode == 0
    kept = data_home / "Pathfinder Workshop" / "Nepal demo workshop.workshop"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"the user's work")
    done = install(data_home, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not (data_home / "applications" / "pathfinder-workshop.desktop").exists()
    assert not (data_home / "mime" / "packages" / "pathfinder-workshop.xml").exists()
    assert not (data_home / "pathfinder-workshop").exists()
    assert not list((data_home / "icons").rglob("pathfinder-workshop.*"))
    assert kept.read_bytes() == b"the user's work"
    assert bundle.is_dir()  # the folder it was installed from is not touched


def test_a_folder_that_is_not_the_bundle_is_refused_in_one_line(tmp_path, data_home):
    done = install(data_home, tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "PathfinderWorkshop" in done.stderr
    assert not data_home.exists()


def test_a_bundle_whose_path_no_menu_can_run_is_refused(bundle, data_home, tmp_path):
    """GLib's desktops look for a program path with % in it as written, %% and all."""
    moved = tmp_path / "100%" / "PathfinderWorkshop"
    moved.parent.mkdir()
    bundle.rename(moved)
    done = install(data_home, "--in-place", moved)
    assert done.returncode == 2 and "%" in done.stderr and done.stderr.count("\n") == 1
    assert not (data_home / "applications").exists()


def test_the_icons_are_drawn_at_their_sizes():
    for size in PNG_SIZES:
        header = (REPOSITORY / "packaging" / "icons" / f"{size}x{size}.png").read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size)
