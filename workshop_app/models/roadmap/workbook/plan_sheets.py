"""The national action plan's parts beyond the road map in the road-map workbook, shared by its
export and its import: the plan's texts (one row per section), its reference figures and the
acronyms the facilitator added (an organization's acronym comes from the organization, and is
edited there).

Like the road map, each sheet has an ID column that matches a row with what it shows (a
section's key, a figure's or an acronym's id), and the export record keeps what the sheets held
when they were written (plan_record), for the import to tell Excel's changes from the workshop's.

A plan text longer than a cell holds (Excel: 32,767 characters) is written in pieces on rows of
their own, one after the other, whose IDs number them ("foreword", "foreword/2"…): the import
joins them again, so that nothing is cut.
"""

import json
from typing import Any

from workshop_app.i18n.catalogs import N_, _
from workshop_app.i18n.formats import amount as window_amount
from workshop_app.models import vocabulary as v
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.plan.acronyms import added_acronyms
from workshop_app.models.plan.figures import reference_figures
from workshop_app.models.plan.texts import plan_texts
from workshop_app.models.roadmap.workbook.columns import Column, cell_string, formula_refusal, quote
from workshop_app.models.sheets.formulas import FormulaCell
from workshop_app.models.validation import normalize

PLAN_TEXTS_SHEET = "Plan texts"
FIGURES_SHEET = "Reference figures"
ACRONYMS_SHEET = "Acronyms"

PLAN_TEXT_COLUMNS = (
    # Translators: a column header: the section of the national action plan a text belongs to ("Foreword")
    Column(N_("Section"), "section", "text", imported=False),
    # Translators: a column header: the text of a section of the national action plan
    Column(N_("Text"), "text", "text"),
    # Translators: a column header: what the section of the plan should say, as guidance for who writes it
    Column(N_("What goes there"), "prompt", "text", imported=False),
    Column("ID", "id", "id", imported=False),
)
FIGURE_COLUMNS = (
    Column("No.", "number", "number", imported=False),
    Column("Figure", "value", "figure"),
    Column("What it counts", "counts", "text"),
    Column("Year", "year", "year"),
    Column("Source", "source", "text"),
    Column("ID", "id", "id", imported=False),
)
ACRONYM_COLUMNS = (
    Column("Acronym", "acronym", "text"),
    Column("Meaning", "meaning", "text"),
    Column("ID", "id", "id", imported=False),
)
# The column that, with the ID, tells each sheet's header row.
TITLE_HEADERS = {PLAN_TEXTS_SHEET: "Text", FIGURES_SHEET: "What it counts", ACRONYMS_SHEET: "Acronym"}
SHEET_COLUMNS = {PLAN_TEXTS_SHEET: PLAN_TEXT_COLUMNS, FIGURES_SHEET: FIGURE_COLUMNS, ACRONYMS_SHEET: ACRONYM_COLUMNS}
# The table and fields each sheet reads back; models.validation checks every value.
TABLES = {FIGURES_SHEET: "reference_figure", ACRONYMS_SHEET: "acronym"}
FIELDS = {FIGURES_SHEET: ("value", "counts", "year", "source"), ACRONYMS_SHEET: ("acronym", "meaning")}

# A section's text in a report line: "Foreword: text changed". Marked with N_.
# Translators: {section} is a section of the plan ("Foreword"), written in Excel where it was empty
TEXT_ADDED = N_("{section}: text added")
# Translators: {section} is a section of the plan ("Foreword")
TEXT_CHANGED = N_("{section}: text changed")
# Translators: {section} is a section of the plan ("Foreword"), emptied in Excel
TEXT_REMOVED = N_("{section}: text removed")
# Field words in a line like "Reference figure 2: year 2021 → 2022". Marked with N_.
FIELD_WORDS = {
    # Translators: the number a reference figure gives, in "Reference figure 2: number 50,000,000 → 49,600,000"
    "value": N_("number"),
    # Translators: in "Reference figure 2: what it counts “…” → “…”"
    "counts": N_("what it counts"),
    # Translators: in "Reference figure 2: year 2021 → 2022"
    "year": N_("year"),
    # Translators: where a reference figure comes from, in "Reference figure 2: source “…” → “…”"
    "source": N_("source"),
    # Translators: in "Acronym NSO: acronym NSO → INSO"
    "acronym": N_("acronym"),
    # Translators: what an acronym stands for, in "Acronym NSO: meaning “…” → “…”"
    "meaning": N_("meaning"),
}

# Characters of a plan text per cell, counted as Excel counts them (UTF-16 code units): below
# Excel's 32,767, so that a piece stays whole in any spreadsheet program.
PIECE_LIMIT = 30_000
_PIECE_MARK = "/"


# ---------------------------------------------------------------------------------- what was exported

_STORED = {"figures": ("id", "position", "value", "counts", "year", "source"), "acronyms": ("id", "acronym", "meaning")}


def plan_record(document) -> dict:
    """The plan's texts, reference figures and added acronyms as the export writes them, and as
    the export record keeps them (plain JSON)."""
    return {
        "texts": plan_texts(document),
        "figures": [{name: row[name] for name in _STORED["figures"]} for row in reference_figures(document)],
        "acronyms": [{name: row[name] for name in _STORED["acronyms"]} for row in added_acronyms(document)],
    }


def record_text(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def checked_record(record: Any) -> dict:
    """ValueError unless `record` (unpacked from the export record) holds what the import reads."""
    if not isinstance(record, dict) or not isinstance(record.get("texts"), dict):
        raise ValueError("the export record's plan has no texts")
    if not all(isinstance(text, str) for text in record["texts"].values()):
        raise ValueError("a plan text in the export record is not text")
    for key, needed in (("figures", _STORED["figures"]), ("acronyms", _STORED["acronyms"])):
        rows = record.get(key)
        if not isinstance(rows, list) or not all(isinstance(row, dict) and all(name in row for name in needed)
                                                  for row in rows):
            raise ValueError(f"the export record's plan has no list of {key}")
    return record


# ---------------------------------------------------------------------------------- long texts

def text_pieces(text: str) -> list[str]:
    """The text cut into pieces a cell holds (PIECE_LIMIT), after a line break where there is
    one, else after a space; joined again they are the text, character for character."""
    pieces = []
    while _excel_length(text) > PIECE_LIMIT:
        end = _within_limit(text)
        cut = text.rfind("\n", 0, end)
        if cut < end // 2:
            cut = text.rfind(" ", 0, end)
        cut = cut + 1 if cut >= end // 2 else end
        pieces.append(text[:cut])
        text = text[cut:]
    return [*pieces, text]


def _excel_length(text: str) -> int:
    """Characters as Excel counts them: one beyond the Basic Multilingual Plane counts two."""
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


def _within_limit(text: str) -> int:
    """How many characters of `text` make PIECE_LIMIT as Excel counts them."""
    count = 0
    for index, character in enumerate(text):
        count += 2 if ord(character) > 0xFFFF else 1
        if count > PIECE_LIMIT:
            return index
    return len(text)


def piece_id(section: str, number: int) -> str:
    """The ID of a text's piece: the section's key for the first, "foreword/2" for the next."""
    return section if number == 1 else f"{section}{_PIECE_MARK}{number}"


def read_piece_id(text: str) -> tuple[str, int] | None:
    """(section, piece number) an ID names, None for an ID that is no section's."""
    section, mark, number = text.partition(_PIECE_MARK)
    if section not in v.PLAN_TEXTS or (mark and not (number.isdigit() and int(number) >= 2)):
        return None
    return section, int(number) if mark else 1


def piece_text(value: Any) -> str:
    """A piece as its cell holds it, its spaces and line breaks kept (they may be the middle of
    the text); a formula is refused."""
    if isinstance(value, FormulaCell):
        raise InvalidValueError(formula_refusal(value))
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return cell_string(value)


# ---------------------------------------------------------------------------------- cells

def parse_cell(sheet: str, field: str, value: Any, locale: str) -> Any:
    """The stored value of a Reference figures or Acronyms cell, checked by the rules of
    models.validation (a figure's number, a year, the texts a figure and an acronym need), or
    InvalidValueError saying why it cannot be stored."""
    if isinstance(value, FormulaCell):
        raise InvalidValueError(formula_refusal(value))
    if field == "value" and not isinstance(value, (int, float)):
        value = cell_string(value)
    elif field == "year" and isinstance(value, float) and value.is_integer():
        value = int(value)
    elif field != "value":
        value = cell_string(value)
    return normalize(TABLES[sheet], field, value, locale)


def same_field(field: str, first: Any, second: Any) -> bool:
    if field == "value":
        if first is None or second is None:
            return first is None and second is None
        return abs(float(first) - float(second)) <= 1e-9 * max(1.0, abs(float(first)))
    if field == "year":
        return (first or None) == (second or None)
    return (first or "") == (second or "")


def show_field(field: str, value: Any) -> str:
    """A value in a report line: numbers as the window writes them, text quoted."""
    if value is None or value == "":
        return _("(empty)")
    if field == "value":
        return window_amount(value)
    if field == "year":
        return str(value)
    return quote(value)


def figure_cell(value: float | None) -> Any:
    """A figure's number as its cell holds it: a whole number without ".0"."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else float(value)


def section_name(section: str) -> str:
    """A section of the plan as the reader of the report names it."""
    return _(v.PLAN_TEXTS[section][0]) if section in v.PLAN_TEXTS else section
