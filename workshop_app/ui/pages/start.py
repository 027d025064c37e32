"""The first thing a facilitator sees: create, open, try the demo, or pick up a recent workshop."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workshop_app.i18n.catalogs import _
from workshop_app.resources import resources_dir
from workshop_app.ui.language import left_to_right
from workshop_app.ui.settings import Settings
from workshop_app.ui.widgets.delegates import isolate_cells


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    file_chosen = Signal(Path)

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("startPage")
        columns = QHBoxLayout()
        columns.addLayout(self._build_actions(), 1)
        separator = QFrame()
        separator.setFrameShape(QFrame.VLine)
        separator.setFrameShadow(QFrame.Sunken)
        columns.addWidget(separator)
        columns.addLayout(self._build_recent(), 2)

        card = QFrame()
        card.setObjectName("startCard")
        card.setMaximumWidth(980)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(36, 32, 36, 32)
        card_layout.setSpacing(24)
        card_layout.addLayout(self._build_heading())
        card_layout.addLayout(columns, 1)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(card, 6)
        outer.addStretch(1)
        self.setStyleSheet(
            "#startCard { background: palette(base); border: 1px solid palette(mid); border-radius: 10px; }"
            "#sectionTitle { font-weight: bold; font-size: 13pt; }"
            "#hint, #tagline { color: palette(placeholder-text); }"
            "QPushButton { padding: 10px 16px; text-align: left; font-size: 11pt; }"
        )
        self.reload()

    def _build_heading(self) -> QHBoxLayout:
        logo = QLabel()
        logo.setPixmap(QIcon(str(resources_dir() / "icons" / "app.svg")).pixmap(QSize(72, 72)))
        title = QLabel(_("Pathfinder Workshop"))
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 2.2)
        title_font.setBold(True)
        title.setFont(title_font)
        tagline = QLabel(_(
            "Prepare and run an Alliance 8.7 national planning workshop, offline, and leave the room "
            "with the road map: participants, agenda and plan of action in one file."
        ))
        tagline.setWordWrap(True)
        tagline.setObjectName("tagline")
        heading = QHBoxLayout()
        heading.addWidget(logo)
        heading_text = QVBoxLayout()
        heading_text.addWidget(title)
        heading_text.addWidget(tagline)
        heading.addLayout(heading_text, 1)
        return heading

    def _build_actions(self) -> QVBoxLayout:
        new_button = self._button(_("New workshop…"), _("Create an empty workshop file"),
                                  self.new_requested)
        # Translators: a button on the start page that opens an existing workshop file.
        open_button = self._button(_("Open…"), _("Open a .workshop file"), self.open_requested)
        demo_button = self._button(
            _("Open the demo workshop"),
            _("A fictional three-day road-map workshop in Nepal, to explore the program"),
            self.demo_requested,
        )
        new_button.setDefault(True)
        actions = QVBoxLayout()
        actions.addWidget(new_button)
        actions.addWidget(open_button)
        actions.addWidget(demo_button)
        actions.addStretch(1)
        return actions

    def _build_recent(self) -> QVBoxLayout:
        recent_title = QLabel(_("Recent workshops"))
        recent_title.setObjectName("sectionTitle")
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.setAlternatingRowColors(True)
        isolate_cells(self.recent_list)
        self.recent_list.itemActivated.connect(self._open_item)
        self.empty_label = QLabel(_("Workshops you open will be listed here."))
        self.empty_label.setObjectName("hint")
        self.empty_label.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.recent_stack = QStackedWidget()
        self.recent_stack.addWidget(self.recent_list)
        self.recent_stack.addWidget(self.empty_label)
        recent = QVBoxLayout()
        recent.addWidget(recent_title)
        recent.addWidget(self.recent_stack, 1)
        return recent

    def _button(self, text: str, tip: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setMinimumHeight(44)
        button.clicked.connect(signal.emit)
        return button

    def reload(self) -> None:
        self.recent_list.clear()
        for path in self.settings.recent_files():
            # A folder reads left to right, "/home/…" or "C:\\Users\\…", even in an Arabic window.
            folder = left_to_right(str(path.parent))
            item = QListWidgetItem(f"{path.name}\n{folder}")
            item.setData(Qt.UserRole, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                # Translators: a recent workshop whose file is gone: its name, then its folder.
                item.setText(_("{name}\n{folder} (missing)").format(name=path.name, folder=folder))
                item.setForeground(self.palette().placeholderText())
            self.recent_list.addItem(item)
        has_files = self.recent_list.count() > 0
        self.recent_stack.setCurrentWidget(self.recent_list if has_files else self.empty_label)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.file_chosen.emit(Path(item.data(Qt.UserRole)))
