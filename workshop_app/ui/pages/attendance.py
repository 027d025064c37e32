"""Attendance: check people in at the door (type part of a name, Enter), add walk-ins, and
correct the record in a grid of participants by day."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.i18n.formats import short_date
from workshop_app.models.changes import Change
from workshop_app.models.stakeholders.attendance import (
    attendance_rows,
    days,
    default_day,
    find_participants,
    plan_attendance,
    plan_walk_in,
    present_ids,
)
from workshop_app.ui.item_models.guard import never_raises
from workshop_app.ui.item_models.row_table import RowFilterProxy, RowTableModel
from workshop_app.ui.item_models.stakeholders import members_of_renamed
from workshop_app.ui.language import isolated
from workshop_app.ui.palette import set_tone
from workshop_app.ui.session import DocumentSession
from workshop_app.ui.widgets.delegates import isolate_cells


class AttendanceTableModel(RowTableModel):
    TABLE = "participant"
    FIELDS = frozenset({"name", "organization_id"})
    JOINED = frozenset({"organization_id"})

    def __init__(self, parent=None):
        super().__init__(parent)
        self._days: list[dict] = []

    def reload(self) -> None:
        self._days = days(self.session.document) if self.session is not None else []
        # The row model translates these titles where it shows them; the days' titles are
        # numbered in headerData.
        # Translators: column titles of the attendance grid (a person's name, their organization).
        self.COLUMNS = (N_("Name"), N_("Organization"), *(f"Day {n}" for n in range(1, len(self._days) + 1)))
        self.CHECKABLE = {column: column for column in range(2, 2 + len(self._days))}
        super().reload()

    @never_raises
    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.ToolTipRole and section >= 2:
            return short_date(self._days[section - 2]["date"])
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and section >= 2:
            # Translators: a column of the attendance grid: the first, second… day of the workshop.
            return _("Day {number}").format(number=section - 1)
        return super().headerData(section, orientation, role)

    def fetch(self, ids=None):
        return attendance_rows(self.session.document, ids)

    def touched_ids(self, change: Change) -> set[str]:
        """Also the people whose attendance the change records or corrects, and those shown
        with an organization it renames."""
        people = set()
        for row in change.rows:
            if row.table != "attendance":
                continue
            if row.kind == "update":  # the change holds the edited fields only: read whose record it is
                record = self.session.document.get("attendance", row.row_id)
            else:
                record = row.after or row.before
            if record:
                people.add(record["participant_id"])
        return super().touched_ids(change) | people | members_of_renamed(change, self._rows)

    def display(self, row: dict, column: int) -> str:
        return row["name"] if column == 0 else row["organization"] if column == 1 else ""

    def sort_key(self, row: dict, column: int):
        if column >= 2:
            return self._days[column - 2]["id"] in row["present"]
        return super().sort_key(row, column)

    @never_raises
    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if index.isValid() and index.column() >= 2:  # a day: only its check box
            if role != Qt.CheckStateRole:
                return None
            present = self._days[index.column() - 2]["id"] in self._rows[index.row()]["present"]
            return Qt.Checked if present else Qt.Unchecked
        return super().data(index, role)

    def setData(self, index: QModelIndex, value, role=Qt.EditRole) -> bool:
        if not index.isValid() or index.column() < 2 or role != Qt.CheckStateRole:
            return False
        row, day = self._rows[index.row()], self._days[index.column() - 2]
        present = Qt.CheckState(value) == Qt.Checked
        edit = self.session.perform(lambda document: plan_attendance(document, row["id"], day["id"], present),
                                    source=self)
        return edit is not None


class AttendanceTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: DocumentSession | None = None
        self._filter_text = ""

        self.day_combo = QComboBox()
        self.day_combo.currentIndexChanged.connect(self._update_count)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(_("Type part of a name, then Enter to check in"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search)
        self.search_edit.returnPressed.connect(self.check_in_selected)
        self.matches = QListWidget()
        self.matches.setMaximumHeight(170)
        self.matches.itemActivated.connect(lambda item: self.check_in(item.data(Qt.UserRole)))
        self.walk_in_button = QPushButton(_("Add walk-in…"))
        self.walk_in_button.setToolTip(_("Add a person who is not on the list and check them in (Ctrl+Enter)"))
        self.walk_in_button.clicked.connect(self.add_walk_in)
        QShortcut(QKeySequence("Ctrl+Return"), self.search_edit, self.add_walk_in)
        # Up/Down in the name box move through the matches, so the hands stay on the keyboard.
        QShortcut(QKeySequence(Qt.Key_Down), self.search_edit, lambda: self._move_match(1))
        QShortcut(QKeySequence(Qt.Key_Up), self.search_edit, lambda: self._move_match(-1))
        self.confirmation = QLabel()
        self.confirmation.setObjectName("confirmation")
        set_tone(self.confirmation, "success")
        self.count_label = QLabel()
        self.count_label.setObjectName("presentCount")

        row = QHBoxLayout()
        # Translators: the label before the list of the workshop's days at check-in.
        row.addWidget(QLabel(_("Day")))
        row.addWidget(self.day_combo)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.walk_in_button)
        row.addWidget(self.count_label)

        self.model = AttendanceTableModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.grid = QTableView()
        self.grid.setModel(self.proxy)
        isolate_cells(self.grid)
        isolate_cells(self.matches)
        self.grid.setSortingEnabled(True)
        self.grid.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.grid.setAlternatingRowColors(True)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.matches)
        layout.addWidget(self.confirmation)
        layout.addWidget(QLabel(_("Attendance by day (tick to correct):")))
        layout.addWidget(self.grid, 1)
        self.setStyleSheet("#confirmation { font-weight: bold; } #presentCount { font-weight: bold; }")

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        self.day_combo.blockSignals(True)
        self.day_combo.clear()
        if session is not None:
            today = default_day(session.document)
            for number, day in enumerate(days(session.document), start=1):
                # Translators: a day of the workshop in the check-in list, with its date when it has one.
                label = (_("Day {number} · {date}").format(number=number, date=short_date(day["date"])) if day["date"]
                         else _("Day {number}").format(number=number))
                self.day_combo.addItem(label, day["id"])
            if today is not None:
                self.day_combo.setCurrentIndex(self.day_combo.findData(today["id"]))
        self.day_combo.blockSignals(False)
        # A file open read-only: people are found in the list, never checked in or added.
        self.walk_in_button.setEnabled(not self._read_only())
        self.search_edit.setPlaceholderText(_("Type part of a name to find a person") if self._read_only() else
                                            _("Type part of a name, then Enter to check in"))
        self.model.set_session(session)
        self.grid.setColumnWidth(0, 240)
        self.grid.setColumnWidth(1, 160)
        self._search(self.search_edit.text())
        self._update_count()

    def refresh(self, change: Change, source: object) -> None:
        tables = change.tables()
        if "day" in tables:
            self.set_session(self.session)  # the day list and the grid's columns follow the days
            return
        self.model.refresh(change, source)
        if tables & {"participant", "attendance", "organization"}:
            self._update_count()

    def set_filter(self, text: str) -> None:
        self._filter_text = text
        if self.isVisible():  # a hidden grid of 10,000 rows is filtered when it is shown
            self.proxy.set_filter_text(text)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.proxy.set_filter_text(self._filter_text)

    # ------------------------------------------------------------------ check-in

    def day_id(self) -> str | None:
        return self.day_combo.currentData()

    def _search(self, text: str) -> None:
        self.matches.clear()
        if self.session is None or not text.strip():
            return
        present = present_ids(self.session.document, self.day_id()) if self.day_id() else set()
        for person in find_participants(self.session.document, text):
            label = f"{person['name']} — {person['organization']}" if person["organization"] else person["name"]
            if person["id"] in present:
                # Translators: a name found at check-in, marked as already checked in today.
                label = _("{person}  ✓ present").format(person=isolated(label))
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, person["id"])
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)
        else:
            self.matches.addItem(_("No one by that name: Ctrl+Enter adds “{name}” as a walk-in").format(name=text))

    def _move_match(self, step: int) -> None:
        if self.matches.count():
            self.matches.setCurrentRow(max(0, min(self.matches.count() - 1, self.matches.currentRow() + step)))

    def check_in_selected(self) -> None:
        item = self.matches.currentItem()
        if item is not None and item.data(Qt.UserRole):
            self.check_in(item.data(Qt.UserRole))

    def _read_only(self) -> bool:
        return self.session is not None and self.session.document.readonly

    def check_in(self, participant_id: str) -> None:
        if self.session is None or self.day_id() is None or self._read_only():
            return
        name = self.session.document.get("participant", participant_id)["name"]
        change = plan_attendance(self.session.document, participant_id, self.day_id(), True,
                                 _("Check in {name}").format(name=name))
        if not change:
            # The name apart: the line reads in the window's direction, not in the name's.
            self.confirmation.setText(_("{name} was already checked in").format(name=isolated(name)))
        elif self.session.perform(change, source=self):
            self.confirmation.setText(_("✓ {name} checked in").format(name=isolated(name)))
        else:
            return  # refused: the reason is shown, and the name stays typed to try again
        self.search_edit.clear()
        self.search_edit.setFocus()

    def add_walk_in(self) -> None:
        if self.session is None or self.day_id() is None or self._read_only():
            return
        name = self.ask_walk_in_name(self.search_edit.text().strip())
        if not name:
            return
        text = _("Add walk-in {name}").format(name=name)
        day_id = self.day_id()
        if self.session.perform(lambda document: plan_walk_in(document, day_id, name=name, undo_text=text),
                                source=self):
            self.confirmation.setText(_("✓ {name} added and checked in").format(name=isolated(name)))
            self.search_edit.clear()

    def show_failure(self, message: str) -> None:
        """Why a check-in or a tick was refused, where the person at the door is looking."""
        self.confirmation.setText(message)

    def ask_walk_in_name(self, suggestion: str) -> str:
        """The walk-in's full name (tests replace this); details are completed in the tables."""
        name, ok = QInputDialog.getText(self, _("Walk-in participant"), _("Full name:"), text=suggestion)
        return name.strip() if ok else ""

    def _update_count(self) -> None:
        if self.session is None or self.day_id() is None:
            self.count_label.clear()
            return
        present = len(present_ids(self.session.document, self.day_id()))
        total = self.session.document.count("participant")
        # Translators: how many participants are checked in on the chosen day, out of all of them.
        self.count_label.setText(ngettext("Present: {present} of {total}", "Present: {present} of {total}", present)
                                 .format(present=present, total=total))
        self._search(self.search_edit.text())
