"""The agenda as every agenda export prints it: the days in order, each day's sessions in time
slots (sessions sharing a slot run in parallel, in track order), with the names of the people
who run them. One read of the document.

Start and end times come from models.agenda, the computation the Agenda page shows, so the
PDF, the workbook and the window cannot disagree. Day labels are in the export's language (the
Words given to agenda_days); session types keep the vocabulary's English label, translated
where printed.
"""

from dataclasses import dataclass, field

from workshop_app.export.words import Words
from workshop_app.models.agenda.schedule import agenda, clock
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.vocabulary import SESSION_TYPES

# Sessions the participants do not need to prepare for: printed lighter.
BREAK_TYPES = frozenset({"break", "meal"})
TIME_SEPARATOR = "–"  # en dash, as on the Agenda page


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    acronym: str  # of the person's organization, '' when none

    @property
    def label(self) -> str:
        """'Hari Prasad Dhakal (MoLESS)': who speaks for whom, as a programme prints it."""
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


@dataclass(slots=True)
class AgendaSession:
    row: dict  # the session row as stored
    start: int  # minutes since midnight, from models.agenda
    end: int
    facilitator: Person | None = None
    speakers: list[Person] = field(default_factory=list)
    rapporteurs: list[Person] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.row["title"]

    @property
    def track(self) -> str:
        return self.row["track"]

    @property
    def room(self) -> str:
        return self.row["room"]

    @property
    def duration(self) -> int:
        return self.row["duration"]

    @property
    def type_label(self) -> str:
        return SESSION_TYPES.get(self.row["type"], self.row["type"])

    @property
    def is_break(self) -> bool:
        return self.row["type"] in BREAK_TYPES

    @property
    def start_text(self) -> str:
        return clock(self.start)

    @property
    def end_text(self) -> str:
        return clock(self.end)

    @property
    def times(self) -> str:
        return f"{self.start_text}{TIME_SEPARATOR}{self.end_text}"


@dataclass(slots=True)
class TimeSlot:
    """Sessions that start together; more than one runs in parallel."""
    sessions: list[AgendaSession]

    @property
    def start(self) -> int:
        return min(session.start for session in self.sessions)

    @property
    def end(self) -> int:
        return max(session.end for session in self.sessions)

    @property
    def times(self) -> str:
        return f"{clock(self.start)}{TIME_SEPARATOR}{clock(self.end)}"

    @property
    def parallel(self) -> bool:
        return len(self.sessions) > 1

    @property
    def is_break(self) -> bool:
        return all(session.is_break for session in self.sessions)


@dataclass(slots=True)
class AgendaDay:
    number: int  # 1-based, as people say "day 2"
    row: dict
    slots: list[TimeSlot]
    end: int  # when the last session ends
    overruns: bool  # past the day's planned end
    words: Words = field(default_factory=Words)  # the export's language

    @property
    def date(self) -> str | None:
        return self.row["date"]

    @property
    def title(self) -> str:
        return self.row["title"]

    @property
    def label(self) -> str:
        """'Day 1 · Tuesday 9 March 2027', or 'Day 1' while the workshop has no dates."""
        _ = self.words
        when = _.long_date(self.date)
        return _("Day {number} · {date}", number=self.number, date=when) if when else _("Day {number}",
                                                                                        number=self.number)

    @property
    def sessions(self) -> list[AgendaSession]:
        return [session for slot in self.slots for session in slot.sessions]


def agenda_days(document: WorkshopDocument, words: Words | None = None) -> list[AgendaDay]:
    """The days of the agenda, labelled in the language of `words` (English without)."""
    words = words or Words()
    people = _people_by_session(document)
    days = []
    for number, schedule in enumerate(agenda(document), start=1):
        slots: list[TimeSlot] = []
        slot_number = None
        # models.agenda lists a day's sessions slot by slot, parallel ones in track order.
        for scheduled in schedule.sessions:
            session = AgendaSession(scheduled.session, scheduled.start, scheduled.end)
            session.facilitator = people["facilitator"].get(scheduled.session["facilitator_id"])
            session.speakers = people["speaker"].get(scheduled.session["id"], [])
            session.rapporteurs = people["rapporteur"].get(scheduled.session["id"], [])
            if scheduled.session["slot"] != slot_number:
                slots.append(TimeSlot([]))
                slot_number = scheduled.session["slot"]
            slots[-1].sessions.append(session)
        days.append(AgendaDay(number, schedule.day, slots, schedule.end, schedule.overruns, words))
    return days


def _people_by_session(document: WorkshopDocument) -> dict[str, dict]:
    """{'facilitator': {participant id: Person}, 'speaker': {session id: [Person]}, ...}.

    Speakers and rapporteurs keep the order in which they were added to the session: that is the
    order the organisers chose (protocol order at an opening), which a printed programme keeps."""
    organizations = {row["id"]: row["acronym"] for row in document.rows("organization")}
    everyone = {row["id"]: Person(row["name"], organizations.get(row["organization_id"], "") or "")
                for row in document.rows("participant")}
    found: dict[str, dict] = {"facilitator": everyone, "speaker": {}, "rapporteur": {}, "member": {}}
    for link in document.rows("session_person", order_by="rowid"):
        person = everyone.get(link["participant_id"])
        if person is not None and link["role"] in found:
            found[link["role"]].setdefault(link["session_id"], []).append(person)
    return found
