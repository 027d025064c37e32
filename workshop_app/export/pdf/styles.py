"""The paragraph styles every workshop PDF shares (sign-in sheets, agenda, road map), for a
left-to-right page or mirrored for a right-to-left one (see sides)."""

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from workshop_app.export.pdf import sides
from workshop_app.export.pdf.fonts import BODY_FONT, BOLD_FONT, register_fonts

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#dde3ea")
GROUP_FILL = colors.HexColor("#eef1f5")


@sides.by_direction
def stylesheet() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=BODY_FONT, fontSize=10, leading=13, textColor=INK, alignment=TA_LEFT)

    def style(name: str, parent: ParagraphStyle = body, **values) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **values)

    return {
        "body": body,
        "title": style("title", fontName=BOLD_FONT, fontSize=16, leading=20, spaceAfter=4),
        "heading": style("heading", fontName=BOLD_FONT, fontSize=13, leading=16, spaceBefore=6, spaceAfter=3),
        "subtitle": style("subtitle", fontSize=10, leading=13, textColor=MUTED, spaceAfter=2),
        "small": style("small", fontSize=8, leading=10, textColor=MUTED),
        "cell": style("cell", fontSize=8.5, leading=10.5),
        "cell_bold": style("cell_bold", fontName=BOLD_FONT, fontSize=8.5, leading=10.5),
        "cell_center": style("cell_center", fontSize=8.5, leading=10.5, alignment=TA_CENTER),
        "header_cell": style("header_cell", fontName=BOLD_FONT, fontSize=8.5, leading=10.5),
        "group_cell": style("group_cell", fontName=BOLD_FONT, fontSize=9, leading=11.5),
        "page_header": style("page_header", fontSize=8, leading=10, textColor=MUTED),
        "page_footer": style("page_footer", fontSize=7.5, leading=9, textColor=MUTED),
        "page_header_right": style("page_header_right", fontSize=8, leading=10, textColor=MUTED, alignment=TA_RIGHT),
    }
