"""Say what an edit did when it did more than the eye can follow: deleting an outcome takes its
outputs and actions with it, restoring a version rewrites the road map, freezing one changes
nothing on screen. A line in the status bar names it, with an Undo button beside it, so nobody
has to know that Edit › Undo exists to take it back. An edit of one value in place needs no
such line: the value is there to see."""

from PySide6.QtCore import QAbstractItemModel, QObject, QTimer
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QToolButton, QWidget

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.changes import Change
from workshop_app.ui.pages.base import Page
from workshop_app.ui.session import DocumentSession

SHOWN_FOR_MS = 15000


class ChangeNotice(QObject):
    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.session: DocumentSession | None = None
        self.label = QLabel()
        self.label.setObjectName("changeNotice")
        self.undo_button = QToolButton()
        # Translators: a button beside the status bar's note of an edit: takes the edit back
        self.undo_button.setText(_("Undo"))
        self.undo_button.clicked.connect(self.undo)
        window.statusBar().addWidget(self.label)
        window.statusBar().addWidget(self.undo_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.hide)
        self.hide()

    def follow(self, session: DocumentSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self._changed)
        self.session = session
        self.hide()
        if session is not None:
            session.changed.connect(self._changed)

    def text(self) -> str:
        return self.label.text() if self.label.isVisibleTo(self.label.parentWidget()) else ""

    def hide(self) -> None:
        self.label.hide()
        self.undo_button.hide()

    def undo(self) -> None:
        if self.session is not None and self.session.undo_stack.canUndo():
            self.session.undo_stack.undo()
        self.hide()

    def _changed(self, change: Change, source: object) -> None:
        if source is None:  # undo and redo: the Edit menu named them
            self.hide()
            return
        summary = self.summary(change, _typed_in_place(source))
        if not summary:
            return
        self.label.setText(summary)
        self.undo_button.setToolTip(_("Undo “{change}” (Ctrl+Z)").format(change=change.description))
        self.label.show()
        self.undo_button.show()
        self.timer.start(SHOWN_FOR_MS)

    def summary(self, change: Change, in_place: bool = False) -> str:
        added = sum(1 for row in change.rows if row.before is None)
        removed = sum(1 for row in change.rows if row.after is None)
        edited = len(change.rows) - added - removed
        if not change.rows or (in_place and edited == 1 and not added and not removed):
            return ""
        parts = []
        if added:
            # Translators: rows of the file an edit added, removed or changed: "Delete outcome: 1 removed, 2 changed."
            parts.append(ngettext("{count} added", "{count} added", added).format(count=added))
        if removed:
            parts.append(ngettext("{count} removed", "{count} removed", removed).format(count=removed))
        if edited:
            parts.append(ngettext("{count} changed", "{count} changed", edited).format(count=edited))
        # Translators: what an edit did, after its name: "Delete outcome: 1 removed, 2 changed."
        return _("{change}: {counts}.").format(change=change.description,
                                               # Translators: between the counts of "1 removed, 2 changed"
                                               counts=_(", ").join(parts))


def _typed_in_place(source: object) -> bool:
    """Whether the edit came from the cell or field where its value was typed (and shows)."""
    if isinstance(source, QAbstractItemModel):
        return True
    return isinstance(source, QWidget) and not isinstance(source, Page | QDialog)
