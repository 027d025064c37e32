"""Breakout groups of one parallel slot: who is in which group, spread by organization
category in one click, people moved between groups by hand; every change undoable."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models.agenda.groups import group_lists, plan_assign, plan_spread_by_category
from workshop_app.ui.language import isolated
from workshop_app.ui.widgets.delegates import isolate_cells

# How a speaker or rapporteur of a group shows above its members.
_RESOURCE_PERSON = {"speaker": N_("{name} (speaker)"), "rapporteur": N_("{name} (rapporteur)")}


class GroupsDialog(QDialog):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change
    print_requested = Signal()  # the group lists of this slot, as a PDF

    def __init__(self, document, day_id: str, slot: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.document, self.day_id, self.slot = document, day_id, slot
        self.setWindowTitle(_("Breakout Groups"))
        spread = QPushButton(_("Spread participants by organization category"))
        spread.setToolTip(_("Each group gets a mix of government, workers, employers, civil society…"))
        spread.clicked.connect(lambda: self.perform.emit(
            lambda document: plan_spread_by_category(document, day_id, slot)))
        self.columns = QHBoxLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        print_button = buttons.addButton(_("Print Group Lists…"), QDialogButtonBox.ActionRole)
        print_button.clicked.connect(self.print_requested.emit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Select people in one group, then press “Move here” under another.")))
        layout.addWidget(spread)
        layout.addLayout(self.columns, 1)
        layout.addWidget(buttons)
        self.lists: dict[str, QListWidget] = {}
        self.reload()
        self.resize(1000, 600)

    def reload(self) -> None:
        while self.columns.count():
            widget = self.columns.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.lists = {}
        for group in group_lists(self.document, self.day_id, self.slot):
            column = QWidget()
            layout = QVBoxLayout(column)
            layout.setContentsMargins(0, 0, 0, 0)
            members = ngettext("{count} member", "{count} members", len(group.members)).format(
                count=len(group.members))
            title = QLabel(f"<b>{_escape(group.track or group.title)}</b><br>{_escape(group.title)}<br>"
                           f"{_escape(group.room)} · {members}")
            title.setWordWrap(True)
            people = QListWidget()
            people.setSelectionMode(QAbstractItemView.ExtendedSelection)
            isolate_cells(people)
            for person in group.resource_people:
                shown = _RESOURCE_PERSON.get(person.role)
                # The name apart: "(speaker)" in Arabic goes on its left, the line reads from the right.
                item = QListWidgetItem(_(shown).format(name=isolated(person.name)) if shown
                                       else f"{person.name} ({person.role})")
                item.setFlags(item.flags() & ~Qt.ItemIsSelectable)
                people.addItem(item)
            for person in group.members:
                item = QListWidgetItem(f"{person.name} — {person.organization}" if person.organization else person.name)
                item.setData(Qt.UserRole, person.participant_id)
                people.addItem(item)
            # Translators: a button under a group's list: moves the people selected in another group to this one
            move = QPushButton(_("Move here"))
            move.clicked.connect(lambda checked=False, session_id=group.session_id: self.move_selected_to(session_id))
            layout.addWidget(title)
            layout.addWidget(people, 1)
            layout.addWidget(move)
            self.columns.addWidget(column)
            self.lists[group.session_id] = people

    def move_selected_to(self, session_id: str) -> None:
        chosen = [item.data(Qt.UserRole) for other, people in self.lists.items() if other != session_id
                  for item in people.selectedItems() if item.data(Qt.UserRole)]
        if chosen:
            self.perform.emit(lambda document: plan_assign(document, session_id, chosen))


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
