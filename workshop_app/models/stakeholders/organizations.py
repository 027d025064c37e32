"""Changes that concern organizations as a whole: removing one with its people, merging two."""

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument

# Tables where an organization may appear only once per "companion" key: merging must drop
# the merged organization's row there instead of creating a duplicate.
_UNIQUE_WITH = {
    "stakeholder_assessment": (),
    "action_partner": ("node_id",),
}
# Links to an organization, in the order a merge moves them.
_REFERENCES = (
    ("participant", "organization_id"),
    ("roadmap_node", "lead_organization_id"),
    ("action_partner", "organization_id"),
    ("stakeholder_assessment", "organization_id"),
    ("plenary_comment", "organization_id"),
)


def participants_of(document: WorkshopDocument, organization_id: str) -> int:
    return document.count("participant", "organization_id = ?", [organization_id])


def plan_delete_organization(document: WorkshopDocument, organization_id: str, *, with_participants: bool,
                             undo_text: str | None = None) -> Change:
    """Remove an organization. Its participants either stay, without an organization, or go too."""
    undo_text = undo_text or _("Delete organization")
    change = Change(undo_text)
    with document.drafting() as step:
        if with_participants:
            for person in document.rows("participant", "organization_id = ?", [organization_id]):
                change = change.then(step(document.plan_delete("participant", person["id"])))
        return change.then(document.plan_delete("organization", organization_id), undo_text)


def plan_merge_organizations(document: WorkshopDocument, keep_id: str, merged_id: str,
                             undo_text: str | None = None) -> Change:
    """Everything that pointed at `merged_id` points at `keep_id`; empty fields of the kept
    organization are filled from the merged one; then the merged one is removed. One step."""
    undo_text = undo_text or _("Merge organizations")
    if keep_id == merged_id:
        return Change(undo_text)
    keep = document.get("organization", keep_id)
    merged = document.get("organization", merged_id)
    fill = {field: merged[field] for field in ("acronym", "notes") if not keep[field] and merged[field]}
    if merged["tripartite"] and not keep["tripartite"]:
        fill["tripartite"] = 1
    if merged["alliance_partner"] and not keep["alliance_partner"]:
        fill["alliance_partner"] = 1
    change = document.plan_update("organization", keep_id, **fill) if fill else Change(undo_text)
    with document.drafting() as step:
        step(change)
        for table, column in _REFERENCES:
            companions = _UNIQUE_WITH.get(table)
            for row in document.rows(table, f"[{column}] = ?", [merged_id]):
                if companions is not None and _taken(document, table, column, keep_id, row, companions):
                    change = change.then(step(document.plan_delete(table, row["id"])))
                else:
                    change = change.then(step(document.plan_update(table, row["id"], **{column: keep_id})))
        # Every link has moved, so removing the merged organization takes nothing else along.
        return change.then(document.plan_delete("organization", merged_id), undo_text)


def _taken(document: WorkshopDocument, table: str, column: str, keep_id: str, row: dict, companions) -> bool:
    where = " AND ".join([f"[{column}] = ?", *(f"[{key}] = ?" for key in companions)])
    return document.count(table, where, [keep_id, *(row[key] for key in companions)]) > 0


def assessments(document: WorkshopDocument) -> list[dict]:
    """Every organization with its influence and interest (None while not yet assessed)."""
    keys = ("id", "name", "acronym", "category", "influence", "interest")
    return [dict(zip(keys, row)) for row in document.query(
        "SELECT o.id, o.name, o.acronym, o.category, s.influence, s.interest FROM organization o"
        " LEFT JOIN stakeholder_assessment s ON s.organization_id = o.id ORDER BY o.name COLLATE NOCASE")]


def plan_assessment(document: WorkshopDocument, organization_id: str, influence: int, interest: int,
                    undo_text: str | None = None) -> Change:
    """Place an organization on the power/interest grid (influence and interest, 1 to 5)."""
    undo_text = undo_text or _("Move on the power/interest grid")
    existing = document.rows("stakeholder_assessment", "organization_id = ?", [organization_id])
    if existing:
        return document.plan_update("stakeholder_assessment", existing[0]["id"], undo_text,
                                    influence=influence, interest=interest)
    return document.plan_insert("stakeholder_assessment", undo_text, organization_id=organization_id,
                                influence=influence, interest=interest)
