"""Versions of the road map: compare any two (or one with the current draft), restore one."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.roadmap.diff import compare, merge_origins
from workshop_app.models.roadmap.versions import list_versions, plan_mark_validated, plan_restore_version, snapshot
from workshop_app.ui.widgets.fields import PlainTextBox

CURRENT = ""  # the combo's data for the current draft


class VersionsDialog(QDialog):
    perform = Signal(object)  # an edit for DocumentSession.perform: a function document -> Change

    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(_("Road-map Versions"))
        self.differences = PlainTextBox()
        self.differences.setReadOnly(True)
        self.older = QComboBox()
        self.newer = QComboBox()
        for combo in (self.older, self.newer):
            combo.addItem(_("Current draft"), CURRENT)
            for version in list_versions(document):
                name, date = version["name"], version["created_at"][:10]
                label = (_("{version} (validated) · {date}").format(version=name, date=date) if version["validated"]
                         else f"{name} · {date}")
                combo.addItem(label, name)
            combo.currentIndexChanged.connect(self.show_differences)
        if self.older.count() > 1:
            self.older.setCurrentIndex(self.older.count() - 1)
        restore = QPushButton(_("Restore the older one as the current draft…"))
        restore.clicked.connect(self.restore)
        validate = QPushButton(_("Mark the older one validated"))
        validate.clicked.connect(self.validate)
        for button in (restore, validate):
            button.setAutoDefault(False)  # Enter closes the dialog; it never rewrites the road map
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        form = QFormLayout()
        # Translators: the form reads "Compare <older version> with <newer version>"
        form.addRow(_("Compare"), self.older)
        # Translators: the form reads "Compare <older version> with <newer version>"
        form.addRow(_("with"), self.newer)
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
        lines = compare(old, new, merge_origins(self.document)).lines()
        self.differences.setPlainText("\n".join(lines) if lines else _("No differences."))

    def restore(self) -> None:
        name = self.older.currentData()
        if not name:
            return
        differences = len(compare(snapshot(self.document, name), snapshot(self.document, None)).lines())
        if not differences:
            self.say(_("The current draft is already the same as “{version}”; nothing to restore.").format(
                version=name))
            return
        question = ngettext("Replace the current draft of the road map with “{version}”? {count} difference will be "
                            "undone. Edit › Undo (Ctrl+Z) takes the restore back.",
                            "Replace the current draft of the road map with “{version}”? {count} differences will be "
                            "undone. Edit › Undo (Ctrl+Z) takes the restore back.",
                            differences).format(version=name, count=differences)
        if not self.confirm(question):
            return
        self.perform.emit(lambda document: plan_restore_version(document, name))
        self.newer.setCurrentIndex(0)
        self.show_differences()
        if self.differences.toPlainText() == _("No differences."):
            self.say(ngettext("“{version}” was restored as the current draft: {count} difference undone. Edit › Undo "
                              "(Ctrl+Z) takes the restore back.",
                              "“{version}” was restored as the current draft: {count} differences undone. Edit › Undo "
                              "(Ctrl+Z) takes the restore back.",
                              differences).format(version=name, count=differences))

    def say(self, text: str) -> None:
        self.outcome.setText(text)
        self.outcome.show()

    def confirm(self, question: str) -> bool:
        """Ask before a restore (tests replace this); No is the default answer."""
        answer = QMessageBox.question(self, _("Restore a version"), question,
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def validate(self) -> None:
        name = self.older.currentData()
        if name:
            self.perform.emit(lambda document: plan_mark_validated(document, name))
