"""The agenda on a phone: today with what is on now and next, the whole agenda, and "my group":
part of a name typed, the person's breakout group and room in each slot."""

import datetime as dt

from workshop_app.export.words import Words
from workshop_app.models.agenda.live import LiveSession, live_status
from workshop_app.models.agenda.schedule import clock
from workshop_app.models.stakeholders.attendance import search_key
from workshop_app.models.vocabulary import SESSION_TYPES
from workshop_app.share.labels import vocabulary_label
from workshop_app.share.pages import AGENDA, GROUP, TODAY, Request, agenda_switch, esc, fill, frame, isolated
from workshop_app.share.snapshot import Day, Person, Placement, Session, SiteSnapshot

_BREAKS = ("break", "meal")
# "My group" lists people only once the typed name narrows them down to a few.
MOST_PEOPLE = 12
SHORTEST_NAME = 2
LONGEST_NAME_TYPED = 100


def today_page(snapshot: SiteSnapshot, request: Request, now: dt.datetime) -> str:
    _ = request.words
    # Translators: the heading of the phones' page of today's sessions
    title = _("Today")
    status = live_status([dict(day) for day in snapshot.live_days], [dict(s) for s in snapshot.live_sessions], now)
    day = next((day for day in snapshot.days if status.day and day.id == status.day["id"]), None)
    parts = [agenda_switch(request, TODAY), f"<h1>{esc(title)}</h1>"]
    if day is None:
        parts.append(f'<p class="lead">{esc(_no_day(snapshot, _, now.date()))}</p>')
    else:
        parts.append(f'<p class="lead">{esc(day_label(day, _))}</p>')
        if status.state == "no_sessions":
            note = _("Day {day} has no sessions", day=day.number)
            parts.append(f'<p class="muted">{esc(note)}</p>')
        elif status.state == "after":
            note = _("The sessions of day {day} are over", day=day.number)
            parts.append(f'<p class="muted">{esc(note)}</p>')
        if status.now:
            heading = _("Now")
            parts.append(f'<section class="now"><h2>{esc(heading)}</h2>'
                         f'{"".join(_live(item, _, now=True) for item in status.now)}</section>')
        if status.next:
            heading = _("Next")
            parts.append(f'<section class="next"><h2>{esc(heading)}</h2>'
                         f'{"".join(_live(item, _) for item in status.next)}</section>')
        shown = {item.session["id"] for item in (*status.now, *status.next)}
        first_next = min((item.start for item in status.next), default=None)
        later = [slot for slot in day.slots if first_next is not None and clock(slot[0].start) > first_next
                 and not any(session.id in shown for session in slot)]
        if later:
            # Translators: the heading of the sessions after the next one on the phones' page of today
            heading = _("Later today")
            parts.append(f'<section class="later"><h2>{esc(heading)}</h2>'
                         f'{"".join(_slot(slot, _) for slot in later)}</section>')
    whole = _("The whole agenda")
    parts.append(f'<p><a class="button" href="{request.link(AGENDA)}">{esc(whole)}</a></p>')
    return frame(snapshot, request, TODAY, title, "\n".join(parts), version_url="version?clock=1")


def agenda_page(snapshot: SiteSnapshot, request: Request) -> str:
    _ = request.words
    title = _("Agenda")
    parts = [agenda_switch(request, AGENDA), f"<h1>{esc(title)}</h1>"]
    if not snapshot.days:
        # Translators: on the phones, when the workshop has no agenda yet
        empty = _("The agenda is still empty.")
        parts.append(f'<p class="muted">{esc(empty)}</p>')
    for day in snapshot.days:
        parts.append(f'<section class="day" id="day-{day.number}"><h2>{esc(day_label(day, _))}</h2>')
        if day.title:
            parts.append(f'<p class="muted" dir="auto">{esc(day.title)}</p>')
        parts += [_slot(slot, _) for slot in day.slots]
        parts.append("</section>")
    return frame(snapshot, request, AGENDA, title, "\n".join(parts))


def group_page(snapshot: SiteSnapshot, request: Request) -> str:
    _ = request.words
    # Translators: the heading of the phones' page where a participant finds their breakout group
    title = _("My group")
    typed = " ".join(request.query.get("name", "").split())[:LONGEST_NAME_TYPED]
    # Translators: the label of the name box on the phones' page "My group"
    label = _("Type part of your name")
    # Translators: the button that looks a name up on the phones' page "My group"
    find = _("Find")
    parts = [f"<h1>{esc(title)}</h1>",
             f'<form class="search" method="get" action="{GROUP}" role="search"><label for="name">{esc(label)}'
             f'</label><div class="row"><input type="search" id="name" name="name" value="{esc(typed)}" '
             f'autocomplete="name" maxlength="{LONGEST_NAME_TYPED}" dir="auto">'
             f'<input type="hidden" name="lang" value="{esc(request.language)}">'
             f'<button type="submit">{esc(find)}</button></div></form>']
    words = search_key(typed).split()
    if typed and len("".join(words)) < SHORTEST_NAME:
        # Translators: on the phones' page "My group", when one letter was typed
        short = _("Type at least two letters of your name.")
        parts.append(f'<p class="problem" role="status">{esc(short)}</p>')
    elif words:
        found = [person for person in snapshot.people if all(word in person.search_key for word in words)]
        parts.append(_people(found, typed, _))
    return frame(snapshot, request, GROUP, title, "\n".join(parts))


def day_label(day: Day, _: Words) -> str:
    """"Day 2 · Wednesday 10 March 2027", or "Day 2" while the workshop has no dates."""
    when = _.long_date(day.date)
    return _("Day {number} · {date}", number=day.number, date=when) if when else _("Day {number}", number=day.number)


# ---------------------------------------------------------------------------------- internals

def _time_range(start: str, end: str) -> str:
    """"09:20–11:00", read from the left in an Arabic page too (as the window and the exports
    write a time range: it holds no letter to give it a direction)."""
    return f'<bdi dir="ltr">{esc(start)}–{esc(end)}</bdi>'


def _no_day(snapshot: SiteSnapshot, _: Words, today: dt.date) -> str:
    dates = sorted(day.date for day in snapshot.days if day.date)
    if not dates:
        return _("The workshop days have no dates yet")
    if today.isoformat() < dates[0]:
        return _("The workshop starts on {date}", date=_.long_date(dates[0]))
    if today.isoformat() > dates[-1]:
        return _("The workshop is over")
    return _("No workshop session today")


def _live(item: LiveSession, _: Words, now: bool = False) -> str:
    session = item.session
    times = _time_range(item.start, item.end)
    if now and item.minutes_left is not None:
        if item.minutes_left > 0:
            left = _.n("{count} minute left", "{count} minutes left", item.minutes_left)
        else:
            # Translators: on the phones' page of today: a session running past its planned end
            left = _.n("{count} minute over time", "{count} minutes over time", -item.minutes_left)
        times += f' · <span class="accent">{esc(left)}</span>'
    return (f'<article class="session"><p class="time">{times}</p>'
            f'<h3 dir="auto">{esc(session["title"])}</h3>{_places(session["track"], session["room"], _)}</article>')


def _places(track: str, room: str, _: Words) -> str:
    pieces = [f"<bdi>{esc(track)}</bdi>" if track else "",
              fill(_("Room: {room}"), room=isolated(esc(room))) if room else ""]
    shown = " · ".join(piece for piece in pieces if piece)
    return f'<p class="place">{shown}</p>' if shown else ""


def _slot(slot: tuple[Session, ...], _: Words) -> str:
    times = _time_range(clock(min(s.start for s in slot)), clock(max(s.end for s in slot)))
    note = ""
    if len(slot) > 1:
        parallel = _.n("{count} in parallel", "{count} in parallel", len(slot))
        note = f" · {esc(parallel)}"
    breaks = all(session.type in _BREAKS for session in slot)
    sessions = "".join(_session(session, len(slot) > 1, _) for session in slot)
    return (f'<div class="slot{" break" if breaks else ""}"><p class="time">{times}{note}</p>'
            f"{sessions}</div>")


def _session(session: Session, parallel: bool, _: Words) -> str:
    kind = vocabulary_label(_, SESSION_TYPES, session.type)
    people = []
    if session.facilitator:
        people.append(fill(_("{label}:"), label=esc(_("Facilitator"))) + f" <bdi>{esc(session.facilitator)}</bdi>")
    if session.speakers:
        label = _("Speakers") if len(session.speakers) > 1 else _("Speaker")
        people.append(fill(_("{label}:"), label=esc(label)) + " "
                      + esc(_.listed("\u2068" + name + "\u2069" for name in session.speakers)))
    lines = "".join(f'<p class="people">{line}</p>' for line in people)
    return (f'<article class="session{" group" if parallel else ""}"><p class="kind">{esc(kind)}</p>'
            f'<h3 dir="auto">{esc(session.title)}</h3>{_places(session.track if parallel else "", session.room, _)}'
            f"{lines}</article>")


def _people(found: list[Person], typed: str, _: Words) -> str:
    if not found:
        # Translators: on the phones' page "My group" when no participant's name holds what was typed
        nobody = fill(_("Nobody’s name holds “{name}”."), name=isolated(esc(typed)))
        return f'<p class="problem" role="status">{nobody}</p>'
    if len(found) > MOST_PEOPLE:
        message = _.n("{count} person matches; type more of your name.",
                      "{count} people match; type more of your name.", len(found))
        return f'<p class="problem" role="status">{esc(message)}</p>'
    return "".join(_person(person, _) for person in found)


def _person(person: Person, _: Words) -> str:
    organization = f' <span class="muted">(<bdi>{esc(person.organization)}</bdi>)</span>' if person.organization else ""
    heading = f'<h2><bdi>{esc(person.name)}</bdi>{organization}</h2>'
    if not person.placements:
        # Translators: on the phones' page "My group", for a person in no breakout group yet
        none = _("No breakout group yet.")
        return f'<section class="person">{heading}<p class="muted">{esc(none)}</p></section>'
    parts = [f'<section class="person">{heading}']
    day = None
    for place in person.placements:
        if place.day_number != day:
            day = place.day_number
            when = _.long_date(place.date)
            label = _("Day {number} · {date}", number=day, date=when) if when else _("Day {number}", number=day)
            parts.append(f'<h3 class="day">{esc(label)}</h3>')
        parts.append(_placement(place, _))
    parts.append("</section>")
    return "".join(parts)


def _placement(place: Placement, _: Words) -> str:
    group = " · ".join(f"<bdi>{esc(part)}</bdi>" for part in (place.track, place.title) if part)
    roles = {
        # Translators: on the phones' page "My group": the person leads this breakout group
        "facilitator": _("you facilitate this group"),
        # Translators: on the phones' page "My group": the person speaks in this breakout group
        "speaker": _("you speak in this group"),
        # Translators: on the phones' page "My group": the person reports back for this breakout group
        "rapporteur": _("you report back for this group"),
    }
    role = f'<p class="accent">{esc(roles[place.role])}</p>' if place.role in roles else ""
    room = ""
    if place.room:
        room = fill(_("Room: {room}"), room=isolated(esc(place.room)))
        room = f'<p class="room">{room}</p>'
    return (f'<article class="placement"><p class="time">{_time_range(clock(place.start), clock(place.end))}</p>'
            f'<h4 dir="auto">{group}</h4>{room}{role}</article>')
