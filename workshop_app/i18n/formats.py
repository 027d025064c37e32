"""Numbers as the window's language writes them, for the words of the window and the command
line ("41 %" in French, "47%" in English). Exports have their own language: export/words.py."""

import datetime as dt
import re

from workshop_app.i18n.catalogs import _, current

# The CLDR locale each language writes numbers and dates with; English keeps the program's own.
LOCALES = {"fr": "fr", "es": "es", "ar": "ar"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def percent(share: float | None, language: str | None = None) -> str:
    """0.41 -> '41%' / '41 %' / '41 %' / '41%‎'; '–' when there is no share."""
    if share is None:
        return "–"
    locale = LOCALES.get(language or current().language)
    if locale is None:
        return f"{share:.0%}"
    from babel.numbers import format_percent  # CLDR loads only for another language than English

    return format_percent(share, locale=locale)


def amount(value: float | int, language: str | None = None) -> str:
    """45000 -> '45,000' / '45 000' / '45.000'; cents only when there are some. The window's
    language by default; an export passes its own (export.words.Words.number)."""
    whole = abs(value - round(value)) < 0.005
    locale = LOCALES.get(language or current().language)
    if locale is None:
        return f"{round(value):,}" if whole else f"{value:,.2f}"
    from babel.numbers import format_decimal

    return format_decimal(round(value) if whole else value, format="#,##0" if whole else "#,##0.00", locale=locale)


def short_date(value: str | None, language: str | None = None) -> str:
    """'2027-03-09' -> '9 Mar 2027' / '9 mars 2027' / '9 مارس 2027'; a value that is not a date
    as it is."""
    if not value:
        return ""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    locale = LOCALES.get(language or current().language)
    if locale is None:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    from babel.dates import format_date

    return format_date(day, "d MMM y", locale=locale)


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def period(value: str | None) -> str:
    """An action's start or end as the window's language writes it: '2027-Q2' -> 'Q2 2027',
    'T2 2027'; a date as short_date writes it."""
    if not value:
        return ""
    found = _QUARTER.match(value)
    if found:
        # Translators: a quarter of a year, e.g. "Q2 2027" (the second quarter of 2027)
        return _("Q{quarter} {year}").format(quarter=found.group(2), year=found.group(1))
    return short_date(value)
