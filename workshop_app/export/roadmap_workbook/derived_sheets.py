"""The sheets worked out from the road map, never read back: "Responsibilities" (actions ×
organizations), "Budget" (per outcome and currency, never adding two currencies) and "Summary"
(the road map in figures, and how to send changes back). Every word of theirs is in the export's
language; they are never read back.
"""

import math
from collections import Counter

from openpyxl.worksheet.properties import Outline

from workshop_app import __version__
from workshop_app.export.roadmap_workbook.contents import Contents
from workshop_app.export.roadmap_workbook.rows import (
    LETTERS,
    LEVEL_FILLS,
    LEVEL_INDENT,
    LEVEL_OUTLINE,
    CellStyles,
    SheetData,
    header_row,
    lines_needed,
    row_height,
)
from workshop_app.export.workbook.styles import HEADER_COLOR, LINE_HEIGHT, MUTED_COLOR, print_setup
from workshop_app.i18n.catalogs import N_
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.totals import CurrencyTotal, currency_of
from workshop_app.models.roadmap.workbook.columns import role_word

# ---------------------------------------------------------------------------------- Responsibilities

_CATEGORY_ORDER = {key: index for index, key in enumerate(v.ORGANIZATION_CATEGORIES)}
_ROLE_FILLS = {"lead": "1F4E79", "support": "9DC3E6", "consulted": "DDEBF7", "informed": "EDEDED", "funder": "FCE4D6"}


def write_responsibilities(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    roles: dict[str, dict[str, str]] = {}
    for record in contents.actions():
        found = dict(record["partners"])
        if record.get("lead_organization_id"):
            found[record["lead_organization_id"]] = "lead"
        roles[record["id"]] = found
    involved = {organization for found in roles.values() for organization in found}
    categories = {row["id"]: row["category"] for row in contents.organizations}
    organizations = sorted(involved, key=lambda oid: (_CATEGORY_ORDER.get(categories.get(oid), 99),
                                                      contents.names.short(oid).casefold()))
    headers = [_("Code"), _("Action"), *(contents.names.short(oid) for oid in organizations)]
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 48
    for index in range(2, len(headers)):
        sheet.column_dimensions[LETTERS[index]].width = 9.5
    longest = max([0, *(len(header) for header in headers[2:])])
    header_height = min(max(60, math.ceil(longest / 2) * 7 + 12), 200)

    data = SheetData(styles)
    header_row(data, headers, rotate=set(range(2, len(headers))), height=header_height)
    role_looks = {role: styles.get(fill=fill, halign="center", bold=role == "lead",
                                   color="FFFFFF" if role == "lead" else None)
                  for role, fill in _ROLE_FILLS.items()}
    plain, wrapped = styles.get(), styles.get(wrap=True)
    for node_id in contents.order:
        record = contents.nodes[node_id]
        level = record["level"]
        if level == "goal":
            continue
        if level != "action":
            fill = LEVEL_FILLS[level]
            bold = styles.get(bold=True, fill=fill)
            title = styles.get(bold=True, fill=fill, wrap=True, indent=LEVEL_INDENT[level])
            empty = styles.get(fill=fill)
            cells = [(record["code"], bold), (record["title"], title), *[(None, empty)] * len(organizations)]
            data.add(cells, height=row_height([None, record["title"]], [8, 48], [False, True], bold=True),
                     outline=LEVEL_OUTLINE[level])
            continue
        found = roles[node_id]
        cells = [(record["code"], plain), (record["title"], wrapped)]
        for organization in organizations:
            role = found.get(organization)
            cells.append((_(v.PARTNER_ROLES[role]), role_looks[role]) if role else None)
        data.add(cells, height=row_height([None, record["title"]], [8, 48], [False, True]), outline=2)
    last = max(data.row, 2)
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{LETTERS[max(len(headers), 2) - 1]}{last}"
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:B"
    sheet.sheet_properties.outlinePr = Outline(summaryBelow=False, summaryRight=True)
    sheet.sheet_format.outlineLevelRow = 2
    print_setup(sheet, contents.title_text(), fit_width=max(1, math.ceil(len(organizations) / 24)),
                country=contents.workshop["country"])
    sheet.print_options.gridLines = True
    return data


# ---------------------------------------------------------------------------------- Budget

def _currency_totals(records) -> dict[str, CurrencyTotal]:
    found: dict[str, CurrencyTotal] = {}
    for record in records:
        if record["status"] == "dropped":
            continue
        key = currency_of(record)
        found.setdefault(key, CurrencyTotal(key)).add(record)
    return {key: found[key] for key in sorted(found, key=lambda key: (key == "", key))}


_BUDGET_HEADERS = (N_("Code"), N_("Outcome"), N_("Currency"), N_("Actions"), N_("Not costed"), N_("Cost"),
                   N_("Funding secured"), N_("Funding gap"),
                   # Translators: a column header: the share of the cost that is funded.
                   N_("Secured"))
NO_CURRENCY = N_("(no currency)")
NOT_KNOWN = "–"  # in a text column; a number column leaves an amount it cannot know empty, never 0


def write_budget(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    by_outcome: dict[str, list[dict]] = {}
    for record in contents.actions():
        by_outcome.setdefault(contents.outcome_of.get(record["id"]), []).append(record)
    for letter, width in zip("ABCDEFGHI", (7, 50, 14, 9, 9, 15, 15, 15, 9)):
        sheet.column_dimensions[letter].width = width
    data = SheetData(styles)
    header_row(data, [_(header) for header in _BUDGET_HEADERS], {3, 4, 5, 6, 7, 8})

    def looks(*, bold=False, top=False) -> dict[str, int]:
        return {"text": styles.get(bold=bold, top=top), "title": styles.get(bold=bold, top=top, wrap=True),
                "count": styles.get(bold=bold, top=top), "money": styles.get(bold=bold, top=top, number_format="#,##0"),
                "share": styles.get(bold=bold, top=top, number_format="0%"),
                "unknown": styles.get(bold=bold, top=top, halign="right")}

    def line(code, title, currency, total: CurrencyTotal | None, look: dict[str, int]) -> list:
        if total is None:
            return [(code, look["text"]), (title, look["title"]), (NOT_KNOWN, look["text"]), (0, look["count"]),
                    *((None, look["text"]) for _column in range(5))]
        costed = total.actions > total.uncosted
        money = (lambda amount: (amount, look["money"])) if costed else (lambda amount: (None, look["unknown"]))
        secured = total.funding_secured / total.cost if total.cost else None
        return [(code, look["text"]), (title, look["title"]), (currency or _(NO_CURRENCY), look["text"]),
                (total.actions, look["count"]), (total.uncosted, look["count"]), money(total.cost),
                (total.funding_secured, look["money"]), money(total.gap),
                (secured, look["share"]) if secured is not None else (None, look["unknown"])]

    first_look, next_look = looks(top=True), looks()
    for node_id in contents.order:
        record = contents.nodes[node_id]
        if record["level"] != "outcome":
            continue
        totals = _currency_totals(by_outcome.get(node_id, [])) or {None: None}
        for index, (currency, total) in enumerate(totals.items()):
            first = index == 0
            # The code on every line, so that a filter on one currency keeps its outcome.
            data.add(line(record["code"], record["title"] if first else None, currency, total,
                          first_look if first else next_look),
                     height=row_height([None, record["title"] if first else None], [7, 50], [False, True]))
    table_end = max(data.row, 2)
    total_look = looks(bold=True, top=True)
    for index, (currency, total) in enumerate(_currency_totals(contents.actions()).items()):
        data.add(line(None, _("All outcomes") if index == 0 else None, currency, total,
                      total_look if index == 0 else looks(bold=True)))
    data.add([])
    note = styles.get(italic=True, color=MUTED_COLOR)
    for text in (_("Amounts in different currencies are never added together: each currency has its own lines."),
                 _("Funding gap: cost minus funding secured, per action, never below zero. Actions without a cost "
                   "estimate (not costed) have no known gap."),
                 _("Dropped actions are left out.")):
        data.add([None, (text, note)])
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:I{table_end}"
    sheet.print_title_rows = "1:1"
    print_setup(sheet, contents.title_text(), country=contents.workshop["country"])
    return data


# ---------------------------------------------------------------------------------- Summary

_SUMMARY_WIDTHS = (46, 14, 16, 17, 16)
HOW_TO_SEND_BACK = (
    N_("Edit the Road map and Indicators sheets, save the file as .xlsx and import it in Pathfinder Workshop "
       "(File › Import, or workshop-app import-roadmap). Every change is shown before anything is applied."),
    # Translators: Plan texts, Reference figures and Acronyms are the names of sheets of the workbook
    N_("The Plan texts, Reference figures and Acronyms sheets come back the same way: each section's text, each "
       "reference figure and each acronym added to the plan. A text longer than a cell can hold goes on in the rows "
       "below it, marked “(continued)”: keep them together. The acronyms of organizations are not listed there: "
       "they come from the organizations, edited in the workshop."),
    N_("Rows are matched by their ID: keep that column as it is. Rows can be re-sorted and filtered freely."),
    N_("To add an item, add a row with an empty ID and the code of its place: 1.2.4 is a new action of output 1.2."),
    # Translators: {roles} lists the roles as the workbook writes them ("lead, support, …").
    N_("Partners are written “Organization (role); …” with the roles {roles}."),
    N_("A row deleted here is deleted from the workshop only when you confirm it while importing."),
    N_("Level, Code and Funding gap, and the Responsibilities, Budget and Summary sheets, are worked out by the "
       "program: changes made there are not read back."),
)


def write_summary(sheet, styles: CellStyles, contents: Contents) -> SheetData:
    _ = contents.words
    for letter, width in zip("ABCDE", _SUMMARY_WIDTHS):
        sheet.column_dimensions[letter].width = width
    print_setup(sheet, contents.title_text(), landscape=False, country=contents.workshop["country"])
    data = SheetData(styles)
    title = styles.get(bold=True, size=14)
    section = styles.get(bold=True, size=12, valign="bottom")
    label = styles.get(bold=True)
    plain = styles.get()
    header = styles.get(bold=True, fill=HEADER_COLOR, bottom=True)
    number_header = styles.get(bold=True, fill=HEADER_COLOR, bottom=True, halign="right")
    money = styles.get(number_format="#,##0")
    note = styles.get(italic=True, color=MUTED_COLOR, wrap=True)
    page_width = sum(_SUMMARY_WIDTHS)

    def paragraph(text: str) -> None:
        """A note across the whole width of the page (merged), as tall as its lines."""
        row = data.add([(text, note)], height=lines_needed(text, page_width) * LINE_HEIGHT + 2)
        sheet.merged_cells.add(f"A{row}:{LETTERS[len(_SUMMARY_WIDTHS) - 1]}{row}")

    workshop = contents.workshop
    data.add([(_("Road map"), title)], height=22)
    data.add([(workshop["title"], section)])
    country = _.country(workshop["country"] or "")
    version = contents.version
    if version is None:
        version_text = _("Current draft (not frozen)")
    elif version["validated"]:
        version_text = _("{name}, frozen {date}, validated", name=version["name"],
                         date=_.short_date(version["created_at"][:10]))
    else:
        version_text = _("{name}, frozen {date}", name=version["name"], date=_.short_date(version["created_at"][:10]))
    facts = (
        (_("Country"), country), (_("Venue"), workshop["venue"]),
        (_("Dates"), _.date_range(workshop["start_date"], workshop["end_date"])), (_("Version"), version_text),
        # Translators: when the workbook was exported (a date and a time).
        (_("Exported"), contents.exported_at.strftime("%Y-%m-%d %H:%M UTC")),
        # Translators: before the name and version of the program that wrote the workbook.
        (_("Written by"), f"Pathfinder Workshop {__version__}"),
    )
    for key, value in facts:
        if value:
            data.add([(key, label), (value, plain)])

    actions = contents.actions()
    levels = Counter(record["level"] for record in contents.nodes.values())
    data.add([(_("The road map in figures"), section)], height=24)
    for key, value in ((_("Outcomes"), levels["outcome"]), (_("Outputs"), levels["output"]),
                       (_("Actions"), levels["action"]), (_("Indicators"), len(contents.indicators))):
        data.add([(key, plain), (value, plain)])

    def table(heading: str, counts: list[tuple[str, int]]) -> None:
        data.add([(heading, section)], height=24)
        data.add([(None, header), (_("Actions"), number_header)])
        for key, value in counts:
            data.add([(key, plain), (value, plain)])

    statuses = Counter(record["status"] for record in actions)
    table(_("Actions by status"), [(_(label_), statuses.get(key, 0)) for key, label_ in v.ACTION_STATUSES.items()])
    groups = Counter(record["action_group"] for record in actions)
    table(_("Actions by Alliance 8.7 Action Group"),
          [*((_(label_), groups.get(key, 0)) for key, label_ in v.ACTION_GROUPS.items()),
           (_("No Action Group"), groups.get(None, 0))])
    markers = Counter(record["gender_marker"] for record in actions)
    marker_counts = [(_(label_), markers.get(key, 0)) for key, label_ in v.GENDER_MARKERS.items()]
    # Translators: the gender marker of actions for which none was chosen.
    marker_counts.append((_("Not set"), markers.get(None, 0)))
    table(_("Actions by gender marker"), marker_counts)

    data.add([(_("Cost and funding by currency"), section)], height=24)
    data.add([(_("Currency"), header), (_("Actions"), number_header), (_("Cost"), number_header),
              (_("Funding secured"), number_header), (_("Funding gap"), number_header)])
    for currency, total in _currency_totals(actions).items():
        costed = total.actions > total.uncosted
        data.add([(currency or _(NO_CURRENCY), plain), (total.actions, plain),
                  (total.cost, money) if costed else (None, styles.get(halign="right")),
                  (total.funding_secured, money),
                  (total.gap, money) if costed else (None, styles.get(halign="right"))])
    paragraph(_("Each currency is counted on its own line: amounts in different currencies are never added "
                "together. Dropped actions are left out."))

    data.add([(_("Sending changes back"), section)], height=24)
    roles = _.listed(role_word(role, _) for role in v.PARTNER_ROLES)
    for text in HOW_TO_SEND_BACK:
        paragraph(_(text, roles=roles))
    return data
