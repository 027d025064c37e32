"""Letters no bundled font has print in a TrueType font of the computer, embedded in the PDF."""

from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from pypdf import PdfReader

from workshop_app.export.pdf import fonts, system_fonts
from workshop_app.export.registry import export_checked
from workshop_app.models.document import WorkshopDocument

NAME = "李明"


def write_font(path: Path, characters: str) -> Path:
    """A TrueType font with a square glyph for each character (a stand-in for a system CJK font)."""
    names = [".notdef"] + [f"uni{ord(char):04X}" for char in characters]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(char): f"uni{ord(char):04X}" for char in characters})
    glyphs = {}
    for name in names:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((900, 700))
        pen.lineTo((900, 0))
        pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (1000, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": "Stand-in CJK", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120)
    builder.setupPost()
    builder.save(str(path))
    return path


def test_a_name_in_chinese_prints_in_the_computers_font(workshop_path, tmp_path, monkeypatch, without_system_fonts):
    font = write_font(tmp_path / "standin.ttf", NAME)
    monkeypatch.setattr(system_fonts, "system_fonts", lambda: (system_fonts.SystemFont(str(font)),))
    with WorkshopDocument.open(workshop_path) as document:
        document.apply(document.plan_insert("participant", name=f"{NAME} (MoL)"))
        out, unprintable = export_checked(document, tmp_path / "sheets.pdf", "sign-in", day=1)
    assert unprintable == []
    embedded = {str(font.get_object()["/BaseFont"]) for page in PdfReader(out).pages
                for font in page["/Resources"]["/Font"].values()}
    assert any(name.endswith("+Stand-in-CJK") for name in embedded), embedded  # its own name, embedded
    assert fonts.runs(f"{NAME} (MoL)")[0] == ("system:0", NAME)


def test_fontconfig_listing_keeps_truetype_regular_faces_first():
    listing = "\n".join([
        "/f/NotoSansCJK-Regular.ttc|0|CFF|Regular|4e00-9fff",
        "/f/wqy-microhei.ttc|0|TrueType|Regular|20-7e 4e00-9fff ac00-d7a3",
        "/f/Bold.ttf|0|TrueType|Bold|20-7e 4e00-9fff ac00-d7a3 3040-30ff",
        "/f/broken.ttf|x|TrueType|Regular|zz",
    ])
    found = system_fonts.parse_fc_list(listing)
    assert [font.path for font in found] == ["/f/wqy-microhei.ttc", "/f/Bold.ttf"]
    assert found[0].may_cover(ord("李")) and not found[0].may_cover(ord("ア"))
