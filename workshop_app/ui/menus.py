"""The window's menus: File, Edit, View and Help, with their keys and icons. The actions stay
attributes of the window (window.open_action…), which enables them as a file opens or closes."""

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from workshop_app.i18n.catalogs import _
from workshop_app.ui.icons import icon


def build_menus(window) -> None:
    window._menu_actions = []  # all built here, so that a change of language can build them again
    # Translators: the menus of the window's menu bar; & marks the letter for Alt+letter
    file_menu = window.menuBar().addMenu(_("&File"))
    window.new_action = _action(window, file_menu, _("&New Workshop…"), window.new_workshop, QKeySequence.New)
    window.open_action = _action(window, file_menu, _("&Open…"), window.choose_and_open, QKeySequence.Open)
    # Translators: File menu: open a workshop without changing it (no lock, nothing written)
    window.open_read_only_action = _action(window, file_menu, _("Open Read-On&ly…"),
                                           lambda: window.choose_and_open(readonly=True))
    window.recent_menu = QMenu(_("Open &Recent"), window)
    window._menu_actions.append(window.recent_menu)
    window.recent_menu.aboutToShow.connect(window._fill_recent_menu)
    file_menu.addMenu(window.recent_menu)
    _action(window, file_menu, _("Open &Demo Workshop"), window.open_demo)
    file_menu.addSeparator()
    window.import_action = _action(window, file_menu, _("&Import Participants…"), window.import_participants,
                                   QKeySequence("Ctrl+I"))
    window.import_workbook_action = _action(window, file_menu, _("Import &Road-map Workbook…"),
                                             window.import_workbook)
    # Translators: File menu: write a copy of the workshop in which a breakout group drafts its outcomes
    window.hand_out_action = _action(window, file_menu, _("&Hand Out to a Group…"),
                                     lambda: _handouts().hand_out(window))
    # Translators: File menu: bring breakout groups' handouts back into the workshop
    window.merge_action = _action(window, file_menu, _("&Merge Handouts…"), lambda: _handouts().merge_handouts(window),
                                  QKeySequence("Ctrl+Shift+M"))
    export_menu = file_menu.addMenu(_("&Export"))
    window.export_actions = [
        _action(window, export_menu, _("&Participant List (Excel or CSV)…"), window.export_participants),
        _action(window, export_menu, _("&Sign-in Sheets (PDF)…"), window.export_sign_in),
        _action(window, export_menu, _("&Agenda (PDF)…"), lambda: window.export_agenda()),
        _action(window, export_menu, _("&Facilitators' Agenda (PDF)…"),
                lambda: window.export_agenda(facilitator=True)),
        _action(window, export_menu, _("Agenda (&Excel)…"), lambda: window.export_agenda(suffix=".xlsx")),
        _action(window, export_menu, _("&Road Map (PDF)…"), window.export_roadmap),
        _action(window, export_menu, _("Road-map &Workbook (Excel)…"), window.export_roadmap_workbook),
    ]
    # Translators: File menu: one zip for the country office (workshop, road map, agenda, participant list)
    window.share_package_action = _action(window, file_menu, _("Share &Package…"),
                                          lambda: _package().share_package(window))
    file_menu.addSeparator()
    window.save_copy_action = _action(window, file_menu, _("Save a &Copy As…"), window.save_copy,
                                      QKeySequence.SaveAs)
    # Translators: File menu: close the open workshop file
    window.close_action = _action(window, file_menu, _("&Close"), window.close_workshop, QKeySequence.Close)
    file_menu.addSeparator()
    _action(window, file_menu, _("&Quit"), window.close, QKeySequence.Quit).setMenuRole(QAction.QuitRole)

    window.edit_menu = window.menuBar().addMenu(_("&Edit"))
    window.edit_menu.addSeparator()
    window.preferences_action = _action(window, window.edit_menu, _("&Preferences…"), window.show_preferences,
                                        QKeySequence.Preferences)
    window.preferences_action.setMenuRole(QAction.PreferencesRole)

    view_menu = window.menuBar().addMenu(_("&View"))
    window.page_actions = []
    for index, (key, label) in enumerate(window.workshop_view.page_labels()):
        action = _action(window, view_menu, label, lambda checked=False, k=key: window.workshop_view.show_page(k),
                         QKeySequence(f"Ctrl+{index + 1}"))
        window.page_actions.append(action)
    view_menu.addSeparator()
    # Translators: View menu: show or hide the projector window (the room's screen)
    window.projector_action = _action(window, view_menu, _("&Projector"), window.toggle_projector,
                                      QKeySequence("F5"))
    window.projector_action.setCheckable(True)
    _action(window, view_menu, _("Switch to/from Projector"), window.switch_to_projector, QKeySequence("F6"))
    window.screen_menu = QMenu(_("Projector &Screen"), window)
    window._menu_actions.append(window.screen_menu)
    window.screen_menu.aboutToShow.connect(window._fill_screen_menu)
    view_menu.addMenu(window.screen_menu)
    # Translators: View menu: keep the projector on what it shows while the facilitator works elsewhere
    window.freeze_action = _action(window, view_menu, _("F&reeze Projector"), window.toggle_freeze,
                                   QKeySequence("Ctrl+Shift+F"))
    window.freeze_action.setCheckable(True)
    _action(window, view_menu, _("Projector: &Changes Since…"), window.show_changes_since,
            QKeySequence("Ctrl+Shift+D"))
    # Translators: View menu: let the room's phones read the draft and send comments
    window.share_action = _action(window, view_menu, _("Share with the &Room…"),
                                  lambda: _sharing().share_with_room(window), QKeySequence("Ctrl+Shift+R"))
    view_menu.addSeparator()
    _action(window, view_menu, _("&Full Screen"), window._toggle_full_screen, QKeySequence.FullScreen)

    help_menu = window.menuBar().addMenu(_("&Help"))
    # Translators: Help menu: the user guide
    window.guide_action = _action(window, help_menu, _("&Guide"), window.show_guide, QKeySequence.HelpContents)
    shortcuts = _action(window, help_menu, _("&Keyboard Shortcuts"), window.show_shortcuts,
                        QKeySequence("Ctrl+/"))
    about = _action(window, help_menu, _("&About Pathfinder Workshop"), window.show_about)
    about.setMenuRole(QAction.AboutRole)
    for action, name in ((window.new_action, "file-plus"), (window.open_action, "folder-open"),
                         (window.open_read_only_action, "lock-simple"), (window.share_package_action, "package"),
                         (window.import_action, "user-plus"), (window.import_workbook_action, "download-simple"),
                         (export_menu.menuAction(), "export"), (window.save_copy_action, "copy"),
                         (window.close_action, "x"), (window.preferences_action, "gear"),
                         (window.projector_action, "projector-screen"), (window.freeze_action, "snowflake"),
                         (window.guide_action, "book-open"), (shortcuts, "keyboard"), (about, "info")):
        action.setIcon(icon(name))


def _action(window, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(slot)
    menu.addAction(action)
    window._menu_actions.append(action)
    return action


def _handouts():
    # Loaded on first use: opening the window costs nothing for it.
    from workshop_app.ui.handouts import actions

    return actions


def _sharing():
    from workshop_app.ui.sharing import dialog

    return dialog


def _package():
    from workshop_app.ui.package import dialog

    return dialog
