"""The institutions that contributed to the plan, for the acknowledgements: every organization
with someone registered at the workshop, by category, by name."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf import text
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import styles, subheading
from workshop_app.models import vocabulary as v
from workshop_app.models.geography import sort_key
from workshop_app.models.stakeholders.listing import organization_rows


def contributing_institutions(report: Report) -> list[Flowable]:
    _ = report.labels.words
    rows = [row for row in organization_rows(report.document) if row.get("participants")]
    if not rows:
        return []
    found = styles()
    # Translators: a part of the plan's acknowledgements: the organizations that took part
    story = subheading(_("Contributing institutions"), keep=120)
    for category, label in v.ORGANIZATION_CATEGORIES.items():
        names = sorted((row["name"] for row in rows if row["category"] == category), key=sort_key)
        if names:
            story.append(text.paragraph(_(label), found["fact_label"]))
            story.append(text.paragraph(_.grouped(names), found["body"]))  # names may hold commas
    return story
