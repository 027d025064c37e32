"""The workshop's own record of each handout it writes: for whom, which outcomes are the group's,
and digests of what the handout was written with.

The handout file travels on the group's laptop, and whatever it says of itself (its part, its
base) can be changed by other means than the program. A merge therefore takes the group's part
from this record, checks the handout's base against its digest, and compares a digest of each
table a merge does not bring back (the participants, the agenda…) to tell the facilitator what
else the group changed, since those changes are not merged."""

import hashlib
import json
from dataclasses import dataclass

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.file import schema
from workshop_app.models.handouts.part import MERGED_TABLES

# The handouts' own bookkeeping: never compared, never merged.
_BOOKKEEPING = ("handout", "merged_handout", "merged_change", "issued_handout")

# What a facilitator calls the tables a merge leaves alone, in the order they are named.
AREAS = {
    # Translators: what else a group changed in its handout: "The handout also changes the agenda, …"
    "workshop": N_("the workshop's details"),
    "participant": N_("the participants"),
    "attendance": N_("the attendance"),
    "stakeholder_assessment": N_("the stakeholders"),
    "day": N_("the agenda"), "session": N_("the agenda"), "session_person": N_("the agenda"),
    "version": N_("the versions"),
    "plan_text": N_("the national action plan's texts"), "reference_figure": N_("the reference figures"),
    "acronym": N_("the acronyms"),
    "phone_comment": N_("the comments from phones"),
}


@dataclass(frozen=True)
class IssuedHandout:
    id: str
    label: str
    outcomes: tuple[str, ...]
    base_digest: str
    table_digests: dict[str, str]
    file_format: int  # the format the digests were taken in


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def unmerged_tables(document) -> list[str]:
    """The tables of the file that a merge does not bring back."""
    names = [row[0] for row in document.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [name for name in names if name not in MERGED_TABLES and name not in _BOOKKEEPING]


# Control characters no text the program stores holds (validation.clean_text removes them).
_UNIT, _NULL, _ROW = "\x1f", "\x1e", "\x1d"


def table_digests(document, tables: list[str]) -> dict[str, str]:
    """A digest of each table's rows in the order of their ids (every table has one), built by
    SQLite as one text: each value as text, NULL as a control character, separated by others."""
    found = {}
    for table in tables:
        # Both files passed the schema check on opening: their table and column names are the program's own.
        columns = [row[0] for row in document.query("SELECT name FROM pragma_table_info(?)", [table])]
        line = f" || '{_UNIT}' || ".join(f"ifnull([{column}], '{_NULL}')" for column in columns)
        text = document.query(f"SELECT group_concat(line, '{_ROW}') FROM (SELECT {line} AS line FROM [{table}] "
                              f"ORDER BY id)")[0][0]
        found[table] = digest(text or "")
    return found


def plan_record(document, handout_row: dict) -> Change:
    """The record of a handout just written from this workshop (not an undo step: taking it back
    would leave the group's handout impossible to merge)."""
    row = {"id": handout_row["id"], "label": handout_row["label"], "outcomes": handout_row["outcomes"],
           "created_at": handout_row["created_at"], "base_digest": digest(handout_row["base"]),
           "table_digests": json.dumps({"format": schema.SCHEMA_VERSION,
                                        "tables": table_digests(document, unmerged_tables(document))}, sort_keys=True)}
    # Translators: a step the window never offers to undo: the workshop notes a handout it wrote
    return Change(_("Record handout"), (RowChange("issued_handout", row["id"], None, row),))


def issued_handout(document, handout_id: str) -> IssuedHandout | None:
    row = document.get("issued_handout", handout_id)
    if row is None:
        return None
    try:
        outcomes = tuple(str(key) for key in json.loads(row["outcomes"]))
        stored = json.loads(row["table_digests"])
        digests = {str(key): str(value) for key, value in stored["tables"].items()}
        file_format = int(stored["format"])
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError):
        outcomes, digests, file_format = (), {}, 0
    return IssuedHandout(row["id"], row["label"], outcomes, row["base_digest"], digests, file_format)


def changed_areas(record: IssuedHandout, handout) -> list[str] | None:
    """What the group changed outside the road map, in words ("the agenda"), each named once;
    None when that cannot be told: a handout of an earlier format is read through an upgraded
    copy, whose tables no longer match the digests taken before the upgrade."""
    if handout.file_version != record.file_format:
        return None
    tables = [table for table in unmerged_tables(handout) if table in record.table_digests]
    now = table_digests(handout, tables)
    words: list[str] = []
    for table in sorted(tables, key=lambda name: list(AREAS).index(name) if name in AREAS else len(AREAS)):
        if now[table] != record.table_digests[table]:
            word = _(AREAS[table]) if table in AREAS else table.replace("_", " ")
            if word not in words:
                words.append(word)
    return words
