"""Help › Guide: the facilitator's guide, an HTML page shipped in resources/guide with the
program's own screenshots; read offline, nothing is fetched from anywhere.

One page per language, guide.<language>.html; a language without its own page reads English."""

from pathlib import Path

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.resources import resources_dir

FALLBACK_LANGUAGE = "en"


def guide_path(language: str | None = None) -> Path:
    """The guide in `language` (a code such as "fr"), else in the window's language, else English."""
    if language is None:
        language = QLocale().name().split("_")[0]
    folder = resources_dir() / "guide"
    page = folder / f"guide.{language}.html"
    return page if page.is_file() else folder / f"guide.{FALLBACK_LANGUAGE}.html"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(parent)
        # Translators: the title of the facilitator's guide window (Help › Guide)
        self.setWindowTitle(_("Guide"))
        self.browser = QTextBrowser()
        # Links inside the guide move within it; none leads outside (a test keeps it so), and a
        # room with no internet must not be sent to a browser.
        self.browser.setOpenExternalLinks(False)
        page = guide_path(language)
        self.browser.setSearchPaths([str(page.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(page)))

        # Translators: a button that goes back to the previous place in the guide
        self.back_button = QPushButton(_("Back"))
        self.back_button.setToolTip(_("Back to where you were before the last link (Alt+Left)"))
        self.back_button.setEnabled(False)
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        # Translators: a button that goes to the table of contents of the guide
        self.contents_button = QPushButton(_("Contents"))
        self.contents_button.setToolTip(_("The top of the guide, with its list of sections"))
        self.contents_button.clicked.connect(lambda: self.browser.setSource(QUrl("#top")))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        for button in (self.back_button, self.contents_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(1010, 700)  # the pictures are 960 wide


def show_guide(parent: QWidget) -> GuideDialog:
    """Open the guide beside the window, not over it (the facilitator reads and does), or bring
    forward the one already open."""
    dialog = parent.findChild(GuideDialog)
    if dialog is None:
        dialog = GuideDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
