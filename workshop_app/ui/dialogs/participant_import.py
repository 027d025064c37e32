"""Import participants: choose a file, check the sheet and the columns against a live preview
of the rows as they will be read, read the report of what will happen, then import it as one
undoable step."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from workshop_app.i18n.catalogs import N_, _, ngettext
from workshop_app.models import vocabulary
from workshop_app.models.errors import WorkshopError
from workshop_app.models.participant_import.headers import FIELDS, IGNORE, NAME_FIELDS
from workshop_app.models.participant_import.plan import LARGE_IMPORT, ImportPlan, plan_from_table
from workshop_app.models.participant_import.reading import EXISTING, MERGED, NEW, SKIPPED, ReadRow
from workshop_app.models.participant_import.report import SAME_EMAIL
from workshop_app.models.participant_import.table import SheetTable, read_table
from workshop_app.ui.palette import set_tone
from workshop_app.ui.session import DocumentSession
from workshop_app.ui.widgets.delegates import isolate_cells
from workshop_app.ui.widgets.fields import PlainTextBox

# What a column of the list is read as (the participant's fields).
FIELD_LABELS = {
    "name": N_("Full name"), "first_name": N_("First name"), "last_name": N_("Last name"), "sex": N_("Sex"),
    "organization": N_("Organization"), "title": N_("Title / position"), "email": N_("E-mail"), "phone": N_("Phone"),
    # Translators: the participant's language and role in the workshop, as columns of the list
    "language": N_("Language"), "role": N_("Role"), IGNORE: N_("(ignore this column)"),
}
# Translators: file filters of the open dialog; keep the patterns in brackets and the ";;" between them
SPREADSHEET_FILTER = N_("Spreadsheets (*.xlsx *.csv);;All files (*)")
PREVIEW_ROWS = 50  # rows shown in the preview, read through the import's own planning


def _label(field: str) -> str:
    return _(FIELD_LABELS[field])


class ImportWizard(QWizard):
    def __init__(self, session: DocumentSession, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        session.failed.connect(self._refused)
        self.folder = folder
        self.table: SheetTable | None = None
        self.plan: ImportPlan | None = None
        self.setWindowTitle(_("Import Participants"))
        self.setWizardStyle(QWizard.ModernStyle)
        self.setOption(QWizard.NoBackButtonOnLastPage, False)
        self.file_page = _FilePage(self)
        self.columns_page = _ColumnsPage(self)
        self.report_page = _ReportPage(self)
        for page in (self.file_page, self.columns_page, self.report_page):
            self.addPage(page)
        # Translators: the wizard's last button, which imports the list
        self.setButtonText(QWizard.FinishButton, _("Import"))
        self.resize(1120, 660)

    def read(self, path: Path, sheet: str | None = None, mapping: dict[str, str] | None = None) -> str | None:
        """Read the table and plan its import (once: the preview and the report both show that
        plan); returns the problem in words, or None when it was read."""
        QGuiApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            self.table = read_table(path, sheet, mapping=mapping)
            self.plan = plan_from_table(self.session.document, self.table)
        except WorkshopError as error:
            self.table = self.plan = None
            return str(error)
        finally:
            QGuiApplication.restoreOverrideCursor()
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
            self, _("Import participants"),
            ngettext("This would add {count} person, more than any workshop invites. Is this the right list?",
                     "This would add {count} people, more than any workshop invites. Is this the right list?",
                     added).format(count=f"{added:,}"), QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _refused(self, message: str, source: object) -> None:
        if source is self:
            self.report_page.show_problem(message)


class _FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self.setTitle(_("Choose the list"))
        self.setSubTitle(_("An Excel workbook (.xlsx) or a CSV file, as the ministry sent it: title rows, "
                                 "merged cells and French or Spanish headers are fine."))
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(_("Path to an .xlsx or .csv file"))
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(_("Browse…"))
        browse.setAutoDefault(False)  # once a list is chosen, Enter goes on to Next, not to Browse again
        browse.clicked.connect(self.browse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_tone(self.problem, "error")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self._wizard = wizard

    def browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, _("Choose the participant list"), str(self._wizard.folder),
                                                    _(SPREADSHEET_FILTER))
        if path:
            self.path_edit.setText(path)
            self.path_edit.setFocus()

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
        self.setTitle(_("Check the sheet and the columns"))
        self.setSubTitle(_("Columns were recognised from their headers. Correct any that are wrong; the "
                                 "preview shows the first rows as they will be read."))
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(lambda: self._reread(keep_mapping=False))
        self.where = QLabel()
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([_("Column header"), _("Read as")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.mapping_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.mapping_table.verticalHeader().hide()
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.NoEditTriggers)
        self.preview.verticalHeader().setVisible(True)
        self.preview.setWordWrap(False)
        isolate_cells(self.preview)
        isolate_cells(self.mapping_table)
        self.as_is = QCheckBox(_("Show the sheet as it is"))
        self.as_is.setToolTip(_("The cells exactly as the file has them, under its own headers"))
        self.as_is.toggled.connect(self._fill_preview)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        set_tone(self.problem, "error")
        self.form = QFormLayout()
        # Translators: form label: the sheet of the workbook to read
        self.form.addRow(_("Sheet"), self.sheet_combo)
        self.form.addRow(self.where)
        self.mapping_table.setSizeAdjustPolicy(QTableWidget.AdjustToContents)
        self.mapping_table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        preview_side = QVBoxLayout()
        preview_side.addWidget(self.preview, 1)
        preview_side.addWidget(self.as_is)
        columns = QHBoxLayout()
        columns.addWidget(self.mapping_table, 0)
        columns.addLayout(preview_side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        table = self._wizard.table
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheet_names))
        self.sheet_combo.setEnabled(bool(table.sheet_names))
        self.form.setRowVisible(self.sheet_combo, bool(table.sheet_names))  # a CSV file has no sheets
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self._show(table)

    def _show(self, table: SheetTable) -> None:
        shown = min(len(table.rows), PREVIEW_ROWS)
        text = ngettext("Header found on row {row}; {count} row of people below it.",
                        "Header found on row {row}; {count} rows of people below it.",
                        len(table.rows)).format(row=table.header_row, count=f"{len(table.rows):,}")
        if shown < len(table.rows):
            text += " " + ngettext("The first {count} is shown.", "The first {count} are shown.",
                                   shown).format(count=shown)
        self.where.setText(text)
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
        self._fill_preview()
        self.problem.clear()
        self.completeChanged.emit()

    def _fill_preview(self) -> None:
        plan = self._wizard.plan
        self.preview.clear()
        if self.as_is.isChecked() or plan is None:
            self._fill_sheet(self._wizard.table)
        else:
            self._fill_read(plan)
        self.preview.resizeColumnsToContents()
        header = self.preview.horizontalHeader()
        for column in range(self.preview.columnCount()):  # a long title or address does not hide the rest
            header.resizeSection(column, min(header.sectionSize(column), 320))

    def _fill_sheet(self, table: SheetTable) -> None:
        rows = table.preview(PREVIEW_ROWS)
        arrow = "←" if self.isRightToLeft() else "→"  # from the sheet's header to what it is read as
        self.preview.setColumnCount(len(table.headers))
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(
            [f"{header}\n{arrow} {_label(field)}" for header, field in zip(table.headers, table.fields)])
        self.preview.setVerticalHeaderLabels([str(row.number) for row in rows])
        for r, row in enumerate(rows):
            for c, text in enumerate(row.cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))

    def _fill_read(self, plan: ImportPlan) -> None:
        rows = plan.read_rows(PREVIEW_ROWS)
        fields = _read_fields(plan.table.fields)
        self.preview.setColumnCount(1 + len(fields))
        self.preview.setRowCount(len(rows))
        # Translators: header of the preview's first column: what becomes of each row ("New", "Merged with row 4…")
        self.preview.setHorizontalHeaderLabels([_("Will be"), *(_label(field) for field in fields)])
        self.preview.setVerticalHeaderLabels([str(row.number) for row in rows])
        dimmed = self.palette().color(QPalette.Disabled, QPalette.Text)
        for r, row in enumerate(rows):
            cells = [self._status(row), *(self._value(row, field) for field in fields)]
            for c, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                if tip:
                    item.setToolTip(tip)
                if row.status in (MERGED, SKIPPED):
                    item.setForeground(dimmed)
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.preview.setItem(r, c, item)

    def _status(self, row: ReadRow) -> tuple[str, str]:
        """What becomes of the row, and a sentence saying why."""
        same_email = row.reason == SAME_EMAIL
        if row.status == NEW:
            # Translators: what becomes of a row of the list: a new participant
            return _("New"), _("Added as a new participant")
        if row.status == MERGED:
            if same_email:
                return (_("Merged with row {row}, same e-mail").format(row=row.first),
                        _("{name}, with the same e-mail as row {row}: this row only fills what row {row} left empty")
                        .format(name=row.same_as, row=row.first))
            return (_("Merged with row {row}, same name").format(row=row.first),
                    _("{name}, with the same name in the same organization as row {row}: this row only fills what "
                      "row {row} left empty").format(name=row.same_as, row=row.first))
        if row.status == EXISTING:
            if same_email:
                return (_("Already in the workshop, same e-mail"),
                        _("{name} is already in the workshop, with the same e-mail: this row only fills what is "
                          "empty there").format(name=row.same_as))
            return (_("Already in the workshop, same name"),
                    _("{name} is already in the workshop, with the same name in the same organization: this row only "
                      "fills what is empty there").format(name=row.same_as))
        return _("Skipped: {reason}").format(reason=row.reason), _("This row adds no one")

    def _value(self, row: ReadRow, field: str) -> tuple[str, str]:
        if field == "sex":
            return (_(vocabulary.SEXES[row.sex]) if row.sex else ""), ""
        if field == "role":
            return (_(vocabulary.PARTICIPANT_ROLES[row.role]) if row.role else ""), ""
        if field == "organization":
            return self._organization(row)
        return getattr(row, field), ""

    def _organization(self, row: ReadRow) -> tuple[str, str]:
        found = row.organization
        if found is None:
            return row.organization_text, ""
        if found.created:
            text = _("{organization} (new)").format(organization=found.short)
            tip = _("A new organization: {organization}").format(organization=found.full)
        else:
            text = _("{organization} (existing)").format(organization=found.short)
            tip = _("Already in the workshop: {organization}").format(organization=found.full)
        if row.organization_text != found.short:
            tip += "\n" + _("Written “{text}” in the list").format(text=row.organization_text)
        return text, tip

    def mapping(self) -> dict[str, str]:
        return {self.mapping_table.item(row, 0).text(): self.mapping_table.cellWidget(row, 1).currentData()
                for row in range(self.mapping_table.rowCount())}

    def _reread(self, *, keep_mapping: bool) -> None:
        table, plan = self._wizard.table, self._wizard.plan
        problem = self._wizard.read(table.path, self.sheet_combo.currentText() or None,
                                    self.mapping() if keep_mapping else None)
        if problem:
            self.problem.setText(problem)
            self._wizard.table, self._wizard.plan = table, plan  # keep showing what was readable
        else:
            self._show(self._wizard.table)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._wizard.table is not None and not self.problem.text()


def _read_fields(fields: tuple[str, ...]) -> list[str]:
    """The participant fields a table fills, in the workshop's order; first and last names are
    read as one name."""
    present = {"name" if field in NAME_FIELDS else field for field in fields}
    return [field for field in FIELDS if field in present]


class _ReportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard):
        super().__init__()
        self._wizard = wizard
        self.setTitle(_("What the import will do"))
        self.setSubTitle(_("Nothing has changed yet. Import applies all of it as one step, which Edit › Undo "
                                 "takes back."))
        self.report = PlainTextBox()
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(PlainTextBox.NoWrap)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)

    def initializePage(self) -> None:
        plan = self._wizard.plan  # planned when the list was read: the preview showed this plan
        if plan is None:
            self.show_problem(_("The list could not be read."))
        else:
            self.report.setPlainText("\n".join(plan.report.lines(limit=None)))

    def show_problem(self, text: str) -> None:
        self.report.setPlainText(text)
