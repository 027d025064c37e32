"""Turn what a user typed into what the file stores, or say clearly why it cannot be stored."""

import datetime as dt
import functools
import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models import vocabulary as v
from workshop_app.models.errors import InvalidValueError

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


# Control characters other than tab and line breaks: invisible, and a NUL cuts a name short
# in every program that reads the file's text as C strings. Also the byte-order mark (left in
# the middle of a list when two files were joined) and the bidi embeddings and overrides, which
# make a name or an e-mail read differently from what it holds.
_CONTROLS = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127, 0xFEFF, *range(0x202A, 0x202F),
                           *range(0x2066, 0x206A)])
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # not text: the file could not store it


def clean_text(value: Any) -> str:
    """Text as the user meant it: NFC-normalised (so Devanagari and Vietnamese compare equal
    however they were typed), invisible control characters and outer spaces removed, line
    breaks kept."""
    if value is None:
        return ""
    text = str(value).translate(_CONTROLS)
    if _LONE_SURROGATE.search(text):
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text).strip()


def limited_text(too_long: str, most: int, most_digits: int | None = None):
    """Free text of a bounded kind: a phone number of 309 digits is a paste gone wrong.
    `too_long` is the refusal (marked with N_), with {text} for the start of the text."""
    def rule(value: Any) -> str:
        text = clean_text(value)
        if len(text) > most or (most_digits and sum(c.isdigit() for c in text) > most_digits):
            raise InvalidValueError(_(too_long).format(text=text[:40]))
        return text

    return rule


def country_code(value: Any) -> str:
    code = clean_text(value).upper()
    if not code:
        return ""
    from workshop_app.models.geography import country_name  # pycountry loads its data lazily

    if country_name(code) is None:
        raise InvalidValueError(_("'{value}' is not an ISO 3166 country code (e.g. NP for Nepal)").format(
            value=value))
    return code


def language_codes(value: Any) -> str:
    """A JSON list of ISO 639-1 codes, from a list or from text like 'en, fr'."""
    from workshop_app.models.geography import language_name

    if isinstance(value, str):
        try:
            parsed = json.loads(value) if value.strip().startswith("[") else None
        except ValueError:
            parsed = None
        value = parsed if isinstance(parsed, list) else [part for part in re.split(r"[\s,;\[\]\"']+", value) if part]
    codes = []
    for item in value or []:
        code = clean_text(item).lower()
        if language_name(code) is None:
            raise InvalidValueError(_("'{value}' is not a two-letter ISO 639-1 language code (e.g. en, fr, "
                                      "ne)").format(value=item))
        if code not in codes:
            codes.append(code)
    return json.dumps(codes)


YEARS = range(1900, 2200)  # what the file accepts; outside it, a typing slip ("0202", "20277")


def year(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(clean_text(value))
    except ValueError:
        raise InvalidValueError(_("'{value}' is not a year").format(value=value)) from None
    if number not in YEARS:
        raise InvalidValueError(_("{number} is not a year between {first} and {last}").format(
            number=number, first=YEARS[0], last=YEARS[-1]))
    return number


def _in_years(text: str, value: Any) -> str:
    if int(text[:4]) not in YEARS:
        raise InvalidValueError(_("'{value}' is not between the years {first} and {last}").format(
            value=value, first=YEARS[0], last=YEARS[-1]))
    return text


def iso_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return _in_years(value.isoformat(), value)
    try:
        return _in_years(dt.date.fromisoformat(clean_text(value)).isoformat(), value)
    except ValueError:
        raise InvalidValueError(_("'{value}' is not a date in the form YYYY-MM-DD").format(value=value)) from None


def clock_time(value: Any) -> str:
    match = _TIME.match(clean_text(value))
    if not match:
        raise InvalidValueError(_("'{value}' is not a time in the form HH:MM").format(value=value))
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def choice(value: Any, choices, not_valid: str) -> str:
    """`not_valid` is the refusal (marked with N_), with {value} and {choices} (the keys)."""
    key = clean_text(value)
    if key not in choices:
        raise InvalidValueError(_(not_valid).format(value=value, choices=", ".join(choices)))
    return key


def required_text(empty: str):
    """`empty` is the refusal of an empty text (marked with N_)."""
    def rule(value: Any) -> str:
        text = clean_text(value)
        if not text:
            raise InvalidValueError(_(empty))
        return text

    return rule


def whole_number(value: Any, not_a_number: str) -> int:
    """`value` as a whole number. The refusal (marked with N_): `not_a_number` with {value}."""
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidValueError(_(not_a_number).format(value=value)) from None


def score(value: Any) -> int:
    number = whole_number(value, N_("'{value}' is not a score from 1 to 5"))
    if not 1 <= number <= 5:
        raise InvalidValueError(_("{number} is outside the scale of 1 to 5").format(number=number))
    return number


_QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)


# A quarter as the program's languages write it: Q3 in English, T3 (trimestre) in French and
# Spanish, الربع 3 in Arabic; a workbook edited in any of them comes back with its own.
_QUARTER_WORD = r"(?:Q|T|الربع)\s*"
_TYPED_QUARTER = re.compile(rf"^(\d{{4}})[\s-]*{_QUARTER_WORD}([1-4])$", re.IGNORECASE)
_QUARTER_FIRST = re.compile(rf"^{_QUARTER_WORD}([1-4])[\s-]*(\d{{4}})$", re.IGNORECASE)


def quarter_or_date(value: Any) -> str | None:
    """'2027-Q3' (also typed '2027Q3', 'q3 2027', 'T3 2027' or 'الربع 3 2027') or a date; empty
    means not set."""
    text = clean_text(value)
    if not text:
        return None
    swapped = _QUARTER_FIRST.match(text)
    # int() reads any script's digits ("２０２７", "२०२७"); the file holds ASCII ones.
    if swapped:
        return _in_years(f"{int(swapped.group(2)):04d}-Q{int(swapped.group(1))}", value)
    match = _TYPED_QUARTER.match(text)
    if match:
        return _in_years(f"{int(match.group(1)):04d}-Q{int(match.group(2))}", value)
    try:
        return _in_years(dt.date.fromisoformat(text).isoformat(), value)
    except ValueError:
        raise InvalidValueError(_("'{value}' is neither a quarter like 2027-Q3 nor a date like 2027-09-30").format(
            value=value)) from None


def gender_marker(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InvalidValueError(_("'{value}' is not a gender marker (0, 1, 2 or 3)").format(value=value)) from None
    if number not in v.GENDER_MARKERS:
        raise InvalidValueError(_("{number} is not a gender marker (0, 1, 2 or 3)").format(number=number))
    return number


def tags(choices, not_list: str, not_one: str):
    """A JSON list of keys from a vocabulary, from a list or from text like 'a, b'. The refusals
    (marked with N_): `not_list` with {value}, `not_one` with {value} and {choices}."""
    def rule(value: Any) -> str:
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.strip().startswith("[") else re.split(r"[,;]\s*", value)
            except ValueError:
                raise InvalidValueError(_(not_list).format(value=value)) from None
        keys = []
        for item in value or []:
            key = item if isinstance(item, int) else clean_text(item)
            if key == "":
                continue
            if isinstance(next(iter(choices)), int):
                try:
                    key = int(key)
                except (TypeError, ValueError):
                    pass
            if key not in choices:
                raise InvalidValueError(_(not_one).format(value=item, choices=", ".join(map(str, choices))))
            if key not in keys:
                keys.append(key)
        return json.dumps(keys)

    return rule


def positive_places(value: Any) -> int:
    places = whole_number(value, N_("'{value}' is not a number of places"))
    if places <= 0:
        raise InvalidValueError(_("a room holds at least one person"))
    if places > 1_000_000:
        raise InvalidValueError(ngettext("{places} place is more than any room holds",
                                         "{places} places is more than any room holds", places).format(
            places=f"{places:,}"))
    return places


def positive_minutes(value: Any) -> int:
    minutes = whole_number(value, N_("'{value}' is not a number of minutes"))
    if minutes <= 0:
        raise InvalidValueError(_("a session must last at least one minute"))
    if minutes > 24 * 60:
        raise InvalidValueError(ngettext("{minutes} minute is longer than a day",
                                         "{minutes} minutes is longer than a day", minutes).format(
            minutes=f"{minutes:,}"))
    return minutes


AMOUNT_LIMIT = Decimal(10) ** 15  # more than any road map's budget in any currency: a typing slip
_SPACES = "\u0020\u00a0\u202f\u2009'\u2019"  # what people put between groups of digits
_SPACED = re.compile(rf"^\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?$")
_GROUPED_TWICE = re.compile(r"^\d{1,3}(?P<group>[.,])\d{3}(?:(?P=group)\d{3})+(?:(?!(?P=group))[.,]\d+)?$")


def amount(value: Any, locale: str = "en") -> float | None:
    """An amount of money as typed in the workshop's locale ("45 000 000", "45.000.000",
    "1 234 567,50" in French, "1,5" in Spanish), or InvalidValueError saying how to write it.
    An amount that only one reading fits is taken whatever the locale (two dots grouping
    thousands are never a decimal point); one that two readings fit follows the locale, and
    an unclear one ("1,5" in English) is refused with both readings rather than guessed."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InvalidValueError(_("'{value}' is not an amount").format(value=value))
    if isinstance(value, (int, float, Decimal)):
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise InvalidValueError(_("'{value}' is not an amount").format(value=value)) from None
    else:
        number = _parse_amount(clean_text(value), locale)
    if not number.is_finite():
        raise InvalidValueError(_("'{value}' is not an amount").format(value=value))
    if number < 0:
        raise InvalidValueError(_("{value} is below zero; amounts cannot be negative").format(value=value))
    if number >= AMOUNT_LIMIT:
        raise InvalidValueError(_("{value} is larger than any budget; check the number of digits").format(value=value))
    return float(number)


def amount_text(number: Any, locale: str = "en") -> str:
    """An amount as the locale writes it, grouped, never in scientific notation ("3,000,000")."""
    if number is None or number == "":
        return ""
    if isinstance(number, bool) or not isinstance(number, (int, float, Decimal)):
        return str(number)  # a value from before amounts were checked: shown as it is
    group, decimal, (primary, secondary) = _number_symbols(locale)
    text = f"{Decimal(str(number)):.2f}"  # at most two decimals, never an exponent
    sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
    digits, _, fraction = text.partition(".")
    groups = [digits[-primary:]] if len(digits) > primary else [digits]
    rest = digits[:-primary] if len(digits) > primary else ""
    while rest:
        groups.insert(0, rest[-secondary:])
        rest = rest[:-secondary]
    fraction = fraction.rstrip("0")
    return sign + group.join(groups) + (decimal + fraction if fraction else "")


@functools.cache
def _number_symbols(locale: str) -> tuple[str, str, tuple[int, int]]:
    """The locale's group and decimal signs and its grouping (3, 3), or (3, 2) in South Asia,
    read once from CLDR: amounts are shown in every cell of the road map, often."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    found = _babel_locale(locale)
    grouping = found.decimal_formats[None].grouping or (3, 3)
    return get_group_symbol(found), get_decimal_symbol(found), (grouping[0], grouping[1] or grouping[0])


def money_text(amount: Any, currency: str | None, locale: str = "en") -> str:
    """An amount with its currency as the locale writes it ("45,000,000 USD"); "" when unknown."""
    return "" if amount is None else f"{amount_text(amount, locale)} {currency or ''}".strip()


def _parse_amount(text: str, locale: str) -> Decimal:
    from babel.numbers import NumberFormatError, parse_decimal

    plain = text
    if _SPACED.match(plain):
        plain = re.sub(f"[{_SPACES}]", "", plain)
    grouped = _GROUPED_TWICE.match(plain)
    if grouped:  # "45.000.000" or "45,000,000.50": one reading only
        group = grouped.group("group")
        plain = plain.replace(group, "").replace("," if group == "." else ".", ".")
        return Decimal(plain)
    if re.search(r"[^\d.,-]", plain) or "-" in plain[1:]:
        raise InvalidValueError(_("'{value}' is not an amount; write it in digits, e.g. {example}").format(
            value=text, example=amount_text(4500000, locale)))
    try:
        return parse_decimal(plain, locale=_babel_locale(locale), strict=True)
    except NumberFormatError as error:
        readings = getattr(error, "suggestions", None) or []
        if len(readings) > 1:
            shown = [amount_text(parse_decimal(reading, locale=_babel_locale(locale)), locale) for reading in readings]
            options = shown[0]
            for other in shown[1:]:
                # Translators: two readings of an amount a user typed ("1,5" or "15")
                options = _("{first} or {second}").format(first=options, second=other)
            raise InvalidValueError(_("'{value}' is unclear: did you mean {options}?").format(
                value=text, options=options)) from None
        raise InvalidValueError(_("'{value}' is not an amount as this workshop writes numbers, e.g. {example}").format(
            value=text, example=amount_text(1234567.5, locale))) from None


@functools.cache
def _babel_locale(locale: str):
    from babel import Locale, UnknownLocaleError

    for name in (locale, locale.split("_")[0], "en"):
        try:
            return Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def currency_code(value: Any) -> str:
    code = clean_text(value).upper()
    if not code:
        return ""
    from babel.numbers import list_currencies

    if code not in list_currencies():
        raise InvalidValueError(_("'{value}' is not an ISO 4217 currency code (e.g. USD, EUR, NPR)").format(
            value=value))
    return code


def _required(value: Any, empty: str) -> Any:
    if value is None:
        raise InvalidValueError(_(empty))
    return value


# Field rules that read what was typed in the workshop's locale: rule(value, locale).
LOCALE_RULES = {
    ("roadmap_node", "cost"): amount,
    ("roadmap_node", "funding_secured"): amount,
    ("funding_source", "amount"): amount,
    ("reference_figure", "value"): lambda value, locale: _required(amount(value, locale),
                                                                   N_("a reference figure needs its number")),
}

# Field rules by table; a field not listed is free text.
_RULES = {
    ("workshop", "country"): country_code,
    ("workshop", "languages"): language_codes,
    ("workshop", "start_date"): iso_date,
    ("workshop", "end_date"): iso_date,
    ("day", "date"): iso_date,
    ("day", "start_time"): clock_time,
    ("day", "planned_end"): clock_time,
    ("organization", "category"): lambda value: choice(
        value, v.ORGANIZATION_CATEGORIES,
        N_("'{value}' is not a valid organization category (choose one of: {choices})")),
    ("participant", "name"): required_text(N_("a participant's name cannot be empty")),
    ("participant", "phone"): limited_text(N_("'{text}…' is too long for a phone number"), 80, 40),
    ("participant", "email"): limited_text(N_("'{text}…' is too long for an e-mail address"), 254),
    ("organization", "name"): required_text(N_("a organization's name cannot be empty")),
    ("stakeholder_assessment", "influence"): score,
    ("stakeholder_assessment", "interest"): score,
    ("participant", "sex"): lambda value: choice(
        value or "not_stated", v.SEXES, N_("'{value}' is not a valid sex (choose one of: {choices})")),
    ("participant", "role"): lambda value: choice(
        value, v.PARTICIPANT_ROLES, N_("'{value}' is not a valid participant role (choose one of: {choices})")),
    ("session", "type"): lambda value: choice(
        value, v.SESSION_TYPES, N_("'{value}' is not a valid session type (choose one of: {choices})")),
    ("session", "duration"): positive_minutes,
    ("session", "fixed_start"): lambda value: clock_time(value) if value not in (None, "") else None,
    ("session", "capacity"): lambda value: None if value in (None, "", 0) else positive_places(value),
    ("roadmap_node", "level"): lambda value: choice(
        value, v.NODE_LEVELS, N_("'{value}' is not a valid road-map level (choose one of: {choices})")),
    ("roadmap_node", "status"): lambda value: choice(
        value, v.ACTION_STATUSES, N_("'{value}' is not a valid status (choose one of: {choices})")),
    ("roadmap_node", "start"): quarter_or_date,
    ("roadmap_node", "end"): quarter_or_date,
    ("roadmap_node", "gender_marker"): gender_marker,
    ("roadmap_node", "issue_tags"): tags(v.ISSUE_TAGS, N_("'{value}' is not a list of target 8.7 issues"),
                                        N_("'{value}' is not one of the target 8.7 issues ({choices})")),
    ("roadmap_node", "pillar_tags"): tags(v.PILLAR_TAGS, N_("'{value}' is not a list of pillars"),
                                         N_("'{value}' is not one of the pillars ({choices})")),
    ("roadmap_node", "sdgs"): tags(v.RELATED_SDGS, N_("'{value}' is not a list of related SDGs"),
                                  N_("'{value}' is not one of the related SDGs ({choices})")),
    ("roadmap_node", "currency"): currency_code,
    ("indicator", "baseline_year"): year,
    ("indicator", "target_year"): year,
    ("funding_source", "year"): year,
    ("funding_source", "currency"): currency_code,
    ("reference_figure", "year"): year,
    ("reference_figure", "counts"): required_text(N_("a reference figure must say what it counts")),
    ("acronym", "acronym"): required_text(N_("an acronym cannot be empty")),
    ("roadmap_node", "action_group"): lambda value: choice(
        value, v.ACTION_GROUPS,
        N_("'{value}' is not a valid Action Group (choose one of: {choices})")) if value else None,
    ("action_partner", "role"): lambda value: choice(
        value, v.PARTNER_ROLES, N_("'{value}' is not a valid partner role (choose one of: {choices})")),
}


def normalize(table: str, column: str, value: Any, locale: str = "en") -> Any:
    """What the file stores for a typed value; `locale` ("fr", "es_CL") reads numbers."""
    locale_rule = LOCALE_RULES.get((table, column))
    if locale_rule is not None:
        return locale_rule(value, locale)
    rule = _RULES.get((table, column))
    if rule is not None:
        return rule(value)
    return clean_text(value) if isinstance(value, str) else value


def check_date_order(start: str | None, end: str | None) -> None:
    if start and end and end < start:
        raise InvalidValueError(_("the end date {end} is before the start date {start}").format(end=end, start=start))


def check_period_order(start: str | None, end: str | None) -> None:
    """An action's end (a quarter or a date) may share its start's quarter, never precede it."""
    if start and end and _period_days(end)[1] < _period_days(start)[0]:
        raise InvalidValueError(_("the end {end} is before the start {start}").format(end=end, start=start))


def _period_days(period: str) -> tuple[dt.date, dt.date]:
    match = _QUARTER.match(period)
    if not match:
        day = dt.date.fromisoformat(period)
        return day, day
    year, quarter = int(match.group(1)), int(match.group(2))
    first = dt.date(year, 3 * quarter - 2, 1)
    following = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return first, following - dt.timedelta(days=1)
