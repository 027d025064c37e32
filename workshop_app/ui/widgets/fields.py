"""Small editors that report a finished edit once, so each one becomes one undo step."""

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence
from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from workshop_app.i18n.catalogs import _

NO_DATE = QDate(2000, 1, 1)  # shown as "Not set"; the earliest date a workshop file accepts here


class TextArea(QPlainTextEdit):
    """Multi-line text that commits when focus leaves, like a line edit's editingFinished."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.document().isModified():
            self.document().setModified(False)
            self.editingFinished.emit()

    def set_text(self, text: str) -> None:
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.document().setModified(False)


class OptionalDateEdit(QDateEdit):
    """A date that may be left unset (stored as NULL)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        # Translators: shown in a date field left empty
        self.setSpecialValueText(_("Not set"))

    def iso_date(self) -> str | None:
        date = self.date()
        return None if date == NO_DATE else date.toString("yyyy-MM-dd")

    def set_iso_date(self, text: str | None) -> None:
        self.setDate(QDate.fromString(text, "yyyy-MM-dd") if text else NO_DATE)


class DocumentUndoRouter(QObject):
    """Ctrl+Z in a field with nothing typed since it was saved undoes the last change to the
    workshop (the Edit menu's Undo), not the field's own typing history."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.ShortcutOverride and (
            event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)
        ):
            pending = watched.isModified() if isinstance(watched, QLineEdit) else (
                isinstance(watched, QPlainTextEdit) and watched.document().isModified())
            if not pending:
                event.ignore()
                return True  # not taken by the field: the window's Undo/Redo shortcut runs
        return False
