"""Country and language names. Which codes exist comes from ISO 3166 and ISO 639, via pycountry
(kept current upstream); English names too, as the files always printed them. Other languages
name them as CLDR does, through Babel ("Népal", "Marruecos", "المغرب", "népalais")."""

import unicodedata
from functools import cache

# Codes CLDR names that are not ISO 3166-1 countries (Kosovo's provisional XK, Ascension, Diego
# Garcia, Ceuta and Melilla, the Canaries, Tristan da Cunha, the EU, the world's regions...).
NOT_ISO_3166 = {"XK", "AC", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "CP", "XA", "XB", "ZZ"}


@cache
def _cldr(language: str | None):
    """The Babel locale of one of the program's languages; None for English (and unknown codes),
    whose names come from ISO."""
    if not language or language.startswith("en"):
        return None
    from babel import Locale, UnknownLocaleError  # CLDR data loads only for another language

    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


@cache
def country_name(code: str, language: str | None = None) -> str | None:
    """The name of the ISO 3166 country `code` in `language` (English by default); None for a
    code that is no country."""
    import pycountry  # its import reads package metadata: only when a name is asked for

    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is None:
        return None
    locale = _cldr(language)
    translated = locale.territories.get(country.alpha_2) if locale is not None else None
    return translated or getattr(country, "common_name", None) or country.name


def sort_key(name: str) -> str:
    """Letters without their accents, case folded: an order close to each language's
    dictionaries, with no collation library."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def language_name(code: str, language: str | None = None) -> str | None:
    """The name of the ISO 639-1 language `code` in `language` (English by default); ISO calls
    Nepali, Arabic, Persian… "macrolanguages", a reader need not be told."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code.lower()) if len(code) == 2 else None
    if found is None:
        return None
    locale = _cldr(language)
    translated = locale.languages.get(code.lower()) if locale is not None else None
    return translated or found.name.removesuffix(" (macrolanguage)")


# Countries whose offices print on US Letter; every other prints on A4 (ISO 216).
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "HN", "NI", "PA", "DO",
                              "PR"})


def paper_of(country: str | None) -> str:
    """'Letter' or 'A4': the paper a country's offices print on."""
    return "Letter" if (country or "").upper() in LETTER_COUNTRIES else "A4"
