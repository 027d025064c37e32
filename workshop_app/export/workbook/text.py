"""User text bound for a spreadsheet, kept from ever becoming a formula; names of sheets as
Excel accepts them.

A name typed as `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` must arrive in Excel as the
characters the user typed. `=`, `+`, `-` and `@` start a formula when Excel reads a cell; tab
and carriage return are on the OWASP list as well, because some programs strip them first.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_CELL_LIMIT = 32_767

# Control characters other than tab and line breaks: XML 1.0 cannot carry them (openpyxl raises
# IllegalCharacterError), and NUL breaks many CSV readers. They are never meant as text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def xlsx_text(text: str | None) -> str:
    """Text an .xlsx cell can hold: no XML-illegal characters, within Excel's cell limit."""
    if not text:
        return ""
    return _without_control_characters(text)[:EXCEL_CELL_LIMIT]


def csv_text(text: str | None) -> str:
    """Text for a CSV cell, with a leading apostrophe when it could start a formula.

    A CSV file has no cell types, so the apostrophe is the only defence that survives: Excel and
    LibreOffice then show the text rather than run it. The cost is a visible apostrophe in
    front of such values (e.g. a phone number typed as +977 ...); we accept it, as OWASP
    recommends, because a CSV from this program is opened by people who never saw its contents.
    """
    if not text:
        return ""
    text = _without_control_characters(text)
    return "'" + text if looks_like_formula(text) else text


def _without_control_characters(text: str) -> str:
    return text if text.isprintable() else _CONTROL.sub("", text)


SHEET_NAME_LIMIT = 31
# Left out rather than replaced: the road-map import finds its sheets by the names without them.
_SHEET_TITLE = str.maketrans("", "", "[]:*?/\\")


def sheet_title(name: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of \\ / * ? : [ ], not starting or
    ending with an apostrophe (Excel's quote for sheet names in formulas)."""
    return " ".join(name.translate(_SHEET_TITLE).split())[:SHEET_NAME_LIMIT].strip().strip("'").strip()
