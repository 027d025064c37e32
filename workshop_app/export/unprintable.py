"""Which items of a workshop hold letters a PDF could not print, and what to install.

The PDF engine prints a character no font has as a placeholder and notes the text it came from
(export.pdf.fonts.collecting_missing). A facilitator needs more than the characters: the
participant whose name it is, the action's code, and what to install. This module looks the
characters up in the workshop's text fields and names the items; it runs only when something
was missing, so an export that prints everything pays nothing.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.tree import item_label, node_codes

# The text fields of each table that exports print, and how an item of the table is named.
_FIELDS = {
    "workshop": ("title", "venue", "description", "objectives", "national_context"),
    "organization": ("name", "acronym"),
    "participant": ("name", "title"),
    "day": ("title",),
    "session": ("title", "track", "room", "objectives", "expected_output", "materials", "facilitator_notes"),
    "roadmap_node": ("title", "description", "geographic_scope", "risks", "assumptions", "comments"),
    "indicator": ("title", "unit", "baseline_value", "target_value", "disaggregation", "means_of_verification",
                  "collected_by", "frequency"),
    "plenary_comment": ("text",),
}
# Scripts whose name in Unicode's character names is not what a reader calls them.
_SCRIPT_NAMES = {"CJK": "Chinese, Japanese or Korean", "HANGUL": "Korean", "HIRAGANA": "Japanese",
                 "KATAKANA": "Japanese", "IDEOGRAPHIC": "Chinese, Japanese or Korean"}
PLACEHOLDER_NOTE = "printed as \ufffd"
_FORMATTING = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad"))


@dataclass(frozen=True)
class Unprintable:
    item: str        # 'participant “李明”', 'Action 2.1.3'
    field: str       # the column, in words: "name", "title"
    characters: str  # the distinct characters that did not print, in order of appearance

    def message(self, advice: str) -> str:
        scripts = " and ".join(script_names(self.characters))
        return f"{self.item}, {self.field}: {scripts} characters “{self.characters}” {PLACEHOLDER_NOTE}; {advice}"


def script_names(characters: str) -> list[str]:
    """What a reader calls the scripts of these characters ("Tibetan", "Chinese, Japanese or Korean")."""
    found: list[str] = []
    for char in characters:
        category = unicodedata.category(char)
        word = unicodedata.name(char, "UNKNOWN").split()[0]
        if category[0] == "S":
            name = "emoji or symbol"
        elif category in ("Co", "Cn", "Cs") or word == "UNKNOWN":
            name = "unassigned or private"
        else:
            name = _SCRIPT_NAMES.get(word, word.capitalize())
        if name not in found:
            found.append(name)
    return found


def _distinct(texts: Iterable[str]) -> set[str]:
    """The characters of the texts that no font has (those fonts.runs puts in MISSING runs)."""
    from workshop_app.export.pdf import fonts

    return {char for value in texts for script, piece in fonts.runs(value) if script == fonts.MISSING
            for char in piece if not char.isspace()}


def _normal(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).translate(_FORMATTING).split())


def _printed(value: str, printed: list[str]) -> bool:
    """The field's value is one of the printed texts, part of one ("Name (Organization)"), or
    the start of one cut short with "…"."""
    value = _normal(value)
    for text in printed:
        if value in text or (text.endswith("…") and value.startswith(text[:-1].rstrip())):
            return True
    return False


def find_unprintable(document: WorkshopDocument, missing_texts: Iterable[str]) -> list[Unprintable]:
    """The items whose fields, as the export printed them, hold characters no font had; text
    found in no field (a frozen version's, say) is named by its own words."""
    missing_texts = list(missing_texts)
    wanted = _distinct(missing_texts)
    if not wanted:
        return []
    printed = [_normal(text) for text in missing_texts]
    found: list[Unprintable] = []
    seen: set[str] = set()
    codes: dict[str, str] | None = None
    for table, fields in _FIELDS.items():
        for row in document.rows(table):
            for field in fields:
                value = row.get(field)
                if not isinstance(value, str) or not wanted.intersection(value) or not _printed(value, printed):
                    continue
                if table in ("roadmap_node", "indicator", "plenary_comment") and codes is None:
                    codes = node_codes(document)
                chars = "".join(dict.fromkeys(char for char in value if char in wanted))
                found.append(Unprintable(_item(table, row, codes or {}), field.replace("_", " "), chars))
                seen.update(chars)
    rest = wanted - seen
    for value in missing_texts:
        chars = "".join(dict.fromkeys(char for char in value if char in rest))
        if chars:
            found.append(Unprintable(f"“{_short(value)}”", "text", chars))
            rest -= set(chars)
    return found


def _item(table: str, row: dict, codes: dict[str, str]) -> str:
    if table == "workshop":
        return "the workshop"
    if table == "participant":
        return f"participant “{_short(row['name'])}”"
    if table == "organization":
        return f"organization “{_short(row['name'])}”"
    if table == "day":
        return f"day {row['position'] + 1}" if isinstance(row.get("position"), int) else "a day"
    if table == "session":
        return f"session “{_short(row['title'])}”"
    if table == "roadmap_node":
        return item_label(row["level"], codes.get(row["id"], ""))
    if table == "indicator":
        return f"an indicator of {_node(row['node_id'], codes)}"
    return f"a plenary comment on {_node(row['node_id'], codes)}"


def _node(node_id: str, codes: dict[str, str]) -> str:
    code = codes.get(node_id)
    return f"item {code}" if code else "the goal"


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[:limit - 1] + "…"
