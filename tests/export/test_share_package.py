"""The share package: one zip for the country office, every file in it valid, contact details
only when asked for, written atomically; and every hostile zip refused with one line and
nothing extracted."""

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from workshop_app.cli import main
from workshop_app.export.errors import ExportError
from workshop_app.export.package import contents
from workshop_app.export.package.unpacking import unpack_package
from workshop_app.export.package.writing import write_package
from workshop_app.export.words import Words
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.integrity import check_file


def run(capsys, *args):
    code = main([str(arg) for arg in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def demo_emails(_demo_master) -> list[str]:
    with WorkshopDocument.open(_demo_master, readonly=True) as document:
        return [row["email"] for row in document.rows("participant") if row["email"]]


@pytest.fixture(scope="module")
def french_package(_demo_master, tmp_path_factory) -> Path:
    """The demo's package, written by the command line in French without contact details."""
    out = tmp_path_factory.mktemp("package") / "Népal – paquet.zip"
    assert main(["package", str(_demo_master), str(out), "--lang", "fr"]) == 0
    return out


def unpacked(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder


def workbook_text(path: Path) -> str:
    workbook = load_workbook(path, read_only=True)
    return "\n".join(str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                     for value in row if value is not None)


def test_the_package_holds_every_file_and_each_one_reads_back(french_package, tmp_path):
    with zipfile.ZipFile(french_package) as archive:
        assert sorted(archive.namelist()) == sorted(contents.MEMBERS)
    folder = unpacked(french_package, tmp_path)
    assert check_file(folder / contents.WORKSHOP).ok
    with WorkshopDocument.open(folder / contents.WORKSHOP, readonly=True) as copy:
        assert copy.count("participant") > 100 and copy.count("roadmap_node") > 40
    roadmap = PdfReader(folder / contents.ROADMAP_PDF)
    assert len(roadmap.pages) > 5 and "Népal" in roadmap.pages[0].extract_text()
    agenda = PdfReader(folder / contents.AGENDA_PDF)
    assert len(agenda.pages) >= 3
    assert load_workbook(folder / contents.ROADMAP_WORKBOOK, read_only=True).sheetnames
    assert "Nguyễn Thị Lan" in workbook_text(folder / contents.PARTICIPANTS)


def test_the_readme_says_in_the_chosen_language_what_each_file_is_and_who_wrote_it(french_package):
    from workshop_app import __version__

    with zipfile.ZipFile(french_package) as archive:
        raw = archive.read(contents.README)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8-sig")
    french = Words("fr")
    # The country and the dates as French writes them, and our words as the French catalog has them.
    assert "Népal" in text and "mars 2027" in text
    assert french("Share package") in text.splitlines()
    assert french("The agenda of the workshop, day by day (PDF).") in text
    assert f"Pathfinder Workshop {__version__}" in text
    for name in contents.MEMBERS:
        assert name in text.splitlines()
    assert all(len(line) <= 80 for line in text.splitlines())


def test_contact_details_stay_out_unless_asked_for(french_package, demo_emails, _demo_master, tmp_path):
    folder = unpacked(french_package, tmp_path / "without")
    listed = workbook_text(folder / contents.PARTICIPANTS)
    assert demo_emails[0] not in listed and "@" not in listed
    workshop_bytes = (folder / contents.WORKSHOP).read_bytes()
    assert not any(email.encode() in workshop_bytes for email in demo_emails)
    report = "".join(page.extract_text() for page in PdfReader(folder / contents.ROADMAP_PDF).pages)
    assert demo_emails[0] not in report

    with WorkshopDocument.open(_demo_master, readonly=True) as document:
        write_package(document, tmp_path / "with.zip", with_contacts=True)
    folder = unpacked(tmp_path / "with.zip", tmp_path / "with")
    assert demo_emails[0] in workbook_text(folder / contents.PARTICIPANTS)
    with WorkshopDocument.open(folder / contents.WORKSHOP, readonly=True) as copy:
        assert demo_emails[0] in {row["email"] for row in copy.rows("participant")}


def test_a_failure_half_way_leaves_no_zip_and_the_earlier_one_as_it_was(demo_path, tmp_path, monkeypatch):
    import tempfile

    from workshop_app.export.package import writing

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "private"))
    (tmp_path / "private").mkdir()
    out = tmp_path / "out" / "package.zip"
    out.parent.mkdir()
    out.write_bytes(b"the package sent last week")
    real = writing.export_checked

    def failing(document, path, what, **options):
        if what == "agenda":
            raise OSError(28, "No space left on device")
        return real(document, path, what, **options)

    monkeypatch.setattr(writing, "export_checked", failing)
    with WorkshopDocument.open(demo_path, readonly=True) as document:
        with pytest.raises(ExportError, match="No space left on device"):
            write_package(document, out)
    assert out.read_bytes() == b"the package sent last week"
    assert sorted(path.name for path in out.parent.iterdir()) == ["package.zip"]  # no half zip beside it
    assert list((tmp_path / "private").iterdir()) == []  # nor the copy it was made from


def test_the_command_line_refuses_a_wrong_name_or_version_with_one_line(demo_path, tmp_path, capsys):
    code, _, err = run(capsys, "package", demo_path, tmp_path / "package.pdf")
    assert code == 2 and len(err.strip().splitlines()) == 1 and ".zip" in err
    code, _, err = run(capsys, "package", demo_path, tmp_path / "package.zip", "--version", "Final")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "“Final”" in err
    assert list(tmp_path.iterdir()) == [demo_path]


# ---------------------------------------------------------------------- hostile packages


def _rebuilt(source: Path, target: Path, *, skip=(), extra=(), change=None) -> Path:
    """A copy of the package `source` with members skipped, added ((ZipInfo or name, bytes)) or
    changed (name -> bytes)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            if info.filename in skip:
                continue
            data = original.read(info)
            if change and info.filename in change:
                data = change[info.filename](data)
            out.writestr(info.filename, data)
        for name, data in extra:
            out.writestr(name, data)
    return target


def _symlink(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def _damaged(workshop: bytes) -> bytes:
    data = bytearray(workshop)
    for offset in range(3 * 4096, len(data), 7 * 4096):
        data[offset + 8:offset + 60] = b"\xab" * 52
    return bytes(data)


HOSTILE = {
    "zip slip": (dict(extra=[("../x", b"escaped")]), "a path that goes outside"),
    "absolute path": (dict(extra=[("/tmp/x", b"anywhere")]), "an absolute path"),
    "symbolic link": (dict(extra=[(_symlink("road-map.pdf.link"), b"/etc/passwd")]), "a symbolic link"),
    "zip bomb": (dict(skip=[contents.AGENDA_PDF], extra=[(contents.AGENDA_PDF, bytes(40 * 1024 * 1024))]),
                 "zip bomb"),
    "two workshop files": (dict(extra=[("other.workshop", b"SQLite format 3\x00")]), "2 workshop files"),
    "corrupt workshop": (dict(change={contents.WORKSHOP: _damaged}), "its workshop file"),
    "unexpected name": (dict(extra=[("setup.exe", b"MZ")]), "“setup.exe”, which is not part of a share package"),
    "no workshop": (dict(skip=[contents.WORKSHOP]), "no workshop file"),
    # Within the limit of a file and not compressible, yet no README this program writes.
    "huge README": (dict(change={contents.README: lambda text: os.urandom(3 * 1024 * 1024)}),
                    "“README.txt” would take 3 MB"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_package_is_refused_with_one_line_and_nothing_extracted(kind, french_package, tmp_path, capsys):
    from workshop_app import paths

    options, words = HOSTILE[kind]
    package = _rebuilt(french_package, tmp_path / "sent.zip", **options)
    before = package.read_bytes()
    into = tmp_path / "packages"
    with pytest.raises(WorkshopFileError, match="nothing was extracted") as refused:
        unpack_package(package, into)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    assert not into.exists()  # not even the folder it would have gone into
    code, _, err = run(capsys, "open", package)
    assert code == 2 and err.count("\n") == 1 and words in err and "sent.zip" in err
    assert not paths.packages_dir().exists()
    assert package.read_bytes() == before


def test_what_is_not_a_zip_at_all_is_refused(tmp_path, capsys):
    from workshop_app import paths

    fake = tmp_path / "package.zip"
    fake.write_bytes(b"SQLite format 3\x00" + bytes(4096))
    code, _, err = run(capsys, "open", fake)
    assert code == 2 and "not a share package" in err and err.count("\n") == 1
    assert not paths.packages_dir().exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_named_like_a_package_is_refused_without_waiting(tmp_path, capsys):
    pipe = tmp_path / "package.zip"
    os.mkfifo(pipe)
    code, _, err = run(capsys, "open", pipe)
    assert code == 2 and err.count("\n") == 1 and "choose a share package" in err


def test_a_package_given_where_a_workshop_is_expected_says_how_to_open_it(french_package, tmp_path, capsys):
    for command in (["check", french_package], ["package", french_package, tmp_path / "again.zip"]):
        code, _, err = run(capsys, *command)
        assert code == 2 and err.count("\n") == 1 and "a share package opens with File › Open" in err, command
    assert not (tmp_path / "again.zip").exists()


def test_a_package_opens_into_its_own_folder_and_never_over_an_earlier_one(french_package, tmp_path):
    into = tmp_path / "packages"
    first = unpack_package(french_package, into)
    assert first.folder == into / french_package.stem and not first.reused
    umask = os.umask(0)
    os.umask(umask)
    assert first.workshop.is_file() and stat.S_IMODE(first.folder.stat().st_mode) == 0o777 & ~umask
    again = unpack_package(french_package, into)
    assert again.folder == first.folder and again.reused  # the same package: the same folder
    (first.folder / contents.README).write_text("my notes", encoding="utf-8")
    third = unpack_package(french_package, into)
    assert third.folder == into / f"{french_package.stem} (2)" and not third.reused
    assert (first.folder / contents.README).read_text(encoding="utf-8") == "my notes"
    assert sorted(path.name for path in into.iterdir()) == sorted([first.folder.name, third.folder.name])


def test_a_member_longer_than_it_says_is_cut_off_and_refused(french_package, tmp_path):
    """A zip whose directory understates a file's size (a bomb in disguise) never writes more
    than the size it declared."""
    data = io.BytesIO(french_package.read_bytes())
    with zipfile.ZipFile(data) as archive:
        agenda = archive.getinfo(contents.AGENDA_PDF)
    raw = bytearray(data.getvalue())
    # The agenda's record in the central directory: its uncompressed size, 100 bytes too small.
    name = contents.AGENDA_PDF.encode()
    at = raw.find(b"PK\x01\x02")
    while raw[at + 46:at + 46 + int.from_bytes(raw[at + 28:at + 30], "little")] != name:
        at = raw.find(b"PK\x01\x02", at + 4)
        assert at >= 0
    raw[at + 24:at + 28] = (agenda.file_size - 100).to_bytes(4, "little")
    package = tmp_path / "understated.zip"
    package.write_bytes(bytes(raw))
    with pytest.raises(WorkshopFileError, match="nothing was extracted"):
        unpack_package(package, tmp_path / "packages")
    assert not (tmp_path / "packages").exists()
