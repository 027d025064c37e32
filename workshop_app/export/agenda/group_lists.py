"""Breakout-group lists: for each time slot with parallel sessions, who is in which group.

One group per page, so that each sheet can be pinned on its room's door or handed to its
facilitator and still say everything on its own: the slot (day, date, times) in a band at the
top, the group's track and title, room, facilitator and resource people, then the members
numbered, with their organization. A group too long for one page continues on the next under
a "(continued)" band naming the group and the slot, and the repeated column headings.

A slot prints when it has two or more sessions in parallel, or a single session with members
(a group that met alone). `day` (number, ISO date or id) narrows to one day; `slot` (1 = the
day's first time slot, as the agenda lists them) to one slot of that day, whatever it holds.

Times come from models.agenda, like the Agenda page's; members from models.agenda.groups. Every
word of ours, the dates and the page numbers are in the export's language.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

from workshop_app.export.agenda.pdf import in_parallel
from workshop_app.export.agenda.pdf_parts import ACCENT, CONTINUED_FILL, LIGHT_RULE, band_style, table_style
from workshop_app.export.errors import ExportError, no_such_day
from workshop_app.export.files import written_atomically
from workshop_app.export.pdf import sides, text
from workshop_app.export.pdf.fonts import BOLD_FONT
from workshop_app.export.pdf.lines import Piece, line, shortened
from workshop_app.export.pdf.page import PAPER_SIZES, SectionMark, WorkshopDocTemplate, workshop_details
from workshop_app.export.pdf.styles import INK, MUTED, stylesheet
from workshop_app.export.pdf.tables import PagedTable, TableRow, column_widths, content_width
from workshop_app.export.words import Words, export_language
from workshop_app.i18n.catalogs import N_, gettext, listed, ngettext
from workshop_app.models.agenda.groups import GroupList, GroupMember, group_lists
from workshop_app.models.agenda.schedule import DaySchedule, ScheduledSession, agenda, clock
from workshop_app.models.document import WorkshopDocument

KIND = N_("Breakout groups")
NO_MEMBERS = N_("No members assigned yet")
NO_GROUPS = N_("No breakout groups yet: no time slot of the agenda has sessions in parallel.")
NO_GROUPS_ON_DAY = N_("Day {number} has no breakout groups: none of its time slots has sessions in parallel.")
# Translators: in place of a group's room or facilitator nobody has set yet.
NOT_ASSIGNED = N_("not assigned")
TIME_SEPARATOR = "–"
TITLE_LIMIT = 250  # characters of a group's title
NAME_LIMIT = 160  # of a name or an organization in a cell
NAMES_LIMIT = 400  # of a list of resource people

_PAD = 6
_LABEL_WIDTH = 82  # "Rapporteurs"
# (header, share of the width, narrowest width in points)
_COLUMNS = (
    # Translators: column header of a group's member list: the member's number in the list.
    (N_("No."), 0.07, 30),
    (N_("Name"), 0.52, 0),
    (N_("Organization"), 0.41, 0),
)
# (one, several) resource people of a role, as a group's page labels them.
_ROLE_LABELS = {"speaker": (N_("Speaker"), N_("Speakers")), "rapporteur": (N_("Rapporteur"), N_("Rapporteurs"))}


@dataclass
class _Slot:
    number: int  # 1-based within its day
    day_number: int
    day: dict
    sessions: list[ScheduledSession]  # in the order group_lists gives the groups

    @property
    def start(self) -> int:
        return min(item.start for item in self.sessions)

    @property
    def end(self) -> int:
        return max(item.end for item in self.sessions)

    @property
    def times(self) -> str:
        return f"{clock(self.start)}{TIME_SEPARATOR}{clock(self.end)}"

    def day_label(self, _: Words) -> str:
        when = _.long_date(self.day["date"])
        return (_("Day {number} · {date}", number=self.day_number, date=when) if when
                else _("Day {number}", number=self.day_number))


def write_group_lists_pdf(document: WorkshopDocument, path: Path | str, *, day: int | str | None = None,
                          slot: int | str | None = None, paper: str = "A4", lang: str | None = None) -> None:
    """Write the breakout-group lists to `path` (replaced only when complete).

    `day` is a day number (1 = first day), an ISO date or a day id; `slot` a time slot of that
    day counted from 1 (it needs `day` unless the workshop has a single day). `paper` is "A4"
    or "Letter"; `lang` the language (the workshop's first working language by default).
    Raises ExportError for an unknown day, slot or paper, or a target that cannot
    be written; nothing is left behind then.
    """
    path = Path(path)
    if paper not in PAPER_SIZES:
        raise ExportError(path, gettext("the paper must be A4 or Letter, not '{paper}'").format(paper=paper))
    schedules = agenda(document)
    days = _chosen_days(document, schedules, day, slot)
    slots = _chosen_slots(document, days, slot)
    groups = {(found.day["id"], found.number): group_lists(document, found.day["id"], found.sessions[0].session["slot"])
              for found in slots}
    workshop = document.workshop()
    _ = Words(export_language(document, lang))
    with written_atomically(path) as temporary, sides.reading(_):
        template = WorkshopDocTemplate(str(temporary), workshop_title=workshop["title"], kind=_(KIND), words=_,
                                       paper=paper, footer_details=workshop_details(workshop, _))
        story: list = []
        for found in slots:
            lists = groups[(found.day["id"], found.number)]
            timed = {item.session["id"]: item for item in found.sessions}
            for position, group in enumerate(lists, start=1):
                if story:
                    story.append(PageBreak())
                story += _group_page(found, group, timed[group.session_id], position, len(lists), template.width, _)
        if not story:
            story = _nothing_to_print(workshop, days if day is not None else None, _)
        template.build(story)


# ---------------------------------------------------------------------- choosing what to print

def _chosen_days(document: WorkshopDocument, schedules: list[DaySchedule], wanted: int | str | None,
                 slot: int | str | None) -> list[tuple[int, DaySchedule]]:
    numbered = list(enumerate(schedules, start=1))
    if wanted is None:
        if slot is not None and len(numbered) != 1:
            raise ExportError(document.path, gettext("a slot is counted within a day: give the day of slot {slot} too")
                              .format(slot=slot))
        return numbered
    for number, schedule in numbered:
        if wanted in (schedule.day["id"], schedule.day["date"]) or str(wanted).strip() == str(number):
            return [(number, schedule)]
    raise ExportError(document.path, no_such_day(wanted, len(numbered)))


def _chosen_slots(document: WorkshopDocument, days: list[tuple[int, DaySchedule]],
                  wanted: int | str | None) -> list[_Slot]:
    with_members = {row[0] for row in document.query(
        "SELECT DISTINCT session_id FROM session_person WHERE role = 'member'")}
    chosen = []
    for day_number, schedule in days:
        by_slot: dict[int, list[ScheduledSession]] = {}
        for item in schedule.sessions:
            by_slot.setdefault(item.session["slot"], []).append(item)
        day_slots = [_Slot(number, day_number, schedule.day, by_slot[stored])
                     for number, stored in enumerate(sorted(by_slot), start=1)]
        if wanted is not None:
            return [_slot_numbered(document, day_number, day_slots, wanted)]
        chosen += [found for found in day_slots
                   if len(found.sessions) > 1 or any(item.session["id"] in with_members for item in found.sessions)]
    return chosen


def _slot_numbered(document: WorkshopDocument, day_number: int, day_slots: list[_Slot], wanted: int | str) -> _Slot:
    number = str(wanted).strip()
    if number.isdigit() and 1 <= int(number) <= len(day_slots):
        return day_slots[int(number) - 1]
    breakouts = [str(found.number) for found in day_slots if len(found.sessions) > 1]
    if not day_slots:
        message = gettext("day {day} has no slot {wanted}; it has no sessions yet")
    elif breakouts:
        message = ngettext("day {day} has no slot {wanted}; it has slots 1 to {count}; groups run in parallel in "
                           "slot {slots}", "day {day} has no slot {wanted}; it has slots 1 to {count}; groups run in "
                           "parallel in slots {slots}", len(breakouts))
    else:
        message = gettext("day {day} has no slot {wanted}; it has slots 1 to {count}")
    raise ExportError(document.path, message.format(day=day_number, wanted=wanted, count=len(day_slots),
                                                    slots=listed(breakouts)))


# ---------------------------------------------------------------------- one group's page

def _group_page(found: _Slot, group: GroupList, timed: ScheduledSession, position: int, count: int,
                width: float, _: Words) -> list:
    styles = _styles()
    track = text.clean(group.track).strip()
    name = track or (_("Group {number}", number=position) if count > 1
                     else text.clean(group.title).strip() or _(KIND))
    day_label = found.day_label(_)
    if count > 1:
        # Translators: which of the groups meeting at the same time this page lists ("group 2 of 4").
        eyebrow = [_(KIND), in_parallel(count, _), _("group {position} of {count}", position=position, count=count)]
    else:
        eyebrow = [_(KIND)]
    story = [SectionMark(f"{day_label} · {found.times} · {shortened(name, 60)}"),
             _slot_band(found, width, _),
             line(styles["eyebrow"], *eyebrow, separator=" · "),
             Spacer(0, 10)]
    if track:
        story.append(line(styles["track"], shortened(track, 80)))
    story.append(line(styles["title"], shortened(group.title, TITLE_LIMIT)))
    story += [Spacer(0, 6), _details(found, group, timed, width, _), Spacer(0, 14)]
    members = len(group.members)
    story.append(CondPageBreak(90))  # the heading stays with the first members
    story.append(line(styles["heading"], _("Members"), Piece(f" ({members})" if members else "", muted=True)))
    if not group.members:
        story.append(line(styles["empty"], _(NO_MEMBERS)))
    else:
        continued_name = shortened(name + (f" · {group.title}" if track else ""), 90)
        story.append(_members_table(group.members, width, lambda: _continued_band(found, continued_name, width, _),
                                    _))
    return story


def _slot_band(found: _Slot, width: float, _: Words) -> Table:
    styles = _styles()
    left = width * 0.7
    return sides.table([[line(styles["band"], found.day_label(_)), line(styles["band_right"], found.times)]],
                       colWidths=[left, width - left], style=band_style(ACCENT, 6, 7))


def _details(found: _Slot, group: GroupList, timed: ScheduledSession, width: float, _: Words) -> Table:
    styles = _styles()
    not_assigned = line(styles["detail_none"], _(NOT_ASSIGNED))
    # Translators: the room a breakout group meets in.
    rows = [(_("Room"), line(styles["detail"], shortened(group.room, TITLE_LIMIT)) if group.room.strip()
             else not_assigned)]
    own = f"{clock(timed.start)}{TIME_SEPARATOR}{clock(timed.end)}"
    if own != found.times:
        # Translators: when a breakout group meets, when it differs from its time slot.
        rows.append((_("Time"), line(styles["detail"], own)))
    rows.append((_("Facilitator"), line(styles["detail"], shortened(group.facilitator, NAME_LIMIT))
                 if group.facilitator.strip() else not_assigned))
    for role, (singular, plural) in _ROLE_LABELS.items():
        people = [person for person in group.resource_people if person.role == role]
        if people:
            names = shortened(_.listed(_label(person) for person in people), NAMES_LIMIT)
            rows.append((_(singular) if len(people) == 1 else _(plural), line(styles["detail"], names)))
    others = [person for person in group.resource_people if person.role not in _ROLE_LABELS]
    if others:
        # Translators: the label of the group's other resource people (neither speakers nor rapporteurs).
        rows.append((_("Also"), line(styles["detail"], shortened(_.listed(map(_label, others)), NAMES_LIMIT))))
    cells = [[line(styles["label"], label), value] for label, value in rows]
    return sides.table(cells, colWidths=[_LABEL_WIDTH, width - _LABEL_WIDTH], style=table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        # The smaller labels share the first baseline of the values beside them.
        ("TOPPADDING", (0, 0), (0, -1), 2.5 + styles["detail"].fontSize - styles["label"].fontSize),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, LIGHT_RULE),
    ]))


def _members_table(members: list[GroupMember], width: float, continued: Callable[[], Table],
                   _: Words) -> "_MembersTable":
    styles = _styles()
    cell_style = styles["cell"]
    widths = column_widths(width, [share for _title, share, _least in _COLUMNS],
                           [least for _title, _share, least in _COLUMNS])
    header = [text.paragraph(_(title), styles["header_cell"]) for title, _share, _least in _COLUMNS]
    rows = [TableRow([str(number),
                      text.cell(shortened(member.name, NAME_LIMIT), cell_style, content_width(widths[1])),
                      text.cell(shortened(member.organization, NAME_LIMIT), cell_style, content_width(widths[2]))])
            for number, member in enumerate(members, start=1)]
    return _MembersTable(header, rows, widths, cell_style, styles["header_cell"], continued=continued)


class _MembersTable(PagedTable):
    """The members, continued on the next page under a band naming the slot and the group, so
    that a second sheet pinned under the first still says whose list it is."""

    def __init__(self, *args, continued: Callable[[], Table], **kwargs):
        super().__init__(*args, **kwargs)
        self.continued = continued

    def split(self, available_width, available_height):
        parts = super().split(available_width, available_height)
        if len(parts) < 2:
            return parts
        rest = parts[1]
        return [parts[0], PageBreak(), self.continued(),
                _MembersTable(rest.header, rest.rows, rest.widths, rest.cell_style, rest.header_style,
                              rest._row_heights(), continued=self.continued)]


def _continued_band(found: _Slot, name: str, width: float, _: Words) -> Table:
    styles = _styles()
    return sides.table([[line(styles["continued"], _("{name} (continued)", name=name)),
                         line(styles["continued_right"], f"{found.day_label(_)} · {found.times}")]],
                       colWidths=[width * 0.45, width * 0.55], style=band_style(CONTINUED_FILL, 4, 5))


def _nothing_to_print(workshop: dict, days: list[tuple[int, DaySchedule]] | None, _: Words) -> list:
    styles = _styles()
    message = _(NO_GROUPS) if days is None else _(NO_GROUPS_ON_DAY, number=days[0][0])
    return [SectionMark(_(KIND)), line(styles["track"], _(KIND)),
            line(styles["title"], shortened(workshop["title"], TITLE_LIMIT)),
            Spacer(0, 8), line(styles["empty"], message)]


# ---------------------------------------------------------------------- look

def _label(person: GroupMember) -> str:
    return f"{person.name} ({person.organization})" if person.organization else person.name


@sides.by_direction
def _styles() -> dict[str, ParagraphStyle]:
    shared = stylesheet()
    body = shared["body"]

    def style(name: str, **values) -> ParagraphStyle:
        return ParagraphStyle(f"groups-{name}", parent=body, **values)

    return {
        "band": style("band", fontName=BOLD_FONT, fontSize=12, leading=15, textColor=colors.white),
        "band_right": style("band_right", fontName=BOLD_FONT, fontSize=12, leading=15, textColor=colors.white,
                            alignment=TA_RIGHT),
        "eyebrow": style("eyebrow", fontSize=8, leading=10, textColor=MUTED, spaceBefore=4),
        "track": style("track", fontName=BOLD_FONT, fontSize=12, leading=15, textColor=ACCENT, spaceAfter=2),
        "title": style("title", fontName=BOLD_FONT, fontSize=20, leading=25, textColor=INK),
        "label": style("label", fontName=BOLD_FONT, fontSize=8.5, leading=14, textColor=MUTED),
        "detail": style("detail", fontSize=11, leading=14),
        "detail_none": style("detail_none", fontSize=11, leading=14, textColor=MUTED),
        "heading": style("heading", fontName=BOLD_FONT, fontSize=13, leading=16, spaceAfter=5),
        "empty": style("empty", fontSize=11, leading=14, textColor=MUTED),
        "cell": style("cell", fontSize=10, leading=12.5),
        "continued": style("continued", fontName=BOLD_FONT, fontSize=9.5, leading=12),
        "continued_right": style("continued_right", fontSize=9, leading=12, alignment=TA_RIGHT),
        "header_cell": ParagraphStyle("groups-header_cell", parent=shared["header_cell"], fontSize=9, leading=11),
    }
