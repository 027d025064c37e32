"""The front of the road-map PDF: cover, contents, context (objectives, national context; the
reference figures are the action plan's) and the workshop (facts, participation by
organization category and sex as a table and a chart, the agenda in summary)."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from workshop_app.export.agenda.contents import AgendaDay, agenda_days
from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.fonts import BODY_FONT, BOLD_FONT, needs_shaping
from workshop_app.export.pdf.lines import Overflow, Piece, line, shortened
from workshop_app.export.pdf.styles import INK
from workshop_app.export.pdf.tables import TableRow, table_style
from workshop_app.export.roadmap_pdf.canvas_text import draw_text, text_width
from workshop_app.export.roadmap_pdf.charts import ChartRow, participation_chart
from workshop_app.export.roadmap_pdf.content import Roadmap
from workshop_app.export.roadmap_pdf.labels import Labels
from workshop_app.export.roadmap_pdf.page import ACCENT, COVER_BAND, Bookmarked, ContentsLine
from workshop_app.export.roadmap_pdf.styles import (
    boxed,
    group_row,
    heading,
    key_value_table,
    note,
    numbered,
    paged_table,
    paragraphs,
    spacer,
    styles,
    subheading,
    table_widths,
)
from workshop_app.export.roadmap_pdf.table import cell_text, rich
from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.stakeholders.figures import participation_figures

LOGO_BOX = (46 * mm, 30 * mm)
SECOND_ACCENT = colors.HexColor("#E69F00")


@dataclass
class Report:
    """What every section of one export needs."""
    document: WorkshopDocument
    workshop: dict
    labels: Labels
    roadmap: Roadmap
    portrait_width: float
    landscape_width: float
    include_contacts: bool = False
    logo: ImageReader | None = None
    landscape_height: float = 0
    contents: list[tuple[str, str, str, int]] = field(default_factory=list)  # number, title, key, level
    overflow: Overflow | None = None

    def __post_init__(self):
        _ = self.labels.words
        if self.overflow is None:
            # Translators: ends the part of a long text a table cell holds; the rest follows under the table
            pointer = _("(continued in note {number})")
            # Translators: starts the rest of a long text under a table ("Note 3: 1.2.1, description, continued")
            heading = _("Note {number}: {where}, continued")
            self.overflow = Overflow(pointer, heading)

    def country(self) -> str:
        return self.labels.country(self.workshop["country"] or "")

    def fit(self, value: object, limit: int, where: str) -> str:
        """A long text's start for a table cell, the rest kept for the notes under the table."""
        assert self.overflow is not None
        return self.overflow.fit(value, limit, where)

    def table_notes(self) -> list[Flowable]:
        """The rest of the texts the last table cut short, as numbered notes under it."""
        assert self.overflow is not None
        return self.overflow.notes(styles()["continued"])


def load_logo(path: Path | str | None) -> ImageReader | None:
    """The user's logo image; ValueError (with the reason) when it cannot be read as an image."""
    if path is None:
        return None
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"the logo {path} does not exist")
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception as error:  # PIL raises many kinds; the user needs one sentence
        raise ValueError(f"the logo {path.name} is not an image that can be printed (use PNG or JPEG): {error}") \
            from None
    if not width or not height:
        raise ValueError(f"the logo {path.name} is empty")
    return reader


# ---------------------------------------------------------------------- cover

def draw_cover(report: Report):
    """The band across the top of the cover: eyebrow, country, report title, and the logo."""
    labels = report.labels
    # Only a pathfinder country's plan says it is one.
    pathfinder = (report.workshop["country"] or "").upper() in v.PATHFINDER_COUNTRIES
    eyebrow = labels["eyebrow" if pathfinder else "eyebrow.other"].upper()
    country = text.clean(report.country())
    subtitle = labels["report_title"]

    def draw(canvas, doc) -> None:
        width, height = canvas._pagesize
        left, right = doc.leftMargin, width - doc.rightMargin
        # The text starts at the left margin, the logo at the right; the other way round on a
        # right-to-left page.
        start, anchor = sides.flip(left, 0, left, right), sides.anchor("start")
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - COVER_BAND, width, COVER_BAND, stroke=0, fill=1)
        canvas.setFillColor(SECOND_ACCENT)
        canvas.rect(0, height - COVER_BAND - 2.2 * mm, width, 2.2 * mm, stroke=0, fill=1)
        draw_text(canvas, eyebrow, start, height - 24 * mm, font=BOLD_FONT, size=9.5, color=colors.HexColor("#9fb3c8"),
                  anchor=anchor)
        size = 34.0
        room = right - left - (LOGO_BOX[0] + 8 * mm if report.logo else 0)
        while size > 16 and text_width(country, BOLD_FONT, size) > room:
            size -= 1
        draw_text(canvas, country, start, height - 44 * mm, font=BOLD_FONT, size=size, color=colors.white,
                  anchor=anchor)
        draw_text(canvas, subtitle, start, height - 56 * mm, font=BODY_FONT, size=13, color=colors.white, anchor=anchor)
        canvas.setStrokeColor(colors.HexColor("#9fb3c8"))
        canvas.setLineWidth(0.6)
        rule = sides.flip(left, 30 * mm, left, right)
        canvas.line(rule, height - 64 * mm, rule + 30 * mm, height - 64 * mm)
        if report.logo is not None:
            _draw_logo(canvas, report.logo, sides.flip(right - LOGO_BOX[0], LOGO_BOX[0], left, right),
                       height - 16 * mm - LOGO_BOX[1])
        # SDG target 8.7 in its own words, at the foot of the cover.
        body = right - left
        quote = [text.paragraph(labels["cover.target_label"].upper(), styles()["goal_label"]),
                 text.paragraph(labels["cover.target"], styles()["target"])]
        y = doc.bottomMargin + 2 * mm
        for paragraph in reversed(quote):
            paragraph.wrap(body * 0.82, height)
            paragraph.drawOn(canvas, sides.flip(left, body * 0.82, left, right), y)
            y += paragraph.height + 2
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        rule = sides.flip(left, 12 * mm, left, right)
        canvas.line(rule, y + 4, rule + 12 * mm, y + 4)
        canvas.restoreState()

    return draw


def _draw_logo(canvas, logo: ImageReader, x: float, y: float) -> None:
    box_width, box_height = LOGO_BOX
    canvas.setFillColor(colors.white)
    canvas.roundRect(x, y, box_width, box_height, 3 * mm, stroke=0, fill=1)
    pad = 3 * mm
    width, height = logo.getSize()
    scale = min((box_width - 2 * pad) / width, (box_height - 2 * pad) / height)
    drawn_width, drawn_height = width * scale, height * scale
    canvas.drawImage(logo, x + (box_width - drawn_width) / 2, y + (box_height - drawn_height) / 2,
                     drawn_width, drawn_height, mask="auto")


def cover(report: Report) -> list[Flowable]:
    labels = report.labels
    found = styles()
    workshop = report.workshop
    story: list[Flowable] = [text.paragraph(shortened(workshop["title"], 200) or labels["report_title"],
                                            found["cover_title"])]
    facts: list[tuple[str, object]] = []
    dates = labels.date_range(workshop["start_date"], workshop["end_date"])
    if dates:
        facts.append((labels["cover.dates"], dates))
    if workshop["venue"]:
        facts.append((labels["cover.venue"], shortened(workshop["venue"], 300)))
    facts.append((labels["cover.version"], _version_text(report)))
    facts.append((labels["cover.printed"], labels.long_date(dt.date.today().isoformat(), weekday=False)))
    story += [spacer(4), key_value_table(facts, report.portrait_width, 34 * mm, label_style="cover_label",
                                          value_style="cover_value")]
    goals = [goal for goal in report.roadmap.goals if goal["title"].strip()]
    if goals:
        box = [text.paragraph(labels["cover.goal"].upper(), found["goal_label"]), spacer(2)]
        box += [text.paragraph(shortened(goal["title"], 400), found["goal"]) for goal in goals[:2]]
        story += [spacer(16 * mm), boxed(box, report.portrait_width, padding=14)]
    return story


def _version_text(report: Report) -> Flowable:
    labels = report.labels
    version = report.roadmap.version
    style = styles()["cover_value"]
    if version is None:
        return line(style, labels["cover.current_draft"])
    key = "cover.validated" if version.validated else "cover.not_validated"
    pieces: list[Piece | str] = [Piece(labels.get(key, name=text.clean(version.name)), bold=version.validated)]
    if version.created_at:
        pieces.append(Piece(" · " + labels.get("cover.frozen_on", date=labels.long_date(version.created_at[:10],
                                                                                          weekday=False)),
                            muted=True))
    return line(style, *pieces)


# ---------------------------------------------------------------------- contents

def contents(report: Report) -> list[Flowable]:
    found = styles()
    title = report.labels["contents"]
    story: list[Flowable] = [Bookmarked(text.paragraph(title, found["contents_title"]), "contents", title)]
    for number, title, key, level in report.contents:
        style = found[f"contents_{min(level, 1)}"]
        if number and not number[0].isdigit():  # "Annex A": in the title's place, no number column
            number, title = "", f"{number}  {title}"
        title_paragraph = text.paragraph(shortened(title, 200), style)
        story.append(ContentsLine(number, title_paragraph, key, level, style))
    return story


# ---------------------------------------------------------------------- context

def context(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    plan = report.roadmap.plan  # as the printed version keeps them
    story = heading(number, labels["section.context"], "context")
    # A validated plan leaves out what was never written; a draft says it is missing.
    missing = [] if report.roadmap.validated else [note(labels["context.none"])]
    objectives = [item.strip(" \t-•*") for item in text.clean(plan.get("objectives")).split("\n") if item.strip()]
    if objectives or missing:
        story += subheading(f"{number}.1  {labels['context.objectives']}")
    if len(objectives) > 1:
        story += numbered(objectives)
    elif objectives:
        story += paragraphs(objectives[0])
    else:
        story += missing
    national = paragraphs(plan.get("national_context") or "")
    if national or missing:
        story += subheading(f"{number}.2  {labels['context.national']}")
    story += national or missing
    return story


UNIT_SIZE = 12  # points: "million" after a figure


def figure(number: str, unit: str) -> Flowable:
    """A figure of a tile, its unit ("million") smaller after it."""
    style = styles()["figure"]
    if not unit:
        return Paragraph(number, style)
    if needs_shaping(unit):
        return _Figure(number, unit, style)
    return Paragraph(f'{number}<font size="{UNIT_SIZE}">&nbsp;{text.markup(unit)}</font>', style)


class _Figure(Flowable):
    """A figure and a unit that reportlab's Paragraph cannot print (it left the letters of
    "مليون" unjoined and backwards): each drawn by the engine, the unit after the number in the
    page's reading order."""

    def __init__(self, number: str, unit: str, style):
        super().__init__()
        self.number = number
        self.unit = unit
        self.style = style

    def wrap(self, available_width, available_height):
        self.width, self.height = available_width, self.style.leading
        return self.width, self.height

    def draw(self):
        style = self.style
        baseline = self.height - style.fontSize
        anchor = sides.anchor("start")
        draw_text(self.canv, self.number, sides.flip(0, 0, 0, self.width), baseline, font=style.fontName,
                  size=style.fontSize, color=style.textColor, anchor=anchor)
        after = (text_width(self.number, style.fontName, style.fontSize)
                 + text_width("\u00a0", style.fontName, UNIT_SIZE))
        draw_text(self.canv, self.unit, sides.flip(after, 0, 0, self.width), baseline, font=style.fontName,
                  size=UNIT_SIZE, color=style.textColor, anchor=anchor)


# ---------------------------------------------------------------------- the workshop

def workshop_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    workshop = report.workshop
    figures = participation_figures(report.document)
    story = heading(number, labels["section.workshop"], "workshop")
    overall = figures.overall
    facts: list[tuple[str, object]] = []
    dates = labels.date_range(workshop["start_date"], workshop["end_date"])
    if dates:
        facts.append((labels["workshop.dates"], dates))
    if workshop["venue"]:
        facts.append((labels["workshop.venue"], shortened(workshop["venue"], 300)))
    days = report.document.count("day")
    if days:
        facts.append((labels["workshop.days"], labels.number(days)))
    if overall.total:
        women = labels.count("women", overall.counts["female"], share=labels.percent(overall.women_share))
        facts.append((labels["workshop.participants"], f"{labels.number(overall.total)} · {women}"))
    organizations = report.document.query(
        "SELECT count(DISTINCT organization_id) FROM participant WHERE organization_id IS NOT NULL")[0][0]
    if organizations:
        facts.append((labels["workshop.organizations"], labels.number(organizations)))
    story.append(key_value_table(facts, report.portrait_width, 40 * mm))
    story += subheading(f"{number}.1  {labels['workshop.participation']}", keep=200)
    if not overall.total:
        story.append(note(labels["workshop.no_participants"]))
    else:
        story += _participation(report, figures)
    story += subheading(f"{number}.2  {labels['workshop.agenda']}")
    story += agenda_summary(report)
    return story


def _participation(report: Report, figures) -> list[Flowable]:
    labels = report.labels
    found = styles()
    sexes = [sex for sex in v.SEXES if sex in ("female", "male") or figures.overall.counts[sex]]
    header = [labels["table.category"], *(labels.word("sex", sex) for sex in sexes), labels["table.total"],
              labels["table.women_share"]]
    rows = [[text.paragraph(title, found["header_right" if index else "header_cell"])
             for index, title in enumerate(header)]]
    chart_rows = []
    for group in figures.by_category:
        key = group.key  # the report prints in its own language, whatever the window's
        name = labels.word("category", key) if key else labels["table.no_organization"]
        rows.append([text.paragraph(name, found["cell"]), *(labels.number(group.counts[sex]) for sex in sexes),
                     labels.number(group.total), labels.percent(group.women_share)])
        chart_rows.append(ChartRow(labels.short_category(key) if key else labels["table.no_organization"],
                                   group.counts))
    overall = figures.overall
    rows.append([text.paragraph(labels["table.all"], found["cell_bold"]),
                 *(labels.number(overall.counts[sex]) for sex in sexes), labels.number(overall.total),
                 labels.percent(overall.women_share)])
    width = report.portrait_width
    numbers = len(sexes) + 2
    widths = table_widths(width, [0.34] + [0.66 / numbers] * numbers, header)
    last = len(rows) - 1
    table = sides.table(rows, widths, table_style(found["cell"], found["header_cell"], extra=[
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("FONTNAME", (1, last), (-1, last), found["cell_bold"].fontName),
        ("LINEABOVE", (0, last), (-1, last), 1, INK),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
    ]), repeatRows=1)
    legend = {sex: labels.word("sex", sex) for sex in sexes}
    chart = participation_chart(chart_rows, legend, width)
    return [table, spacer(12), chart, note(labels["workshop.chart_note"])]


def agenda_summary(report: Report) -> list[Flowable]:
    """Each day: its date and title, then the working sessions with their times (breaks and
    meals left out; parallel groups on one line)."""
    labels = report.labels
    found = styles()
    days = agenda_days(report.document)
    if not any(day.slots for day in days):
        return [note(labels["workshop.no_agenda"])]
    width = report.portrait_width
    titles = [labels["agenda.time"], labels["agenda.session"]]
    widths = table_widths(width, [0.16, 0.84], titles)
    rows: list[TableRow] = []
    for day in days:
        rows.append(day_row(day, labels, 2))
        for slot in day.slots:
            if slot.is_break:
                continue
            sessions = [session for session in slot.sessions if not session.is_break]
            if slot.parallel:
                pieces: list[Piece | str] = [Piece(labels.count("parallel", len(sessions)), muted=True)]
                for session in sessions:
                    pieces += ["\n", Piece("• ", muted=True), shortened(session.title, 160)]
                cell = rich(found["cell"], *pieces)
            else:
                cell = cell_text(shortened(sessions[0].title, 300), found["cell"], widths[1] - 6)
            rows.append(TableRow([slot.times, cell]))
        if not day.slots:
            rows.append(TableRow(["", text.paragraph(labels["agenda.no_sessions"], found["cell_muted"])]))
    return [paged_table(titles, rows, widths)]


def day_row(day: AgendaDay, labels: Labels, columns: int) -> TableRow:
    when = labels.long_date(day.date)
    name = labels.get("agenda.day", number=day.number) + (f" · {when}" if when else "")
    pieces: list[Piece | str] = [Piece(name, bold=True)]
    if day.title:
        pieces.append(Piece(" – " + shortened(day.title, 200)))
    return group_row("", columns, *pieces)
