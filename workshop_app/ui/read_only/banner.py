"""The line over a workshop open read-only: why it is, and "Save a Copy As…" to edit a copy."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.ui.icons import icon
from workshop_app.ui.palette import style_panel


class ReadOnlyBanner(QFrame):
    save_copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.PlainText)  # a package's name may hold '<' or '&'
        # Translators: the button of the read-only banner: write a copy of the workshop and edit the copy
        self.save_copy_button = QPushButton(icon("copy"), _("Save a Copy As…"))
        self.save_copy_button.setToolTip(_("Write a copy of this workshop and open the copy for editing"))
        self.save_copy_button.clicked.connect(self.save_copy_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.save_copy_button, 0, Qt.AlignVCenter)
        style_panel(self)
        self.hide()

    def show_reason(self, reason) -> None:
        """Show why (a reasons.ReadOnlyReason), or hide for None."""
        self.text.setText(reason.banner_text() if reason is not None else "")
        self.setVisible(reason is not None)
