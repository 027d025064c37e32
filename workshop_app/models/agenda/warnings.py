"""What would surprise the room: a person expected in two places at once, a day that runs past
its planned end, a session nobody leads, a room with more people than places.

Times come from agenda.day_schedule, so the warnings always agree with the printed agenda.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models.agenda.groups import headcount
from workshop_app.models.agenda.schedule import DaySchedule, ScheduledSession, agenda, clock, minutes
from workshop_app.models.document import WorkshopDocument

# Sessions somebody must lead; breaks and meals need nobody.
LED_SESSION_TYPES = ("opening", "plenary", "presentation", "group_work", "closing")

# A person's part in a session, as it reads in a sentence, strongest role first: a person who
# both facilitates and speaks in a session is named as its facilitator.
_ROLE_PARTS = {
    # Translators: one of the two parts of "{name} is {first} and {second} at 10:00 on day 2"
    "facilitator": N_("facilitator of '{session}'"),
    "speaker": N_("speaker in '{session}'"),
    "rapporteur": N_("rapporteur in '{session}'"),
    "member": N_("member of '{session}'"),
}
_ROLE_RANK = {role: rank for rank, role in enumerate(_ROLE_PARTS)}
# Most serious first: the Agenda page shows the first few.
_KIND_ORDER = ("overrun", "double_booked", "over_capacity", "no_facilitator")
# Kinds that mean the agenda cannot run as planned; the others are still to do.
CONFLICT_KINDS = frozenset({"overrun", "double_booked", "over_capacity"})


@dataclass(frozen=True)
class AgendaWarning:
    kind: str  # "double_booked", "overrun", "no_facilitator" or "over_capacity"
    day_id: str
    session_ids: tuple[str, ...]
    message: str


def agenda_warnings(document: WorkshopDocument, capacities: Mapping[str, int] | None = None) -> list[AgendaWarning]:
    """Every warning for the whole agenda. Room capacities come from the sessions themselves;
    `capacities` (session id -> places) overrides them."""
    capacities = {**{row["id"]: row["capacity"] for row in document.rows("session", "capacity IS NOT NULL")},
                  **(capacities or {})}
    schedules = agenda(document)
    roles = session_roles(document)
    # Only people with a part in some session can be double-booked: read just their names.
    names = dict(document.query(
        "SELECT id, name FROM participant WHERE id IN (SELECT facilitator_id FROM session)"
        " OR id IN (SELECT participant_id FROM session_person)"))
    found: list[tuple] = []
    for number, schedule in enumerate(schedules, start=1):
        for warning in _overrun(schedule, number):
            found.append((warning, number, schedule.end))
        for warning, at in _double_bookings(schedule, number, roles, names):
            found.append((warning, number, at))
        for item in schedule.sessions:
            if item.session["type"] in LED_SESSION_TYPES and not item.session["facilitator_id"]:
                message = _("'{session}' at {time} on day {day} has no facilitator").format(
                    session=item.session["title"], time=clock(item.start), day=number)
                found.append((AgendaWarning("no_facilitator", schedule.day["id"], (item.session["id"],), message),
                              number, item.start))
    if capacities:
        for warning in capacity_warnings(document, capacities, schedules=schedules):
            number = next(n for n, s in enumerate(schedules, start=1) if s.day["id"] == warning.day_id)
            found.append((warning, number, 0))
    found.sort(key=lambda entry: (_KIND_ORDER.index(entry[0].kind), entry[1], entry[2], entry[0].message))
    return [entry[0] for entry in found]


def session_roles(document: WorkshopDocument) -> dict[str, dict[str, str]]:
    """session id -> {participant id: their strongest role there} (facilitator, speaker,
    rapporteur, member)."""
    roles: dict[str, dict[str, str]] = {}

    def add(session_id: str, participant_id: str, role: str) -> None:
        people = roles.setdefault(session_id, {})
        if participant_id not in people or _ROLE_RANK[role] < _ROLE_RANK[people[participant_id]]:
            people[participant_id] = role

    for session_id, participant_id in document.query(
            "SELECT id, facilitator_id FROM session WHERE facilitator_id IS NOT NULL"):
        add(session_id, participant_id, "facilitator")
    for session_id, participant_id, role in document.query(
            "SELECT session_id, participant_id, role FROM session_person"):
        add(session_id, participant_id, role)
    return roles


def _overrun(schedule: DaySchedule, number: int) -> list[AgendaWarning]:
    planned_end = minutes(schedule.day["planned_end"])
    if schedule.end <= planned_end:
        return []
    late = tuple(item.session["id"] for item in schedule.sessions if item.end > planned_end)
    over = schedule.end - planned_end
    message = ngettext("Day {day} ends at {time}, {minutes} minute after its planned end ({planned})",
                       "Day {day} ends at {time}, {minutes} minutes after its planned end ({planned})", over).format(
        day=number, time=clock(schedule.end), minutes=over, planned=schedule.day["planned_end"])
    return [AgendaWarning("overrun", schedule.day["id"], late, message)]


def _double_bookings(schedule: DaySchedule, number: int, roles: dict[str, dict[str, str]],
                     names: dict[str, str]):
    """One warning for each person and each pair of overlapping sessions they have a part in.
    Sessions in one slot always overlap; the schedule never lets two slots overlap, but the
    check does not rely on that."""
    by_person: dict[str, list[tuple[ScheduledSession, str]]] = {}
    for item in schedule.sessions:
        for participant_id, role in roles.get(item.session["id"], {}).items():
            by_person.setdefault(participant_id, []).append((item, role))
    for participant_id, parts in by_person.items():
        parts.sort(key=lambda part: (part[0].start, part[0].session["track"], part[0].session["title"]))
        for index, (first, first_role) in enumerate(parts):
            for second, second_role in parts[index + 1:]:
                if not (first.start < second.end and second.start < first.end):
                    continue
                if first_role == second_role == "member":
                    continue  # said below in plainer words
                at = max(first.start, second.start)
                message = _("{name} is {first} and {second} at {time} on day {day}").format(
                    name=names[participant_id] if participant_id in names else _("Someone"),
                    first=_(_ROLE_PARTS[first_role]).format(session=first.session["title"]),
                    second=_(_ROLE_PARTS[second_role]).format(session=second.session["title"]),
                    time=clock(at), day=number)
                yield AgendaWarning("double_booked", schedule.day["id"],
                                    (first.session["id"], second.session["id"]), message), at
        # Two breakout groups at once: plainer than "member of ... and member of ...".
        groups = [item for item, role in parts if role == "member"]
        for index, first in enumerate(groups):
            for second in groups[index + 1:]:
                if first.start < second.end and second.start < first.end:
                    at = max(first.start, second.start)
                    message = _("{name} is in two groups at {time} on day {day}: '{first}' and '{second}'").format(
                        name=names[participant_id] if participant_id in names else _("Someone"), time=clock(at),
                        day=number, first=first.session["title"], second=second.session["title"])
                    yield AgendaWarning("double_booked", schedule.day["id"],
                                        (first.session["id"], second.session["id"]), message), at


def capacity_warnings(document: WorkshopDocument, capacities: Mapping[str, int],
                      schedules: list[DaySchedule] | None = None) -> list[AgendaWarning]:
    """Sessions with more people than places. `capacities` maps session id -> places in its
    room."""
    warnings = []
    for number, schedule in enumerate(schedules or agenda(document), start=1):
        per_slot: dict[int, int] = {}
        for item in schedule.sessions:
            per_slot[item.session["slot"]] = per_slot.get(item.session["slot"], 0) + 1
        for item in schedule.sessions:
            session = item.session
            places = capacities.get(session["id"])
            if places is None:
                continue
            count = headcount(document, session, per_slot[session["slot"]] > 1)
            if count > places:
                if session["room"]:
                    message = ngettext(
                        "{room} has {places} places but {count} people are expected in '{session}' at {time} on day "
                        "{day}",
                        "{room} has {places} places but {count} people are expected in '{session}' at {time} on day "
                        "{day}", places)
                else:
                    message = ngettext(
                        "The room has {places} places but {count} people are expected in '{session}' at {time} on "
                        "day {day}",
                        "The room has {places} places but {count} people are expected in '{session}' at {time} on "
                        "day {day}", places)
                message = message.format(room=session["room"], places=places, count=count, session=session["title"],
                                         time=clock(item.start), day=number)
                warnings.append(AgendaWarning("over_capacity", schedule.day["id"], (session["id"],), message))
    return warnings
