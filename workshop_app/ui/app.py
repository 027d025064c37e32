"""Start the Qt application: the window, or one offscreen screenshot of a page."""

import os
import sys
from pathlib import Path

from workshop_app import APP_NAME, ORGANIZATION_NAME, __version__
from workshop_app.i18n.catalogs import _
from workshop_app.resources import resources_dir

DESKTOP_FILE_NAME = "pathfinder-workshop"  # packaging/linux/pathfinder-workshop.desktop


def create_application(argv: list[str] | None = None, *, language: str | None = None):
    """The application, in `language` when given, else the one chosen in Preferences, else the
    environment's or the desktop's (ui/language.py)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from workshop_app.ui.desktop.application import WorkshopApplication
    from workshop_app.ui.fonts import register_bundled_fonts
    from workshop_app.ui.language import apply_language, window_language
    from workshop_app.ui.settings import Settings

    app = QApplication.instance() or WorkshopApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)  # Wayland shows the icon of packaging/linux's entry
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "app.svg")))
    # Names in Khmer, Tamil, Arabic… on a laptop with no font for them: see ui/fonts.py.
    register_bundled_fonts()
    apply_language(app, window_language(language or Settings().language()))
    return app


def run_gui(path: Path | None = None, *, page: str | None = None, size: tuple[int, int] | None = None,
            language: str | None = None) -> int:
    from workshop_app.ui.desktop.launches import Launch

    launch = Launch(path, page)
    if launch.hand_over():  # the program already runs for this user: its window opens the file
        return 0
    app = create_application(language=language)
    from workshop_app.ui import error_dialog
    from workshop_app.ui.desktop.opening import DesktopRequests
    from workshop_app.ui.main_window import MainWindow

    error_dialog.install()
    requests = DesktopRequests(launch, app)
    app.aboutToQuit.connect(requests.close)

    window = MainWindow()
    if size:
        window.resize(*size)
    if path is not None:
        window.open_file(Path(path), page=page)  # before show(): no start page flashes first
    requests.attach(window)
    window.show()
    return app.exec()


def render_screenshot(path: Path | None, page: str, size: tuple[int, int], png: Path, *,
                      theme: str | None = None, language: str | None = None) -> int:
    """Render a page offscreen at the given size and save it as PNG (documentation, checks)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = create_application(language=language)
    from workshop_app.ui.main_window import MainWindow

    if page == "projector":
        return _render_projector(app, path, size, png)
    window = MainWindow(remember_state=False)
    if theme is not None:
        from workshop_app.ui.palette import apply_theme

        apply_theme(theme)
    window.resize(*size)
    if path is not None and page != "start":
        window.open_file(Path(path), page=page, readonly=True, remember=False)
        # Opened read-only so that a screenshot never locks or touches the file; that is not the
        # user's state, so the read-only note stays out of the picture.
        window.saved_label.clear()
    window.show()
    for _round in range(3):  # let layouts settle and lazy pages paint
        app.processEvents()
    if not window.grab().save(str(png)):
        from workshop_app.models.errors import WorkshopFileError

        raise WorkshopFileError(png, _("the screenshot could not be written (check the folder and the .png name)"))
    window.close()
    return 0


def _render_projector(app, path: Path, size: tuple[int, int], png: Path) -> int:
    """The room's view of the first outcome, as the projector shows it at this size."""
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.roadmap.tree import roadmap_tree
    from workshop_app.ui.projector.window import ProjectorWindow

    with WorkshopDocument.open(path, readonly=True) as document:
        goals = roadmap_tree(document)
        outcome = goals[0].children[0].node["id"] if goals and goals[0].children else None
        projector = ProjectorWindow()
        projector.resize(*size)
        projector.set_document(document)
        projector.follow("roadmap", outcome)
        projector.show()
        for _round in range(3):
            app.processEvents()
        saved = projector.grab().save(str(png))
        projector.close()
    if not saved:
        from workshop_app.models.errors import WorkshopFileError

        raise WorkshopFileError(png, _("the screenshot could not be written (check the folder and the .png name)"))
    return 0
