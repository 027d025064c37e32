"""The shape of the road map: goal -> outcomes -> outputs -> actions; indicators measure
outcomes and outputs. Checked before a change is applied, so codes always make sense."""

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
            where = f"under {_article(found)} {found}" if found else "at the top"
            belongs = f"it belongs under {_article(expected)} {expected}" if expected else "it is the top level"
            raise InvalidValueError(f"a road-map {merged.get('level')} cannot be placed {where}; {belongs}")
    if table == "indicator" and ("node_id" in values or current is None):
        node = document.get("roadmap_node", merged.get("node_id")) if merged.get("node_id") else None
        if node is None or node["level"] not in MEASURED_LEVELS:
            raise InvalidValueError("indicators measure outcomes and outputs only")


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"
