"""Reading a handout back for a merge, or refusing it in one sentence: a file that is no
handout, a handout of another workshop, a file from a newer program (refused on opening)."""

import json
from dataclasses import dataclass
from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError
from workshop_app.models.handouts.part import MERGED_TABLES, HandoutInfo, handout_info

Rows = dict[str, dict[str, dict]]  # table -> id -> row


@dataclass
class Handout:
    path: Path
    info: HandoutInfo
    base: Rows  # the merged tables when it was handed out
    rows: Rows  # and as the group left them

    @property
    def label(self) -> str:
        return self.info.label or self.path.stem


def read_handout(document: WorkshopDocument, path: Path | str) -> Handout:
    path = Path(path)
    try:
        if path.resolve() == document.path.resolve():
            raise WorkshopFileError(path, _("is the workshop itself, not a handout"))
    except OSError:
        pass
    with WorkshopDocument.open(path, readonly=True) as handout:
        info = handout_info(handout)
        if info is None:
            raise WorkshopFileError(path, _("is not a handout (it has no group and no part of the road map to "
                                            "merge); write handouts from the Road map page"))
        if info.workshop_id != document.workshop()["id"]:
            raise WorkshopFileError(path, _("is a handout of another workshop ({title}); nothing was merged").format(
                title=handout.workshop()["title"]))
        rows = {table: {row["id"]: row for row in handout.rows(table, order_by="rowid")} for table in MERGED_TABLES}
        stored = handout.rows("handout")[0]["base"]
    damaged = WorkshopFileError(path, _("is a damaged handout: the state it was handed out in cannot be read"))
    try:
        base_rows = json.loads(stored)
        base = {table: {row["id"]: row for row in base_rows[table]} for table in MERGED_TABLES}
    except (TypeError, ValueError, KeyError, AttributeError):
        raise damaged from None
    # Every stored row has the columns its table has in the handout (a base edited by other
    # means, or cut short, would otherwise fail half-way through a merge).
    for table in MERGED_TABLES:
        columns = set(next(iter(rows[table].values()), {}) or _COLUMNS.get(table, ()))
        if any(not isinstance(row, dict) or not columns <= set(row) for row in base[table].values()):
            raise damaged
    if not base["roadmap_node"] and rows["roadmap_node"]:
        raise damaged  # a handout is written from a workshop with a road map: an empty base is not one
    return Handout(path, info, base, rows)


# The columns a merge reads, for a table the handout holds no row of.
_COLUMNS = {"roadmap_node": ("id", "parent_id", "level", "position"), "action_partner": ("id", "node_id"),
            "indicator": ("id", "node_id", "position"), "funding_source": ("id", "node_id", "position"),
            "plenary_comment": ("id", "node_id"), "organization": ("id", "name")}
