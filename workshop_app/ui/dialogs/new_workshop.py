"""New workshop: title, country, dates and languages, then where to keep the file."""

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, current, ngettext
from workshop_app.i18n.languages import PSEUDO
from workshop_app.models.document import FILE_FILTER, FILE_SUFFIX, WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.ui.palette import set_tone
from workshop_app.ui.widgets.country_combo import CountryCombo
from workshop_app.ui.widgets.fields import DateEdit


class NewWorkshopDialog(QDialog):
    def __init__(self, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("New Workshop"))
        self.folder = folder
        self.created_path: Path | None = None

        # Translators: the title a new workshop starts with (the user edits it)
        self.title_edit = QLineEdit(_("National workshop on a road map for target 8.7"))
        self.title_edit.selectAll()
        self.country_combo = CountryCombo(allow_unset=False)
        # No country is assumed: the first of the list would be a wrong guess for most users.
        self.country_combo.setPlaceholderText(_("Choose the country…"))
        self.country_combo.setCurrentIndex(-1)
        self.country_combo.currentIndexChanged.connect(lambda: self.error_label.hide())
        self.start_edit = DateEdit(QDate.currentDate().addDays(30))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 10)
        self.days_spin.valueChanged.connect(self._show_days_unit)
        self.days_spin.setValue(3)
        # The workshop works in the window's language first: its exports print in it.
        spoken = current().language
        self.languages_edit = QLineEdit("en" if spoken in ("en", PSEUDO) else f"{spoken}, en")
        self.languages_edit.setToolTip(_("Two-letter ISO 639-1 codes separated by commas, e.g. fr, en"))
        self.error_label = QLabel()
        set_tone(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        # Translators: form label: the title of the workshop
        form.addRow(_("&Title"), self.title_edit)
        form.addRow(_("&Country"), self.country_combo)
        form.addRow(_("&First day"), self.start_edit)
        # Translators: form label: how many days the workshop lasts
        form.addRow(_("&Length"), self.days_spin)
        form.addRow(_("&Languages"), self.languages_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(_("Create…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _show_days_unit(self, days: int) -> None:
        # Translators: the unit after the number of days the workshop lasts, space included
        self.days_spin.setSuffix(ngettext(" day", " days", days))

    def choose_path(self) -> Path | None:
        """Ask where to write the file (tests replace this)."""
        # Translators: the file name suggested for a workshop that has no title
        suggestion = self.folder / (self.title_edit.text().strip()[:60] or _("workshop"))
        path, _filter = QFileDialog.getSaveFileName(self, _("Create Workshop File"), str(suggestion) + FILE_SUFFIX,
                                                    _(FILE_FILTER))
        if not path:
            return None
        path = Path(path)
        return path if path.suffix.lower() == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)

    def accept(self) -> None:
        if not self.country_combo.code():
            self.error_label.setText(_("Choose the country of the workshop before creating it."))
            self.error_label.show()
            self.country_combo.setFocus()
            return
        path = self.choose_path()
        if path is None:
            return
        try:
            WorkshopDocument.create(
                path,
                title=self.title_edit.text(),
                country=self.country_combo.code(),
                start_date=self.start_edit.date().toString("yyyy-MM-dd"),
                days=self.days_spin.value(),
                languages=self.languages_edit.text(),
                overwrite=path.exists(),  # the save dialog already asked before replacing
            ).close()
        except WorkshopError as error:
            self.error_label.setText(str(error))
            self.error_label.show()
            return
        self.created_path = path
        super().accept()
