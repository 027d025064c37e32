"""Agenda templates: a ready agenda (days and sessions, no people) to start a workshop from.

Built-in templates ship as JSON in resources/templates/, translated under the same file name in
resources/templates/<language>/ (listed in the window's language, applied in the workshop's);
a user's own templates are JSON files in a folder the caller chooses (the program's data
folder). Both have the same shape:

    {"format": "pathfinder-workshop-agenda-template", "format_version": 1,
     "name": "...", "description": "...", "source": "...",
     "days": [{"title": "...", "start_time": "09:00", "planned_end": "17:00",
               "sessions": [{"slot": 0, "track": "", "title": "...", "type": "plenary",
                             "duration": 30, "room": "", "fixed_start": null,
                             "objectives": "", "expected_output": "", "materials": "",
                             "facilitator_notes": ""}]}]}
"""

import datetime as dt
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.i18n.catalogs import N_, _, current
from workshop_app.i18n.languages import ENGLISH, first_spoken
from workshop_app.models import vocabulary as v
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument, new_id
from workshop_app.models.errors import InvalidValueError, WorkshopError, WorkshopFileError
from workshop_app.models.rows import next_position
from workshop_app.models.validation import clean_text, clock_time
from workshop_app.resources import resource_path

FORMAT = "pathfinder-workshop-agenda-template"
FORMAT_VERSION = 1
BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"
SESSION_TEXT_FIELDS = ("track", "room", "objectives", "expected_output", "materials", "facilitator_notes")
# A template is a few kilobytes; anything far larger is not one (and is not read into memory).
_LARGEST_FILE = 2_000_000
# Characters Windows, macOS or Linux refuse in a file name.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)), *(f"lpt{n}" for n in range(1, 10))}


@dataclass(frozen=True)
class TemplateInfo:
    id: str  # "builtin:<file name>" or "user:<file name>"
    name: str
    description: str
    days: int
    sessions: int
    builtin: bool
    path: Path


class TemplateList(list):
    """The templates found, plus one line for each file that could not be read (shown to the
    user; the list itself only holds the good ones)."""

    def __init__(self, templates=(), problems=()):
        super().__init__(templates)
        self.problems: list[str] = list(problems)


@dataclass
class _Template:
    info: TemplateInfo
    content: dict = field(repr=False)


# ---------------------------------------------------------------------------------- listing

def builtin_folder() -> Path:
    return resource_path("templates")


def list_templates(user_folder: Path | str | None) -> TemplateList:
    """Built-in templates first, then the user's by name. Unreadable files are skipped and
    described in `.problems`."""
    found, problems = _builtin_templates()
    if user_folder is not None and Path(user_folder).is_dir():
        user, user_problems = _scan(Path(user_folder), builtin=False)
        found += sorted(user, key=lambda t: (t.info.name.casefold(), t.info.id))
        problems += user_problems
    return TemplateList([template.info for template in found], problems)


def load_template(path: Path | str, *, builtin: bool = False) -> tuple[TemplateInfo, dict]:
    """Read and check one template file; WorkshopFileError names the file and the problem."""
    path = Path(path)
    try:
        if path.stat().st_size > _LARGEST_FILE:
            raise WorkshopFileError(path, _("is too large to be an agenda template"))
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkshopFileError(path, _("is not an agenda template (it is not UTF-8 text)")) from None
    except OSError as error:
        raise WorkshopFileError(path, _("cannot be read ({reason})").format(reason=error.strerror or error)) from None
    try:
        content = json.loads(text)
    except RecursionError:
        raise WorkshopFileError(path, _("is not an agenda template: it is nested too deeply")) from None
    except ValueError as error:
        if hasattr(error, "lineno"):
            problem = _("is not an agenda template: it is not valid JSON (line {line}, column {column})").format(
                line=error.lineno, column=error.colno)
        else:
            problem = _("is not an agenda template: it is not valid JSON")
        raise WorkshopFileError(path, problem) from None
    try:
        content = _checked(content)
    except InvalidValueError as error:
        raise WorkshopFileError(path, _("is not a usable agenda template: {problem}").format(problem=error)) from None
    prefix = BUILTIN_PREFIX if builtin else USER_PREFIX
    info = TemplateInfo(
        id=prefix + path.name,
        name=content["name"],
        description=content["description"],
        days=len(content["days"]),
        sessions=sum(len(day["sessions"]) for day in content["days"]),
        builtin=builtin,
        path=path,
    )
    return info, content


# ---------------------------------------------------------------------------------- applying

def plan_apply_template(document: WorkshopDocument, template_id: str, *, replace: bool,
                        user_folder: Path | str | None) -> Change:
    """Days and sessions from a template, as one step. Days are created as needed (dated from
    the workshop's start date when it has one). With replace, every existing session goes
    first and the days take the template's titles and times; without, the template's sessions
    follow each day's own."""
    template = _find(template_id, user_folder, language=_workshop_language(document))
    content = template.content
    undo_text = _("Apply template '{name}'").format(name=template.info.name)
    rows = []
    if replace:
        for session in document.rows("session", order_by="day_id, slot"):
            rows += document.plan_delete("session", session["id"]).rows
    days = document.rows("day", order_by="position")
    workshop = document.workshop()
    last_date, created_date = None, None
    for index, template_day in enumerate(content["days"]):
        day_fields = {"title": template_day["title"], "start_time": template_day["start_time"],
                      "planned_end": template_day["planned_end"]}
        if index < len(days):
            day = days[index]
            last_date = day["date"] or last_date
            if replace:
                rows += document.plan_update("day", day["id"], **day_fields).rows
            elif not day["title"] and template_day["title"]:
                rows += document.plan_update("day", day["id"], title=template_day["title"]).rows
            first_slot = 0 if replace else next_position(document.rows("session", "day_id = ?", [day["id"]]), "slot")
            day_id = day["id"]
        else:
            date = _next_date(last_date, workshop["start_date"], index)
            last_date = created_date = date or last_date
            position = next_position(days) + index - len(days)
            day_id = new_id()
            rows += document.plan_insert("day", id=day_id, position=position, date=date, **day_fields).rows
            first_slot = 0
        slots = {slot: number for number, slot in enumerate(sorted({s["slot"] for s in template_day["sessions"]}))}
        for session in template_day["sessions"]:
            fields = {key: session[key] for key in ("title", "type", "duration", "fixed_start", *SESSION_TEXT_FIELDS)}
            rows += document.plan_insert("session", day_id=day_id, slot=first_slot + slots[session["slot"]],
                                         **fields).rows
    if created_date and workshop["start_date"] and (not workshop["end_date"] or created_date > workshop["end_date"]):
        rows += document.plan_update("workshop", workshop["id"], end_date=created_date).rows
    return Change(undo_text, tuple(rows))


# ---------------------------------------------------------------------------------- saving

def save_user_template(document: WorkshopDocument, name: str, user_folder: Path | str, *,
                       overwrite: bool = False, description: str = "") -> Path:
    """Write the current agenda (days, sessions, times; no people, no recorded times) as a
    user template, atomically. Refuses an empty name, the name of a built-in template, and the
    name of an existing user template unless overwrite."""
    name = clean_text(name)
    if not name:
        raise InvalidValueError(_("give the template a name"))
    if "\n" in name:
        raise InvalidValueError(_("a template name is one line"))
    folder = Path(user_folder)
    key = _name_key(name)
    builtins, _problems = _builtin_templates()
    if any(_name_key(t.info.name) == key for t in builtins):
        raise InvalidValueError(_("'{name}' is the name of a built-in template; choose another name").format(
            name=name))
    existing = None
    if folder.is_dir():
        users, _problems = _scan(folder, builtin=False)
        existing = next((t for t in users if _name_key(t.info.name) == key), None)
    if existing is not None and not overwrite:
        raise InvalidValueError(_("a template named '{name}' already exists; choose another name or replace "
                                  "it").format(name=existing.info.name))
    content = _agenda_content(document, name, description)
    if not any(day["sessions"] for day in content["days"]):
        raise InvalidValueError(_("the agenda has no sessions to save as a template"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise WorkshopFileError(folder, _("cannot be created ({reason})").format(
            reason=error.strerror or error)) from None
    target = existing.info.path if existing is not None else _free_file_name(folder, name)
    _write_atomically(target, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
    return target


# ---------------------------------------------------------------------------------- internals

def _workshop_language(document: WorkshopDocument) -> str:
    """The language a template's sessions are written in for this workshop: its first working
    language the program speaks (the agenda is printed for its participants)."""
    return first_spoken(document.working_languages())


def _localized(path: Path, language: str | None) -> Path:
    """A built-in template in another language sits in the folder of that language, under the
    same file name (templates/fr/national-road-map-3-days.json); English is the folder's own."""
    language = language or current().language
    translated = path.parent / language / path.name
    return translated if language != ENGLISH and translated.is_file() else path


def _builtin_templates() -> tuple[list[_Template], list[str]]:
    try:
        folder = builtin_folder()
    except FileNotFoundError:
        return [], [_("The built-in agenda templates are missing from this installation; reinstall the program")]
    return _scan(folder, builtin=True)


def _scan(folder: Path, *, builtin: bool) -> tuple[list[_Template], list[str]]:
    found, problems = [], []
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json" and not p.name.startswith("."))
    except OSError as error:
        return [], [str(WorkshopFileError(folder, _("cannot be read ({reason})").format(
            reason=error.strerror or error)))]
    for path in paths:
        try:
            info, content = load_template(_localized(path, None) if builtin else path, builtin=builtin)
        except WorkshopError as error:
            problems.append(str(error))
            continue
        found.append(_Template(info, content))
    return found, problems


def _find(template_id: str, user_folder: Path | str | None, *, language: str | None = None) -> _Template:
    if template_id.startswith(BUILTIN_PREFIX):
        try:
            folder, builtin = builtin_folder(), True
        except FileNotFoundError:
            raise WorkshopError(_("the built-in agenda templates are missing from this installation")) from None
    elif template_id.startswith(USER_PREFIX) and user_folder is not None:
        folder, builtin = Path(user_folder), False
    else:
        raise WorkshopError(_("there is no agenda template '{name}'").format(name=template_id))
    file_name = template_id.split(":", 1)[1]
    path = folder / file_name
    if Path(file_name).name != file_name or not path.is_file():
        raise WorkshopError(_("there is no agenda template '{name}' (was it deleted?)").format(name=file_name))
    info, content = load_template(_localized(path, language) if builtin else path, builtin=builtin)
    return _Template(info, content)


def _checked(content) -> dict:
    """The template with defaults filled in, or InvalidValueError saying what is wrong where."""
    if not isinstance(content, dict):
        raise InvalidValueError(_("it should hold one object with a name and days"))
    if content.get("format", FORMAT) != FORMAT:
        raise InvalidValueError(_("its format is '{format}', not an agenda template").format(
            format=content.get("format")))
    version = content.get("format_version", FORMAT_VERSION)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise InvalidValueError(_("it was written by a newer version of Pathfinder Workshop"))
    # Translators: the {what} of "{what} should be text" (a part of an agenda template file)
    name = _text(content.get("name"), _("the name"))
    if not name:
        raise InvalidValueError(_("it has no name"))
    days = content.get("days")
    if not isinstance(days, list) or not days:
        raise InvalidValueError(_("it has no days"))
    checked_days = []
    for day_number, day in enumerate(days, start=1):
        # Translators: a place in an agenda template file, the {where} of the messages about it
        where = _("day {day}").format(day=day_number)
        if not isinstance(day, dict) or not isinstance(day.get("sessions", []), list):
            raise InvalidValueError(_("{where} should be an object with a list of sessions").format(where=where))
        checked_days.append({
            "title": _text(day.get("title"), _("the title of {where}").format(where=where)),
            "start_time": _time(day.get("start_time", "09:00"), _("the start time of {where}").format(where=where)),
            "planned_end": _time(day.get("planned_end", "17:00"), _("the planned end of {where}").format(where=where)),
            # Translators: a place in an agenda template file, the {where} of the messages about it
            "sessions": [_checked_session(session, _("day {day}, session {session}").format(day=day_number,
                                                                                            session=number), number - 1)
                         for number, session in enumerate(day.get("sessions", []), start=1)],
        })
    return {"name": name, "description": _text(content.get("description"), _("the description")),
            "source": _text(content.get("source"), _("the source")), "days": checked_days}


# Translators: the {what} of "{what} should be text"; {where} is a place like "day 2, session 3"
_SESSION_TEXT_WHATS = {
    "track": N_("the track of {where}"),
    "room": N_("the room of {where}"),
    "objectives": N_("the objectives of {where}"),
    "expected_output": N_("the expected output of {where}"),
    "materials": N_("the materials of {where}"),
    "facilitator_notes": N_("the facilitator notes of {where}"),
}


def _checked_session(session, where: str, default_slot: int) -> dict:
    if not isinstance(session, dict):
        raise InvalidValueError(_("{where} should be an object").format(where=where))
    title = _text(session.get("title"), _("the title of {where}").format(where=where))
    if not title:
        raise InvalidValueError(_("{where} has no title").format(where=where))
    kind = session.get("type", "plenary")
    if kind not in v.SESSION_TYPES:
        raise InvalidValueError(_("{where} has an unknown type '{type}' (use one of: {choices})").format(
            where=where, type=kind, choices=", ".join(v.SESSION_TYPES)))
    duration = session.get("duration")
    if isinstance(duration, bool) or not isinstance(duration, int) or duration <= 0:
        raise InvalidValueError(_("{where} needs a duration in whole minutes above 0").format(where=where))
    slot = session.get("slot", default_slot)
    if isinstance(slot, bool) or not isinstance(slot, int) or slot < 0:
        raise InvalidValueError(_("{where} has a slot that is not a whole number from 0").format(where=where))
    fixed = session.get("fixed_start")
    checked = {"title": title, "type": kind, "duration": duration, "slot": slot,
               "fixed_start": _time(fixed, _("the fixed start of {where}").format(where=where)) if fixed else None}
    for key in SESSION_TEXT_FIELDS:
        checked[key] = _text(session.get(key), _(_SESSION_TEXT_WHATS[key]).format(where=where))
    return checked


def _text(value, what: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        # Translators: {what} is a part of an agenda template file ("the title of day 2, session 3")
        raise InvalidValueError(_("{what} should be text").format(what=what))
    return clean_text(value)


def _time(value, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidValueError(_("{what} should be a time like 09:00").format(what=what))
    try:
        return clock_time(value)
    except InvalidValueError:
        raise InvalidValueError(_("{what} ('{value}') is not a time like 09:00").format(what=what,
                                                                                      value=value)) from None


def _agenda_content(document: WorkshopDocument, name: str, description: str) -> dict:
    days = []
    for day in document.rows("day", order_by="position"):
        sessions = []
        for session in document.rows("session", "day_id = ?", [day["id"]], order_by="slot, track, rowid"):
            entry = {"slot": session["slot"], "title": session["title"], "type": session["type"],
                     "duration": session["duration"], "fixed_start": session["fixed_start"]}
            entry.update({key: session[key] for key in SESSION_TEXT_FIELDS})
            sessions.append(entry)
        days.append({"title": day["title"], "start_time": day["start_time"], "planned_end": day["planned_end"],
                     "sessions": sessions})
    # Trailing days without sessions say nothing a template needs.
    while days and not days[-1]["sessions"]:
        days.pop()
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "name": name,
            "description": clean_text(description), "source": "", "days": days}


def _next_date(previous: str | None, start_date: str | None, index: int) -> str | None:
    try:
        if previous:
            return (dt.date.fromisoformat(previous) + dt.timedelta(days=1)).isoformat()
        if start_date:
            return (dt.date.fromisoformat(start_date) + dt.timedelta(days=index)).isoformat()
    except OverflowError:
        raise InvalidValueError(_("the days would run past the end of the calendar")) from None
    return None


def _name_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().strip()


def _free_file_name(folder: Path, name: str) -> Path:
    """A file name from the template name, safe on every system, not yet taken."""
    stem = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip(" .")[:80].rstrip(" .") or "template"
    if stem.split(".")[0].casefold() in _RESERVED:
        stem = f"{stem}_"
    candidate, number = folder / f"{stem}.json", 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.json"
        number += 1
    return candidate


def _write_atomically(target: Path, text: str) -> None:
    """Write beside the target, then move into place: a crash leaves the old file or the new."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=".new-", suffix=".json", dir=target.parent)
    except OSError as error:
        raise WorkshopFileError(target, _("cannot be written ({reason})").format(
            reason=error.strerror or error)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)  # mkstemp makes the file private; a template is an ordinary file
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WorkshopFileError(target, _("cannot be written ({reason})").format(
            reason=error.strerror or error)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
