"""Start an agenda from a template, or keep the current agenda as a template of one's own."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.agenda.templates import list_templates
from workshop_app.ui.language import isolated
from workshop_app.ui.palette import set_tone
from workshop_app.ui.widgets.delegates import isolate_cells


class TemplateDialog(QDialog):
    def __init__(self, user_folder: Path, has_sessions: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Agenda from a Template"))
        self.templates = QListWidget()
        isolate_cells(self.templates)
        found = list_templates(user_folder)
        for info in found:
            days = ngettext("{count} day", "{count} days", info.days).format(count=info.days)
            sessions = ngettext("{count} session", "{count} sessions", info.sessions).format(count=info.sessions)
            if info.builtin:
                # Translators: a template in the list: its name, then "3 days", then "12 sessions"
                summary = _("{name}  (built in; {days}, {sessions})")
            else:
                # Translators: a template the user made, in the list: its name, then "3 days", then "12 sessions"
                summary = _("{name}  (yours; {days}, {sessions})")
            # The name apart: the line reads in the direction of the words around it.
            item = QListWidgetItem(summary.format(name=isolated(info.name), days=days, sessions=sessions) + "\n"
                                   + isolated(info.description))
            item.setData(Qt.UserRole, info.id)
            self.templates.addItem(item)
        self.templates.setCurrentRow(0)
        self.templates.itemDoubleClicked.connect(self.accept)
        self.replace = QCheckBox(_("&Replace the sessions already in the agenda"))
        self.replace.setChecked(has_sessions)
        self.replace.setVisible(has_sessions)
        problems = QLabel("\n".join(found.problems))
        set_tone(problems, "warning")
        problems.setWordWrap(True)
        problems.setVisible(bool(found.problems))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_("Use template"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Choose a template; it becomes one step you can undo.")))
        layout.addWidget(self.templates, 1)
        layout.addWidget(self.replace)
        layout.addWidget(problems)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def choice(self) -> tuple[str | None, bool]:
        item = self.templates.currentItem()
        return (item.data(Qt.UserRole) if item else None), self.replace.isChecked()
