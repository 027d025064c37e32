"""The budget year by year and the costing by funding source and by year, one table per
currency (amounts in different currencies are never added): what each year costs and what is
secured for it, and who pays what, when, as the actions' funding sources record it. Both read the
printed version's snapshot, so a frozen version prints its own figures."""

from reportlab.platypus import Flowable

from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import note, paged_table, spacer, styles, subheading
from workshop_app.export.roadmap_pdf.table import cell_text
from workshop_app.models.plan.funding import costing_of
from workshop_app.models.roadmap.yearly import YearAmounts, cost_by_year_of


def _frozen(report: Report) -> dict:
    """The snapshot the report prints: its version's, or the current draft's."""
    frozen = report.roadmap.snapshot
    part = report.roadmap.part
    if part is not None:  # a handout: its group's part only, as the rest of its report
        frozen = {**frozen, "nodes": [node for node in frozen.get("nodes", []) if node["id"] in part],
                  "funding": [row for row in frozen.get("funding", []) if row["node_id"] in part]}
    return frozen


def year_by_year(report: Report) -> list[Flowable]:
    """Per currency: each year's estimated cost, the funding secured for it and the difference,
    with a total row that is the budget's totals per currency."""
    labels = report.labels
    _ = labels.words
    frozen = _frozen(report)
    table = cost_by_year_of(frozen.get("nodes", []), frozen.get("funding", []))
    if not table:
        return []
    # Translators: a part of the plan's budget: the estimated cost and the funding secured year by year
    story = subheading(_("Cost by year"), keep=160)
    titles = [_("Year"), labels["budget.cost"], labels["budget.secured"], labels["budget.gap"]]
    widths = column_widths(report.landscape_width, [1.2, 1, 1, 1])
    bold = styles()["cell_bold"]
    for index, (currency, years) in enumerate(table.items()):
        if index:
            story.append(spacer(10))
        rows = []
        for item in years:
            # Translators: a row of the budget by year: actions without a start and funding without a year
            year = str(item.year) if item.year is not None else _("No year")
            rows.append(TableRow([year, *_amounts(labels, item, currency)]))
        total = YearAmounts(None, sum(item.cost for item in years), sum(item.secured for item in years),
                            sum(item.to_fund for item in years))
        rows.append(TableRow([cell_text(_("Total"), bold, widths[0] - 12), *_amounts(labels, total, currency)]))
        story.append(paged_table(titles, rows, widths, right={1, 2, 3}))
        story += _disagreements(report, currency, total)
    # Translators: under the budget by year: how an action's cost is shared out over the years
    story.append(note(_("Each action's estimated cost is spread evenly over the quarters from its start to its end "
                        "(its start quarter alone when it has no end); an action without a start is counted "
                        "without a year. Funding secured is counted in the year its funding source gives; what "
                        "a year secures beyond its cost counts towards the years after it.")))
    return story


def _amounts(labels, item: YearAmounts, currency: str) -> list[str]:
    """Estimated cost, funding secured, and what the cost leaves to fund; a year with nothing
    secured shows its whole cost there."""
    return [labels.money(value, currency) for value in (item.cost, item.secured, item.to_fund)]


def _disagreements(report: Report, currency: str, total: YearAmounts) -> list[Flowable]:
    """A note where the totals of the years cannot be the totals per currency above: there,
    funding secured is each action's own figure, and an action's gap is never reduced by
    money secured beyond another action's cost."""
    labels = report.labels
    _ = labels.words
    overall = report.roadmap.overall.get(currency)
    secured = overall.funding_secured if overall is not None else 0.0
    gap = overall.gap if overall is not None else 0.0
    if abs(total.secured - secured) >= 0.005:
        # Translators: under the budget by year, when the funding sources and the actions' funding secured
        # differ; the amounts are sums of money ("USD 2,500")
        return [note(_("The actions' funding sources add up to {sources}; their funding secured, counted in the "
                       "totals per currency, to {secured}.", sources=labels.money(total.secured, currency),
                       secured=labels.money(secured, currency)))]
    if abs(total.to_fund - gap) >= 0.005:
        # Translators: under the budget by year, when money secured beyond one action's cost makes the total of
        # the years smaller than the funding gap; {gap} is a sum of money ("USD 2,500")
        return [note(_("The funding gap is {gap}: money secured beyond one action's cost does not fill another "
                       "action's gap.", gap=labels.money(gap, currency)))]
    return []


def funding_by_source(report: Report) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    frozen = _frozen(report)
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
