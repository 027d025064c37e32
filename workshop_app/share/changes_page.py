"""What changed in the road map since the start of the day, on a phone: the projector's
"Changes since…" (the same comparison, models.roadmap.diff.compare) in the reader's language.
Added text is highlighted, removed text struck through, and each changed field reads old → new."""

from workshop_app.export.words import Words
from workshop_app.share.labels import field_label, item_label, lower_first, organization_name, value_text
from workshop_app.share.pages import CHANGES, Request, esc, fill, frame, isolated
from workshop_app.share.snapshot import Changes, SiteSnapshot

# Values longer than this go on lines of their own, the old above the new.
_INLINE = 24


def changes_page(snapshot: SiteSnapshot, request: Request) -> str:
    _ = request.words
    changes = snapshot.changes
    # Translators: the heading of the phones' page of the changes made to the road map today
    title = _("Changes today")
    parts = [f"<h1>{esc(title)}</h1>"]
    if changes is None:
        nothing = _("No changes since this version.")
        parts.append(f'<p class="muted">{esc(nothing)}</p>')
        return frame(snapshot, request, CHANGES, title, "".join(parts))
    parts.append(f'<p class="lead">{_since(changes, _)}</p>')
    lines = _lines(changes, _)
    if lines:
        parts.append('<ul class="changes">' + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
    else:
        # Translators: on the phones' page of changes, when the road map is as it was this morning
        nothing = _("Nothing has changed yet.")
        parts.append(f'<p class="muted">{esc(nothing)}</p>')
    return frame(snapshot, request, CHANGES, title, "".join(parts))


# ---------------------------------------------------------------------------------- internals

def _since(changes: Changes, _: Words) -> str:
    baseline = changes.baseline
    if baseline.version_name:
        return fill(_("Changes since “{version}”"), version=isolated(esc(baseline.version_name)))
    # Translators: on the phones' page of changes, when no version was frozen before today: the road map
    # is compared with the draft as the facilitator's computer first shared it today; {time} is "08:12"
    return esc(_("Changes since {time} today", time=baseline.taken_at[11:16]))


def _lines(changes: Changes, _: Words) -> list[str]:
    # From the old to the new in reading order.
    arrow = "←" if _.right_to_left else "→"
    lines = []
    for item in changes.added:
        label = _label(changes, item, "new", _)
        lines.append(f'<ins>{esc(label)}: <bdi>{esc(item.title)}</bdi></ins>{_origin(changes, item.id, "", _)}')
    for item in changes.removed:
        label = _label(changes, item, "old", _)
        lines.append(f"<del>{esc(label)}: <bdi>{esc(item.title)}</bdi></del>")
    for item in changes.moved:
        old, new = _label(changes, item, "old", _), _label(changes, item, "new", _)
        if old == new and item.new_parent:
            lines.append(fill(_("Moved {item} under {parent}: {title}"), item=esc(lower_first(new)),
                              parent=f"<ins>{esc(_parent_label(changes, item, _))}</ins>",
                              title=isolated(esc(item.title))))
        else:
            lines.append(f"{esc(old)} {arrow} <ins>{esc(new)}</ins>: <bdi>{esc(item.title)}</bdi>")
    for item in changes.changed:
        label = _label(changes, item, "new", _)
        for change in item.fields:
            old = value_text(_, change.field, change.old, changes.organizations, _currency(item, "old"))
            new = value_text(_, change.field, change.new, changes.organizations, _currency(item, "new"))
            head = f"<b>{esc(label)}</b> · {esc(field_label(_, change.field))}:"
            origin = _origin(changes, item.id, change.field, _)
            if max(len(old), len(new)) > _INLINE:  # long texts: the old above the new, each in its direction
                lines.append(f'{head}<del class="value" dir="auto">{esc(old)}</del>'
                             f'<span class="value">{arrow} <ins dir="auto">{esc(new)}</ins></span>{origin}')
            else:
                lines.append(f"{head} <del><bdi>{esc(old)}</bdi></del> {arrow} <ins><bdi>{esc(new)}</bdi></ins>"
                             f"{origin}")
    for partner in changes.partners:
        lines.append(_partner_line(changes, partner, arrow, _))
    return lines


def _label(changes: Changes, item, side: str, _: Words) -> str:
    """"Action 2.1.3" or "Indicator 1 of output 1.2" as the item was (old) or is (new)."""
    if item.kind == "indicator":
        places = changes.old_indicators if side == "old" else changes.new_indicators
        number, level, code = places.get(item.id, (0, "", ""))
        of = lower_first(item_label(_, level, code)) if level else _("a removed item")
        return _("Indicator {number} of {item}", number=number, item=of)
    code = item.old_code if side == "old" else item.new_code
    return item_label(_, item.level, code or "")


def _parent_label(changes: Changes, item, _: Words) -> str:
    """The item an indicator or a road-map item now sits under, as the draft numbers it."""
    if item.kind == "indicator":
        _number, level, code = changes.new_indicators.get(item.id, (0, "", ""))
    else:
        parent = changes.new_nodes.get(changes.new_nodes.get(item.id, ("", "", None))[2] or "")
        level, code = parent[:2] if parent else ("", "")
    return lower_first(item_label(_, level, code)) if level else _("a removed item")


def _partner_line(changes: Changes, partner, arrow: str, _: Words) -> str:
    organization = isolated(esc(organization_name(_, changes.organizations, partner.organization_id)))
    label = esc(lower_first(_action_label(changes, partner.node_id, _)))
    role = {key: esc(value_text(_, "role", value, {}).lower()) for key, value in
            (("old", partner.old_role), ("new", partner.new_role)) if value}
    if partner.old_role is None:
        return fill(_("Partner added to {item}: {organization} ({role})"), item=label, organization=organization,
                    role=f"<ins>{role['new']}</ins>")
    if partner.new_role is None:
        return fill(_("Partner removed from {item}: {organization} ({role})"), item=label, organization=organization,
                    role=f"<del>{role['old']}</del>")
    return fill(_("Partner role changed on {item}: {organization} {old} → {new}"), item=label,
                organization=organization, old=f"<del>{role['old']}</del>", new=f"<ins>{role['new']}</ins>")


def _action_label(changes: Changes, node_id: str, _: Words) -> str:
    level, code, _parent = changes.new_nodes.get(node_id, ("action", "", None))
    return item_label(_, level, code)


def _currency(item, side: str) -> str:
    for change in item.fields:
        if change.field == "currency":
            return getattr(change, side) or ""
    return item.currency


def _origin(changes: Changes, row_id: str, name: str, _: Words) -> str:
    """" · from Group B" after a change a breakout group's handout brought."""
    group = changes.origins.get((row_id, name), "")
    if not group:
        return ""
    words = fill(_("from {group}"), group=isolated(esc(group)))
    return f' <span class="muted">· {words}</span>'
