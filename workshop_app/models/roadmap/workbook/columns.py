"""The columns of the road-map workbook, shared by its export and its import.

Each column turns a field's stored value into what the cell shows (format_value) and what a
cell holds back into a stored value (parse_value), so that the export writes exactly what the
import can read, and an unchanged cell always reads back as the value it was written from.
Choices are written as their English labels ("In progress") and read back from the label or
the key, in any case. Amounts stay numbers; codes, quarters, baselines and targets stay text.
"""

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from workshop_app.i18n.catalogs import N_, _, in_every_language, listed
from workshop_app.i18n.formats import amount as window_amount
from workshop_app.models import vocabulary as v
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.workbook.funding_cells import (
    format_funding,
    funding_records,
    parse_funding,
    same_funding,
)
from workshop_app.models.sheets.formulas import FormulaCell
from workshop_app.models.validation import clean_text, gender_marker, quarter_or_date

ROADMAP_SHEET = "Road map"
INDICATORS_SHEET = "Indicators"
RESPONSIBILITIES_SHEET = "Responsibilities"
BUDGET_SHEET = "Budget"
SUMMARY_SHEET = "Summary"
LISTS_SHEET = "Lists"  # hidden: the drop-down lists
RECORD_SHEET = "Export record"  # very hidden: what was exported, to tell later who changed what
# 2: the record also keeps the plan's texts, reference figures and acronyms, whose sheets come back
# too; a program that reads format 1 would leave their edits out without a word, so it refuses them.
RECORD_FORMAT = 2

PARTNER_SEPARATOR = "; "
TAG_SEPARATOR = ", "


@dataclass(frozen=True)
class Column:
    header: str
    field: str  # the key in a node's or indicator's record
    kind: str  # how values are written and read: see format_value and parse_value
    action_only: bool = False  # left empty for the goal, outcomes and outputs
    imported: bool = True  # False: shown for reading only, never read back

    @property
    def key(self) -> str:
        return header_text_key(self.header)


# Printed columns first (up to Action Group), then the rest; ID last, outside the print area.
ROADMAP_COLUMNS = (
    Column("Level", "level", "level", imported=False),
    Column("Code", "code", "code", imported=False),
    Column("Title", "title", "title"),
    Column("Lead organization", "lead_organization_id", "organization", True),
    Column("Partners", "partners", "partners", True),
    Column("Start", "start", "period", True),
    Column("End", "end", "period", True),
    Column("Status", "status", "status", True),
    Column("Cost", "cost", "amount", True),
    Column("Currency", "currency", "currency", True),
    Column("Funding secured", "funding_secured", "amount", True),
    Column("Funding gap", "funding_gap", "amount", True, imported=False),
    Column("Gender marker", "gender_marker", "marker", True),
    Column("Action Group", "action_group", "action_group", True),
    Column("Target 8.7 issues", "issue_tags", "issues", True),
    Column("Pillars", "pillar_tags", "pillars", True),
    Column("SDGs", "sdgs", "sdgs", True),
    Column("Geographic scope", "geographic_scope", "text", True),
    Column("Funding sources", "funding", "funding", True),
    Column("Description", "description", "text"),
    Column("Risks", "risks", "text"),
    Column("Assumptions", "assumptions", "text"),
    Column("Comments", "comments", "text"),
    Column("ID", "id", "id", imported=False),
)
ROADMAP_PRINTED = 14  # Level … Action Group

INDICATOR_COLUMNS = (
    Column("Code", "node_code", "code", imported=False),
    Column("Result", "result", "text", imported=False),
    Column("No.", "number", "number", imported=False),
    Column("Indicator", "title", "title"),
    Column("Unit", "unit", "text"),
    Column("Baseline", "baseline_value", "text"),
    Column("Baseline year", "baseline_year", "year"),
    Column("Target", "target_value", "text"),
    Column("Target year", "target_year", "year"),
    Column("Disaggregation", "disaggregation", "text"),
    Column("Means of verification", "means_of_verification", "text"),
    Column("Collected by", "collected_by", "text"),
    Column("Frequency", "frequency", "text"),
    Column("ID", "id", "id", imported=False),
)
INDICATOR_PRINTED = 13

# Fields read back from the workbook, per level: actions have them all.
COMMON_NODE_FIELDS = tuple(c.field for c in ROADMAP_COLUMNS if c.imported and not c.action_only)
ACTION_NODE_FIELDS = tuple(c.field for c in ROADMAP_COLUMNS if c.imported)
INDICATOR_FIELDS = tuple(c.field for c in INDICATOR_COLUMNS if c.imported)

GENDER_MARKER_NOTE = "; ".join(v.GENDER_MARKERS.values())


def header_text_key(text: Any) -> str:
    """'  Lead  organisation ' and 'lead organization' alike: case and spaces ignored."""
    return " ".join(str(text or "").casefold().split())


# ---------------------------------------------------------------------------------- organizations

class OrganizationNames:
    """How organizations are named in cells: 'Full name (ACRONYM)' for the lead (as the drop-down
    lists them), the acronym (or the name) for partners, to keep the Partners cell short."""

    def __init__(self, rows: list[dict], earlier: dict[str, dict] | None = None):
        self.rows = {row["id"]: row for row in rows}
        # Names the export saw (a snapshot's "organizations"): they win, so that a cell written
        # before an organization was renamed still reads as that organization.
        self.names = {row["id"]: (row["name"], row.get("acronym") or "") for row in rows}
        for organization_id, entry in (earlier or {}).items():
            self.names[organization_id] = (entry.get("name") or "", entry.get("acronym") or "")

    def label(self, organization_id: str | None) -> str:
        if not organization_id:
            return ""
        name, acronym = self.names.get(organization_id, ("(organization removed)", ""))
        return f"{name} ({acronym})" if acronym and acronym != name else name

    def short(self, organization_id: str) -> str:
        name, acronym = self.names.get(organization_id, ("(organization removed)", ""))
        return acronym or name


# ---------------------------------------------------------------------------------- writing

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROLE_ORDER = {role: index for index, role in enumerate(v.PARTNER_ROLES)}
# Column kinds whose cells show a vocabulary key by its label.
_CHOICE_LABELS = {"status": v.ACTION_STATUSES, "level": v.NODE_LEVEL_LABELS, "action_group": v.ACTION_GROUPS}


def format_value(kind: str, value: Any, names: OrganizationNames, words: Callable[[str], str] | None = None) -> Any:
    """The cell value (str, int, float or None) that shows a stored value; `words` translates the
    labels of the choices (levels, statuses, Action Groups, issues, pillars, partners' roles) into
    the workbook's language. The import reads them back in any of the program's languages."""
    if value is None or value == "":
        return None
    word = words or (lambda label: label)
    if kind == "period" and _ISO_DATE.match(str(value)):
        return dt.date.fromisoformat(value)  # a real date for Excel; a quarter stays text
    if kind in ("text", "title", "period", "currency", "code", "id"):
        return value
    if kind == "amount":
        return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else float(value)
    if kind in ("year", "number", "marker"):
        return int(value)
    if kind in _CHOICE_LABELS:
        labels = _CHOICE_LABELS[kind]
        return word(labels[value]) if value in labels else value
    if kind == "organization":
        return names.label(value)
    if kind == "partners":
        ordered = sorted(value.items(), key=lambda item: (_ROLE_ORDER.get(item[1], 9), names.short(item[0]).casefold()))
        return PARTNER_SEPARATOR.join(f"{names.short(organization)} ({role_word(role, words)})"
                                      for organization, role in ordered) or None
    if kind == "funding":
        return format_funding(value)
    if kind in ("issues", "pillars", "sdgs"):
        keys = json.loads(value) if isinstance(value, str) else value
        if kind == "sdgs":
            return TAG_SEPARATOR.join(str(key) for key in keys) or None
        labels = v.ISSUE_TAGS if kind == "issues" else v.PILLAR_TAGS
        return TAG_SEPARATOR.join(word(labels[key]) if key in labels else key for key in keys) or None
    raise ValueError(f"unknown column kind {kind!r}")


def role_word(role: str, words: Callable[[str], str] | None) -> str:
    """A partner's role in its cell: the key in English ("support"), the label elsewhere."""
    if words is None or role not in v.PARTNER_ROLES:
        return role
    written = words(v.PARTNER_ROLES[role])
    # Brackets inside the role's own brackets would end it early when read back.
    return role if written == v.PARTNER_ROLES[role] else _without_brackets(written).lower()


def _without_brackets(text: str) -> str:
    return text.translate({ord("["): None, ord("]"): None, ord("("): None, ord(")"): None}).strip()


@lru_cache(maxsize=512)
def spellings(label: str) -> frozenset[str]:
    """A label as any of the program's languages writes it, compared as header_text_key does:
    a workbook exported in French says "Convenue" where an English one says "Agreed"."""
    found = {header_text_key(label)}
    for written in in_every_language(label, pseudo=True).values():
        found.update((header_text_key(written), header_text_key(_without_brackets(written))))
    return frozenset(found)


# ---------------------------------------------------------------------------------- reading

def cell_string(value: Any) -> str:
    """A cell as text: numbers without '.0', dates as YYYY-MM-DD, line breaks kept, NFC."""
    if value is None:
        return ""
    if isinstance(value, FormulaCell):
        return cell_string(value.result)
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        return text.strip() if text.isascii() else unicodedata.normalize("NFC", text).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return clean_text(value)


_GROUPED_NUMBER = re.compile(r"^\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?$")
_ROLE_AT_END = re.compile(r"^(.*?)\s*(?:[(\[]\s*([^()\[\]]+?)\s*[)\]]|\s[-–—:]\s*(\w[\w ]*))$")


def _choice(text: str, labels: dict, not_one: str):
    """The key a cell names by its English label or its key. `not_one`: the refusal (marked with
    N_), with {value} and {choices}: the labels, in English, as the cells hold them."""
    wanted = header_text_key(text).replace("_", " ")
    for key, label in labels.items():
        if wanted in spellings(label) or wanted == str(key).replace("_", " "):
            return key
    raise InvalidValueError(_(not_one).format(value=text, choices=listed(_(label) for label in labels.values())))


def parse_value(kind: str, value: Any, organizations: dict[str, str] | None = None) -> Any:
    """The stored value a cell holds, or InvalidValueError saying why it cannot be stored.
    `organizations` maps organization texts (as split_partners gives them) to ids."""
    if isinstance(value, FormulaCell):
        raise InvalidValueError(formula_refusal(value))
    text = cell_string(value)
    if kind in ("text", "currency", "period", "title") and not text:
        if kind == "title":
            raise InvalidValueError(_("a title cannot be empty"))
        return None if kind == "period" else ""
    if not text:
        # An emptied list is a list with nothing in it: the import then removes what it held.
        if kind in ("partners", "funding"):
            return {} if kind == "partners" else []
        return "[]" if kind in ("issues", "pillars", "sdgs") else None
    parse = _PARSERS.get(kind)
    if parse is None:
        raise ValueError(f"column kind {kind!r} is not read back")
    return parse(value, text, organizations or {})


def formula_refusal(cell: FormulaCell) -> str:
    """Why a cell holding a formula is not read: a program that does not calculate saved no
    result with it, or the column holds text that a formula did not type."""
    if cell.result is None:
        # Translators: after "Road map row 5, Funding sources: " — the cell holds a formula, and no result of it
        return _("holds a formula whose result was not saved with the workbook; type the value itself")
    # Translators: after "Road map row 5, Funding sources: " — the cell holds a formula in a column of text
    return _("holds a formula; type the text itself (a formula is read back only in columns of numbers and dates)")


def _currency(text: str) -> str:
    code = text.upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise InvalidValueError(_("'{value}' is not a currency code like USD or NPR").format(value=text))
    return code


def _period(value: Any, text: str) -> str | None:
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    return quarter_or_date(text)


def _marker(text: str) -> int | None:
    first = text.split()[0].rstrip("-–:")
    return gender_marker(first if first.isdigit() else text)


def _year(text: str) -> int:
    try:
        year = int(float(text))
    except ValueError:
        raise InvalidValueError(_("'{value}' is not a year").format(value=text)) from None
    if not 1900 <= year <= 2200 or float(text) != year:
        raise InvalidValueError(_("'{value}' is not a year").format(value=text))
    return year


def _tags(text: str, labels: dict, not_one: str) -> str:
    keys = []
    for part in split_list(text):
        key = _choice(part, labels, not_one)
        if key not in keys:
            keys.append(key)
    return json.dumps(keys)


def _sdgs(text: str) -> str:
    keys = []
    for part in split_list(text):
        digits = re.sub(r"^sdg\s*", "", part, flags=re.IGNORECASE)
        try:
            number = int(float(digits))
        except ValueError:
            number = None
        if number not in v.RELATED_SDGS:
            raise InvalidValueError(_("'{value}' is not one of the related SDGs ({choices})").format(
                value=part, choices=", ".join(map(str, v.RELATED_SDGS))))
        if number not in keys:
            keys.append(number)
    return json.dumps(keys)


def _partners(text: str, organizations: dict[str, str]) -> dict[str, str]:
    partners: dict[str, str] = {}
    for name, role in split_partners(text):
        organization_id = organizations[name]
        if organization_id in partners:
            raise InvalidValueError(_("'{name}' is named twice").format(name=name))
        partners[organization_id] = role
    return partners


# column kind -> parse(cell value, its text, organization ids by text); the text is never empty
_PARSERS: dict[str, Callable[[Any, str, dict[str, str]], Any]] = {
    "text": lambda value, text, organizations: text,
    "title": lambda value, text, organizations: text,
    "amount": lambda value, text, organizations: parse_amount(value, text),
    "currency": lambda value, text, organizations: _currency(text),
    "period": lambda value, text, organizations: _period(value, text),
    "status": lambda value, text, organizations: _choice(
        text, v.ACTION_STATUSES, N_("'{value}' is not a status (choose one of: {choices})")),
    "level": lambda value, text, organizations: _choice(
        text, v.NODE_LEVEL_LABELS, N_("'{value}' is not a level (choose one of: {choices})")),
    "action_group": lambda value, text, organizations: _choice(
        text, v.ACTION_GROUPS, N_("'{value}' is not an Action Group (choose one of: {choices})")),
    "marker": lambda value, text, organizations: _marker(text),
    "year": lambda value, text, organizations: _year(text),
    "issues": lambda value, text, organizations: _tags(
        text, v.ISSUE_TAGS, N_("'{value}' is not a target 8.7 issue (choose one of: {choices})")),
    "pillars": lambda value, text, organizations: _tags(
        text, v.PILLAR_TAGS, N_("'{value}' is not a pillar (choose one of: {choices})")),
    "sdgs": lambda value, text, organizations: _sdgs(text),
    "organization": lambda value, text, organizations: organizations[text],
    "partners": lambda value, text, organizations: _partners(text, organizations),
    "funding": lambda value, text, organizations: parse_funding(text, parse_amount),
}


def parse_amount(value: Any, text: str | None = None) -> float | None:
    if isinstance(value, bool):
        raise InvalidValueError(_("'{value}' is not a number").format(value=cell_string(value)))
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = cell_string(value) if text is None else text
        if not text:
            return None
        plain = text.replace(" ", "")
        if _GROUPED_NUMBER.match(text):
            plain = re.sub(r"[,\u00a0\u202f ]", "", text)
        try:
            number = float(plain)
        except ValueError:
            raise InvalidValueError(_("'{value}' is not a number").format(value=text)) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise InvalidValueError(_("'{value}' is not a number").format(value=text or value))
    if number < 0:
        raise InvalidValueError(_("{value} is below zero; amounts cannot be negative").format(value=cell_string(value)))
    return number


def split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def split_partners(text: str) -> list[tuple[str, str]]:
    """'ILO (support); Maiti Nepal (consulted)' -> [('ILO', 'support'), ('Maiti Nepal', 'consulted')].
    A partner written without a role is a supporting partner."""
    found = []
    for part in re.split(r"[;\n]", text):
        part = " ".join(part.split())
        if not part:
            continue
        name, role = part, "support"
        match = _ROLE_AT_END.match(part)
        if match:
            word = header_text_key(match.group(2) or match.group(3))
            for key, label in v.PARTNER_ROLES.items():
                if word == key or word in spellings(label):
                    name, role = match.group(1).strip(), key
                    break
        found.append((name, role))
    return found


def organization_texts(kind: str, value: Any) -> list[str]:
    """The organization names a Lead organization or Partners cell mentions (none when it holds
    a formula: it is refused, and must not create an organization)."""
    if isinstance(value, FormulaCell):
        return []
    text = cell_string(value)
    if not text:
        return []
    if kind == "organization":
        return [text]
    return [name for name, _ in split_partners(text)]


def same_value(kind: str, first: Any, second: Any) -> bool:
    """Equal as stored values: tags as sets, amounts as numbers, empty text as no text."""
    if kind in ("issues", "pillars", "sdgs"):
        def keys(value):
            return set(json.loads(value) if isinstance(value, str) else (value or []))
        return keys(first) == keys(second)
    if kind == "amount":
        if first is None or second is None:
            return first is None and second is None
        return abs(float(first) - float(second)) <= 1e-9 * max(1.0, abs(float(first)))
    if kind in ("text", "title", "currency"):
        return (first or "") == (second or "")
    if kind == "partners":
        return dict(first or {}) == dict(second or {})
    if kind == "funding":
        return same_funding(first, second)
    return first == second


def show_value(kind: str, value: Any, names: OrganizationNames) -> str:
    """A stored value in a report line: statuses as words, text quoted, empty as (empty)."""
    if kind == "status" and value:
        return _(v.ACTION_STATUSES[value]).lower() if value in v.ACTION_STATUSES else str(value).lower()
    if kind == "action_group" and value in v.ACTION_GROUPS:
        return _(v.ACTION_GROUPS[value])
    shown = format_value(kind, value, names)
    if shown is None or shown == "":
        # Translators: an empty cell in a report line: "1.2.3 Cost: (empty) → 5,000"
        return _("(empty)")
    if kind == "amount":
        return window_amount(shown)
    if isinstance(shown, str) and kind in ("text", "title", "organization", "partners"):
        return quote(shown)
    return str(shown)


def quote(text: str, limit: int = 70) -> str:
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return f"“{text}”"


# ---------------------------------------------------------------------------------- records

def node_records(snapshot: dict) -> dict[str, dict]:
    """id -> the values a Road map row shows, from a snapshot (versions.snapshot): the node's
    fields, its code, its partners {organization id: role} and its funding gap."""
    partners: dict[str, dict[str, str]] = {}
    for row in snapshot["partners"]:
        partners.setdefault(row["node_id"], {})[row["organization_id"]] = row["role"]
    funding = funding_records(snapshot.get("funding", []), snapshot.get("organizations", {}))
    records = {}
    for node in snapshot["nodes"]:
        record = dict(node)
        record["partners"] = partners.get(node["id"], {})
        record["funding"] = funding.get(node["id"], [])
        cost = node.get("cost")
        record["funding_gap"] = None if cost is None else max(0.0, cost - (node.get("funding_secured") or 0))
        records[node["id"]] = record
    return records


def indicator_records(snapshot: dict, nodes: dict[str, dict]) -> dict[str, dict]:
    """id -> the values an Indicators row shows: the fields, the measured item's code and title,
    and the indicator's number among that item's indicators."""
    records, counts = {}, {}
    for row in snapshot["indicators"]:
        node = nodes.get(row["node_id"], {})
        counts[row["node_id"]] = counts.get(row["node_id"], 0) + 1
        records[row["id"]] = {**row, "node_code": node.get("code", row.get("node_code", "")),
                              "result": node.get("title", ""), "number": counts[row["node_id"]]}
    return records


def fields_of(level: str) -> tuple[str, ...]:
    return ACTION_NODE_FIELDS if level == "action" else COMMON_NODE_FIELDS


# ---------------------------------------------------------------------------------- the export record

RECORD_CHUNK = 30_000  # characters per cell (Excel holds 32,767)


def snapshot_text(snapshot: dict) -> str:
    """A snapshot as compact JSON: the same road map always gives the same text."""
    return json.dumps(snapshot, ensure_ascii=False, separators=(",", ":"))


def fingerprint(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pack_snapshot(text: str) -> list[str]:
    """Compressed, base64 text cut into pieces that fit in cells."""
    import base64
    import zlib

    packed = base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")
    return [packed[start:start + RECORD_CHUNK] for start in range(0, len(packed), RECORD_CHUNK)] or [""]


def unpack_json(pieces: list[str], path: Path) -> Any:
    """What pack_snapshot packed, as JSON; ValueError when the pieces are damaged, SpreadsheetError
    naming the file when they would unpack to more than any road map (a "zip bomb" in a cell:
    a few kilobytes that unpack to gigabytes)."""
    import base64
    import binascii
    import zlib

    from workshop_app.models.sheets.bounded import unpack_text

    try:
        packed = base64.b64decode("".join(pieces), validate=True)
        # Translators: the {what} of "… {what} would take more than 32 MB once unpacked"
        return json.loads(unpack_text(path, packed, _("its export record")).decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ValueError(str(error)) from None


def unpack_snapshot(pieces: list[str], path: Path) -> dict:
    """The road map's snapshot pack_snapshot packed (see unpack_json), checked for its shape."""
    snapshot = unpack_json(pieces, path)
    if not isinstance(snapshot, dict):
        raise ValueError("the export record is not a road map")
    _check_shape(snapshot)
    return snapshot


_LISTS = ("partners", "funding")


def _check_shape(snapshot: dict) -> None:
    """ValueError unless the record holds what the comparison reads: a record edited by hand
    or cut short must be refused here, in one sentence, not fail half-way through planning."""
    def rows(key: str, needed: tuple[str, ...]) -> list[dict]:
        found = snapshot.get(key)
        if not isinstance(found, list) or not all(isinstance(row, dict) for row in found):
            raise ValueError(f"the export record has no list of {key}")
        for row in found:
            missing = [name for name in needed if name not in row]
            if missing or not isinstance(row.get("id", ""), str):
                raise ValueError(f"an entry of {key} in the export record lacks {', '.join(missing) or 'an id'}")
        return found

    for node in rows("nodes", ("id", "parent_id", "level", "position", "code")):
        if node["level"] not in v.NODE_LEVELS:
            raise ValueError(f"the export record holds an item of unknown level {str(node['level'])[:20]!r}")
        # Partners and funding sources are lists of their own, beside the items.
        missing = [name for name in fields_of(node["level"]) if name not in _LISTS and name not in node]
        if missing:
            raise ValueError(f"an item in the export record lacks {', '.join(missing)}")
    rows("partners", ("node_id", "organization_id", "role"))
    rows("indicators", ("id", "node_id", *INDICATOR_FIELDS))
    if not isinstance(snapshot.get("organizations", {}), dict):
        raise ValueError("the export record's organizations are not a table")
