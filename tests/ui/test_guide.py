"""Help › Guide: the facilitator's guide opens from the menu, shows its pictures, moves between its
sections, and needs nothing from the internet."""

from html.parser import HTMLParser

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QTextDocument
from PySide6.QtTest import QTest

from workshop_app.resources import resources_dir
from workshop_app.ui.dialogs.guide import GuideDialog, guide_path

GUIDE = resources_dir() / "guide"
MOST_BYTES = 1_500_000  # the guide ships inside every installer and bundle


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "href" in attributes:
            self.links.append(attributes["href"])
        if "src" in attributes:
            self.images.append(attributes["src"])
        for name in ("name", "id"):
            if name in attributes:
                self.anchors.add(attributes[name])


def references(page) -> _References:
    found = _References()
    found.feed(page.read_text(encoding="utf-8"))
    return found


def opened_guide(window, qtbot) -> GuideDialog:
    window.guide_action.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_help_guide_opens_the_guide_with_its_pictures(window, qtbot):
    dialog = opened_guide(window, qtbot)
    assert dialog.isVisible() and dialog.windowTitle() == "Guide"
    assert dialog.browser.documentTitle() == "Pathfinder Workshop — Guide"
    assert "Guide for the facilitator" in dialog.browser.toPlainText()
    pictures = references(guide_path("en")).images
    assert "roadmap.png" in pictures
    for picture in pictures:
        image = dialog.browser.document().resource(QTextDocument.ImageResource, QUrl(picture))
        assert isinstance(image, (QImage, QPixmap)) and image.width() == 960, picture  # shown at its own size
    # Asked for again, the same guide comes forward: one window for one guide.
    window.guide_action.trigger()
    assert len(window.findChildren(GuideDialog)) == 1


def test_f1_opens_the_guide_and_the_shortcuts_moved_to_ctrl_slash(window, qtbot):
    QTest.keyClick(window, Qt.Key_F1)
    assert window.findChild(GuideDialog) is not None
    shortcuts = next(action for action in window.menuBar().actions()[-1].menu().actions()
                     if action.text() == "&Keyboard Shortcuts")
    assert shortcuts.shortcut() == QKeySequence("Ctrl+/")


def test_a_link_moves_within_the_guide_and_back_returns(window, qtbot):
    dialog = opened_guide(window, qtbot)
    browser = dialog.browser
    bar = browser.verticalScrollBar()
    assert bar.value() == 0 and not dialog.back_button.isEnabled()
    browser.setFocus()
    QTest.keyClick(browser, Qt.Key_Tab)  # the first link of the contents: Before the workshop
    QTest.keyClick(browser, Qt.Key_Return)
    assert browser.source().fragment() == "before"
    assert bar.value() > 0
    assert browser.source().toLocalFile() == str(guide_path("en"))  # still the guide, further down
    assert dialog.back_button.isEnabled()
    dialog.back_button.click()
    assert bar.value() == 0
    QTest.keyClick(browser, Qt.Key_End, Qt.ControlModifier)
    dialog.contents_button.click()
    assert browser.source().fragment() == "top" and bar.value() < bar.pageStep() / 10


def test_every_link_lands_on_a_section_and_nothing_comes_from_outside():
    page = guide_path("en")
    found = references(page)
    assert found.links, "the guide has a contents list"
    for link in found.links:
        assert link.startswith("#") and link[1:] in found.anchors, link
    for picture in found.images:
        assert "/" not in picture and ":" not in picture and (GUIDE / picture).is_file(), picture
    # Nothing shipped that the guide does not show.
    assert {path.name for path in GUIDE.glob("*.png")} == set(found.images)


def test_the_guide_falls_back_to_english_and_stays_small():
    assert guide_path("en").name == "guide.en.html"
    assert guide_path("fr") == guide_path("en")  # until a French guide is written
    assert sum(path.stat().st_size for path in GUIDE.iterdir()) < MOST_BYTES
