"""Who came on which day: check-in at the door, corrections in a grid, walk-ins on the spot."""

import datetime as dt
import unicodedata

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, new_id, utc_now


def search_key(text: str) -> str:
    """Case- and accent-insensitive form of a name, so 'nguyen' finds 'Nguyễn' at the door.
    Marks are only dropped from Latin letters: Devanagari vowel signs are part of the word."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    kept = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def days(document: WorkshopDocument) -> list[dict]:
    return document.rows("day", order_by="position")


def default_day(document: WorkshopDocument, today: dt.date | None = None) -> dict | None:
    """Today's workshop day if there is one, else the first day."""
    all_days = days(document)
    today_text = (today or dt.date.today()).isoformat()
    return next((day for day in all_days if day["date"] == today_text), all_days[0] if all_days else None)


def present_ids(document: WorkshopDocument, day_id: str) -> set[str]:
    return {row[0] for row in document.query(
        "SELECT participant_id FROM attendance WHERE day_id = ? AND present = 1", [day_id])}


def attendance_by_day(document: WorkshopDocument) -> dict[str, set[str]]:
    """day id -> ids of participants present that day."""
    present: dict[str, set[str]] = {day["id"]: set() for day in days(document)}
    for participant_id, day_id in document.query("SELECT participant_id, day_id FROM attendance WHERE present = 1"):
        present.setdefault(day_id, set()).add(participant_id)
    return present


def plan_attendance(document: WorkshopDocument, participant_id: str, day_id: str, present: bool,
                    undo_text: str | None = None) -> Change:
    existing = document.query("SELECT id, present FROM attendance WHERE participant_id = ? AND day_id = ?",
                              [participant_id, day_id])
    text = undo_text or (_("Mark present") if present else _("Mark absent"))
    if existing:
        return document.plan_update("attendance", existing[0][0], text, present=int(present))
    if not present:
        return Change(text)  # no record already means absent
    return document.plan_insert("attendance", text, participant_id=participant_id, day_id=day_id, present=1,
                                checked_in_at=utc_now())


def plan_walk_in(document: WorkshopDocument, day_id: str, *, name: str, undo_text: str | None = None,
                 **fields) -> Change:
    """A person not on the list: added and checked in for the day, as one step."""
    undo_text = undo_text or _("Add walk-in participant")
    participant_id = new_id()
    person = document.plan_insert("participant", undo_text, id=participant_id, name=name, **fields)
    return person.then(document.plan_insert("attendance", undo_text, participant_id=participant_id, day_id=day_id,
                                            present=1, checked_in_at=utc_now()), undo_text)


def find_participants(document: WorkshopDocument, text: str, limit: int = 8) -> list[dict]:
    """People whose name (or e-mail) contains every typed word, best matches first."""
    words = search_key(text).split()
    if not words:
        return []
    found = []
    for row in document.query(
        "SELECT p.id, p.name, p.email, coalesce(nullif(o.acronym, ''), o.name, '')"
        " FROM participant p LEFT JOIN organization o ON o.id = p.organization_id"
    ):
        key = search_key(f"{row[1]} {row[2]}")
        if all(word in key for word in words):
            starts = search_key(row[1]).startswith(words[0])
            found.append((not starts, row[1].casefold(), {"id": row[0], "name": row[1], "organization": row[3]}))
    found.sort(key=lambda item: item[:2])
    return [item[2] for item in found[:limit]]


def attendance_rows(document: WorkshopDocument, ids=None) -> list[dict]:
    """Participants with their organization and the ids of the days they were present."""
    from workshop_app.models.stakeholders.listing import participant_rows

    present: dict[str, set[str]] = {}
    for participant_id, day_id in document.query("SELECT participant_id, day_id FROM attendance WHERE present = 1"):
        present.setdefault(participant_id, set()).add(day_id)
    rows = participant_rows(document, ids)
    for row in rows:
        row["present"] = present.get(row["id"], set())
    return rows
