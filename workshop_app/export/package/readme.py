"""README.txt of a share package: what each file is, which program wrote it and when, in the
language the package was written in.

Plain text that any computer opens: UTF-8 with a byte-order mark and Windows line ends (Notepad
on older Windows reads accents and Arabic as mojibake without the mark, and one long line
without the line ends), paragraphs wrapped for an 80-column window.
"""

import datetime as dt
import re
import textwrap

from workshop_app import __version__
from workshop_app.export.package import contents
from workshop_app.export.words import Words
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.roadmap.versions import list_versions

WIDTH = 76
INDENT = "    "
ENCODING = "utf-8-sig"
LINE_END = "\r\n"


def _descriptions(_: Words, with_contacts: bool) -> dict[str, str]:
    participants = (_("The participant list, with each person's e-mail address and phone number, and the counts "
                      "by sex (Excel).") if with_contacts else
                    _("The participant list, without e-mail addresses and phone numbers, and the counts by sex "
                      "(Excel)."))
    return {
        contents.WORKSHOP: _("The workshop file itself: organizations, participants, the agenda, the road map and "
                             "its frozen versions. Open it with Pathfinder Workshop; opening this zip file there "
                             "(File › Open) checks it and opens the workshop read-only."),
        contents.ROADMAP_PDF: _("The road map as the national action plan: a report ready to print."),
        contents.ROADMAP_WORKBOOK: _("The road map as an Excel workbook, one line per item. A ministry can edit it "
                                     "and send it back: Pathfinder Workshop reads it back and shows what changed "
                                     "(File › Import Road-map Workbook)."),
        contents.AGENDA_PDF: _("The agenda of the workshop, day by day (PDF)."),
        contents.PARTICIPANTS: participants,
        contents.README: _("This file."),
    }


def readme_text(document: WorkshopDocument, _: Words, *, version: str | None, with_contacts: bool,
                written_at: dt.datetime) -> str:
    """The README of a package of `document` whose road map is `version` (None: the draft),
    written at `written_at` (UTC)."""
    workshop = document.workshop()
    lines = [workshop["title"] or _("Workshop"), ""]
    about = [part for part in (_.country(workshop["country"]), workshop["venue"],
                               _.date_range(workshop["start_date"], workshop["end_date"])) if part]
    if about:
        lines += [*about, ""]
    lines += [_("Share package"), ""]
    lines += _paragraph(_("Written by Pathfinder Workshop {version} on {date} at {time} (UTC).",
                          version=__version__, date=_.long_date(written_at.date().isoformat()),
                          time=written_at.strftime("%H:%M")))
    lines += _paragraph(_road_map_line(document, _, version))
    lines += _paragraph(_("The files:"))
    for name, description in _descriptions(_, with_contacts).items():
        lines.append(name)
        lines += _paragraph(description, INDENT)
    if with_contacts:
        lines += _paragraph(_("This package holds people's e-mail addresses and phone numbers: share it only with "
                              "those who need them."))
    else:
        lines += _paragraph(_("People's e-mail addresses and phone numbers were left out of every file, the "
                              "workshop file included."))
    lines += _paragraph(_("Pathfinder Workshop keeps a national planning workshop of the Alliance 8.7 (participants, "
                          "agenda, road map) in one file and works without the internet."))
    return LINE_END.join(lines).rstrip() + LINE_END


def _road_map_line(document: WorkshopDocument, _: Words, version: str | None) -> str:
    if version is None:
        return _("The road map in the PDF and the workbook is the current draft.")
    found = next((row for row in list_versions(document) if version in (row["name"], row["id"])), None)
    if found is None:
        return _("The road map in the PDF and the workbook is version “{name}”.", name=version)
    frozen = _.long_date(found["created_at"][:10], weekday=False)
    if found["validated"]:
        return _("The road map in the PDF and the workbook is version “{name}”, frozen on {date} and validated.",
                 name=found["name"], date=frozen)
    return _("The road map in the PDF and the workbook is version “{name}”, frozen on {date}.",
             name=found["name"], date=frozen)


# French sets a space before ":", ";", "?", "!" and inside « »: a line never breaks there.
_NO_BREAK = re.compile(r" (?=[:;?!»])|(?<=«) ")


def _paragraph(text: str, indent: str = "") -> list[str]:
    """The paragraph wrapped, then a blank line."""
    text = _NO_BREAK.sub("\u00a0", text)
    return [*textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                           break_long_words=False, break_on_hyphens=False), ""]
