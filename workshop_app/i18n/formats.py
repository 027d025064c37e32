"""Numbers as the window's language writes them, for the words of the window and the command
line ("41 %" in French, "47%" in English). Exports have their own language: export/words.py."""

from babel.numbers import format_percent

from workshop_app.i18n.catalogs import current

_LOCALES = {"fr": "fr", "es": "es", "ar": "ar"}


def percent(share: float | None, language: str | None = None) -> str:
    """0.41 -> '41%' / '41 %' / '41 %' / '41%‎'; '–' when there is no share."""
    if share is None:
        return "–"
    locale = _LOCALES.get(language or current().language)
    if locale is None:
        return f"{share:.0%}"
    return format_percent(share, locale=locale)
