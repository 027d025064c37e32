"""An action's funding sources in one cell of the road-map workbook, in the action's currency:
"MoLESS: 1,000,000 (2027); ILO: 20,000 (2028); Provincial budget: 5,000". Each source is
named as the cell shows it (an organization's acronym or name, or the words typed), so that a
cell compares with what was exported by its text; the import turns the names back into the
workshop's organizations where one is named so."""

import re

from workshop_app.i18n.catalogs import _
from workshop_app.i18n.formats import amount as written_amount
from workshop_app.i18n.languages import ENGLISH
from workshop_app.models.errors import InvalidValueError

SEPARATOR = "; "
_SOURCE = re.compile(r"^(?P<name>.+?)\s*:\s*(?P<amount>[0-9][0-9.,\u00a0\u202f ]*?)\s*(?:\(\s*(?P<year>\d{4})\s*\))?$")


def funding_records(rows: list[dict], organizations: dict[str, dict]) -> dict[str, list[dict]]:
    """node id -> its sources as cells show them ({name, amount, year}), from a snapshot's
    funding rows and organizations (id -> name and acronym)."""
    found: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda row: (row.get("position", 0), row.get("id", ""))):
        entry = organizations.get(row.get("organization_id") or "")
        name = (entry.get("acronym") or entry.get("name")) if entry else row.get("source") or ""
        found.setdefault(row["node_id"], []).append({"name": name or "?", "amount": row.get("amount"),
                                                     "year": row.get("year")})
    return found


def format_funding(value: list[dict]) -> str | None:
    parts = []
    for entry in value or []:
        amount = entry.get("amount")
        # English grouping whatever the workbook's language: the import reads "1,000,000" back.
        text = f"{entry['name']}: {written_amount(amount, ENGLISH)}" if amount is not None else entry["name"]
        parts.append(f"{text} ({entry['year']})" if entry.get("year") else text)
    return SEPARATOR.join(parts) or None


def parse_funding(text: str, parse_amount) -> list[dict]:
    """The sources a cell lists; InvalidValueError naming the part that cannot be read."""
    found = []
    for part in re.split(r"[;\n]", text):
        part = " ".join(part.split())
        if not part:
            continue
        match = _SOURCE.match(part)
        if match is None:
            raise InvalidValueError(_("'{value}' is not a funding source written as “Source: amount (year)”").format(
                value=part))
        year = int(match.group("year")) if match.group("year") else None
        found.append({"name": match.group("name").strip(), "amount": parse_amount(match.group("amount")),
                      "year": year})
    return found


def same_funding(first, second) -> bool:
    def key(value):
        return sorted((entry["name"].casefold(), round(float(entry["amount"] or 0), 2), entry.get("year") or 0)
                      for entry in value or [])
    return key(first) == key(second)
