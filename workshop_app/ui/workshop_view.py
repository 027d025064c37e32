"""The open workshop: a navigation rail on the left, one page at a time on the right."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from workshop_app.i18n.catalogs import _
from workshop_app.resources import resources_dir
from workshop_app.ui.pages.base import Page
from workshop_app.ui.palette import style_panel
from workshop_app.ui.read_only.banner import ReadOnlyBanner
from workshop_app.ui.session import DocumentSession

PAGE_KEYS = ("overview", "stakeholders", "agenda", "roadmap")


def _create_page(key: str) -> Page:
    # Pages are built the first time they are shown: opening a file costs only the first page.
    if key == "overview":
        from workshop_app.ui.pages.overview import OverviewPage

        return OverviewPage()
    if key == "stakeholders":
        from workshop_app.ui.pages.stakeholders import StakeholdersPage

        return StakeholdersPage()
    if key == "agenda":
        from workshop_app.ui.pages.agenda import AgendaPage

        return AgendaPage()
    from workshop_app.ui.pages.roadmap import RoadmapPage

    return RoadmapPage()


class WorkshopView(QWidget):
    # What the facilitator is looking at, for the projector to follow: a view kind and its
    # argument ("roadmap", node id), ("agenda", None), ("groups", (day id, slot)), ("figures", None).
    focus_changed = Signal(str, object)

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.session: DocumentSession | None = None
        self._pages: dict[str, Page] = {}
        self.rail = QListWidget()
        self.rail.setObjectName("navigationRail")
        self.rail.setViewMode(QListWidget.IconMode)
        self.rail.setFlow(QListWidget.TopToBottom)
        self.rail.setMovement(QListWidget.Static)
        self.rail.setIconSize(QSize(32, 32))
        self.rail.setGridSize(QSize(104, 88))
        self.rail.setFixedWidth(112)
        self.rail.setSpacing(0)
        # "Parties prenantes", "Partes interesadas": a page's name may take two lines.
        self.rail.setWordWrap(True)
        self.rail.setFocusPolicy(Qt.StrongFocus)
        self.stack = QStackedWidget()
        for key, label in self.page_labels():
            item = QListWidgetItem(QIcon(str(resources_dir() / "icons" / f"{key}.svg")), label)
            item.setData(Qt.UserRole, key)
            item.setTextAlignment(Qt.AlignHCenter | Qt.AlignBottom)
            item.setSizeHint(QSize(104, 88))
            self.rail.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        self.rail.currentRowChanged.connect(self._show_row)
        # The rule between the rail and the page: style sheets do not mirror, and on the right
        # it ran along the window's edge in a right-to-left window, leaving none before the page.
        inner = "left" if self.isRightToLeft() else "right"
        self.rail.setStyleSheet(
            f"#navigationRail {{ background: palette(window); border: none; border-{inner}: 1px solid palette(mid); }}"
            "#navigationRail::item { border-radius: 8px; margin: 4px; padding-top: 6px; padding-bottom: 4px; }"
            "#navigationRail::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        # On top of a handout, what the group may edit; hidden for a workshop's own file.
        self.handout_banner = QLabel()
        self.handout_banner.setObjectName("handoutBanner")
        self.handout_banner.setWordWrap(True)
        self.handout_banner.setTextFormat(Qt.PlainText)
        self.handout_banner.setContentsMargins(12, 8, 12, 8)
        style_panel(self.handout_banner)
        self.handout_banner.hide()
        # On top of a workshop open read-only: why, and "Save a Copy As…" to edit a copy.
        self.read_only_banner = ReadOnlyBanner()
        self.read_only_banner.save_copy_requested.connect(lambda: self.window().save_copy())
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.read_only_banner)
        right.addWidget(self.handout_banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(right, 1)

    def page_labels(self) -> list[tuple[str, str]]:
        return [
            # Translators: the pages of an open workshop, in the navigation rail and the View menu
            ("overview", _("Overview")),
            ("stakeholders", _("Stakeholders")),
            ("agenda", _("Agenda")),
            ("roadmap", _("Road map")),
        ]

    def page(self, key: str) -> Page:
        if key not in self._pages:
            page = _create_page(key)
            page.settings = self.settings
            page.focus_changed.connect(self.focus_changed)
            page.set_session(self.session)
            index = PAGE_KEYS.index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[key] = page
        return self._pages[key]

    def built_pages(self) -> list[Page]:
        """The pages shown at least once (a page is built when first shown)."""
        return list(self._pages.values())

    def set_session(self, session: DocumentSession | None) -> None:
        self.session = session
        text = ""
        if session is not None and session.handout is not None:
            from workshop_app.ui.handouts.actions import banner_text

            text = banner_text(session)
        self.handout_banner.setText(text)
        self.handout_banner.setVisible(bool(text))
        self.read_only_banner.show_reason(session.read_only_reason if session is not None else None)
        for page in self._pages.values():
            page.set_session(session)

    def preferences_changed(self) -> None:
        for page in self._pages.values():
            page.set_session(self.session)  # pages read preferences when they reload

    def exported(self) -> None:
        """Something was exported: the Overview's checklist ticks its last step."""
        overview = self._pages.get("overview")
        if overview is not None and self.session is not None:
            overview.reload()

    def show_page(self, key: str) -> None:
        if key not in PAGE_KEYS:
            key = PAGE_KEYS[0]
        if self.rail.currentRow() == PAGE_KEYS.index(key):
            self._show_row(PAGE_KEYS.index(key))
        else:
            self.rail.setCurrentRow(PAGE_KEYS.index(key))

    def _show_row(self, row: int) -> None:
        if row >= 0:
            page = self.page(PAGE_KEYS[row])
            self.stack.setCurrentWidget(page)
            page.focus_main_view()
            self.announce_focus()

    def announce_focus(self) -> None:
        page = self._pages.get(self.current_page())
        if page is not None:
            self.focus_changed.emit(*page.projector_focus())

    def current_page(self) -> str:
        return PAGE_KEYS[max(self.rail.currentRow(), 0)]
