"""Bridge between the Qt-free document and Qt: one undo stack, one "changed" signal."""

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError


class DocumentSession(QObject):
    """An open document with its undo stack. Pages listen to `changed` and refresh from it."""

    changed = Signal(object)  # the Change just applied (or undone)
    failed = Signal(str)  # an undo or redo the file refused

    def __init__(self, document: WorkshopDocument, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)
        document.subscribe(self.changed.emit)

    def perform(self, change: Change, text: str | None = None) -> bool:
        """Apply a planned change now and record it for undo. Raises WorkshopError, leaving
        the file and the undo stack as they were, when the file refuses the change."""
        if not change:
            return False
        self.document.apply(change)
        self.undo_stack.push(_AppliedEdit(self, change, text or change.description))
        return True

    def close(self) -> None:
        self.document.unsubscribe(self.changed.emit)
        self.undo_stack.clear()
        self.document.close()


class _AppliedEdit(QUndoCommand):
    """A change already applied by perform(); the stack's first redo() has nothing to do."""

    def __init__(self, session: DocumentSession, change: Change, text: str):
        super().__init__(text)
        self._session = session
        self._change = change
        self._skip_next = True  # push() calls redo() on a change that is already in the file

    def redo(self) -> None:
        self._run(self._change)

    def undo(self) -> None:
        self._run(self._change.inverse())

    def _run(self, change: Change) -> None:
        if self._skip_next:
            self._skip_next = False
            return
        stack = self._session.undo_stack
        index = stack.index()
        try:
            self._session.document.apply(change)
        except WorkshopError as error:
            # The file refused (a USB stick pulled out...): it still holds what it held. Move the
            # stack back to match, without touching the file again, and say what happened.
            # Qt swallows exceptions raised inside undo()/redo(), so this is the only way to tell.
            self._skip_next = True
            QTimer.singleShot(0, lambda: stack.setIndex(index))
            self._session.failed.emit(str(error))
