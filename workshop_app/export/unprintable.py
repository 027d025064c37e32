"""Which items of a workshop hold letters a PDF could not print, and what to install.

The PDF engine prints a character no font has as a placeholder and notes the text it came from
(export.pdf.fonts.collecting_missing). A facilitator needs more than the characters: the
participant whose name it is, the action's code, and what to install. This module looks the
characters up in the workshop's text fields and names the items; it runs only when something
was missing, so an export that prints everything pays nothing.

The window and the command line show what it finds: its words are in the window's language
(the current catalog), not the export's.
"""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.vocabulary import NODE_LEVEL_LABELS

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
# The fields in words, as a facilitator reads them in the warning ("participant “X”, name: …").
_FIELD_WORDS = {
    # Translators: a field of a participant, organization or day ("participant “X”, name: …").
    "name": N_("name"),
    # Translators: a field: the title of the workshop, a session, an item of the road map or a job title.
    "title": N_("title"),
    "venue": N_("venue"),
    "description": N_("description"),
    "objectives": N_("objectives"),
    "national_context": N_("national context"),
    "acronym": N_("acronym"),
    # Translators: a field of a session: its track (room or group) among parallel sessions.
    "track": N_("track"),
    "room": N_("room"),
    "expected_output": N_("expected output"),
    "materials": N_("materials"),
    "facilitator_notes": N_("facilitator notes"),
    "geographic_scope": N_("geographic scope"),
    "risks": N_("risks"),
    "assumptions": N_("assumptions"),
    "comments": N_("comments"),
    # Translators: a field of an indicator: its unit of measure.
    "unit": N_("unit"),
    "baseline_value": N_("baseline value"),
    "target_value": N_("target value"),
    "disaggregation": N_("disaggregation"),
    "means_of_verification": N_("means of verification"),
    "collected_by": N_("collected by"),
    "frequency": N_("frequency"),
    # Translators: a field of a plenary comment, or text the export printed that is in no field.
    "text": N_("text"),
}
# Scripts whose name in Unicode's character names is not what a reader calls them.
_SCRIPT_NAMES = {"CJK": N_("Chinese, Japanese or Korean"), "HANGUL": N_("Korean"), "HIRAGANA": N_("Japanese"),
                 "KATAKANA": N_("Japanese"), "IDEOGRAPHIC": N_("Chinese, Japanese or Korean")}
SYMBOLS = N_("emoji or symbol")
UNASSIGNED = N_("unassigned or private")
PLACEHOLDER_NOTE = N_("printed as \ufffd")
_FORMATTING = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad"))


@dataclass(frozen=True)
class Unprintable:
    item: str        # 'participant “李明”', 'Action 2.1.3'
    field: str       # the column, in words: "name", "title"
    characters: str  # the distinct characters that did not print, in order of appearance

    def message(self, advice: str) -> str:
        # Translators: scripts named together in the warning ("Tibetan and Chinese, Japanese or Korean").
        scripts = reduce(lambda first, second: _("{first} and {second}").format(first=first, second=second),
                         script_names(self.characters))
        # Translators: the warning for letters no font could print; {item} is e.g. 'participant “李明”',
        # {field} e.g. "name", {scripts} e.g. "Tibetan", {placeholder} the note "printed as �" and
        # {advice} what to install.
        return _("{item}, {field}: {scripts} characters “{characters}” {placeholder}; {advice}").format(
            item=self.item, field=self.field, scripts=scripts, characters=self.characters,
            placeholder=_(PLACEHOLDER_NOTE), advice=advice)


def script_names(characters: str) -> list[str]:
    """What a reader calls the scripts of these characters ("Tibetan", "Chinese, Japanese or Korean"),
    in the window's language where it has a word for them (Unicode's own names stay English)."""
    found: list[str] = []
    for char in characters:
        category = unicodedata.category(char)
        word = unicodedata.name(char, "UNKNOWN").split()[0]
        if category[0] == "S":
            name = _(SYMBOLS)
        elif category in ("Co", "Cn", "Cs") or word == "UNKNOWN":
            name = _(UNASSIGNED)
        else:
            name = _(_SCRIPT_NAMES[word]) if word in _SCRIPT_NAMES else word.capitalize()
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
                found.append(Unprintable(_item(table, row, codes or {}), _(_FIELD_WORDS[field]), chars))
                seen.update(chars)
    rest = wanted - seen
    for value in missing_texts:
        chars = "".join(dict.fromkeys(char for char in value if char in rest))
        if chars:
            found.append(Unprintable(f"“{_short(value)}”", _(_FIELD_WORDS["text"]), chars))
            rest -= set(chars)
    return found


def _item(table: str, row: dict, codes: dict[str, str]) -> str:
    """The item in words, as the warning names it: 'participant “李明”', 'Action 2.1.3'."""
    if table == "workshop":
        return _("the workshop")
    if table == "participant":
        return _("participant “{name}”").format(name=_short(row["name"]))
    if table == "organization":
        return _("organization “{name}”").format(name=_short(row["name"]))
    if table == "day":
        if isinstance(row.get("position"), int):
            return _("day {number}").format(number=row["position"] + 1)
        return _("a day")
    if table == "session":
        return _("session “{title}”").format(title=_short(row["title"]))
    if table == "roadmap_node":
        return _node_item(row["level"], codes.get(row["id"], ""))
    code = codes.get(row["node_id"])
    if table == "indicator":
        return _("an indicator of item {code}").format(code=code) if code else _("an indicator of the goal")
    return _("a plenary comment on item {code}").format(code=code) if code else _("a plenary comment on the goal")


def _node_item(level: str, code: str) -> str:
    """'Action 2.1.3', 'Goal' (as models.roadmap.tree.item_label names it, in the window's language)."""
    word = _(NODE_LEVEL_LABELS[level]) if level in NODE_LEVEL_LABELS else level.capitalize()
    # Translators: an item of the road map and its code ("Action 2.1.3"); {level} is Goal, Outcome,
    # Output or Action.
    return _("{level} {code}").format(level=word, code=code) if code else word


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(str(value).split())
    return value if len(value) <= limit else value[:limit - 1] + "…"
