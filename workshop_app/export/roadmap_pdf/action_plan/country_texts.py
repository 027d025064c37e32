"""The sections only the country can write (foreword, framework, arrangements, monitoring,
acknowledgements...), printed from the workshop's texts. An empty one prints a visible
"to be completed" box, with what belongs there, in a draft; a validated version leaves it out."""

from reportlab.lib import colors
from reportlab.platypus import Flowable

from workshop_app.export.pdf import text
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import boxed, heading, paragraphs, styles, subheading
from workshop_app.models import vocabulary as v

TO_COMPLETE_FILL = colors.HexColor("#fff4e5")
TO_COMPLETE_BAR = colors.HexColor("#E69F00")


def written(report: Report, section: str) -> str:
    """The section's text as the printed version keeps it."""
    return (report.roadmap.plan.get("texts", {}).get(section) or "").strip()


def is_printed(report: Report, section: str) -> bool:
    """A section prints when it has text, or as a box to complete while the plan is a draft."""
    return bool(written(report, section)) or not report.roadmap.validated


def country_section(report: Report, number: str, section: str, key: str) -> list[Flowable]:
    """A whole section: its heading, then the country's text or the box to complete."""
    return [*heading(number, title(report, section), key), *country_text(report, section)]


def country_part(report: Report, heading_text: str, section: str) -> list[Flowable]:
    """The same text as a part of a larger section, under a subheading."""
    if not is_printed(report, section):
        return []
    return [*subheading(heading_text), *country_text(report, section)]


def country_text(report: Report, section: str) -> list[Flowable]:
    found = written(report, section)
    if found:
        return paragraphs(found)
    return [to_be_completed(report, section)]


def title(report: Report, section: str) -> str:
    return report.labels.words(v.PLAN_TEXTS[section][0])


def to_be_completed(report: Report, section: str) -> Flowable:
    """The box a draft prints where the country's text is still missing: what goes there, and
    where in the program it is written."""
    _ = report.labels.words
    found = styles()
    # Translators: printed in a draft where a section of the plan has no text yet
    lines = [text.paragraph(_("To be completed"), found["fact_label"]),
             text.paragraph(_(v.PLAN_TEXTS[section][1]), found["body"]),
             # Translators: where the text of a section of the plan is written in the program
             text.paragraph(_("Written on the Overview page, under “National action plan”."), found["note"])]
    return boxed(lines, report.portrait_width, fill=TO_COMPLETE_FILL, bar=TO_COMPLETE_BAR)
