"""The plan itself, on landscape pages: the road-map matrix per outcome, the Gantt timeline, the
monitoring and evaluation framework, the budget per currency and the responsibilities matrix.

Long tables are ReportTables (styles.paged_table: rows never cut, header repeated on every page,
cells wrapped); plain one-line text stays a plain string cell, drawn far faster than a paragraph.
"""

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.fonts import needs_shaping
from workshop_app.export.pdf.lines import Piece, shortened
from workshop_app.export.pdf.page import SectionMark
from workshop_app.export.pdf.tables import TableRow, content_width, table_style
from workshop_app.export.roadmap_pdf.charts import (
    Amount,
    FundingRow,
    GanttChart,
    GanttRow,
    StatusChip,
    funding_chart,
)
from workshop_app.export.roadmap_pdf.content import Action, Organization, Outcome, tags
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.page import Bookmarked
from workshop_app.export.roadmap_pdf.styles import (
    FIELD_LIMIT,
    TITLE_LIMIT,
    boxed,
    group_row,
    header_cells,
    heading,
    note,
    paged_table,
    spacer,
    styles,
    subheading,
    table_widths,
)
from workshop_app.export.roadmap_pdf.table import ReportTable, cell_text, number_cell, rich
from workshop_app.export.stakeholders.participant_list import name_key
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.totals import CurrencyTotal
from workshop_app.models.roadmap.yearly import quarter_index

MATRIX_COLUMNS = (  # label key, share of the width
    ("col.code", 0.045), ("col.action", 0.31), ("col.lead", 0.085), ("col.partners", 0.20),
    ("col.timing", 0.08), ("col.status", 0.085), ("col.cost", 0.0975), ("col.gap", 0.0975),
)
GANTT_MIN_QUARTER = 24.0  # points: below this the timeline continues on further pages instead
GANTT_LABEL_SHARE = 0.40


def outcome_key(outcome: Outcome) -> str:
    return f"outcome-{outcome.code}"


# ---------------------------------------------------------------------- road map

def roadmap_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    roadmap = report.roadmap
    found = styles()
    story = heading(number, labels["section.roadmap"], "roadmap")
    for goal in roadmap.goals:
        if goal["title"].strip():
            box = [text.paragraph(labels["roadmap.goal"].upper(), found["goal_label"]),
                   text.paragraph(shortened(goal["title"], 800), found["goal"])]
            story += [boxed(box, report.landscape_width), spacer(10)]
    if not roadmap.outcomes:
        return story + [note(labels["roadmap.none"])]
    story.append(text.paragraph(labels["roadmap.intro"], found["body"]))
    story += subheading(labels["roadmap.overview"])
    story.append(_overview(report))
    story += report.table_notes()
    # An outcome starts a page only when less than a third of this one is left: a short outcome
    # must not leave a page two thirds empty before the next.
    room = report.landscape_height / 3 if report.landscape_height else None
    for outcome in roadmap.outcomes:
        mark = f"{number}  {labels['section.roadmap']} · {labels.get('roadmap.outcome', code=outcome.code)}"
        parts = _outcome(report, outcome)
        # Nor does an outcome's heading stay alone at the foot of a page: it starts a page when
        # its heading and first action do not fit either.
        needed = max(room, _opening_height(parts, report.landscape_width) + 14) if room else None
        story += [CondPageBreak(needed) if room else PageBreak(), SectionMark(mark),
                  spacer(14) if room else spacer(0), *parts]
    return story


def _opening_height(parts: list[Flowable], width: float) -> float:
    """The height of an outcome's heading and of its table's header, first output and first
    action with its details."""
    height = 0.0
    for part in parts:
        if isinstance(part, ReportTable):
            rows = part._row_heights()
            first = 2 + (len(part.rows) > 2 and part.rows[2].attached)
            return height + part._header() + sum(rows[:first])
        height += part.wrap(width, 1e6)[1] + part.getSpaceBefore() + part.getSpaceAfter()
    return height


def _overview(report: Report) -> Flowable:
    labels = report.labels
    found = styles()
    titles = [labels["col.code"], labels["col.outcome"], labels["roadmap.outputs"], labels["roadmap.actions"],
              labels["roadmap.cost"], labels["roadmap.gap"]]
    widths = table_widths(report.landscape_width, [0.06, 0.50, 0.08, 0.08, 0.14, 0.14], titles)
    rows = []
    for outcome in report.roadmap.outcomes:
        actions = [action for action in outcome.actions if action.counted]  # dropped ones are no longer planned
        rows.append(TableRow([
            outcome.code,
            cell_text(report.fit(outcome.title, TITLE_LIMIT, outcome.code), found["cell"], content_width(widths[1])),
            Amount(labels.number(len(outcome.outputs))), Amount(labels.number(len(actions))),
            _amounts(labels, outcome.totals, "cost"), _amounts(labels, outcome.totals, "gap"),
        ]))
    return paged_table(titles, rows, widths, right={2, 3, 4, 5})


def _amounts(labels, totals: dict[str, CurrencyTotal], field: str) -> Flowable | str:
    values = [labels.money(getattr(total, field), total.currency) for total in totals.values()
              if total.cost or total.funding_secured]
    return _AmountLines(values) if values else ""


class _AmountLines(Flowable):
    """Several amounts (one per currency), right-aligned one under the other."""

    def __init__(self, values: list[str]):
        super().__init__()
        self.parts = [Amount(value) for value in values]

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = sum(part.wrap(available_width, available_height)[1] for part in self.parts)
        return self.width, self.height

    def draw(self):
        y = self.height
        for part in self.parts:
            y -= part.wrap(self.width, 1e6)[1]
            part.drawOn(self.canv, 0, y)


def _outcome(report: Report, outcome: Outcome) -> list[Flowable]:
    labels = report.labels
    found = styles()
    title = text.clean(outcome.title)
    name = labels.get("roadmap.outcome", code=outcome.code)
    eyebrow = text.paragraph(name.upper(), found["outcome_eyebrow"])
    story: list[Flowable] = [
        Bookmarked(eyebrow, outcome_key(outcome), labels.labelled(name) + title, 1),
        text.paragraph(title, found["outcome"]),
    ]
    if outcome.node.get("description"):
        story += [text.paragraph(outcome.node["description"], found["body"])]
    counted = sum(1 for action in outcome.actions if action.counted)
    summary = [f"{labels.count('output', len(outcome.outputs))} · {labels.count('action', counted)}"]
    costed = [total for total in outcome.totals.values() if total.cost]
    costs = labels.words.grouped(labels.money(total.cost, total.currency) for total in costed)
    gaps = labels.words.grouped(labels.money(total.gap, total.currency) for total in costed)
    if costs:
        summary.append(labels.labelled(labels["roadmap.cost"]) + costs)
        summary.append(labels.labelled(labels["roadmap.gap"]) + gaps)
    story.append(text.paragraph(" · ".join(summary), found["summary"]))
    story.append(matrix(report, outcome))
    story += report.table_notes()
    return story


def matrix(report: Report, outcome: Outcome) -> Flowable:
    """The outcome's actions under their outputs: code, action, lead, partners, timing, status,
    cost and funding gap."""
    labels = report.labels
    found = styles()
    titles = [labels[key] for key, _ in MATRIX_COLUMNS]
    widths = table_widths(report.landscape_width, [share for _, share in MATRIX_COLUMNS], titles)
    inner = [content_width(width) for width in widths]
    cell = found["cell"]
    rows: list[TableRow] = []
    columns = len(MATRIX_COLUMNS)
    for output in outcome.outputs:
        rows.append(group_row("", columns, Piece(labels.get("roadmap.output", code=output.code) + "   ", bold=True),
                              report.fit(output.title, TITLE_LIMIT, output.code)))
        if not output.actions:
            rows.append(TableRow(["", text.paragraph(labels["roadmap.no_actions"], found["cell_muted"]),
                                  *[""] * (columns - 2)]))
        for action in output.actions:
            rows.append(TableRow(_action_cells(report, action, cell, inner)))
            details = _details(report, action)
            if details is not None:
                rows.append(TableRow(["", details, *[""] * (columns - 2)], span=1, attached=True))
    if not outcome.outputs:
        rows.append(TableRow(["", text.paragraph(labels["roadmap.no_actions"], found["cell_muted"]),
                              *[""] * (columns - 2)]))
    return paged_table(titles, rows, widths, right={6, 7})


def _details(report: Report, action: Action) -> Flowable | None:
    """What the workshop recorded of an action beyond the matrix's columns, under its row: the
    description, then scope, target 8.7 issues, pillars, Action Group, SDGs, gender marker and
    the comments, each after its label. Risks and assumptions have their own matrix."""
    labels = report.labels
    _ = labels.words
    node = action.node
    style = styles()["details_muted" if action.status == "dropped" else "details"]
    pieces: list[Piece | str] = []
    if node.get("description"):
        pieces.append(report.fit(node["description"], FIELD_LIMIT, f"{action.code}, {_('Description')}"))
    facts = []
    if node.get("geographic_scope"):
        facts.append((_("Geographic scope"), report.fit(node["geographic_scope"], 600,
                                                        f"{action.code}, {_('Geographic scope')}")))
    for label, key, names in ((_("Target 8.7 issues"), "issue_tags", v.ISSUE_TAGS),
                              (_("Pillars"), "pillar_tags", v.PILLAR_TAGS)):
        chosen = [_(names[tag]) for tag in tags(node, key) if tag in names]
        if chosen:
            facts.append((label, labels.words.listed(chosen)))
    if node.get("action_group") in v.ACTION_GROUPS:
        facts.append((_("Action Group"), _(v.ACTION_GROUPS[node["action_group"]])))
    goals = [number for number in tags(node, "sdgs") if number in v.RELATED_SDGS]
    if goals:
        # Translators: the Sustainable Development Goals an action serves, before their numbers ("SDGs: 8, 16")
        facts.append((_("SDGs"), labels.words.listed(str(number) for number in goals)))
    if node.get("gender_marker") in v.GENDER_MARKERS:
        facts.append((_("Gender marker"), _(v.GENDER_MARKERS[node["gender_marker"]])))
    if action.funding:
        # Who pays for the action, as its funding sources record it: "UNICEF USD 30,000 (2027)"
        funded = [f"{name} {labels.money(amount, action.currency)}" + (f" ({year})" if year else "")
                  for name, amount, year in action.funding]
        facts.append((_("Funding sources"), labels.words.grouped(funded)))
    for index, (label, value) in enumerate(facts):
        pieces += ["\n" if index == 0 and pieces else Piece("  ·  ", muted=True) if index else "",
                   Piece(labels.labelled(label), muted=True), value]
    if node.get("comments"):
        comments = report.fit(node["comments"], FIELD_LIMIT, f"{action.code}, {_('Comments')}")
        pieces += ["\n" if pieces else "", Piece(labels.labelled(_("Comments")), muted=True), comments]
    pieces = [piece for piece in pieces if piece and (not isinstance(piece, Piece) or piece.value)]
    return rich(style, *pieces) if pieces else None


def _action_cells(report: Report, action: Action, cell, inner: list[float]) -> list:
    labels = report.labels
    dropped = action.status == "dropped"
    style = styles()["cell_muted"] if dropped else cell
    lead = action.lead.short if action.lead else ""
    cost = labels.money(action.cost, action.currency) if action.cost is not None else None
    # A dropped action still shows what it was to cost, but no longer leaves a gap to fund.
    gap = labels.money(action.gap, action.currency) if action.gap is not None and not dropped else None
    return [
        action.code,
        cell_text(report.fit(action.title, TITLE_LIMIT, action.code), style, inner[1]),
        cell_text(shortened(lead, 160), style, inner[2]),
        _partners(action, labels, style, inner[3]),
        cell_text(labels.timing(action.start, action.end), style, inner[4]),
        StatusChip(action.status, labels.word("status", action.status)),
        Amount(cost, muted=dropped) if cost is not None else Amount(labels["not_costed"], muted=True, size=7.5),
        Amount(gap, muted=dropped, bold=bool(action.gap) and not dropped) if gap is not None else "",
    ]


PARTNERS_LIMIT = 500  # characters of partner names in one cell; more are counted ("+12 more")


def _partners(action: Action, labels, style, width: float):
    """'Support: KU, ILO' and 'Consulted: NBA, NHRC' lines, role names muted."""
    by_role: dict[str, list[Organization]] = {}
    for role, organization in action.partners:
        by_role.setdefault(role, []).append(organization)
    if not by_role:
        return ""
    if len(by_role) == 1 and len(action.partners) == 1:
        role, (organization,) = next(iter(by_role.items()))
        if role == "support":
            return cell_text(shortened(organization.short, 160), style, width)
    pieces: list[Piece | str] = []
    room = PARTNERS_LIMIT
    for role, organizations in by_role.items():
        names = [shortened(organization.short, 120) for organization in organizations]
        shown = []
        for name in names:
            if room - len(name) < 0 and shown:
                break
            shown.append(name)
            room -= len(name) + 2
        if not shown:
            continue
        if pieces:
            pieces.append("\n")
        pieces.append(Piece(labels.labelled(labels.word("partner_role", role)), muted=True))
        pieces.append(labels.words.listed(shown))
        if len(shown) < len(names):
            pieces.append(Piece(" " + labels.count("more", len(names) - len(shown)), muted=True))
    return rich(style, *pieces)


# ---------------------------------------------------------------------- timeline

def timeline_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    found = styles()
    story = heading(number, labels["section.timeline"], "timeline")
    actions = report.roadmap.actions
    dated = [(quarter_index(action.start), quarter_index(action.end)) for action in actions]
    known = [value for pair in dated for value in pair if value is not None]
    if not known:
        return story + [note(labels["timeline.none"])]
    story.append(text.paragraph(labels["timeline.intro"], found["body"]))
    first, last = min(known), max(known)
    first -= first % 4  # whole years
    last += 3 - last % 4
    width = report.landscape_width
    label_width = width * GANTT_LABEL_SHARE
    # Years per page: as many as fit at a legible width, never squeezed; a longer plan goes on
    # over further pages, the years shared out evenly, at the same scale on every page.
    most = max(1, int((width - label_width) // GANTT_MIN_QUARTER) // 4)
    years = (last + 1 - first) // 4
    pages = -(-years // most)
    windows, start = [], first
    for index in range(pages):
        span = years // pages + (1 if index < years % pages else 0)
        windows.append((start, start + 4 * span - 1))
        start += 4 * span
    quarter_width = (width - label_width) / (4 * (-(-years // pages)))
    legend = [(status, labels.word("status", status)) for status in v.ACTION_STATUSES]
    undated = []
    rows: list[GanttRow] = []
    text_width = label_width - GanttChart.CODE_WIDTH - 4
    for outcome in report.roadmap.outcomes:
        group_style, label_style = found["gantt_group"], found["gantt_label"]
        rows.append(GanttRow(outcome.code, cell_text(report.fit(outcome.title, 240, outcome.code), group_style,
                                                     text_width), group=True))
        for output in outcome.outputs:
            rows.append(GanttRow(output.code, cell_text(report.fit(output.title, 240, output.code), group_style,
                                                        text_width), subgroup=True))
            for action in output.actions:
                start, end = quarter_index(action.start), quarter_index(action.end)
                if start is None and end is None:
                    undated.append(action.code)
                rows.append(GanttRow(action.code, cell_text(report.fit(action.title, 200, action.code), label_style,
                                                            text_width),
                                     start=start, end=end, status=action.status))
    for index, (start, end) in enumerate(windows):
        if index:
            story.append(PageBreak())
        story.append(GanttChart(rows, start, end, label_width, legend, labels["timeline.quarter"],
                                found["gantt_label"], found["gantt_group"], quarter_width))
    if undated:
        story.append(note(labels.get("timeline.undated", codes=labels.words.listed(undated))))
    return story + report.table_notes()


# ---------------------------------------------------------------------- monitoring and evaluation

ME_COLUMNS = (("col.code", 0.045), ("me.indicator", 0.225), ("me.unit", 0.08), ("me.baseline", 0.11),
              ("me.target", 0.10), ("me.disaggregation", 0.125), ("me.verification", 0.14),
              ("me.collected_by", 0.095), ("me.frequency", 0.08))


def monitoring_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    found = styles()
    story = heading(number, labels["section.monitoring"], "monitoring")
    outcomes = report.roadmap.outcomes
    if not any(outcome.indicators or any(output.indicators for output in outcome.outputs) for outcome in outcomes):
        return story + [note(labels["me.none"])]
    story.append(text.paragraph(labels["me.intro"], found["body"]))
    titles = [labels[key] for key, _ in ME_COLUMNS]
    widths = table_widths(report.landscape_width, [share for _, share in ME_COLUMNS], titles)
    inner = [content_width(width) for width in widths]
    cell = found["cell"]
    rows: list[TableRow] = []
    for outcome in outcomes:
        measured = [(outcome.code, outcome.indicators)] + [(output.code, output.indicators)
                                                           for output in outcome.outputs]
        if not any(indicators for _, indicators in measured):
            continue
        rows.append(group_row("", len(ME_COLUMNS),
                              Piece(labels.get("roadmap.outcome", code=outcome.code) + "   ", bold=True),
                              report.fit(outcome.title, TITLE_LIMIT, outcome.code)))
        for code, indicators in measured:
            for indicator in indicators:
                where = [f"{code}, {title}" for title in titles]
                rows.append(TableRow([
                    code,
                    cell_text(report.fit(indicator["title"], 800, where[1]), cell, inner[1]),
                    cell_text(report.fit(indicator["unit"], 160, where[2]), cell, inner[2]),
                    _with_year(report.fit(indicator["baseline_value"], 300, where[3]), indicator["baseline_year"],
                               cell, inner[3]),
                    _with_year(report.fit(indicator["target_value"], 300, where[4]), indicator["target_year"],
                               cell, inner[4]),
                    cell_text(report.fit(indicator["disaggregation"], 400, where[5]), cell, inner[5]),
                    cell_text(report.fit(indicator["means_of_verification"], 400, where[6]), cell, inner[6]),
                    cell_text(report.fit(indicator["collected_by"], 200, where[7]), cell, inner[7]),
                    cell_text(report.fit(indicator["frequency"], 120, where[8]), cell, inner[8]),
                ]))
    story.append(paged_table(titles, rows, widths))
    return story + report.table_notes()


def _with_year(value: str, year: int | None, style, width: float):
    if not year:
        return cell_text(value, style, width)
    if not value:
        return str(year)
    return rich(style, value + " ", Piece(f"({year})", muted=True))


# ---------------------------------------------------------------------- budget

def budget_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    found = styles()
    roadmap = report.roadmap
    story = heading(number, labels["section.budget"], "budget")
    story.append(text.paragraph(labels["budget.intro"], found["body"]))
    overall = roadmap.overall
    if not any(total.cost for total in overall.values()):
        return story + [note(labels["budget.none"])]
    width = report.landscape_width
    titles = [labels["budget.currency"], labels["budget.actions"], labels["budget.cost"], labels["budget.secured"],
              labels["budget.gap"], labels["budget.funded"], labels["budget.uncosted"]]
    # The totals on the left, the funding bars beside them.
    table_width = width * 0.58
    widths = table_widths(table_width, [0.15, 0.10, 0.18, 0.18, 0.17, 0.11, 0.11], titles)
    rows = [header_cells(titles, right={1, 2, 3, 4, 5, 6})]
    for total in overall.values():
        cells = _total_cells(labels, total)
        rows.append([cells[0], *(number_cell(cell, found["cell_right"], content_width(column))
                                 for cell, column in zip(cells[1:], widths[1:]))])
    table = sides.table(rows, colWidths=widths, style=table_style(found["cell"], found["header_cell"], extra=[
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("FONTNAME", (0, 1), (0, -1), found["cell_bold"].fontName)]))
    chart_width = width - table_width - 24
    chart_rows = [FundingRow(total.currency or labels["budget.no_currency"], total.cost, total.cost - total.gap,
                             _caption(labels, total))
                  for total in overall.values() if total.cost]
    side_by_side = sides.table([[table, [funding_chart(chart_rows, chart_width), note(labels["budget.chart_note"])]]],
                               colWidths=[table_width + 24, chart_width], style=[
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, 0), 24), ("RIGHTPADDING", (1, 0), (1, 0), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                   ("FONTNAME", (0, 0), (-1, -1), found["cell"].fontName)])
    story += subheading(labels["budget.overall"])
    story.append(side_by_side)
    # Per outcome, each currency on its own line.
    titles = [labels["col.code"], labels["col.outcome"], *titles]
    widths = table_widths(width, [0.045, 0.325, 0.09, 0.06, 0.12, 0.12, 0.12, 0.06, 0.06], titles)
    per_outcome: list[TableRow] = []
    for outcome in roadmap.outcomes:
        totals = [total for total in outcome.totals.values()]
        if not totals:
            continue
        for index, total in enumerate(totals):
            head = [outcome.code, cell_text(report.fit(outcome.title, TITLE_LIMIT, outcome.code), found["cell"],
                                            content_width(widths[1]))] if index == 0 else ["", ""]
            per_outcome.append(TableRow([*head, *_total_cells(labels, total, amounts=True,
                                                              width=content_width(widths[2]))]))
    story += subheading(labels["budget.per_outcome"])
    story.append(paged_table(titles, per_outcome, widths, right={3, 4, 5, 6, 7, 8}))
    return story + report.table_notes()


def _total_cells(labels, total: CurrencyTotal, *, amounts: bool = False, width: float = 0) -> list:
    share = (total.cost - total.gap) / total.cost if total.cost else None
    costed = total.actions > total.uncosted

    def amount(value: float) -> str:
        return labels.number(value) if costed or value else "–"

    values = [total.currency or labels["budget.no_currency"], labels.number(total.actions), amount(total.cost),
              amount(total.funding_secured), amount(total.gap), labels.percent(share),
              labels.number(total.uncosted) if total.uncosted else "–"]
    if amounts:
        return [cell_text(values[0], styles()["cell"], width), *(Amount(value) for value in values[1:])]
    # A plain string in reportlab's table unless its script needs shaping ("(no currency)" in Arabic).
    name = text.paragraph(values[0], styles()["cell_bold"]) if needs_shaping(values[0]) else values[0]
    return [name, *values[1:]]


def _caption(labels, total: CurrencyTotal) -> str:
    secured = total.cost - total.gap
    share = labels.percent(secured / total.cost if total.cost else None)
    return labels.get("budget.caption", secured=labels.money(secured, total.currency),
                      cost=labels.money(total.cost, total.currency), share=share,
                      gap=labels.money(total.gap, total.currency))


# ---------------------------------------------------------------------- responsibilities

RESPONSIBILITY_ROLES = ("lead", "support", "funder", "consulted", "informed")


def responsibilities_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    found = styles()
    story = heading(number, labels["section.responsibilities"], "responsibilities")
    by_organization: dict[str, dict[str, list[str]]] = {}
    organizations: dict[str, Organization] = {}
    for action in report.roadmap.actions:
        if action.lead is not None:
            organizations[action.lead.id] = action.lead
            _add(by_organization, action.lead.id, "lead", action.code)
        for role, organization in action.partners:
            organizations[organization.id] = organization
            _add(by_organization, organization.id, role, action.code)
    if not by_organization:
        return story + [note(labels["resp.none"])]
    story.append(text.paragraph(labels["resp.intro"], found["body"]))
    titles = [labels["resp.organization"], *(labels.word("partner_role", role) for role in RESPONSIBILITY_ROLES)]
    widths = table_widths(report.landscape_width, [0.27, 0.19, 0.19, 0.11, 0.13, 0.11], titles)
    inner = [content_width(width) for width in widths]
    cell = found["cell"]
    rows = []
    for organization_id in sorted(by_organization, key=lambda oid: (name_key(organizations[oid].name),
                                                                     organizations[oid].name)):
        roles = by_organization[organization_id]
        cells = [cell_text(shortened(organizations[organization_id].full, 300), cell, inner[0])]
        for index, role in enumerate(RESPONSIBILITY_ROLES, start=1):
            cells.append(cell_text(_code_ranges(roles.get(role, []), labels), cell, inner[index]))
        rows.append(TableRow(cells))
    story.append(paged_table(titles, rows, widths))
    return story


CODES_LIMIT = 600  # characters of action codes in one cell


def _code_ranges(codes: list[str], labels) -> str:
    """'1.1.1–1.1.4, 2.3.1': actions that follow one another in an output as one range."""
    parts: list[list[str]] = []
    for code in dict.fromkeys(codes):
        if parts and _follows(parts[-1][-1], code):
            parts[-1].append(code)
        else:
            parts.append([code])
    texts = [run[0] if len(run) == 1 else labels.words.listed(run) if len(run) == 2 else f"{run[0]}–{run[-1]}"
             for run in parts]
    shown, used = [], 0
    for index, part in enumerate(texts):
        if used + len(part) > CODES_LIMIT and shown:
            rest = sum(len(run) for run in parts[index:])
            return labels.words.listed(shown) + " " + labels.count("more", rest)
        shown.append(part)
        used += len(part) + 2
    return labels.words.listed(shown)


def _follows(previous: str, code: str) -> bool:
    head, _, last = previous.rpartition(".")
    other_head, _, other_last = code.rpartition(".")
    return head == other_head and last.isdigit() and other_last.isdigit() and int(other_last) == int(last) + 1


def _add(found: dict, organization_id: str, role: str, code: str) -> None:
    found.setdefault(organization_id, {}).setdefault(role, []).append(code)
