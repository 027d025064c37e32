"""The national action plan's texts only the country can write (vocabulary.PLAN_TEXTS): one row
per section, created the first time the section is written."""

from workshop_app.i18n.catalogs import _
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.errors import InvalidValueError


def plan_texts(document) -> dict[str, str]:
    """Every section's text, "" for one never written."""
    written = {row["section"]: row["text"] for row in document.rows("plan_text")}
    return {section: written.get(section, "") for section in v.PLAN_TEXTS}


def plan_text_change(document, section: str, text: str) -> Change:
    """The undoable step that sets a section's text (an empty change when it is the same)."""
    if section not in v.PLAN_TEXTS:
        raise InvalidValueError(_("'{value}' is not a section of the plan (choose one of: {choices})").format(
            value=section, choices=", ".join(v.PLAN_TEXTS)))
    # Translators: an undo step; {section} is the name of a section of the plan ("Foreword")
    undo = _("Edit {section}").format(section=_(v.PLAN_TEXTS[section][0]))
    rows = document.rows("plan_text", "section = ?", [section])
    if rows:
        return document.plan_update("plan_text", rows[0]["id"], undo, text=text)
    if not (text or "").strip():
        return Change(undo)
    return document.plan_insert("plan_text", undo, section=section, text=text)
