"""The pages of the road-map PDF: a cover, portrait and landscape pages in one document, the
running header and footer (title, section, version, "Page x of y"), the "DRAFT" watermark, the
PDF outline (bookmarks) and the contents page with its page numbers.

Built on the engine's WorkshopDocTemplate. Page numbers are known only at the end, so the canvas
holds every page back (as the engine's numbered canvas does) and runs, for each page, the
actions deferred to it: its "Page x of y", its bookmarks and outline entries (created at the
end so that each points at its own page), and the page numbers of the contents lines.
"""

import math
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageTemplate, Paragraph

from workshop_app.export.pdf import outlines, sides, text
from workshop_app.export.pdf.fonts import BODY_FONT
from workshop_app.export.pdf.page import SectionMark, WorkshopDocTemplate, page_size
from workshop_app.export.pdf.styles import MUTED, RULE, stylesheet
from workshop_app.export.roadmap_pdf.canvas_text import draw_text

ACCENT = colors.HexColor("#1d3557")  # the cover band and section headings
ACCENT_LIGHT = colors.HexColor("#e8eef5")
WATERMARK = colors.HexColor("#b42318")
COVER_BAND = 82 * mm

Deferred = Callable[[Canvas, int, int], None]


class Bookmarked(Flowable):
    """A heading (or any flowable) that opens an outline entry on the page it lands on."""

    def __init__(self, content: Flowable, key: str, title: str, level: int = 0):
        super().__init__()
        self.content = content
        self.key = key
        self.title = title
        self.level = level

    def wrap(self, available_width, available_height):
        self.width, self.height = self.content.wrap(available_width, available_height)
        return self.width, self.height

    def split(self, available_width, available_height):
        return []  # a heading is never cut: it moves to the next page whole

    def getSpaceBefore(self):
        return self.content.getSpaceBefore()

    def getSpaceAfter(self):
        return self.content.getSpaceAfter()

    def draw(self):
        self.content.drawOn(self.canv, 0, 0)


class ContentsLine(Flowable):
    """One line of the contents: number, title and, at the end of the line, the page its
    bookmark lands on (written at the end of the build). The whole line links to the bookmark.
    On a right-to-left page the number is on the right and the page on the left."""

    NUMBER_WIDTH = 30
    PAGE_WIDTH = 36

    def __init__(self, number: str, title: Paragraph, key: str, level: int, style):
        super().__init__()
        self.number = number
        self.title = title
        self.key = key
        self.level = level
        self.style = style

    def wrap(self, available_width, available_height):
        self.width = available_width
        indent = self.NUMBER_WIDTH + (self.level * 14)
        _, title_height = self.title.wrap(available_width - indent - self.PAGE_WIDTH, available_height)
        self.height = title_height + (7 if self.level == 0 else 4.5)
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        top = self.height - (4 if self.level == 0 else 2.5)
        indent = self.NUMBER_WIDTH + self.level * 14
        title_height = self.title.height
        title_width = self.width - indent - self.PAGE_WIDTH
        self.title.drawOn(canvas, sides.flip(indent, title_width, 0, self.width), top - title_height)
        baseline = top - self.style.fontSize
        right_to_left = sides.right_to_left()
        canvas.saveState()
        canvas.setFont(self.style.fontName, self.style.fontSize)
        canvas.setFillColor(self.style.textColor)
        if self.number and right_to_left:
            canvas.drawRightString(self.width - self.level * 14, baseline, self.number)
        elif self.number:
            canvas.drawString(self.level * 14, baseline, self.number)
        if self.level == 0:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.4)
            canvas.line(0, 0.5, self.width, 0.5)
        canvas.restoreState()
        # The page number ends the line: flush with its right edge, or its left on a right-to-left page.
        edge, page_baseline = canvas.absolutePosition(0 if right_to_left else self.width, baseline)
        left, bottom = canvas.absolutePosition(0, 0)
        right = canvas.absolutePosition(self.width, 0)[0]
        key, style = self.key, self.style
        canvas.linkAbsolute("", key, Rect=(left, bottom, right, bottom + self.height), thickness=0)
        template = canvas._doctemplate

        def page_number(page_canvas: Canvas, _page: int, _pages: int) -> None:
            found = template.bookmark_pages.get(key)
            if found is None:
                return
            page_canvas.saveState()
            page_canvas.setFont(style.fontName, style.fontSize)
            page_canvas.setFillColor(style.textColor)
            if right_to_left:
                page_canvas.drawString(edge, page_baseline, str(found))
            else:
                page_canvas.drawRightString(edge, page_baseline, str(found))
            page_canvas.restoreState()

        canvas.defer(page_number)


class RoadmapDocTemplate(WorkshopDocTemplate):
    """A cover page, then portrait ("portrait") and landscape ("landscape") pages, switched with
    NextPageTemplate before a PageBreak. `watermark` (e.g. "DRAFT") is printed across every
    page when given."""

    def __init__(self, filename: str, *, workshop_title: str, kind: str, paper: str, page_label: str,
                 footer: str, watermark: str | None, cover: Callable[[Canvas, "RoadmapDocTemplate"], None],
                 **metadata):
        super().__init__(filename, workshop_title=workshop_title, kind=kind, paper=paper, page_label=page_label,
                         **metadata)
        self.footer = text.clean(footer)
        self.watermark = watermark
        self.bookmark_pages: dict[str, int] = {}
        self._next_section: str | None = None
        self._draw_cover = cover
        portrait = page_size(paper)
        landscape = page_size(paper, landscape=True)
        self.portrait_width = portrait[0] - self.leftMargin - self.rightMargin
        self.landscape_width = landscape[0] - self.leftMargin - self.rightMargin
        self.landscape_height = landscape[1] - self.topMargin - self.bottomMargin
        self.portrait_height = portrait[1] - self.topMargin - self.bottomMargin

        def frame(size, top=None):
            top = self.topMargin if top is None else top
            return Frame(self.leftMargin, self.bottomMargin, size[0] - self.leftMargin - self.rightMargin,
                         size[1] - top - self.bottomMargin, leftPadding=0, rightPadding=0, topPadding=0,
                         bottomPadding=0)

        self.pageTemplates = []
        self.addPageTemplates([
            PageTemplate("cover", frames=[frame(portrait, COVER_BAND + 10 * mm)], pagesize=portrait,
                         onPage=self._cover_page, onPageEnd=self._end_cover_page, autoNextPageTemplate="portrait"),
            PageTemplate("portrait", frames=[frame(portrait)], pagesize=portrait,
                         onPageEnd=self._draw_header_and_footer),
            PageTemplate("landscape", frames=[frame(landscape)], pagesize=landscape,
                         onPageEnd=self._draw_header_and_footer),
        ])

    def build(self, flowables, **kwargs):
        kwargs.setdefault("canvasmaker", deferring_canvas(self._draw_page_number))
        super().build(flowables, **kwargs)

    def beforeDocument(self):
        self.canv._doctemplate = self
        self.canv.showOutline()

    def handle_pageBegin(self):
        super().handle_pageBegin()
        if self._next_section is not None:
            self.section, self._next_section = self._next_section, None

    def afterFlowable(self, flowable):
        # A section that starts below other content (an outcome after the last rows of the one
        # before) names the header from the next page on: the header says what the page starts with.
        if isinstance(flowable, SectionMark) and not getattr(self.frame, "_atTop", 1):
            kept = self.section
            super().afterFlowable(flowable)
            self._next_section, self.section = self.section, kept
            return
        super().afterFlowable(flowable)
        if isinstance(flowable, Bookmarked):
            key, title, level = flowable.key, text.clean(flowable.title), flowable.level
            self.bookmark_pages[key] = self.page

            def bookmark(canvas: Canvas, _page: int, _pages: int) -> None:
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(" ".join(title.split()), key, level=level)

            self.canv.defer(bookmark)

    # ------------------------------------------------------------------ drawing

    def _cover_page(self, canvas: Canvas, doc) -> None:
        self._draw_cover(canvas, self)

    def _end_cover_page(self, canvas: Canvas, doc) -> None:
        self._draw_footer(canvas)
        self._draw_watermark(canvas)

    def _draw_header_and_footer(self, canvas: Canvas, doc) -> None:
        width, height = canvas._pagesize
        body = width - self.leftMargin - self.rightMargin
        styles = stylesheet()
        top = height - self.topMargin + 4 * mm
        # The section is short: the title gets the rest of the line.
        right_style = styles["page_header_right"]
        right = min(stringWidth(text.clean(self.section), right_style.fontName, right_style.fontSize) + 4,
                    body * 0.45)
        left = body - right - 8 * mm
        start, end = self.leftMargin, self.leftMargin + body
        canvas.saveState()
        for content, style, x, room in ((self.workshop_title, styles["page_header"], start, left),
                                        (self.section, right_style, end - right, right)):
            if content:
                self.header_paragraph(content, style, room).drawOn(canvas, sides.flip(x, room, start, end), top)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, top - 1.5 * mm, self.leftMargin + body, top - 1.5 * mm)
        canvas.restoreState()
        self._draw_footer(canvas)
        self._draw_watermark(canvas)

    def _draw_footer(self, canvas: Canvas) -> None:
        width, _ = canvas._pagesize
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        y = self.bottomMargin - 9 * mm
        canvas.line(self.leftMargin, y + 10, width - self.rightMargin, y + 10)
        canvas.restoreState()
        # The workshop's title, country and dates (as they fit), then the version printed.
        self.draw_footer(canvas, self.leftMargin, width - self.leftMargin - self.rightMargin, last=self.footer)

    def _draw_watermark(self, canvas: Canvas) -> None:
        if not self.watermark:
            return
        width, height = canvas._pagesize
        diagonal = math.hypot(width, height)
        size = min(150.0, 0.55 * diagonal / max(outlines.width(self.watermark, 1), 0.01))
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFillAlpha(0.07)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(math.degrees(math.atan2(height, width)))
        # Shapes, not text: a reader copying the page's text never gets "DR", "AF", "T".
        outlines.draw_centred(canvas, self.watermark, 0, -size * 0.35, size)
        canvas.restoreState()

    def _draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        width, _ = canvas._pagesize
        canvas.saveState()
        draw_text(canvas, self.page_label.format(page=page, pages=pages),
                  sides.flip(width - self.rightMargin, 0, self.leftMargin, width - self.rightMargin),
                  self.bottomMargin - 9 * mm, font=BODY_FONT, size=7.5, color=MUTED, anchor=sides.anchor("end"))
        canvas.restoreState()


def deferring_canvas(draw_page_number: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds pages back until the end, then runs each page's deferred actions
    (canvas.defer) and draw_page_number(canvas, page, pages) before writing it."""

    class DeferringCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict] = []
            self._deferred: list[Deferred] = []

        def defer(self, action: Deferred) -> None:
            self._deferred.append(action)

        def showPage(self):
            self._held_pages.append(dict(self.__dict__))
            self._startPage()
            self._deferred = []

        def save(self):
            pages = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                for action in state["_deferred"]:
                    action(self, number, pages)
                draw_page_number(self, number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return DeferringCanvas
