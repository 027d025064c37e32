"""The words of the phones' pages in one language, and the languages a page may be read in.

The server's threads write each page in the reader's language, whatever the window speaks: like
an export, a page holds its own Words (export.words), never the window's current language. The
labels the window writes through the current language (an item's "Action 2.1.3", a quarter, a
changed value) are written here again through Words, with the same messages of the catalogs.
"""

import json
import re

from workshop_app.export.words import Words
from workshop_app.i18n.catalogs import N_
from workshop_app.i18n.languages import ENGLISH, LANGUAGES, code_of
from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.diff import FIELD_LABELS

# Translators: how a facilitator names an item of the road map: "Action 2.1.3", "Outcome 1"
ITEM_LABELS = {"goal": N_("Goal {code}"), "outcome": N_("Outcome {code}"), "output": N_("Output {code}"),
               "action": N_("Action {code}")}
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SHORTEN = 70


def site_languages(working_languages: list) -> tuple[str, ...]:
    """The workshop's working languages that the program speaks, the first one first; English
    when it speaks none of them."""
    spoken = []
    for language in working_languages:
        code = code_of(language) if isinstance(language, str) else ""
        if code in LANGUAGES and code not in spoken:
            spoken.append(code)
    return tuple(spoken) or (ENGLISH,)


def page_language(asked: str | None, offered: tuple[str, ...]) -> str:
    """The language of a page: the one its address asks for (?lang=fr) when the program speaks it,
    else the workshop's first."""
    code = code_of(asked) if asked else ""
    return code if code in LANGUAGES else offered[0]


def item_label(_: Words, level: str, code: str) -> str:
    """"Action 2.1.3", "Outcome 1", "Goal", in the page's language."""
    if level not in ITEM_LABELS:
        return f"{level.capitalize()} {code}".strip()
    if not code:
        return _(v.NODE_LEVEL_LABELS[level])
    return _(ITEM_LABELS[level], code=code)


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def period_text(_: Words, value: str | None) -> str:
    """An action's start or end: "Q2 2027" ("T2 2027" in French), or a date as the language writes it."""
    if not value:
        return ""
    found = _QUARTER.match(value)
    if found:
        # Translators: a quarter of a year, e.g. "Q2 2027" (the second quarter of 2027)
        return _("Q{quarter} {year}", quarter=found.group(2), year=found.group(1))
    return _.short_date(value) or value


def timing_text(_: Words, start: str | None, end: str | None) -> str:
    return " – ".join(period_text(_, part) for part in (start, end) if part)


def vocabulary_label(_: Words, labels: dict, key) -> str:
    """A vocabulary key's label in the page's language; an unknown key as it is."""
    return _(labels[key]) if key in labels else str(key or "")


def field_label(_: Words, name: str) -> str:
    label = FIELD_LABELS.get(name)
    return _(label) if label else name.replace("_", " ")


def value_text(_: Words, name: str, value, organizations: dict, currency: str = "") -> str:
    """A changed field's value as a reader sees it (models.roadmap.diff.value_words, in the page's
    language): labels for keys, names for organizations, amounts with their currency, text quoted."""
    if value in (None, "", "[]"):
        # Translators: an empty value in "Action 2.1.3: risks (none) → “Floods”"
        return _("(none)")
    if name in ("lead_organization_id", "organization_id"):
        return organization_name(_, organizations, value)
    labels = {"status": v.ACTION_STATUSES, "action_group": v.ACTION_GROUPS, "role": v.PARTNER_ROLES}
    if name in labels:
        return vocabulary_label(_, labels[name], value)
    if name in ("issue_tags", "pillar_tags", "sdgs"):
        return _tags(_, name, value)
    if name in ("cost", "funding_secured", "amount") and isinstance(value, (int, float)):
        return f"{_.number(value)} {currency}".strip()
    if isinstance(value, str):
        return quoted(value)
    return str(value)


def organization_name(_: Words, organizations: dict, organization_id: str) -> str:
    found = organizations.get(organization_id)
    if not found:
        return _("(an organization removed since)")
    return found.get("acronym") or found.get("name") or _("(unnamed organization)")


def quoted(text: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > _SHORTEN:
        text = text[:_SHORTEN - 1].rstrip() + "…"
    return f"“{text}”"


def _tags(_: Words, name: str, value) -> str:
    try:
        keys = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return quoted(value)
    if name == "sdgs":
        # Translators: a Sustainable Development Goal by its number: "SDG 8"
        return _.listed(_("SDG {number}", number=key) for key in keys) or _("(none)")
    labels = v.ISSUE_TAGS if name == "issue_tags" else v.PILLAR_TAGS
    return _.listed(vocabulary_label(_, labels, key) for key in keys) or _("(none)")
