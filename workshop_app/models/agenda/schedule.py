"""Session start and end times, computed from the day's start and the durations (never stored)."""

from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


def clock(total_minutes: int) -> str:
    return f"{total_minutes // 60 % 24:02d}:{total_minutes % 60:02d}"


@dataclass
class ScheduledSession:
    session: dict
    start: int  # minutes since midnight
    end: int


@dataclass
class DaySchedule:
    day: dict
    sessions: list[ScheduledSession] = field(default_factory=list)

    @property
    def end(self) -> int:
        return max((item.end for item in self.sessions), default=minutes(self.day["start_time"]))

    @property
    def overruns(self) -> bool:
        return self.end > minutes(self.day["planned_end"])


def day_schedule(day: dict, sessions: list[dict]) -> DaySchedule:
    """Slots run one after another; sessions sharing a slot run in parallel, and the slot lasts
    as long as its longest session. A fixed start (lunch, closing) holds its slot in place."""
    schedule = DaySchedule(day)
    cursor = minutes(day["start_time"])
    by_slot: dict[int, list[dict]] = {}
    for session in sorted(sessions, key=lambda s: (s["slot"], s["track"])):
        by_slot.setdefault(session["slot"], []).append(session)
    for slot in sorted(by_slot):
        parallel = by_slot[slot]
        fixed = [minutes(s["fixed_start"]) for s in parallel if s["fixed_start"]]
        start = max([cursor, *fixed])
        for session in parallel:
            schedule.sessions.append(ScheduledSession(session, start, start + session["duration"]))
        cursor = start + max(s["duration"] for s in parallel)
    return schedule


def agenda(document: WorkshopDocument) -> list[DaySchedule]:
    sessions_by_day: dict[str, list[dict]] = {}
    for session in document.rows("session"):
        sessions_by_day.setdefault(session["day_id"], []).append(session)
    return [day_schedule(day, sessions_by_day.get(day["id"], [])) for day in document.rows("day", order_by="position")]


# ---------------------------------------------------------------------------------- editing
# A day's agenda is a list of slots, each a list of sessions that run in parallel. Every edit
# below computes the new lists, then writes the (day, slot) of each session that moved: slots
# stay numbered 0, 1, 2... with no gaps, and a whole move is one Change (one undo step).

Layout = list[list[str]]  # slots of session ids


def day_layout(document: WorkshopDocument, day_id: str) -> Layout:
    slots: dict[int, list[str]] = {}
    for session in document.rows("session", "day_id = ?", [day_id], order_by="slot, track, rowid"):
        slots.setdefault(session["slot"], []).append(session["id"])
    return [slots[slot] for slot in sorted(slots)]


def _plan_layouts(document: WorkshopDocument, layouts: dict[str, Layout], undo_text: str) -> Change:
    change = Change(undo_text)
    for day_id, layout in layouts.items():
        for slot, session_ids in enumerate(layout):
            for session_id in session_ids:
                current = document.get("session", session_id)
                if (current["day_id"], current["slot"]) != (day_id, slot):
                    change = change.then(document.plan_update("session", session_id, undo_text,
                                                              day_id=day_id, slot=slot), undo_text)
    return change


def _without(layout: Layout, session_id: str) -> tuple[Layout, int, bool]:
    """The layout without the session; the slot it was in, and whether it was alone there."""
    for index, group in enumerate(layout):
        if session_id in group:
            rest = [other for other in group if other != session_id]
            alone = not rest
            return (layout[:index] + ([rest] if rest else []) + layout[index + 1:]), index, alone
    raise KeyError(session_id)


def plan_move_session(document: WorkshopDocument, session_id: str, day_id: str, slot: int, *,
                      parallel: bool = False, undo_text: str | None = None) -> Change:
    """Put a session at `slot` of `day_id` (counted in the day as it is without the session):
    in a slot of its own, or in parallel with the sessions already there."""
    undo_text = undo_text or _("Move session")
    session = document.get("session", session_id)
    source = session["day_id"]
    layouts = {source: _without(day_layout(document, source), session_id)[0]}
    target = layouts[source] if day_id == source else day_layout(document, day_id)
    slot = max(0, min(slot, len(target) - (1 if parallel else 0)))
    if parallel and target:
        target[slot] = target[slot] + [session_id]
    else:
        target.insert(slot, [session_id])
    layouts[day_id] = target
    change = _plan_layouts(document, layouts, undo_text)
    if parallel and target and not session["track"]:
        change = change.then(document.plan_update("session", session_id, undo_text,
                                                  track=_free_track(document, target[slot], session_id)), undo_text)
    return change


def plan_shift_session(document: WorkshopDocument, session_id: str, step: int,
                       undo_text: str | None = None) -> Change:
    """Move a session one slot earlier (step -1) or later (+1) in its day (keyboard moves)."""
    undo_text = undo_text or _("Move session")
    session = document.get("session", session_id)
    layout, index, alone = _without(day_layout(document, session["day_id"]), session_id)
    if alone:
        target = index + step
    else:  # it leaves its parallel group, to just before or just after it
        target = index if step < 0 else index + 1
    if target < 0 or target > len(layout):
        return Change(undo_text)
    return plan_move_session(document, session_id, session["day_id"], target, undo_text=undo_text)


def plan_add_session(document: WorkshopDocument, day_id: str, *, slot: int | None = None,
                     parallel_to: str | None = None, undo_text: str | None = None, **fields) -> Change:
    """A new session in a slot of its own (at `slot`, default the end of the day), or in
    parallel with an existing session."""
    undo_text = undo_text or _("Add session")
    # Translators: the title of a session just added, until the user types its own
    fields.setdefault("title", _("New session"))
    fields.setdefault("duration", 30)
    layout = day_layout(document, day_id)
    with document.drafting() as step:
        insert = step(document.plan_insert("session", undo_text, day_id=day_id, slot=len(layout) + 1000, **fields))
        new_id = insert.rows[0].row_id
        if parallel_to is not None:
            parallel_slot = document.get("session", parallel_to)["slot"]
            return insert.then(plan_move_session(document, new_id, day_id, parallel_slot, parallel=True,
                                                 undo_text=undo_text), undo_text)
        target = len(layout) if slot is None else slot
        return insert.then(plan_move_session(document, new_id, day_id, target, undo_text=undo_text), undo_text)


def plan_delete_session(document: WorkshopDocument, session_id: str, undo_text: str | None = None) -> Change:
    """Remove a session (with its speakers and group members) and close the gap it leaves."""
    undo_text = undo_text or _("Delete session")
    day_id = document.get("session", session_id)["day_id"]
    layout = _without(day_layout(document, day_id), session_id)[0]
    with document.drafting() as step:
        removal = step(document.plan_delete("session", session_id, undo_text))
        return removal.then(_plan_layouts(document, {day_id: layout}, undo_text), undo_text)


def _free_track(document: WorkshopDocument, session_ids: list[str], joining: str) -> str:
    taken = {document.get("session", other)["track"] for other in session_ids if other != joining}
    # Translators: the track of a breakout group put in parallel with others ("Group A", "Group B"…)
    names = (_("Group {letter}").format(letter=letter) for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return next(name for name in names if name not in taken)


def session_people(document: WorkshopDocument, session_id: str, role: str) -> list[tuple[str, str]]:
    """(link id, participant name) of a session's speakers, rapporteurs or group members."""
    return [(link_id, name) for link_id, name in document.query(
        "SELECT sp.id, p.name FROM session_person sp JOIN participant p ON p.id = sp.participant_id"
        " WHERE sp.session_id = ? AND sp.role = ? ORDER BY p.name COLLATE NOCASE", [session_id, role])]
