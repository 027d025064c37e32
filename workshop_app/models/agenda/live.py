"""Running the agenda in the room: what is on now, what comes next, what really happened.

Planned times stay what the durations say; the times a session really started and ended are
kept beside them (actual_start, actual_end), and a duration changed live keeps the one first
planned in planned_duration. An overrun is stored in the durations, so the
printed agenda, the warnings and the now/next view all follow it, and one undo restores the plan.
"""

import datetime as dt
from dataclasses import dataclass, field

from workshop_app.models.agenda.schedule import clock, day_schedule, minutes
from workshop_app.models.agenda.warnings import minutes_text
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.validation import clock_time

# An overrun never shortens a session below this many minutes.
SHORTEST_SESSION = 5


@dataclass
class LiveSession:
    session: dict
    start: str  # HH:MM, the recorded start when there is one
    end: str  # HH:MM, the recorded end, or the start plus the duration
    minutes_left: int | None = None  # for a session on now; below 0 when it runs over time

    @property
    def title(self) -> str:
        return self.session["title"]


@dataclass
class LiveStatus:
    state: str  # "no_day", "no_sessions", "before", "running", "between" or "after"
    message: str
    day: dict | None = None
    day_number: int | None = None
    now: list[LiveSession] = field(default_factory=list)  # several when parallel groups run
    next: list[LiveSession] = field(default_factory=list)  # the next slot


def now_and_next(document: WorkshopDocument, at: dt.datetime, day_id: str | None = None) -> LiveStatus:
    """The session(s) on at `at`, with the minutes left, and the next slot. The day is the one
    dated `at`'s date unless `day_id` names it."""
    days = document.rows("day", order_by="position")
    day = next((d for d in days if d["id"] == day_id), None) if day_id else \
        next((d for d in days if d["date"] == at.date().isoformat()), None)
    if day is None:
        return LiveStatus("no_day", _no_day_message(days, at.date()))
    number = days.index(day) + 1
    now = at.hour * 60 + at.minute
    timeline = _live_times(day, document.rows("session", "day_id = ?", [day["id"]]), now)
    if not timeline:
        return LiveStatus("no_sessions", f"Day {number} has no sessions", day, number)
    status = LiveStatus("running", "", day, number)
    # A session running over its time, with no end recorded, holds back every later slot.
    held = min((session["slot"] for session, _, end, open_ended in timeline if open_ended and now >= end),
               default=None)
    upcoming = []
    for session, start, end, open_ended in timeline:
        if held is not None and session["slot"] > held:
            upcoming.append((start, session, end))
        elif start <= now < end or (open_ended and now >= end):
            status.now.append(LiveSession(session, clock(start), clock(end), end - now))
        elif start > now:
            upcoming.append((start, session, end))
    if upcoming:
        first = min(start for start, _, _ in upcoming)
        status.next = [LiveSession(session, clock(start), clock(end)) for start, session, end in upcoming
                       if start == first]
    if status.now:
        status.message = _now_message(status.now)
    elif not status.next:
        status.state, status.message = "after", f"The sessions of day {number} are over"
    elif all(start > now for _, start, _, _ in timeline):
        status.state = "before"
        status.message = f"Before the first session: {_slot_text(status.next)} starts at {status.next[0].start}"
    else:
        status.state = "between"
        status.message = f"Next at {status.next[0].start}: {_slot_text(status.next)}"
    return status


def plan_record_actual(document: WorkshopDocument, session_id: str, start=None, end=None) -> Change:
    """Record when a session really started and/or ended (HH:MM, a time or a datetime). None
    leaves a time as it is; "" clears it. The planned times do not change."""
    session = _session(document, session_id)
    fields = {}
    if start is not None:
        fields["actual_start"] = _clock_or_none(start)
    if end is not None:
        fields["actual_end"] = _clock_or_none(end)
    first = fields.get("actual_start", session["actual_start"])
    last = fields.get("actual_end", session["actual_end"])
    if first and last and minutes(last) < minutes(first):
        raise InvalidValueError(f"the end ({last}) is before the start ({first})")
    what = "start and end" if len(fields) == 2 else ("start" if "actual_start" in fields else "end")
    return document.plan_update("session", session_id, f"Record {what} of '{session['title']}'", **fields)


def plan_overrun(document: WorkshopDocument, session_id: str, overrun_minutes: int,
                 *, with_parallel: bool = False) -> tuple[Change, list[str]]:
    """The session ran `overrun_minutes` over. Its duration grows by that much and its real end
    is recorded. Items with a fixed start (lunch, closing) stay put: the flexible sessions
    between it and the next fixed item are shortened in proportion to their length (never
    below 5 minutes) to absorb the delay. When they cannot, the fixed item moves, a warning
    says so, and the sessions after it absorb the rest the same way. After the last fixed
    item the rest of the day moves later. With `with_parallel`, the sessions beside it (the
    other breakout groups of the slot) run over as much. One undo step restores every duration."""
    try:
        overrun_minutes = int(overrun_minutes)
    except (TypeError, ValueError):
        raise InvalidValueError(f"'{overrun_minutes}' is not a number of minutes") from None
    if overrun_minutes <= 0:
        raise InvalidValueError("an overrun is a number of minutes above 0")
    session = _session(document, session_id)
    day = document.get("day", session["day_id"])
    number = [d["id"] for d in document.rows("day", order_by="position")].index(day["id"]) + 1
    sessions = document.rows("session", "day_id = ?", [day["id"]])
    durations = {s["id"]: s["duration"] for s in sessions}
    parallel = [s["id"] for s in sessions if s["slot"] == session["slot"] and (with_parallel or s["id"] == session_id)]
    for member in parallel:
        durations[member] += overrun_minutes
    slots = sorted({s["slot"] for s in sessions})
    by_slot = {slot: [s for s in sessions if s["slot"] == slot] for slot in slots}
    planned = _starts(day, sessions, {})
    warnings = []
    segment = slots.index(session["slot"]) + 1
    while True:
        fixed = next((i for i in range(segment, len(slots))
                      if any(s["fixed_start"] for s in by_slot[slots[i]])), None)
        if fixed is None:
            break
        anchor = slots[fixed]
        late = _starts(day, sessions, durations)[anchor] - planned[anchor]
        if late <= 0:
            break
        _shorten([by_slot[slot] for slot in slots[segment:fixed]], durations, late)
        moved = _starts(day, sessions, durations)[anchor] - planned[anchor]
        if moved <= 0:
            break
        title = by_slot[anchor][0]["title"]
        reason = ("the sessions before it cannot be shortened enough" if fixed > segment
                  else "there is no session before it to shorten")
        warnings.append(f"'{title}' moves from {clock(planned[anchor])} to {clock(planned[anchor] + moved)}: {reason}")
        segment = fixed + 1
    before_end = day_schedule(day, sessions).end
    after = day_schedule(day, [{**s, "duration": durations[s["id"]]} for s in sessions])
    planned_end = minutes(day["planned_end"])
    if after.end > planned_end and after.end > before_end:
        warnings.append(f"Day {number} now ends at {clock(after.end)}, "
                        f"{minutes_text(after.end - planned_end)} after its planned end ({day['planned_end']})")
    undo_text = f"Record overrun of '{session['title']}'"
    change = Change(undo_text)
    if len(parallel) > 1:
        undo_text = f"Record overrun of '{session['title']}' and the {len(parallel) - 1} sessions beside it"
    change = Change(undo_text)
    for other in sessions:
        if durations[other["id"]] != other["duration"] and other["id"] != session_id:
            change = change.then(document.plan_update("session", other["id"], duration=durations[other["id"]],
                                                      planned_duration=other["planned_duration"] or other["duration"]))
    start = minutes(session["actual_start"]) if session["actual_start"] else next(
        item.start for item in after.sessions if item.session["id"] == session_id)
    overrunning = next(s for s in sessions if s["id"] == session_id)
    planned = overrunning["planned_duration"] or overrunning["duration"]
    change = change.then(document.plan_update("session", session_id, duration=durations[session_id],
                                              planned_duration=planned,
                                              actual_end=clock(start + durations[session_id])))
    return Change(undo_text, change.rows), warnings


# ---------------------------------------------------------------------------------- internals

def _live_times(day: dict, sessions: list[dict], now: int) -> list[tuple[dict, int, int, bool]]:
    """(session, start, end, open_ended) by slot. A recorded start or end replaces the planned
    one, and a late slot pushes the later ones (never earlier than planned). Open-ended: the
    latest session to have started has no recorded end, so it is on until somebody records one."""
    planned = {item.session["id"]: item.start for item in day_schedule(day, sessions).sessions}
    by_slot: dict[int, list[dict]] = {}
    for session in sorted(sessions, key=lambda s: (s["slot"], s["track"])):
        by_slot.setdefault(session["slot"], []).append(session)
    last_started = max((slot for slot, group in by_slot.items() if any(s["actual_start"] for s in group)),
                       default=None)
    timeline = []
    cursor = minutes(day["start_time"])
    for slot in sorted(by_slot):
        ends = []
        for session in by_slot[slot]:
            started = bool(session["actual_start"])
            start = minutes(session["actual_start"]) if started else max(planned[session["id"]], cursor)
            end = minutes(session["actual_end"]) if session["actual_end"] else start + session["duration"]
            open_ended = started and not session["actual_end"] and slot == last_started
            timeline.append((session, start, end, open_ended))
            # A session still running past its time holds back what follows it.
            ends.append(max(end, now) if open_ended else end)
        cursor = max(ends)
    return timeline


def _starts(day: dict, sessions: list[dict], durations: dict[str, int]) -> dict[int, int]:
    """slot -> start, with these durations in place of the stored ones."""
    schedule = day_schedule(day, [{**s, "duration": durations.get(s["id"], s["duration"])} for s in sessions])
    return {item.session["slot"]: item.start for item in schedule.sessions}


def _shorten(units: list[list[dict]], durations: dict[str, int], delay: int) -> None:
    """Take up to `delay` minutes from these slots, one minute at a time from the slot that has
    given least for its length, so each gives in proportion to its length. A slot of parallel
    sessions is as long as its longest session and is shortened as one."""
    lengths = [max(durations[s["id"]] for s in unit) for unit in units]
    floors = [min(length, SHORTEST_SESSION) for length in lengths]
    cuts = [0] * len(units)
    for _ in range(delay):
        open_units = [i for i in range(len(units)) if lengths[i] - cuts[i] > floors[i]]
        if not open_units:
            break
        chosen = min(open_units, key=lambda i: ((cuts[i] + 1) / lengths[i], i))
        cuts[chosen] += 1
    for unit, length, cut in zip(units, lengths, cuts):
        for session in unit:
            durations[session["id"]] = min(durations[session["id"]], length - cut)


def _session(document: WorkshopDocument, session_id: str) -> dict:
    session = document.get("session", session_id)
    if session is None:
        raise WorkshopError("the session no longer exists (was it deleted?)")
    return session


def _clock_or_none(value) -> str | None:
    if value == "":
        return None
    if isinstance(value, (dt.datetime, dt.time)):
        return f"{value.hour:02d}:{value.minute:02d}"
    return clock_time(value)


def _slot_text(items: list[LiveSession]) -> str:
    if len(items) == 1:
        return f"'{items[0].title}'"
    return f"{len(items)} parallel sessions"


def _now_message(now: list[LiveSession]) -> str:
    if len(now) == 1:
        item = now[0]
        if item.minutes_left <= 0:
            return f"Now: '{item.title}', {minutes_text(-item.minutes_left)} over time"
        return f"Now: '{item.title}' until {item.end} ({minutes_text(item.minutes_left)} left)"
    longest = max(now, key=lambda item: item.minutes_left)
    if longest.minutes_left <= 0:
        return f"Now: {len(now)} parallel sessions, {minutes_text(-longest.minutes_left)} over time"
    return f"Now: {len(now)} parallel sessions until {longest.end} ({minutes_text(longest.minutes_left)} left)"


def _no_day_message(days: list[dict], today: dt.date) -> str:
    dates = sorted(d["date"] for d in days if d["date"])
    if not dates:
        return "The workshop days have no dates yet"
    if today.isoformat() < dates[0]:
        return f"The workshop starts on {dates[0]}"
    if today.isoformat() > dates[-1]:
        return "The workshop is over"
    return "No workshop session today"
