"""The road map as a tree, with codes ("2.1.3") derived from positions so they renumber themselves."""

from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument


@dataclass
class RoadmapItem:
    node: dict
    code: str
    children: list["RoadmapItem"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def roadmap_tree(document: WorkshopDocument) -> list[RoadmapItem]:
    """The goal(s) at the top; outcomes numbered 1, 2…; outputs 1.1…; actions 1.1.1…"""
    children: dict[str | None, list[dict]] = {}
    for node in document.rows("roadmap_node", order_by="position"):
        children.setdefault(node["parent_id"], []).append(node)

    def build(node: dict, code: str) -> RoadmapItem:
        item = RoadmapItem(node, code)
        for index, child in enumerate(children.get(node["id"], []), start=1):
            item.children.append(build(child, f"{code}.{index}" if code else str(index)))
        return item

    return [build(goal, "") for goal in children.get(None, [])]


def node_codes(document: WorkshopDocument) -> dict[str, str]:
    """Every road-map item's code by id ("" for the goal), in road-map order."""
    return {item.node["id"]: item.code for goal in roadmap_tree(document) for item in goal.walk()}


# Translators: how a facilitator names an item of the road map: "Action 2.1.3", "Outcome 1"
_LABELS = {"goal": N_("Goal {code}"), "outcome": N_("Outcome {code}"), "output": N_("Output {code}"),
           "action": N_("Action {code}")}


def item_label(level: str, code: str) -> str:
    """How a facilitator names an item: "Action 2.1.3", "Outcome 1", "Goal"."""
    if level not in _LABELS:  # a level this program does not write: named as the file names it
        word = level.capitalize()
        return f"{word} {code}" if code else word
    return _(_LABELS[level]).format(code=code) if code else _(v.NODE_LEVEL_LABELS[level])


def item_words(level: str, code: str) -> str:
    """The item's label as it reads inside a sentence: "action 2.1.3", "goal"."""
    label = item_label(level, code)
    return label[:1].lower() + label[1:]


def action_partners(document: WorkshopDocument, action_id: str) -> dict[str, str]:
    """organization id -> role (lead, support, consulted, informed, funder) for one action."""
    return {row["organization_id"]: row["role"]
            for row in document.rows("action_partner", "node_id = ?", [action_id])}


def node_indicators(document: WorkshopDocument, node_id: str) -> list[dict]:
    """The indicators measuring an outcome or output, in their order."""
    return document.rows("indicator", "node_id = ?", [node_id], order_by="position")
