"""Agenda: days and their sessions, edited in place, reordered by drag and drop or keyboard;
times follow from the durations; warnings show what would surprise the room."""

from collections import Counter

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models import vocabulary as v
from workshop_app.models.agenda.schedule import (
    plan_add_session,
    plan_delete_session,
    plan_move_session,
    plan_shift_session,
)
from workshop_app.models.agenda.warnings import CONFLICT_KINDS, agenda_warnings
from workshop_app.models.changes import Change
from workshop_app.models.stakeholders.listing import participant_names
from workshop_app.ui.item_models.agenda import (
    COL_FACILITATOR,
    COL_MINUTES,
    COL_ROOM,
    COL_TRACK,
    COL_TYPE,
    ID_ROLE,
    AgendaModel,
)
from workshop_app.ui.pages.base import TreePage
from workshop_app.ui.widgets.delegates import ChoiceDelegate
from workshop_app.ui.widgets.live_panel import LivePanel
from workshop_app.ui.widgets.notices import EmptyState, FoldedWarnings
from workshop_app.ui.widgets.session_details import SessionDetails

_ICONS = {"add": "plus", "parallel": "columns", "delete": "trash", "up": "arrow-up", "down": "arrow-down",
          "previous_day": "arrow-left", "next_day": "arrow-right", "groups": "users-three", "template": "file-text",
          "save_template": "floppy-disk", "live": "broadcast"}


class AgendaPage(TreePage):
    TABLES = {"day", "session", "session_person", "participant", "workshop"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = self.heading(_("Agenda"))
        self.model = AgendaModel(self)
        self.tree = self.editable_tree(self.model, 1, {6: 170})
        # A session's time is indented under its day's heading and the expand arrows.
        times = self.fontMetrics().horizontalAdvance("00:00–00:00")
        self.tree.setColumnWidth(0, times + 2 * self.tree.indentation() + 20)
        # The title takes the spare width; short columns are as wide as what they hold. The time
        # column stays fixed: the day headings span the row from it.
        self.tree.setItemDelegateForColumn(COL_TYPE, ChoiceDelegate(
            lambda: [(key, _(label)) for key, label in v.SESSION_TYPES.items()],
            self))
        self.tree.setItemDelegateForColumn(COL_FACILITATOR, ChoiceDelegate(
            lambda: participant_names(self.session.document), self, allow_none=_("(no facilitator)")))
        self.tree.selectionModel().currentRowChanged.connect(self._show_details)

        self.details = SessionDetails()
        self.details.perform.connect(lambda plan: self.session.perform(plan, source=self.details))
        self.warnings = FoldedWarnings()
        self.warnings.chosen.connect(lambda ids: self.select(ids[0]) if ids else None)
        self.message = self.problem_line()
        self.live = LivePanel()
        self.live.perform.connect(self._perform_live)
        self.live.hide()
        hint = QLabel(_("Drag a session between two others to move it, onto another to run both in parallel."))
        hint.setObjectName("hint")
        hint.setStyleSheet("color: palette(placeholder-text);")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._build_actions())
        left_layout.addWidget(self.tree, 1)
        self.empty = EmptyState(
            _("No sessions yet. Start from a template of a national workshop, or add the sessions one by one."),
            [(_("Start from a template…"), self.actions["template"].trigger),
             (_("Add session"), self.actions["add"].trigger)])
        self.empty.hide()
        left_layout.addWidget(self.empty, 1)
        left_layout.addWidget(hint)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 280])
        self.details.setMinimumWidth(240)
        self.lay_out(heading, self.live, self.message, self.warnings, splitter)
        self.setStyleSheet("#warningLine { font-weight: bold; }")  # its colour: ui.palette

    def _build_actions(self) -> QHBoxLayout:
        # The tree exists: its right-click menu offers the same actions as the toolbar.
        # The day buttons' arrows are mirrored in a right-to-left window; their keys follow them.
        back, forward = ("Ctrl+Right", "Ctrl+Left") if self.isRightToLeft() else ("Ctrl+Left", "Ctrl+Right")
        self.actions = {
            "add": self.page_action(_("Add session"), self.add_session, "Ctrl+Shift+A"),
            "parallel": self.page_action(_("Add parallel session"), self.add_parallel_session, "Ctrl+Shift+L"),
            # Translators: a toolbar button that deletes the selected session.
            "delete": self.page_action(_("Delete"), self.delete_session, QKeySequence.Delete),
            # Translators: a toolbar button that moves the selected item one place up (earlier).
            "up": self.page_action(_("Earlier"), lambda: self.shift(-1), "Ctrl+Up"),
            # Translators: a toolbar button that moves the selected item one place down (later).
            "down": self.page_action(_("Later"), lambda: self.shift(+1), "Ctrl+Down"),
            "previous_day": self.page_action(_("To previous day"), lambda: self.move_to_day(-1), back),
            "next_day": self.page_action(_("To next day"), lambda: self.move_to_day(+1), forward),
            "groups": self.page_action(_("Groups…"), self.show_groups, "Ctrl+G"),
            "template": self.page_action(_("Template…"), self.apply_template, "Ctrl+Shift+T"),
            "save_template": self.page_action(_("Save as template…"), self.save_template, None),
            # Translators: a toolbar button that shows what is on now and next while the workshop runs.
            "live": self.page_action(_("Live"), self.toggle_live, "F9"),
        }
        self.give_icons(self.actions, _ICONS, alone=("up", "down", "previous_day", "next_day"))
        self.offer_in_context_menu(self.tree, [self.actions[key] for key in ("add", "parallel", "delete")] + [None]
                                   + [self.actions[key] for key in ("up", "down", "previous_day", "next_day")]
                                   + [None, self.actions["groups"]])
        self.actions["live"].setCheckable(True)
        self.actions["live"].setToolTip(_("Show what is on now and next during the workshop (F9)"))
        bar = self.toolbar(self.actions.values())
        bar.setSpacing(2)  # eleven buttons: at 1280 pixels wide none is cut
        return bar

    # ------------------------------------------------------------------ refreshing

    def reload(self) -> None:
        selected = self.selected_session_id()
        if self.model.session is not self.session:
            self.model.session = self.session
            self.model.people_changed()
        if self.model.reload():  # rows were rebuilt: lay out the days again
            for row in range(self.model.rowCount()):  # a day's heading runs across the columns
                self.tree.setFirstColumnSpanned(row, self.model.index(row, 0).parent(), True)
            self.tree.expandAll()
            self.fit_columns(self.tree, (COL_TYPE, COL_TRACK, COL_ROOM, COL_MINUTES))
        readonly = self.session is None or self.session.document.readonly
        for key, action in self.actions.items():
            action.setEnabled(not readonly or key == "live")
        self.live.set_document(self.session.document if self.session else None)
        empty = self.session is not None and not any(schedule.sessions for schedule in self.model.days)
        self.tree.setVisible(not empty)
        self.empty.setVisible(empty)
        self.empty.setEnabled(not readonly)
        self._update_warnings()
        if selected != self.selected_session_id():
            self.select(selected)
        else:
            self._show_details()

    def set_session(self, session) -> None:
        super().set_session(session)
        if session is None:  # closed while hidden: the live clock must not read a closed file
            self.live.set_document(None)

    def refresh(self, change: Change, source: object) -> None:
        self.message.hide()
        if "participant" in change.tables():
            self.details.people_changed()
            self.model.people_changed()
        self.reload()

    def _update_warnings(self) -> None:
        found = agenda_warnings(self.session.document) if self.session is not None else []
        # Red for what cannot happen as planned; a session still without a facilitator is only a to-do.
        self.model.conflicting = {sid for warning in found if warning.kind in CONFLICT_KINDS
                                  for sid in warning.session_ids}
        self.model.unled = {sid for warning in found if warning.kind == "no_facilitator"
                            for sid in warning.session_ids}
        by_kind: dict[str, list] = {}
        for warning in found:  # already most serious first
            by_kind.setdefault(warning.kind, []).append((warning.message, warning.session_ids))
        self.warnings.set_warnings([(kind, self._summary(kind, len(entries)), entries)
                                    for kind, entries in by_kind.items()])

    def _summary(self, kind: str, count: int) -> str:
        if kind == "overrun":
            text = ngettext("{count} day runs past its planned end", "{count} days run past their planned end", count)
        elif kind == "double_booked":
            text = ngettext("{count} person is expected in two places at once",
                            "{count} times someone is expected in two places at once", count)
        elif kind == "over_capacity":
            text = ngettext("{count} session has more people than places",
                            "{count} sessions have more people than places", count)
        elif kind == "no_facilitator":
            text = ngettext("{count} session has no facilitator", "{count} sessions have no facilitator", count)
        else:
            text = ngettext("{count} other warning", "{count} other warnings", count)
        return text.format(count=count)

    # ------------------------------------------------------------------ selection

    def selected_session_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if self.model.scheduled(index) else None

    def index_of(self, row_id: str, column: int = 0) -> QModelIndex:
        return self.model.session_index(row_id, column)

    def projector_focus(self) -> tuple[str, object]:
        item = self.model.scheduled(self.tree.currentIndex())
        if item is None:
            return "agenda", None
        day_id, slot = item.session["day_id"], item.session["slot"]
        in_slot = sum(1 for schedule in self.model.days if schedule.day["id"] == day_id
                      for other in schedule.sessions if other.session["slot"] == slot)
        return ("groups", (day_id, slot)) if in_slot > 1 else ("agenda", None)

    def _show_details(self, *args) -> None:
        self.focus_changed.emit(*self.projector_focus())
        self.details.show_session(self.session.document if self.session else None, self.selected_session_id())

    def _current_day_id(self) -> str | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return self.model.days[0].day["id"] if self.model.days else None
        return self.model.days[self.model.day_row_of(index)].day["id"]

    # ------------------------------------------------------------------ actions

    def add_session(self) -> None:
        day_id = self._current_day_id()
        if day_id is None:
            self.show_problem(_("Add a day to the workshop first (set its dates on the Overview page)."))
            return
        current = self.model.scheduled(self.tree.currentIndex())
        slot = None if current is None else current.session["slot"] + 1
        title, text = _("New session"), _("Add session")
        self.add_and_edit(lambda document: plan_add_session(document, day_id, slot=slot, title=title,
                                                            undo_text=text))

    def add_parallel_session(self) -> None:
        current = self.model.scheduled(self.tree.currentIndex())
        if current is None:
            self.show_problem(_("Select the session the new one runs in parallel with."))
            return
        title, text = _("New session"), _("Add parallel session")
        self.add_and_edit(lambda document: plan_add_session(
            document, current.session["day_id"], parallel_to=current.session["id"], title=title,
            type="group_work", duration=current.session["duration"], undo_text=text))

    def delete_session(self) -> None:
        session_id = self.selected_session_id()
        if session_id:
            text = _("Delete session")
            self.session.perform(lambda document: plan_delete_session(document, session_id, text), source=self)

    def shift(self, step: int) -> None:
        session_id = self.selected_session_id()
        if session_id:
            text = _("Move session")
            self.session.perform(lambda document: plan_shift_session(document, session_id, step, text), source=self)
            self.select(session_id)

    def move_to_day(self, step: int) -> None:
        session_id = self.selected_session_id()
        if not session_id:
            return
        day_row = self.model.day_row_of(self.tree.currentIndex())
        target = day_row + step
        if not 0 <= target < len(self.model.days):
            return
        item = self.model.scheduled(self.tree.currentIndex())
        day_id = self.model.days[target].day["id"]
        slot, text = item.session["slot"], _("Move session to another day")
        self.session.perform(lambda document: plan_move_session(document, session_id, day_id, slot, undo_text=text),
                             source=self)
        self.select(session_id)

    # ------------------------------------------------------------------ templates, groups, live

    def _user_templates(self):
        from workshop_app import paths

        return paths.data_dir() / "templates"

    def apply_template(self) -> None:
        from workshop_app.models.agenda.templates import plan_apply_template
        from workshop_app.ui.dialogs.template import TemplateDialog

        has_sessions = any(schedule.sessions for schedule in self.model.days)
        dialog = TemplateDialog(self._user_templates(), has_sessions, self)
        if not self.ask(dialog):
            return
        template_id, replace = dialog.choice()
        if template_id:
            folder = self._user_templates()
            if self.session.perform(lambda document: plan_apply_template(
                    document, template_id, replace=replace, user_folder=folder), source=self):
                # The empty page's buttons are gone: the keyboard goes on in the agenda, not
                # back on the navigation rail, where the arrow keys would change page.
                self.focus_main_view()

    def save_template(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from workshop_app.models.agenda.templates import save_user_template
        from workshop_app.models.errors import WorkshopError

        name, ok = QInputDialog.getText(self, _("Save as Template"), _("Template name:"))
        if not ok or not name.strip():
            return
        try:
            path = save_user_template(self.session.document, name, self._user_templates())
        except WorkshopError as error:
            self.show_problem(str(error))
            return
        self.window().statusBar().showMessage(_("Template saved: {file}").format(file=path.name), 6000)

    def show_groups(self) -> None:
        from workshop_app.ui.dialogs.groups import GroupsDialog

        item = self._group_session_from_here()
        if item is None:
            self.show_problem(_("No sessions run in parallel yet: select a session and add a parallel "
                                "one (Ctrl+Shift+L) for each group."))
            return
        self.select(item.session["id"])  # the slot whose groups open, seen in the agenda
        dialog = GroupsDialog(self.session.document, item.session["day_id"], item.session["slot"], self)

        def perform(plan):
            self.session.perform(plan, source=self)
            dialog.reload()

        dialog.perform.connect(perform)
        dialog.print_requested.connect(lambda: self.window().export_group_lists(
            item.session["day_id"], item.session["slot"] + 1))
        self.ask(dialog)

    def _group_session_from_here(self):
        """The session whose groups Groups… opens: the selected one when it runs in parallel
        with others, else the first such session after the selection (a day's heading counts
        as its first session), else the first of the agenda. Nobody has to find a group
        session by hand before the key works."""
        entries = [(day_row, item) for day_row, schedule in enumerate(self.model.days) for item in schedule.sessions]
        in_slot = Counter((item.session["day_id"], item.session["slot"]) for _, item in entries)
        grouped = [position for position, (_, item) in enumerate(entries)
                   if in_slot[(item.session["day_id"], item.session["slot"])] > 1]
        if not grouped:
            return None
        index = self.tree.currentIndex()
        current = self.model.scheduled(index)
        if current is not None:
            start = next(position for position, (_, item) in enumerate(entries) if item is current)
        elif index.isValid():
            day_row = self.model.day_row_of(index)
            start = next((position for position, (row, _) in enumerate(entries) if row >= day_row), 0)
        else:
            start = 0
        chosen = next((position for position in grouped if position >= start), grouped[0])
        return entries[chosen][1]

    def toggle_live(self, on: bool) -> None:
        self.live.setVisible(on)

    def _perform_live(self, change, warnings: str) -> None:
        self.session.perform(change, source=self)
        if warnings:
            self.show_problem(warnings)
        self.live.reload()
