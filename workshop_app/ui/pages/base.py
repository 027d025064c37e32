"""What every page of the workshop view shares: it follows the open session and updates
itself when something it shows changes, but only while it is visible."""

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolButton,
    QTreeView,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.ui.icons import icon
from workshop_app.ui.palette import set_tone
from workshop_app.ui.session import DocumentSession
from workshop_app.ui.widgets.delegates import isolate_cells
from workshop_app.ui.widgets.toolbar_row import ToolbarRow


def held_by(source: object, holder: QObject) -> bool:
    """Whether `source` is `holder` or one of its models, widgets or dialogs (its QObject
    parents lead to `holder`)."""
    while isinstance(source, QObject):
        if source is holder:
            return True
        source = QObject.parent(source)  # item models override parent() with the tree's
    return False


class CellTree(QTreeView):
    """A tree whose rows are selected whole, yet whose cells the keyboard reaches: Left and
    Right move from cell to cell (a plain QTreeView moves only from row to row), so F2 edits
    the cost or the lead without a click in the row first. + and − still open and close a
    branch."""

    def moveCursor(self, action, modifiers):
        current = self.currentIndex()
        if action in (QAbstractItemView.MoveLeft, QAbstractItemView.MoveRight) and current.isValid():
            header = self.header()
            step = 1 if action == QAbstractItemView.MoveRight else -1
            if self.isRightToLeft():
                step = -step
            visual = header.visualIndex(current.column()) + step
            while 0 <= visual < header.count() and self.isColumnHidden(header.logicalIndex(visual)):
                visual += step
            if 0 <= visual < header.count():
                return current.siblingAtColumn(header.logicalIndex(visual))
            return current
        return super().moveCursor(action, modifiers)


class Page(QWidget):
    """A page of the workshop view. Two words, with one meaning each across ui/:

    - reload(): read everything the page shows again from the document (a file was opened,
      preferences changed, a hidden page is shown after changes it missed);
    - refresh(change, source): update what one applied change touched. `source` is the object
      that passed the change to DocumentSession.perform, None for undo and redo; a model or
      widget that wrote a value itself need not read it back, anything else must.

    A hidden page does neither on a change: it is marked stale and reloads when it is shown.
    """

    # Tables whose changes this page shows; None means any change.
    TABLES: set[str] | None = None
    focus_changed = Signal(str, object)  # what the projector should show now (see WorkshopView)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: DocumentSession | None = None
        self.settings = None  # the window's Settings, given when the page is created
        self.message: QLabel | None = None  # where show_problem() writes
        self._stale = True
        self._fitted: list[QAbstractItemView] = []  # views whose columns were fitted to this file

    def set_session(self, session: DocumentSession | None) -> None:
        if self.session is not None:
            self.session.changed.disconnect(self._on_changed)
            self.session.failed.disconnect(self._on_failed)
        self.session = session
        self._stale = True
        self._fitted = []
        if session is not None:
            session.changed.connect(self._on_changed)
            session.failed.connect(self._on_failed)
        if self.isVisible():
            self._catch_up()

    def reload(self) -> None:
        """Show what the document holds (self.session may be None: show nothing)."""
        raise NotImplementedError

    def refresh(self, change: Change, source: object) -> None:
        """Follow one change while visible; pages with cheaper updates than reload() override it."""
        self.reload()

    def main_view(self) -> QWidget | None:
        """Where the keyboard goes when the page is opened: its main table or tree."""
        return self.findChild(QAbstractItemView)

    def focus_main_view(self) -> None:
        view = self.main_view()
        if view is None or not view.isVisible():
            return
        view.setFocus(Qt.OtherFocusReason)
        if isinstance(view, QAbstractItemView) and not view.currentIndex().isValid() and view.model().rowCount():
            view.setCurrentIndex(view.model().index(0, 0))  # the arrow keys move from the first row

    def projector_focus(self) -> tuple[str, object]:
        """What the room should see while this page is in front."""
        return "figures", None

    def _on_changed(self, change: Change, source: object) -> None:
        if self.TABLES is not None and not (change.tables() & self.TABLES):
            return
        if self.isVisible():
            self.refresh(change, source)
        else:
            self._stale = True  # a hidden page catches up when it is shown

    def _on_failed(self, message: str, source: object) -> None:
        if held_by(source, self):
            self.show_failure(message, source)

    def show_failure(self, message: str, source: object) -> None:
        """Say why an edit started on this page was refused (the main window only shows
        failures that have no source)."""
        self.show_problem(message)

    @staticmethod
    def problem_line() -> QLabel:
        """A line for what could not be done, hidden until used: a page keeps it as self.message."""
        label = QLabel()
        set_tone(label, "error")
        label.hide()
        return label

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._catch_up()

    def _catch_up(self) -> None:
        self._stale = False
        self.reload()

    @staticmethod
    def heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("pageTitle")
        label.setStyleSheet("font-size: 20pt; font-weight: bold;")
        return label

    def lay_out(self, heading: QLabel, *widgets: QWidget) -> QVBoxLayout:
        """The page title, then the page's widgets; the last one takes the spare height."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading)
        for widget in widgets:
            layout.addWidget(widget)
        layout.setStretchFactor(widgets[-1], 1)
        return layout

    @staticmethod
    def make_tree(headers: list[str], stretch_column: int, widths: dict[int, int]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        isolate_cells(tree)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.header().setSectionResizeMode(stretch_column, QHeaderView.Stretch)
        tree.header().setStretchLastSection(False)
        for column, width in widths.items():
            tree.setColumnWidth(column, width)
        return tree

    def page_action(self, text: str, slot, shortcut=None, icon_name: str | None = None) -> QAction:
        """An action of this page; its shortcut works whenever the page is shown, wherever the
        focus is (the navigation rail just clicked included): Qt keeps the shortcuts of hidden
        pages asleep, and a text field still takes the editing keys (Delete) for itself."""
        action = QAction(text, self)
        action.triggered.connect(slot)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.WindowShortcut)
            # Translators: a toolbar button's tooltip: what it does, then its keyboard shortcut.
            action.setToolTip(_("{action} ({shortcut})").format(
                action=text, shortcut=action.shortcut().toString(QKeySequence.NativeText)))
        self.addAction(action)
        return action

    @staticmethod
    def toolbar(actions) -> QHBoxLayout:
        """The page's buttons in one row that turns the rightmost to icons rather than cut a
        word (widgets/toolbar_row.py)."""
        bar = QHBoxLayout()
        bar.addWidget(ToolbarRow([Page.tool_button(action) for action in actions]), 1)
        return bar

    @staticmethod
    def tool_button(action: QAction) -> QToolButton:
        """A toolbar button: icon and words, or the icon alone where it says everything (an
        arrow), the words then in its tooltip."""
        action.setIconText(action.text())  # a button keeps the "…" of a dialog it opens
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonIconOnly if action.property("iconOnly")
                                  else Qt.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        return button

    @staticmethod
    def give_icons(actions: dict[str, QAction], names: dict[str, str], alone: tuple[str, ...] = ()) -> None:
        for key, name in names.items():
            actions[key].setIcon(icon(name))
            actions[key].setProperty("iconOnly", key in alone)

    def offer_in_context_menu(self, view: QAbstractItemView, actions) -> None:
        """A right click on the table or tree offers the page's actions (None: a separator),
        on the row under the pointer."""
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda position: self.context_menu(view, actions, position).popup(
            view.viewport().mapToGlobal(position)))

    def context_menu(self, view: QAbstractItemView, actions, position: QPoint) -> QMenu:
        index = view.indexAt(position)
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in actions:
            if action is None:
                menu.addSeparator()
            elif action.isVisible():
                menu.addAction(action)
        return menu

    def fit_columns(self, view: QAbstractItemView, columns) -> None:
        """Short columns as wide as what they hold, measured once a file's rows are first shown
        (the user may then drag them). Kept fitted by the header instead (ResizeToContents), a
        column is measured again over every row at each edit, which doubled the time of editing
        and laying out a full road map."""
        if view in self._fitted or view.model() is None or not view.model().rowCount():
            return
        self._fitted.append(view)
        for column in columns:
            view.resizeColumnToContents(column)

    @staticmethod
    def editable_tree(model, stretch_column: int, widths: dict[int, int]) -> QTreeView:
        """A tree view that edits in place and moves rows by drag and drop through the model."""
        tree = CellTree()
        tree.setModel(model)
        isolate_cells(tree)
        tree.setAlternatingRowColors(True)
        tree.setUniformRowHeights(True)
        tree.setSelectionBehavior(QAbstractItemView.SelectRows)
        tree.setDragDropMode(QAbstractItemView.DragDrop)
        tree.setDefaultDropAction(Qt.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(stretch_column, QHeaderView.Stretch)
        for column, width in widths.items():
            tree.setColumnWidth(column, width)
        return tree


class TreePage(Page):
    """A page built around one editable tree of document rows, self.tree over self.model (the
    agenda, the road map), with the selected row's details beside it (_show_details). A row is
    selected by its id; a row just added is selected with its title open for typing."""

    def index_of(self, row_id: str, column: int = 0) -> QModelIndex:
        """The model's index of a row's cell (not valid when the tree does not show the row)."""
        raise NotImplementedError

    def _show_details(self, *args) -> None:
        raise NotImplementedError

    def main_view(self) -> QWidget:
        return self.tree

    def select(self, row_id: str | None) -> None:
        index = self.index_of(row_id) if row_id else None
        if index is not None and index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            self.tree.scrollTo(index)
        self._show_details()

    def add_and_edit(self, plan) -> None:
        """Apply `plan`, which adds a row; select the new row and start editing its title."""
        change = self.session.perform(plan, source=self)
        if change:
            new_id = next(row.row_id for row in change.rows if row.kind == "insert")
            self.select(new_id)
            self.tree.edit(self.index_of(new_id, 1))

    def ask(self, dialog) -> bool:
        """Show a dialog modally (tests replace this)."""
        return bool(dialog.exec())
