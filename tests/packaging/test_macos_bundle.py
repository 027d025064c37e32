"""packaging/macos/Info.plist: the application Finder opens .workshop files with, agreeing with
the program's version and names and with the Linux file type."""

import plistlib
import re
from pathlib import Path

from workshop_app import APP_NAME, __version__

REPOSITORY = Path(__file__).resolve().parents[2]
INFO_PLIST = REPOSITORY / "packaging" / "macos" / "Info.plist"


def info() -> dict:
    with INFO_PLIST.open("rb") as file:
        return plistlib.load(file)


def test_the_plist_names_the_program_and_its_version():
    plist = info()
    assert plist["CFBundleShortVersionString"] == __version__ == plist["CFBundleVersion"]
    assert plist["CFBundleName"] == APP_NAME == plist["CFBundleDisplayName"]
    assert plist["CFBundleIdentifier"].startswith("org.pathfinder-workshop.")
    # PyInstaller's BUNDLE writes the executable's name; the plist must not name another.
    assert "CFBundleExecutable" not in plist


def test_the_application_owns_the_workshop_type_it_exports():
    plist = info()
    (exported,) = plist["UTExportedTypeDeclarations"]
    uti = exported["UTTypeIdentifier"]
    assert uti == "org.pathfinder-workshop.workshop"
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == ["workshop"]
    linux_type = re.search(r'mime-type type="([^"]+)"',
                           (REPOSITORY / "packaging" / "linux" / "pathfinder-workshop.xml").read_text()).group(1)
    assert tags["public.mime-type"] == [linux_type]
    assert "public.data" in exported["UTTypeConformsTo"]
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [uti]
    assert document["CFBundleTypeRole"] == "Editor" and document["LSHandlerRank"] == "Owner"


def test_build_spec_bundles_the_plist_on_macos_only():
    spec = (REPOSITORY / "build.spec").read_text()
    bundle = spec[spec.index('if sys.platform == "darwin":'):]
    assert '"packaging" / "macos" / "Info.plist"' in bundle and "BUNDLE(" in bundle
    assert (REPOSITORY / "packaging" / "icons" / "512x512.png").is_file()
