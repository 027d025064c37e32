"""Versions of the road map: compare any two (or one with the current draft), restore one."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
        restore = QPushButton(self.tr("Restore the older one as the current draft"))
        restore.clicked.connect(self.restore)
        validate = QPushButton(self.tr("Mark the older one validated"))
        validate.clicked.connect(self.validate)
        form = QFormLayout()
        form.addRow(self.tr("Compare"), self.older)
        form.addRow(self.tr("with"), self.newer)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
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
        if name:
            self.perform.emit(lambda document: plan_restore_version(document, name))
            self.show_differences()

    def validate(self) -> None:
        name = self.older.currentData()
        if name:
            self.perform.emit(lambda document: plan_mark_validated(document, name))
