"""Session start and end times, computed from the day's start and the durations (never stored)."""

from dataclasses import dataclass, field

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
