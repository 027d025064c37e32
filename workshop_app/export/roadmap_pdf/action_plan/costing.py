"""The costing by funding source and by year, one table per currency (amounts in different
currencies are never added): who pays what, when, as the actions' funding sources record it."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import note, paged_table, styles, subheading
from workshop_app.export.roadmap_pdf.table import cell_text
from workshop_app.models.plan.funding import costing_of
from workshop_app.models.roadmap.versions import snapshot


def funding_by_source(report: Report) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    version = report.roadmap.version
    frozen = snapshot(report.document, version.name if version is not None else None)
    dropped = {node["id"] for node in frozen["nodes"] if node.get("status") == "dropped"}
    table = costing_of(frozen.get("funding", []), frozen.get("organizations", {}), dropped)
    # Translators: a part of the plan's budget: the money by funding source and by year
    story = subheading(_("Funding by source and year"), keep=160)
    if not table:
        # Translators: the plan's budget when no action records where its money comes from
        return story + [note(_("No action records its funding sources yet."))]
    cell, bold = styles()["cell"], styles()["cell_bold"]
    for currency in sorted(table):
        sources = table[currency]
        years = sorted({year for amounts in sources.values() for year in amounts if year is not None})
        undated = any(None in amounts for amounts in sources.values())
        # Translators: the header of the column of funding without a year
        titles = [_("Source"), *map(str, years), *([_("No year")] if undated else []), _("Total")]
        widths = column_widths(report.landscape_width, [2.5] + [1] * (len(titles) - 1))
        rows = []
        for name in sorted(sources, key=lambda name: -sum(sources[name].values())):
            amounts = sources[name]
            row = [cell_text(name, cell, widths[0] - 12)]
            row += [labels.money(amounts[year], currency) if year in amounts else "" for year in years]
            if undated:
                row.append(labels.money(amounts[None], currency) if None in amounts else "")
            row.append(labels.money(sum(amounts.values()), currency))
            rows.append(TableRow(row))
        totals = [cell_text(_("Total"), bold, widths[0] - 12)]
        totals += [labels.money(sum(amounts.get(year, 0) for amounts in sources.values()), currency)
                   for year in years]
        if undated:
            totals.append(labels.money(sum(amounts.get(None, 0) for amounts in sources.values()), currency))
        totals.append(labels.money(sum(sum(amounts.values()) for amounts in sources.values()), currency))
        rows.append(TableRow(totals))
        story.append(paged_table(titles, rows, widths, right=set(range(1, len(titles)))))
    return story
