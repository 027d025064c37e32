"""Bridge between the Qt-free document and Qt: one way to edit, one undo stack, one "changed" signal."""

import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.handouts.part import guard_handout

# What planning or applying an edit raises when the edit cannot be made: a value the file
# refuses, a row that no longer exists, a file that cannot be written. Anything else is a bug.
REFUSALS = (WorkshopError, ValueError)

Plan = Change | Callable[[WorkshopDocument], Change]


class DocumentSession(QObject):
    """An open document with its undo stack. Every edit goes through perform(); views listen
    to `changed` and follow each change from it, and the failures they started from `failed`."""

    # The Change just applied (or undone), and the object that passed it to perform(): None
    # for undo and redo, which every view treats as a change it did not make.
    changed = Signal(object, object)
    # A refused edit in words, and the object that passed it to perform(). With None (an undo
    # or redo the file refused, or an edit without a source) the main window shows it;
    # otherwise the page or dialog holding the source does, so each failure is shown once.
    failed = Signal(str, object)

    def __init__(self, document: WorkshopDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        # A breakout group's handout: what it says of itself, and the document refuses edits
        # outside the group's part. None for a workshop's own file.
        self.handout = guard_handout(document)
        # Why a file open read-only is so (a ui.read_only.reasons.ReadOnlyReason), for the banner
        # over the workshop; None for a file open for editing, or read only to be looked at.
        self.read_only_reason = None
        self.undo_stack = QUndoStack(self)
        self._source: object = None  # who started the change being applied (None: undo, redo)
        document.subscribe(self._announce)

    def perform(self, plan: Plan, text: str | None = None, *, source: object = None) -> Change | None:
        """Plan an edit, apply it and record it as one undo step named `text` (by default the
        change's description). `plan` is a planned Change or a function document -> Change.
        Returns the applied change; None when there was nothing to change or the edit was
        refused, in which case `failed` says why and the file and the undo stack are as they were."""
        try:
            change = plan(self.document) if callable(plan) else plan
        except REFUSALS as error:
            self.failed.emit(str(error), source)
            return None
        if not change:
            return None
        # Applied before it is pushed: a refused change never reaches the stack, so the redo
        # steps after the current one stay (push() would drop them before any refusal).
        outer, self._source = self._source, source
        try:
            self.document.apply(change)
        except REFUSALS as error:
            self.failed.emit(str(error), source)
            return None
        finally:
            self._source = outer
        self.undo_stack.push(_Edit(self, change, text or change.description))
        return change

    def close(self) -> None:
        self.document.unsubscribe(self._announce)
        self.undo_stack.clear()
        self.document.close()

    def _announce(self, change: Change) -> None:
        """Tell every view. The change is in the file by now: a view that fails while following
        it is a fault of that view (reported as such), never a refusal of the change."""
        try:
            self.changed.emit(change, self._source)
        except Exception as error:  # any fault of a view
            sys.excepthook(type(error), error, error.__traceback__)

    def _refused(self, error: Exception) -> None:
        # An undo or redo the file refused (a USB stick pulled out...): the file still holds
        # what it held, but the stack has moved. Move it back once undo()/redo() has returned
        # (Qt sets the index after calling them); the edit knows it is still in the file, so
        # the step back does not touch the file again. Qt swallows exceptions raised inside
        # undo()/redo(), so the signal is the only way to tell.
        stack, index = self.undo_stack, self.undo_stack.index()
        QTimer.singleShot(0, lambda: stack.setIndex(index))
        self.failed.emit(str(error), None)


class _Edit(QUndoCommand):
    """One undo step for a change already in the file: undo() applies its inverse, redo()
    applies it again. Each acts only when the file does not already hold what it wants, which
    is what lets push() (which calls redo()) and a refused step leave the file alone."""

    def __init__(self, session: DocumentSession, change: Change, text: str):
        super().__init__(text)
        self._session = session
        self._change = change
        self._in_file = True  # whether the file holds the change (not its inverse)

    def redo(self) -> None:
        if not self._in_file:
            self._in_file = self._apply(self._change)

    def undo(self) -> None:
        if self._in_file:
            self._in_file = not self._apply(self._change.inverse())

    def _apply(self, change: Change) -> bool:
        try:
            self._session.document.apply(change)
        except REFUSALS as error:
            self._session._refused(error)
            return False
        return True
