"""Everything the phones' pages show, read from the document at one moment and frozen.

The document belongs to the thread that opened it (its SQLite connection, in exclusive locking
mode), so the server's threads never touch it. build_snapshot() reads a copy of it in memory (in
the thread the copy was handed to) and keeps what the pages need, in no language yet: the road
map with codes, leads, timing and status; the agenda with its times; who is in which breakout
group; the differences since the start of the day. Contact details (e-mail, phone) and the
facilitators' notes are never read. The pages are written from a snapshot in the reader's
language (pages.py and the page modules).
"""

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from workshop_app.export.agenda.contents import agenda_days
from workshop_app.models.agenda.groups import group_lists
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.diff import Diff, ItemChange, PartnerChange, compare, merge_origins
from workshop_app.models.roadmap.phone_comments import COMMENTED_LEVELS
from workshop_app.models.roadmap.tree import RoadmapItem, roadmap_tree
from workshop_app.models.roadmap.versions import list_versions, snapshot
from workshop_app.models.stakeholders.attendance import search_key
from workshop_app.share.labels import site_languages

# The columns of a session the now-and-next computation reads (models.agenda.live.live_status)
# and the today page shows; never the facilitators' notes or materials.
_LIVE_COLUMNS = ("id", "day_id", "slot", "track", "title", "type", "room", "duration", "fixed_start",
                 "actual_start", "actual_end")
_LIVE_DAY_COLUMNS = ("id", "position", "date", "title", "start_time", "planned_end")


@dataclass(frozen=True)
class Entry:
    """An item of the road map: goal, outcome, output or action."""
    id: str
    level: str
    code: str
    title: str
    description: str
    lead: str  # acronym, else name, of the lead organization; "" when none
    start: str | None
    end: str | None
    status: str
    partners: tuple[tuple[str, str], ...]  # (organization, role key)
    children: tuple["Entry", ...]
    search_key: str  # its code, title, description and lead, as search_key() folds them

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    type: str
    track: str
    room: str
    start: int  # minutes since midnight
    end: int
    facilitator: str
    speakers: tuple[str, ...]  # "Name (ACRONYM)"


@dataclass(frozen=True)
class Day:
    id: str
    number: int
    date: str | None
    title: str
    slots: tuple[tuple[Session, ...], ...]  # sessions that share a slot run in parallel


@dataclass(frozen=True)
class Placement:
    """Where one person goes in one breakout slot."""
    day_number: int
    date: str | None
    start: int
    end: int
    track: str
    title: str
    room: str
    role: str  # "member", "facilitator", "speaker" or "rapporteur"


@dataclass(frozen=True)
class Person:
    name: str
    organization: str
    search_key: str
    placements: tuple[Placement, ...]


@dataclass(frozen=True)
class Baseline:
    """What the changes page compares the draft with: the last version frozen before today, or
    the draft as this program first shared it today."""
    version_name: str  # "" for the draft as first shared today
    taken_at: str  # ISO time the version was frozen (UTC), or the draft taken (local, to the minute)
    roadmap: dict = field(repr=False, compare=False)

    @classmethod
    def of_draft(cls, document: WorkshopDocument, moment: dt.datetime) -> "Baseline":
        return cls("", moment.replace(tzinfo=None).isoformat(timespec="minutes"), snapshot(document, None))

    @property
    def day(self) -> dt.date | None:
        """The local day it was taken (a draft's)."""
        return _local_date(self.taken_at) if self.version_name else dt.date.fromisoformat(self.taken_at[:10])


@dataclass(frozen=True)
class Changes:
    baseline: Baseline
    added: tuple[ItemChange, ...]
    removed: tuple[ItemChange, ...]
    moved: tuple[ItemChange, ...]
    changed: tuple[ItemChange, ...]
    partners: tuple[PartnerChange, ...]
    organizations: MappingProxyType
    origins: MappingProxyType
    # indicator id -> (number, level and code of the item it measures), on each side
    old_indicators: MappingProxyType
    new_indicators: MappingProxyType
    new_nodes: MappingProxyType  # road-map item id -> (level, code, parent id) in the draft

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.moved or self.changed or self.partners)


@dataclass(frozen=True)
class SiteSnapshot:
    fingerprint: str  # the same for two snapshots the pages would show alike
    title: str
    venue: str
    start_date: str | None
    end_date: str | None
    languages: tuple[str, ...]  # the working languages the program speaks, first the main one
    goals: tuple[Entry, ...]
    commented: MappingProxyType  # id -> the outcomes and actions a phone may comment on
    days: tuple[Day, ...]
    live_days: tuple[MappingProxyType, ...]  # rows for models.agenda.live.live_status
    live_sessions: tuple[MappingProxyType, ...]
    people: tuple[Person, ...]
    changes: Changes | None
    # part -> a digest of what it holds, so that a part taken from the previous snapshot is not
    # read again to compute the fingerprint
    digests: MappingProxyType = field(default_factory=lambda: MappingProxyType({}), repr=False, compare=False)


# The tables each part of a snapshot reads; a part none of whose tables changed since the last
# snapshot is taken from it as it is (an edit of an action's title reads no participant).
_ROADMAP_TABLES = frozenset({"roadmap_node", "action_partner", "organization"})
_AGENDA_TABLES = frozenset({"workshop", "day", "session", "session_person", "participant", "organization"})
# The changes page compares the whole road map (with its plan, versions and merges): only edits
# of the agenda and the participants leave it as it was.
_NOT_COMPARED_TABLES = frozenset({"day", "session", "session_person", "participant"})


def build_snapshot(document: WorkshopDocument, baseline: Baseline | None = None, *,
                   previous: SiteSnapshot | None = None, changed: frozenset | None = None) -> SiteSnapshot:
    """Read what the pages show, from the document or a copy of it, in the thread that owns
    that. `previous` and `changed`: the snapshot built last and the tables changed since it was
    read; the parts that read none of those are taken from it."""
    def stale(tables: frozenset) -> bool:
        return previous is None or changed is None or bool(changed & tables)

    workshop = document.workshop()
    parts: dict[str, Any] = {
        "title": workshop["title"] or "", "venue": workshop["venue"] or "", "start_date": workshop["start_date"],
        "end_date": workshop["end_date"], "languages": site_languages(document.working_languages())}
    # The workshop's own fields are read each time; their digests are made again.
    digests = {name: digest for name, digest in (previous.digests if previous is not None else {}).items()
               if name not in parts}
    if stale(_ROADMAP_TABLES):
        parts["goals"] = _goals(document)
        digests.pop("goals", None)
    else:
        parts["goals"] = previous.goals
    if stale(_AGENDA_TABLES):
        parts["days"] = _days(document)
        parts["live_sessions"] = tuple(MappingProxyType({column: row[column] for column in _LIVE_COLUMNS})
                                       for row in document.rows("session", order_by="day_id, slot, track, rowid"))
        parts["live_days"] = tuple(MappingProxyType({column: row[column] for column in _LIVE_DAY_COLUMNS})
                                   for row in document.rows("day", order_by="position"))
        parts["people"] = _people(document, parts["days"])
        for name in ("days", "live_sessions", "live_days", "people"):
            digests.pop(name, None)
    else:
        parts.update(days=previous.days, live_sessions=previous.live_sessions, live_days=previous.live_days,
                     people=previous.people)
    if baseline is None:
        parts["changes"] = None
    elif (previous is not None and previous.changes is not None and previous.changes.baseline == baseline
          and changed is not None and not changed - _NOT_COMPARED_TABLES):
        parts["changes"] = previous.changes
    else:
        parts["changes"] = _changes(document, baseline)
        digests.pop("changes", None)
    for name, value in parts.items():
        if name not in digests:
            digests[name] = hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()
    fingerprint = hashlib.sha256(repr(sorted(digests.items())).encode("ascii")).hexdigest()
    commented = {entry.id: entry for goal in parts["goals"] for entry in goal.walk() if entry.level in COMMENTED_LEVELS}
    return SiteSnapshot(fingerprint=fingerprint, commented=MappingProxyType(commented),
                        digests=MappingProxyType(digests), **parts)


def day_baseline(document: WorkshopDocument, today: dt.date, draft_at_start: Baseline) -> Baseline:
    """The last version frozen before `today` (local time), else the draft as this program first
    shared it today: the road map as the room found it this morning."""
    earlier = [version for version in list_versions(document)
               if _local_date(version["created_at"]) is not None and _local_date(version["created_at"]) < today]
    if not earlier:
        return draft_at_start
    version = earlier[-1]
    return Baseline(version["name"], version["created_at"], snapshot(document, version["id"]))


# ---------------------------------------------------------------------------------- internals

def _goals(document: WorkshopDocument) -> tuple[Entry, ...]:
    organizations = {row["id"]: row for row in document.rows("organization")}
    partners: dict[str, list[tuple[str, str]]] = {}
    for row in document.rows("action_partner", order_by="rowid"):
        organization = organizations.get(row["organization_id"])
        if organization is not None:
            partners.setdefault(row["node_id"], []).append((_short_name(organization), row["role"]))
    return tuple(_entry(item, organizations, partners) for item in roadmap_tree(document))


def _short_name(organization: dict) -> str:
    return organization["acronym"] or organization["name"] or ""


def _entry(item: RoadmapItem, organizations: dict, partners: dict) -> Entry:
    node = item.node
    lead_row = organizations.get(node["lead_organization_id"] or "")
    lead = _short_name(lead_row) if lead_row else ""
    lead_name = lead_row["name"] if lead_row else ""
    children = tuple(_entry(child, organizations, partners) for child in item.children)
    text = " ".join((item.code, node["title"] or "", node["description"] or "", lead, lead_name))
    return Entry(node["id"], node["level"], item.code, node["title"] or "", node["description"] or "", lead,
                 node["start"], node["end"], node["status"], tuple(partners.get(node["id"], ())), children,
                 search_key(text))


def _days(document: WorkshopDocument) -> tuple[Day, ...]:
    days = []
    for day in agenda_days(document):
        slots = tuple(tuple(Session(
            session.row["id"], session.title or "", session.row["type"], session.track or "", session.room or "",
            session.start, session.end, session.facilitator.name if session.facilitator else "",
            tuple(person.label for person in session.speakers)) for session in slot.sessions) for slot in day.slots)
        days.append(Day(day.row["id"], day.number, day.date, day.title or "", slots))
    return tuple(days)


def _people(document: WorkshopDocument, days: tuple[Day, ...]) -> tuple[Person, ...]:
    """Everybody's name and organization, with their group in each breakout slot. Only these two
    columns of a participant are read: e-mail and phone never reach a snapshot."""
    placements: dict[str, list[Placement]] = {}
    for day in days:
        for slot in day.slots:
            if not _has_groups(document, slot):
                continue
            sessions = {session.id: session for session in slot}
            slot_number = document.get("session", slot[0].id)["slot"]
            leaders = {row["id"]: row["facilitator_id"] for row in document.rows(
                "session", "day_id = ? AND slot = ?", [day.id, slot_number])}
            for group in group_lists(document, day.id, slot_number):
                session = sessions[group.session_id]
                people = [(leaders.get(group.session_id), "facilitator")]
                people += [(member.participant_id, member.role) for member in (*group.resource_people, *group.members)]
                for participant_id, role in people:
                    if participant_id:
                        placements.setdefault(participant_id, []).append(Placement(
                            day.number, day.date, session.start, session.end, group.track or "", group.title or "",
                            group.room or "", role))
    people = []
    for participant_id, name, organization in document.query(
            "SELECT p.id, p.name, coalesce(nullif(o.acronym, ''), o.name, '') FROM participant p"
            " LEFT JOIN organization o ON o.id = p.organization_id ORDER BY p.name COLLATE NOCASE, p.id"):
        people.append(Person(name or "", organization or "", search_key(name or ""),
                             tuple(placements.get(participant_id, ()))))
    return tuple(people)


def _has_groups(document: WorkshopDocument, slot: tuple[Session, ...]) -> bool:
    """Breakout groups: sessions in parallel, or a session with members of its own."""
    if len(slot) > 1:
        return True
    return document.count("session_person", "session_id = ? AND role = 'member'", [slot[0].id]) > 0


def _changes(document: WorkshopDocument, baseline: Baseline) -> Changes:
    draft = snapshot(document, None)
    diff: Diff = compare(baseline.roadmap, draft, merge_origins(document))
    nodes = {node["id"]: (node["level"], node["code"], node["parent_id"]) for node in draft["nodes"]}
    return Changes(baseline, tuple(diff.added), tuple(diff.removed), tuple(diff.moved), tuple(diff.changed),
                   tuple(diff.partners), MappingProxyType(dict(diff.organizations)),
                   MappingProxyType(dict(diff.origins)), _indicator_places(baseline.roadmap),
                   _indicator_places(draft), MappingProxyType(nodes))


def _indicator_places(roadmap: dict) -> MappingProxyType:
    levels = {node["id"]: (node["level"], node["code"]) for node in roadmap["nodes"]}
    return MappingProxyType({row["id"]: (row["position"] + 1, *levels.get(row["node_id"], ("", "")))
                             for row in roadmap["indicators"]})


def _local_date(created_at: str | None) -> dt.date | None:
    try:
        moment = dt.datetime.fromisoformat(created_at)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date()
