"""The road-map PDF: the publication that leaves the workshop for the ministry, the national
technical committee and the Alliance 8.7 Global Coordinating Group.

    cover           country, title, dates, venue, version, optional logo; "pathfinder country"
                    only for one
    endorsement     who validated the plan and by which decision, signature blocks
    foreword        the country's own words
    contents        every section and every outcome, with their pages; the same in the PDF outline
    1 Acronyms      the organizations' and the facilitator's
    2 Summary       the country's summary, the plan in figures and the first year's priorities
    3 Definitions   the international standards (C29 and its Protocol, C138, C182, Palermo), national law
    4 Context       objectives, national context, reference figures with their year and source
    5 Framework     the legal and institutional framework, as the country writes it
    6 The road map  per outcome, a landscape matrix of its outputs and actions
    7 Timeline      a Gantt chart by quarter, bars coloured by status, continued over pages
    8 Arrangements  implementation and coordination
    9 M&E           indicators with baseline and target
    10 Risks        each action's risks and assumptions
    11 Budget       totals per currency (never added across currencies) with the funding gap, the
                    cost and funding secured by year, then the funding by source and by year
    12 Cross-cutting  actions and cost by pillar, Action Group and gender marker
    13 Responsibilities  who leads, supports, funds, is consulted or informed, per organization
    14 The workshop facts, participation by organization category and sex (table and chart), agenda,
                    attendance per day
    15 Acknowledgements
    Annexes         participants (contact details only when chosen), agenda, open plenary comments

The country's texts print where written; an empty one prints a box saying what goes there in a
draft, and is left out of a validated version.

Every page carries the workshop title and section, the version and "Page x of y"; a "DRAFT"
watermark crosses every page unless the exported version is marked validated. Labels, numbers
and dates are in the export's language (`lang`: English, French, Spanish or Arabic); user text
prints as typed, in its own script. In Arabic the pages read from the right: the cover, the
tables, the charts and the timeline are mirrored (see pdf.sides).

Rendering: the pages (page), the front matter (front), the plan (plan), the national action
plan's own sections (action_plan), the annexes (annexes), drawings (charts), the road map read
from one snapshot (content) and the words (labels).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from workshop_app.export.errors import ExportError
from workshop_app.export.files import written_atomically
from workshop_app.export.pdf import sides
from workshop_app.export.pdf.page import PAPER_SIZES, SectionMark
from workshop_app.export.roadmap_pdf.action_plan.acronyms import acronyms_section
from workshop_app.export.roadmap_pdf.action_plan.contributors import contributing_institutions
from workshop_app.export.roadmap_pdf.action_plan.costing import funding_by_source, year_by_year
from workshop_app.export.roadmap_pdf.action_plan.country_texts import country_part, country_section, is_printed, title
from workshop_app.export.roadmap_pdf.action_plan.crosscutting import crosscutting_section
from workshop_app.export.roadmap_pdf.action_plan.definitions import definitions_section
from workshop_app.export.roadmap_pdf.action_plan.endorsement import endorsement_page
from workshop_app.export.roadmap_pdf.action_plan.figures import figure_tiles
from workshop_app.export.roadmap_pdf.action_plan.milestones import milestones, targets_by_year
from workshop_app.export.roadmap_pdf.action_plan.participation import attendance_table
from workshop_app.export.roadmap_pdf.action_plan.risks import risks_section
from workshop_app.export.roadmap_pdf.action_plan.summary import summary_section
from workshop_app.export.roadmap_pdf.annexes import agenda_annex, comments_annex, open_comments, participants_annex
from workshop_app.export.roadmap_pdf.content import roadmap_content
from workshop_app.export.roadmap_pdf.front import (
    Report,
    contents,
    context,
    cover,
    draw_cover,
    load_logo,
    workshop_section,
)
from workshop_app.export.roadmap_pdf.labels import Labels
from workshop_app.export.roadmap_pdf.page import RoadmapDocTemplate
from workshop_app.export.roadmap_pdf.plan import (
    budget_section,
    monitoring_section,
    outcome_key,
    responsibilities_section,
    roadmap_section,
    timeline_section,
)
from workshop_app.export.roadmap_pdf.styles import heading, subheading
from workshop_app.export.words import Words, export_language
from workshop_app.i18n.catalogs import _
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError

# Sections in the order a national action plan prints them. The front matter comes before the
# contents, unnumbered; "global" is the reference figures inside the context.
FRONT = ("endorsement", "foreword")
MAIN_SECTIONS = ("acronyms", "summary", "definitions", "context", "global", "framework", "roadmap", "timeline",
                 "arrangements", "monitoring", "risks", "budget", "crosscutting", "responsibilities", "workshop",
                 "acknowledgements")
ANNEXES = ("participants", "agenda", "comments")
SECTIONS = FRONT + MAIN_SECTIONS + ANNEXES
LANDSCAPE = frozenset({"roadmap", "timeline", "monitoring", "risks", "budget", "responsibilities"})
# Sections whose words only the country can write (vocabulary.PLAN_TEXTS): left out of a validated
# version while empty.
COUNTRY_TEXTS = ("endorsement", "foreword", "summary", "framework", "arrangements", "acknowledgements")


@dataclass
class Entry:
    """A line of the contents and an outline entry; sections (level 0) build their pages."""
    number: str  # "3", "Annex A", "" for an outcome
    title: str
    key: str  # the bookmark
    level: int = 0
    landscape: bool = False
    build: Callable[[], list[Flowable]] | None = None


def write_roadmap_pdf(document: WorkshopDocument, path: Path | str, *, version: str | None = None,
                      paper: str = "A4", lang: str | None = None, include_contacts: bool = False,
                      sections: Iterable[str] | str | None = None, logo: Path | str | None = None) -> None:
    """Write the road-map report to `path` (replaced only when complete).

    `version`: the name (or id) of a frozen version to print; None prints the current draft.
    Without a validated version every page carries a "DRAFT" watermark.
    `paper`: "A4" or "Letter". `lang`: the language of the labels, numbers and dates ("en",
    "fr", "es", "ar"; others print in English); by default the workshop's first working language
    the program speaks. `include_contacts`: print participants' e-mail and phone (off: privacy).
    `sections`: the sections to print (see SECTIONS; default all); cover and contents always.
    `logo`: a PNG or JPEG printed on the cover.

    Raises ExportError for an unknown version, paper or section, an unreadable logo, or a target
    that cannot be written; nothing is left behind then."""
    path = Path(path)
    if paper not in PAPER_SIZES:
        raise ExportError(path, _("the paper must be A4 or Letter, not '{paper}'").format(paper=paper))
    chosen = _chosen_sections(path, sections)
    labels = Labels(Words(export_language(document, lang)))
    try:
        roadmap = roadmap_content(document, version)
        logo_image = load_logo(logo)
    except (WorkshopError, ValueError) as error:
        raise ExportError(path, str(error)) from None
    workshop = document.workshop()
    comments = open_comments(document) if "comments" in chosen else []
    with written_atomically(path) as temporary, sides.reading(labels.words):
        report = Report(document, workshop, labels, roadmap, 0, 0, include_contacts, logo_image)
        template = RoadmapDocTemplate(
            str(temporary), workshop_title=workshop["title"], kind=labels["kind"], paper=paper,
            page_label=labels["page"], footer=_footer(report), watermark=None if roadmap.validated else labels["draft"],
            cover=draw_cover(report),
            footer_details=[report.country(), labels.date_range(workshop["start_date"], workshop["end_date"])],
        )
        report.portrait_width = template.portrait_width
        report.landscape_width = template.landscape_width
        report.landscape_height = template.landscape_height
        entries = _entries(report, chosen, comments)
        report.contents = [(entry.number, entry.title, entry.key, entry.level) for entry in entries]
        story: list[Flowable] = [*cover(report)]
        front = [entry for entry in entries if entry.key in FRONT]
        for entry in front:
            story += [NextPageTemplate("portrait"), PageBreak(), SectionMark(entry.title), *entry.build()]
        story += [NextPageTemplate("portrait"), PageBreak(), SectionMark(labels["contents"]), *contents(report)]
        for entry in entries[len(front):]:
            if entry.build is not None:
                story += [NextPageTemplate("landscape" if entry.landscape else "portrait"), PageBreak(),
                          SectionMark(f"{entry.number}  {entry.title}".strip()), *entry.build()]
        template.build(story)


def _chosen_sections(path: Path, sections: Iterable[str] | str | None) -> set[str]:
    if sections is None:
        return set(SECTIONS)
    if isinstance(sections, str):
        sections = [part.strip() for part in sections.split(",") if part.strip()]
    chosen = {str(section).strip().lower() for section in sections}
    unknown = chosen - set(SECTIONS)
    if unknown:
        raise ExportError(path, _("there is no section '{section}'; choose from: {sections}").format(
            section=sorted(unknown)[0], sections=", ".join(SECTIONS)))
    return chosen


def _footer(report: Report) -> str:
    labels = report.labels
    version = report.roadmap.version
    if version is None:
        return labels["footer.draft"]
    footer = labels.get("footer.version", name=version.name)
    return footer if version.validated else f"{footer} · {labels['footer.draft']}"


def _entries(report: Report, chosen: set[str], comments: list[dict]) -> list[Entry]:
    """The contents in print order: the front matter, numbered sections (each outcome under the
    road map), then the annexes lettered A, B, C. A section only the country can write is left
    out of a validated version while it is empty; a draft prints it with a box to complete."""
    labels = report.labels
    builders: dict[str, Callable[[str], list[Flowable]]] = {
        "endorsement": lambda n: endorsement_page(report, n),
        "acronyms": lambda n: acronyms_section(report, n),
        "summary": lambda n: summary_section(report, n),
        "definitions": lambda n: definitions_section(report, n),
        "context": lambda n: _context(report, n, chosen),
        "roadmap": lambda n: roadmap_section(report, n),
        "timeline": lambda n: timeline_section(report, n),
        "monitoring": lambda n: [*monitoring_section(report, n), *targets_by_year(report), *milestones(report),
                                 *country_part(report, labels["me.reporting"], "monitoring")],
        "risks": lambda n: risks_section(report, n),
        "budget": lambda n: [*budget_section(report, n), *year_by_year(report), *funding_by_source(report)],
        "crosscutting": lambda n: crosscutting_section(report, n),
        "responsibilities": lambda n: responsibilities_section(report, n),
        "workshop": lambda n: [*workshop_section(report, n), *attendance_table(report)],
        "participants": lambda n: participants_annex(report, n),
        "agenda": lambda n: agenda_annex(report, n),
        "comments": lambda n: comments_annex(report, n, comments),
    }
    for key in ("foreword", "framework", "arrangements"):
        builders[key] = (lambda section: lambda n: country_section(report, n, section, section))(key)
    builders["acknowledgements"] = lambda n: [*country_section(report, n, "acknowledgements", "acknowledgements"),
                                              *contributing_institutions(report)]
    if "global" in chosen:  # the reference figures alone still print under "Context"
        chosen = chosen | {"context"}
    entries: list[Entry] = []
    numbers = iter(range(1, len(SECTIONS) + 1))
    letters = iter(labels["annex.letters"])
    for key in SECTIONS:
        if key == "global" or key not in chosen or (key == "comments" and not comments):
            continue
        if key in COUNTRY_TEXTS and not is_printed(report, key):
            continue
        if key in FRONT:
            number = ""
        else:
            number = str(next(numbers)) if key in MAIN_SECTIONS else labels.get("annex", letter=next(letters))
        entries.append(Entry(number, _title(report, key), key, 0, key in LANDSCAPE,
                             (lambda build, n: lambda: build(n))(builders[key], number)))
        if key == "roadmap":
            for outcome in report.roadmap.outcomes:
                label = labels.get("roadmap.outcome", code=outcome.code)
                entries.append(Entry("", labels.labelled(label) + " ".join(outcome.title.split()),
                                     outcome_key(outcome), 1))
    return entries


def _title(report: Report, key: str) -> str:
    if key in COUNTRY_TEXTS:
        return title(report, key)
    return report.labels[f"section.{key}"]


def _context(report: Report, number: str, chosen: set[str]) -> list[Flowable]:
    """Objectives and national context, then the reference figures with their years and sources."""
    labels = report.labels
    story = context(report, number) if "context" in chosen - {"global"} or "global" not in chosen else \
        heading(number, labels["section.context"], "context")
    if "global" in chosen:
        story += subheading(f"{number}.3  {labels['context.global']}", keep=220)
        story += figure_tiles(report)
    return story
