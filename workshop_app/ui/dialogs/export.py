"""File › Export: the participant list (Excel or CSV) and the sign-in sheets (PDF), with the
choices a facilitator makes before printing; the result opens when done if they wish."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from workshop_app.models.stakeholders.attendance import days


class SignInOptionsDialog(QDialog):
    def __init__(self, document, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign-in Sheets"))
        self.day_combo = QComboBox()
        self.day_combo.addItem(self.tr("Every day (one sheet per day)"), None)
        for number, day in enumerate(days(document), start=1):
            label = self.tr("Day %1").replace("%1", str(number))
            self.day_combo.addItem(f"{label} · {day['date']}" if day["date"] else label, number)
        self.order_combo = QComboBox()
        self.order_combo.addItem(self.tr("By name"), "name")
        self.order_combo.addItem(self.tr("Grouped by organization"), "organization")
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(["A4", "Letter"])
        form = QFormLayout()
        form.addRow(self.tr("&Days"), self.day_combo)
        form.addRow(self.tr("&Order"), self.order_combo)
        form.addRow(self.tr("&Paper"), self.paper_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> dict:
        return {"day": self.day_combo.currentData(), "order": self.order_combo.currentData(),
                "paper": self.paper_combo.currentText()}


def ask_target(parent: QWidget, title: str, suggestion: Path, file_filter: str) -> Path | None:
    """Where to write an export (tests replace this)."""
    path, chosen_filter = QFileDialog.getSaveFileName(parent, title, str(suggestion), file_filter)
    if not path:
        return None
    path = Path(path)
    if not path.suffix:
        suffix = ".csv" if "csv" in chosen_filter.lower() else suggestion.suffix
        path = path.with_name(path.name + suffix)
    return path


def open_with_system(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class RoadmapExportDialog(QDialog):
    """The road-map report: which sections, which version, paper and language, and whether
    participants' contact details go in the annex (off by default, for privacy)."""

    SECTIONS = (("context", "Context"), ("global", "The global picture"), ("workshop", "The workshop"),
                ("roadmap", "The road map"), ("timeline", "Timeline"), ("monitoring", "Monitoring and evaluation"),
                ("budget", "Budget"), ("responsibilities", "Responsibilities"), ("participants", "Participant list"),
                ("agenda", "Agenda"), ("comments", "Plenary comments"))

    def __init__(self, document, parent: QWidget | None = None):
        from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLineEdit, QPushButton

        from workshop_app.models.roadmap.versions import list_versions

        super().__init__(parent)
        self.setWindowTitle(self.tr("Road-map Report"))
        self.boxes = {}
        grid = QGridLayout()
        for index, (key, label) in enumerate(self.SECTIONS):
            box = QCheckBox(self.tr(label))
            box.setChecked(True)
            self.boxes[key] = box
            grid.addWidget(box, index // 2, index % 2)
        self.version = QComboBox()
        self.version.addItem(self.tr("Current draft"), None)
        for version in list_versions(document):
            mark = self.tr(" (validated)") if version["validated"] else ""
            self.version.addItem(version["name"] + mark, version["name"])
        self.paper = QComboBox()
        self.paper.addItems(["A4", "Letter"])
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.contacts = QCheckBox(self.tr("Include participants' e-mail and phone (off by default, for privacy)"))
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("Optional logo image for the cover (PNG or JPEG)"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Sections"), grid)
        form.addRow(self.tr("&Version"), self.version)
        form.addRow(self.tr("&Paper"), self.paper)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.contacts)
        form.addRow(self.tr("Logo"), logo_row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Logo"), "", self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def options(self) -> dict:
        return {"sections": [key for key, box in self.boxes.items() if box.isChecked()],
                "version": self.version.currentData(), "paper": self.paper.currentText(),
                "lang": self.language.currentData(), "include_contacts": self.contacts.isChecked(),
                "logo": self.logo.text().strip() or None}
