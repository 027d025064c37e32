"""Live mode on the Agenda page: what is on now and next with the minutes left, and the two
actions a facilitator needs when a session runs late."""

import datetime as dt
from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from workshop_app.i18n.catalogs import _, grouped, ngettext
from workshop_app.models.agenda.live import LiveStatus, now_and_next, plan_overrun, plan_record_actual
from workshop_app.ui.language import isolated
from workshop_app.ui.palette import style_panel


class LivePanel(QFrame):
    perform = Signal(object, str)  # an edit for DocumentSession.perform (a Change or a plan), and warnings
    REFRESH_MS = 20_000

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("livePanel")
        self.document = None
        self.status: LiveStatus | None = None
        self.clock = dt.datetime.now  # tests set a fixed time
        self.now_label = QLabel()
        self.now_label.setObjectName("liveNow")
        self.now_label.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setWordWrap(True)
        # Translators: a button: the session on now runs over; asks by how many minutes
        self.late_button = QPushButton(_("Running late…"))
        self.late_button.setToolTip(_("Shift the rest of the day; lunch and other fixed items stay put"))
        self.late_button.clicked.connect(self.running_late)
        # Translators: a button: the session on now has just ended
        self.ended_button = QPushButton(_("Ended now"))
        self.ended_button.setToolTip(_("Record the actual end of the session on now"))
        self.ended_button.clicked.connect(self.ended_now)
        text = QVBoxLayout()
        text.addWidget(self.now_label)
        text.addWidget(self.next_label)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        layout.addWidget(self.late_button)
        layout.addWidget(self.ended_button)
        style_panel(self, "#liveNow { font-size: 13pt; font-weight: bold; }")
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self.reload)

    def set_document(self, document) -> None:
        self.document = document
        if document is None:
            self.timer.stop()
        self.reload()

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        if visible:
            self.timer.start()
            self.reload()
        else:
            self.timer.stop()

    def reload(self) -> None:
        if self.document is None:
            return
        self.status = now_and_next(self.document, self.clock())
        self.now_label.setText(self.status.message)
        # Each "time title" apart: in Arabic the times ran into the English titles after them.
        upcoming = grouped(isolated(f"{item.start} {item.session['title']}") for item in self.status.next)
        # Translators: the sessions coming next, "09:30 Opening; 10:00 Plenary"
        self.next_label.setText(_("Next: {sessions}").format(sessions=upcoming) if upcoming else "")
        running = bool(self.status.now) and not self.document.readonly
        self.late_button.setEnabled(running)
        self.ended_button.setEnabled(running)

    def running_late(self) -> None:
        if not self.status or not self.status.now:
            return
        session = self.status.now[0].session
        minutes = self.ask_minutes(session["title"], len(self.status.now) - 1)
        if not minutes:
            return
        # Breakout groups on at once share their slot: the room is late, not one group.
        change, warnings = plan_overrun(self.document, session["id"], minutes, with_parallel=True)
        self.perform.emit(change, "\n".join(warnings))

    def ended_now(self) -> None:
        if not self.status or not self.status.now:
            return
        now = self.clock().strftime("%H:%M")
        for item in self.status.now:
            self.perform.emit(partial(plan_record_actual, session_id=item.session["id"], end=now), "")

    def question(self, title: str, beside: int) -> str:
        if beside:
            return ngettext("“{title}” and the {count} session beside it run over by how many minutes?",
                            "“{title}” and the {count} sessions beside it run over by how many minutes?",
                            beside).format(title=title, count=beside)
        return _("“{title}” runs over by how many minutes?").format(title=title)

    def ask_minutes(self, title: str, beside: int) -> int:
        """How many minutes late (tests replace this)."""
        minutes, ok = QInputDialog.getInt(self, _("Running late"), self.question(title, beside), 10, 1, 240)
        return minutes if ok else 0
