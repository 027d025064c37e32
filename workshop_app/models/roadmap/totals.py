"""What the road map costs, what is funded and what is missing — per currency, never converted.

Amounts in two currencies are never added together: a road map with USD and NPR actions has a
USD total and an NPR total. Actions without a currency are counted under "". Dropped actions
are left out unless asked for: they are no longer part of the plan.
"""

import json
from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models import vocabulary as v
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.tree import roadmap_tree


def funding_gap(node: dict) -> float | None:
    """Cost minus funding secured, never below 0; None while the cost is not known."""
    cost, secured = node.get("cost"), node.get("funding_secured") or 0
    if not _is_amount(cost):
        return None  # unknown, or text a file from before amounts were checked may hold
    return max(0.0, cost - (secured if _is_amount(secured) else 0))


def _is_amount(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def currency_of(node: dict) -> str:
    """The currency key an action is counted under ("" when none was given)."""
    return (node.get("currency") or "").strip().upper()


@dataclass
class CurrencyTotal:
    """Sums over the actions in one currency. `gap` adds each action's own gap, so money over-
    secured for one action never hides the gap of another."""
    currency: str
    cost: float = 0.0
    funding_secured: float = 0.0
    gap: float = 0.0
    actions: int = 0  # actions counted in this currency
    uncosted: int = 0  # of which without an estimated cost

    def add(self, node: dict) -> None:
        self.actions += 1
        if node["cost"] is None:
            self.uncosted += 1
        else:
            self.cost += node["cost"]
            self.gap += funding_gap(node)
        self.funding_secured += node["funding_secured"] or 0


@dataclass
class OutcomeTotals:
    node: dict
    code: str
    currencies: dict[str, CurrencyTotal] = field(default_factory=dict)


@dataclass
class RoadmapTotals:
    outcomes: list[OutcomeTotals]
    overall: dict[str, CurrencyTotal]

    def currencies(self) -> list[str]:
        return list(self.overall)

    def outcome(self, code: str) -> OutcomeTotals:
        return next(item for item in self.outcomes if item.code == code)


def totals(document: WorkshopDocument, *, include_dropped: bool = False) -> RoadmapTotals:
    """Cost, funding secured and gap per outcome and overall, each per currency (named
    currencies alphabetically, then "" for actions without one)."""
    outcomes: list[OutcomeTotals] = []
    overall: dict[str, CurrencyTotal] = {}
    for goal in roadmap_tree(document):
        for item in goal.children:
            if item.node["level"] != "outcome":
                continue
            per_outcome: dict[str, CurrencyTotal] = {}
            for descendant in item.walk():
                node = descendant.node
                if node["level"] != "action" or (node["status"] == "dropped" and not include_dropped):
                    continue
                key = currency_of(node)
                per_outcome.setdefault(key, CurrencyTotal(key)).add(node)
                overall.setdefault(key, CurrencyTotal(key)).add(node)
            outcomes.append(OutcomeTotals(item.node, item.code, _ordered(per_outcome)))
    return RoadmapTotals(outcomes, _ordered(overall))


def filter_actions(document: WorkshopDocument, *, lead: str | None = None, status=None, action_group=None,
                   pillar: str | None = None, unfunded: bool = False) -> list[str]:
    """Ids of the actions that match every filter given, in code order.

    lead: an organization id (the action's lead organization); status and action_group: a key
    or a collection of keys; pillar: a pillar key among the action's pillar tags; unfunded: only
    actions with a funding gap above zero (an action without a cost has no known gap)."""
    statuses = _keys(status, v.ACTION_STATUSES, N_("'{value}' is not a valid status (choose one of: {choices})"))
    groups = _keys(action_group, v.ACTION_GROUPS,
                   N_("'{value}' is not a valid Action Group (choose one of: {choices})"))
    if pillar is not None and pillar not in v.PILLAR_TAGS:
        raise InvalidValueError(_("'{value}' is not a pillar (choose one of: {choices})").format(
            value=pillar, choices=", ".join(v.PILLAR_TAGS)))
    found = []
    for goal in roadmap_tree(document):
        for item in goal.walk():
            node = item.node
            if node["level"] != "action":
                continue
            if lead is not None and node["lead_organization_id"] != lead:
                continue
            if statuses is not None and node["status"] not in statuses:
                continue
            if groups is not None and node["action_group"] not in groups:
                continue
            if pillar is not None and pillar not in json.loads(node["pillar_tags"] or "[]"):
                continue
            if unfunded and not (funding_gap(node) or 0) > 0:
                continue
            found.append(node["id"])
    return found


def _keys(value, choices, not_valid: str) -> set | None:
    """`not_valid`: the refusal of an unknown key (marked with N_), with {value} and {choices}."""
    if value is None:
        return None
    keys = {value} if isinstance(value, str) else set(value)
    unknown = keys - set(choices)
    if unknown:
        raise InvalidValueError(_(not_valid).format(value=sorted(unknown)[0], choices=", ".join(choices)))
    return keys


def _ordered(by_currency: dict[str, CurrencyTotal]) -> dict[str, CurrencyTotal]:
    return {key: by_currency[key] for key in sorted(by_currency, key=lambda key: (key == "", key))}
