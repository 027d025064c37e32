"""The agenda as a two-level tree for Qt: days, and under each day its sessions in time order.
Times are computed by models/agenda/schedule.py each time the agenda is read, never typed or stored twice."""

from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from workshop_app.i18n.catalogs import N_, _
from workshop_app.i18n.formats import short_date
from workshop_app.models import vocabulary as v
from workshop_app.models.agenda.schedule import DaySchedule, agenda, clock, plan_move_session
from workshop_app.models.stakeholders.listing import participant_names
from workshop_app.ui.item_models import ID_ROLE, ROOT
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.item_models.tree import DocumentTree
from workshop_app.ui.language import isolated
from workshop_app.ui.palette import colour
from workshop_app.ui.session import DocumentSession

SESSION_MIME = "application/x-pathfinder-session"
COL_TIME, COL_TITLE, COL_TYPE, COL_TRACK, COL_ROOM, COL_MINUTES, COL_FACILITATOR = range(7)
# Header titles, marked with N_ and translated where shown.
# Translators: the columns of the agenda: a session's time, title, type, track (parallel group), room,
# length in minutes and facilitator
COLUMNS = (N_("Time"), N_("Session"), N_("Type"), N_("Track"), N_("Room"), N_("Minutes"), N_("Facilitator"))
EDITABLE = {COL_TITLE: "title", COL_TYPE: "type", COL_TRACK: "track", COL_ROOM: "room", COL_MINUTES: "duration",
            COL_FACILITATOR: "facilitator_id"}
_DAY = 0  # internal id of day rows; a session row's internal id is its day's row + 1
_MUTED_TYPES = {"break", "meal"}
_ROLES = {Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.ForegroundRole, Qt.TextAlignmentRole, Qt.FontRole, ID_ROLE,
          Qt.DecorationRole}
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class AgendaModel(DocumentTree):
    MIME = SESSION_MIME
    TABLE = "session"
    COLUMNS = COLUMNS
    EDITABLE = EDITABLE

    def __init__(self, parent=None):
        super().__init__(parent)
        self.days: list[DaySchedule] = []
        self._people: dict[str, str] = {}
        self.conflicting: set[str] = set()  # sessions in a real conflict (an overrun, a double booking): red
        self.unled: set[str] = set()  # sessions still without a facilitator: a mark in that column only
        self._texts: dict[str, tuple[str, ...]] = {}
        self._bold_font = _bold()
        # Flags are asked for every cell on every paint: work them out once.
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        self._day_flags = {False: base, True: base | Qt.ItemIsDropEnabled}
        moving = base | Qt.ItemIsDragEnabled | Qt.ItemIsDropEnabled
        self._session_flags = {False: [base] * len(COLUMNS),
                               True: [moving | Qt.ItemIsEditable if column in EDITABLE else moving
                                      for column in range(len(COLUMNS))]}
        self._unled: QIcon | None = None

    # ------------------------------------------------------------------ loading

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        self._people = {}
        self.reload()

    def reload(self) -> bool:
        """Read the agenda again. When every day keeps the same sessions (a session moved within
        its day, a duration or a title changed) the rows are rearranged in place, which keeps
        the tree's expansion and selection; otherwise the model is reset. Returns True on reset."""
        if self.session is None:
            days, people = [], {}
        else:
            document = self.session.document
            # Names are read again only when people changed (2,000 names cost more than the agenda).
            days, people = agenda(document), self._people or dict(participant_names(document))
        same_rows = [sorted(i.session["id"] for i in d.sessions) for d in days] == \
                    [sorted(i.session["id"] for i in d.sessions) for d in self.days]
        if same_rows and self.days:
            self.layoutAboutToBeChanged.emit()
            before = self.persistentIndexList()
            keys = [self._key(index) for index in before]
            self._set_rows(days, people)
            self.changePersistentIndexList(before, [self._index_for(key, index.column())
                                                    for key, index in zip(keys, before)])
            self.layoutChanged.emit()
            return False
        self.beginResetModel()
        self._set_rows(days, people)
        self.endResetModel()
        return True

    def _set_rows(self, days, people) -> None:
        self.days, self._people = days, people
        self._texts = {item.session["id"]: tuple(self._session_text(item, column) for column in range(len(COLUMNS)))
                       for schedule in self.days for item in schedule.sessions}

    def _key(self, index: QModelIndex):
        item = self.scheduled(index)
        return ("session", item.session["id"]) if item else ("day", index.row())

    def _index_for(self, key, column: int) -> QModelIndex:
        kind, value = key
        return self.createIndex(value, column, _DAY) if kind == "day" else self.session_index(value, column)

    def people_changed(self) -> None:
        self._people = {}

    def session_index(self, session_id: str, column: int = 0) -> QModelIndex:
        for day_row, schedule in enumerate(self.days):
            for row, item in enumerate(schedule.sessions):
                if item.session["id"] == session_id:
                    return self.createIndex(row, column, day_row + 1)
        return QModelIndex()

    def day_row_of(self, index: QModelIndex) -> int:
        return index.row() if index.internalId() == _DAY else index.internalId() - 1

    def draggable(self, index: QModelIndex) -> bool:
        return self.scheduled(index) is not None  # sessions move; days stay

    def scheduled(self, index: QModelIndex):
        """The ScheduledSession of a session row, or None for a day row."""
        if not index.isValid() or index.internalId() == _DAY:
            return None
        return self.days[index.internalId() - 1].sessions[index.row()]

    def row_at(self, index: QModelIndex) -> dict | None:
        item = self.scheduled(index)
        return item.session if item else None

    # ------------------------------------------------------------------ Qt tree

    def index(self, row: int, column: int, parent=ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _DAY)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex) -> QModelIndex:
        if not index.isValid() or index.internalId() == _DAY:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _DAY)

    def rowCount(self, parent=ROOT) -> int:
        if not parent.isValid():
            return len(self.days)
        if parent.internalId() == _DAY and parent.column() == 0:
            return len(self.days[parent.row()].sessions)
        return 0

    @never_raises
    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        # Painting asks for many roles per cell; answer from rows prepared at reload, and
        # return at once for roles this model does not use.
        if role not in _ROLES:
            return None
        internal = index.internalId()
        if internal == _DAY:
            return self._day_data(index, role) if index.isValid() else None
        item = self.days[internal - 1].sessions[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return self._texts[item.session["id"]][column]
        if role == ID_ROLE:
            return item.session["id"]
        if role == Qt.EditRole:
            return item.session[EDITABLE[column]] if column in EDITABLE else None
        if role == Qt.ForegroundRole:
            if item.session["id"] in self.conflicting:
                return QBrush(colour("error"))
            return QBrush(colour("muted")) if item.session["type"] in _MUTED_TYPES else None
        if role in (Qt.DecorationRole, Qt.ToolTipRole):
            return self._session_hint(item, column, role)
        if role == Qt.TextAlignmentRole:
            return _RIGHT if column == COL_MINUTES else None
        if role == Qt.FontRole:
            return self._bold_font if column == COL_TIME and item.session["fixed_start"] else None
        return None

    def _session_hint(self, item, column: int, role):
        """The mark of a session still without a facilitator, and the tooltips."""
        unled = column == COL_FACILITATOR and item.session["id"] in self.unled
        if role == Qt.DecorationRole:
            return self._unled_icon() if unled else None
        if unled:
            return _("No facilitator yet: double-click to choose one")
        times = f"{clock(item.start)}–{clock(item.end)}"
        if item.session["fixed_start"]:
            # Translators: a session's times, held in place ("12:30–13:30 (fixed time)")
            times = _("{times} (fixed time)").format(times=times)
        return f"{times}\n{item.session['title']}"

    def _unled_icon(self) -> QIcon:
        if self._unled is None:  # the style exists once the application does
            self._unled = QApplication.style().standardIcon(QStyle.SP_MessageBoxInformation)
        return self._unled

    def _session_text(self, item, column: int) -> str:
        session = item.session
        if column == COL_TIME:
            return f"{clock(item.start)}–{clock(item.end)}"
        if column == COL_TYPE:
            return _(v.SESSION_TYPES[session["type"]])
        if column == COL_MINUTES:
            return str(session["duration"])
        if column == COL_FACILITATOR:
            return self._people.get(session["facilitator_id"], "")
        return session[{COL_TITLE: "title", COL_TRACK: "track", COL_ROOM: "room"}[column]] or ""

    def _day_data(self, index: QModelIndex, role):
        schedule = self.days[index.row()]
        day = schedule.day
        if role == Qt.DisplayRole:
            if index.column() != COL_TIME:
                return None
            label = _("Day {day}").format(day=index.row() + 1)
            hours = (f"{day['start_time']}–{clock(schedule.end)}" if schedule.sessions
                     else _("no sessions yet"))
            # The day's title and hours set apart: in an Arabic window, "Setting the scene" and
            # "09:00–16:50" ran together into one left-to-right stretch, the hours read first.
            parts = [label, short_date(day["date"]), isolated(day["title"] or ""), isolated(hours)]
            return "   ·   ".join(part for part in parts if part)
        if role == Qt.FontRole:
            return self._bold_font
        if role == Qt.ForegroundRole and schedule.overruns:
            return QBrush(colour("error"))
        if role == Qt.ToolTipRole and schedule.overruns:
            return _("This day runs past its planned end ({time})").format(time=day["planned_end"])
        if role == ID_ROLE:
            return day["id"]
        return None

    def flags(self, index: QModelIndex):
        editable = self.session is not None and not self.session.document.readonly
        if not index.isValid() or index.internalId() == _DAY:
            return self._day_flags[editable]
        return self._session_flags[editable][index.column()]

    # ------------------------------------------------------------------ drag and drop

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        """Between two sessions: a slot of its own there. Onto a session: in parallel with it.
        Onto a day: at the end of that day."""
        moving = self.dragged_id(data, action, row, column, parent)
        if moving is None or not parent.isValid():
            return False
        target_item = self.scheduled(parent)
        if target_item is not None:  # dropped onto a session
            day_id = self.days[parent.internalId() - 1].day["id"]
            if target_item.session["id"] == moving:
                return False
            slot = self._slot_without(day_id, target_item.session["slot"], moving)
            parallel, text = True, _("Run in parallel")
        else:
            schedule = self.days[parent.row()]
            day_id = schedule.day["id"]
            if 0 <= row < len(schedule.sessions):
                slot = self._slot_without(day_id, schedule.sessions[row].session["slot"], moving)
            else:
                slot = len({item.session["slot"] for item in schedule.sessions if item.session["id"] != moving})
            parallel, text = False, _("Move session")
        self.session.perform(lambda document: plan_move_session(document, moving, day_id, slot, parallel=parallel,
                                                                undo_text=text), source=self)
        return False  # the document moved it; Qt must not remove the dragged rows itself

    def _slot_without(self, day_id: str, slot: int, moving: str) -> int:
        """A slot number counted as if the moving session were already out of its day."""
        moving_session = self.session.document.get("session", moving)
        if moving_session["day_id"] != day_id:
            return slot
        alone = all(item.session["slot"] != moving_session["slot"] or item.session["id"] == moving
                    for schedule in self.days if schedule.day["id"] == day_id for item in schedule.sessions)
        return slot - 1 if alone and moving_session["slot"] < slot else slot
