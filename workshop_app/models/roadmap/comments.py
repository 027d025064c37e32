"""Plenary comments: what the room said about an item of the road map while reviewing it."""

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, utc_now
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.validation import clean_text


def plan_add_comment(document: WorkshopDocument, node_id: str, text: str, *, participant_id: str | None = None,
                     organization_id: str | None = None, undo_text: str | None = None) -> Change:
    if not clean_text(text):
        raise InvalidValueError(_("a comment needs some text"))
    return document.plan_insert("plenary_comment", undo_text or _("Record plenary comment"), node_id=node_id, text=text,
                                participant_id=participant_id, organization_id=organization_id,
                                status="open", created_at=utc_now())


def plan_set_comment_status(document: WorkshopDocument, comment_id: str, status: str) -> Change:
    label = _("Mark comment addressed") if status == "addressed" else _("Reopen comment")
    return document.plan_update("plenary_comment", comment_id, label, status=status)


def comments(document: WorkshopDocument, node_id: str | None = None, *, open_only: bool = False) -> list[dict]:
    """Comments with who raised them ("Sita Shrestha, MoLESS"), oldest first."""
    where = []
    params: list = []
    if node_id is not None:
        where.append("c.node_id = ?")
        params.append(node_id)
    if open_only:
        where.append("c.status = 'open'")
    rows = document.query(
        "SELECT c.id, c.node_id, c.text, c.status, c.created_at, p.name,"
        " coalesce(nullif(o.acronym, ''), o.name), coalesce(nullif(po.acronym, ''), po.name)"
        " FROM plenary_comment c LEFT JOIN participant p ON p.id = c.participant_id"
        " LEFT JOIN organization o ON o.id = c.organization_id"
        " LEFT JOIN organization po ON po.id = p.organization_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.created_at, c.rowid", params)
    result = []
    for row_id, node, text, status, created, person, organization, persons_organization in rows:
        who = ", ".join(part for part in (person, organization or persons_organization) if part)
        result.append({"id": row_id, "node_id": node, "text": text, "status": status, "created_at": created,
                       "raised_by": who})
    return result
