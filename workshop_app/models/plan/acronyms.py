"""The plan's list of acronyms: every organization of the workshop that has one (its name is the
meaning), and those the facilitator adds ("NAP", "C182"). An added acronym that an organization
also has explains it in the facilitator's words."""

from workshop_app.models.geography import sort_key
from workshop_app.models.rows import id_filter


def acronym_list(document) -> list[tuple[str, str]]:
    """(acronym, meaning) sorted by acronym, each acronym once."""
    meanings: dict[str, tuple[str, str]] = {}
    for row in document.rows("organization", "acronym != ''", order_by="rowid"):
        acronym = row["acronym"].strip()
        if acronym and row["name"].strip() and row["name"].strip() != acronym:
            meanings.setdefault(acronym.casefold(), (acronym, row["name"].strip()))
    for row in document.rows("acronym", order_by="rowid"):
        acronym = row["acronym"].strip()
        if acronym:
            meanings[acronym.casefold()] = (acronym, row["meaning"].strip())
    return sorted(meanings.values(), key=lambda pair: (sort_key(pair[0]), pair[0]))


def added_acronyms(document, ids: list[str] | None = None) -> list[dict]:
    """The acronyms the facilitator added (only those of `ids` when given)."""
    where, params = id_filter("id", ids)
    return document.rows("acronym", where, params, order_by="rowid")
