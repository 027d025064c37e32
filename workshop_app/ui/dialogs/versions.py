"""Versions of the road map: compare any two (or one with the current draft), restore one."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.models.roadmap.diff import compare
from workshop_app.models.roadmap.versions import list_versions, plan_mark_validated, plan_restore_version, snapshot

CURRENT = ""  # the combo's data for the current draft


class VersionsDialog(QDialog):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Road-map Versions"))
        self.differences = QPlainTextEdit()
        self.differences.setReadOnly(True)
        self.older = QComboBox()
        self.newer = QComboBox()
        for combo in (self.older, self.newer):
            combo.addItem(self.tr("Current draft"), CURRENT)
            for version in list_versions(document):
                mark = self.tr(" (validated)") if version["validated"] else ""
                combo.addItem(f"{version['name']}{mark} · {version['created_at'][:10]}", version["name"])
            combo.currentIndexChanged.connect(self.show_differences)
        if self.older.count() > 1:
            self.older.setCurrentIndex(self.older.count() - 1)
        restore = QPushButton(self.tr("Restore the older one as the current draft…"))
        restore.clicked.connect(self.restore)
        validate = QPushButton(self.tr("Mark the older one validated"))
        validate.clicked.connect(self.validate)
        for button in (restore, validate):
            button.setAutoDefault(False)  # Enter closes the dialog; it never rewrites the road map
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        form = QFormLayout()
        form.addRow(self.tr("Compare"), self.older)
        form.addRow(self.tr("with"), self.newer)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome)
        layout.addLayout(form)
        layout.addWidget(self.differences, 1)
        layout.addWidget(restore)
        layout.addWidget(validate)
        layout.addWidget(buttons)
        self.resize(760, 560)
        self.show_differences()

    def show_differences(self) -> None:
        old = snapshot(self.document, self.older.currentData() or None)
        new = snapshot(self.document, self.newer.currentData() or None)
        lines = compare(old, new).lines()
        self.differences.setPlainText("\n".join(lines) if lines else self.tr("No differences."))

    def restore(self) -> None:
        name = self.older.currentData()
        if not name:
            return
        differences = len(compare(snapshot(self.document, name), snapshot(self.document, None)).lines())
        if not differences:
            self.say(self.tr("The current draft is already the same as “%1”; nothing to restore.").replace("%1", name))
            return
        question = (self.tr("Replace the current draft of the road map with “%1”? %2 difference(s) will be undone. "
                            "Edit › Undo (Ctrl+Z) takes the restore back.")
                    .replace("%1", name).replace("%2", str(differences)))
        if not self.confirm(question):
            return
        self.perform.emit(lambda document: plan_restore_version(document, name))
        self.newer.setCurrentIndex(0)
        self.show_differences()
        if self.differences.toPlainText() == self.tr("No differences."):
            self.say(self.tr("“%1” was restored as the current draft: %2 difference(s) undone. Edit › Undo "
                             "(Ctrl+Z) takes the restore back.").replace("%1", name).replace("%2", str(differences)))

    def say(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.show()

    def confirm(self, question: str) -> bool:
        """Ask before a restore (tests replace this); No is the default answer."""
        answer = QMessageBox.question(self, self.tr("Restore a version"), question,
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def validate(self) -> None:
        name = self.older.currentData()
        if name:
            self.perform.emit(lambda document: plan_mark_validated(document, name))
