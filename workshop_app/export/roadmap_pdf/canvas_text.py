"""Our labels drawn straight on a canvas (the cover band, page numbers, chart legends, status
chips): a plain string when NotoSans prints the label alone, as before; else shaped by the PDF
engine (Arabic joined and right to left, each script in its font), which canvas.drawString is not.
"""

from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from workshop_app.export.pdf import text
from workshop_app.export.pdf.fonts import needs_shaping
from workshop_app.export.pdf.shaped import Layout, Span
from workshop_app.export.pdf.styles import INK


def draw_text(canvas, value: str, x: float, y: float, *, font: str, size: float, color=INK,
              anchor: str = "start") -> None:
    """One line of our text on its baseline `y`; `x` is where it starts, its middle or its end
    (`anchor`: "start", "middle", "end"). A plain string when NotoSans prints it; else shaped by
    the engine (Arabic joined, right to left, in its font)."""
    value = text.clean(value)
    if not needs_shaping(value):
        canvas.setFont(font, size)
        canvas.setFillColor(color)
        {"start": canvas.drawString, "middle": canvas.drawCentredString, "end": canvas.drawRightString}[anchor](
            x, y, value)
        return
    layout, line, width = _shaped_line(value, font, size, color)
    left = x if anchor == "start" else x - width / 2 if anchor == "middle" else x - width
    layout.draw_line(canvas, line, left, y, width)


def text_width(value: str, font: str, size: float) -> float:
    """The width of one line of our text, as draw_text prints it."""
    value = text.clean(value)
    if not needs_shaping(value):
        return stringWidth(value, font, size)
    return _shaped_line(value, font, size, INK)[2]


def _shaped_line(value: str, font: str, size: float, color):
    layout = Layout([Span(value)], _line_style(font, size, color))
    line = [atom for part in layout.lines(1e6) for atom in part]
    return layout, line, layout.line_width(line)


@cache
def _line_style(font: str, size: float, color) -> ParagraphStyle:
    return ParagraphStyle(f"drawn-{font}-{size}", fontName=font, fontSize=size, leading=size * 1.2, textColor=color)
