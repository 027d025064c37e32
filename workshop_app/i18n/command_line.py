"""argparse's own words in the program's language: "usage:", "options", "show this help message
and exit" and its refusals ("the following arguments are required: …").

argparse looks each of them up through the `_` and `ngettext` of its module, which read the
standard library's default catalog, where no translation of ours is. Pointing those two names at
our catalogs lets the messages below be translated with all the others. A message a newer
Python adds that is not listed here prints in English, as it would without this."""

import argparse

from workshop_app.i18n import catalogs
from workshop_app.i18n.catalogs import N_

# The messages of Python's argparse a user of the command line can meet, as argparse writes them.
ARGPARSE_MESSAGES = (
    # Translators: starts the command line's help, followed by the command and its arguments.
    N_("usage: "),
    # Translators: a heading of the command line's help
    N_("positional arguments"),
    # Translators: a heading of the command line's help
    N_("options"),
    N_("show this help message and exit"),
    # Translators: %(prog)s is the program's name; keep %(message)s and the line break at the end.
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    # Translators: %(type)s is a programming type ("int"), %(value)r what was typed.
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def speak_argparse() -> None:
    """Have argparse's own words follow the program's current language."""
    argparse._ = catalogs.gettext
    argparse.ngettext = catalogs.ngettext
