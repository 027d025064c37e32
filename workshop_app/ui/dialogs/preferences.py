"""Preferences: choices that hold for every workshop on this computer."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.i18n.languages import LANGUAGES
from workshop_app.ui.language import window_language
from workshop_app.ui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_("Preferences"))
        self.women_share = QSpinBox()
        self.women_share.setRange(0, 100)
        self.women_share.setSuffix(" %")
        self.women_share.setValue(round(settings.women_share_minimum() * 100))
        explanation = QLabel(_("The participation figures warn when the share of women among participants "
                                     "is below this minimum."))
        explanation.setWordWrap(True)
        self.open_exports = QCheckBox(_("&Open exported files when they are written"))
        self.open_exports.setChecked(settings.open_exports())
        self.theme = QComboBox()
        themes = (
            # Translators: a colour theme of the window: the one the desktop uses
            ("system", _("As the desktop (light or dark)")),
            # Translators: a colour theme of the window
            ("light", _("Light")),
            # Translators: a colour theme of the window
            ("dark", _("Dark")),
        )
        for key, label in themes:
            self.theme.addItem(label, key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme())))
        self.language = QComboBox()
        desktop = LANGUAGES[window_language()]
        # Translators: the window follows the desktop's language; {language} is its name
        self.language.addItem(_("As the desktop ({language})").format(language=desktop), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each in its own name, as its reader looks for it
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        form = QFormLayout()
        # Translators: form label: the language of the window's words
        form.addRow(_("La&nguage"), self.language)
        # Translators: form label: the window's colour theme
        form.addRow(_("&Look"), self.theme)
        form.addRow(_("Minimum share of &women"), self.women_share)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.open_exports)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.set_women_share_minimum(self.women_share.value() / 100)
        self.settings.set_open_exports(self.open_exports.isChecked())
        self.settings.set_theme(self.theme.currentData())
        self.settings.set_language(self.language.currentData())
        super().accept()
