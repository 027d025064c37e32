"""Plenary comments: what the room said about an item of the road map while reviewing it."""

from collections.abc import Callable

from workshop_app.i18n.catalogs import N_, _
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


# A comment accepted from a phone names its sender as the sender typed it, and says that nobody
# checked it: anyone in the room could type anyone's name.
# Translators: who raised a plenary comment sent from a phone; {name} is the name (and organization)
# the sender typed, which nobody checked
FROM_PHONE_SIGNED = N_("From a phone, signed “{name}” (not verified)")
# Translators: who raised a plenary comment sent from a phone without a name
FROM_PHONE = N_("From a phone, not signed")


def phone_sender(signed: str, translate: Callable[[str], str] = _) -> str:
    """"From a phone, signed “A. Name, ORG” (not verified)" in the language `translate` speaks."""
    return translate(FROM_PHONE_SIGNED).format(name=signed) if signed else translate(FROM_PHONE)


def comments(document: WorkshopDocument, node_id: str | None = None, *, open_only: bool = False) -> list[dict]:
    """Comments with who raised them ("Sita Shrestha, MoLESS"; for a comment sent from a phone,
    phone_sender() of what its sender typed), oldest first. Also `from_phone` and `signed` (the
    name and organization typed on the phone, "" for other comments)."""
    where = []
    params: list = []
    if node_id is not None:
        where.append("c.node_id = ?")
        params.append(node_id)
    if open_only:
        where.append("c.status = 'open'")
    rows = document.query(
        "SELECT c.id, c.node_id, c.text, c.status, c.created_at, p.name,"
        " coalesce(nullif(o.acronym, ''), o.name), coalesce(nullif(po.acronym, ''), po.name),"
        " sent.id, sent.name, sent.organization"
        " FROM plenary_comment c LEFT JOIN participant p ON p.id = c.participant_id"
        " LEFT JOIN organization o ON o.id = c.organization_id"
        " LEFT JOIN organization po ON po.id = p.organization_id"
        " LEFT JOIN phone_comment sent ON sent.comment_id = c.id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.created_at, c.rowid", params)
    result = []
    for (row_id, node, text, status, created, person, organization, persons_organization, sent_id, sent_name,
         sent_organization) in rows:
        signed = ", ".join(part for part in (sent_name, sent_organization) if part)
        if sent_id is not None:
            who = phone_sender(signed)
        else:
            who = ", ".join(part for part in (person, organization or persons_organization) if part)
        result.append({"id": row_id, "node_id": node, "text": text, "status": status, "created_at": created,
                       "raised_by": who, "from_phone": sent_id is not None, "signed": signed})
    return result
