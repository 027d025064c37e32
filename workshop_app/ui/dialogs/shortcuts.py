"""Help › Keyboard Shortcuts: every key the window answers to, read from the actions themselves
(so the list cannot drift from what the keys do), with where each one works."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.ui.widgets.delegates import isolate_cells


def shortcut_list(window) -> list[tuple[str, str, str]]:
    """(keys, what they do, where) in the words shown: the menus' keys work everywhere, a
    page's keys whenever that page is shown."""
    found: list[tuple[str, str, str]] = []
    # Translators: where a key works: in the whole window, whatever page is shown
    everywhere = _("Everywhere")
    pages = []
    if window.session is not None:
        pages = [(window.workshop_view.page(key), label) for key, label in window.workshop_view.page_labels()]
    page_actions = {id(action) for page, _label in pages for action in _all_actions(page)}
    menus = [action for action in window.findChildren(QAction) if id(action) not in page_actions]
    for actions, where in [(menus, everywhere), *((_all_actions(page), label) for page, label in pages)]:
        for action in actions:
            keys = action.shortcut().toString(QKeySequence.NativeText)
            text = action.text().replace("&", "").rstrip("…")
            if keys and text and not any(k == keys and t == text for k, t, _where in found):
                found.append((keys, text, where))
    return found


def _all_actions(page: QWidget) -> list[QAction]:
    """A page's actions, with those its tables hold (Delete belongs to the table in front)."""
    actions = list(QWidget.actions(page))  # some pages keep their own `actions` dict
    for view in page.findChildren(QAbstractItemView):
        actions += view.actions()
    return actions


class ShortcutsDialog(QDialog):
    def __init__(self, shortcuts: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard Shortcuts"))
        self.table = QTableWidget(len(shortcuts), 3)
        self.table.setHorizontalHeaderLabels([
            # Translators: a column header in the table of keyboard shortcuts: the keys to press
            _("Keys"),
            _("What they do"),
            # Translators: a column header in the table of keyboard shortcuts: where the keys work
            _("Where"),
        ])
        self.table.verticalHeader().hide()
        isolate_cells(self.table, (0,))  # "Ctrl+/", not "/+Ctrl", in an Arabic window
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        for row, values in enumerate(shortcuts):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 560)
