"""The pseudo-language: English made 40 % longer and accented, placeholders kept.

A label that fits in English but not in French or Arabic is cut in the pseudo-language too, and
a word that shows unaccented in it never went through the catalogs.
"""

import gettext
import re

_ACCENTED = str.maketrans("aceinouyACEINOUY", "àçéîñöûýÀÇÉÎÑÖÛÝ")
# Placeholders of both kinds, "{name}", "{count:,}" and "%(count)d", pass through untouched.
_PLACEHOLDER = re.compile(r"(\{[^{}]*\}|%\([a-z_]+\)[sdif]|%[sdif])")
_GROWTH = 0.4


def pseudo(message: str) -> str:
    if not message:
        return message
    pieces = _PLACEHOLDER.split(message)
    accented = "".join(piece if _PLACEHOLDER.fullmatch(piece) else piece.translate(_ACCENTED) for piece in pieces)
    letters = sum(len(piece) for piece in pieces if not _PLACEHOLDER.fullmatch(piece))
    padding = "~" * max(1, round(letters * _GROWTH))
    return f"[{accented}{padding}]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message):
        return pseudo(message)

    def ngettext(self, singular, plural, n):
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return pseudo(message)

    def npgettext(self, context, singular, plural, n):
        return pseudo(singular if n == 1 else plural)
