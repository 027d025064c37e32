"""Versions: named, frozen copies of the road map ("Draft after day 2", "Validated 2027-05-06").

A snapshot is plain JSON: every road-map item (all its fields, plus its code), every action
partner, every funding source and every indicator (plus the code of the item it measures), and the names of the
organizations they refer to, so that a version still reads correctly after an organization is
renamed or removed. The current draft gives a snapshot of the same shape, so any two of them
can be compared (diff.compare) and any frozen one restored.
"""

import json
import unicodedata

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change, RowChange
from workshop_app.models.document import WorkshopDocument, utc_now
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.roadmap.tree import roadmap_tree
from workshop_app.models.validation import clean_text

SNAPSHOT_FORMAT = 1
# Keys a snapshot adds to the stored rows; they are derived and never written back.
DERIVED_KEYS = ("code", "node_code")


def snapshot(document: WorkshopDocument, version_name_or_id: str | None = None) -> dict:
    """The frozen snapshot of a version (by name or id), or of the current draft (None)."""
    if version_name_or_id is None:
        return json.loads(_dump(_capture(document)))
    data = json.loads(_find(document, version_name_or_id)["snapshot"])
    if data.get("format", 0) > SNAPSHOT_FORMAT:
        raise WorkshopError(_("this version was frozen by a newer Pathfinder Workshop; update the program to read "
                              "it"))
    return data


def list_versions(document: WorkshopDocument) -> list[dict]:
    """id, name, created_at (UTC), validated (bool) and note of every version, oldest first."""
    return [{"id": row["id"], "name": row["name"], "created_at": row["created_at"],
             "validated": bool(row["validated"]), "note": row["note"]}
            for row in document.rows("version", order_by="created_at, rowid")]


def plan_freeze_version(document: WorkshopDocument, name: str, note: str = "") -> Change:
    """A new version holding the road map as it is now."""
    name = clean_text(name)
    if not name:
        raise InvalidValueError(_("give the version a name, e.g. “Draft after day 2”"))
    taken = next((row["name"] for row in document.rows("version") if _same_name(row["name"], name)), None)
    if taken is not None:
        raise InvalidValueError(_("there is already a version named “{name}”; choose another name").format(name=taken))
    return document.plan_insert("version", _("Freeze version “{name}”").format(name=name), name=name, note=note or "",
                                created_at=utc_now(), validated=0, snapshot=_dump(_capture(document)))


def plan_mark_validated(document: WorkshopDocument, name: str, validated: bool = True) -> Change:
    row = _find(document, name)
    text = (_("Mark version “{name}” as validated") if validated
            else _("Mark version “{name}” as not validated")).format(name=row["name"])
    return document.plan_update("version", row["id"], text, validated=1 if validated else 0)


def plan_restore_version(document: WorkshopDocument, name: str) -> Change:
    """Make the current draft the frozen road map again, as one undo step. Rows keep the ids they
    had in the version; items added since are removed (with their plenary comments), items
    removed since come back. References to organizations deleted since are left empty."""
    version = _find(document, name)
    frozen = snapshot(document, version["id"])
    text = _("Restore version “{name}”").format(name=version["name"])
    organizations = {row["id"] for row in document.rows("organization")}

    columns = {table: [row[1] for row in document.query(f"PRAGMA table_info({table})")]
               for table in ("roadmap_node", "action_partner", "indicator", "funding_source")}
    wanted_nodes = [_stored(columns["roadmap_node"], entry) for entry in frozen["nodes"]]
    for row in wanted_nodes:
        if row.get("lead_organization_id") not in organizations:
            row["lead_organization_id"] = None
    wanted_partners = [_stored(columns["action_partner"], entry) for entry in frozen["partners"]
                       if entry["organization_id"] in organizations]
    wanted_indicators = [_stored(columns["indicator"], entry) for entry in frozen["indicators"]]
    # A version frozen before actions had funding sources says nothing of them: they stay as they are.
    funding_known = "funding" in frozen
    wanted_funding = [{**_stored(columns["funding_source"], entry),
                       "organization_id": entry.get("organization_id") if entry.get("organization_id") in organizations
                       else None} for entry in frozen.get("funding", [])]

    current_nodes = {row["id"]: row for row in document.rows("roadmap_node")}
    current_partners = {row["id"]: row for row in document.rows("action_partner")}
    current_indicators = {row["id"]: row for row in document.rows("indicator")}
    current_funding = {row["id"]: row for row in document.rows("funding_source")} if funding_known else {}
    wanted_funding_ids = {row["id"] for row in wanted_funding}
    node_ids = {row["id"] for row in wanted_nodes}
    # A partner row that changes action or organization is removed and put back, so the rule
    # "one row per action and organization" holds at every step.
    partner_keys = {row["id"]: (row["node_id"], row["organization_id"]) for row in wanted_partners}
    kept_partners = {pid for pid, row in current_partners.items()
                     if partner_keys.get(pid) == (row["node_id"], row["organization_id"])}
    wanted_indicator_ids = {row["id"] for row in wanted_indicators}

    rows: list[RowChange] = []
    with document.drafting() as step:
        def do(changes: list[RowChange]) -> None:
            if changes:
                step(Change(text, tuple(changes)))
                rows.extend(changes)

        do([RowChange("action_partner", pid, row, None) for pid, row in current_partners.items()
            if pid not in kept_partners]
           + [RowChange("indicator", iid, row, None) for iid, row in current_indicators.items()
              if iid not in wanted_indicator_ids]
           + [RowChange("funding_source", fid, row, None) for fid, row in current_funding.items()
              if fid not in wanted_funding_ids])
        # Parents come before children in a snapshot, so every new item finds its parent.
        do([RowChange("roadmap_node", row["id"], None, row) for row in wanted_nodes if row["id"] not in current_nodes])
        do(_updates("roadmap_node", wanted_nodes, current_nodes))
        do(_updates("action_partner", [row for row in wanted_partners if row["id"] in kept_partners], current_partners))
        do(_updates("indicator", wanted_indicators, current_indicators))
        do(_updates("funding_source", wanted_funding, current_funding))
        do([RowChange("action_partner", row["id"], None, row) for row in wanted_partners
            if row["id"] not in kept_partners]
           + [RowChange("indicator", row["id"], None, row) for row in wanted_indicators
              if row["id"] not in current_indicators]
           + [RowChange("funding_source", row["id"], None, row) for row in wanted_funding
              if row["id"] not in current_funding])
        # Items added since the version: everything worth keeping has moved out from under them,
        # so removing the topmost ones takes only them (and their comments) away.
        doomed = set(current_nodes) - node_ids
        for node_id, row in current_nodes.items():
            if node_id in doomed and row["parent_id"] not in doomed:
                do(list(document.plan_delete("roadmap_node", node_id, text).rows))
    return Change(text, tuple(rows))


# ---------------------------------------------------------------------------------- internals

def _capture(document: WorkshopDocument) -> dict:
    nodes = []
    for goal in roadmap_tree(document):
        for item in goal.walk():
            nodes.append({**item.node, "code": item.code})
    order = {node["id"]: index for index, node in enumerate(nodes)}
    codes = {node["id"]: node["code"] for node in nodes}
    names = {row["id"]: row for row in document.rows("organization")}
    indicators = sorted(document.rows("indicator"),
                        key=lambda row: (order.get(row["node_id"], len(order)), row["position"], row["id"]))
    partners = sorted(document.rows("action_partner"),
                      key=lambda row: (order.get(row["node_id"], len(order)),
                                       names[row["organization_id"]]["name"].casefold(), row["id"]))
    funding = sorted(document.rows("funding_source"),
                     key=lambda row: (order.get(row["node_id"], len(order)), row["position"], row["id"]))
    used = ({node["lead_organization_id"] for node in nodes} | {row["organization_id"] for row in partners}
            | {row["organization_id"] for row in funding})
    return {
        "format": SNAPSHOT_FORMAT,
        "plan": plan_record(document),
        "nodes": nodes,
        "partners": partners,
        "funding": funding,
        "indicators": [{**row, "node_code": codes.get(row["node_id"], "")} for row in indicators],
        "organizations": {oid: {"name": names[oid]["name"], "acronym": names[oid]["acronym"]}
                          for oid in sorted(used - {None}) if oid in names},
    }


def plan_record(document: WorkshopDocument) -> dict:
    """What the plan prints besides the road map, as a version keeps it: a validated plan prints
    the texts, signatories, figures and acronyms it was endorsed with, whatever the draft says
    since. (Versions frozen before the plan's texts existed hold none; they print the draft's.)"""
    from workshop_app.models.plan.acronyms import acronym_list
    from workshop_app.models.plan.figures import reference_figures
    from workshop_app.models.plan.texts import plan_texts

    workshop = document.workshop()
    return {"texts": plan_texts(document), "figures": reference_figures(document),
            "acronyms": [list(pair) for pair in acronym_list(document)],
            "objectives": workshop["objectives"], "national_context": workshop["national_context"]}


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _stored(columns: list[str], entry: dict) -> dict:
    """A snapshot entry as the row to store: derived keys dropped, only columns the table has."""
    return {column: entry[column] for column in columns if column in entry}


def _updates(table: str, wanted: list[dict], current: dict[str, dict]) -> list[RowChange]:
    changes = []
    for row in wanted:
        now = current.get(row["id"])
        if now is None:
            continue
        changed = {column: value for column, value in row.items() if now.get(column) != value}
        if changed:
            changes.append(RowChange(table, row["id"], {column: now[column] for column in changed}, changed))
    return changes


def _find(document: WorkshopDocument, name_or_id: str) -> dict:
    row = document.get("version", name_or_id)
    if row is not None:
        return row
    name = clean_text(name_or_id)
    matches = [row for row in document.rows("version") if row["name"] == name] or [
        row for row in document.rows("version") if _same_name(row["name"], name)]
    if not matches:
        raise InvalidValueError(_("there is no version named “{name}”").format(name=name_or_id))
    return matches[0]


def _same_name(first: str, second: str) -> bool:
    return unicodedata.normalize("NFC", first).casefold() == unicodedata.normalize("NFC", second).casefold()
