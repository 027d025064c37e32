"""Road map › Hand Out…: a copy of the workshop for a breakout group, naming the outcomes it
drafts. The group opens it on its own laptop; File › Merge Handouts… brings its work back."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.models.document import FILE_FILTER
from workshop_app.models.errors import WorkshopError
from workshop_app.models.handouts.writing import LONGEST_LABEL, write_handout
from workshop_app.models.roadmap.tree import item_label, roadmap_tree


def next_group_label(document) -> str:
    """"Group A", then "Group B"… after the handouts this workshop has written or merged (a group
    still drafting has its name already)."""
    taken = {row["label"] for table in ("issued_handout", "merged_handout") for row in document.rows(table)}
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        # Translators: the default name of a breakout group's handout: "Group A", "Group B"…
        label = _("Group {letter}").format(letter=letter)
        if label not in taken:
            return label
    return _("Group {letter}").format(letter="Z")


class HandoutDialog(QDialog):
    def __init__(self, session, folder: Path, chosen: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.folder = session, folder
        self.written: Path | None = None
        self.setWindowTitle(_("Hand Out to a Group"))
        intro = QLabel(_("The group gets a copy of the whole workshop to open on its own laptop. It can draft the "
                         "outcomes ticked here (their outputs, actions and indicators) and add plenary comments "
                         "anywhere; the rest is read-only. File › Merge Handouts… brings its work back."))
        intro.setWordWrap(True)
        self.label = QLineEdit(next_group_label(session.document))
        self.label.setMaxLength(LONGEST_LABEL)
        self.outcomes = QListWidget()
        for goal in roadmap_tree(session.document):
            for outcome in goal.children:
                item = QListWidgetItem(f"{item_label('outcome', outcome.code)}  {outcome.node['title']}")
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if outcome.node["id"] == chosen else Qt.Unchecked)
                item.setData(Qt.UserRole, outcome.node["id"])
                self.outcomes.addItem(item)
        self.outcomes.itemChanged.connect(self._update)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        # Translators: the field naming the breakout group a handout is for
        form.addRow(_("&Group:"), self.label)
        form.addRow(_("&Outcomes it drafts:"), self.outcomes)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(_("Save Handout…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self._update()

    def chosen_outcomes(self) -> list[str]:
        return [self.outcomes.item(row).data(Qt.UserRole) for row in range(self.outcomes.count())
                if self.outcomes.item(row).checkState() == Qt.Checked]

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.chosen_outcomes()))

    def suggested_path(self) -> Path:
        stem = self.session.document.path.stem
        label = "".join(character for character in self.label.text().strip() if character not in '\\/:*?"<>|')
        return self.folder / f"{stem} - {label or _('handout')}.workshop"

    def accept(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("Save Handout"), str(self.suggested_path()),
                                                    _(FILE_FILTER))
        if not path:
            return
        target = Path(path) if path.endswith(".workshop") else Path(f"{path}.workshop")
        try:
            # The save dialog has asked before replacing a file.
            write_handout(self.session.document, target, self.chosen_outcomes(), self.label.text(), overwrite=True)
        except (WorkshopError, OSError) as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.written = target
        super().accept()
