"""The main window: menus, the start page, and the workshop view of the open file."""

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from workshop_app import APP_NAME, __version__
from workshop_app.export.package.contents import is_package
from workshop_app.i18n.catalogs import _, current
from workshop_app.models.document import FILE_FILTER, FILE_SUFFIX, WorkshopDocument
from workshop_app.models.errors import WorkshopError
from workshop_app.models.file import schema
from workshop_app.ui.change_notice import ChangeNotice
from workshop_app.ui.icons import icon
from workshop_app.ui.menus import build_menus
from workshop_app.ui.package.opening import OPEN_FILTER, open_package
from workshop_app.ui.palette import apply_theme
from workshop_app.ui.read_only.actions import offer_read_only
from workshop_app.ui.read_only.reasons import by_choice, copy_stem
from workshop_app.ui.session import DocumentSession
from workshop_app.ui.settings import Settings
from workshop_app.ui.workshop_view import PAGE_KEYS, WorkshopView


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, *, remember_state: bool = True):
        super().__init__()
        self.settings = settings or Settings()
        self._remember_state = remember_state
        self.session: DocumentSession | None = None
        self.projector = None
        self.room = None  # the review site phones read, while the facilitator shares (ui.sharing)
        self.setWindowTitle(APP_NAME)
        apply_theme(self.settings.theme())
        # Following the desktop: a switch to dark (or back) while the program runs is followed too.
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._follow_desktop_look)
        self.resize(1280, 800)
        self.setMinimumSize(800, 560)

        self._start_page = None
        self.workshop_view = WorkshopView(self.settings)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.workshop_view)
        self.setCentralWidget(self.stack)

        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.change_notice = ChangeNotice(self)
        self.setAcceptDrops(True)  # drop a .workshop file from the file manager to open it

        self._undo_actions: list[QAction] = []  # Undo and Redo of the open file's stack
        build_menus(self)
        self._update_actions()
        if remember_state and (geometry := self.settings.window_geometry()) is not None:
            self.restoreGeometry(geometry)

    @property
    def start_page(self):
        """Built when first needed: opening a file from the command line never needs it."""
        if self._start_page is None:
            from workshop_app.ui.pages.start import StartPage

            page = StartPage(self.settings)
            page.new_requested.connect(self.new_workshop)
            page.open_requested.connect(self.choose_and_open)
            page.demo_requested.connect(self.open_demo)
            page.file_chosen.connect(self.open_file)
            self.stack.addWidget(page)
            self._start_page = page
        return self._start_page

    def _reload_start_page(self) -> None:
        if self._start_page is not None:
            self._start_page.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self.session is None:
            self.stack.setCurrentWidget(self.start_page)
        super().showEvent(event)

    # ------------------------------------------------------------------ menus

    def _install_undo_actions(self) -> None:
        for action in self._undo_actions:
            self.edit_menu.removeAction(action)
            action.deleteLater()
        self._undo_actions = []
        if self.session is None:
            return
        first = self.edit_menu.actions()[0] if self.edit_menu.actions() else None
        undo = self.session.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut(QKeySequence.Undo)
        undo.setIcon(icon("arrow-counter-clockwise"))
        redo = self.session.undo_stack.createRedoAction(self, _("&Redo"))
        # Spelled out: a StandardKey gives only its platform's first binding (Ctrl+Y on Windows
        # and Linux), which then clashes with the second one and neither key works.
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setIcon(icon("arrow-clockwise"))
        self._undo_actions = [undo, redo]
        self.edit_menu.insertActions(first, self._undo_actions)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda checked=False, p=path: self.open_file(p))
        if not files:
            self.recent_menu.addAction(_("No recent files")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(_("Clear Recent Files"), self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.clear_recent_files()
        self._reload_start_page()

    def _update_actions(self) -> None:
        is_open = self.session is not None
        for action in (self.save_copy_action, self.close_action, self.share_package_action, *self.export_actions,
                       *self.page_actions):
            action.setEnabled(is_open)
        editable = is_open and not self.session.document.readonly
        self.import_action.setEnabled(editable)
        self.import_workbook_action.setEnabled(editable)
        # A workshop's own file hands out and merges back; a handout, or a file open read-only, does not.
        writable = editable and self.session.handout is None
        self.hand_out_action.setEnabled(writable)
        self.merge_action.setEnabled(writable)
        # Comments from phones are kept in the file: sharing needs it open for writing.
        self.share_action.setEnabled(is_open and not self.session.document.readonly)
        for action in self._undo_actions:
            action.setVisible(is_open)

    # ------------------------------------------------------------------ opening and closing

    def commit_pending_edit(self) -> None:
        """A field being typed in commits when it loses focus; closing, quitting, opening another
        file or copying must not lose what was typed, so take the focus away first."""
        focused = QApplication.focusWidget()
        if focused is not None and self.isAncestorOf(focused):
            focused.clearFocus()

    def open_file(self, path: Path, *, page: str | None = None, readonly: bool = False, remember: bool = True,
                  why=None) -> bool:
        """A workshop file, or a share package (read-only); `why`: ui.read_only.reasons, for the banner."""
        path = Path(path)
        if is_package(path):
            return open_package(self, path, page=page, remember=remember)
        self.commit_pending_edit()
        if self.session is not None and self.session.document.path.resolve() == path.resolve():
            return True
        try:
            document = WorkshopDocument.open(path, readonly=readonly)
        except WorkshopError as error:
            # Held by another window, or on a read-only disk: offered to read instead.
            offered = None if readonly else offer_read_only(self, path, page=page, remember=remember)
            if offered is not None:
                return offered
            self.show_error(_("Cannot open the workshop"), str(error))
            if remember and not path.exists():
                self.settings.remove_recent_file(path)
                self._reload_start_page()
            return False
        self._close_session()
        if document.opening_notes:  # an older format was upgraded: say where the old file is kept
            self.show_error(_("Workshop upgraded"), "\n\n".join(document.opening_notes), wait=False)
        self.session = DocumentSession(document, self)
        self.session.read_only_reason = why if readonly else None
        self.change_notice.follow(self.session)
        self.session.failed.connect(self._show_failure)
        self.session.undo_stack.cleanChanged.connect(self._update_title)
        self.workshop_view.set_session(self.session)
        self.workshop_view.show_page(page or self.settings.last_page())
        self.stack.setCurrentWidget(self.workshop_view)
        self._install_undo_actions()
        self._update_actions()
        self._update_title()
        if remember:
            self.remember_file(path)
        return True

    def remember_file(self, path: Path) -> None:  # in Open Recent, the start page, the next Open dialog
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(path.resolve().parent)
        self._reload_start_page()

    def choose_and_open(self, *, readonly: bool = False) -> None:
        title = _("Open Read-Only") if readonly else _("Open Workshop")
        path, _filter = QFileDialog.getOpenFileName(self, title, str(self.settings.last_folder()), _(OPEN_FILTER))
        if path:
            self.open_file(Path(path), readonly=readonly, why=by_choice() if readonly else None)

    def open_demo(self) -> None:
        from workshop_app import paths
        from workshop_app.models.demo import write_demo

        target = paths.demo_path()
        if not target.exists():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                write_demo(target).close()
            except (OSError, WorkshopError) as error:
                self.show_error(_("Cannot create the demo workshop"), str(error))
                return
        self.open_file(target)

    def new_workshop(self) -> None:
        from workshop_app.ui.dialogs.new_workshop import NewWorkshopDialog

        dialog = NewWorkshopDialog(self.settings.last_folder(), self)
        if dialog.exec() and dialog.created_path is not None:
            self.open_file(dialog.created_path)

    def import_participants(self) -> None:
        from workshop_app.ui.dialogs.participant_import import ImportWizard

        if self.session is None or self.session.document.readonly:
            return
        self.commit_pending_edit()
        wizard = ImportWizard(self.session, self.settings.last_folder(), self)
        if wizard.exec():
            self.workshop_view.show_page("stakeholders")
            self.statusBar().showMessage(_("Participants imported; Edit › Undo takes the import back"), 8000)

    def import_workbook(self) -> None:
        from workshop_app.ui.dialogs.workbook_import import WorkbookImportDialog

        if self.session is None or self.session.document.readonly:
            return
        self.commit_pending_edit()
        # Translators: keep "(*.xlsx)" as it is
        path, _filter = QFileDialog.getOpenFileName(self, _("Import Road-map Workbook"),
                                                    str(self.settings.last_folder()), _("Excel workbook (*.xlsx)"))
        if path and WorkbookImportDialog(self.session, Path(path), self).exec():
            self.workshop_view.show_page("roadmap")

    def export_participants(self) -> None:
        from workshop_app.ui.dialogs.export import ParticipantListExportDialog

        self._export_with(ParticipantListExportDialog)

    def export_sign_in(self) -> None:
        from workshop_app.ui.dialogs.export import SignInExportDialog

        self._export_with(SignInExportDialog)

    def export_agenda(self, *, facilitator: bool = False, suffix: str = ".pdf") -> None:
        from workshop_app.ui.dialogs.export import AgendaExportDialog

        self._export_with(AgendaExportDialog, facilitator=facilitator, suffix=suffix)

    def export_group_lists(self, day_id: str, slot_number: int) -> None:
        from workshop_app.ui.dialogs.export import GroupListsExportDialog

        self._export_with(GroupListsExportDialog, day_id=day_id, slot=slot_number)

    def export_roadmap(self) -> None:
        from workshop_app.ui.dialogs.export import RoadmapExportDialog

        self._export_with(RoadmapExportDialog)

    def export_roadmap_workbook(self) -> None:
        from workshop_app.ui.dialogs.export import RoadmapWorkbookExportDialog

        self._export_with(RoadmapWorkbookExportDialog)

    def _export_with(self, dialog_class, **arguments) -> None:
        """One dialog holds the export's options and its file name; Export writes it."""
        if self.session is None:
            return
        dialog = dialog_class(self.session.document, self.settings, self, **arguments)
        if dialog.exec():
            self._export(dialog.target(), dialog.what, **dialog.options())

    def _export(self, target: Path, what: str, **options) -> None:
        from workshop_app.export.registry import export_checked
        from workshop_app.ui.dialogs.export import open_with_system

        self.commit_pending_edit()
        self.statusBar().showMessage(_("Writing {file}…").format(file=target.name))
        QApplication.setOverrideCursor(Qt.WaitCursor)
        QApplication.processEvents()
        try:
            _written, unprintable = export_checked(self.session.document, target, what, **options)
        except (OSError, WorkshopError) as error:
            QApplication.restoreOverrideCursor()
            self.statusBar().clearMessage()
            self.show_error(_("The export was not written"), str(error))
            return
        QApplication.restoreOverrideCursor()
        self.settings.set_last_folder(target.parent)
        self.settings.add_exported_from(self.session.document.path)
        self.workshop_view.exported()
        self.statusBar().showMessage(_("Exported: {file}").format(file=target), 10000)
        if unprintable:
            from workshop_app.ui.dialogs.unprintable import message_box

            message_box(target.name, unprintable, self).exec()
        if self.settings.open_exports():
            open_with_system(target)

    def save_copy(self) -> None:
        if self.session is None:
            return
        self.commit_pending_edit()
        source = self.session.document.path
        # Translators: the name suggested for a copy of a workshop file ("Nepal workshop copy.workshop")
        stem = copy_stem(self.session.read_only_reason, source)
        suggestion = self.settings.last_folder() / (_("{name} copy").format(name=stem) + FILE_SUFFIX)
        path, _filter = QFileDialog.getSaveFileName(self, _("Save a Copy As"), str(suggestion), _(FILE_FILTER))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        try:
            self.session.document.save_copy(target)
        except (OSError, WorkshopError) as error:
            self.show_error(_("The copy was not saved"), str(error))
            return
        if self.session.document.readonly and self.open_file(target):  # the way to edit what was read-only
            self.statusBar().showMessage(_("Copy saved and opened for editing: {file}").format(file=target), 8000)
            return
        self.statusBar().showMessage(_("Copy saved: {file}").format(file=target), 6000)

    def close_workshop(self) -> None:
        self.commit_pending_edit()
        if self.session is not None:
            self.settings.set_last_page(self.workshop_view.current_page())
        self._close_session()
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.reload()
        self._install_undo_actions()
        self._update_actions()
        self._update_title()

    def _close_session(self) -> None:
        if self.projector is not None:
            self.projector.close()
        if self.room is not None:  # the phones stop reading a file that is no longer open
            self.room.stop()
        if self.session is not None:
            self.workshop_view.set_session(None)
            self.change_notice.follow(None)
            self.session.close()
            self.session.deleteLater()
            self.session = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.commit_pending_edit()
        if self._remember_state:
            self.settings.set_window_geometry(self.saveGeometry())
            if self.session is not None:
                self.settings.set_last_page(self.workshop_view.current_page())
        self._close_session()
        super().closeEvent(event)

    # ------------------------------------------------------------------ the rest

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowFilePath("")
            self.setWindowTitle(APP_NAME)
            self.saved_label.clear()
            return
        self.saved_label.setText(
            _("Read-only: changes cannot be saved") if self.session.document.readonly
            else _("Every change is saved in the file")
        )
        path = self.session.document.path
        # Every edit is already in the file, so the title never needs an "unsaved" mark.
        self.setWindowFilePath(str(path))
        # Translators: the window's title: the open file's name, then the program's name
        title = _("{file} (read-only) — {program}") if self.session.document.readonly else _("{file} — {program}")
        self.setWindowTitle(title.format(file=path.name, program=APP_NAME))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_workshop(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_workshop(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_file(path)

    @staticmethod
    def _dropped_workshop(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        local = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        return local[0] if len(local) == 1 else None

    # ------------------------------------------------------------------ projector

    def toggle_projector(self, on: bool | None = None) -> None:
        from workshop_app.ui.projector.window import ProjectorWindow

        on = self.projector is None if on is None or not isinstance(on, bool) else on
        if not on or self.session is None:
            if self.projector is not None:
                self.projector.close()
            return
        if self.projector is None:
            self.projector = ProjectorWindow()
            self.projector.setAttribute(Qt.WA_DeleteOnClose)
            self.projector.closed.connect(self._projector_closed)
            self.projector.set_document(self.session.document)
            self.session.changed.connect(self.projector.refresh)
            self.workshop_view.focus_changed.connect(self.projector.follow)
            self.workshop_view.announce_focus()
            if self.room is not None and self.room.running:
                self.projector.set_join_url(self.room.urls()[0])
        screens = QApplication.screens()
        mine = self.screen()
        chosen = self.settings.projector_screen()
        other = next((screen for screen in screens if screen.name() == chosen), None) or next(
            (screen for screen in screens if screen is not mine), None)
        if other is not None:  # a second screen: the room's
            self.projector.setScreen(other)
            self.projector.move(other.geometry().topLeft())
        self.projector.showFullScreen()
        if other is None:
            self.projector.raise_()
        self.projector_action.setChecked(True)

    def _fill_screen_menu(self) -> None:
        self.screen_menu.clear()
        chosen = self.settings.projector_screen()
        for screen in QApplication.screens():
            name, size = screen.name(), screen.geometry()
            action = self.screen_menu.addAction(f"{name} ({size.width()}×{size.height()})")
            action.setCheckable(True)
            action.setChecked(name == chosen)
            action.triggered.connect(lambda checked=False, name=name: self._choose_screen(name))

    def _choose_screen(self, name: str) -> None:
        self.settings.set_projector_screen(name)
        if self.projector is not None:
            self.toggle_projector(True)  # move it there now

    def _projector_closed(self) -> None:
        self.projector = None
        self.projector_action.setChecked(False)
        self.freeze_action.setChecked(False)

    def switch_to_projector(self) -> None:
        if self.projector is None:
            return
        target = self if self.projector.isActiveWindow() else self.projector
        target.raise_()
        target.activateWindow()

    def toggle_freeze(self) -> None:
        if self.projector is not None:
            self.projector.toggle_freeze()
            self.freeze_action.setChecked(self.projector.frozen)

    def show_changes_since(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from workshop_app.models.roadmap.versions import list_versions

        if self.session is None:
            return
        names = [version["name"] for version in list_versions(self.session.document)]
        if not names:
            self.statusBar().showMessage(_("Freeze a version of the road map first (Road map › Freeze version…)"),
                                         8000)
            return
        name, ok = QInputDialog.getItem(self, _("Changes Since"), _("Compare the draft with:"),
                                        names, len(names) - 1, False)
        if ok:
            if self.projector is None:
                self.toggle_projector(True)
            self.projector.version_name = name
            self.projector.frozen = False
            self.projector.follow("changes")
            self.projector.reload()  # already on the changes view: another version, same view
            self.projector.frozen = True  # reading aloud: stay on the changes until unfrozen
            self.freeze_action.setChecked(True)

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_guide(self) -> None:
        from workshop_app.ui.dialogs.guide import show_guide

        show_guide(self)

    def show_shortcuts(self) -> None:
        from workshop_app.ui.dialogs.shortcuts import ShortcutsDialog, shortcut_list

        ShortcutsDialog(shortcut_list(self), self).exec()

    def _follow_desktop_look(self) -> None:
        if self.settings.theme() == "system":
            apply_theme("system")

    def show_preferences(self) -> None:
        from workshop_app.ui.dialogs.preferences import PreferencesDialog
        from workshop_app.ui.language import window_language

        if PreferencesDialog(self.settings, self).exec():
            apply_theme(self.settings.theme())
            language = window_language(self.settings.language())
            if language != current().language:
                self.switch_language(language)
            else:
                self.workshop_view.preferences_changed()

    def switch_language(self, language: str) -> None:
        """Show the window in another language at once: our words and Qt's, and the direction
        of the whole window. The open workshop, its page and its undo history stay as they were;
        the menus and the pages are built again in the new words (a page only when shown)."""
        from workshop_app.ui.language import apply_language

        self.commit_pending_edit()
        projector_on = self.projector is not None
        if projector_on:
            self.projector.close()
        page = self.workshop_view.current_page() if self.session is not None else None
        apply_language(QApplication.instance(), language)
        old = self.workshop_view
        self.stack.removeWidget(old)
        old.hide()  # hidden first: a visible page would read the file again as it lets go of it
        old.set_session(None)
        old.deleteLater()
        self.workshop_view = WorkshopView(self.settings)
        self.stack.insertWidget(0, self.workshop_view)
        if self._start_page is not None:
            self.stack.removeWidget(self._start_page)
            self._start_page.deleteLater()
            self._start_page = None
        for action in self._menu_actions:
            action.deleteLater()
        self.menuBar().clear()
        self._undo_actions = []  # they lived in the Edit menu just removed
        build_menus(self)
        if self.session is not None:
            self.workshop_view.set_session(self.session)
            self.workshop_view.show_page(page)
            self.stack.setCurrentWidget(self.workshop_view)
        else:
            self.stack.setCurrentWidget(self.start_page)
        self._install_undo_actions()
        self._update_actions()
        self._update_title()
        if projector_on:
            self.toggle_projector(True)

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _("About Pathfinder Workshop"),
            # Translators: HTML: translate the words, keep the tags
            _(
                "<h3>Pathfinder Workshop {version}</h3>"
                "<p>Run an Alliance 8.7 national planning workshop offline: participants, the agenda "
                "and the road map in one file.</p>"
                "<p>Workshop file format {format}. Every change is saved in the file as you make it.</p>"
                "<p>Fonts: Noto, under the SIL Open Font License 1.1.</p>"
            ).format(version=__version__, format=schema.SCHEMA_VERSION),
        )

    def _show_failure(self, message: str, source: object) -> None:
        if source is None:  # an edit with a source is explained by the page or dialog that started it
            self.show_error(_("The change was not saved"), message)

    def show_error(self, title: str, message: str, *, wait: bool = True) -> None:
        box = QMessageBox(QMessageBox.Warning if wait else QMessageBox.Information, title, message,
                          QMessageBox.Ok, self)
        box.setTextFormat(Qt.PlainText)  # file names may contain '<' or '&'
        box.exec() if wait else box.open()

    def page_keys(self) -> tuple[str, ...]:
        return PAGE_KEYS
