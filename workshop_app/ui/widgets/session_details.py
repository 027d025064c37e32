"""The selected session's details beside the agenda: what it is for and who does what."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import N_, _
from workshop_app.models.agenda.schedule import session_people
from workshop_app.models.stakeholders.listing import participant_names
from workshop_app.ui.widgets.delegates import isolate_cells
from workshop_app.ui.widgets.fields import DocumentUndoRouter, TextArea, fill_when_empty

# The name of each field's edit in Edit › Undo.
EDIT_STEPS = {
    "fixed_start": N_("Edit fixed start"), "capacity": N_("Edit capacity"), "objectives": N_("Edit objectives"),
    "expected_output": N_("Edit expected output"), "materials": N_("Edit materials"),
    "facilitator_notes": N_("Edit facilitator notes"),
}


class SessionDetails(QWidget):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = None
        self.session_id: str | None = None
        self.heading = QLabel(_("Select a session"))
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        # At the panel's start like its fields' labels, even for a title in English, which a label
        # would otherwise lay out from the left in a right-to-left window.
        self.heading.setAlignment(Qt.AlignAbsolute | (Qt.AlignRight if self.isRightToLeft() else Qt.AlignLeft))
        self.fixed_edit = QLineEdit()
        self.fixed_edit.setPlaceholderText(_("HH:MM, e.g. for lunch"))
        self.fixed_edit.setToolTip(_("A fixed start time keeps this session in place when others run late"))
        self.capacity_edit = QLineEdit()
        self.capacity_edit.setPlaceholderText(_("Places in the room (optional)"))
        self.areas = {field: TextArea() for field in ("objectives", "expected_output", "materials",
                                                      "facilitator_notes")}
        router = DocumentUndoRouter(self)
        for area in self.areas.values():
            area.setMaximumHeight(70)
            area.installEventFilter(router)
        self.fixed_edit.installEventFilter(router)
        self.capacity_edit.installEventFilter(router)
        self.speakers = QListWidget()
        self.speakers.setMaximumHeight(110)
        isolate_cells(self.speakers)
        self.speaker_combo = QComboBox()
        self.speaker_combo.setEditable(True)
        self.speaker_combo.setInsertPolicy(QComboBox.NoInsert)
        self.speaker_combo.lineEdit().setPlaceholderText(_("Type a name to add a speaker"))
        # Translators: a button: adds the person typed above as a speaker of the session
        add = QPushButton(_("Add"))
        add.clicked.connect(self._add_speaker)
        # Translators: a button: removes the selected speaker from the session
        remove = QPushButton(_("Remove"))
        remove.clicked.connect(self._remove_speaker)
        # The name on a line of its own: beside the buttons, the narrow panel cut it to "Type …".
        speaker_row = QHBoxLayout()
        speaker_row.addWidget(add)
        speaker_row.addWidget(remove)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapAllRows)  # labels above fields: the panel is narrow
        # Translators: form label: a start time that stays put when the sessions before it run late
        form.addRow(_("Fixed start"), self.fixed_edit)
        form.addRow(_("Room capacity"), self.capacity_edit)
        form.addRow(_("Objectives"), self.areas["objectives"])
        form.addRow(_("Expected output"), self.areas["expected_output"])
        form.addRow(_("Materials"), self.areas["materials"])
        form.addRow(_("Facilitator notes"), self.areas["facilitator_notes"])
        form.addRow(_("Speakers"), self.speakers)
        form.addRow("", self.speaker_combo)
        form.addRow("", speaker_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addStretch(1)

        self.fixed_edit.editingFinished.connect(lambda: self._commit("fixed_start", self.fixed_edit.text() or None))
        self.capacity_edit.editingFinished.connect(lambda: self._commit("capacity", self.capacity_edit.text() or None))
        for field, area in self.areas.items():
            area.editingFinished.connect(lambda f=field, a=area: self._commit(f, a.toPlainText()))
        self.setEnabled(False)

    def show_session(self, document, session_id: str | None) -> None:
        self.document = document
        self.session_id = session_id
        session = document.get("session", session_id) if (document is not None and session_id) else None
        self.setEnabled(session is not None and not document.readonly)
        if session is None:
            self.heading.setText(_("Select a session"))
            for area in self.areas.values():
                area.set_text("")
            self.fixed_edit.clear()
            self.capacity_edit.clear()
            self.speakers.clear()
            return
        self.heading.setText(session["title"])
        self.fixed_edit.setText(session["fixed_start"] or "")
        self.fixed_edit.setModified(False)
        self.capacity_edit.setText("" if session["capacity"] is None else str(session["capacity"]))
        self.capacity_edit.setModified(False)
        for field, area in self.areas.items():
            area.set_text(session[field])
        self.speakers.clear()
        for link_id, name in session_people(document, session_id, "speaker"):
            item = QListWidgetItem(name)
            item.setData(Qt.UserRole, link_id)
            self.speakers.addItem(item)
        fill_when_empty(self.speaker_combo, lambda: participant_names(document))

    def people_changed(self) -> None:
        self.speaker_combo.clear()

    def _commit(self, field: str, value) -> None:
        if self.session_id is None:
            return
        session_id = self.session_id
        step = EDIT_STEPS.get(field)
        label = _(step) if step else _("Edit {field}").format(field=field.replace("_", " "))
        self.perform.emit(lambda document: document.plan_update("session", session_id, label, **{field: value}))

    def _add_speaker(self) -> None:
        index = self.speaker_combo.findText(self.speaker_combo.currentText(), Qt.MatchFixedString)
        if self.session_id is None or index < 0:
            return
        participant_id, session_id = self.speaker_combo.itemData(index), self.session_id
        listed = {self.speakers.item(row).text() for row in range(self.speakers.count())}
        if self.speaker_combo.itemText(index) in listed:
            return
        self.perform.emit(lambda document: document.plan_insert(
            # Translators: the name of the step in Edit › Undo
            "session_person", _("Add speaker"), session_id=session_id, participant_id=participant_id,
            role="speaker"))
        self.speaker_combo.setCurrentIndex(-1)

    def _remove_speaker(self) -> None:
        item = self.speakers.currentItem()
        if item is not None:
            link_id = item.data(Qt.UserRole)
            self.perform.emit(lambda document: document.plan_delete("session_person", link_id,
                                                                    _("Remove speaker")))

