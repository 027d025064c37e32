"""Fonts of the computer, for the letters no bundled font has: Chinese, Japanese and Korean
above all (their fonts are too large to bundle), and any other script a participant writes in.

reportlab embeds TrueType outlines only (a CFF font such as Noto Sans CJK raises "postscript
outlines are not supported"), so only TrueType files count. On Linux fontconfig lists them with
the characters each covers, in one call; Windows and macOS always ship the fonts named below.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

# What to install when nothing here prints a script, by platform: shown in the warning.
ADVICE = {
    "linux": "no font on this computer has them: install a TrueType font that does (Debian and Ubuntu: "
             "fonts-wqy-microhei for Chinese, Japanese and Korean; fonts-noto-core for most other scripts)",
    "win32": "no font on this computer has them: add the language's fonts in Settings › Fonts, or install "
             "a TrueType font that has them",
    "darwin": "no font on this computer has them: install a TrueType font that has them with Font Book",
}

_WINDOWS = ("msyh.ttc", "msjh.ttc", "simsun.ttc", "yugothm.ttc", "msgothic.ttc", "malgun.ttf", "nirmala.ttf",
            "ebrima.ttf", "himalaya.ttf", "mongolianbaiti.ttf", "seguisym.ttf", "arialuni.ttf")
_MACOS = ("/System/Library/Fonts/PingFang.ttc", "/System/Library/Fonts/STHeiti Light.ttc",
          "/System/Library/Fonts/Hiragino Sans GB.ttc", "/System/Library/Fonts/AppleSDGothicNeo.ttc",
          "/Library/Fonts/Arial Unicode.ttf", "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
          "/System/Library/Fonts/Kailasa.ttc", "/System/Library/Fonts/Apple Symbols.ttf")
_FC_TIMEOUT = 10  # seconds; fontconfig answers in well under one unless its cache is being built


@dataclass(frozen=True)
class SystemFont:
    path: str
    index: int = 0  # the face within a .ttc collection
    # Ranges of code points the font covers, when fontconfig said; empty: open the file to know.
    ranges: tuple[tuple[int, int], ...] = field(default=(), compare=False)

    def may_cover(self, code: int) -> bool:
        if not self.ranges:
            return True
        return any(low <= code <= high for low, high in self.ranges)


def advice() -> str:
    return ADVICE.get(sys.platform, ADVICE["linux"])


def system_fonts() -> tuple[SystemFont, ...]:
    """The TrueType fonts of this computer worth trying, best first (looked up once, until
    rescan())."""
    return _listing()


def rescan() -> None:
    """Look at the computer's fonts again at the next system_fonts(): one may have been
    installed since."""
    _listing.cache_clear()


@cache
def _listing() -> tuple[SystemFont, ...]:
    if sys.platform == "win32":
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return tuple(SystemFont(str(folder / name)) for name in _WINDOWS if (folder / name).is_file())
    if sys.platform == "darwin":
        return tuple(SystemFont(path) for path in _MACOS if Path(path).is_file())
    return tuple(_fontconfig_fonts())


def _fontconfig_fonts() -> list[SystemFont]:
    program = shutil.which("fc-list")
    if program is None:
        return []
    try:
        listing = subprocess.run(
            [program, "--format", "%{file}|%{index}|%{fontformat}|%{style[0]}|%{charset}\n"],
            capture_output=True, text=True, timeout=_FC_TIMEOUT, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return parse_fc_list(listing)


def parse_fc_list(listing: str) -> list[SystemFont]:
    """fc-list's lines (file|index|format|style|charset) into TrueType fonts, upright regular
    faces first, the widest coverage first among them."""
    found = []
    for line in listing.splitlines():
        parts = line.split("|")
        if len(parts) != 5 or parts[2] != "TrueType":
            continue
        path, index, _format, style, charset = parts
        try:
            ranges = tuple(_ranges(charset))
            face = int(index or 0)
        except ValueError:
            continue
        if not ranges:
            continue
        plain = style.strip().lower() in ("regular", "book", "normal", "roman", "")
        size = sum(high - low + 1 for low, high in ranges)
        found.append((not plain, -size, SystemFont(path, face, ranges)))
    found.sort(key=lambda entry: entry[:2])
    return [font for *_, font in found]


def _ranges(charset: str):
    for piece in charset.split():
        low, _, high = piece.partition("-")
        yield int(low, 16), int(high or low, 16)
