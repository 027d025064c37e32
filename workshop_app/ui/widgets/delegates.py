"""How table and tree cells show their text in a right-to-left window, and editors for cells
whose value is one of a list (sex, role, category, organization)."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QWidget

from workshop_app.ui.language import isolated, left_to_right


class IsolatingDelegate(QStyledItemDelegate):
    """Each cell's text in its own direction (language.isolated): in an Arabic window, an English
    title cut short ends with its "…" instead of starting with it, and "+977 1 4422 100" or
    "09:00–09:30" keep their order. With `left_to_right`, always left to right: e-mail
    addresses, phone numbers, keys, paths. Only what is drawn changes; the model's text, its
    sorting and its search stay as they are."""

    def __init__(self, parent=None, *, left_to_right: bool = False):
        super().__init__(parent)
        self._left_to_right = left_to_right

    def displayText(self, value, locale) -> str:  # noqa: N802 - Qt's name
        text = super().displayText(value, locale)
        return left_to_right(text) if self._left_to_right else isolated(text)


def isolate_cells(view: QAbstractItemView, left_to_right_columns=()) -> None:
    """Give a table, tree or list the isolating delegate, left to right in the given columns."""
    view.setItemDelegate(IsolatingDelegate(view))
    for column in left_to_right_columns:
        view.setItemDelegateForColumn(column, IsolatingDelegate(view, left_to_right=True))


class ChoiceDelegate(IsolatingDelegate):
    """A combo box of (key, label) pairs; the model receives the key. `choices` is called each
    time an editor opens, so a list that changes (the workshop's organizations) stays current."""

    def __init__(self, choices: Callable[[], list[tuple[object, str]]], parent=None, *, allow_none: str | None = None):
        super().__init__(parent)
        self._choices = choices
        self._allow_none = allow_none

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        editor = QComboBox(parent)
        if self._allow_none is not None:
            editor.addItem(self._allow_none, None)
        for key, label in self._choices():
            editor.addItem(label, key)
        editor.setMaxVisibleItems(20)
        # Choosing is the edit: commit at once instead of waiting for focus to leave.
        editor.activated.connect(lambda: self.commitData.emit(editor))
        return editor

    def setEditorData(self, editor: QComboBox, index: QModelIndex) -> None:
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.EditRole)), 0))

    def setModelData(self, editor: QComboBox, model, index: QModelIndex) -> None:
        model.setData(index, editor.currentData(), Qt.EditRole)
