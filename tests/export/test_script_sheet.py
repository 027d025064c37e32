"""Every PDF kind, written from the one test sheet (a participant, an action and a group per
script, and lines mixing directions), prints every name in a font that has its letters, in the
order its readers expect, and gives the same text back to `pdftotext`.

The extraction checks need poppler's pdftotext (package poppler-utils), which .ci/run installs;
elsewhere they are skipped unless PATHFINDER_REQUIRE_POPPLER is set.
"""

import os
import re
import shutil
import subprocess
import unicodedata
from html import unescape

import pytest
import uharfbuzz
from pypdf import PdfReader

from tests.export.script_sheet import ARABIC_PLENARY, ORGANIZATION, PLENARY, RIGHT_TO_LEFT, SCRIPTS, write_script_sheet
from workshop_app.export.pdf import fonts
from workshop_app.export.registry import export_checked
from workshop_app.models.document import WorkshopDocument

KINDS = ("sign-in", "agenda", "facilitator-agenda", "groups", "roadmap")
PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(PDFTOTEXT is None and not os.environ.get("PATHFINDER_REQUIRE_POPPLER"),
                                   reason="pdftotext (poppler-utils) is not installed")
_BIDI_MARKS = dict.fromkeys(range(0x202A, 0x202F))  # poppler wraps right-to-left lines in them


@pytest.fixture(scope="module")
def sheet_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("script-sheet")
    path = write_script_sheet(folder / "scripts.workshop")
    written = {}
    with WorkshopDocument.open(path, readonly=True) as document:
        for kind in KINDS:
            # English labels: on a page where Arabic dominates, poppler moves the last mark of a
            # Tamil or Khmer name to the front of its line (its own reordering, not the PDF).
            out, unprintable = export_checked(document, folder / f"{kind}.pdf", kind, lang="en")
            assert unprintable == [], kind  # every script of the sheet has a bundled font
            written[kind] = out
    return written


def pdftotext(path, *arguments) -> str:
    result = subprocess.run([PDFTOTEXT or "pdftotext", *arguments, str(path), "-"], capture_output=True,
                            text=True, timeout=60, check=True)
    return unicodedata.normalize("NFC", result.stdout.translate(_BIDI_MARKS))


def names_printed(kind: str) -> list[str]:
    names = [name for name, _ in SCRIPTS.values()]
    if kind in ("agenda", "facilitator-agenda", "groups", "roadmap"):
        names += [title for _, title in SCRIPTS.values()]
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_every_script_font_is_embedded(sheet_pdfs, kind):
    embedded = set()
    for page in PdfReader(sheet_pdfs[kind]).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]  # the glyphs travel with the file
            embedded.add(str(font["/BaseFont"]).split("+")[-1])
    stems = {fonts.SCRIPT_FONTS[script].file_stem for script in fonts.SCRIPT_FONTS if script != fonts.LATIN}
    for stem in stems:
        assert any(name.startswith(stem) or name.startswith(f"PW-{stem}") for name in embedded), (kind, stem)


@pytest.mark.parametrize("text", [text for pair in SCRIPTS.values() for text in pair]
                         + [ORGANIZATION, PLENARY, ARABIC_PLENARY])
def test_no_letter_prints_as_notdef(text):
    """Each run is shaped in the font fonts.runs gives it, and HarfBuzz finds a glyph (not
    glyph 0, .notdef) for every cluster."""
    for script, piece in fonts.runs(text):
        assert script != fonts.MISSING, piece
        font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(fonts.font_file(script)))))
        buffer = uharfbuzz.Buffer()
        buffer.add_str(piece)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font, buffer, {})
        assert all(info.codepoint != 0 for info in buffer.glyph_infos), (script, piece)


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_each_name_extracts_as_it_was_typed(sheet_pdfs, kind):
    # A name wrapped in a narrow cell continues on the next line: lines are joined by spaces.
    extracted = " ".join(pdftotext(sheet_pdfs[kind]).split())
    for name in names_printed(kind):
        assert name in extracted, (kind, name)


def bbox_words(path) -> list[tuple[int, float, float, str]]:
    """(page, x, y, word) of every word pdftotext -bbox finds."""
    found = []
    page = 0
    for line in pdftotext(path, "-bbox").splitlines():
        if line.strip().startswith("<page"):
            page += 1
        match = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*)</word>', line)
        if match:
            found.append((page, float(match.group(1)), float(match.group(2)), unescape(match.group(3))))
    return found


def read_left_to_right(words, first: str, second: str) -> bool | None:
    """Whether `first` stands left of `second` on a line where both are, None when no line has
    both. Poppler gives a right-to-left word's letters in drawn order, so both spellings count."""
    for page, x, y, word in words:
        if word not in (first, first[::-1]):
            continue
        for other_page, other_x, other_y, other in words:
            if other_page == page and abs(other_y - y) < 3 and other in (second, second[::-1]):
                return x < other_x
    return None


@needs_poppler
@pytest.mark.parametrize("kind", KINDS)
def test_right_to_left_names_read_from_the_right(sheet_pdfs, kind):
    words = bbox_words(sheet_pdfs[kind])
    checked = 0
    for script in RIGHT_TO_LEFT:
        for text in ((SCRIPTS[script][0],) if kind == "sign-in" else SCRIPTS[script]):
            first, second = text.split()[:2]
            order = read_left_to_right(words, first, second)
            if order is not None:
                assert order is False, (kind, text)  # the first word is the rightmost
                checked += 1
    assert checked >= 4, kind


@needs_poppler
def test_mixed_lines_keep_each_direction(sheet_pdfs):
    words = bbox_words(sheet_pdfs["sign-in"])
    # "Ministry of Labour (وزارة العمل) 2027": English left to right, the Arabic inside it from
    # the right, the year last.
    assert read_left_to_right(words, "Ministry", "Labour") is True
    assert read_left_to_right(words, "Labour", "2027") is True
    arabic = [(x, word) for _, x, _, word in words if word.strip("()") in ("وزارة", "ةرازو", "العمل", "لمعلا")]
    first = min(x for x, word in arabic if word.strip("()") in ("وزارة", "ةرازو"))
    second = min(x for x, word in arabic if word.strip("()") in ("العمل", "لمعلا"))
    assert first > second
    agenda = bbox_words(sheet_pdfs["agenda"])
    # "وزارة العمل (MoL) 2027" reads from the right: the year is leftmost.
    assert read_left_to_right(agenda, "2027", "(MoL)") is True
