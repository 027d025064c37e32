"""What the room sees on the projector, as HTML built from the document. No private notes,
no menus: the selected part of the road map, the agenda's now and next, the groups, the
figures, or the changes since a version. All user text is escaped."""

import datetime as dt
from collections.abc import Iterable
from html import escape

from PySide6.QtGui import QGuiApplication

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.i18n.formats import percent, period
from workshop_app.models import vocabulary as v
from workshop_app.models.agenda.groups import group_lists
from workshop_app.models.agenda.live import now_and_next
from workshop_app.models.roadmap.diff import FIELD_LABELS, compare, merge_origins
from workshop_app.models.roadmap.totals import funding_gap
from workshop_app.models.roadmap.tree import roadmap_tree
from workshop_app.models.roadmap.versions import snapshot
from workshop_app.models.stakeholders.figures import participation_figures
from workshop_app.models.validation import money_text
from workshop_app.ui.language import isolated


def _cells(cells: Iterable[str]) -> str:
    """A table row's cells in reading order: Qt lays a table's columns out from the left whatever
    the direction, so a right-to-left window gets them reversed, the first column on the right."""
    cells = list(cells)
    return "".join(reversed(cells) if QGuiApplication.isRightToLeft() else cells)


def _label(labels: dict, key) -> str:
    label = labels.get(key, key or "")
    return _(label) if label else ""


def comments_block(document, node_id: str | None) -> str:
    """Open plenary comments on the shown outcome and everything under it, for the side strip."""
    from workshop_app.models.roadmap.comments import comments

    shown: set[str] = set()
    for goal in roadmap_tree(document):
        for item in goal.walk():
            if item.node["id"] == node_id:
                outcome = item
                shown = {inner.node["id"] for inner in (outcome.walk())}
    found = [c for c in comments(document, open_only=True) if not shown or c["node_id"] in shown]
    if not found:
        return ""
    items = "".join(f"<li>{escape(c['text'])}" + (f" <span class='muted'>— {escape(c['raised_by'])}</span>"
                                                  if c["raised_by"] else "") + "</li>" for c in found)
    # Translators: plenary comments not yet dealt with (a heading on the projector).
    heading = _("Open comments")
    return f"<h3>{heading}</h3><ul>{items}</ul>"


def roadmap_view(document, node_id: str | None) -> str:
    """The selected outcome (or the outcome of the selected output or action), its outputs and
    actions; the selected item is marked. Without a selection, the outcomes in brief."""
    goals = roadmap_tree(document)
    locale = document.number_locale()
    if not goals:
        heading, empty = _("Road map"), _("The road map is still empty.")
        return f"<h1>{heading}</h1><p class='muted'>{empty}</p>"
    # Acronyms: the room reads "MoLESS" faster than the ministry's full name.
    leads = {row["id"]: row["acronym"] or row["name"] for row in document.rows("organization")}
    by_id = {item.node["id"]: item for goal in goals for item in goal.walk()}
    selected = by_id.get(node_id)
    outcome = selected
    while outcome is not None and outcome.node["level"] not in ("outcome", "goal"):
        outcome = by_id.get(outcome.node["parent_id"])
    if outcome is None or outcome.node["level"] == "goal":
        goal = goals[0]
        items = "".join(f"<li><b>{escape(item.code)}</b> {escape(item.node['title'])}</li>" for item in goal.children)
        return f"<h1>{escape(goal.node['title'])}</h1><ol class='plain'>{items}</ol>"
    # Translators: a heading on the projector; {code} is the outcome's number ("2").
    heading = _("Outcome {code}").format(code=escape(outcome.code))
    parts = [f"<h1>{heading}</h1><h2>{escape(outcome.node['title'])}</h2>"]
    # With an output or an action selected, the room sees that output's actions and the other
    # outputs as headings only: one screen, not a hundred rows no one can read from the back.
    focus = selected
    while focus is not None and focus.node["level"] not in ("output", "outcome"):
        focus = by_id.get(focus.node["parent_id"])
    for output in outcome.children:
        marked = " class='selected'" if selected is output else ""
        parts.append(f"<h3{marked}>{escape(output.code)} {escape(output.node['title'])}</h3>")
        if focus is not outcome and output is not focus:
            continue
        rows = []
        for action in output.children:
            node = action.node
            timing = " – ".join(period(part) for part in (node["start"], node["end"]) if part)
            gap = money_text(funding_gap(node) or None, node["currency"], locale)
            mark = " selected" if selected is action else ""  # Qt styles cells, not rows
            rows.append("<tr>" + _cells((
                f"<td class='code{mark}'>{escape(action.code)}</td>",
                f"<td class='{mark}'>{escape(node['title'])}</td>",
                f"<td class='{mark}'>{escape(leads.get(node['lead_organization_id'], ''))}</td>",
                f"<td class='{mark}'>{escape(timing)}</td>",
                f"<td class='{mark}'>{escape(_label(v.ACTION_STATUSES, node['status']))}</td>",
                f"<td class='number{mark}'>{escape(gap)}</td>")) + "</tr>")
        if rows:
            titles = (
                # Translators: projector column title: the action's number in the road map ("2.1.3").
                _("Code"),
                # Translators: projector column title: the action's title.
                _("Action"),
                # Translators: projector column title: the organization that leads the action.
                _("Lead"),
                # Translators: projector column title: when the action starts and ends.
                _("Timing"),
                # Translators: projector column title: the action's status (proposed, agreed, done…).
                _("Status"),
                _("Funding gap"),
            )
            header = _cells(f"<th>{title}</th>" for title in titles)
            parts.append(f"<table width='100%' cellspacing='0'><tr>{header}</tr>{''.join(rows)}</table>")
    return "".join(parts)


def agenda_view(document, now: dt.datetime) -> str:
    status = now_and_next(document, now)
    # Translators: a heading on the projector: the session running at this moment.
    heading = _("Now")
    parts = [f"<h1>{heading}</h1><p class='big'>{escape(status.message)}</p>"]
    for item in status.now:
        left = "" if item.minutes_left is None else ngettext(
            "{count} minute left", "{count} minutes left", item.minutes_left).format(count=item.minutes_left)
        room = f" · {escape(item.session['room'])}" if item.session["room"] else ""
        parts.append(f"<p><b>{escape(item.session['title'])}</b>{room}<br><span class='accent'>{left}</span></p>")
    if status.next:
        # Translators: a heading on the projector: the sessions that come after the current one.
        heading = _("Next")
        parts.append(f"<h2>{heading}</h2>")
        for item in status.next:
            parts.append(f"<p>{escape(item.start)} · {escape(item.session['title'])}</p>")
    return "".join(parts)


def groups_view(document, day_id: str, slot: int) -> str:
    heading = _("Breakout groups")
    columns = []
    groups = group_lists(document, day_id, slot)
    for group in groups:
        members = "<br>".join(escape(person.name) for person in group.members) or _("No members yet")
        columns.append(f"<td class='group'><h3>{escape(group.track or group.title)}</h3>"
                       f"<p class='muted'>{escape(group.title)}<br>{escape(group.room)}</p><p>{members}</p></td>")
    parts = [f"<h1>{heading}</h1><table><tr>", _cells(columns), "</tr></table>"]
    return "".join(parts)


def figures_view(document) -> str:
    figures = participation_figures(document)
    share = figures.overall.women_share
    rows = "".join(
        "<tr>" + _cells((f"<td>{escape(_(group.label))}</td>", f"<td class='number'>{group.counts['female']}</td>",
                         f"<td class='number'>{group.counts['male']}</td>", f"<td class='number'>{group.total}</td>"))
        + "</tr>" for group in figures.by_category)
    total = figures.overall.total
    # Translators: on the projector: how many participants, then the women's share of them ("40%").
    summary = ngettext("{count} participant · women {share}", "{count} participants · women {share}", total).format(
        count=total, share=percent(share))
    heading = _("Who is in the room")
    titles = (
        # Translators: a projector column title: the category of organization (government, workers…).
        _("Category"),
        # Translators: projector column titles: the number of women, of men, of all participants.
        _("Women"),
        _("Men"),
        _("Total"),
    )
    header = _cells(f"<th>{title}</th>" for title in titles)
    return f"<h1>{heading}</h1><p class='big'>{summary}</p><table><tr>{header}</tr>{rows}</table>"


def changes_view(document, version_name: str | None) -> str:
    """The draft against a version, made for reading aloud: added items highlighted, removed
    ones struck through, and each changed field shown old (struck) → new (highlighted)."""
    if not version_name:
        # Translators: a heading on the projector: what changed in the road map since a version.
        heading, hint = _("Changes"), _("Freeze a version first to see changes since it.")
        return f"<h1>{heading}</h1><p class='muted'>{hint}</p>"
    diff = compare(snapshot(document, version_name), snapshot(document, None), merge_origins(document))
    # Translators: a heading on the projector; {version} is the name a version was frozen under.
    heading = _("Changes since “{version}”").format(version=escape(version_name))
    parts = [f"<h1>{heading}</h1>"]
    # From the old to the new in reading order; titles and values set apart, so that an English
    # title or "5,000 USD" does not pull the arrow and its neighbours into its own direction.
    arrow = "←" if QGuiApplication.isRightToLeft() else "→"
    for item in diff.added:
        parts.append(f"<p><mark>{escape(item.new_label)}: {escape(isolated(item.title))}</mark>"
                     f"{_origin(diff.origin(item.id))}</p>")
    for item in diff.removed:
        parts.append(f"<p><s>{escape(item.old_label)}: {escape(isolated(item.title))}</s></p>")
    for item in diff.moved:
        parts.append(f"<p>{escape(item.old_label)} {arrow} <mark>{escape(item.new_label)}</mark>: "
                     f"{escape(isolated(item.title))}</p>")
    for item in diff.changed:
        for change in item.fields:
            label = FIELD_LABELS.get(change.field)
            field = _(label) if label else change.field.replace("_", " ")
            old = diff.value_text(change.field, change.old, item, "old")
            new = diff.value_text(change.field, change.new, item, "new")
            parts.append(f"<p><b>{escape(item.label)}</b> · {escape(field)}: <s>{escape(isolated(old))}</s> {arrow} "
                         f"<mark>{escape(isolated(new))}</mark>{_origin(diff.origin(item.id, change.field))}</p>")
    if len(parts) == 1:
        nothing = _("No changes since this version.")
        parts.append(f"<p class='muted'>{nothing}</p>")
    return "".join(parts)


def _origin(group: str) -> str:
    """" · from Group B" after a change a breakout group's handout brought, muted."""
    if not group:
        return ""
    # Translators: on the projector, after a change a breakout group's handout brought
    words = _("from {group}").format(group=escape(isolated(group)))
    return f" <span class='muted'>· {words}</span>"


def join_view(url: str, image: str) -> str:
    """The room's "Join" screen: how to open the draft on a phone, the address, the QR code."""
    # Translators: the heading of the projector's "Join" screen, while the draft is shared with phones
    heading = _("Read the draft on your phone")
    # Translators: on the projector's "Join" screen, above the address and the QR code
    how = _("Join the room's Wi-Fi, then scan the code or type the address:")
    return (f"<h1>{heading}</h1><p class='big'>{escape(how)}</p>"
            f"<p class='big' dir='ltr'><b>{escape(url)}</b></p>"
            f"<p align='center'><img src='{escape(image)}'></p>")
