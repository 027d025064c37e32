"""The built bundle, run as a borrowed laptop runs it: an empty home folder, no virtualenv, no
Python on PATH but the system's. `make bundle-test` builds it and points PATHFINDER_BUNDLE at it;
without that variable these tests are skipped (building takes a minute and a half)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

import workshop_app
from workshop_app.export.registry import EXPORTS

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = os.environ.get("PATHFINDER_BUNDLE")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="set PATHFINDER_BUNDLE (make bundle-test)")

sys.path.insert(0, str(ROOT / "packaging" / "bundle"))
import size  # noqa: E402


@pytest.fixture(scope="module")
def bundle() -> Path:
    folder = (ROOT / BUNDLE).resolve()
    assert (folder / "PathfinderWorkshop").is_file(), f"no bundle in {folder}: run make bundle"
    return folder


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("empty-home")


@pytest.fixture(scope="module")
def run(bundle, home):
    def run(*arguments, check=True, language="en"):
        # Nothing of this machine's Python: no PYTHONPATH, no virtualenv, no XDG folders.
        environment = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
                       "QT_QPA_PLATFORM": "offscreen", "PATHFINDER_LANGUAGE": language}
        result = subprocess.run([str(bundle / "PathfinderWorkshop"), *map(str, arguments)], env=environment,
                                capture_output=True, text=True, timeout=120)
        if check:
            assert result.returncode == 0, f"{arguments}: {result.stderr}"
        return result
    return run


@pytest.fixture(scope="module")
def demo(run, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bundle") / "nepal.workshop"
    run("demo", path)
    return path


def test_the_bundle_stays_within_its_size_goal(bundle):
    assert size.size_mb(bundle) <= size.GOAL_MB


def test_the_bundle_says_its_version(run):
    assert run("--version").stdout.strip() == f"workshop-app {workshop_app.__version__}"


def test_the_demo_s_figures_are_the_same_as_from_the_source(run, demo):
    bundled = json.loads(run("stats", demo, "--json").stdout)
    source = subprocess.run([sys.executable, "-m", "workshop_app", "stats", str(demo), "--json"],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    assert bundled == json.loads(source.stdout)
    assert bundled["participants"] > 100 and bundled["actions"] > 30


def test_the_demo_passes_the_check(run, demo):
    result = run("check", demo)
    assert "result: ok" in result.stdout


@pytest.mark.parametrize("what, suffix", [(what, suffix) for what, writers in EXPORTS.items() for suffix in writers])
def test_every_export_writes_a_file_a_reader_opens(run, demo, tmp_path, what, suffix):
    out = tmp_path / f"{what}{suffix}"
    run("export", demo, out, "--what", what)
    if suffix == ".pdf":
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert "Nepal" in text or "Kathmandu" in text
    elif suffix == ".xlsx":
        workbook = openpyxl.load_workbook(out)
        assert sum(1 for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) if any(row)) > 10
    else:
        assert len(out.read_text(encoding="utf-8-sig").splitlines()) > 100


def test_the_arabic_road_map_prints_shaped_arabic(run, demo, tmp_path):
    out = tmp_path / "roadmap-ar.pdf"
    run("export", demo, out, "--what", "roadmap", "--lang", "ar", "--sections", "summary")
    text = PdfReader(out).pages[0].extract_text()
    assert any("\u0600" <= character <= "\u06ff" or "\ufe70" <= character <= "\ufeff" for character in text)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_road_map_page_renders_offscreen(run, demo, tmp_path, language):
    from PySide6.QtGui import QImage

    png = tmp_path / f"roadmap-{language}.png"
    run("open", demo, "--page", "roadmap", "--screenshot", png, "--size", "1280x800", "--language", language)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 20  # text, icons and the rail drew: not a blank window


def test_no_error_was_logged_in_the_empty_home(run, demo, home):
    assert not list(home.rglob("errors.log"))


def test_every_resource_and_catalog_is_in_the_bundle(bundle):
    internal = bundle / "_internal"
    missing = [str(path.relative_to(ROOT)) for path in (ROOT / "resources").rglob("*")
               if path.is_file() and not path.name.endswith((".po", ".pot"))
               and not (internal / path.relative_to(ROOT)).is_file()]
    assert missing == []
    for language in ("fr", "es", "ar"):
        assert (internal / "PySide6" / "Qt" / "translations" / f"qtbase_{language}.qm").is_file()
    assert (internal / "resources" / "icons" / "phosphor" / "phosphor-1.3.0.ttf").is_file()


def test_a_workshop_error_is_one_line_without_a_traceback(run, tmp_path):
    broken = tmp_path / "broken.workshop"
    broken.write_bytes(b"not a workshop at all")
    result = run("check", broken, check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_bundle_installs_itself_into_the_desktop(bundle, tmp_path):
    data = tmp_path / "data"
    result = subprocess.run(["sh", str(bundle / "packaging" / "linux" / "install.sh"), "--in-place"],
                            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(data)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = (data / "applications" / "pathfinder-workshop.desktop").read_text(encoding="utf-8")
    program = bundle / "PathfinderWorkshop"
    assert f"Exec={program} %f" in entry or f'Exec="{program}" %f' in entry
    assert (data / "mime" / "packages" / "pathfinder-workshop.xml").is_file()
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "pathfinder-workshop.png").is_file()


def test_a_share_package_written_by_the_bundle_opens_in_it(run, demo, tmp_path):
    package = tmp_path / "Nepal road map.zip"
    run("package", demo, package, "--lang", "fr")
    png = tmp_path / "package.png"
    run("open", package, "--page", "roadmap", "--screenshot", png)
    assert png.stat().st_size > 10_000
