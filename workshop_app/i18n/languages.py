"""The languages the program speaks, and how one is chosen."""

from collections.abc import Iterable

ENGLISH = "en"
# In their own words: how a reader recognises their language in a list.
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
RIGHT_TO_LEFT = frozenset({"ar"})
# Not offered to users: every message longer and accented (see pseudo).
PSEUDO = "qps"


def code_of(value: str | None) -> str:
    """"fr_FR.UTF-8", "es-419", "AR" -> "fr", "es", "ar"; anything else -> ""."""
    if not value:
        return ""
    code = value.strip().split(".")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES or code == PSEUDO else ""


def supported(value: str | None) -> str:
    """The language to use for `value`: itself when the program speaks it, else English."""
    return code_of(value) or ENGLISH


def first_spoken(candidates: Iterable[str | None]) -> str:
    """The first of the candidates (a workshop's working languages, the system's UI languages)
    that the program speaks; English when none is."""
    for candidate in candidates:
        code = code_of(candidate)
        if code and code != PSEUDO:
            return code
    return ENGLISH


def environment_language(environ: dict[str, str]) -> str:
    """The language the environment asks for: PATHFINDER_LANGUAGE first (tests, screenshots, a
    user who wants the program in another language than the desktop), then the POSIX variables
    in the order gettext reads them."""
    chosen = environ.get("PATHFINDER_LANGUAGE", "")
    if code_of(chosen):
        return code_of(chosen)
    candidates = environ.get("LANGUAGE", "").split(":")
    candidates += [environ.get(name, "") for name in ("LC_ALL", "LC_MESSAGES", "LANG")]
    return first_spoken(candidates)


def is_right_to_left(language: str) -> bool:
    return code_of(language) in RIGHT_TO_LEFT
