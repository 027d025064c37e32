"""File › Import Road-map Workbook: the differences an edited workbook would bring, shown
before anything is applied; then one undoable step."""

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.workbook.reimport import plan_workbook_import
from workshop_app.ui.widgets.fields import PlainTextBox


class WorkbookImportDialog(QDialog):
    def __init__(self, session, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.path = session, path
        self.plan = None
        self.setWindowTitle(_("Import Road-map Workbook"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = PlainTextBox()
        self.details.setReadOnly(True)
        self.deletions = QCheckBox(_("Also &delete the items whose rows were removed in Excel"))
        self.deletions.toggled.connect(self.reload)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Apply changes"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.deletions)
        layout.addWidget(self.buttons)
        self.resize(820, 560)
        self.reload()

    def reload(self) -> None:
        try:
            self.plan = plan_workbook_import(self.session.document, self.path,
                                           apply_deletions=self.deletions.isChecked())
        except WorkshopError as error:
            self.plan = None
            self.summary.setText(str(error))
            self.details.clear()
            self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
            return
        self.details.setPlainText("\n".join(self.plan.lines()))
        self.deletions.setVisible(bool(self.plan.removed_in_excel))
        if self.plan.problems:
            self.summary.setText(_("Some cells cannot be read; nothing will change until they are corrected "
                                         "in the workbook."))
        elif not self.plan.change:
            self.summary.setText(_("Nothing to change: the workbook matches the road map."))
        else:
            self.summary.setText(_("Nothing has changed yet. Apply makes all of these changes as one step, "
                                         "which Edit › Undo takes back."))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.plan.change) and not self.plan.problems)

    def accept(self) -> None:
        if self.plan is not None and self.plan.change:
            # A refusal is shown by the main window; the dialog stays open to try again or cancel.
            # Translators: the name of the step in Edit › Undo
            if self.session.perform(self.plan.change, _("Import road-map workbook")) is None:
                return
        super().accept()
