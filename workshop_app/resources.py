"""Find bundled resources the same way from a source tree, an installed wheel and a frozen build."""

import sys
from pathlib import Path

# The Noto families in resources/fonts/, by the script each is drawn for. NotoSans ("latin") also
# covers Greek, Cyrillic and Vietnamese; the others hold their own script only. The PDF exports
# pick one per run of text; the window registers them all with Qt for its font fallback.
BUNDLED_FONTS = {
    "latin": "NotoSans",
    "arabic": "NotoSansArabic",
    "devanagari": "NotoSansDevanagari",
    "sinhala": "NotoSansSinhala",
    "hebrew": "NotoSansHebrew",
    "bengali": "NotoSansBengali",
    "tamil": "NotoSansTamil",
    "thai": "NotoSansThai",
    "lao": "NotoSansLao",
    "khmer": "NotoSansKhmer",
    "myanmar": "NotoSansMyanmar",
    "ethiopic": "NotoSansEthiopic",
    "georgian": "NotoSansGeorgian",
    "armenian": "NotoSansArmenian",
}
FONT_WEIGHTS = ("Regular", "Bold")


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller unpacks datas=[("resources", "resources")] here
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"  # the wheel force-includes resources/ inside the package
    if installed.is_dir():
        return installed
    return package.parent / "resources"  # source checkout or editable install


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {'/'.join(parts)}")
    return path


def font_file(stem: str, weight: str) -> Path:
    """resources/fonts/<stem>-<weight>.ttf, weight one of FONT_WEIGHTS; FileNotFoundError if absent."""
    return resource_path("fonts", _font_name(stem, weight))


def font_files() -> list[Path]:
    """Both weights of every bundled family, unchecked: Qt skips a missing file, the window starts."""
    folder = resources_dir() / "fonts"
    return [folder / _font_name(stem, weight) for stem in BUNDLED_FONTS.values() for weight in FONT_WEIGHTS]


def _font_name(stem: str, weight: str) -> str:
    return f"{stem}-{weight}.ttf"
