"""What the road map costs year by year, and what is secured for each year, per currency.

A ministry budgets by year, but an action records only its total cost and when it runs. Its
cost is spread evenly over the quarters it runs, start to end (its start quarter alone when it
has no end), so a year receives the action's cost times its share of the action's quarters.
Funding secured is counted in the year its funding source gives. An action without a start,
and a funding source without a year, are counted in a row without a year (None).

Amounts in two currencies are never added together; dropped actions and their funding sources
are left out, as in the totals (models.roadmap.totals). Everything here reads plain rows as a
version's snapshot holds them (models.roadmap.versions), so a frozen version prints its own
figures. This module is also the one place that reads a stored quarter ('2027-Q3').
"""

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass

from workshop_app.models.roadmap.totals import currency_of
from workshop_app.models.roadmap.versions import snapshot

# A quarter as the file stores it; what people type is read by models.validation.quarter_or_date.
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def quarter_of(value: str | None) -> tuple[int, int] | None:
    """'2027-Q3' -> (2027, 3); None for a date, nothing, or anything else."""
    found = _QUARTER.match(value or "")
    return (int(found.group(1)), int(found.group(2))) if found else None


def quarter_index(value: str | None) -> int | None:
    """'2027-Q2' or a date 'YYYY-MM-DD' -> a count of quarters (year * 4 + quarter - 1), the
    quarter the date falls in; None when unknown or unreadable."""
    if not value:
        return None
    quarter = quarter_of(value)
    if quarter is not None:
        return quarter[0] * 4 + quarter[1] - 1
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return day.year * 4 + (day.month - 1) // 3


def quarters_run(start: str | None, end: str | None) -> range | None:
    """The quarters an action runs, both ends included: its start quarter alone when it has no
    end; None when it has no start. An end before the start is read the other way round, as
    the timeline draws it."""
    first = quarter_index(start)
    if first is None:
        return None
    last = quarter_index(end)
    if last is None:
        last = first
    first, last = min(first, last), max(first, last)
    return range(first, last + 1)


def spread_over_years(cost: float, quarters: range) -> dict[int, float]:
    """year -> the part of `cost` that falls in it, in proportion to its quarters. Rounded to
    whole units (to cents for a cost with cents), the remainders going to the years that lost
    most, so that the parts always add up to the cost exactly."""
    scale = 1 if float(cost).is_integer() else 100
    units = round(cost * scale)
    per_year = Counter(quarter // 4 for quarter in quarters)
    shares = {year: units * count / len(quarters) for year, count in per_year.items()}
    whole = {year: math.floor(share) for year, share in shares.items()}
    left = units - sum(whole.values())
    for year in sorted(shares, key=lambda year: (whole[year] - shares[year], year))[:left]:
        whole[year] += 1
    return {year: amount / scale for year, amount in sorted(whole.items())}


@dataclass
class YearAmounts:
    """One year of one currency (year None: no year known)."""
    year: int | None
    cost: float = 0.0
    secured: float = 0.0

    to_fund: float = 0.0  # what the year's cost leaves to find, once earlier years' surplus is counted


def cost_by_year_of(nodes: list[dict], sources: list[dict]) -> dict[str, list[YearAmounts]]:
    """currency -> its years in order, then the row without a year if any, from a snapshot's
    nodes (any level: only actions are counted) and funding sources. Currencies are named
    ones alphabetically, then "" (actions and sources without a currency)."""
    table: dict[str, dict[int | None, YearAmounts]] = {}

    def row(currency: str, year: int | None) -> YearAmounts:
        return table.setdefault(currency, {}).setdefault(year, YearAmounts(year))

    dropped = set()
    for node in nodes:
        if node.get("level") != "action":
            continue
        if node.get("status") == "dropped":
            dropped.add(node["id"])
            continue
        cost = node.get("cost")
        if not isinstance(cost, (int, float)) or isinstance(cost, bool) or not cost:
            continue  # not costed: counted in no year, as the totals count it in no cost
        quarters = quarters_run(node.get("start"), node.get("end"))
        if quarters is None:
            row(currency_of(node), None).cost += cost
            continue
        for year, part in spread_over_years(cost, quarters).items():
            row(currency_of(node), year).cost += part
    for source in sources:
        amount = source.get("amount")
        if source.get("node_id") in dropped or not isinstance(amount, (int, float)) or not amount:
            continue
        row(currency_of(source), source.get("year")).secured += amount
    ordered = sorted(table, key=lambda currency: (currency == "", currency))
    result = {currency: sorted(table[currency].values(), key=lambda item: (item.year is None, item.year or 0))
              for currency in ordered}
    for years in result.values():
        _still_to_fund(years)
    return result


def _still_to_fund(years: list[YearAmounts]) -> None:
    """Money secured beyond a year's cost (funding often arrives early) is spent in the years
    after it, so a year is left to fund only what neither its own funding nor an earlier
    year's surplus covers. Funding without a year is there from the start; cost without a year
    is met by what is left at the end."""
    undated = next((item for item in years if item.year is None), None)
    surplus = undated.secured if undated is not None else 0.0
    for item in years:
        if item.year is None:
            continue
        available = item.secured + surplus
        item.to_fund = max(0.0, item.cost - available)
        surplus = max(0.0, available - item.cost)
    if undated is not None:
        undated.to_fund = max(0.0, undated.cost - surplus)


def cost_by_year(document, version: str | None = None) -> dict[str, list[YearAmounts]]:
    """The same for the current draft, or for a frozen version (a name or id)."""
    frozen = snapshot(document, version)
    return cost_by_year_of(frozen.get("nodes", []), frozen.get("funding", []))
