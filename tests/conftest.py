import os
import shutil
from pathlib import Path

import pytest

# Headless by default; a developer can still watch with QT_QPA_PLATFORM=xcb.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def qapp_cls():
    """pytest-qt's application is the program's own, which takes the desktop's file-open events."""
    from workshop_app.ui.desktop.application import WorkshopApplication

    return WorkshopApplication


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """Settings and the data folder of a test never touch the real user's."""
    from workshop_app.i18n import catalogs

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # The window and the command line speak English in tests, whatever the machine's language;
    # a test that wants another sets it itself.
    monkeypatch.setenv("PATHFINDER_LANGUAGE", "en")
    yield home
    catalogs.use("en")


@pytest.fixture
def workshop_path(tmp_path) -> Path:
    from workshop_app.models.document import WorkshopDocument

    path = tmp_path / "atelier.workshop"
    WorkshopDocument.create(path, title="Atelier national", country="MG", start_date="2027-05-04", days=3,
                            languages="fr, en").close()
    return path


@pytest.fixture
def document(workshop_path):
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(workshop_path) as document:
        yield document


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    from workshop_app.models.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.workshop"
    write_demo(path).close()
    return path


@pytest.fixture
def demo_path(_demo_master, tmp_path) -> Path:
    """A fresh copy of the demo workshop for each test (writing it once is the slow part)."""
    path = tmp_path / "Nepal demo.workshop"
    shutil.copyfile(_demo_master, path)
    return path


@pytest.fixture
def without_system_fonts(monkeypatch):
    """A computer with no fonts of its own: only the bundled ones print."""
    from workshop_app.export.pdf import fonts, system_fonts

    monkeypatch.setattr(system_fonts, "system_fonts", lambda: ())
    monkeypatch.setattr(fonts, "_system_names", [])
    monkeypatch.setattr(fonts, "_system_tried", set())
    fonts.fallback_script.cache_clear()
    fonts._code_points.cache_clear()
    yield
    fonts.fallback_script.cache_clear()
    fonts._code_points.cache_clear()
