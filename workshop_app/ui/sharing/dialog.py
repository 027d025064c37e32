"""View › Share with the Room…: start the review site on an address of this computer (the
hotspot's, for the room), show its address and QR code, and take the comments phones send:
each is accepted as a plenary comment or dismissed, one undo step each."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import WorkshopError
from workshop_app.models.roadmap.comments import phone_sender
from workshop_app.models.roadmap.phone_comments import (
    pending_phone_comments,
    plan_accept_phone_comment,
    plan_dismiss_phone_comment,
)
from workshop_app.models.roadmap.tree import item_label
from workshop_app.share.addresses import room_addresses
from workshop_app.share.sharing import DEFAULT_PORT
from workshop_app.ui.sharing.room import qr_pixmap

LOCAL = "127.0.0.1"


class ShareDialog(QDialog):
    def __init__(self, session, room, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.room = session, room
        self.setWindowTitle(_("Share with the Room"))
        intro = QLabel(_("Phones on the same network (the hotspot of this computer) read the draft, the agenda and "
                         "their groups, and send comments; nothing they send changes the road map. A new address "
                         "is made each time sharing starts."))
        intro.setWordWrap(True)
        self.address = QComboBox()
        self.refresh_addresses()
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self.toggle)
        self.link = QLabel()
        self.link.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.link.setTextFormat(Qt.PlainText)
        self.link.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignCenter)
        # Translators: prints a page with the address and its QR code, to lay on the room's tables
        self.print_button = QPushButton(_("Save the Room's &Sheet (PDF)…"))
        self.print_button.clicked.connect(self.save_sheet)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.comments = QListWidget()
        self.comments.setWordWrap(True)
        self.accept_button = QPushButton(_("&Accept as Plenary Comment"))
        self.dismiss_button = QPushButton(_("&Dismiss"))
        self.accept_button.clicked.connect(lambda: self._decide(plan_accept_phone_comment))
        self.dismiss_button.clicked.connect(lambda: self._decide(plan_dismiss_phone_comment))
        form = QFormLayout()
        # Translators: the network address the review site answers on
        form.addRow(_("&Address:"), self.address)
        form.addRow(_("&Port:"), self.port)
        decide = QHBoxLayout()
        decide.addStretch(1)
        decide.addWidget(self.accept_button)
        decide.addWidget(self.dismiss_button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.start_button)
        layout.addWidget(self.problem)
        layout.addWidget(self.link)
        layout.addWidget(self.qr)
        layout.addWidget(self.print_button)
        # Translators: the list of comments phones sent, waiting for the facilitator
        self.comments_label = QLabel()
        layout.addWidget(self.comments_label)
        layout.addWidget(self.comments, 1)
        layout.addLayout(decide)
        layout.addWidget(buttons)
        self.resize(620, 720)
        room.changed.connect(self.show_state)
        room.comments_arrived.connect(lambda _count: self.show_comments() if self.isVisible() else None)
        session.changed.connect(lambda change, _source: self.show_comments()
                                if "phone_comment" in change.tables() and self.isVisible() else None)
        self.show_state()
        self.show_comments()

    def refresh_addresses(self) -> None:
        """The computer's addresses as they are now (a hotspot turned on after the dialog was
        first opened is there too), the one chosen before kept when it still exists. While
        sharing, says when the computer left the network of the address shared (the laptop
        joined another Wi-Fi, the hotspot was turned off): phones can no longer reach it."""
        if self.room.running:
            bound = self.room.sharing.bind
            if bound != LOCAL and bound not in room_addresses("0.0.0.0"):
                # Translators: in Share with the Room, when the computer changed network while sharing
                self.problem.setText(_("This computer is no longer on the network of {address}: phones cannot "
                                       "reach the site. Stop sharing, choose an address and start again.").format(
                    address=bound))
            return
        chosen = self.address.currentData()
        self.address.clear()
        for address in room_addresses("0.0.0.0"):
            self.address.addItem(address, address)
        # Translators: the address that only this computer can open, for trying the site first
        self.address.addItem(_("{address} (this computer only)").format(address=LOCAL), LOCAL)
        if chosen is not None and self.address.findData(chosen) >= 0:
            self.address.setCurrentIndex(self.address.findData(chosen))

    def toggle(self) -> None:
        self.problem.clear()
        if self.room.running:
            self.room.stop()
            return
        try:
            self.room.start(self.session.document, self.address.currentData(), self.port.value())
        except WorkshopError as error:
            self.problem.setText(str(error))

    def show_state(self) -> None:
        running = self.room.running
        self.start_button.setText(_("&Stop Sharing") if running else _("&Start Sharing"))
        self.address.setEnabled(not running)
        self.port.setEnabled(not running)
        urls = self.room.urls()
        self.link.setText("\n".join(urls))
        self.link.setVisible(bool(urls))
        self.qr.setVisible(bool(urls))
        self.print_button.setVisible(bool(urls))
        if urls:
            self.qr.setPixmap(qr_pixmap(urls[0]))

    def save_sheet(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from workshop_app.export.errors import ExportError
        from workshop_app.share.join_sheet import write_join_sheet

        urls = self.room.urls()
        if not urls:
            return
        # Translators: the file name suggested for the room's sheet
        suggested = self.session.document.path.with_name(_("Read the draft on your phone") + ".pdf")
        path, _filter = QFileDialog.getSaveFileName(self, _("Save the Room's Sheet"), str(suggested),
                                                    _("PDF document (*.pdf)"))
        if not path:
            return
        try:
            write_join_sheet(self.session.document, path, urls[0])
        except (ExportError, OSError) as error:
            self.problem.setText(str(error))

    def show_comments(self) -> None:
        pending = pending_phone_comments(self.session.document)
        self.comments.clear()
        for comment in pending:
            # The sender as typed on the phone, said to be unverified, as it stays once accepted.
            sender = phone_sender(", ".join(part for part in (comment["name"], comment["organization"]) if part))
            item = QListWidgetItem(f"{item_label(comment['level'], comment['code'])}: {comment['text']}\n— {sender}")
            item.setData(Qt.UserRole, comment["id"])
            self.comments.addItem(item)
        if pending:
            self.comments.setCurrentRow(0)
        self.comments_label.setText(_("Comments from phones waiting for you: {count}").format(count=len(pending)))
        for button in (self.accept_button, self.dismiss_button):
            button.setEnabled(bool(pending))

    def _decide(self, plan) -> None:
        item = self.comments.currentItem()
        if item is None:
            return
        comment_id = item.data(Qt.UserRole)
        self.session.perform(lambda document: plan(document, comment_id), source=self)
        self.show_comments()


def share_with_room(window) -> None:
    """Open the sharing dialog (one per window; it stays open beside the window)."""
    from workshop_app.ui.sharing.room import RoomSharing

    if window.session is None:
        return
    if window.room is None:
        window.room = RoomSharing(window)
        window.room.comments_arrived.connect(lambda count: window.statusBar().showMessage(
            _("Comments from phones are waiting: View › Share with the Room…"), 8000))
        window.room.comments_dropped.connect(lambda count: window.statusBar().showMessage(ngettext(
            "{count} comment from a phone was not kept: its item was deleted before it arrived",
            "{count} comments from phones were not kept: their items were deleted before they arrived",
            count).format(count=count), 12000))
        # The projector shows the address (and, on J, a QR code as large as the screen) while sharing.
        window.room.changed.connect(lambda: window.projector is not None and window.projector.set_join_url(
            (window.room.urls() or [None])[0]))
    dialog = getattr(window, "share_dialog", None)
    if dialog is None or dialog.session is not window.session:
        if dialog is not None:
            dialog.deleteLater()
        dialog = window.share_dialog = ShareDialog(window.session, window.room, window)
    dialog.refresh_addresses()
    dialog.show_comments()  # the list is kept up to date only while the dialog is shown
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
