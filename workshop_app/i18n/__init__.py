"""The program's words in English, French, Spanish and Arabic, without Qt: the window, the
command line and every export use the same catalogs.

- languages: the four languages, their names in their own words, which read right to left,
             and the choice of one from a locale or a workshop's working languages.
- catalogs:  gettext catalogs (resources/locale/<lang>/LC_MESSAGES/workshop.mo), one
             translation object per language so that an export can print in a language other
             than the window's; _(), ngettext(), pgettext() in the window's language, and N_()
             to mark a constant that is translated where it is shown.
- formats:   percentages as the window's language writes them (exports: export/words.py).
- pseudo:    the pseudo-language for tests and developers: every message 40 % longer and
             accented, to find labels cut short and words that skip the catalogs.
"""

__all__ = ["languages", "catalogs", "formats", "pseudo", "command_line"]
