"""The page every workshop PDF prints on: paper size and orientation, a running header with the
workshop title and the current section, a footer naming the workshop (title, and its country and
dates when they fit) with "Page x of y".

Usage (any report):

    _ = Words(lang)
    doc = WorkshopDocTemplate(path, workshop_title=..., kind=_("Sign-in sheet"), words=_, paper="A4",
                              landscape=True, footer_details=workshop_details(workshop, _))
    doc.build([SectionMark(_("Day {number}", number=1)), ...flowables...])

A SectionMark in the story changes the right-hand header text from the page it lands on; a
report that starts each section on a new page (PageBreak) gets correct headers on every page.
A SectionMark with a page_group ("Day 2") numbers the pages of that group on their own
("Day 2 · page 1 of 3"): each day's sign-in sheets go round the room separately.

"Page x of y" and the country in the footer are in the export's language (the Words given); a
report with labels of its own (the road map) passes page_label instead.

The program's name is in the PDF's metadata (creator, producer), never on the printed page:
a sheet in a participant's hand names their workshop.
"""

from collections.abc import Callable, Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER, portrait
from reportlab.lib.pagesizes import landscape as landscape_of
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from workshop_app import __version__
from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.fonts import BODY_FONT, needs_shaping, register_fonts
from workshop_app.export.pdf.styles import MUTED, RULE, stylesheet
from workshop_app.export.words import Words
from workshop_app.i18n.catalogs import N_

PAPER_SIZES = {"A4": A4, "Letter": LETTER}
PAGE_LABEL = N_("Page {page} of {pages}")
# Translators: the page number of a page in a group of pages numbered on their own; {group} is
# e.g. "Day 2" (each day's sign-in sheets are numbered separately).
GROUP_PAGE_LABEL = N_("{group} · page {page} of {pages}")
FOOTER_SEPARATOR = " · "
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


def workshop_details(workshop: dict, words: Words | None = None) -> list[str]:
    """What the footer says after the workshop title, most telling first: country, dates; in
    the language of `words` (English without)."""
    words = words or Words()
    code = workshop.get("country") or ""
    country = words.country(code)
    return [detail for detail in (country, words.date_range(workshop.get("start_date"), workshop.get("end_date")))
            if detail]



def fitted_line(style, room: float, title: str, details: Sequence[str] = (), *, last: str = "") -> str:
    """`title · detail · … · last` on one line of `room` points: the details go, the last first,
    while it is too long; then the title is cut short. `last` (e.g. "Draft") always stays."""
    title = " ".join(text.clean(title).split())
    details = [" ".join(text.clean(detail).split()) for detail in details if detail]
    # "… in Nepal · Nepal": a detail the title already gives is left out.
    details = [detail for detail in details if detail.casefold() not in title.casefold()]
    tail = [last] if last else []

    def fits(candidate: str) -> bool:
        paragraph = text.paragraph(candidate, style)
        paragraph.wrap(room, 10 * style.leading)
        return text.line_count(paragraph) <= 1

    for keep in range(len(details), -1, -1):
        candidate = FOOTER_SEPARATOR.join([part for part in (title, *details[:keep], *tail) if part])
        if fits(candidate):
            return candidate
    words = title.split()

    def shortened(count: int) -> str:
        return FOOTER_SEPARATOR.join([" ".join(words[:count]) + "…", *tail])

    # The most words that fit, found by halving: trying one word fewer at a time re-laid a
    # 10,000-character title thousands of times.
    low, high = 0, len(words) - 1  # shortened(low) fits (or low is 0); shortened(high + 1) is known too long
    while low < high:
        middle = (low + high + 1) // 2
        if fits(shortened(middle)):
            low = middle
        else:
            high = middle - 1
    if low:
        return shortened(low)
    return FOOTER_SEPARATOR.join([part for part in (title, *tail) if part])


class SectionMark(Flowable):
    """Invisible; sets the right-hand header text (e.g. "Day 2 · 10 March 2027") from here on.
    With a page_group, the pages from here on are numbered within that group."""

    def __init__(self, section: str, page_group: str | None = None):
        super().__init__()
        self.section = section
        self.page_group = page_group

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        pass


class WorkshopDocTemplate(BaseDocTemplate):
    def __init__(self, filename: str, *, workshop_title: str, kind: str, paper: str = "A4",
                 landscape: bool = False, words: Words | None = None, page_label: str | None = None,
                 group_page_label: str | None = None, footer_details: Sequence[str] = (), **metadata):
        """`words`: the export's language, for "Page x of y" (English without); `page_label`
        and `group_page_label` replace its labels ("{page}", "{pages}", "{group}" filled in)."""
        register_fonts()
        words = words or Words()
        self.workshop_title = text.clean(workshop_title)
        self.kind = kind
        self.section = ""
        self.page_label = page_label or words(PAGE_LABEL)
        self.group_page_label = group_page_label or words(GROUP_PAGE_LABEL)
        self.footer_details = list(footer_details)
        self.page_group: str | None = None
        self._page_groups: list[str | None] = []  # one a page, in print order
        self._footers: dict[tuple[float, str], str] = {}  # footer lines already fitted, by room
        self._headers: dict[tuple[str, str, float], str] = {}
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
        self.page_group = None
        self._page_groups = []
        super().build(flowables, **kwargs)

    def afterFlowable(self, flowable):
        if isinstance(flowable, SectionMark):
            self.section = flowable.section
            self.page_group = flowable.page_group

    def handle_pageEnd(self):
        self._page_groups.append(self.page_group)
        super().handle_pageEnd()

    def page_number_label(self, page: int, pages: int) -> str:
        """"Page 3 of 9", or "Day 2 · page 1 of 3" on a page of a page group (pages counted
        within the run of pages that share the group)."""
        groups = self._page_groups
        group = groups[page - 1] if len(groups) == pages else None
        if group is None:
            return self.page_label.format(page=page, pages=pages)
        first = page - 1
        while first and groups[first - 1] == group:
            first -= 1
        last = page - 1
        while last + 1 < pages and groups[last + 1] == group:
            last += 1
        return self.group_page_label.format(group=group, page=page - first, pages=last - first + 1)

    def footer_line(self, room: float, *, last: str = "") -> str:
        """The workshop's title, and its country and dates when they fit in `room` points."""
        key = (room, last)
        if key not in self._footers:
            self._footers[key] = fitted_line(stylesheet()["page_footer"], room, self.workshop_title,
                                             self.footer_details, last=last)
        return self._footers[key]

    def header_paragraph(self, content: str, style, room: float):
        """One line of the running header: a title too long for it is cut short with "…"
        (wrapped, a 300-character title grew up off the top of the page)."""
        key = (content, style.name, room)
        line = self._headers.get(key)
        if line is None:
            line = self._headers[key] = fitted_line(style, room, content)
        header = text.paragraph(line, style)
        header.wrap(room, self.topMargin)
        return header

    def page_label_room(self) -> float:
        """The width kept free at the right of the footer for the page number."""
        sample = self.group_page_label if self.page_group else self.page_label
        return stringWidth(sample.format(group=self.page_group, page=999, pages=999), BODY_FONT, 7.5) + 8 * mm

    # ------------------------------------------------------------------ drawing

    def _draw_header_and_footer(self, canvas: Canvas, doc) -> None:
        styles = stylesheet()
        top = self.pagesize[1] - self.topMargin + _HEADER_GAP
        half = (self.width - 6 * mm) / 2
        left, right = self.leftMargin, self.leftMargin + self.width
        canvas.saveState()
        for content, style, x in (
            (self.workshop_title, styles["page_header"], left),
            (self.section, styles["page_header_right"], right - half),
        ):
            if content:
                self.header_paragraph(content, style, half).drawOn(canvas, sides.flip(x, half, left, right), top)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.leftMargin, top - 1.5 * mm, self.leftMargin + self.width, top - 1.5 * mm)
        canvas.restoreState()
        self.draw_footer(canvas, self.leftMargin, self.width)

    def draw_footer(self, canvas: Canvas, left: float, width: float, *, last: str = "") -> None:
        """The footer's left-hand line; the page number is printed at the end (see build)."""
        style = stylesheet()["page_footer"]
        room = width - self.page_label_room()
        footer = text.paragraph(self.footer_line(room, last=last), style)
        footer.wrap(room, 2 * style.leading)
        # On the page number's baseline: a one-line paragraph's baseline is (leading - size) up.
        footer.drawOn(canvas, sides.flip(left, room, left, left + width),
                      self.bottomMargin - 9 * mm - (style.leading - style.fontSize))

    def _draw_page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        """At the end of the footer: on the right, or on the left of a right-to-left page."""
        label = self.page_number_label(page, pages)
        left, right, baseline = self.leftMargin, self.leftMargin + self.width, self.bottomMargin - 9 * mm
        if needs_shaping(label):
            # Arabic words and digits: shaped, in their reading order, by the paragraph engine.
            style = _page_number_styles()["page_number"]
            room = self.page_label_room()
            number = text.paragraph(label, style)
            number.wrap(room, 2 * style.leading)
            number.drawOn(canvas, sides.flip(right - room, room, left, right),
                          baseline - (style.leading - style.fontSize))
            return
        canvas.saveState()
        canvas.setFont(BODY_FONT, 7.5)
        canvas.setFillColor(MUTED)
        if sides.right_to_left():
            canvas.drawString(left, baseline, label)
        else:
            canvas.drawRightString(right, baseline, label)
        canvas.restoreState()


@sides.by_direction
def _page_number_styles() -> dict[str, ParagraphStyle]:
    return {"page_number": ParagraphStyle("page_number", parent=stylesheet()["page_footer"], alignment=TA_RIGHT)}


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
