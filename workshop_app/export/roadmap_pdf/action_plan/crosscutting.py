"""Cross-cutting tables: the actions (not dropped) and their cost per currency by pillar, by
Alliance 8.7 Action Group and by gender marker. An action with two pillars counts under each."""

import json
from collections import defaultdict

from reportlab.platypus import Flowable

from workshop_app.export.pdf.tables import TableRow, column_widths
from workshop_app.export.roadmap_pdf.front import Report
from workshop_app.export.roadmap_pdf.styles import heading, note, paged_table, styles, subheading
from workshop_app.export.roadmap_pdf.table import cell_text
from workshop_app.models import vocabulary as v


def _keys(action, field: str) -> list:
    value = action.node.get(field)
    if field == "pillar_tags":
        try:
            found = json.loads(value) if isinstance(value, str) else (value or [])
        except ValueError:
            found = []
        return [key for key in found if key in v.PILLAR_TAGS] or [None]
    return [value if value in (v.ACTION_GROUPS if field == "action_group" else v.GENDER_MARKERS) else None]


def crosscutting_section(report: Report, number: str) -> list[Flowable]:
    labels = report.labels
    _ = labels.words
    # Translators: a section of the plan: the actions and their cost by pillar, Action Group and gender marker
    story = heading(number, labels["section.crosscutting"], "crosscutting")
    actions = [action for action in report.roadmap.actions if action.status != "dropped"]
    if not actions:
        return story + [note(_("The road map has no actions yet."))]
    # Translators: the subheadings of the plan's cross-cutting tables
    for title, field, names, none in ((_("By pillar"), "pillar_tags", v.PILLAR_TAGS, _("No pillar")),
                                      (_("By Action Group"), "action_group", v.ACTION_GROUPS, _("No Action Group")),
                                      (_("By gender marker"), "gender_marker", v.GENDER_MARKERS,
                                       _("No gender marker"))):
        counted: dict = defaultdict(lambda: [0, defaultdict(float)])
        for action in actions:
            for key in _keys(action, field):
                counted[key][0] += 1
                if action.cost:
                    counted[key][1][action.currency or ""] += action.cost
        order = [key for key in names if key in counted] + ([None] if None in counted else [])
        widths = column_widths(report.portrait_width, [3, 1, 3])
        cell = styles()["cell"]
        rows = [TableRow([cell_text(_(names[key]) if key is not None else none, cell, widths[0] - 12),
                          str(counted[key][0]),
                          cell_text(labels.words.grouped(labels.money(amount, currency)
                                                         for currency, amount in sorted(counted[key][1].items())),
                                    cell, widths[2] - 12)])
                for key in order]
        story += subheading(title, keep=140)
        story.append(paged_table([_("Category"), _("Actions"), _("Cost")], rows, widths, right={1}))
        if field == "pillar_tags":
            # Translators: under the table of actions by pillar
            story.append(note(_("An action with several pillars counts under each: this table adds up to more "
                                "than the plan.")))
    return story
