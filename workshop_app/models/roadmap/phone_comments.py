"""Comments the room sends from its phones while it reads the shared draft.

A phone never edits the road map: what it sends is kept as a *pending* comment on an outcome or
an action, with the name and organization the sender typed (both optional). The facilitator
accepts it, which records it as a plenary comment (the one the projector, the window and the
road-map PDF show), or dismisses it. Each of the three is one Change, so one undo.
"""

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, new_id, utc_now
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.stakeholders.attendance import search_key
from workshop_app.models.validation import clean_text

LONGEST_TEXT = 1000
LONGEST_NAME = 200
# The items a phone may comment on: what the room discusses, not the goal or an output's wording.
COMMENTED_LEVELS = ("outcome", "action")


def check_phone_comment(text: str, name: str = "", organization: str = "") -> tuple[str, str, str]:
    """The text, name and organization as they will be stored, or InvalidValueError saying what
    is wrong. The site checks a comment with this before it accepts it from a phone."""
    text, name, organization = clean_text(text.replace("\r\n", "\n")), _one_line(name), _one_line(organization)
    if not text:
        raise InvalidValueError(_("a comment needs some text"))
    if len(text) > LONGEST_TEXT:
        raise InvalidValueError(ngettext(
            "the comment has {count} character; at most {most} are kept",
            "the comment has {count} characters; at most {most} are kept", len(text)).format(
            count=len(text), most=LONGEST_TEXT))
    for value in (name, organization):
        if len(value) > LONGEST_NAME:
            raise InvalidValueError(_("a name or an organization has at most {most} characters").format(
                most=LONGEST_NAME))
    return text, name, organization


def plan_receive_phone_comment(document: WorkshopDocument, node_id: str, text: str, name: str = "",
                               organization: str = "", received_at: str | None = None) -> Change:
    """Keep a comment a phone sent on an outcome or an action, pending the facilitator's look."""
    node = document.get("roadmap_node", node_id)
    if node is None:
        raise WorkshopError(_("the road-map item no longer exists (was it deleted?)"))
    if node["level"] not in COMMENTED_LEVELS:
        raise InvalidValueError(_("comments from phones are taken on outcomes and actions only"))
    text, name, organization = check_phone_comment(text, name, organization)
    return document.plan_insert("phone_comment", _("Receive comment from a phone"), node_id=node_id, text=text,
                                name=name, organization=organization, received_at=received_at or utc_now(),
                                status="pending")


def plan_accept_phone_comment(document: WorkshopDocument, phone_comment_id: str) -> Change:
    """Record a pending comment as a plenary comment on its item, as one step. The sender is
    linked when the name matches one participant and the organization one organization
    (case, Latin accents and spacing aside); what matches no one is signed at the end of the text."""
    received = _pending(document, phone_comment_id)
    undo_text = _("Accept comment from a phone")
    participant_id = _only_match(document, "participant", received["name"], ("name",))
    organization_id = _only_match(document, "organization", received["organization"], ("acronym", "name"))
    unmatched = [value for value, found in ((received["name"], participant_id),
                                            (received["organization"], organization_id)) if value and not found]
    text = received["text"] + (f"\n— {', '.join(unmatched)}" if unmatched else "")
    comment_id = new_id()
    comment = document.plan_insert("plenary_comment", undo_text, id=comment_id, node_id=received["node_id"],
                                   text=text, participant_id=participant_id, organization_id=organization_id,
                                   status="open", created_at=utc_now())
    marked = document.plan_update("phone_comment", phone_comment_id, undo_text, status="accepted",
                                  comment_id=comment_id)
    return comment.then(marked, undo_text)


def plan_dismiss_phone_comment(document: WorkshopDocument, phone_comment_id: str) -> Change:
    _pending(document, phone_comment_id)
    return document.plan_update("phone_comment", phone_comment_id, _("Dismiss comment from a phone"),
                                status="dismissed")


def pending_phone_comments(document: WorkshopDocument) -> list[dict]:
    """The comments waiting for the facilitator, oldest first: id, node_id, level and code of the
    item ("action", "2.1.3"), its title, text, name, organization, received_at (UTC)."""
    codes = node_codes(document)
    rows = document.query(
        "SELECT c.id, c.node_id, n.level, n.title, c.text, c.name, c.organization, c.received_at"
        " FROM phone_comment c JOIN roadmap_node n ON n.id = c.node_id WHERE c.status = 'pending'"
        " ORDER BY c.received_at, c.rowid")
    keys = ("id", "node_id", "level", "title", "text", "name", "organization", "received_at")
    return [{**dict(zip(keys, row)), "code": codes.get(row[1], "")} for row in rows]


# ---------------------------------------------------------------------------------- internals

def _one_line(value: str) -> str:
    """A name as typed on a phone: one line, spaces collapsed."""
    return " ".join(clean_text(value).split())


def _pending(document: WorkshopDocument, phone_comment_id: str) -> dict:
    received = document.get("phone_comment", phone_comment_id)
    if received is None:
        raise WorkshopError(_("the comment from a phone no longer exists (was its item deleted?)"))
    if received["status"] != "pending":
        raise InvalidValueError(_("this comment from a phone was already accepted or dismissed"))
    return received


def _name_key(text: str) -> str:
    """Case, Latin accents and spacing aside ("nguyen  van minh" is "Nguyễn Văn Minh")."""
    return " ".join(search_key(clean_text(text)).split())


def _only_match(document: WorkshopDocument, table: str, typed: str, columns: tuple[str, ...]) -> str | None:
    """The id of the one row whose column reads as `typed` does, or None (nothing typed, no
    match, or two people of the same name: a guess would put words in someone's mouth)."""
    key = _name_key(typed)
    if not key:
        return None
    found = {row["id"] for row in document.rows(table) for column in columns
             if row[column] and _name_key(row[column]) == key}
    return found.pop() if len(found) == 1 else None
