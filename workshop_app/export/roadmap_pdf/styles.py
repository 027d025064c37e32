"""Paragraph styles of the road-map PDF and the small builders its sections share: headings that
open an outline entry, body paragraphs of user text, tables that continue across pages.

Every piece of user text goes through the engine's text module (escaped, one font per script,
shaped where needed), its lines module (the same, with muted labels mixed in), or the PlainText
cells of table.py.
"""

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from workshop_app.export.pdf import lines, sides, text
from workshop_app.export.pdf.fonts import BODY_FONT, BOLD_FONT, needs_shaping
from workshop_app.export.pdf.lines import Piece
from workshop_app.export.pdf.shaped import Layout, ShapedParagraph, Span
from workshop_app.export.pdf.styles import INK, MUTED, RULE, stylesheet
from workshop_app.export.pdf.tables import PADDING, TableRow, column_widths
from workshop_app.export.roadmap_pdf.page import ACCENT, ACCENT_LIGHT, Bookmarked
from workshop_app.export.roadmap_pdf.table import ReportTable, cell_text, number_cell, rich

TITLE_LIMIT = 600  # characters of a title printed in a table cell
FIELD_LIMIT = 1500  # of a longer field (indicator, comment, description)


@sides.by_direction
def styles() -> dict[str, ParagraphStyle]:
    base = stylesheet()
    body = base["body"]

    def style(name: str, parent: ParagraphStyle = body, **values) -> ParagraphStyle:
        return ParagraphStyle(f"roadmap-{name}", parent=parent, **values)

    cell = base["cell"]
    return {
        "body": style("body", fontSize=10, leading=14.5, spaceAfter=6),
        "lead": style("lead", fontSize=11, leading=16, spaceAfter=8),
        "section_number": style("section_number", fontName=BOLD_FONT, fontSize=11, leading=14, textColor=MUTED),
        "section": style("section", fontName=BOLD_FONT, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=10),
        "subheading": style("subheading", fontName=BOLD_FONT, fontSize=12.5, leading=16, textColor=ACCENT,
                            spaceBefore=12, spaceAfter=6),
        "outcome_eyebrow": style("outcome_eyebrow", fontName=BOLD_FONT, fontSize=9.5, leading=12, textColor=MUTED),
        "outcome": style("outcome", fontName=BOLD_FONT, fontSize=15, leading=19.5, textColor=ACCENT, spaceAfter=4),
        "summary": style("summary", fontSize=9, leading=12.5, textColor=MUTED, spaceAfter=8),
        "note": style("note", fontSize=8.5, leading=11.5, textColor=MUTED, spaceBefore=4, spaceAfter=4),
        "continued": style("continued", fontSize=8.5, leading=11.5, spaceBefore=3, spaceAfter=3),
        "source": style("source", fontSize=8, leading=11, textColor=MUTED, spaceBefore=6),
        "numbered": style("numbered", fontSize=10, leading=14.5, leftIndent=20, bulletIndent=2, spaceAfter=5,
                          bulletFontName=BODY_FONT, bulletFontSize=10),
        "goal": style("goal", fontName=BOLD_FONT, fontSize=12, leading=17, textColor=ACCENT),
        "target": style("target", fontSize=8.5, leading=12, textColor=MUTED),
        "goal_label": style("goal_label", fontName=BOLD_FONT, fontSize=8, leading=11, textColor=MUTED),
        "cell": cell,
        "cell_small": style("cell_small", parent=cell, fontSize=8, leading=10),
        "cell_muted": style("cell_muted", parent=cell, textColor=MUTED),
        "details": style("details", parent=cell, fontSize=8, leading=10.5),
        "details_muted": style("details_muted", parent=cell, fontSize=8, leading=10.5, textColor=MUTED),
        "cell_bold": base["cell_bold"],
        "cell_right": style("cell_right", parent=cell, alignment=TA_RIGHT, numeric=True),
        "header_cell": base["header_cell"],
        "header_right": style("header_right", parent=base["header_cell"], alignment=TA_RIGHT, numeric=True),
        "header_center": style("header_center", parent=base["header_cell"], alignment=TA_CENTER),
        "group_cell": style("group_cell", parent=base["group_cell"], textColor=ACCENT),
        "contents_0": style("contents_0", fontName=BOLD_FONT, fontSize=11, leading=15, textColor=INK),
        "contents_1": style("contents_1", fontSize=9.5, leading=12.5, textColor=MUTED),
        "contents_title": style("contents_title", fontName=BOLD_FONT, fontSize=20, leading=25, textColor=ACCENT,
                                spaceAfter=18),
        "figure": style("figure", fontName=BOLD_FONT, fontSize=22, leading=26, textColor=ACCENT),
        "figure_text": style("figure_text", fontSize=8.5, leading=11.5, textColor=INK),
        "fact_label": style("fact_label", fontName=BOLD_FONT, fontSize=9, leading=12, textColor=MUTED),
        "fact": style("fact", fontSize=10, leading=13.5),
        "gantt_label": style("gantt_label", fontSize=7.5, leading=9),
        "gantt_group": style("gantt_group", fontName=BOLD_FONT, fontSize=8, leading=10, textColor=ACCENT),
        "cover_eyebrow": style("cover_eyebrow", fontName=BOLD_FONT, fontSize=10, leading=13,
                               textColor=colors.HexColor("#9fb3c8")),
        "cover_title": style("cover_title", fontName=BOLD_FONT, fontSize=26, leading=32, textColor=INK,
                             spaceAfter=10),
        "cover_subtitle": style("cover_subtitle", fontSize=14, leading=19, textColor=ACCENT, spaceAfter=18),
        "cover_label": style("cover_label", fontName=BOLD_FONT, fontSize=9, leading=13, textColor=MUTED),
        "cover_value": style("cover_value", fontSize=11, leading=15),
    }


# ---------------------------------------------------------------------- headings

def heading(number: str, title: str, key: str, level: int = 0) -> list[Flowable]:
    """A section heading ("3  The road map") that opens an outline entry; starts a page."""
    style = styles()["section"]
    paragraph = lines.line(style, Piece(f"{number}\u00a0\u00a0" if number else "", muted=True), title)
    outline = f"{number}  {title}" if number else title
    return [Bookmarked(paragraph, key, outline, level), _Rule()]


def subheading(title: str, key: str | None = None, level: int = 1, *, keep: float = 90) -> list[Flowable]:
    """A heading inside a section, never left alone at the foot of a page."""
    paragraph = text.paragraph(title, styles()["subheading"])
    flowable = Bookmarked(paragraph, key, title, level) if key else paragraph
    return [CondPageBreak(keep), flowable]


class _Rule(Flowable):
    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, 12

    def draw(self):
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(1.2)
        start = sides.flip(0, 36, 0, self.width)  # under the heading's first word
        self.canv.line(start, 10, start + 36, 10)


# ---------------------------------------------------------------------- text

LONG_BLOCK = 4000  # characters: a longer block is set line by line, so that no paragraph grows huge


def paragraphs(value: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """User text as paragraphs, all of it, over as many pages as it takes: one per block
    separated by a blank line (single line breaks kept inside a paragraph; a very long block
    is set one line at a time)."""
    style = style or styles()["body"]
    value = text.clean(value).strip()
    found = []
    for block in value.split("\n\n"):
        block = block.strip()
        if not block:
            continue
        parts = [line for line in block.split("\n") if line.strip()] if len(block) > LONG_BLOCK else [block]
        found += [text.paragraph(part, style) for part in parts]
    return found


def numbered(items: list[str]) -> list[Flowable]:
    """A numbered list of user text (e.g. the objectives, one per line)."""
    style = styles()["numbered"]
    if sides.right_to_left():
        return [_numbered_right_to_left(items, style)]
    found = []
    for number, item in enumerate(items, start=1):
        item = text.clean(item).strip()
        if needs_shaping(item):
            # The engine has no bullets: the number leads the text (on its right, in Arabic).
            hanging = ParagraphStyle(f"{style.name}-shaped", parent=style, leftIndent=style.bulletIndent)
            found.append(text.spans(hanging, [Span(f"{number}.\u00a0", color=style.textColor), Span(item)]))
        else:
            found.append(Paragraph(text.markup(item), style, bulletText=f"{number}."))
    return found


def _numbered_right_to_left(items: list[str], style: ParagraphStyle) -> Table:
    """The numbers down the right-hand side, each item's text flush right beside its number
    and in its own order: an English objective keeps its full stop at its end. The number reads
    right to left, its full stop on its left, as in an Arabic list."""
    item_style = ParagraphStyle(f"{style.name}-item", parent=style, leftIndent=0, rightIndent=0, spaceAfter=0)
    rows = [[ShapedParagraph(Layout([Span(f"{number}.")], item_style, base=1), item_style),
             text.paragraph(text.clean(item).strip(), item_style)] for number, item in enumerate(items, start=1)]
    return sides.table(rows, [style.rightIndent, "*"], TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), style.spaceAfter),
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
    ]))


def note(value: str) -> Paragraph:
    return text.paragraph(value, styles()["note"])


def boxed(content: list[Flowable], width: float, *, fill=ACCENT_LIGHT, bar=ACCENT, padding: float = 10) -> Table:
    """Content in a tinted box with a coloured bar on its left (the goal, the global picture)."""
    return sides.table([[content]], colWidths=[width], style=TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("LINEBEFORE", (0, 0), (0, -1), 3, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), padding + 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), padding - 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), padding),
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
    ]))


# ---------------------------------------------------------------------- tables

def header_cells(titles: list[str], right: set[int] = frozenset()) -> list[Paragraph]:
    found = styles()
    return [text.paragraph(title, found["header_right" if index in right else "header_cell"])
            for index, title in enumerate(titles)]


def table_widths(total: float, shares: list[float], titles: list[str],
                 minimums: list[float] | None = None) -> list[float]:
    """Column widths in the given shares, none narrower than its header's longest word: in
    Spanish the code column's "Código" broke as "Códig" / "o"."""
    style = styles()["header_cell"]
    least = [max(text.paragraph(title, style).minWidth() + 2 * PADDING + 0.5, given)
             for title, given in zip(titles, minimums or [0.0] * len(titles))]
    return column_widths(total, shares, least)


def paged_table(titles: list[str], rows: list[TableRow], widths: list[float], *,
                right: set[int] = frozenset()) -> ReportTable:
    """A long table: header repeated on every page, rows never cut. Columns in `right` hold
    numbers, aligned right."""
    found = styles()
    for row in rows:
        row.cells = [_Measured(cell) if isinstance(cell, Paragraph) else
                     # A label in a script the table's plain strings cannot draw (Arabic), shaped.
                     cell_text(cell, found["cell_right" if index in right else "cell"], 1e6)
                     if isinstance(cell, str) and needs_shaping(cell) else
                     number_cell(cell, found["cell_right"], widths[index] - 2 * PADDING)
                     if isinstance(cell, str) and index in right and index < len(widths) else cell
                     for index, cell in enumerate(row.cells)]
    header = [_Measured(cell) for cell in header_cells(titles, right)]
    return ReportTable(header, rows, widths, found["cell"], right=frozenset(right))


class _Measured(Flowable):
    """A paragraph laid out once per width: a table asks a cell its size more than once
    (measure, draw), and a paragraph would break (and shape) its lines each time."""

    def __init__(self, content: Flowable):
        super().__init__()
        self.content = content
        self._for_width: float | None = None
        self._size = (0.0, 0.0)

    def wrap(self, available_width, available_height):
        if self._for_width is None or abs(self._for_width - available_width) > 0.01:
            self._size = self.content.wrap(available_width, available_height)
            self._for_width = available_width
        self.width, self.height = self._size
        return self._size

    def draw(self):
        self.content.drawOn(self.canv, 0, 0)


def group_row(label: str, columns: int, *pieces: Piece | str) -> TableRow:
    """A heading row spanning the table (an output, a day, an outcome)."""
    cell = rich(styles()["group_cell"], *pieces) if pieces else cell_text(label, styles()["group_cell"], 1e6)
    return TableRow([cell, *[""] * (columns - 1)], group=True)


def key_value_table(pairs: list[tuple[str, object]], width: float, label_width: float = 110, *,
                    label_style: str = "fact_label", value_style: str = "fact") -> Table:
    """Labels on the left, values on the right, light rules between (the workshop's facts)."""
    found = styles()
    if not pairs:
        return Spacer(0, 0)
    rows = []
    for label, value in pairs:
        cell = value if isinstance(value, Flowable) else text.paragraph(value, found[value_style])
        rows.append([text.paragraph(label, found[label_style]), cell])
    # The smaller labels share the first baseline of their values.
    lift = max(0.0, found[value_style].fontSize - found[label_style].fontSize)
    return sides.table(rows, colWidths=[label_width, width - label_width], style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (0, -1), 5 + lift),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
    ]))


def spacer(height: float) -> Spacer:
    return Spacer(0, height)
