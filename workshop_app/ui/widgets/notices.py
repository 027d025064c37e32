"""What a page says besides its table: warnings folded by kind, what to do on an empty page,
and the getting-started checklist of a new workshop."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.ui.icons import icon
from workshop_app.ui.palette import set_tone
from workshop_app.ui.widgets.delegates import isolate_cells

# A folded warnings panel never takes more of the page than this: the table stays in view.
WARNINGS_MOST_HEIGHT = 170
_LIST_MOST_HEIGHT = 110


class FoldedWarnings(QScrollArea):
    """One line per kind of warning ("22 sessions have no facilitator"); a click on the line
    unfolds the list of that kind, a click on an entry reports the items it is about."""

    chosen = Signal(tuple)  # the ids a clicked warning is about

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMaximumHeight(WARNINGS_MOST_HEIGHT)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.setWidget(self._body)
        self.lines: dict[str, QToolButton] = {}
        self.lists: dict[str, QListWidget] = {}
        self._open: set[str] = set()  # kinds the user unfolded: they stay open across refreshes

    def set_warnings(self, groups: list[tuple[str, str, list[tuple[str, tuple]]]]) -> None:
        """`groups`: (kind, summary line, [(message, ids)]) in the order to show them."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.lines, self.lists = {}, {}
        for kind, summary, entries in groups:
            line = QToolButton()
            line.setObjectName("warningLine")
            set_tone(line, "warning")
            line.setText(f"⚠ {summary}")
            line.setCheckable(True)
            line.setAutoRaise(True)
            line.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            line.setIconSize(QSize(12, 12))  # the fold's caret, smaller than the words
            line.setToolTip(_("Show or hide the list"))
            listing = QListWidget()
            listing.setMaximumHeight(_LIST_MOST_HEIGHT)
            isolate_cells(listing)
            for message, ids in entries:
                entry = QListWidgetItem(message)
                entry.setData(Qt.UserRole, ids)
                listing.addItem(entry)
            listing.itemClicked.connect(lambda entry: self.chosen.emit(tuple(entry.data(Qt.UserRole))))
            line.toggled.connect(lambda on, k=kind: self._fold(k, on))
            self._layout.addWidget(line)
            self._layout.addWidget(listing)
            self.lines[kind], self.lists[kind] = line, listing
            line.show()  # counted by the layout at once, not when the event loop shows it
            line.setChecked(kind in self._open)
            self._fold(kind, kind in self._open)
        self._open &= set(self.lines)
        self.setVisible(bool(groups))
        self._fit()

    def _fold(self, kind: str, unfolded: bool) -> None:
        line = self.lines[kind]
        # A caret icon, not Qt's arrow type: Qt draws that arrow on the left and pointing right
        # even in a right-to-left window, after the words instead of before them.
        line.setIcon(icon("caret-down-fill" if unfolded else "caret-right-fill"))
        self.lists[kind].setVisible(unfolded)
        if unfolded:
            self._open.add(kind)
        else:
            self._open.discard(kind)
        self._fit()

    def _fit(self) -> None:
        """As tall as its lines, up to the bound; scrolls beyond it."""
        self._layout.invalidate()
        self.setFixedHeight(min(self._layout.sizeHint().height(), WARNINGS_MOST_HEIGHT))


class EmptyState(QFrame):
    """What an empty page is for and what to do first: a sentence and one button per way."""

    def __init__(self, text: str, choices: list[tuple[str, object]], parent: QWidget | None = None):
        """`choices`: (button text, what a click calls), the most likely first."""
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignCenter)
        self.text.setStyleSheet("font-size: 13pt;")
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        row.addStretch(1)
        for text_of_button, slot in choices:
            button = QPushButton(text_of_button)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)


class Checklist(QFrame):
    """The steps of a workshop from an empty file to a shared road map, each ticked when done
    and each with a button that goes there."""

    def __init__(self, title: str, rows: int = 3, parent: QWidget | None = None):
        """Steps run down `rows` rows, then on in the next column."""
        super().__init__(parent)
        self.setObjectName("card")
        self._most_rows = rows
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        layout.addWidget(heading)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(24)
        layout.addLayout(self._grid)
        self.steps: dict[str, tuple[QLabel, QLabel, QPushButton]] = {}

    def add_step(self, key: str, text: str, button_text: str, slot, explanation: str = "") -> None:
        mark = QLabel()
        label = QLabel(text)
        label.setWordWrap(True)
        label.setToolTip(explanation)
        button = QPushButton(button_text)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(mark)
        row.addWidget(label, 1)
        row.addWidget(button)
        index = len(self.steps)
        self._grid.addLayout(row, index % self._most_rows, index // self._most_rows)
        self.steps[key] = (mark, label, button)

    def set_done(self, done: dict[str, bool]) -> None:
        for key, (mark, label, button) in self.steps.items():
            finished = done.get(key, False)
            mark.setText("☑" if finished else "☐")
            # Translators: read aloud for a step of the getting-started checklist: done or still to do
            mark.setAccessibleName(_("Done") if finished else _("To do"))
            font = label.font()
            font.setStrikeOut(finished)
            label.setFont(font)
            button.setVisible(not finished)
        self.setVisible(not all(done.get(key, False) for key in self.steps))

    def is_done(self, key: str) -> bool:
        return self.steps[key][0].text() == "☑"
