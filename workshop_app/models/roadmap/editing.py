"""Drafting the road map: add, move, shift and delete items, set an action's partners.

Every function plans one Change (one undo step) and writes nothing. Siblings are kept numbered
0, 1, 2… with no gaps, so the codes that roadmap.roadmap_tree derives from positions ("2.1.3")
renumber themselves after every edit. Positions are counted among the new siblings as they are
without the item being moved, like the agenda's slots.
"""

from collections.abc import Mapping

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.shape import PARENT_LEVEL, check_row

_TABLE = "roadmap_node"


def children_ids(document: WorkshopDocument, parent_id: str | None) -> list[str]:
    """The ids of an item's children (of the goals when parent_id is None), in code order."""
    if parent_id is None:
        rows = document.rows(_TABLE, "parent_id IS NULL", order_by="position, rowid")
    else:
        rows = document.rows(_TABLE, "parent_id = ?", [parent_id], order_by="position, rowid")
    return [row["id"] for row in rows]


def subtree_ids(document: WorkshopDocument, node_id: str) -> list[str]:
    """The item and everything below it, parents before children."""
    found, index = [node_id], 0
    while index < len(found):
        found.extend(children_ids(document, found[index]))
        index += 1
    return found


def plan_add_node(document: WorkshopDocument, parent_id: str | None, level: str, *, position: int | None = None,
                  undo_text: str | None = None, **fields) -> Change:
    """A new outcome, output or action (or goal) under `parent_id`, at `position` among its
    siblings (default: last); the siblings after it move down one place."""
    if parent_id is not None:
        _require(document, parent_id)
    text = undo_text or _(_level_texts(level)[0])
    # The title of an item just added, until the user types its own.
    fields.setdefault("title", _(_level_texts(level)[1]))
    siblings = children_ids(document, parent_id)
    index = len(siblings) if position is None else _clamp(position, len(siblings))
    # plan_insert checks that the level fits under the parent (structure.check_row).
    insert = document.plan_insert(_TABLE, text, parent_id=parent_id, level=level, position=index, **fields)
    new_id = insert.rows[0].row_id
    siblings.insert(index, new_id)
    return _join(text, insert, _plan_positions(document, {parent_id: siblings}, text, skip={new_id}))


def plan_move_node(document: WorkshopDocument, node_id: str, new_parent_id: str | None, position: int,
                   undo_text: str | None = None) -> Change:
    """Move an item, with everything below it, to `position` among the children of
    `new_parent_id`. Both old and new siblings are renumbered. Refuses (InvalidValueError) a move
    that would put an item under itself or break goal → outcome → output → action."""
    node = _require(document, node_id)
    text = undo_text or _(_level_texts(node["level"])[2])
    if new_parent_id is not None:
        _require(document, new_parent_id)
        if node_id in _ancestors_and_self(document, new_parent_id):
            if node["level"] in _UNDER_ITSELF:
                raise InvalidValueError(_(_UNDER_ITSELF[node["level"]]))
            raise InvalidValueError(_("a road-map {level} cannot be moved under itself or under one of its own "
                                      "outputs or actions").format(level=node["level"]))
    check_row(document, _TABLE, {"parent_id": new_parent_id}, node)
    source = node["parent_id"]
    layouts = {source: [other for other in children_ids(document, source) if other != node_id]}
    target = layouts[source] if new_parent_id == source else children_ids(document, new_parent_id)
    target.insert(_clamp(position, len(target)), node_id)
    layouts[new_parent_id] = target
    return _plan_positions(document, layouts, text)


def plan_shift_node(document: WorkshopDocument, node_id: str, step: int, undo_text: str | None = None) -> Change:
    """Move an item up (step -1) or down (+1) among its siblings (keyboard moves). At either end
    nothing happens (an empty Change)."""
    node = _require(document, node_id)
    text = undo_text or _(_level_texts(node["level"])[2])
    siblings = children_ids(document, node["parent_id"])
    target = siblings.index(node_id) + step
    if step == 0 or target < 0 or target >= len(siblings):
        return Change(text)
    return plan_move_node(document, node_id, node["parent_id"], target, text)


def plan_delete_node(document: WorkshopDocument, node_id: str, undo_text: str | None = None) -> Change:
    """Remove an item with everything below it, their indicators, partners and plenary comments,
    and close the gap among its siblings."""
    node = _require(document, node_id)
    text = undo_text or _(_level_texts(node["level"])[3])
    parent_id = node["parent_id"]
    remaining = [other for other in children_ids(document, parent_id) if other != node_id]
    removal = document.plan_delete(_TABLE, node_id, text)
    # The siblings do not depend on the removed rows: their renumbering is planned as they are now.
    return _join(text, removal, _plan_positions(document, {parent_id: remaining}, text))


def plan_set_partners(document: WorkshopDocument, action_id: str, partners: Mapping[str, str],
                      undo_text: str | None = None) -> Change:
    """Make the action's partner list exactly {organization_id: role}. Partners that stay keep
    their row (and id); roles are keys of vocabulary.PARTNER_ROLES."""
    undo_text = undo_text or _("Change partners")
    node = _require(document, action_id)
    if node["level"] != "action":
        raise InvalidValueError(_("partner organizations belong to actions, not to outcomes or outputs"))
    for organization_id, role in partners.items():
        if role not in v.PARTNER_ROLES:
            raise InvalidValueError(_("'{value}' is not a valid partner role (choose one of: {choices})").format(
                value=role, choices=", ".join(v.PARTNER_ROLES)))
        if document.get("organization", organization_id) is None:
            raise InvalidValueError(_("a partner organization no longer exists (was it deleted?)"))
    current = {row["organization_id"]: row for row in document.rows("action_partner", "node_id = ?", [action_id])}
    steps = []
    for organization_id, row in current.items():
        if organization_id not in partners:
            steps.append(document.plan_delete("action_partner", row["id"], undo_text))
        elif partners[organization_id] != row["role"]:
            steps.append(document.plan_update("action_partner", row["id"], undo_text, role=partners[organization_id]))
    for organization_id, role in partners.items():
        if organization_id not in current:
            steps.append(document.plan_insert("action_partner", undo_text, node_id=action_id,
                                              organization_id=organization_id, role=role))
    return _join(undo_text, *steps)


# ---------------------------------------------------------------------------------- internals

def _plan_positions(document: WorkshopDocument, layouts: dict[str | None, list[str]], text: str,
                    skip: set[str] = frozenset()) -> Change:
    """Set (parent, position) of every listed item whose place differs from its list index."""
    steps = []
    for parent_id, node_ids in layouts.items():
        for index, node_id in enumerate(node_ids):
            if node_id in skip:
                continue
            current = document.get(_TABLE, node_id)
            if (current["parent_id"], current["position"]) != (parent_id, index):
                steps.append(document.plan_update(_TABLE, node_id, text, parent_id=parent_id, position=index))
    return _join(text, *steps)


def _ancestors_and_self(document: WorkshopDocument, node_id: str) -> list[str]:
    chain, seen = [], set()
    while node_id is not None and node_id not in seen:
        seen.add(node_id)
        chain.append(node_id)
        row = document.get(_TABLE, node_id)
        node_id = row["parent_id"] if row else None
    return chain


def _require(document: WorkshopDocument, node_id: str) -> dict:
    node = document.get(_TABLE, node_id) if node_id else None
    if node is None:
        raise WorkshopError(_("the road-map item no longer exists (was it deleted?)"))
    return node


def _join(text: str, *changes: Change) -> Change:
    return Change(text, tuple(row for change in changes for row in change.rows))


def _clamp(position: int, length: int) -> int:
    return max(0, min(int(position), length))


# Per level: the undo steps that add, move and delete an item, and the title of a new one.
_LEVEL_TEXTS = {
    "goal": (N_("Add goal"), N_("New goal"), N_("Move goal"), N_("Delete goal")),
    "outcome": (N_("Add outcome"), N_("New outcome"), N_("Move outcome"), N_("Delete outcome")),
    "output": (N_("Add output"), N_("New output"), N_("Move output"), N_("Delete output")),
    "action": (N_("Add action"), N_("New action"), N_("Move action"), N_("Delete action")),
}
_ANY_LEVEL_TEXTS = (N_("Add road-map item"), N_("New road-map item"), N_("Move road-map item"),
                    N_("Delete road-map item"))
_UNDER_ITSELF = {
    "goal": N_("a road-map goal cannot be moved under itself or under one of its own outputs or actions"),
    "outcome": N_("a road-map outcome cannot be moved under itself or under one of its own outputs or actions"),
    "output": N_("a road-map output cannot be moved under itself or under one of its own outputs or actions"),
    "action": N_("a road-map action cannot be moved under itself or under one of its own outputs or actions"),
}


def _level_texts(level: str) -> tuple[str, str, str, str]:
    return _LEVEL_TEXTS[level] if level in PARENT_LEVEL else _ANY_LEVEL_TEXTS
