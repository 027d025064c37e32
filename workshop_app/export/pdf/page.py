"""The page every workshop PDF prints on: paper size and orientation, a running header with the
workshop title and the current section, a footer with "Page x of y".

Usage (any report):

    doc = WorkshopDocTemplate(path, workshop_title=..., kind="Sign-in sheet", paper="A4", landscape=True)
    doc.build([SectionMark("Day 1"), ...flowables...])

A SectionMark in the story changes the right-hand header text from the page it lands on; a
report that starts each section on a new page (PageBreak) gets correct headers on every page.
"""

from collections.abc import Callable

from reportlab.lib.pagesizes import A4, LETTER, portrait
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from workshop_app import __version__
from workshop_app.export.pdf import text
from workshop_app.export.pdf.fonts import BODY_FONT, register_fonts
from workshop_app.export.pdf.styles import MUTED, RULE, stylesheet

PAPER_SIZES = {"A4": A4, "Letter": LETTER}
PAGE_LABEL = "Page {page} of {pages}"
PRODUCER = "Pathfinder Workshop"

_SIDE_MARGIN = 14 * mm
_TOP_MARGIN = 20 * mm  # room for the running header
_BOTTOM_MARGIN = 16 * mm  # room for the footer
_HEADER_GAP = 4 * mm


def page_size(paper: str, *, landscape: bool = False) -> tuple[float, float]:
    """Width and height in points; ValueError for a paper we do not offer."""
    try:
        size = PAPER_SIZES[paper]
    except KeyError:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}") from None
    return landscape_of(size) if landscape else portrait(size)


class SectionMark(Flowable):
    """Invisible; sets the right-hand header text (e.g. "Day 2 · 10 March 2027") from here on."""

    def __init__(self, section: str):
        super().__init__()
        self.section = section

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class WorkshopDocTemplate(BaseDocTemplate):
    def __init__(self, filename: str, *, workshop_title: str, kind: str, paper: str = "A4",
                 landscape: bool = False, page_label: str = PAGE_LABEL, **metadata):
        register_fonts()
        self.workshop_title = text.clean(workshop_title)
        self.kind = kind
        self.section = ""
        self.page_label = page_label
        size = page_size(paper, landscape=landscape)
        title = f"{kind} – {self.workshop_title}" if self.workshop_title else kind
        super().__init__(
            filename,
            pagesize=size,
            leftMargin=_SIDE_MARGIN,
            rightMargin=_SIDE_MARGIN,
            topMargin=_TOP_MARGIN,
            bottomMargin=_BOTTOM_MARGIN,
            title=title,
            subject=kind,
            author=PRODUCER,
            creator=f"{PRODUCER} {__version__}",
            # Without this, every page would name Helvetica, a font that is not embedded.
            initialFontName=BODY_FONT,
            **metadata,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        # onPageEnd, not onPage: by the end of a page its SectionMark has been laid out.
        self.addPageTemplates([PageTemplate("page", frames=[frame], onPageEnd=self._draw_header_and_footer)])

    def build(self, flowables, **kwargs):
        kwargs.setdefault("canvasmaker", numbered_canvas(self._draw_page_number))
        super().build(flowables, **kwargs)

    def afterFlowable(self, flowable):
        if isinstance(flowable, SectionMark):
            self.section = flowable.section

    # ------------------------------------------------------------------ drawing

    def _draw_header_and_footer(self, canvas: Canvas, doc) -> None:
        styles = stylesheet()
        top = self.pagesize[1] - self.topMargin + _HEADER_GAP
        half = (self.width - 6 * mm) / 2
        canvas.saveState()
        for content, style, x in (
            (self.workshop_title, styles["page_header"], self.leftMargin),
            (self.section, styles["page_header_right"], self.leftMargin + self.width - half),
        ):
            if content:
                header = text.paragraph(content, style)
                header.wrap(half, self.topMargin)
                header.drawOn(canvas, x, top)  # a long title grows upwards, into the margin
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, top - 1.5 * mm, self.leftMargin + self.width, top - 1.5 * mm)
        canvas.setFont(BODY_FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, self.bottomMargin - 9 * mm, f"{PRODUCER} · {self.kind}")
        canvas.restoreState()

    def _draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(BODY_FONT, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(self.leftMargin + self.width, self.bottomMargin - 9 * mm,
                               self.page_label.format(page=page, pages=pages))
        canvas.restoreState()


def numbered_canvas(draw_page_number: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas class that holds pages back until the end, when the total is known, then lets
    draw_page_number(canvas, page, pages) print "Page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []

        def showPage(self):
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            pages = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                draw_page_number(self, number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
