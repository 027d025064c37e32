"""Country and language names from ISO 3166 and ISO 639, via pycountry (kept current upstream)."""

from functools import cache

import pycountry


@cache
def country_name(code: str) -> str | None:
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


@cache
def all_countries() -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name."""
    return sorted(
        ((c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries),
        key=lambda pair: pair[1],
    )


@cache
def language_name(code: str) -> str | None:
    language = pycountry.languages.get(alpha_2=code.lower()) if len(code) == 2 else None
    return None if language is None else language.name
