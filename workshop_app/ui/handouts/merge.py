"""File › Merge Handouts…: each chosen handout in turn, its changes listed and its conflicts shown
side by side (as handed out · the workshop now · the group), each decided by the facilitator,
before anything is applied. Merging one handout is one step, which Edit › Undo takes back."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _, ngettext
from workshop_app.models.errors import WorkshopError
from workshop_app.models.handouts.describing import conflict_views, preview_lines
from workshop_app.models.handouts.merging import HANDOUT, WORKSHOP, merge_change, plan_merge
from workshop_app.models.handouts.reading import distinct_paths, read_handout
from workshop_app.ui.widgets.fields import PlainTextBox

# How much of a conflicting text the review shows (a long description whole; a pasted book cut).
REVIEW_TEXT = 3000


class MergeDialog(QDialog):
    def __init__(self, session, paths: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.handouts = []
        self.index = 0
        self.plan = None
        self.merged: list[str] = []  # the groups merged, for the window's status line
        self.setWindowTitle(_("Merge Handouts"))
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.PlainText)
        self.changes = PlainTextBox()
        self.changes.setReadOnly(True)
        self.conflicts_label = QLabel()
        self.conflicts_label.setWordWrap(True)
        self.conflicts_label.setTextFormat(Qt.PlainText)  # it names the group, as the group typed it
        self.conflicts = QTableWidget(0, 6)
        self.conflicts.setHorizontalHeaderLabels([
            # Translators: the columns of the merge's conflicts: what is at stake, then its three values
            _("Item"), _("Field"), _("As handed out"), _("Workshop now"), _("Group"), _("Keep")])
        self.conflicts.verticalHeader().hide()
        self.conflicts.setWordWrap(True)
        header = self.conflicts.horizontalHeader()
        # The three values side by side share the width; the item keeps a readable column.
        header.setSectionResizeMode(0, QHeaderView.Interactive)
        self.conflicts.setColumnWidth(0, 240)
        for column, mode in ((1, QHeaderView.ResizeToContents), (2, QHeaderView.Stretch), (3, QHeaderView.Stretch),
                             (4, QHeaderView.Stretch), (5, QHeaderView.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        # Rows as tall as their wrapped text at the widths the columns get once laid out, not before.
        rows = self.conflicts
        header.sectionResized.connect(lambda *_section: QTimer.singleShot(0, rows, rows.resizeRowsToContents))
        self.keep_workshop = QPushButton(_("Keep All the &Workshop's"))
        self.keep_group = QPushButton(_("Take All the &Group's"))
        self.keep_workshop.clicked.connect(lambda: self._choose_all(WORKSHOP))
        self.keep_group.clicked.connect(lambda: self._choose_all(HANDOUT))
        choices = QHBoxLayout()
        choices.addWidget(self.conflicts_label, 1)
        choices.addWidget(self.keep_workshop)
        choices.addWidget(self.keep_group)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.merge_button = self.buttons.addButton(_("&Merge"), QDialogButtonBox.AcceptRole)
        self.skip_button = self.buttons.addButton(_("&Skip"), QDialogButtonBox.ActionRole)
        self.merge_button.clicked.connect(self.merge_current)
        self.skip_button.clicked.connect(self.next_handout)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.changes, 2)
        layout.addLayout(choices)
        layout.addWidget(self.conflicts, 2)
        layout.addWidget(self.buttons)
        self.resize(980, 640)
        paths, repeated = distinct_paths(paths)
        # Translators: the files chosen in File › Merge Handouts… named one handout twice
        self.repeated = [_("{file} was chosen more than once; it is merged once.").format(file=path.name)
                         for path in repeated]
        try:
            # Every file is read (or refused) before anything changes.
            self.handouts = [read_handout(session.document, path) for path in paths]
        except WorkshopError as error:
            self._refuse(str(error))
            return
        self.show_handout()

    def _refuse(self, message: str) -> None:
        self.heading.setText(message + "\n" + _("Nothing was merged."))
        for widget in (self.changes, self.conflicts, self.keep_workshop, self.keep_group, self.merge_button,
                       self.skip_button, self.conflicts_label):
            widget.setEnabled(False)

    def show_handout(self) -> None:
        """Plan the current handout against the workshop as it is now (after the ones merged)."""
        if self.index >= len(self.handouts):
            self.accept()
            return
        handout = self.handouts[self.index]
        self.plan = plan_merge(self.session.document, handout)
        position = _("{number} of {count}").format(number=self.index + 1, count=len(self.handouts))
        name = f"{handout.label} ({handout.path.name})"
        if self.plan.already_merged:
            self.heading.setText(_("{handout}, {position}: already merged; merging it again would change "
                                   "nothing.").format(handout=name, position=position))
        else:
            self.heading.setText(_("{handout}, {position}. Nothing has changed yet: Merge applies the changes "
                                   "below as one step, which Edit › Undo takes back.").format(
                handout=name, position=position))
            if self.plan.again:
                self.heading.setText(self.heading.text() + "\n" + _("This handout was merged before: below are "
                                                                      "the changes made in it since."))
        # What will not be merged, and a part the file claims the workshop never handed out.
        notes = [*(self.repeated if self.index == 0 else []), *self.plan.notes]
        if notes:
            self.heading.setText("\n".join([self.heading.text(), *notes]))
        self._fill_conflicts()
        self._preview()  # enables Merge when there is something to merge and the preview could be made
        # An "&" the group typed in its name is shown, not taken for a shortcut.
        self.merge_button.setText(_("&Merge {group}").format(group=handout.label.replace("&", "&&")))

    def _fill_conflicts(self) -> None:
        # The values whole (up to a page of text): the facilitator chooses between them here.
        views = ([] if self.plan.already_merged
                 else conflict_views(self.session.document, self.plan, shorten=REVIEW_TEXT))
        self.conflicts.setRowCount(len(views))
        group = self.handouts[self.index].label
        self.conflicts.horizontalHeaderItem(4).setText(group)
        for row, (view, conflict) in enumerate(zip(views, self.plan.conflicts)):
            for column, value in enumerate((view.item, view.field, view.base, view.workshop, view.handout)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.conflicts.setItem(row, column, item)
            keep = QComboBox()
            keep.addItem(_("The workshop's"), WORKSHOP)
            keep.addItem(_("The group's"), HANDOUT)
            keep.setCurrentIndex(keep.findData(conflict.choice))
            keep.currentIndexChanged.connect(lambda _index, row=row, combo=keep: self._choose(row, combo.currentData()))
            self.conflicts.setCellWidget(row, 5, keep)
        self.conflicts.resizeRowsToContents()
        count = len(views)
        self.conflicts_label.setText(ngettext(
            "{count} conflict: the workshop and {group} both changed it, or the group changed it outside its part. "
            "Choose what to keep.",
            "{count} conflicts: the workshop and {group} both changed them, or the group changed them outside its "
            "part. Choose what to keep.", count).format(count=count, group=group) if count else _("No conflicts."))
        for widget in (self.conflicts, self.keep_workshop, self.keep_group):
            widget.setEnabled(bool(count))

    def _choose(self, row: int, side: str) -> None:
        self.plan.conflicts[row].choice = side
        self._preview()

    def _choose_all(self, side: str) -> None:
        for row in range(self.conflicts.rowCount()):
            combo = self.conflicts.cellWidget(row, 5)
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(side))
            combo.blockSignals(False)
            self.plan.conflicts[row].choice = side
        self._preview()

    def _preview(self) -> None:
        if self.plan is None or self.plan.already_merged:
            self.changes.clear()
            self.merge_button.setEnabled(False)
            return
        try:
            lines = preview_lines(self.session.document, self.plan)
        except WorkshopError as error:
            # This choice cannot be merged (another choice may be): say why, and wait for it.
            self.changes.setPlainText(str(error))
            self.merge_button.setEnabled(False)
            return
        self.changes.setPlainText("\n".join(lines) if lines else _("Nothing to change."))
        self.merge_button.setEnabled(True)

    def merge_current(self) -> None:
        handout = self.handouts[self.index]
        try:
            change = merge_change(self.session.document, self.plan)
        except WorkshopError as error:
            self.heading.setText(str(error))
            return
        # A refusal is shown by the main window; the dialog stays on this handout.
        if self.session.perform(change) is None:
            return
        self.merged.append(handout.label)
        self.next_handout()

    def next_handout(self) -> None:
        self.index += 1
        self.show_handout()
