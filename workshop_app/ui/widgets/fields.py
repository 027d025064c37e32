"""Small editors that report a finished edit once, so each one becomes one undo step, and the
choosers of the details panels, which read their list of organizations or people once."""

from collections.abc import Callable, Iterable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QTextEdit, QWidget

from workshop_app.i18n.catalogs import _

NO_DATE = QDate(2000, 1, 1)  # shown as "Not set"; the earliest date a workshop file accepts here


class PlainTextBox(QTextEdit):
    """A box of plain text whose paragraphs each read in their own direction, an Arabic one from
    the right, an English one from the left. A QPlainTextEdit cannot: it starts every paragraph
    at the left, so in an Arabic window a sentence in Arabic hung on the wrong side of its box."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptRichText(False)  # a paste from a web page or a word processor comes as text


class TextArea(PlainTextBox):
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


class DateEdit(QDateEdit):
    """A date written year-month-day, 2027-03-09, in every language, with a calendar to pick it
    from. For a right-to-left language Qt turns the format around, day first (٠٩-٠٣-٢٠٢٧, typed
    in that order), and lays the field out from the right: here it stays year first and left to
    right, as the dates of the file, of the exports' names and of the command line are. The
    calendar that pops up keeps the window's language and direction."""

    def __init__(self, date: QDate | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        window_locale = QLocale()
        if window_locale.textDirection() == Qt.RightToLeft:
            self.setLocale(QLocale.c())  # before the format, which Qt reads in the locale's direction
            self.setLayoutDirection(Qt.LeftToRight)
            self.calendarWidget().setLocale(window_locale)
            self.calendarWidget().setFirstDayOfWeek(window_locale.firstDayOfWeek())
            self.calendarWidget().setLayoutDirection(Qt.RightToLeft)
        self.setDisplayFormat("yyyy-MM-dd")
        if date is not None:
            self.setDate(date)


class OptionalDateEdit(DateEdit):
    """A date that may be left unset (stored as NULL)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent=parent)
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
                isinstance(watched, QTextEdit) and watched.document().isModified())
            if not pending:
                event.ignore()
                return True  # not taken by the field: the window's Undo/Redo shortcut runs
        return False


def fill_when_empty(chooser: QComboBox, choices: Callable[[], Iterable[tuple[str, str]]]) -> None:
    """List the (id, label) `choices` in an empty chooser, with none chosen. A filled one keeps
    its list: the organizations or people are read once, not at every selection; the panel
    empties the chooser when they change, and the next showing reads them again."""
    if chooser.count() == 0:
        for row_id, label in choices():
            chooser.addItem(label, row_id)
        chooser.setCurrentIndex(-1)
