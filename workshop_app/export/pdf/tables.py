"""The ruled table look shared by the workshop PDFs, and column widths from proportions."""

from collections.abc import Iterable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from workshop_app.export.pdf.styles import GROUP_FILL, HEADER_FILL, INK, RULE

PADDING = 3


def column_widths(total_width: float, proportions: Sequence[float]) -> list[float]:
    """Split total_width in the given proportions (they need not add up to 1)."""
    scale = total_width / sum(proportions)
    return [share * scale for share in proportions]


def content_width(column_width: float) -> float:
    """The width text may use inside a cell of this column."""
    return column_width - 2 * PADDING


def table_style(cell_style: ParagraphStyle, header_style: ParagraphStyle, *, header_rows: int = 1,
                group_rows: Iterable[int] = (), extra: Iterable[tuple] = ()) -> TableStyle:
    """Grid, shaded header rows, and string cells drawn in the same font as paragraph cells
    (text.cell() leaves short plain text as strings for speed)."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), cell_style.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), cell_style.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell_style.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), header_style.fontName),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    for row in group_rows:
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), GROUP_FILL),
            # A group heading never stays alone at the foot of a page.
            ("NOSPLIT", (0, row), (-1, row + 1)),
        ]
    commands += list(extra)
    return TableStyle(commands)
