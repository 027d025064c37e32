"""Where each action's money comes from: funding sources (an organization of the workshop, or a
source named in words; an amount, its currency, the year it is spent), and the plan's costing by
funding source and by year, per currency: amounts in different currencies are never added."""

from collections import defaultdict

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.rows import next_position


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


def plan_add_funding(document, node_id: str, source: str, amount, year=None, organization_id: str | None = None):
    """The undoable step that adds a funding source after the action's others, in the action's
    currency. `source` names it when it is no organization of the workshop."""
    node = document.get("roadmap_node", node_id)
    position = next_position(funding_sources(document, node_id))
    # Translators: an undo step: a funding source added to an action
    return document.plan_insert("funding_source", _("Add funding source"), node_id=node_id, position=position,
                                organization_id=organization_id, source="" if organization_id else source,
                                amount=amount, currency=(node or {}).get("currency") or "", year=year or None)


def action_funding(document, node_id: str) -> list[dict]:
    """An action's funding sources as a reader names them: id, name, amount, currency, year."""
    organizations = {row["id"]: row for row in document.rows("organization")}
    return [{"id": source["id"], "name": source_name(source, organizations), "amount": source["amount"],
             "currency": source["currency"], "year": source["year"]} for source in funding_sources(document, node_id)]


def plan_set_funding(document, node_id: str, entries: list[dict], undo_text: str | None = None):
    """Make the action's funding sources exactly `entries` ({name, amount, year}, in order), in
    the action's currency. A name that is an organization's acronym or name is that
    organization; any other names the source in words."""
    undo_text = undo_text or _("Change funding sources")
    node = document.get("roadmap_node", node_id)
    by_name = {}
    for row in document.rows("organization", order_by="rowid"):
        for name in (row["acronym"], row["name"]):
            if name:
                by_name.setdefault(name.casefold(), row["id"])
    change = Change(undo_text)
    for row in funding_sources(document, node_id):
        change = change.then(document.plan_delete("funding_source", row["id"], undo_text))
    for position, entry in enumerate(entries):
        organization_id = by_name.get(entry["name"].casefold())
        change = change.then(document.plan_insert(
            "funding_source", undo_text, node_id=node_id, position=position, organization_id=organization_id,
            source="" if organization_id else entry["name"], amount=entry.get("amount"),
            currency=(node or {}).get("currency") or "", year=entry.get("year")))
    return change
