"""Amounts typed the way each country writes numbers are read right, shown grouped, and an
unclear or impossible one is refused with a sentence that says how to write it."""

import pytest

from workshop_app.models.errors import InvalidValueError
from workshop_app.models.validation import amount, amount_text


@pytest.mark.parametrize("locale, typed, stored", [
    ("en", "45 000 000", 45_000_000), ("en", "45,000,000", 45_000_000), ("en", "45.000.000", 45_000_000),
    ("en", "1.5", 1.5), ("en", "1,500", 1500),
    ("fr", "45 000 000", 45_000_000), ("fr", "1,5", 1.5), ("fr", "1 234 567,50", 1_234_567.5),
    ("fr", "45\u202f000", 45_000), ("fr", "45\u00a0000", 45_000),
    ("es_CL", "1.234.567,5", 1_234_567.5), ("es_CL", "1,5", 1.5),
    ("es_MX", "1,234,567.5", 1_234_567.5), ("ar_MA", "1,5", 1.5),
    ("en", 3_000_000.0, 3_000_000), ("en", "", None),
])
def test_amounts_typed_as_each_locale_writes_them(locale, typed, stored):
    assert amount(typed, locale) == stored


@pytest.mark.parametrize("locale, typed, message", [
    ("en", "1,5", "unclear: did you mean 15 or 1.5"),
    ("es_CL", "1.5", "unclear: did you mean 15 or 1,5"),
    ("en", "1.5M", "write it in digits, e.g. 4,500,000"),
    ("fr", "3e+06", "write it in digits, e.g. 4\u202f500\u202f000"),
    ("en", "-5", "below zero"),
    ("en", 1e300, "larger than any budget"),
    ("en", "about 5000", "write it in digits"),
    ("en", float("nan"), "not an amount"),
])
def test_unclear_or_impossible_amounts_are_refused(locale, typed, message):
    with pytest.raises(InvalidValueError, match=message):
        amount(typed, locale)


def test_amounts_are_shown_grouped_never_in_scientific_notation():
    assert amount_text(3e6, "en") == "3,000,000"
    assert amount_text(3e6, "fr") == "3\u202f000\u202f000"
    assert amount_text(1_234_567.5, "es_CL") == "1.234.567,5"
    assert amount_text("45 000 000", "en") == "45 000 000"  # text from an older file, shown as it is


def test_a_french_workshop_reads_a_decimal_comma(document):
    """The `document` fixture is a French-speaking workshop in Madagascar."""
    from workshop_app.models.roadmap.editing import plan_add_node

    def add(parent_id, level):
        change = plan_add_node(document, parent_id, level)
        document.apply(change)
        return next(row.row_id for row in change.rows if row.kind == "insert")

    action = add(add(add(add(None, "goal"), "outcome"), "output"), "action")
    document.update("roadmap_node", action, cost="1,5", funding_secured="1 000,25", currency="mga")
    node = document.get("roadmap_node", action)
    assert (node["cost"], node["funding_secured"], node["currency"]) == (1.5, 1000.25, "MGA")
    with pytest.raises(InvalidValueError, match="ISO 4217"):
        document.update("roadmap_node", action, currency="ZZZ")
    with pytest.raises(InvalidValueError, match="write it in digits"):
        document.update("roadmap_node", action, cost="45 millions")
    assert document.get("roadmap_node", action)["cost"] == 1.5


@pytest.mark.parametrize("locale, shown", [("en_IN", "30,00,000"), ("ne_NP", "30,00,000"), ("es_CL", "3.000.000")])
def test_an_amount_shown_in_a_locale_reads_back_in_it(locale, shown):
    """South Asia groups lakhs and crores; whatever a cell shows must read back as the same amount."""
    assert amount_text(3_000_000, locale) == shown
    assert amount(shown, locale) == 3_000_000
