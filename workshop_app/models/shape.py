"""The shape of the road map: goal -> outcomes -> outputs -> actions; indicators measure
outcomes and outputs. Checked before a change is applied, so codes always make sense."""

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.errors import InvalidValueError

PARENT_LEVEL = {"goal": None, "outcome": "goal", "output": "outcome", "action": "output"}
MEASURED_LEVELS = ("outcome", "output")


def check_row(document, table: str, values: dict, current: dict | None = None) -> None:
    """Raise InvalidValueError when a new or changed row would break the road map's shape."""
    merged = {**(current or {}), **values}
    if table == "roadmap_node" and ({"level", "parent_id"} & set(values) or current is None):
        parent = document.get("roadmap_node", merged["parent_id"]) if merged.get("parent_id") else None
        expected = PARENT_LEVEL.get(merged.get("level"))
        found = parent["level"] if parent else None
        if found != expected:
            raise InvalidValueError(_misplaced(merged.get("level"), found))
    if table == "indicator" and ("node_id" in values or current is None):
        node = document.get("roadmap_node", merged.get("node_id")) if merged.get("node_id") else None
        if node is None or node["level"] not in MEASURED_LEVELS:
            raise InvalidValueError(_("indicators measure outcomes and outputs only"))


# A level placed at the top, or under an item of another level ({parent}: "an outcome").
_AT_THE_TOP = {
    "outcome": N_("a road-map outcome cannot be placed at the top; it belongs under a goal"),
    "output": N_("a road-map output cannot be placed at the top; it belongs under an outcome"),
    "action": N_("a road-map action cannot be placed at the top; it belongs under an output"),
}
_UNDER = {
    "goal": N_("a road-map goal cannot be placed under {parent}; it is the top level"),
    "outcome": N_("a road-map outcome cannot be placed under {parent}; it belongs under a goal"),
    "output": N_("a road-map output cannot be placed under {parent}; it belongs under an outcome"),
    "action": N_("a road-map action cannot be placed under {parent}; it belongs under an output"),
}
# A level with its article, for sentences that name one ({parent} above). Marked with N_.
# Translators: a level of the road map in a sentence: "… cannot be placed under {parent}" ("an outcome")
LEVEL_WITH_ARTICLE = {"goal": N_("a goal"), "outcome": N_("an outcome"), "output": N_("an output"),
                      "action": N_("an action")}


def _misplaced(level: str | None, parent_level: str | None) -> str:
    if parent_level is None:
        return _(_AT_THE_TOP[level])
    parent = _(LEVEL_WITH_ARTICLE[parent_level]) if parent_level in LEVEL_WITH_ARTICLE else parent_level
    if level in _UNDER:
        return _(_UNDER[level]).format(parent=parent)
    # An unknown level (a damaged file): it has no parent level, like a goal.
    return _("a road-map {level} cannot be placed under {parent}; it is the top level").format(
        level=level, parent=parent)
