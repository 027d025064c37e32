"""Attendance per day for the participation part of the plan: how many of the people registered
signed in on each day of the workshop."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import paged_table, subheading
from workshop_app.models.stakeholders.attendance import attendance_by_day, days


def attendance_table(report: Report) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    present = attendance_by_day(report.document)
    if not any(present.values()):
        return []
    registered = report.document.count("participant")
    widths = column_widths(report.portrait_width, [1.2, 2.5, 1.3, 1.3])
    rows = [TableRow([_("Day {number}", number=number), labels.long_date(day["date"]) if day["date"] else "",
                      labels.number(len(present.get(day["id"], ()))),
                      labels.percent(len(present.get(day["id"], ())) / registered if registered else None)])
            for number, day in enumerate(days(report.document), start=1)]
    # Translators: a part of the plan's participation: how many people signed in on each day
    return [*subheading(_("Attendance per day"), keep=120),
            paged_table([_("Day"), _("Date"), _("Attended"), _("Of those registered")], rows, widths,
                        right={2, 3})]
