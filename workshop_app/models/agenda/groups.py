"""Breakout groups: the parallel sessions of one slot, each with its members.

A member is a session_person row with the role "member". A person belongs to one group of a
slot at a time; the facilitator, speakers and rapporteurs of a group belong to it already.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.rows import id_filter
from workshop_app.models.stakeholders.attendance import present_ids

# Left out of an automatic spread: organisers run the logistics, and the workshop's facilitators
# who lead no group of the slot go from room to room. Either can still be placed by hand.
NOT_SPREAD_ROLES = ("organiser", "facilitator")
_NO_CATEGORY = "none"


@dataclass
class GroupMember:
    participant_id: str
    name: str
    organization: str  # acronym when it has one
    role: str  # "member", "speaker" or "rapporteur"


@dataclass
class GroupList:
    session_id: str
    title: str
    track: str
    room: str
    facilitator: str  # a name, or "" when nobody leads the group yet
    resource_people: list[GroupMember] = field(default_factory=list)  # speakers and rapporteurs
    members: list[GroupMember] = field(default_factory=list)


def slot_sessions(document: WorkshopDocument, day_id: str, slot: int) -> list[dict]:
    return document.rows("session", "day_id = ? AND slot = ?", [day_id, slot], order_by="track, rowid")


def day_people(document: WorkshopDocument, day_id: str) -> set[str]:
    """Who is there that day: those marked present, or everybody while no attendance is recorded."""
    present = present_ids(document, day_id)
    if present:
        return present
    return {row[0] for row in document.query("SELECT id FROM participant")}


def plan_assign(document: WorkshopDocument, session_id: str, participant_ids: Iterable[str]) -> Change:
    """Move people into this session's group, out of the other groups of the same slot."""
    session = document.get("session", session_id)
    if session is None:
        raise WorkshopError(_("the group no longer exists (was it deleted?)"))
    people = list(dict.fromkeys(participant_ids))
    siblings = [s["id"] for s in slot_sessions(document, session["day_id"], session["slot"])]
    members = _member_rows(document, siblings)
    leaders = _leaders(document, [session])[session_id]
    undo_text = _move_text(document, people, _group_name(session))
    change = Change(undo_text)
    for participant_id in people:
        for row in members.get(participant_id, []):
            if row["session_id"] != session_id:
                change = change.then(document.plan_delete("session_person", row["id"]))
        already = any(row["session_id"] == session_id for row in members.get(participant_id, []))
        if not already and participant_id not in leaders:
            change = change.then(document.plan_insert("session_person", session_id=session_id,
                                                      participant_id=participant_id, role="member"))
    return Change(undo_text, change.rows)


def plan_spread_by_category(document: WorkshopDocument, day_id: str, slot: int) -> Change:
    """Spread the people there that day over the slot's parallel sessions so that each group
    mixes organization categories (and organizations): the largest category first, each one
    dealt round-robin, every group kept within one person of the others in size where the
    groups' own leaders allow. Leaders stay in the group they lead; the spread replaces the
    members the slot had before."""
    sessions = slot_sessions(document, day_id, slot)
    if not sessions:
        raise WorkshopError(_("there are no sessions in this slot to spread people over"))
    undo_text = _("Spread participants over the groups")
    leaders = _leaders(document, sessions)
    leading = set().union(*leaders.values())
    people = _people_with_category(document)
    present = day_people(document, day_id)
    spread = [person for person in people.values() if person["id"] in present and person["id"] not in leading
              and person["role"] not in NOT_SPREAD_ROLES]
    groups = [s["id"] for s in sessions]
    sizes = {group: len(leaders[group]) for group in groups}
    mix = {group: {} for group in groups}
    for group in groups:
        for participant_id in leaders[group]:
            category = people.get(participant_id, {}).get("category", _NO_CATEGORY)
            mix[group][category] = mix[group].get(category, 0) + 1
    room = _balanced_additions(sizes, len(spread))
    by_category: dict[str, list[dict]] = {}
    for person in spread:
        by_category.setdefault(person["category"], []).append(person)
    target: dict[str, str] = {}
    for category, members in sorted(by_category.items(), key=lambda item: (-len(item[1]), item[0])):
        # Sorted by organization, so colleagues are dealt to different groups too.
        for person in sorted(members, key=lambda p: (p["organization"].casefold(), p["name"].casefold(), p["id"])):
            open_groups = [group for group in groups if room[group] > 0]
            group = min(open_groups, key=lambda g: (mix[g].get(category, 0), sizes[g], groups.index(g)))
            target[person["id"]] = group
            room[group] -= 1
            sizes[group] += 1
            mix[group][category] = mix[group].get(category, 0) + 1
    change = Change(undo_text)
    existing = _member_rows(document, groups)
    kept = set()
    for participant_id, rows in existing.items():
        for row in rows:
            if target.get(participant_id) == row["session_id"] and participant_id not in kept:
                kept.add(participant_id)
            else:
                change = change.then(document.plan_delete("session_person", row["id"]))
    for participant_id, group in target.items():
        if participant_id not in kept:
            change = change.then(document.plan_insert("session_person", session_id=group,
                                                      participant_id=participant_id, role="member"))
    return Change(undo_text, change.rows)


def group_lists(document: WorkshopDocument, day_id: str, slot: int) -> list[GroupList]:
    """Each group of the slot for printing: title, room, facilitator, then people by name."""
    sessions = slot_sessions(document, day_id, slot)
    people = _people_with_category(document)
    lists = []
    for session in sessions:
        facilitator = people.get(session["facilitator_id"] or "", {}).get("name", "")
        group = GroupList(session["id"], session["title"], session["track"], session["room"], facilitator)
        seen = {session["facilitator_id"]}
        for participant_id, role in document.query(
                "SELECT participant_id, role FROM session_person WHERE session_id = ?"
                " ORDER BY CASE role WHEN 'speaker' THEN 0 WHEN 'rapporteur' THEN 1 ELSE 2 END", [session["id"]]):
            if participant_id in seen:
                continue
            seen.add(participant_id)
            person = people[participant_id]
            entry = GroupMember(participant_id, person["name"], person["organization"], role)
            (group.members if role == "member" else group.resource_people).append(entry)
        for entries in (group.members, group.resource_people):
            entries.sort(key=lambda m: (m.name.casefold(), m.participant_id))
        lists.append(group)
    return lists


def headcount(document: WorkshopDocument, session: dict, parallel: bool) -> int:
    """People expected in the session's room. A group counts its members and leaders; a session
    the whole workshop attends (alone in its slot, no members) counts everyone there that day."""
    attached = {row[0] for row in document.query(
        "SELECT participant_id FROM session_person WHERE session_id = ?", [session["id"]])}
    has_members = document.count("session_person", "session_id = ? AND role = 'member'", [session["id"]]) > 0
    if session["facilitator_id"]:
        attached.add(session["facilitator_id"])
    if parallel or has_members:
        return len(attached)
    return len(attached | day_people(document, session["day_id"]))


# ---------------------------------------------------------------------------------- internals

def _leaders(document: WorkshopDocument, sessions: list[dict]) -> dict[str, set[str]]:
    """session id -> its facilitator, speakers and rapporteurs."""
    leaders = {s["id"]: ({s["facilitator_id"]} if s["facilitator_id"] else set()) for s in sessions}
    if sessions:
        within, params = id_filter("session_id", leaders)
        for session_id, participant_id in document.query(
                f"SELECT session_id, participant_id FROM session_person WHERE role != 'member' AND {within}", params):
            leaders[session_id].add(participant_id)
    return leaders


def _member_rows(document: WorkshopDocument, session_ids: list[str]) -> dict[str, list[dict]]:
    """participant id -> their member rows in these sessions."""
    rows: dict[str, list[dict]] = {}
    if not session_ids:
        return rows
    within, params = id_filter("session_id", session_ids)
    for row in document.rows("session_person", f"role = 'member' AND {within}", params, order_by="rowid"):
        rows.setdefault(row["participant_id"], []).append(row)
    return rows


def _people_with_category(document: WorkshopDocument) -> dict[str, dict]:
    """participant id -> name, role, organization (acronym when it has one) and its category."""
    keys = ("id", "name", "role", "organization", "category")
    return {row[0]: dict(zip(keys, row)) for row in document.query(
        "SELECT p.id, p.name, p.role, coalesce(nullif(o.acronym, ''), o.name, ''), coalesce(o.category, ?)"
        " FROM participant p LEFT JOIN organization o ON o.id = p.organization_id", [_NO_CATEGORY])}


def _balanced_additions(sizes: dict[str, int], count: int) -> dict[str, int]:
    """How many people each group takes so that the sizes end as even as they can."""
    totals = dict(sizes)
    added = {group: 0 for group in sizes}
    order = list(sizes)
    for _person in range(count):
        group = min(order, key=lambda g: (totals[g], order.index(g)))
        totals[group] += 1
        added[group] += 1
    return added


def _group_name(session: dict) -> str:
    return session["track"] or f"'{session['title']}'"


def _move_text(document: WorkshopDocument, people: list[str], group: str) -> str:
    """The undo step's name: "Move Sita Shrestha to Group A", "Move 3 people to 'Migration'"."""
    person = document.get("participant", people[0]) if len(people) == 1 else None
    if person is not None:
        return _("Move {person} to {group}").format(person=person["name"], group=group)
    return ngettext("Move {count} person to {group}", "Move {count} people to {group}", len(people)).format(
        count=len(people), group=group)
