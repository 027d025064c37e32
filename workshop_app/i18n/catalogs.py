"""gettext catalogs, one translation object per language, and the window's current one.

The catalogs are compiled (.mo) from the .po files beside them in resources/locale; the
standard library reads them, so Babel is needed only to extract and compile. A message without
a translation prints in English; so does a language without a catalog.
"""

import gettext as _gettext
import threading
from collections.abc import Iterable
from functools import cache

from workshop_app.i18n.languages import ENGLISH, LANGUAGES, PSEUDO, is_right_to_left, supported
from workshop_app.i18n.pseudo import PseudoTranslations
from workshop_app.resources import resource_path

DOMAIN = "workshop"


class Translator:
    """The words of one language."""

    def __init__(self, language: str):
        self.language = language
        if language == PSEUDO:
            self._translations: _gettext.NullTranslations = PseudoTranslations()
        elif language == ENGLISH:
            self._translations = _gettext.NullTranslations()
        else:
            self._translations = _gettext.translation(DOMAIN, str(resource_path("locale")), [language],
                                                     fallback=True)

    @property
    def right_to_left(self) -> bool:
        return is_right_to_left(self.language)

    def gettext(self, message: str) -> str:
        return self._translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self._translations.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self._translations.pgettext(context, message)

    def listed(self, items: Iterable[str]) -> str:
        """Items one after the other as the language separates them: "Nepal, India" and
        "نيبال، الهند" (Arabic has its own comma)."""
        # Translators: what separates the items of a list, with its space; Arabic uses "، "
        return self.pgettext("list separator", ", ").join(items)

    def grouped(self, items: Iterable[str]) -> str:
        """Groups that may hold commas themselves, one after the other: "NPR 1,200; USD 300"."""
        # Translators: what separates groups of a list that hold commas, with its space; Arabic uses "؛ "
        return self.pgettext("group separator", "; ").join(items)


_lock = threading.Lock()


@cache
def translator(language: str | None) -> Translator:
    """The translator for a language code ("fr", "fr_FR", "ar"…); English for one we lack."""
    code = PSEUDO if language == PSEUDO else supported(language)
    with _lock:
        return Translator(code)


_current = translator(ENGLISH)


def use(language: str | None) -> Translator:
    """Make `language` the window's and the command line's language."""
    global _current
    _current = translator(language)
    return _current


def current() -> Translator:
    return _current


def _(message: str) -> str:
    """The message in the current language."""
    return _current.gettext(message)


def gettext(message: str) -> str:
    """_() by another name, for a module whose `_` is an export's Words: its refusals are read
    by the user of the window or the command line, in their language."""
    return _current.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _current.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def listed(items: Iterable[str]) -> str:
    return _current.listed(items)


def grouped(items: Iterable[str]) -> str:
    return _current.grouped(items)


def in_every_language(message: str, *, context: str | None = None, pseudo: bool = False) -> dict[str, str]:
    """The message as English and each language the program speaks writes it (and the
    pseudo-language, when asked), by language: what the program wrote in a file read back."""
    codes = [*LANGUAGES, PSEUDO] if pseudo else list(LANGUAGES)
    if context is None:
        return {code: translator(code).gettext(message) for code in codes}
    return {code: translator(code).pgettext(context, message) for code in codes}


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional name
    """Marks a constant for the catalogs; it is translated where it is shown."""
    return message
