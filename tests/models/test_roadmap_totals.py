"""Costs, funding and gaps per currency: USD and NPR are never added together."""

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.totals import filter_actions, funding_gap, totals
from workshop_app.models.roadmap.tree import node_codes


@pytest.fixture
def demo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        yield document


@pytest.fixture
def small(document):
    """Outcome 1: USD 100 (40 secured), NPR 1,000,000 (none secured).
    Outcome 2: USD 50 over-funded with 80, an action without cost or currency, a dropped USD 1,000."""
    goal = document.insert("roadmap_node", level="goal", position=0, title="End child labour").rows[0].row_id
    outputs = []
    for position in range(2):
        outcome = document.insert("roadmap_node", parent_id=goal, level="outcome", position=position,
                                  title=f"Outcome {position + 1}").rows[0].row_id
        outputs.append(document.insert("roadmap_node", parent_id=outcome, level="output", position=0,
                                       title=f"Output {position + 1}.1").rows[0].row_id)
    for output, actions in ((outputs[0], [dict(cost=100, funding_secured=40, currency="USD"),
                                          dict(cost=1_000_000, funding_secured=0, currency="NPR")]),
                            (outputs[1], [dict(cost=50, funding_secured=80, currency="usd"),
                                          dict(),
                                          dict(cost=1000, currency="USD", status="dropped")])):
        for position, fields in enumerate(actions):
            document.insert("roadmap_node", parent_id=output, level="action", position=position,
                            title=f"Action {position}", **fields)
    return document


def test_funding_gap():
    assert funding_gap({"cost": 100.0, "funding_secured": 30.0}) == 70
    assert funding_gap({"cost": 100.0, "funding_secured": 130.0}) == 0  # never below zero
    assert funding_gap({"cost": 100.0, "funding_secured": None}) == 100
    assert funding_gap({"cost": None, "funding_secured": 30.0}) is None


def test_totals_per_currency_never_mix_usd_and_npr(small):
    result = totals(small)
    assert result.currencies() == ["NPR", "USD", ""]
    usd, npr, none = result.overall["USD"], result.overall["NPR"], result.overall[""]
    assert (usd.cost, usd.funding_secured, usd.gap, usd.actions) == (150, 120, 60, 2)  # the gap is 60, not 30
    assert (npr.cost, npr.funding_secured, npr.gap) == (1_000_000, 0, 1_000_000)
    assert (none.cost, none.actions, none.uncosted) == (0, 1, 1)
    one, two = result.outcome("1").currencies, result.outcome("2").currencies
    assert (one["USD"].cost, one["NPR"].cost) == (100, 1_000_000)
    assert set(two) == {"USD", ""}
    assert two["USD"].gap == 0


def test_dropped_actions_count_only_when_asked(small):
    assert totals(small, include_dropped=True).overall["USD"].cost == 1150


def test_demo_totals_add_up_per_currency(demo):
    actions = demo.rows("roadmap_node", "level = 'action'")
    result = totals(demo)
    assert result.currencies() == ["NPR", "USD", ""]
    for currency in ("NPR", "USD"):
        mine = [row for row in actions if row["currency"] == currency]
        assert result.overall[currency].cost == sum(row["cost"] for row in mine)
        assert result.overall[currency].funding_secured == sum(row["funding_secured"] for row in mine)
        assert result.overall[currency].gap == sum(max(0, row["cost"] - row["funding_secured"]) for row in mine)
        assert sum(outcome.currencies[currency].cost for outcome in result.outcomes) == result.overall[currency].cost
    assert result.overall["USD"].cost == 3_200_000
    assert result.overall["NPR"].cost == 130_500_000
    assert result.overall[""].uncosted == 2
    assert [outcome.code for outcome in result.outcomes] == ["1", "2", "3", "4"]


def test_filtering_actions(demo):
    codes = node_codes(demo)
    moless = demo.rows("organization", "acronym = 'MoLESS'")[0]["id"]
    led = filter_actions(demo, lead=moless)
    assert len(led) == demo.count("roadmap_node", "lead_organization_id = ?", [moless]) == 10
    assert [codes[action] for action in led][:4] == ["1.1.1", "1.1.2", "1.1.3", "2.1.3"]  # in code order
    assert len(filter_actions(demo, status="proposed")) == 22
    assert len(filter_actions(demo, status={"agreed", "in_progress"})) == 19
    assert [codes[a] for a in filter_actions(demo, action_group="conflicts")] == ["3.3.1", "3.3.2", "3.3.3"]
    agreed_prosecution = filter_actions(demo, pillar="prosecution", status="agreed")
    assert [codes[a] for a in agreed_prosecution] == ["1.1.1", "1.3.1", "2.1.1"]
    unfunded = filter_actions(demo, unfunded=True)
    assert led[0] not in unfunded  # 1.1.1 is fully funded
    assert all(funding_gap(demo.get("roadmap_node", a)) > 0 for a in unfunded)
    assert len(unfunded) == 41 - 2 - len([row for row in demo.rows("roadmap_node", "level = 'action'")
                                          if row["cost"] is not None and row["cost"] <= row["funding_secured"]])


def test_unknown_filter_values_are_refused(demo):
    with pytest.raises(InvalidValueError, match="status"):
        filter_actions(demo, status="finished")
    with pytest.raises(InvalidValueError, match="pillar"):
        filter_actions(demo, pillar="punishment")
