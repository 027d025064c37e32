"""Where each action's money comes from: funding sources (an organization of the workshop, or a
source named in words; an amount, its currency, the year it is spent), and the plan's costing by
funding source and by year, per currency: amounts in different currencies are never added."""

from collections import defaultdict

from workshop_app.i18n.catalogs import _


def funding_sources(document, node_id: str | None = None) -> list[dict]:
    """An action's sources (all of them without `node_id`), in their order."""
    if node_id is None:
        return document.rows("funding_source", order_by="node_id, position, rowid")
    return document.rows("funding_source", "node_id = ?", [node_id], order_by="position, rowid")


def source_name(source: dict, organizations: dict[str, dict]) -> str:
    """The source as a reader names it: the organization's acronym or name, else the words typed."""
    organization = organizations.get(source.get("organization_id") or "")
    if organization is not None:
        return organization.get("acronym") or organization.get("name") or _("Source not named")
    return source.get("source") or _("Source not named")


def costing(document) -> dict[str, dict[str, dict[int | None, float]]]:
    """currency -> source -> year (None: no year given) -> amount, over the actions not dropped."""
    organizations = {row["id"]: row for row in document.rows("organization")}
    dropped = {row["id"] for row in document.rows("roadmap_node", "status = 'dropped'")}
    return costing_of(funding_sources(document), organizations, dropped)


def costing_of(sources: list[dict], organizations: dict[str, dict], dropped: set[str]):
    """The same from rows as a version's snapshot holds them (its organizations: id -> name and
    acronym)."""
    table: dict[str, dict[str, dict[int | None, float]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(float)))
    for source in sources:
        if source["node_id"] in dropped or not source.get("amount"):
            continue
        table[source.get("currency") or ""][source_name(source, organizations)][source.get("year")] += source["amount"]
    return {currency: {name: dict(years) for name, years in sources.items()} for currency, sources in table.items()}
