"""The three-way merge of a handout into its workshop, row by row and field by field, by the
rows' stable ids, against the state the handout was written from (its base).

For each row: what only the group changed arrives; what only the workshop changed stays; what
both changed alike is kept once. The rest are conflicts, which the facilitator decides:
- the same field changed to different values in the workshop and in the handout (a second
  handout meets the first one's value here, so two groups' disagreements are conflicts too);
- an item the group deleted that the workshop changed meanwhile, or the other way round;
- anything the group changed outside its part (the program refuses such edits in a handout;
  a file edited by other means may still hold some). The part is the one the workshop's own
  record says it handed out, never what the handout file says of itself;
- anything the group changed under an item the workshop deleted meanwhile: one conflict for
  the topmost item deleted, which brings it back with the group's work under it, or not.

Order is merged as each side's order of the rows, not as positions (ordering.py); codes then
renumber. A merge is one Change: one transaction, one undo step, and rows in merged_change that
say which handout each merged row and field came from. A handout already merged is recognised by
its id."""

import json
from dataclasses import dataclass, field
from typing import Any

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import WorkshopDocument, new_id, utc_now
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.handouts.ordering import (
    PLACE,
    lists_touched,
    renumbered,
    reordered_lists,
    workshop_orders,
)
from workshop_app.models.handouts.part import MERGED_TABLES, NODE_TABLES, in_part, part_nodes
from workshop_app.models.handouts.reading import Handout
from workshop_app.models.shape import check_row

FIELD, EDIT_DELETE, DELETE_EDIT, OUTSIDE = "field", "edit_delete", "delete_edit", "outside"
WORKSHOP, HANDOUT = "workshop", "handout"


@dataclass
class Conflict:
    """Something both sides changed, or the group changed outside its part. `field` is "" when
    the whole row is at stake (a deletion, an addition). `choice` says which side wins."""
    kind: str
    table: str
    row_id: str
    field: str
    base: Any
    workshop: Any
    handout: Any
    choice: str = WORKSHOP
    # For an item the workshop deleted: the rows the group changed or added under it (table, id).
    below: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[str, str, str]:
        return self.table, self.row_id, self.field


@dataclass
class Step:
    """One change the merge makes: add a row, set fields of one, or delete one."""
    kind: str  # add, update, delete
    table: str
    row_id: str
    values: dict = field(default_factory=dict)  # the row (add) or the fields set (update)


@dataclass
class MergePlan:
    handout: Handout
    steps: list[Step] = field(default_factory=list)
    base: dict = field(default_factory=dict)  # what the merge compares both sides with
    conflicts: list[Conflict] = field(default_factory=list)
    already_merged: bool = False
    # Merged before and changed since (handed in again): the merge brings what changed since then.
    again: bool = False
    part: set[str] = field(default_factory=set)  # the ids of the group's items, as handed out or added
    # The lists of siblings whose order the group changed: its order wins there.
    reordered: set[tuple[str, str | None]] = field(default_factory=set)
    # Said to the facilitator beside the changes: the handout's own notes, and what is not merged.
    notes: list[str] = field(default_factory=list)
    people_gone: set[str] = field(default_factory=set)  # participants the group named, deleted meanwhile

    def choose(self, side: str) -> None:
        """Decide every conflict for one side (the command line's --prefer)."""
        for conflict in self.conflicts:
            conflict.choice = side


def plan_merge(document: WorkshopDocument, handout: Handout) -> MergePlan:
    """What merging the handout would do to the workshop as it is now; nothing is written."""
    plan = MergePlan(handout, notes=list(handout.notes))
    base, mine = handout.base, handout.rows
    record = document.get("merged_handout", handout.info.id)
    if record is not None:
        merged_state = _state(record["state"])
        if merged_state is None or merged_state == mine:
            plan.already_merged = True
            return plan
        # Handed in again after more work: what the group changed since its last merge.
        base, plan.again = merged_state, True
    plan.base = base
    workshop = {table: {row["id"]: row for row in document.rows(table, order_by="rowid")} for table in MERGED_TABLES}
    plan.part = part = _part(handout, base)
    deleted_nodes = {node_id for node_id in base["roadmap_node"] if node_id not in mine["roadmap_node"]}
    for table in MERGED_TABLES:
        if table == "funding_source":
            continue  # an action's sources are one list (funding.plan_set_funding writes them anew)
        for row_id in [*base[table], *(key for key in mine[table] if key not in base[table])]:
            _merge_row(plan, table, row_id, base[table].get(row_id), workshop[table].get(row_id),
                       mine[table].get(row_id), deleted_nodes, workshop)
    _merge_funding(plan, base, workshop, mine, part, deleted_nodes)
    _under_deleted_items(plan, workshop)
    _dangling(plan, workshop, {row_id for (row_id,) in document.query("SELECT id FROM participant")})
    _merge_order(plan, base, mine)
    return plan


def _part(handout: Handout, base: dict) -> set[str]:
    """The group's items: the outcomes the workshop handed out with everything under them then,
    and the items the group added under those (as it left them, or as merged before). Never
    widened by an item moved into the part by other means than the program."""
    original = handout.base["roadmap_node"]
    part = part_nodes(original.values(), handout.info.outcomes)
    added: dict[str | None, list[str]] = {}
    for rows in (base["roadmap_node"], handout.rows["roadmap_node"]):
        for node in rows.values():
            if node["id"] not in original:
                added.setdefault(node["parent_id"], []).append(node["id"])
    waiting = list(part)
    while waiting:
        for child in added.get(waiting.pop(), []):
            if child not in part:
                part.add(child)
                waiting.append(child)
    return part


def _merge_order(plan: MergePlan, base: dict, mine: dict) -> None:
    """The lists whose order the group changed: its own lists win; a list outside its part keeps
    the workshop's order, and the facilitator is told."""
    def in_part_list(table: str, parent: str | None) -> bool:
        return parent in plan.part

    plan.reordered = reordered_lists(base, mine, in_part_list)
    if reordered_lists(base, mine, lambda table, parent: not in_part_list(table, parent)):
        plan.notes.append(_("The handout also changes the order of items outside its part; the workshop's order "
                            "is kept there."))


def _state(stored: str) -> dict | None:
    """The handout's rows as they were merged (table -> id -> row); None when unreadable."""
    try:
        found = json.loads(stored)
        return {table: {row["id"]: row for row in found[table]} for table in MERGED_TABLES}
    except (TypeError, ValueError, KeyError, RecursionError):
        return None


def _state_text(rows: dict) -> str:
    return json.dumps({table: list(rows[table].values()) for table in MERGED_TABLES}, ensure_ascii=False,
                      separators=(",", ":"))


FUNDING = "funding"  # the conflict's field when both sides changed an action's funding sources


def _funding_lists(rows: dict[str, dict]) -> dict[str, list[dict]]:
    lists: dict[str, list[dict]] = {}
    for row in sorted(rows.values(), key=lambda row: row["position"]):
        lists.setdefault(row["node_id"], []).append(row)
    return lists


def _same_funding(first: list[dict], second: list[dict]) -> bool:
    def key(rows):
        return [(row["organization_id"], row["source"], row["amount"], row["currency"], row["year"]) for row in rows]
    return key(first) == key(second)


def _merge_funding(plan: MergePlan, base: dict, workshop: dict, mine: dict, part: set[str],
                   deleted_nodes: set[str]) -> None:
    """Each action's funding sources as one list: the group's list arrives when the workshop
    kept the list as handed out; both changed it differently, it is a conflict."""
    before, now, theirs = (_funding_lists(rows["funding_source"]) for rows in (base, workshop, mine))
    for node_id in {*before, *theirs}:
        if node_id in deleted_nodes or node_id not in mine["roadmap_node"]:
            continue  # goes, or stays, with its action
        old, current, new = before.get(node_id, []), now.get(node_id, []), theirs.get(node_id, [])
        if _same_funding(old, new) or _same_funding(current, new):
            continue
        if node_id not in part:
            plan.conflicts.append(Conflict(OUTSIDE, "roadmap_node", node_id, FUNDING, old, current, new))
        elif _same_funding(old, current):
            plan.steps += _funding_steps(current, new)
        else:
            plan.conflicts.append(Conflict(FIELD, "roadmap_node", node_id, FUNDING, old, current, new))


def _funding_steps(current: list[dict], new: list[dict]) -> list["Step"]:
    return [*(Step("delete", "funding_source", row["id"]) for row in current),
            *(Step("add", "funding_source", row["id"], dict(row)) for row in new)]


_NAMING = ("organization_id", "lead_organization_id")  # the columns that name an organization


def _dangling(plan: MergePlan, workshop: dict, people: set[str]) -> None:
    """A row the group added or changed (or that a conflict would bring back) that names an
    organization the workshop deleted meanwhile: the organization becomes the conflict (keep it
    deleted, and the group's row loses the name; or bring it back). A speaker the workshop
    deleted is forgotten."""
    mine = plan.handout.rows
    known = set(workshop["organization"]) | {step.row_id for step in plan.steps
                                              if step.kind == "add" and step.table == "organization"}
    rows = [step.values for step in plan.steps if step.kind != "delete"]
    for conflict in plan.conflicts:
        if conflict.kind == DELETE_EDIT and conflict.table != "organization":
            rows += [step.values for step in _restored(plan, conflict)]
        elif conflict.field in _NAMING:
            rows.append({conflict.field: conflict.handout})
    missing = {row[column] for row in rows for column in _NAMING if row.get(column) and row[column] not in known}
    plan.people_gone = {row["participant_id"] for row in rows
                        if row.get("participant_id") and row["participant_id"] not in people}
    for organization_id in sorted(missing):
        row = mine["organization"].get(organization_id) or plan.base["organization"].get(organization_id)
        plan.conflicts.append(Conflict(DELETE_EDIT, "organization", organization_id, "", row, None, row))


def _under_deleted_items(plan: MergePlan, workshop: dict) -> None:
    """What the group changed or added under an item the workshop deleted meanwhile cannot arrive
    alone: it becomes one conflict for the topmost item deleted, which the facilitator keeps
    deleted or brings back as the group left it, with everything under it."""
    mine, base, now = plan.handout.rows, plan.base["roadmap_node"], workshop["roadmap_node"]

    def topmost_deleted(node_id: str | None) -> str | None:
        top, current, seen = None, node_id, set()
        while current is not None and current not in now and current not in seen:
            seen.add(current)
            if current in base and current in mine["roadmap_node"]:
                top = current
            row = mine["roadmap_node"].get(current) or base.get(current)
            current = row["parent_id"] if row else None
        return top

    folded: dict[str, list[tuple[str, str]]] = {}
    kept_steps = []
    for step in plan.steps:
        top = topmost_deleted(_anchor(step.table, step.row_id, step.values)) if step.kind == "add" else None
        if top is None:
            kept_steps.append(step)
        else:
            folded.setdefault(top, []).append((step.table, step.row_id))
    kept_conflicts = []
    for conflict in plan.conflicts:
        top = None
        if conflict.kind == DELETE_EDIT and conflict.table != "organization" or conflict.field == FUNDING:
            top = topmost_deleted(_anchor(conflict.table, conflict.row_id, conflict.handout or conflict.base or {}))
        if top is None:
            kept_conflicts.append(conflict)
        else:
            folded.setdefault(top, []).append((conflict.table, conflict.row_id))
    plan.steps, plan.conflicts = kept_steps, kept_conflicts
    for top, keys in folded.items():
        plan.conflicts.append(Conflict(DELETE_EDIT, "roadmap_node", top, "", dict(base[top]), None,
                                       dict(mine["roadmap_node"][top]), below=tuple(dict.fromkeys(keys))))


def _anchor(table: str, row_id: str, row: dict) -> str | None:
    """Where to look up from for an item the workshop deleted: the item itself (a new one leads
    to the item above it), or the item an indicator, partner, funding source or comment is on."""
    return row_id if table == "roadmap_node" else row.get("node_id")


def _merge_row(plan: MergePlan, table: str, row_id: str, before: dict | None, now: dict | None,
               theirs: dict | None, deleted_nodes: set[str], workshop: dict) -> None:
    if before is None:
        if theirs is not None and now is None:
            _added(plan, table, row_id, theirs, workshop)
        return
    inside = _inside(plan, table, before, theirs)
    if theirs is None:
        if now is not None and not _removed_with_parent(table, before, deleted_nodes):
            _deleted(plan, table, row_id, before, now, inside, workshop)
        return
    _changed(plan, table, row_id, before, now, theirs, inside)


def _inside(plan: MergePlan, table: str, before: dict, theirs: dict | None) -> bool:
    """Whether the group may change (or delete) this row: it was in the group's part, and where
    the group left it is in its part too. The outcomes handed out are the group's to edit, not to
    delete: the plenary decides that."""
    part = plan.part
    if table == "roadmap_node":
        if theirs is None:
            return before["id"] in part and before["id"] not in plan.handout.info.outcomes
        return before["id"] in part
    rows = (before,) if theirs is None else (before, theirs)
    if table == "plenary_comment":
        return all(row["node_id"] in part for row in rows)
    return all(in_part(table, row, part) for row in rows)


def _added(plan: MergePlan, table: str, row_id: str, theirs: dict, workshop: dict) -> None:
    """A row the group added: comments and new organizations anywhere, the rest in its part."""
    if not (table in ("plenary_comment", "organization") or in_part(table, theirs, plan.part)):
        plan.conflicts.append(Conflict(OUTSIDE, table, row_id, "", None, None, dict(theirs)))
        return
    if table == "action_partner":
        # The same partner named on both sides (or by two groups) is one partner of the action.
        same = next((row for row in workshop["action_partner"].values()
                     if (row["node_id"], row["organization_id"]) == (theirs["node_id"], theirs["organization_id"])),
                    None)
        if same is not None:
            if same["role"] != theirs["role"]:
                plan.conflicts.append(Conflict(FIELD, table, same["id"], "role", None, same["role"], theirs["role"]))
            return
    plan.steps.append(Step("add", table, row_id, dict(theirs)))


def _deleted(plan: MergePlan, table: str, row_id: str, before: dict, now: dict, inside: bool,
             workshop: dict) -> None:
    """A row the group deleted: gone, unless the workshop changed it (or anything under it)."""
    if not inside:
        plan.conflicts.append(Conflict(OUTSIDE, table, row_id, "", dict(before), dict(now), None))
    elif _changed_since(table, row_id, before, now, workshop, plan.base) or (
            plan.again and row_id not in plan.handout.base[table]):
        # Handed in again without a row this handout brought before: deleted since, or a copy
        # of the handout made before that merge. The facilitator decides; nothing goes silently.
        plan.conflicts.append(Conflict(EDIT_DELETE, table, row_id, "", dict(before), dict(now), None))
    else:
        plan.steps.append(Step("delete", table, row_id))


def _changed(plan: MergePlan, table: str, row_id: str, before: dict, now: dict | None, theirs: dict,
             inside: bool) -> None:
    """A row the group edited, field by field against the workshop's own edits."""
    # A field the base does not know (a newer format's) is not the group's change; a position is
    # merged as each side's order (ordering.py).
    changed = [name for name in theirs if name in before and theirs[name] != before[name] and name != PLACE]
    if not changed:
        return
    if now is None:  # deleted in the workshop meanwhile
        if inside:
            plan.conflicts.append(Conflict(DELETE_EDIT, table, row_id, "", dict(before), None, dict(theirs)))
        return
    updates = {}
    for name in changed:
        if theirs[name] == now[name]:
            continue  # both made the same change
        if not inside or (table == "roadmap_node" and name == "parent_id" and theirs[name] not in plan.part):
            # An item of the part moved out of it: the group may edit it there, not take it elsewhere.
            plan.conflicts.append(Conflict(OUTSIDE, table, row_id, name, before[name], now[name], theirs[name]))
        elif plan.again and theirs[name] == plan.handout.base[table].get(row_id, {}).get(name):
            # Back to its value as handed out, after a merge brought the group's change: undone
            # since, or a copy of the handout made before that merge. The facilitator decides.
            plan.conflicts.append(Conflict(FIELD, table, row_id, name, before[name], now[name], theirs[name]))
        elif now[name] == before[name]:
            updates[name] = theirs[name]
        else:
            plan.conflicts.append(Conflict(FIELD, table, row_id, name, before[name], now[name], theirs[name]))
    if updates:
        plan.steps.append(Step("update", table, row_id, updates))


def _removed_with_parent(table: str, row: dict, deleted_nodes: set[str]) -> bool:
    if table == "roadmap_node":
        return row["parent_id"] in deleted_nodes
    return table in (*NODE_TABLES, "plenary_comment") and row["node_id"] in deleted_nodes


def _changed_since(table: str, row_id: str, before: dict, now: dict, workshop: dict, base: dict) -> bool:
    """Whether the workshop changed the row, or (for an item) anything under it, since the
    handout was written: then deleting it would lose that work."""
    if any(now.get(name) != value for name, value in before.items() if name != PLACE):
        return True
    if table != "roadmap_node":
        return False
    below = part_nodes(workshop["roadmap_node"].values(), [row_id]) - {row_id}
    for node_id in below:
        if node_id not in base["roadmap_node"] or _differs(base["roadmap_node"][node_id],
                                                            workshop["roadmap_node"][node_id]):
            return True
    below.add(row_id)
    for child in (*NODE_TABLES, "plenary_comment"):
        for key, row in workshop[child].items():
            if row["node_id"] in below and (key not in base[child] or _differs(base[child][key], row)):
                return True
    return False


def _differs(before: dict, now: dict) -> bool:
    return any(now.get(name) != value for name, value in before.items() if name != PLACE)


# ---------------------------------------------------------------------- the change

def merge_change(document: WorkshopDocument, plan: MergePlan) -> Change:
    """The plan, with each conflict decided by its choice, as one undoable Change (empty when the
    handout was merged already). Planned against the workshop as it is now."""
    # Translators: the undo step of a merge: "Merge handout Group B"
    text = _("Merge handout {group}").format(group=plan.handout.label)
    if plan.already_merged:
        return Change(text)
    adds, updates, deletes = _decided(plan)
    rows: list[RowChange] = []
    merge = {"id": plan.handout.info.id, "label": plan.handout.label, "merged_at": utc_now(),
             "state": _state_text(plan.handout.rows)}
    earlier = document.get("merged_handout", merge["id"])
    if earlier is None:
        rows.append(RowChange("merged_handout", merge["id"], None, merge))
    else:
        changed = {name: value for name, value in merge.items() if name != "id"}
        rows.append(RowChange("merged_handout", merge["id"], {name: earlier[name] for name in changed}, changed))
    # The lists the merge adds to, moves between, deletes from or reorders, and their order in the
    # workshop now, read before any row moves.
    sibling_lists = lists_touched(document, [*adds, *updates, *deletes]) | plan.reordered
    orders = workshop_orders(document, sibling_lists)
    with document.drafting() as step:
        done: set[tuple[str, str]] = set()
        # Rows the group deleted among lists first (a partner removed and named again), then
        # additions (parents before children), edits, and the items deleted with all under them.
        for item in sorted((item for item in deletes if item.table != "roadmap_node"),
                           key=lambda item: MERGED_TABLES.index(item.table), reverse=True):
            rows += _delete(document, step, item, done)
        order = _depths(plan.handout.rows["roadmap_node"])
        for item in sorted(adds, key=lambda item: (MERGED_TABLES.index(item.table), order.get(item.row_id, 0))):
            if document.get(item.table, item.row_id) is not None:
                continue  # already back (an item restored with what is under it)
            _check_shape(document, plan, item.table, item.values)
            rows += step(Change(text, (RowChange(item.table, item.row_id, None, item.values),))).rows
        for item in updates:
            current = document.get(item.table, item.row_id)
            if current is None:
                continue
            values = {name: value for name, value in item.values.items() if current.get(name) != value}
            if values:
                _check_shape(document, plan, item.table, values, current)
                before = {name: current[name] for name in values}
                rows += step(Change(text, (RowChange(item.table, item.row_id, before, values),))).rows
        for item in sorted((item for item in deletes if item.table == "roadmap_node"),
                           key=lambda item: -order.get(item.row_id, 0)):
            rows += _delete(document, step, item, done)
        rows += renumbered(document, step, text, sibling_lists, orders, plan.handout.rows, plan.reordered)
    rows += _provenance(plan.handout.info.id, rows)
    return Change(text, tuple(rows))


def _check_shape(document: WorkshopDocument, plan: MergePlan, table: str, values: dict,
                 current: dict | None = None) -> None:
    """The road map's rules hold for what a handout brings too (its file may have been edited by
    other means): an action under an outcome, an outcome under an outcome… is refused, naming the
    handout, and nothing is merged."""
    if table not in ("roadmap_node", "indicator", "action_partner", "funding_source"):
        return
    try:
        check_row(document, table, values, current)
    except InvalidValueError as error:
        raise InvalidValueError(_("{group}'s handout cannot be merged: {problem}").format(
            group=plan.handout.label, problem=error)) from None


def _decided(plan: MergePlan) -> tuple[list[Step], list[Step], list[Step]]:
    """The plan's additions, edits and deletions with each conflict decided by its choice.
    Copies: deciding adjusts them, and a plan may be previewed and decided again."""
    steps = [Step(step.kind, step.table, step.row_id, dict(step.values)) for step in plan.steps]
    adds = [step for step in steps if step.kind == "add"]
    updates = [step for step in steps if step.kind == "update"]
    deletes = [step for step in steps if step.kind == "delete"]
    for conflict in plan.conflicts:
        if conflict.choice != HANDOUT:
            continue
        if conflict.field == FUNDING:
            for item in _funding_steps(conflict.workshop, conflict.handout):
                (deletes if item.kind == "delete" else adds).append(item)
        elif conflict.field:
            updates.append(Step("update", conflict.table, conflict.row_id, {conflict.field: conflict.handout}))
        elif conflict.handout is None:
            deletes.append(Step("delete", conflict.table, conflict.row_id))
        else:
            adds += _restored(plan, conflict)
    # Once every row is known (an item brought back brings rows that name organizations too).
    for conflict in plan.conflicts:
        if conflict.table == "organization" and conflict.kind == DELETE_EDIT and conflict.choice != HANDOUT:
            _forget_organization(adds, conflict.row_id, conflict.handout or {})
            _forget_organization(updates, conflict.row_id, conflict.handout or {})
    for item in (*adds, *updates):
        if item.values.get("participant_id") in plan.people_gone:
            item.values["participant_id"] = None
    return adds, updates, deletes


def _forget_organization(steps: list[Step], organization_id: str, row: dict) -> None:
    """The workshop keeps an organization deleted: the group's rows that named it lose the name
    (a funding source keeps it in words; a partner goes)."""
    for item in list(steps):
        values = item.values
        if values.get("lead_organization_id") == organization_id:
            values["lead_organization_id"] = None
        if values.get("organization_id") == organization_id:
            if item.table == "action_partner":
                steps.remove(item)
            elif item.table == "funding_source":
                values.update(organization_id=None, source=values.get("source") or row.get("acronym") or
                              row.get("name") or "")
            else:
                values["organization_id"] = None


def _delete(document: WorkshopDocument, step, item: Step, done: set) -> list[RowChange]:
    if (item.table, item.row_id) in done or document.get(item.table, item.row_id) is None:
        return []
    removal = document.plan_delete(item.table, item.row_id)
    done.update((row.table, row.row_id) for row in removal.rows)
    return list(step(removal).rows)


def _restored(plan: MergePlan, conflict: Conflict) -> list[Step]:
    """An item the workshop deleted and the group changed, back as the group left it, with
    everything the group has under it."""
    mine = plan.handout.rows
    if conflict.table != "roadmap_node":
        return [Step("add", conflict.table, conflict.row_id, dict(conflict.handout))]
    below = part_nodes(mine["roadmap_node"].values(), [conflict.row_id])
    steps = [Step("add", "roadmap_node", node_id, dict(mine["roadmap_node"][node_id])) for node_id in below]
    for table in (*NODE_TABLES, "plenary_comment"):
        steps += [Step("add", table, key, dict(row)) for key, row in mine[table].items() if row["node_id"] in below]
    return steps


def _depths(nodes: dict[str, dict]) -> dict[str, int]:
    depths: dict[str, int] = {}
    for node_id in nodes:
        chain, current = [], node_id
        while current in nodes and current not in depths and current not in chain:
            chain.append(current)
            current = nodes[current]["parent_id"]
        depth = depths.get(current, -1) if current in nodes else -1
        for key in reversed(chain):
            depth += 1
            depths[key] = depth
    return depths


def _provenance(handout_id: str, rows: list[RowChange]) -> list[RowChange]:
    """Which rows and fields the handout brought: one row of merged_change each."""
    records, seen = [], set()
    for row in rows:
        if row.table not in MERGED_TABLES:
            continue
        names = [""] if row.kind != "update" else [name for name in row.after if name != PLACE]
        for name in names:
            if (row.table, row.row_id, name) in seen:
                continue
            seen.add((row.table, row.row_id, name))
            record = {"id": new_id(), "handout_id": handout_id, "table_name": row.table, "row_id": row.row_id,
                      "field": name}
            records.append(RowChange("merged_change", record["id"], None, record))
    return records
