"""Record what the room says about a road-map item: who raised it and the comment."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.models.stakeholders.listing import organization_choices, participant_names
from workshop_app.ui.widgets.fields import PlainTextBox


class CommentDialog(QDialog):
    def __init__(self, document, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Plenary Comment"))
        self.raised_by = QComboBox()
        self.raised_by.setEditable(True)
        self.raised_by.setInsertPolicy(QComboBox.NoInsert)
        # Translators: who raised a comment, when no one in particular did
        self.raised_by.addItem(_("(the room)"), None)
        for organization_id, label in organization_choices(document):
            self.raised_by.addItem(label, ("organization", organization_id))
        for participant_id, name in participant_names(document):
            self.raised_by.addItem(name, ("participant", participant_id))
        self.text = PlainTextBox()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(_("What was said, in a sentence or two"))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        record = buttons.button(QDialogButtonBox.Ok)
        # Translators: a button, to record (save) the comment
        record.setText(_("Record"))
        record.setToolTip(_("Record the comment (Ctrl+Enter)"))
        buttons.accepted.connect(self.accept)
        # Enter makes a new line in the comment; Ctrl+Enter records it. The text field would
        # take Ctrl+Enter as a line break too, so the dialog looks at its keys first.
        self.text.installEventFilter(self)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        item = QLabel(title)
        item.setWordWrap(True)
        # Translators: form label before the title of the road-map item the comment is about
        form.addRow(_("Item"), item)
        form.addRow(_("Raised by"), self.raised_by)
        form.addRow(_("Comment"), self.text)
        form.addRow(buttons)
        self.text.setFocus()
        self.resize(560, 280)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.text and event.type() == QEvent.KeyPress
                and event.key() in (Qt.Key_Return, Qt.Key_Enter) and event.modifiers() & Qt.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def values(self) -> dict:
        chosen = self.raised_by.currentData()
        index = self.raised_by.findText(self.raised_by.currentText())
        if index >= 0:
            chosen = self.raised_by.itemData(index)
        fields = {"text": self.text.toPlainText()}
        if chosen:
            fields[f"{chosen[0]}_id"] = chosen[1]
        return fields

