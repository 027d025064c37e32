"""The bundled Noto fonts, registered when first needed, and the split of user text into runs
by script.

reportlab has no per-glyph fallback: a font without a glyph prints an empty box, silently. The
Noto fonts of each script hold only that script (no Latin letters), and NotoSans holds no
Arabic, Hebrew, Indic, South-East Asian or Ethiopic letters, so every piece of text is cut into
runs and each run gets the font that covers it. The scripts are those of the countries that work
with Alliance 8.7: Tamil and Sinhala (Sri Lanka), Bengali, Thai, Lao, Khmer, Myanmar, Amharic
(Ethiopic), Georgian, Armenian, Hebrew and Arabic besides Devanagari and Latin.
"""

import itertools
import re
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from workshop_app import resources
from workshop_app.export.pdf import system_fonts

LATIN = "latin"  # also Greek, Cyrillic and Vietnamese: everything NotoSans covers
ARABIC = "arabic"
DEVANAGARI = "devanagari"
SINHALA = "sinhala"
HEBREW = "hebrew"
BENGALI = "bengali"
TAMIL = "tamil"
THAI = "thai"
LAO = "lao"
KHMER = "khmer"
MYANMAR = "myanmar"
ETHIOPIC = "ethiopic"
GEORGIAN = "georgian"
ARMENIAN = "armenian"
RIGHT_TO_LEFT = (ARABIC, HEBREW)
# No font here has the character: it prints as PLACEHOLDER, and the export says so.
MISSING = "missing"
PLACEHOLDER = "\ufffd"
_SYSTEM = "system:"  # prefix of the key of a font of the computer: "system:0", "system:1"…


@dataclass(frozen=True)
class ScriptFont:
    script: str
    file_stem: str  # resources/fonts/<stem>-Regular.ttf and -Bold.ttf

    @property
    def regular(self) -> str:
        return f"PW-{self.file_stem}"

    @property
    def bold(self) -> str:
        return f"PW-{self.file_stem}-Bold"


# The constants above name the scripts as resources.BUNDLED_FONTS does.
SCRIPT_FONTS = {script: ScriptFont(script, stem) for script, stem in resources.BUNDLED_FONTS.items()}

# Registered names of the Latin faces, the ones styles start from.
BODY_FONT = SCRIPT_FONTS[LATIN].regular
BOLD_FONT = SCRIPT_FONTS[LATIN].bold

# Scripts with their own font, shaped (joining, conjuncts, reordering, marks). Everything else,
# including Vietnamese in NFC form, Greek and Cyrillic, prints with NotoSans glyph by glyph.
_SCRIPT_RANGES = (
    (ARABIC, "\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefe"),
    (DEVANAGARI, "\u0900-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff"),
    (SINHALA, "\u0d80-\u0dff\U000111e0-\U000111ff"),
    (HEBREW, "\u0590-\u05ff\ufb1d-\ufb4f"),
    (BENGALI, "\u0980-\u09ff"),
    (TAMIL, "\u0b80-\u0bff\U00011fc0-\U00011fff"),
    (THAI, "\u0e00-\u0e7f"),
    (LAO, "\u0e80-\u0eff"),
    (KHMER, "\u1780-\u17ff\u19e0-\u19ff"),
    (MYANMAR, "\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"),
    (ETHIOPIC, "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f"),
    (GEORGIAN, "\u10a0-\u10ff\u1c90-\u1cbf\u2d00-\u2d2f"),
    (ARMENIAN, "\u0530-\u058f\ufb13-\ufb17"),
)
_COMPLEX = re.compile("[" + "".join(ranges for _, ranges in _SCRIPT_RANGES) + "]")
_SCRIPT_OF = [(script, re.compile(f"[{ranges}]")) for script, ranges in _SCRIPT_RANGES]

# Default-ignorable characters: joiners, marks of direction, variation selectors, tags.
_IGNORABLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
                        "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U0001bca0-\U0001bca3"
                        "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register every bundled face with reportlab (once per process; cheap to call again).

    TTFonts are always embedded (as subsets) by reportlab, so every PDF carries its fonts.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        _register(SCRIPT_FONTS[LATIN])
        _registered = True


_registered_scripts: set[str] = set()


def _register(font: ScriptFont) -> None:
    """One script's faces: a workshop in Nepal never parses the Khmer or Ethiopic font files."""
    if font.script in _registered_scripts:
        return
    pdfmetrics.registerFont(TTFont(font.regular, str(font_file(font.script))))
    pdfmetrics.registerFont(TTFont(font.bold, str(font_file(font.script, bold=True))))
    # So that <b> inside a run of this face picks the bold face of the same script.
    addMapping(font.regular, 0, 0, font.regular)
    addMapping(font.regular, 1, 0, font.bold)
    addMapping(font.regular, 0, 1, font.regular)
    addMapping(font.regular, 1, 1, font.bold)
    _registered_scripts.add(font.script)


def needs_shaping(text: str) -> bool:
    """True when the text needs more than NotoSans glyph by glyph: another script's font (shaped,
    perhaps right to left), a font of the computer, or marks positioned by the shaper."""
    if text.isascii():
        return False
    if _COMPLEX.search(text) or not prints_in_body_font(text):
        return True
    # Combining marks (Vietnamese typed in decomposed form) must be positioned by the shaper.
    return any(unicodedata.combining(char) for char in text)


def has_complex_script(text: str) -> bool:
    return not text.isascii() and _COMPLEX.search(text) is not None


def script_of(char: str) -> str | None:
    """The script a character demands, or None for a neutral one (space, digit, punctuation,
    combining mark, joiner) that may print in the font of its neighbours."""
    if char.isascii():
        return LATIN if char.isalpha() else None
    for script, pattern in _SCRIPT_OF:
        if pattern.match(char):
            return script
    category = unicodedata.category(char)
    if category[0] == "L":
        return LATIN
    return None


def runs(text: str) -> list[tuple[str, str]]:
    """Cut text into (script, text) runs; neutral characters join a neighbouring run whose font
    has a glyph for them, so that an Arabic name with spaces stays one run (one shaping unit).
    A letter no bundled font has goes to a font of the computer, else to a MISSING run."""
    if prints_in_body_font(text):
        return [(LATIN, text)] if text else []
    scripts = [script_of(char) for char in text]
    body = _code_points(LATIN)
    for index, script in enumerate(scripts):
        if script == LATIN and ord(text[index]) not in body:
            scripts[index] = fallback_script(text[index])
    _place_neutrals(text, scripts)
    pieces: list[list[str]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or scripts[index] != scripts[start]:
            pieces.append([scripts[start], text[start:index]])
            start = index
    # reportlab shapes word by word (words end at spaces) in the font the word starts with: in
    # "सीता श्रेष्ठ (MoLESS)" a "(" left in the Devanagari run made "(MoLESS)" one word in the
    # Devanagari font, printed as empty boxes. A neutral character inside a word at a change of
    # run therefore goes to the run after it when that font covers it: the change falls at the space.
    for left, right in zip(pieces, pieces[1:]):
        while (left[1] and right[1] and not left[1][-1].isspace() and not right[1][0].isspace()
               and script_of(left[1][-1]) is None and covers(right[0], left[1][-1])):
            left[1], right[1] = left[1][:-1], left[1][-1] + right[1]
    return [(script, piece) for script, piece in pieces if piece]


def _place_neutrals(text: str, scripts: list[str | None]) -> None:
    """A neutral character takes the script before it, else the one after it, when that font
    covers it; otherwise NotoSans (Arabic and Indic Noto fonts lack e.g. parentheses)."""
    body = _code_points(LATIN)
    for index in range(1, len(text)):
        previous = scripts[index - 1]
        if scripts[index] is None and covers(previous, text[index]):
            scripts[index] = previous
    following = None
    for index in range(len(text) - 1, -1, -1):
        if scripts[index] is None:
            char = text[index]
            if covers(following, char):
                scripts[index] = following
            elif ord(char) in body or char == "\n" or char.isspace():
                scripts[index] = LATIN  # any width of space prints as a space
            elif _IGNORABLE.match(char):
                # Joiners and variation selectors draw nothing: HarfBuzz hides them in the
                # font of their letter.
                scripts[index] = following if following is not None else LATIN
            else:
                scripts[index] = fallback_script(char)
        following = scripts[index]


def font_for(script: str, *, bold: bool = False) -> str:
    if script == MISSING:
        return BODY_FONT
    if script.startswith(_SYSTEM):
        return _system_names[int(script[len(_SYSTEM):])]  # no bold face is looked for
    font = SCRIPT_FONTS[script]
    with _lock:
        _register(font)
    return font.bold if bold else font.regular


def font_file(script: str, *, bold: bool = False):
    """The bundled file of a script's face."""
    return resources.font_file(SCRIPT_FONTS[script].file_stem, "Bold" if bold else "Regular")


def is_bold(font_name: str) -> bool:
    return font_name.endswith("-Bold")


def covers(script: str | None, char: str) -> bool:
    if script is None or script == MISSING:
        return False
    return ord(char) in _code_points(script)


def prints_in_body_font(text: str) -> bool:
    """True when NotoSans has every character: the text needs no run of another font."""
    if text.isascii():
        return True
    body = _code_points(LATIN)
    return all(ord(char) in body or char == "\n" for char in text)


@cache
def _code_points(script: str) -> frozenset[int]:
    """The characters the font has a glyph for. Noncharacters and private-use code points are
    left out: a font that maps U+FFFF maps it to an empty box."""
    return frozenset(code for code in pdfmetrics.getFont(font_for(script)).face.charToGlyph
                     if unicodedata.category(chr(code)) not in ("Cn", "Co", "Cs"))


# ---------------------------------------------------------------------- fonts of the computer

_system_names: list[str] = []  # registered name of each system font in use, by its number
_system_tried: set[system_fonts.SystemFont] = set()
_system_numbers = itertools.count()


@cache
def fallback_script(char: str) -> str:
    """The key of a font of the computer that has the character, else MISSING."""
    code = ord(char)
    if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
        return MISSING
    for number in range(len(_system_names)):
        key = f"{_SYSTEM}{number}"
        if code in _code_points(key):
            return key
    with _lock:
        for candidate in system_fonts.system_fonts():
            if candidate in _system_tried or not candidate.may_cover(code):
                continue
            _system_tried.add(candidate)
            name = f"PW-system-{next(_system_numbers)}"  # never reused, even if the list is reset
            try:
                font = TTFont(name, candidate.path, subfontIndex=candidate.index)
            except Exception:  # noqa: BLE001 - CFF outlines, a damaged file, a face index too far
                continue
            if code not in font.face.charToGlyph:
                continue
            pdfmetrics.registerFont(font)
            _system_names.append(name)
            return f"{_SYSTEM}{len(_system_names) - 1}"
    return MISSING


def uses_system_font(script: str) -> bool:
    return script.startswith(_SYSTEM)


# ---------------------------------------------------------------------- characters not printed

_missing: ContextVar[set[str] | None] = ContextVar("missing_characters", default=None)


_missed_before = False


@contextmanager
def collecting_missing() -> Iterator[set[str]]:
    """Within the block, every text printed with characters no font has is added to the set
    (as printed, before the placeholders): an export tells which items they came from.

    After an export that missed letters the computer's fonts are looked at again: the user may
    have installed one, as the warning advised, without restarting the program."""
    global _missed_before
    if _missed_before:
        system_fonts.rescan()
        fallback_script.cache_clear()
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)
        _missed_before = bool(found)


def note_missing(text: str) -> None:
    found = _missing.get()
    if found is not None:
        found.add(text)
