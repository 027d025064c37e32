"""Agenda: each day's sessions with start and end times computed from the durations."""

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem, QWidget

from workshop_app.models import vocabulary as v
from workshop_app.models.agenda import agenda, clock
from workshop_app.ui.page import Page

_BREAK_TYPES = {"break", "meal"}


class AgendaPage(Page):
    TABLES = {"day", "session"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(self.tr("Agenda"))
        self.tree = self.make_tree(
            [self.tr("Time"), self.tr("Session"), self.tr("Type"), self.tr("Track"), self.tr("Room"),
             self.tr("Minutes")],
            stretch_column=1, widths={0: 120, 2: 120, 3: 90, 4: 150, 5: 70},
        )
        self.lay_out(heading, self.tree)

    def reload(self) -> None:
        self.tree.clear()
        if self.session is None:
            return
        muted = QBrush(self.palette().placeholderText())
        for number, schedule in enumerate(agenda(self.session.document), start=1):
            day = schedule.day
            date = QDate.fromString(day["date"] or "", "yyyy-MM-dd")
            title = self.tr("Day %1").replace("%1", str(number))
            if date.isValid():
                title += " · " + self.locale().toString(date, "dddd d MMMM yyyy")
            if day["title"]:
                title += " · " + day["title"]
            day_item = QTreeWidgetItem([f"{day['start_time']}–{clock(schedule.end)}", title])
            font = day_item.font(1)
            font.setBold(True)
            day_item.setFont(0, font)
            day_item.setFont(1, font)
            if schedule.overruns:
                day_item.setForeground(0, QBrush(QColor("#b00020")))
                day_item.setToolTip(0, self.tr("This day runs past its planned end (%1)").replace("%1", day["planned_end"]))
            self.tree.addTopLevelItem(day_item)
            for item in schedule.sessions:
                session = item.session
                row = QTreeWidgetItem([
                    f"{clock(item.start)}–{clock(item.end)}",
                    session["title"],
                    QCoreApplication.translate("vocabulary", v.SESSION_TYPES[session["type"]]),
                    session["track"],
                    session["room"],
                    str(session["duration"]),
                ])
                row.setTextAlignment(5, Qt.AlignRight | Qt.AlignVCenter)
                if session["type"] in _BREAK_TYPES:
                    for column in range(5):
                        row.setForeground(column, muted)
                day_item.addChild(row)
            day_item.setExpanded(True)

