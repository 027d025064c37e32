"""Comments the room sends from its phones while it reads the shared draft.

A phone never edits the road map: what it sends is kept as a *pending* comment on an outcome or
an action, with the name and organization the sender typed (both optional). The facilitator
accepts it, which records it as a plenary comment (the one the projector, the window and the
road-map PDF show, marked as sent from a phone and signed with what the sender typed, not
verified), or dismisses it. Each of the three is one Change, so one undo.
"""

import unicodedata

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, new_id, utc_now
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.roadmap.tree import node_codes
from workshop_app.models.validation import clean_text

LONGEST_TEXT = 1000
LONGEST_NAME = 200
# The items a phone may comment on: what the room discusses, not the goal or an output's wording.
COMMENTED_LEVELS = ("outcome", "action")


def check_phone_comment(text: str, name: str = "", organization: str = "") -> tuple[str, str, str]:
    """The text, name and organization as they will be stored, or InvalidValueError saying what
    is wrong. The site checks a comment with this before it accepts it from a phone."""
    text, name, organization = clean_text(text.replace("\r\n", "\n")), one_line(name), one_line(organization)
    if not visible(text):
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
    """Record a pending comment as a plenary comment on its item, as one step. Its text is kept as
    it was sent, and it is linked to no participant or organization: anyone in the room can type
    anyone's name on a phone, so the sender stays what it typed, shown as not verified
    (comments.phone_sender), and the comment stays marked as sent from a phone."""
    received = _pending(document, phone_comment_id)
    undo_text = _("Accept comment from a phone")
    comment_id = new_id()
    comment = document.plan_insert("plenary_comment", undo_text, id=comment_id, node_id=received["node_id"],
                                   text=received["text"], participant_id=None, organization_id=None,
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


def visible(text: str) -> bool:
    """Whether the text shows anything: a phone's keyboard or a paste can send only zero-width
    spaces and joiners, which clean_text keeps (they join the letters of some scripts)."""
    return any(not character.isspace() and unicodedata.category(character) != "Cf" for character in text)


def one_line(value: str) -> str:
    """A name as typed on a phone: one line, spaces collapsed; empty when nothing of it shows."""
    line = " ".join(clean_text(value).split())
    return line if visible(line) else ""


# ---------------------------------------------------------------------------------- internals

def _pending(document: WorkshopDocument, phone_comment_id: str) -> dict:
    received = document.get("phone_comment", phone_comment_id)
    if received is None:
        raise WorkshopError(_("the comment from a phone no longer exists (was its item deleted?)"))
    if received["status"] != "pending":
        raise InvalidValueError(_("this comment from a phone was already accepted or dismissed"))
    return received
