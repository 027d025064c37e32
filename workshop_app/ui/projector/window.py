"""The presentation window for the room: large type, a light, dark or high-contrast theme,
zoom, and a view that follows the facilitator unless frozen."""

import datetime as dt
import re

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.ui.language import left_to_right
from workshop_app.ui.palette import PROJECTOR_THEMES as THEMES
from workshop_app.ui.projector import content
from workshop_app.ui.sharing.room import qr_pixmap

BASE_PIXELS = 30  # body text on a 1080-line screen; the room reads it from the back row


HINTS_SHOWN_MS = 5000
# A key or a chord as the hints name it: "Esc", "T", "Ctrl +/−".
_KEYS = re.compile(r"[A-Za-z0-9?][A-Za-z0-9+/−=?]*(?: [+/−=]+)?")


def keys_apart(text: str) -> str:
    """In a right-to-left window, each key of a hint line set left to right on its own: the line
    then reads from the right like its words, and "Ctrl +/−" does not turn into "−/+ Ctrl"."""
    if not QGuiApplication.isRightToLeft():
        return text
    return _KEYS.sub(lambda found: left_to_right(found.group()), text)


class ProjectorWindow(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.setWindowTitle(_("Pathfinder Workshop — Projector"))
        self.document = None
        self.view = ("roadmap", None)  # (kind, argument)
        self.frozen = False
        self.theme = "light"
        self.zoom = 1.0
        self.version_name: str | None = None
        self.show_comments = False
        # The review site's address while the facilitator shares the draft with the room's phones:
        # J shows it with a large QR code, and it stays in the strip under every view.
        self.join_url: str | None = None
        self._before_join: tuple | None = None
        self.clock = dt.datetime.now
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.NoFrame)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.strip = QLabel()
        self.strip.setObjectName("strip")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.strip)
        for keys, slot in ((QKeySequence.ZoomIn, lambda: self.set_zoom(self.zoom * 1.15)),
                           (QKeySequence("Ctrl+="), lambda: self.set_zoom(self.zoom * 1.15)),
                           (QKeySequence.ZoomOut, lambda: self.set_zoom(self.zoom / 1.15)),
                           (QKeySequence("Ctrl+0"), lambda: self.set_zoom(1.0)),
                           (QKeySequence(Qt.Key_Escape), self.close),
                           (QKeySequence("T"), self.next_theme),
                           (QKeySequence("F"), self.toggle_freeze),
                           (QKeySequence("C"), self.toggle_comments),
                           (QKeySequence("J"), self.toggle_join),
                           (QKeySequence("H"), self.show_hints),
                           (QKeySequence("?"), self.show_hints)):
            QShortcut(keys, self, slot)
        # The keys are the facilitator's business, not the room's: named for a few seconds when
        # the projector opens (and on H or ?), then only the frozen mark stays.
        self.hints_shown = True
        self.hints_timer = QTimer(self)
        self.hints_timer.setSingleShot(True)
        self.hints_timer.setInterval(HINTS_SHOWN_MS)
        self.hints_timer.timeout.connect(self.hide_hints)
        self.hints_timer.start()
        self.timer = QTimer(self)  # the countdown of the agenda view
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.reload)
        self.apply_style()

    # ------------------------------------------------------------------ what is shown

    def set_document(self, document) -> None:
        self.document = document
        self.reload()

    def follow(self, kind: str, argument=None) -> None:
        """The facilitator moved (a page, a selection): show it unless the view is frozen."""
        if not self.frozen and (kind, argument) != self.view:  # edits refresh through the document
            self.view = (kind, argument)
            self.reload()

    def toggle_comments(self) -> None:
        self.show_comments = not self.show_comments
        self.reload()

    def set_join_url(self, url: str | None) -> None:
        self.join_url = url
        if url is None and self.view[0] == "join":
            self.view = self._before_join or ("roadmap", None)
        self.reload()

    def toggle_join(self) -> None:
        """The "Join" screen: the address and a QR code as large as the screen allows."""
        if self.view[0] == "join":
            self.view = self._before_join or ("roadmap", None)
        elif self.join_url:
            self._before_join, self.view = self.view, ("join", None)
        self.reload()

    def toggle_freeze(self) -> None:
        self.frozen = not self.frozen
        self._update_strip()

    def refresh(self, change=None, source: object = None) -> None:
        """Follow a change to the document: the page shown is built from the document as a whole.
        Comments arriving from phones show nowhere on the projector until accepted."""
        if change is not None and change.tables() <= {"phone_comment"}:
            return
        self.reload()

    def reload(self) -> None:
        """Build the page shown again from the document."""
        if self.document is None:
            self.browser.setHtml("")
            return
        kind, argument = self.view
        if kind == "join" and self.join_url:
            side = max(200, min(self.width(), self.height()) // 2)
            self.browser.document().addResource(QTextDocument.ImageResource, QUrl("join-qr.png"),
                                                qr_pixmap(self.join_url, scale=max(4, side // 45)).toImage())
            self.browser.setHtml(content.join_view(self.join_url, "join-qr.png"))
            self._update_strip()
            return
        if kind == "agenda":
            html = content.agenda_view(self.document, self.clock())
        elif kind == "groups":
            html = content.groups_view(self.document, *argument)
        elif kind == "figures":
            html = content.figures_view(self.document)
        elif kind == "changes":
            html = content.changes_view(self.document, self.version_name)
        else:
            html = content.roadmap_view(self.document, argument)
            if self.show_comments:
                html += content.comments_block(self.document, argument)
        if kind == "agenda" and not self.timer.isActive():
            self.timer.start()
        elif kind != "agenda":
            self.timer.stop()
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(html)
        self.browser.verticalScrollBar().setValue(scroll)
        self._update_strip()

    def show_hints(self) -> None:
        self.hints_shown = True
        self.hints_timer.start()
        self._update_strip()

    def hide_hints(self) -> None:
        self.hints_shown = False
        self._update_strip()

    def _update_strip(self) -> None:
        # Translators: the projector no longer follows the facilitator's selection.
        frozen = _("❄ frozen") if self.frozen else ""
        # Translators: the projector's keys, each before what it does; the keys stay as they are.
        hints = keys_apart(_("Esc close · Ctrl +/− zoom · T theme · F freeze · C comments · J join · H keys")) \
            if self.hints_shown else ""
        # Translators: under the projector's views while the room's phones can read the draft
        joining = _("Phones: {address}").format(address=self.join_url) if self.join_url else ""
        self.strip.setText("  ".join(part for part in (joining, hints, frozen) if part))
        self.strip.setVisible(bool(joining or hints or frozen))

    # ------------------------------------------------------------------ look

    def pixel_size(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        height = screen.geometry().height() if screen else 1080
        if self.isVisible() or self.height() > 0:
            height = max(self.height(), 480)
        return max(14, round(BASE_PIXELS * height / 1080 * self.zoom))

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, 0.5), 3.0)
        self.apply_style()

    def next_theme(self) -> None:
        names = list(THEMES)
        self.set_theme(names[(names.index(self.theme) + 1) % len(names)])

    def set_theme(self, theme: str) -> None:
        self.theme = theme if theme in THEMES else "light"
        self.apply_style()

    def apply_style(self) -> None:
        colours = THEMES[self.theme]
        size = self.pixel_size()
        self.setStyleSheet(
            f"QWidget {{ background: {colours['background']}; color: {colours['text']}; }}"
            f"QLabel#strip {{ color: {colours['muted']}; font-size: {max(12, size // 2)}px; padding: 4px 16px; }}")
        self.browser.document().setDocumentMargin(size * 1.2)
        font = QFont(self.browser.font())
        font.setPixelSize(size)  # tables and paragraphs take the document's font, not body CSS
        self.browser.document().setDefaultFont(font)
        self.browser.document().setDefaultStyleSheet(
            f"body {{ font-size: {size}px; color: {colours['text']}; }}"
            f"h1 {{ font-size: {round(size * 1.5)}px; color: {colours['accent']}; margin-bottom: {size // 2}px; }}"
            f"h2 {{ font-size: {round(size * 1.2)}px; }}"
            f"h3 {{ font-size: {round(size * 1.05)}px; margin-top: {size // 2}px; }}"
            f"td, th {{ padding: {size // 5}px {size // 3}px; border-bottom: 1px solid {colours['rule']}; }}"
            f"th {{ text-align: left; color: {colours['muted']}; }}"
            f"td.number {{ text-align: right; }} td.code {{ font-weight: bold; }}"
            f".selected {{ background: {colours['selected']}; }}"
            f".muted {{ color: {colours['muted']}; }} .accent {{ color: {colours['accent']}; }}"
            f".big {{ font-size: {round(size * 1.3)}px; }}"
            f"mark {{ background: {colours['mark']}; }}")
        self.reload()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.apply_style()

    def closeEvent(self, event) -> None:
        self.timer.stop()
        self.closed.emit()
        super().closeEvent(event)
