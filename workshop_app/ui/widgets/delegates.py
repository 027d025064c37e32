"""Editors for table cells whose value is one of a list (sex, role, category, organization)."""

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QWidget


class ChoiceDelegate(QStyledItemDelegate):
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
