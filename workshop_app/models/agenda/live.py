"""Running the agenda in the room: what is on now, what comes next, what really happened.

Planned times stay what the durations say; the times a session really started and ended are
kept beside them (actual_start, actual_end), and a duration changed live keeps the one first
planned in planned_duration. An overrun is stored in the durations, so the
printed agenda, the warnings and the now/next view all follow it, and one undo restores the plan.
"""

import datetime as dt
from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models.agenda.schedule import clock, day_schedule, minutes
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError, WorkshopError
from workshop_app.models.validation import clock_time, whole_number

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
    day = _day_of(days, at, day_id)
    sessions = document.rows("session", "day_id = ?", [day["id"]]) if day else []
    status = live_status(days, sessions, at, day_id)
    status.message = _status_message(status, days, at)
    return status


def live_status(days: list[dict], sessions: list[dict], at: dt.datetime, day_id: str | None = None) -> LiveStatus:
    """now_and_next from rows already read (the days in order, the sessions of any days), for a
    reader that words the status itself in its own language: the message is left empty."""
    day = _day_of(days, at, day_id)
    if day is None:
        return LiveStatus("no_day", "")
    number = days.index(day) + 1
    now = at.hour * 60 + at.minute
    timeline = _live_times(day, [session for session in sessions if session["day_id"] == day["id"]], now)
    if not timeline:
        return LiveStatus("no_sessions", "", day, number)
    status = LiveStatus("running", "", day, number)
    # A session running over its time, with no end recorded, holds back every later slot.
    held = min((session["slot"] for session, _start, end, open_ended in timeline if open_ended and now >= end),
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
        first = min(start for start, _session, _end in upcoming)
        status.next = [LiveSession(session, clock(start), clock(end)) for start, session, end in upcoming
                       if start == first]
    if status.now:
        return status
    if not status.next:
        status.state = "after"
    elif all(start > now for _session, start, _end, _open in timeline):
        status.state = "before"
    else:
        status.state = "between"
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
        raise InvalidValueError(_("the end ({end}) is before the start ({start})").format(end=last, start=first))
    if len(fields) == 2:
        text = _("Record start and end of '{session}'")
    elif "actual_start" in fields:
        text = _("Record start of '{session}'")
    else:
        text = _("Record end of '{session}'")
    return document.plan_update("session", session_id, text.format(session=session["title"]), **fields)


def plan_overrun(document: WorkshopDocument, session_id: str, overrun_minutes: int,
                 *, with_parallel: bool = False) -> tuple[Change, list[str]]:
    """The session ran `overrun_minutes` over. Its duration grows by that much and its real end
    is recorded. Items with a fixed start (lunch, closing) stay put: the flexible sessions
    between it and the next fixed item are shortened in proportion to their length (never
    below 5 minutes) to absorb the delay. When they cannot, the fixed item moves, a warning
    says so, and the sessions after it absorb the rest the same way. After the last fixed
    item the rest of the day moves later. With `with_parallel`, the sessions beside it (the
    other breakout groups of the slot) run over as much. One undo step restores every duration."""
    overrun_minutes = whole_number(overrun_minutes, N_("'{value}' is not a number of minutes"))
    if overrun_minutes <= 0:
        raise InvalidValueError(_("an overrun is a number of minutes above 0"))
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
        warning = (_("'{session}' moves from {planned} to {time}: the sessions before it cannot be shortened enough")
                   if fixed > segment else
                   _("'{session}' moves from {planned} to {time}: there is no session before it to shorten"))
        warnings.append(warning.format(session=title, planned=clock(planned[anchor]),
                                       time=clock(planned[anchor] + moved)))
        segment = fixed + 1
    before_end = day_schedule(day, sessions).end
    after = day_schedule(day, [{**s, "duration": durations[s["id"]]} for s in sessions])
    planned_end = minutes(day["planned_end"])
    if after.end > planned_end and after.end > before_end:
        over = after.end - planned_end
        warnings.append(ngettext("Day {day} now ends at {time}, {minutes} minute after its planned end ({planned})",
                                 "Day {day} now ends at {time}, {minutes} minutes after its planned end ({planned})",
                                 over).format(day=number, time=clock(after.end), minutes=over,
                                              planned=day["planned_end"]))
    undo_text = _("Record overrun of '{session}'").format(session=session["title"])
    change = Change(undo_text)
    if len(parallel) > 1:
        beside = len(parallel) - 1
        undo_text = ngettext("Record overrun of '{session}' and the {count} sessions beside it",
                             "Record overrun of '{session}' and the {count} sessions beside it", beside).format(
            session=session["title"], count=beside)
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
    for _minute in range(delay):
        open_units = [i for i in range(len(units)) if lengths[i] - cuts[i] > floors[i]]
        if not open_units:
            break
        chosen = min(open_units, key=lambda i: ((cuts[i] + 1) / lengths[i], i))
        cuts[chosen] += 1
    for unit, length, cut in zip(units, lengths, cuts):
        for session in unit:
            durations[session["id"]] = min(durations[session["id"]], length - cut)


def _day_of(days: list[dict], at: dt.datetime, day_id: str | None) -> dict | None:
    if day_id:
        return next((d for d in days if d["id"] == day_id), None)
    return next((d for d in days if d["date"] == at.date().isoformat()), None)


def _status_message(status: LiveStatus, days: list[dict], at: dt.datetime) -> str:
    if status.state == "no_day":
        return _no_day_message(days, at.date())
    if status.state == "no_sessions":
        return _("Day {day} has no sessions").format(day=status.day_number)
    if status.now:
        return _now_message(status.now)
    if status.state == "after":
        return _("The sessions of day {day} are over").format(day=status.day_number)
    if status.state == "before":
        return _before_message(status.next)
    return _next_message(status.next)


def _session(document: WorkshopDocument, session_id: str) -> dict:
    session = document.get("session", session_id)
    if session is None:
        raise WorkshopError(_("the session no longer exists (was it deleted?)"))
    return session


def _clock_or_none(value) -> str | None:
    if value == "":
        return None
    if isinstance(value, (dt.datetime, dt.time)):
        return f"{value.hour:02d}:{value.minute:02d}"
    return clock_time(value)


def _before_message(items: list[LiveSession]) -> str:
    if len(items) == 1:
        return _("Before the first session: '{session}' starts at {time}").format(session=items[0].title,
                                                                                  time=items[0].start)
    return ngettext("Before the first session: {count} parallel sessions starts at {time}",
                    "Before the first session: {count} parallel sessions starts at {time}", len(items)).format(
        count=len(items), time=items[0].start)


def _next_message(items: list[LiveSession]) -> str:
    if len(items) == 1:
        return _("Next at {time}: '{session}'").format(time=items[0].start, session=items[0].title)
    return ngettext("Next at {time}: {count} parallel sessions", "Next at {time}: {count} parallel sessions",
                    len(items)).format(time=items[0].start, count=len(items))


def _now_message(now: list[LiveSession]) -> str:
    if len(now) == 1:
        item = now[0]
        if item.minutes_left <= 0:
            over = -item.minutes_left
            return ngettext("Now: '{session}', {minutes} minute over time",
                            "Now: '{session}', {minutes} minutes over time", over).format(session=item.title,
                                                                                           minutes=over)
        return ngettext("Now: '{session}' until {end} ({minutes} minute left)",
                        "Now: '{session}' until {end} ({minutes} minutes left)", item.minutes_left).format(
            session=item.title, end=item.end, minutes=item.minutes_left)
    longest = max(now, key=lambda item: item.minutes_left)
    # Two numbers: the plural forms follow the minutes; {count} (2 or more) counts the sessions.
    if longest.minutes_left <= 0:
        over = -longest.minutes_left
        return ngettext("Now: {count} parallel sessions, {minutes} minute over time",
                        "Now: {count} parallel sessions, {minutes} minutes over time", over).format(
            count=len(now), minutes=over)
    return ngettext("Now: {count} parallel sessions until {end} ({minutes} minute left)",
                    "Now: {count} parallel sessions until {end} ({minutes} minutes left)", longest.minutes_left).format(
        count=len(now), end=longest.end, minutes=longest.minutes_left)


def _no_day_message(days: list[dict], today: dt.date) -> str:
    dates = sorted(d["date"] for d in days if d["date"])
    if not dates:
        return _("The workshop days have no dates yet")
    if today.isoformat() < dates[0]:
        return _("The workshop starts on {date}").format(date=dates[0])
    if today.isoformat() > dates[-1]:
        return _("The workshop is over")
    return _("No workshop session today")
