"""File › Export: one dialog per export, holding its options and the file to write together.

The file name comes prefilled ("<workshop title> – sign-in sheets.pdf" in the last folder used),
so most exports are one dialog and one press of Enter. Browse… opens the system's save dialog
for another place. Enter never replaces a file without asking: an existing file gets a question
whose default answer is No.
"""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.export.files import export_file_name
from workshop_app.export.words import export_language
from workshop_app.i18n.catalogs import N_, _
from workshop_app.i18n.formats import short_date
from workshop_app.i18n.languages import LANGUAGES
from workshop_app.models.roadmap.versions import list_versions
from workshop_app.models.stakeholders.attendance import days
from workshop_app.ui.language import left_to_right
from workshop_app.ui.palette import set_tone

# Translators: the North American paper size (8.5 × 11 inches)
PAPERS = ("A4", N_("Letter"))  # the setting keeps the English name


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportDialog(QDialog):
    """The options a subclass adds (add_option), then the format when there is a choice, the
    file name with Browse…, and Export / Cancel. `what` names the export for the registry;
    target() and options() are what the window hands to it once the dialog is accepted."""

    def __init__(self, document, settings, parent: QWidget | None, *, title: str, what: str, name: str,
                 formats: list[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.what = what
        self.settings = settings
        self.formats = formats  # (label, suffix), the first the default
        self.folder = settings.last_folder()
        self.paper: QComboBox | None = None
        workshop_title = document.workshop()["title"] or document.path.stem
        # The name alone, the folder under it: a long title and a long folder both stay readable.
        self.file_name = QLineEdit(export_file_name(workshop_title, name, formats[0][1]))
        self.file_name.setMinimumWidth(560)
        self.file_name.textChanged.connect(self._file_name_changed)
        self.where = QLabel()
        self.where.setStyleSheet("color: palette(placeholder-text);")
        self.where.setWordWrap(True)
        browse = QPushButton(_("Browse…"))
        browse.setAutoDefault(False)  # Enter in the dialog exports; it never opens a second dialog
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_name, 1)
        file_row.addWidget(browse)

        self.form = QFormLayout()
        self.format: QComboBox | None = None
        if len(formats) > 1:
            self.format = QComboBox()
            for label, suffix in formats:
                self.format.addItem(f"{label} ({suffix})", suffix)
            self.format.currentIndexChanged.connect(self._format_changed)
            self.form.addRow(_("&Format"), self.format)
        file_label = QLabel(_("Save &as"))
        file_label.setBuddy(self.file_name)
        self.form.addRow(file_label, file_row)
        self.form.addRow("", self.where)
        self.error_label = QLabel()
        set_tone(self.error_label, "error")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.export_button = self.buttons.button(QDialogButtonBox.Ok)  # the default: Enter exports
        # Translators: the button that writes the file (a verb)
        self.export_button.setText(_("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._options = 0
        # Every export prints in one of the program's languages, the workshop's by default; each
        # is listed in its own name, as its reader looks for it. Options the export adds go above.
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(export_language(document))))
        self.form.insertRow(0, _("&Language"), self.language)
        self._show_folder()

    # ------------------------------------------------------------------ for subclasses

    def add_option(self, label: str, field) -> None:
        """A row above the file name (a widget or a layout; label "" for a lone check box)."""
        self.form.insertRow(self._options, label, field)
        self._options += 1

    def add_paper(self) -> None:
        self.paper = QComboBox()
        for paper in PAPERS:
            self.paper.addItem(_(paper), paper)
        self.paper.setCurrentIndex(max(0, self.paper.findData(self.settings.export_paper())))
        self.add_option(_("&Paper"), self.paper)

    def options(self) -> dict:
        found = {"lang": self.language.currentData()}
        if self.paper is not None:
            found["paper"] = self.paper.currentData()
        return found

    # ------------------------------------------------------------------ the file

    def target(self) -> Path:
        """The file to write: relative names are in the suggested folder, and the format's
        suffix is added when the name has none of ours ("Workshop 8.7" is not a ".7" file)."""
        path = Path(self.file_name.text().strip()).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.name and path.suffix.lower() not in self._suffixes():  # "/" while typing has no name
            path = path.with_name(path.name + self._suffix())
        return path

    def browse(self) -> None:
        filters = [f"{label} (*{suffix})" for label, suffix in self.formats]
        chosen = filters[self._suffixes().index(self._suffix())]
        # The dialog asks before replacing a file when Export is pressed, not twice.
        path, chosen = QFileDialog.getSaveFileName(self, self.windowTitle(), str(self.target()), ";;".join(filters),
                                                   chosen, QFileDialog.DontConfirmOverwrite)
        if not path:
            return
        if self.format is not None and chosen in filters and Path(path).suffix.lower() not in self._suffixes():
            self.format.setCurrentIndex(filters.index(chosen))
        path = Path(path)
        self.folder = path.parent
        self.file_name.setText(path.name if path.suffix.lower() in self._suffixes() else path.name + self._suffix())
        self._show_folder()
        self.file_name.setFocus()

    def accept(self) -> None:
        if not self.file_name.text().strip() or not self._may_write(self.target()):
            return
        if self.paper is not None:
            self.settings.set_export_paper(self.paper.currentData())
        super().accept()

    def _may_write(self, target: Path) -> bool:
        """A folder that exists, and no file replaced unless the user says so (default: No)."""
        problem = ""
        if not target.parent.is_dir():
            problem = _("The folder {folder} does not exist.").format(folder=target.parent)
        elif target.is_dir():
            problem = _("{path} is a folder; type a file name.").format(path=target)
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            self.file_name.setFocus()
            return False
        if not target.exists():
            return True
        answer = QMessageBox.question(
            self, _("Replace File?"),
            _("“{file}” already exists in {folder}.\nDo you want to replace it?").format(
                file=target.name, folder=target.parent),
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def _suffixes(self) -> list[str]:
        return [suffix for _label, suffix in self.formats]

    def _suffix(self) -> str:
        return self.format.currentData() if self.format is not None else self.formats[0][1]

    def _show_folder(self) -> None:
        folder = self.target().parent if self.file_name.text().strip() else self.folder
        # "/root", not "root/", after Arabic words.
        self.where.setText(_("Folder: {folder}").format(folder=left_to_right(str(folder))))

    def _file_name_changed(self, text: str) -> None:
        self._show_folder()
        self.error_label.hide()
        self.export_button.setEnabled(bool(text.strip()))
        suffix = Path(text.strip()).suffix.lower()
        if self.format is not None and suffix in self._suffixes() and suffix != self._suffix():
            self.format.blockSignals(True)
            self.format.setCurrentIndex(self._suffixes().index(suffix))
            self.format.blockSignals(False)

    def _format_changed(self) -> None:
        text = self.file_name.text().strip()
        path = Path(text)
        if path.suffix.lower() in self._suffixes():
            self.file_name.setText(str(path.with_suffix(self._suffix())))


class ParticipantListExportDialog(ExportDialog):
    def __init__(self, document, settings, parent: QWidget | None = None):
        super().__init__(document, settings, parent, title=_("Export Participant List"), what="participants",
                         # Translators: what the suggested file name ends with: "<workshop title> – participants.xlsx"
                         name=_("participants"),
                         formats=[(_("Excel workbook"), ".xlsx"), (_("CSV, UTF-8"), ".csv")])


class SignInExportDialog(ExportDialog):
    """Which days, in what order, on what paper; contact details only when asked for, as the
    sheet is passed round the room."""

    def __init__(self, document, settings, parent: QWidget | None = None):
        super().__init__(document, settings, parent, title=_("Export Sign-in Sheets"), what="sign-in",
                         # Translators: what the suggested file name ends with: "<workshop title> – sign-in sheets.pdf"
                         name=_("sign-in sheets"), formats=[(_("PDF document"), ".pdf")])
        self.day_combo = QComboBox()
        self.day_combo.addItem(_("Every day (one sheet per day)"), None)
        for number, day in enumerate(days(document), start=1):
            label = (_("Day {number} · {date}").format(number=number, date=short_date(day["date"])) if day["date"]
                     else _("Day {number}").format(number=number))
            self.day_combo.addItem(label, number)
        self.order_combo = QComboBox()
        self.order_combo.addItem(_("By name"), "name")
        self.order_combo.addItem(_("Grouped by organization"), "organization")
        self.contacts = QCheckBox(_("Print participants' e-mail and phone (the sheet goes round the room)"))
        self.add_option(_("&Days"), self.day_combo)
        self.add_option(_("&Order"), self.order_combo)
        self.add_paper()
        self.add_option("", self.contacts)

    def options(self) -> dict:
        return {**super().options(), "day": self.day_combo.currentData(), "order": self.order_combo.currentData(),
                "include_contacts": self.contacts.isChecked()}


class AgendaExportDialog(ExportDialog):
    """The agenda as a PDF (participants' or facilitators') or as a workbook."""

    def __init__(self, document, settings, parent: QWidget | None = None, *, facilitator: bool = False,
                 suffix: str = ".pdf"):
        if suffix == ".xlsx":
            title, formats = _("Export Agenda Workbook"), [(_("Excel workbook"), ".xlsx")]
        else:
            title = _("Export Facilitators' Agenda") if facilitator else _("Export Agenda")
            formats = [(_("PDF document"), ".pdf")]
        what = "facilitator-agenda" if facilitator else "agenda"
        # Translators: what the suggested file name ends with: "<workshop title> – agenda.pdf"
        name = _("facilitators' agenda") if facilitator else _("agenda")
        super().__init__(document, settings, parent, title=title, what=what, name=name, formats=formats)
        if suffix == ".pdf":
            self.add_paper()


class GroupListsExportDialog(ExportDialog):
    """The member lists of one time slot's breakout groups, a page per group."""

    def __init__(self, document, settings, parent: QWidget | None = None, *, day_id: str, slot: int):
        super().__init__(document, settings, parent, title=_("Print Group Lists"), what="groups",
                         # Translators: what the suggested file name ends with: "<workshop title> – group lists.pdf"
                         name=_("group lists"), formats=[(_("PDF document"), ".pdf")])
        self.day_id, self.slot = day_id, slot
        self.add_paper()

    def options(self) -> dict:
        return {**super().options(), "day": self.day_id, "slot": self.slot}


def version_combo(document) -> QComboBox:
    combo = QComboBox()
    combo.addItem(_("Current draft"), None)
    for version in list_versions(document):
        name = version["name"]
        combo.addItem(_("{version} (validated)").format(version=name) if version["validated"] else name, name)
    return combo


class RoadmapWorkbookExportDialog(ExportDialog):
    """The road map as an Excel workbook that a ministry can edit and send back."""

    def __init__(self, document, settings, parent: QWidget | None = None):
        super().__init__(document, settings, parent, title=_("Export Road-map Workbook"), what="roadmap",
                         # Translators: what the suggested file name ends with: "<workshop title> – road map.xlsx"
                         name=_("road map"), formats=[(_("Excel workbook"), ".xlsx")])
        self.version = version_combo(document)
        self.add_option(_("&Version"), self.version)

    def options(self) -> dict:
        return {**super().options(), "version": self.version.currentData()}


class RoadmapExportDialog(ExportDialog):
    """The road-map report: which sections, which version, paper and language, and whether
    participants' contact details go in the annex (off by default, for privacy)."""

    # Translators: the sections of the road-map report, chosen by check boxes, in the order they print
    SECTIONS = (("endorsement", N_("Endorsement")), ("foreword", N_("Foreword")), ("acronyms", N_("Acronyms")),
                ("summary", N_("Executive summary")), ("definitions", N_("Definitions")), ("context", N_("Context")),
                ("global", N_("Reference figures")), ("framework", N_("Legal and institutional framework")),
                ("roadmap", N_("The road map")), ("timeline", N_("Timeline")),
                ("arrangements", N_("Implementation and coordination")),
                ("monitoring", N_("Monitoring and evaluation")), ("risks", N_("Risks and assumptions")),
                ("budget", N_("Budget")), ("crosscutting", N_("Cross-cutting tables")),
                ("responsibilities", N_("Responsibilities")),
                ("workshop", N_("The workshop")), ("acknowledgements", N_("Acknowledgements")),
                ("participants", N_("Participant list")), ("agenda", N_("Agenda")),
                ("comments", N_("Plenary comments")))
    COLUMNS = 3

    def __init__(self, document, settings, parent: QWidget | None = None):
        super().__init__(document, settings, parent, title=_("Export Road-map Report"), what="roadmap",
                         # Translators: what the suggested file name ends with: "<workshop title> – road map.pdf"
                         name=_("road map"), formats=[(_("PDF document"), ".pdf")])
        self.boxes = {}
        grid = QGridLayout()
        for index, (key, label) in enumerate(self.SECTIONS):
            box = QCheckBox(_(label))
            box.setChecked(True)
            self.boxes[key] = box
            # Down the columns, so that the sections read in their order.
            rows = -(-len(self.SECTIONS) // self.COLUMNS)
            grid.addWidget(box, index % rows, index // rows)
        self.version = version_combo(document)
        self.contacts = QCheckBox(_("Include participants' e-mail and phone (off by default, for privacy)"))
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(_("Optional logo image for the cover (PNG or JPEG)"))
        browse = QPushButton(_("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.add_option(_("Sections"), grid)
        self.add_option(_("&Version"), self.version)
        self.add_paper()
        self.add_option("", self.contacts)
        # Translators: the image printed on the report's cover
        self.add_option(_("Logo"), logo_row)

    def _choose_logo(self) -> None:
        # Translators: a file filter; keep the patterns in brackets as they are
        path, _filter = QFileDialog.getOpenFileName(self, _("Logo"), "", _("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def options(self) -> dict:
        return {**super().options(), "sections": [key for key, box in self.boxes.items() if box.isChecked()],
                "version": self.version.currentData(),
                "include_contacts": self.contacts.isChecked(), "logo": self.logo.text().strip() or None}
