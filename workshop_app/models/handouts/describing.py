"""A merge in a facilitator's words: every change it would make (the versions comparison's
sentences, between the workshop now and the workshop merged) and each conflict with the base's,
the workshop's and the group's value."""

from dataclasses import dataclass, replace

from workshop_app.i18n.catalogs import N_, _, grouped, listed, ngettext
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.handouts.merging import (
    DELETE_EDIT,
    EDIT_DELETE,
    FUNDING,
    HANDOUT,
    OUTSIDE,
    Conflict,
    MergePlan,
    merge_change,
)
from workshop_app.models.roadmap.diff import FIELD_LABELS, compare, merge_origins, value_words
from workshop_app.models.roadmap.tree import item_label, node_codes
from workshop_app.models.roadmap.versions import snapshot


@dataclass(frozen=True)
class ConflictView:
    """A conflict as the window and the command line show it."""
    item: str  # "Action 2.1.3" or "Indicator “…” of action 2.1.3"
    field: str  # the field's name in words; "" for the whole row
    base: str
    workshop: str
    handout: str

    def line(self, group: str, choice: str) -> str:
        kept = _("kept: the group's") if choice == HANDOUT else _("kept: the workshop's")
        where = f"{self.item} · {self.field}" if self.field else self.item
        # Translators: a merge conflict: "Action 2.1.1 · title: workshop “A” · Group B “B” (kept: the workshop's)"
        return _("{where}: workshop {workshop} · {group} {handout} ({kept})").format(
            where=where, workshop=self.workshop, group=group, handout=self.handout, kept=kept)


@dataclass(frozen=True)
class RoadMapState:
    """What a merge's sentences compare: the road map's snapshot, the organizations and the
    plenary comments (theirs are not in a snapshot)."""
    snapshot: dict
    organizations: dict[str, str]  # id -> name
    comments: frozenset[str]

    @classmethod
    def of(cls, document: WorkshopDocument) -> "RoadMapState":
        return cls(snapshot(document), {row[0]: row[1] for row in document.query("SELECT id, name FROM organization")},
                   frozenset(row[0] for row in document.query("SELECT id FROM plenary_comment")))

    def lines_to(self, after: "RoadMapState") -> list[str]:
        """Every change from this state to `after`, as the versions comparison words it."""
        lines = compare(self.snapshot, after.snapshot).lines() + _funding_lines(self.snapshot, after.snapshot)
        # Translators: a merge's preview: an organization the group named that the workshop did not have
        lines += [_("Organization added: {name}").format(name=name) for key, name in after.organizations.items()
                  if key not in self.organizations]
        new, gone = len(after.comments - self.comments), len(self.comments - after.comments)
        if new:
            lines.append(ngettext("{count} plenary comment added", "{count} plenary comments added",
                                  new).format(count=new))
        if gone:
            # Translators: a merge's preview: comments that go with the items the group deleted
            lines.append(ngettext("{count} plenary comment removed with its item",
                                  "{count} plenary comments removed with their items", gone).format(count=gone))
        return lines


def preview_lines(document: WorkshopDocument, plan: MergePlan) -> list[str]:
    """Every change the merge would make, as the versions comparison words it; the workshop is
    not touched (the merge is tried on a copy in memory)."""
    before = RoadMapState.of(document)
    with document.scratch_copy() as scratch:
        scratch.apply(merge_change(scratch, plan))
        return before.lines_to(RoadMapState.of(scratch))


def _funding_lines(before: dict, after: dict) -> list[str]:
    """"Action 2.1.3: funding sources A → B" for every action whose sources the merge changes."""
    organizations = {**before.get("organizations", {}), **after.get("organizations", {})}
    codes = {node["id"]: (node["level"], node["code"]) for node in after["nodes"]}

    def lists(snapshot_: dict) -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = {}
        for row in snapshot_.get("funding", []):
            found.setdefault(row["node_id"], []).append(row)
        return found

    old, new = lists(before), lists(after)
    lines = []
    for node_id in sorted({*old, *new}, key=lambda key: codes.get(key, ("", ""))[1]):
        if node_id not in codes:
            continue
        words_before = _funding_words(old.get(node_id), organizations)
        words_after = _funding_words(new.get(node_id), organizations)
        if words_before != words_after:
            lines.append(_("{item}: {field} {old} → {new}").format(
                item=item_label(*codes[node_id]), field=_("funding sources"), old=words_before, new=words_after))
    return lines


def conflict_views(document: WorkshopDocument, plan: MergePlan, *, shorten: int = 70) -> list[ConflictView]:
    """The conflicts as a facilitator reads them; texts are cut at `shorten` characters (a line of
    the command line's list; the window's review, where the choice is made, shows them whole)."""
    codes = node_codes(document)
    mine = plan.handout.rows
    handout_codes = _codes(mine["roadmap_node"])
    organizations = {**{row["id"]: row for row in mine["organization"].values()},
                     **{row["id"]: row for row in document.rows("organization")}}
    origins = merge_origins(document)
    views = []
    for conflict in plan.conflicts:
        view = _view(conflict, codes, handout_codes, organizations, document, plan, shorten)
        group = origins.get((conflict.row_id, conflict.field))
        if group and conflict.field:
            # A value an earlier handout brought: two groups disagree, and the facilitator sees which.
            view = replace(view, workshop=_("{line} (from {group})").format(line=view.workshop, group=group))
        views.append(view)
    return views


def _view(conflict: Conflict, codes: dict, handout_codes: dict, organizations: dict, document, plan,
          shorten: int) -> ConflictView:
    row = conflict.workshop or conflict.handout or conflict.base or {}
    if not isinstance(row, dict):
        row = document.get(conflict.table, conflict.row_id) or plan.handout.rows[conflict.table].get(
            conflict.row_id) or plan.base[conflict.table].get(conflict.row_id) or {}
    item = _item(conflict.table, row, codes, handout_codes, organizations, document, plan)
    if conflict.field == FUNDING:
        # Translators: in a merge conflict, the field holding an action's funding sources
        sides = (conflict.base, conflict.workshop, conflict.handout)
        return ConflictView(item, _("funding sources"), *(_funding_words(rows, organizations) for rows in sides))
    if conflict.field in _PLACES:
        # Where an item or a row sits, named by the item it is under or on, never by its id.
        field = _(_PLACES[conflict.field].get(conflict.table, _PLACES[conflict.field][""]))
        return ConflictView(item, field, *(_place_words(value, codes, handout_codes, organizations, document, plan)
                                           for value in (conflict.base, conflict.workshop, conflict.handout)))
    if conflict.field:
        label = FIELD_LABELS.get(conflict.field)
        field = _(label) if label else conflict.field.replace("_", " ")
        return ConflictView(item, field, *(value_words(conflict.field, value, organizations, row.get("currency", ""),
                                                       shorten)
                                           for value in (conflict.base, conflict.workshop, conflict.handout)))
    # Translators: in a merge conflict, the state of a whole item on one side
    deleted, changed, added = _("deleted"), _("changed"), _("added")
    if conflict.kind == EDIT_DELETE:
        return ConflictView(item, "", "", changed, deleted)
    if conflict.kind == DELETE_EDIT:
        return ConflictView(item, "", "", deleted, _group_side(conflict, codes, handout_codes, organizations,
                                                                 document, plan) or changed)
    if conflict.kind == OUTSIDE:
        # Translators: in a merge conflict: the group changed something outside its part of the road map
        outside = _("outside its part")
        return ConflictView(item, "", "", _("(unchanged)"), f"{added if conflict.base is None else deleted} "
                                                            f"({outside})")
    return ConflictView(item, "", "", "", "")


def _group_side(conflict: Conflict, codes: dict, handout_codes: dict, organizations: dict, document,
                plan) -> str:
    """For an item the workshop deleted: "changed; under it: action 2.3.1, indicator “…” of
    action 2.3.2"; "" when the group changed the item itself only."""
    itself = ("roadmap_node", conflict.row_id)
    under = [key for key in conflict.below if key != itself]
    if not under:
        return ""
    mine = plan.handout.rows
    shown = MOST_NAMED_BELOW if len(under) > MOST_NAMED_BELOW + 1 else len(under)
    names = []
    for table, row_id in under[:shown]:
        row = mine[table].get(row_id) or {"id": row_id}
        name = _item(table, row, codes, handout_codes, organizations, document, plan)
        if table == "roadmap_node":
            name = item_label(row.get("level", ""), codes.get(row_id) or handout_codes.get(row_id, ""))
        names.append(name[:1].lower() + name[1:])
    if len(under) > shown:
        # Translators: the end of a list of items a group changed: "action 2.3.1, action 2.3.2 and 4 more"
        names.append(ngettext("{count} more", "{count} more", len(under) - shown).format(count=len(under) - shown))
    words = listed(names)
    if itself in conflict.below:
        # Translators: a merge conflict: the group changed an item the workshop deleted, and items under it
        return _("changed; under it: {items}").format(items=words)
    # Translators: a merge conflict: the group changed items under an item the workshop deleted
    return _("changed under it: {items}").format(items=words)


MOST_NAMED_BELOW = 3  # the rest are counted: a table cell stays readable


def _funding_words(rows: list[dict] | None, organizations: dict) -> str:
    """"UNICEF 30,000 USD (2027); MoLESS 5,000 USD"; "(none)" for no source."""
    from workshop_app.models.plan.funding import source_name

    if not rows:
        return value_words("funding", None, organizations)
    return grouped(f"{source_name(row, organizations)} "
                   f"{value_words('amount', row['amount'], organizations, row['currency'])}"
                   + (f" ({row['year']})" if row.get("year") else "") for row in rows)


# The fields that place a row: what the conflict review calls them, per table ("" for the rest).
_PLACES = {
    # Translators: a merge conflict's field: the item a road-map item is placed under ("Output 2.1 “…”")
    "parent_id": {"": N_("placed under")},
    # Translators: a merge conflict's field: the item an indicator measures, or a row belongs to
    "node_id": {"indicator": N_("measures"), "": N_("belongs to")},
}


def _node(node_id: str | None, document, plan) -> dict | None:
    node = document.get("roadmap_node", node_id) if node_id else None
    return node or plan.handout.rows["roadmap_node"].get(node_id) or plan.base["roadmap_node"].get(node_id)


def _place_words(node_id: str | None, codes: dict, handout_codes: dict, organizations: dict, document,
                 plan) -> str:
    """"Output 2.1 “…”": the item a row is placed under or on, as the road map numbers it."""
    if node_id is None:
        return value_words("parent_id", None, organizations)
    node = _node(node_id, document, plan)
    if node is None:
        # Translators: a merge conflict's value: a handout edited by other means names an item nobody has
        return _("an item that does not exist")
    label = item_label(node["level"], codes.get(node_id) or handout_codes.get(node_id, ""))
    return f"{label} {value_words('title', node.get('title'), organizations)}"


def _item(table: str, row: dict, codes: dict, handout_codes: dict, organizations: dict, document, plan) -> str:
    def node_label(node_id: str | None) -> str:
        node = _node(node_id, document, plan)
        if node is None:
            return _("a removed item")
        code = codes.get(node_id) or handout_codes.get(node_id, "")
        return item_label(node["level"], code)

    if table == "roadmap_node":
        return f"{node_label(row.get('id'))} {value_words('title', row.get('title'), organizations)}"
    parent = node_label(row.get("node_id")) if row.get("node_id") else ""
    lowered = parent[:1].lower() + parent[1:]
    if table == "indicator":
        # Translators: a merge conflict's item: "Indicator “Share of…” of action 2.1.3"
        return _("Indicator {title} of {item}").format(title=value_words("title", row.get("title"), organizations),
                                                        item=lowered)
    if table == "action_partner":
        # Translators: a merge conflict's item: "Partner ILO of action 2.1.3"
        return _("Partner {organization} of {item}").format(
            organization=value_words("organization_id", row.get("organization_id"), organizations), item=lowered)
    if table == "funding_source":
        # Translators: a merge conflict's item: "Funding source of action 2.1.3"
        return _("Funding source of {item}").format(item=lowered)
    if table == "plenary_comment":
        # Translators: a merge conflict's item: "Comment on action 2.1.3"
        return _("Comment on {item}").format(item=lowered)
    if table == "organization":
        # Translators: a merge conflict's item: "Organization “Ministry of Labour”"
        return _("Organization {name}").format(name=value_words("name", row.get("name"), organizations))
    return table


def _codes(nodes: dict[str, dict]) -> dict[str, str]:
    """Codes ("2.1.3") from rows alone, numbered as tree.node_codes numbers a document's."""
    children: dict[str | None, list[dict]] = {}
    for node in sorted(nodes.values(), key=lambda node: node["position"]):
        children.setdefault(node["parent_id"], []).append(node)
    codes: dict[str, str] = {}

    def walk(parent: str | None, code: str) -> None:
        for index, child in enumerate(children.get(parent, []), start=1):
            codes[child["id"]] = f"{code}.{index}" if code else str(index)
            walk(child["id"], codes[child["id"]])

    for goal in children.get(None, []):
        codes[goal["id"]] = ""
        walk(goal["id"], "")
    return codes
