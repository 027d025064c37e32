"""The road map as the PDF prints it, read from one snapshot: the current draft, or a frozen
version by name (models.roadmap.versions), so that the printed version is exactly the one frozen.

Codes come with the snapshot. Totals are per currency and never add two currencies together
(models.roadmap.totals: CurrencyTotal, funding_gap); dropped actions are listed but not counted.
"""

import json
import unicodedata
from dataclasses import dataclass, field

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.handouts.part import handout_info, part_nodes
from workshop_app.models.plan.funding import source_name
from workshop_app.models.roadmap.totals import CurrencyTotal, currency_of, funding_gap
from workshop_app.models.roadmap.versions import list_versions, plan_record, snapshot

PARTNER_ORDER = ("lead", "support", "funder", "consulted", "informed")


@dataclass
class Organization:
    id: str
    name: str
    acronym: str

    @property
    def short(self) -> str:
        """What a crowded cell prints: the acronym, else the name."""
        return self.acronym or self.name

    @property
    def full(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym != self.name else self.name


@dataclass
class Action:
    node: dict
    code: str
    lead: Organization | None
    partners: list[tuple[str, Organization]]  # (role, organization), in PARTNER_ORDER then by name
    funding: list[tuple[str, float, int | None]] = field(default_factory=list)  # (source, amount, year)

    @property
    def title(self) -> str:
        return self.node["title"]

    @property
    def status(self) -> str:
        return self.node["status"]

    @property
    def start(self) -> str | None:
        return self.node["start"]

    @property
    def end(self) -> str | None:
        return self.node["end"]

    @property
    def cost(self) -> float | None:
        return self.node["cost"]

    @property
    def currency(self) -> str:
        return currency_of(self.node)

    @property
    def gap(self) -> float | None:
        return funding_gap(self.node)

    @property
    def counted(self) -> bool:
        return self.status != "dropped"


@dataclass
class Output:
    node: dict
    code: str
    actions: list[Action] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.node["title"]


@dataclass
class Outcome:
    node: dict
    code: str
    outputs: list[Output] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    totals: dict[str, CurrencyTotal] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.node["title"]

    @property
    def actions(self) -> list[Action]:
        return [action for output in self.outputs for action in output.actions]


@dataclass
class VersionInfo:
    name: str
    created_at: str
    validated: bool
    note: str


@dataclass
class Roadmap:
    goals: list[dict]
    outcomes: list[Outcome]
    overall: dict[str, CurrencyTotal]
    organizations: dict[str, Organization]
    version: VersionInfo | None  # None: the current draft
    # A breakout group's handout prints its own part for its report-back: the ids of the items
    # in it (None: the whole road map).
    part: set[str] | None = None
    # The plan's texts, figures, acronyms, objectives and national context, as the version keeps
    # them (versions.plan_record).
    plan: dict = field(default_factory=dict)
    # The snapshot all of this was read from, for the sections that read its rows themselves
    # (the budget by year and by funding source): captured once per report.
    snapshot: dict = field(default_factory=dict)

    @property
    def actions(self) -> list[Action]:
        return [action for outcome in self.outcomes for action in outcome.actions]

    @property
    def validated(self) -> bool:
        return self.version is not None and self.version.validated


def roadmap_content(document: WorkshopDocument, version: str | None = None) -> Roadmap:
    """The road map of `version` (a name or id; None for the current draft).

    Raises InvalidValueError (a WorkshopError) for a version that does not exist."""
    frozen = snapshot(document, version)
    info = None
    if version is not None:
        info = _version_info(document, version)
    organizations = {oid: Organization(oid, entry.get("name") or "", entry.get("acronym") or "")
                     for oid, entry in frozen.get("organizations", {}).items()}
    indicators: dict[str, list[dict]] = {}
    for row in frozen.get("indicators", []):
        indicators.setdefault(row["node_id"], []).append(row)
    handout = handout_info(document)
    part = None
    nodes = frozen.get("nodes", [])
    if handout is not None and version is None:
        part = part_nodes(nodes, handout.outcomes)
        nodes = [node for node in nodes if node["level"] == "goal" or node["id"] in part]
    goals, outcomes, overall = _tree(nodes, organizations, _partners(frozen, organizations), indicators)
    funding: dict[str, list] = {}
    for row in frozen.get("funding", []):
        if row.get("amount"):
            funding.setdefault(row["node_id"], []).append(
                (source_name(row, frozen.get("organizations", {})), row["amount"], row.get("year")))
    for outcome in outcomes:
        for action in outcome.actions:
            action.funding = funding.get(action.node["id"], [])
    return Roadmap(goals, outcomes, overall, organizations, info, part, frozen.get("plan") or plan_record(document),
                   frozen)


def _partners(frozen: dict, organizations: dict[str, Organization]) -> dict[str, list[tuple[str, Organization]]]:
    """(role, organization) by node, in PARTNER_ORDER then by name."""
    partners: dict[str, list[tuple[str, Organization]]] = {}
    for row in frozen.get("partners", []):
        organization = organizations.get(row["organization_id"])
        if organization is not None:
            partners.setdefault(row["node_id"], []).append((row["role"], organization))
    for entries in partners.values():
        entries.sort(key=lambda entry: (PARTNER_ORDER.index(entry[0]) if entry[0] in PARTNER_ORDER else 9,
                                        entry[1].short.casefold()))
    return partners


def _tree(nodes: list[dict], organizations: dict[str, Organization],
          partners: dict[str, list[tuple[str, Organization]]],
          indicators: dict[str, list[dict]]) -> tuple[list[dict], list[Outcome], dict[str, CurrencyTotal]]:
    """The goals, the outcomes with their outputs and actions, and the totals of all outcomes."""
    goals: list[dict] = []
    outcomes: list[Outcome] = []
    by_id: dict[str, Outcome | Output] = {}
    overall: dict[str, CurrencyTotal] = {}
    # A snapshot lists parents before children, in code order.
    for node in nodes:
        level = node["level"]
        parent = by_id.get(node["parent_id"])
        if level == "goal":
            goals.append(node)
        elif level == "outcome":
            outcome = Outcome(node, node["code"], indicators=indicators.get(node["id"], []))
            outcomes.append(outcome)
            by_id[node["id"]] = outcome
        elif level == "output" and isinstance(parent, Outcome):
            output = Output(node, node["code"], indicators=indicators.get(node["id"], []))
            parent.outputs.append(output)
            by_id[node["id"]] = output
            by_id[node["id"] + "/outcome"] = parent
        elif level == "action" and isinstance(parent, Output):
            lead = organizations.get(node.get("lead_organization_id") or "")
            parent.actions.append(Action(node, node["code"], lead, partners.get(node["id"], [])))
            if node["status"] != "dropped":
                key = currency_of(node)
                by_id[node["parent_id"] + "/outcome"].totals.setdefault(key, CurrencyTotal(key)).add(node)
                overall.setdefault(key, CurrencyTotal(key)).add(node)
    for outcome in outcomes:
        outcome.totals = _ordered(outcome.totals)
    return goals, outcomes, _ordered(overall)


def tags(node: dict, key: str) -> list:
    try:
        return list(json.loads(node.get(key) or "[]"))
    except ValueError:
        return []


def _version_info(document: WorkshopDocument, wanted: str) -> VersionInfo:
    """The version snapshot() found: by id, by exact name, else by name ignoring case."""
    rows = list_versions(document)
    folded = _folded(wanted)
    row = (next((row for row in rows if row["id"] == wanted), None)
           or next((row for row in rows if row["name"] == wanted.strip()), None)
           or next((row for row in rows if _folded(row["name"]) == folded), None))
    if row is None:
        return VersionInfo(wanted.strip(), "", False, "")
    return VersionInfo(row["name"], row["created_at"], row["validated"], row["note"] or "")


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name.strip()).casefold()


def _ordered(by_currency: dict[str, CurrencyTotal]) -> dict[str, CurrencyTotal]:
    return {key: by_currency[key] for key in sorted(by_currency, key=lambda key: (key == "", key))}
