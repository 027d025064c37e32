"""The words and formats of one export's language: its messages from the catalogs, and numbers,
sums of money, percentages, dates and times as that language writes them (CLDR data, through
Babel).

An export prints in the language it is given (a workshop's first working language by default),
whatever the window's language: each Words holds its own translator. In an export module:

    _ = Words(lang)
    _("Sign-in sheet")                                  # a message of the catalogs
    _("Day {number}", number=2)                         # formatted after translation
    _.n("{count} participant", "{count} participants", count)
    _.long_date("2027-03-09")                           # "mardi 9 mars 2027"

The name `_` lets `make catalogs` find the messages. English keeps the formats the exports
always had ("Tuesday 9 March 2027", "9 Mar 2027", "1,234,567").
"""

import datetime as dt

from babel.dates import format_date, format_interval

from workshop_app.i18n.catalogs import translator
from workshop_app.i18n.formats import LOCALES, amount, percent, short_date
from workshop_app.i18n.languages import ENGLISH, PSEUDO, code_of, first_spoken
from workshop_app.models.geography import country_name, language_name

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


class Words:
    def __init__(self, language: str | None = None):
        self.translator = translator(language)
        self.language = self.translator.language
        self.locale = LOCALES.get(self.language)  # None: English formats

    @property
    def right_to_left(self) -> bool:
        return self.translator.right_to_left

    def __call__(self, message: str, /, **values) -> str:
        text = self.translator.gettext(message)
        return text.format(**values) if values else text

    def n(self, singular: str, plural: str, count: int, /, **values) -> str:
        """A message that counts: the plural form the language needs for `count` (Arabic has
        six); {count} is the number as the language writes it."""
        text = self.translator.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def context(self, context: str, message: str) -> str:
        return self.translator.pgettext(context, message)

    def listed(self, items) -> str:
        """Items separated as this language separates them ("، " in Arabic)."""
        return self.translator.listed(items)

    def grouped(self, items) -> str:
        """Groups that hold commas themselves ("NPR 1,200; USD 300"; "؛ " in Arabic)."""
        return self.translator.grouped(items)

    def country(self, code: str) -> str:
        """The country's name in this language ("Népal"); the code for a country ISO does not know."""
        return (country_name(code, self.language) if code else None) or code

    def language_name(self, code: str) -> str:
        """A language's name in this language ("népalais"); the code for one ISO does not know."""
        return (language_name(code, self.language) if code else None) or code

    # ------------------------------------------------------------------ numbers

    def number(self, value: float | int) -> str:
        """1234567 -> '1,234,567' / '1 234 567' / '1.234.567'; decimals only when there are cents."""
        return amount(value, self.language)

    def percent(self, share: float | None) -> str:
        return percent(share, self.language)

    # ------------------------------------------------------------------ dates

    def long_date(self, value: str | None, *, weekday: bool = True) -> str:
        """'2027-03-09' -> 'Tuesday 9 March 2027', 'mardi 9 mars 2027', 'martes, 9 de marzo de 2027'."""
        day = _date(value)
        if day is None:
            return ""
        if self.locale is None:
            text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
            return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text
        return format_date(day, "full" if weekday else "long", locale=self.locale)

    def short_date(self, value: str | None) -> str:
        """'2027-03-09' -> '9 Mar 2027', '9 mars 2027', '9 مارس 2027'; '' for no date."""
        return "" if _date(value) is None else short_date(value, self.language)

    def date_range(self, start: str | None, end: str | None) -> str:
        """'9 Mar 2027 – 11 Mar 2027' in English; '9–11 mars 2027' as CLDR writes it elsewhere."""
        first, last = _date(start), _date(end)
        if first is None:
            return ""
        if last is None or last == first:
            return self.long_date(start)
        if self.locale is None:
            return f"{self.short_date(start)} – {self.short_date(end)}"
        return format_interval(first, last, "yMMMd", locale=self.locale)


def job_title(words: Words) -> str:
    """The header of a participant's job title: "Fonction", "Cargo", "المنصب" — not the "Titre"
    of a road-map item's title, which is the same English word."""
    return words.context("job title", "Title")


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def export_language(document, lang: str | None = None) -> str:
    """The language an export prints in: the one asked for (a code the program speaks, checked
    by the caller), else the workshop's first working language the program speaks, else English."""
    if lang:
        return PSEUDO if lang == PSEUDO else (code_of(lang) or ENGLISH)
    return first_spoken(document.working_languages())
