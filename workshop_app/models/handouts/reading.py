"""Reading a handout back for a merge, or refusing it in one sentence: a file that is no
handout, a handout of another workshop or of another copy of it, one whose base was changed
after it was written, a file from a newer program (refused on opening).

What the handout says of itself is checked against the workshop's own record (record.py): the
group's part is the one the workshop handed out, whatever the file now says."""

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from workshop_app.i18n.catalogs import _, listed
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.handouts.part import MERGED_TABLES, HandoutInfo, handout_info, part_words
from workshop_app.models.handouts.record import changed_areas, digest, issued_handout

Rows = dict[str, dict[str, dict]]  # table -> id -> row


@dataclass
class Handout:
    path: Path
    info: HandoutInfo  # as the workshop handed it out (its record), not as the file says
    base: Rows  # the merged tables when it was handed out
    rows: Rows  # and as the group left them
    # What the facilitator should know before merging: changes that will not be merged, a part
    # the file claims that the workshop never handed out.
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.info.label or self.path.stem


def read_handout(document: WorkshopDocument, path: Path | str) -> Handout:
    path = Path(path)
    try:
        # The same file by another name too (a link, another spelling of the path).
        if path.resolve() == document.path.resolve() or path.samefile(document.path):
            raise WorkshopFileError(path, _("is the workshop itself, not a handout"))
    except OSError:
        pass  # a file that cannot be found is refused on opening, in its own words
    with WorkshopDocument.open(path, readonly=True) as handout:
        info = handout_info(handout)
        if info is None:
            raise WorkshopFileError(path, _("is not a handout (it has no group and no part of the road map to "
                                            "merge); write handouts from the Road map page"))
        if info.workshop_id != document.workshop()["id"]:
            raise WorkshopFileError(path, _("is a handout of another workshop ({title}); nothing was merged").format(
                title=handout.workshop()["title"]))
        record = issued_handout(document, info.id)
        if record is None:
            raise WorkshopFileError(path, _("was not handed out from this workshop file, which keeps no record of it "
                                            "(was it written from another copy of the workshop?); merge it into the "
                                            "file it was written from; nothing was merged"))
        stored = handout.rows("handout")[0]["base"]
        # Checked before it is read: a base changed by other means, or cut short, or made huge
        # or deeply nested, is refused without parsing it.
        if digest(stored) != record.base_digest:
            raise WorkshopFileError(path, _("is a damaged handout: the state it was handed out in was changed after "
                                            "it was written; nothing was merged"))
        rows = {table: {row["id"]: row for row in handout.rows(table, order_by="rowid")} for table in MERGED_TABLES}
        areas = changed_areas(record, handout)
    base = _base(path, stored, rows)
    trusted = replace(info, label=record.label, outcomes=record.outcomes)
    result = Handout(path, trusted, base, rows)
    if set(info.outcomes) != set(record.outcomes):
        result.notes.append(_("This handout's record of its part was changed after it was handed out: the part the "
                              "workshop handed out ({part}) is followed, and changes outside it are conflicts for you "
                              "to decide.").format(part=part_words(document, trusted) or _("no outcome")))
    if areas:
        # Translators: "The handout also changes the agenda and the participants; those changes…"
        result.notes.append(_("The handout also changes {areas}; those changes are not merged: handouts carry the "
                              "road map only.").format(areas=listed(areas)))
    elif areas is None:
        result.notes.append(_("This handout was written by an earlier version of the program: whether it also "
                              "changes more than the road map cannot be told. Only its road map is merged."))
    return result


def _base(path: Path, stored: str, rows: Rows) -> Rows:
    """The merged tables' rows as handed out, each with the columns its table has in the handout."""
    damaged = WorkshopFileError(path, _("is a damaged handout: the state it was handed out in cannot be read"))
    try:
        base_rows = json.loads(stored)
        base = {table: {row["id"]: row for row in base_rows[table]} for table in MERGED_TABLES}
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
        raise damaged from None
    for table in MERGED_TABLES:
        columns = set(next(iter(rows[table].values()), {}) or _COLUMNS.get(table, ()))
        if any(not isinstance(row, dict) or not columns <= set(row) for row in base[table].values()):
            raise damaged
    if not base["roadmap_node"] and rows["roadmap_node"]:
        raise damaged  # a handout is written from a workshop with a road map: an empty base is not one
    return base


def distinct_paths(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The files chosen, each once (in the order first named), and those named more than once."""
    seen: dict[Path, Path] = {}
    repeated: list[Path] = []
    for path in map(Path, paths):
        try:
            key = path.resolve()
        except OSError:
            key = path
        if key in seen:
            if seen[key] not in repeated:
                repeated.append(seen[key])
        else:
            seen[key] = path
    return list(seen.values()), repeated


# The columns a merge reads, for a table the handout holds no row of.
_COLUMNS = {"roadmap_node": ("id", "parent_id", "level", "position"), "action_partner": ("id", "node_id"),
            "indicator": ("id", "node_id", "position"), "funding_source": ("id", "node_id", "position"),
            "plenary_comment": ("id", "node_id"), "organization": ("id", "name")}
