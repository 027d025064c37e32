"""Words drawn as shapes rather than as text: the DRAFT watermark across each page of a draft.

Drawn as text (plain, invisible or marked as an artifact), its letters still came out of
pdftotext and pypdf in the middle of the page's words ("DR", "AF", "T" inside the participation
table). As filled outlines it prints the same and is never extracted. HarfBuzz shapes the word
and gives each glyph's outline, in any of the bundled scripts.
"""

from functools import cache

import uharfbuzz
from reportlab.pdfgen.canvas import Canvas

from workshop_app.export.pdf import fonts


@cache
def _font(path: str) -> tuple[uharfbuzz.Font, int]:
    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(path))
    return uharfbuzz.Font(face), face.upem


class _PathPen:
    """Receives a glyph's contours in font units and adds them to a reportlab path."""

    def __init__(self, path, x: float, y: float, scale: float):
        self.path = path
        self.x, self.y, self.scale = x, y, scale
        self.current = (0.0, 0.0)

    def _point(self, point):
        return self.x + point[0] * self.scale, self.y + point[1] * self.scale

    def moveTo(self, point):  # noqa: N802 - the pen protocol's names
        self.path.moveTo(*self._point(point))
        self.current = point

    def lineTo(self, point):  # noqa: N802
        self.path.lineTo(*self._point(point))
        self.current = point

    def curveTo(self, *points):  # noqa: N802
        first, second, end = points[-3:]
        self.path.curveTo(*self._point(first), *self._point(second), *self._point(end))
        self.current = end

    def qCurveTo(self, *points):  # noqa: N802
        # TrueType quadratic segments: off-curve points with implied on-curve midpoints.
        controls, end = points[:-1], points[-1]
        for index, control in enumerate(controls):
            if index + 1 < len(controls):
                following = controls[index + 1]
                target = ((control[0] + following[0]) / 2, (control[1] + following[1]) / 2)
            else:
                target = end
            start = self.current
            first = (start[0] + 2 / 3 * (control[0] - start[0]), start[1] + 2 / 3 * (control[1] - start[1]))
            second = (target[0] + 2 / 3 * (control[0] - target[0]), target[1] + 2 / 3 * (control[1] - target[1]))
            self.path.curveTo(*self._point(first), *self._point(second), *self._point(target))
            self.current = target

    def closePath(self):  # noqa: N802
        self.path.close()

    def endPath(self):  # noqa: N802
        pass


def _glyphs(value: str, size: float, *, bold: bool):
    """(font, upem, glyph id, x, y) for each glyph of the word, x and y in points from its start."""
    placed = []
    x = 0.0
    for script, piece in fonts.runs(value):
        if script == fonts.MISSING or fonts.uses_system_font(script):
            script = fonts.LATIN
        font, upem = _font(str(fonts.font_file(script, bold=bold)))
        scale = size / upem
        buffer = uharfbuzz.Buffer()
        buffer.add_str(piece)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font, buffer, {"kern": True, "liga": True})
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
            placed.append((font, scale, info.codepoint, x + position.x_offset * scale, position.y_offset * scale))
            x += position.x_advance * scale
    return placed, x


def width(value: str, size: float, *, bold: bool = True) -> float:
    return _glyphs(value, size, bold=bold)[1]


def draw_centred(canvas: Canvas, value: str, x: float, y: float, size: float, *, bold: bool = True) -> None:
    """Fill the word's outlines, centred on x, baseline y, in the canvas's fill colour."""
    placed, total = _glyphs(value, size, bold=bold)
    path = canvas.beginPath()
    left = x - total / 2
    for font, scale, glyph, glyph_x, glyph_y in placed:
        font.draw_glyph_with_pen(glyph, _PathPen(path, left + glyph_x, y + glyph_y, scale))
    canvas.drawPath(path, stroke=0, fill=1)
