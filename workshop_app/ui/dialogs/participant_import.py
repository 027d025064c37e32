"""Import participants: choose a file, check the sheet and the columns against a live preview,
read the report of what will happen, then import it as one undoable step."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from workshop_app.models.errors import WorkshopError
from workshop_app.models.participant_import.headers import FIELDS, IGNORE
from workshop_app.models.participant_import.plan import LARGE_IMPORT, ImportPlan, plan_from_table
from workshop_app.models.participant_import.table import SheetTable, read_table
from workshop_app.ui.session import DocumentSession

FIELD_LABELS = {
    "name": "Full name", "first_name": "First name", "last_name": "Last name", "sex": "Sex",
    "organization": "Organization", "title": "Title / position", "email": "E-mail", "phone": "Phone",
    "language": "Language", "role": "Role", IGNORE: "(ignore this column)",
}
SPREADSHEET_FILTER = "Spreadsheets (*.xlsx *.csv);;All files (*)"


def _label(field: str) -> str:
    return QCoreApplication.translate("fields", FIELD_LABELS[field])


class ImportWizard(QWizard):
    def __init__(self, session: DocumentSession, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        session.failed.connect(self._refused)
        self.folder = folder
        self.table: SheetTable | None = None
        self.plan: ImportPlan | None = None
        self.setWindowTitle(self.tr("Import Participants"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, False)
        self.file_page = _FilePage(self)
        self.columns_page = _ColumnsPage(self)
        self.report_page = _ReportPage(self)
        for page in (self.file_page, self.columns_page, self.report_page):
            self.addPage(page)
        self.setButtonText(QWizard.FinishButton, self.tr("Import"))
        self.resize(920, 640)

    def read(self, path: Path, sheet: str | None = None, mapping: dict[str, str] | None = None) -> str | None:
        """Read the table; returns the problem in words, or None when it was read."""
        try:
            self.table = read_table(path, sheet, mapping=mapping)
        except WorkshopError as error:
            self.table = None
            return str(error)
        return None

    def accept(self) -> None:
        if self.plan is not None and self.plan.change:
            if self.plan.report.added > LARGE_IMPORT and not self.confirm_large(self.plan.report.added):
                return
            if self.session.perform(self.plan.change, source=self) is None:
                return  # refused: the report page says why (see _refused)
        super().accept()

    def confirm_large(self, added: int) -> bool:
        """A list this large is more often a wrong file than a list: ask before adding it."""
        answer = QMessageBox.question(
            self, self.tr("Import participants"),
            self.tr("This would add %1 people, more than any workshop invites. Is this the right list?")
            .replace("%1", f"{added:,}"), QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _refused(self, message: str, source: object) -> None:
        if source is self:
            self.report_page.show_problem(message)


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(self.tr("Choose the list"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file, as the ministry sent it: title rows, "
                                 "merged cells and French or Spanish headers are fine."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(self.tr("Path to an .xlsx or .csv file"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self._wizard = wizard

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the participant list"), str(self._wizard.folder),
                                              self.tr(SPREADSHEET_FILTER))
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        problem = self._wizard.read(Path(self.path_edit.text().strip()))
        self.problem.setText(problem or "")
        return problem is None


class _ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check the sheet and the columns"))
        self.setSubTitle(self.tr("Columns were recognised from their headers. Correct any that are wrong; the "
                                 "preview shows the first rows as they will be read."))
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(lambda: self._reread(keep_mapping=False))
        self.where = QLabel()
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column header"), self.tr("Read as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.mapping_table.verticalHeader().hide()
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.NoEditTriggers)
        self.preview.verticalHeader().setVisible(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.sheet_combo)
        form.addRow(self.where)
        columns = QHBoxLayout()
        columns.addWidget(self.mapping_table, 3)
        columns.addWidget(self.preview, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        table = self._wizard.table
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheet_names))
        self.sheet_combo.setEnabled(bool(table.sheet_names))
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self._show(table)

    def _show(self, table: SheetTable) -> None:
        self.where.setText(self.tr("Header found on row %1; %2 rows of people below it.")
                           .replace("%1", str(table.header_row)).replace("%2", str(len(table.rows))))
        self.mapping_table.setRowCount(0)
        for header, field in zip(table.headers, table.fields):
            if not header:
                continue
            row = self.mapping_table.rowCount()
            self.mapping_table.insertRow(row)
            item = QTableWidgetItem(header)
            item.setFlags(item.flags() & ~Qt.ItemIsEditable)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox()
            for choice in (*FIELDS, IGNORE):
                combo.addItem(_label(choice), choice)
            combo.setCurrentIndex(combo.findData(field))
            combo.activated.connect(lambda: self._reread(keep_mapping=True))
            self.mapping_table.setCellWidget(row, 1, combo)
        rows = table.preview(10)
        self.preview.clear()
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(
            [f"{header}\n→ {_label(field)}" for header, field in zip(table.headers, table.fields)])
        self.preview.setVerticalHeaderLabels([str(row.number) for row in rows])
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        self.problem.clear()
        self.completeChanged.emit()

    def mapping(self) -> dict[str, str]:
        return {self.mapping_table.item(row, 0).text(): self.mapping_table.cellWidget(row, 1).currentData()
                for row in range(self.mapping_table.rowCount())}

    def _reread(self, *, keep_mapping: bool) -> None:
        table = self._wizard.table
        problem = self._wizard.read(table.path, self.sheet_combo.currentText() or None,
                                    self.mapping() if keep_mapping else None)
        if problem:
            self.problem.setText(problem)
            self._wizard.table = table  # keep showing what was readable
        else:
            self._show(self._wizard.table)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.table is not None and not self.problem.text()


class _ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("What the import will do"))
        self.setSubTitle(self.tr("Nothing has changed yet. Import applies all of it as one step, which Edit › Undo "
                                 "takes back."))
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)

    def initializePage(self) -> None:
        try:
            self._wizard.plan = plan_from_table(self._wizard.session.document, self._wizard.table)
            self.report.setPlainText("\n".join(self._wizard.plan.report.lines()))
        except WorkshopError as error:
            self._wizard.plan = None
            self.show_problem(str(error))

    def show_problem(self, text: str) -> None:
        self.report.setPlainText(text)
