"""Help › Guide: the facilitator's guide opens from the menu, shows its pictures, moves between its
sections, and needs nothing from the internet; in French, Spanish and Arabic it is the same guide,
with the program's own words and pictures in that language."""

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont, QImage, QKeySequence, QPixmap, QTextCharFormat, QTextDocument, QTextLayout, QTextOption
from PySide6.QtTest import QTest

from workshop_app.resources import resources_dir
from workshop_app.ui.app import create_application
from workshop_app.ui.dialogs.guide import GuideDialog, guide_path
from workshop_app.ui.language import apply_language
from workshop_app.ui.main_window import MainWindow

GUIDE = resources_dir() / "guide"
TRANSLATIONS = ("fr", "es", "ar")
# Each language's page and pictures: the guides ship inside every installer and bundle.
MOST_BYTES = 600_000


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.images: list[str] = []
        self.anchors: set[str] = set()
        self.page: dict[str, str] = {}  # the attributes of <html>
        self.bold: list[str] = []
        self.text: list[str] = []
        self._bold_text: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.page = attributes
        if tag == "b":
            self._bold_text = []
        if "href" in attributes:
            self.links.append(attributes["href"])
        if "src" in attributes:
            self.images.append(attributes["src"])
        for name in ("name", "id"):
            if name in attributes:
                self.anchors.add(attributes[name])

    def handle_endtag(self, tag):
        if tag == "b" and self._bold_text is not None:
            # Line breaks of the source fold to spaces; a no-break space stays what it is.
            self.bold.append(re.sub(r"[ \t\r\n]+", " ", "".join(self._bold_text)).strip())
            self._bold_text = None

    def handle_data(self, data):
        self.text.append(data)
        if self._bold_text is not None:
            self._bold_text.append(data)


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
    assert guide_path("de") == guide_path("en")  # a language the program does not speak
    for language in ("en", *TRANSLATIONS):
        page = guide_path(language)
        pictures = [page.parent / picture for picture in references(page).images]
        assert sum(path.stat().st_size for path in [page, *pictures]) < MOST_BYTES, language
    # Nothing shipped that no guide shows.
    shown = set()
    for language in ("en", *TRANSLATIONS):
        shown |= {guide_path(language), *(GUIDE / picture for picture in references(guide_path(language)).images)}
    assert {path for path in GUIDE.rglob("*") if path.is_file()} == shown


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_translation_is_the_whole_guide_with_its_own_pictures(language):
    page = GUIDE / f"guide.{language}.html"
    assert guide_path(language) == page
    found, english = references(page), references(guide_path("en"))
    assert found.page.get("lang") == language
    assert found.page.get("dir", "ltr") == ("rtl" if language == "ar" else "ltr")
    assert found.anchors == english.anchors
    assert sorted(found.links) == sorted(english.links)  # the same contents and "back to the top" links
    for link in found.links:
        assert link.startswith("#") and link[1:] in found.anchors, link
    # The same pictures, taken in the reader's language, from its own folder.
    assert found.images == [f"{language}/{picture}" for picture in english.images]
    for picture in found.images:
        assert QImage(str(GUIDE / picture)).width() == 960, picture


def _catalog(language: str) -> dict[str, str]:
    """English label → the label as the window shows it in `language` (without its & mark)."""
    with open(resources_dir() / "locale" / language / "LC_MESSAGES" / "workshop.po", "rb") as file:
        catalog = read_po(file, locale=language)
    return {message.id.replace("&", ""): message.string.replace("&", "") for message in catalog
            if isinstance(message.id, str) and message.id and message.string and not message.context}


# Bold in the English guide, and a message of the program too, but not its label there: "The
# workshop is the .workshop file you created" names the file, not the report's section.
NOT_LABELS = {"The workshop"}


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_translation_names_buttons_and_pages_as_the_window_shows_them(language):
    catalog = _catalog(language)
    english = [label for label in references(guide_path("en")).bold if label in catalog and label not in NOT_LABELS]
    assert len(english) > 40  # the pages, tabs, buttons and menu items the guide tells the reader to use
    theirs = set(references(GUIDE / f"guide.{language}.html").bold)
    assert [label for label in english if catalog[label] not in theirs] == []


def test_french_and_spanish_are_punctuated_as_they_are_written():
    french = "".join(references(GUIDE / "guide.fr.html").text)
    # A no-break space before : ; ? ! and inside « », never a plain one or none.
    spaces = re.findall(r"(.)[:;?!»]", french) + re.findall(r"«(.)", french)
    assert spaces and set(spaces) <= {"\u00a0", "\u202f"}
    spanish = "".join(references(GUIDE / "guide.es.html").text)
    assert spanish.count("¿") == spanish.count("?") > 0


def _shown_left_to_right(text: str, start: int, end: int, direction) -> str:
    """text[start:end] as a paragraph in `direction` shows it, read off the screen from left to right."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    marked = QTextCharFormat()
    font = QFont()
    font.setPixelSize(97)  # tells the span's glyphs from the rest
    font.setFeature(QFont.Tag("liga"), 0)  # one glyph per letter ("fi" stays two)
    marked.setFont(font)
    span = QTextLayout.FormatRange()
    span.start, span.length, span.format = start, end - start, marked
    layout.setFormats([span])
    layout.beginLayout()
    layout.createLine().setLineWidth(1e6)
    layout.endLayout()
    glyphs = []
    for run in layout.lineAt(0).glyphRuns():
        font = run.rawFont()
        if font.pixelSize() == 97:
            letters = {font.glyphIndexesForString(letter)[0]: letter for letter in set(text[start:end])}
            glyphs += [(point.x(), letters.get(glyph, "?"))
                       for glyph, point in zip(run.glyphIndexes(), run.positions())]
    return "".join(letter for _x, letter in sorted(glyphs) if not letter.isspace())


LATIN_RUN = re.compile(r"[^\s\u0600-\u06ff«»()،؛\u200e](?:[^\u0600-\u06ff«»()،؛\n]*[^\s\u0600-\u06ff«»()،؛\u200e])?")


def test_in_the_arabic_guide_keys_names_and_numbers_read_as_written(qapp):
    """Right to left, a run of Latin or digits is shown as written only if nothing at its edges
    pulls it apart: Qt would show ".workshop" as "workshop.", "Ctrl++" as "++Ctrl" and target 8-7 as
    7-8 without the left-to-right marks the page puts before them."""
    document = QTextDocument()
    document.setHtml((GUIDE / "guide.ar.html").read_text(encoding="utf-8"))
    wrong, checked = [], 0
    block = document.begin()
    while block.isValid():
        text = block.text()
        # The dialog lays out every paragraph right to left, but for the sample sheet's (dir=ltr).
        direction = Qt.LeftToRight if block.blockFormat().layoutDirection() == Qt.LeftToRight else Qt.RightToLeft
        for run in LATIN_RUN.finditer(text):
            written = run.group().rstrip(".,:;…")
            start = run.start() + len(written) - len(written.lstrip(":;,، "))
            written = written.lstrip(":;,، ")
            expected = re.sub(r"[\s\u200e]", "", written)
            if len(expected) > 1:
                checked += 1
                shown = _shown_left_to_right(text, start, start + len(written), direction)
                if shown != expected:
                    wrong.append(f"{written!r} shown as {shown!r}")
        block = block.next()
    assert checked > 50 and wrong == []


@pytest.fixture
def french_window(qtbot, settings, errors):
    app = create_application(language="fr")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    apply_language(app, "en")


def test_in_a_french_window_help_guide_reads_french(french_window, qtbot):
    dialog = opened_guide(french_window, qtbot)
    browser = dialog.browser
    assert browser.source().toLocalFile() == str(GUIDE / "guide.fr.html")
    text = browser.toPlainText()
    assert "Guide du facilitateur" in text and "Avant l'atelier" in text and "Guide for the facilitator" not in text
    assert dialog.contents_button.text() == "Table des matières"
    picture = browser.document().resource(QTextDocument.ImageResource, QUrl("fr/roadmap.png"))
    assert isinstance(picture, (QImage, QPixmap)) and picture.width() == 960
