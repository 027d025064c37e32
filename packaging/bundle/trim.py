"""What the one-folder bundle leaves out, decided in one place so that build.spec stays short
and each cut can be checked without building. Measured on Linux with PySide6 6.11: 279 MB as
PyInstaller collects it, 133 MB with these cuts and stripped binaries."""

import pickle
import sys
from pathlib import Path

PROGRAM_LANGUAGES = ("en", "fr", "es", "ar")
TRANSLATED = PROGRAM_LANGUAGES[1:]

# Qt's own catalogs: language.py loads qtbase_xx for the window's language; PyInstaller collects
# all 200 (7 MB).
QT_CATALOGS = {f"qtbase_{language}.qm" for language in TRANSLATED}

_PLUGINS = "PySide6/Qt/plugins"
DROPPED_PLUGINS = {
    # GTK's platform theme pulls GTK 3, GDK, Cairo, Pango and ATK (about 20 MB); Qt's own style
    # and file dialogs serve the program, and the desktop portal's theme stays.
    f"{_PLUGINS}/platformthemes/libqgtk3.so",
    # Image formats no workshop holds: the icons are SVG, a logo is PNG or JPEG.
    *(f"{_PLUGINS}/imageformats/libq{name}.so" for name in ("tiff", "webp", "icns", "tga", "wbmp", "pdf")),
    # Embedded displays without a window system, and their input drivers.
    *(f"{_PLUGINS}/egldeviceintegrations/libqeglfs-{name}-integration.so"
      for name in ("kms", "kms-egldevice", "x11", "emu")),
    *(f"{_PLUGINS}/platforms/libq{name}.so" for name in ("eglfs", "linuxfb", "vnc", "vkkhrdisplay")),
    *(f"{_PLUGINS}/generic/libq{name}plugin.so"
      for name in ("evdevkeyboard", "evdevmouse", "evdevtablet", "evdevtouch", "tuiotouch")),
    # TLS and network reachability: the program calls no server; the room's site is plain HTTP
    # on the facilitator's own network.
    f"{_PLUGINS}/tls/libqopensslbackend.so", f"{_PLUGINS}/tls/libqcertonlybackend.so",
    *(f"{_PLUGINS}/networkinformation/libq{name}.so" for name in ("connman", "glib", "networkmanager")),
}
DROPPED_BINARIES = {
    "PySide6/opengl32sw.dll",  # Windows' software OpenGL (20 MB): the program draws no OpenGL
    "libssl.so.3", "libcrypto.so.3",  # loaded by name by the TLS plugin only
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
}

# Babel's CLDR for ~1,100 locales (31 MB). The window's four languages keep everything; any other
# language is only ever a workshop's number locale (how "1.234.567,5" is typed in Chile), so its
# files keep the number and currency data, and Babel takes names, dates and units from the root
# locale. The formatted and parsed numbers of all 1,147 locales are unchanged (compared in a test).
NUMBER_KEYS = {
    "number_symbols", "decimal_formats", "currency_formats", "percent_formats", "scientific_formats",
    "default_numbering_system", "numbering_systems", "currency_symbols", "currency_unit_patterns",
    "plural_form", "ordinal_form", "character_order", "locale_id", "measurement_systems", "week_data",
}


def kept_data(dest: str) -> bool:
    parts = Path(dest).parts
    if parts[:2] == ("resources", "locale") and Path(dest).suffix in (".po", ".pot"):
        return False  # the sources of the compiled catalogs (.mo) the program reads
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return parts[-1] in QT_CATALOGS
    if parts[:2] == ("pycountry", "locales") and len(parts) > 2:
        # pycountry's names in ~100 languages (22 MB); English is its own text.
        return parts[2] in TRANSLATED
    return True


def keeps_all(locale: str) -> bool:
    return locale == "root" or locale.split("_")[0] in PROGRAM_LANGUAGES


def trimmed_locale(data: dict, locale: str) -> dict:
    """One Babel locale's data as the bundle keeps it."""
    return data if keeps_all(locale) else {key: value for key, value in data.items() if key in NUMBER_KEYS}


def datas(entries: list, workpath: Path) -> list:
    folder = workpath / "babel-locale-data"
    folder.mkdir(parents=True, exist_ok=True)
    kept = []
    for dest, source, kind in entries:
        if not kept_data(dest):
            continue
        path = Path(source)
        if dest.startswith("babel/locale-data/") and path.suffix == ".dat" and not keeps_all(path.stem):
            with path.open("rb") as file:
                data = trimmed_locale(pickle.load(file), path.stem)
            source = str(folder / path.name)
            with open(source, "wb") as file:
                pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)
        kept.append((dest, source, kind))
    return kept


def needed_only_by_dropped(entries: list) -> set:
    """The dropped plugins and the libraries only they need (GTK and its stack), found by following
    each binary's needed libraries: a library anything else needs stays."""
    from PyInstaller.depend.bindepend import get_imports

    by_name = {Path(dest).name: dest for dest, _source, kind in entries if kind in ("BINARY", "EXTENSION")}
    needs = {}
    for dest, source, kind in entries:
        if kind in ("BINARY", "EXTENSION"):
            try:
                needs[dest] = {by_name[name] for name, _path in get_imports(source) if name in by_name}
            except Exception:  # an unreadable binary: keep it and everything it might need
                needs[dest] = set(by_name.values())

    def closure(roots) -> set:
        seen, stack = set(), list(roots)
        while stack:
            dest = stack.pop()
            if dest not in seen:
                seen.add(dest)
                stack.extend(needs.get(dest, ()))
        return seen

    dropped = {dest for dest in needs if dest in DROPPED_PLUGINS}
    needed = set().union(*needs.values()) if needs else set()
    # Roots: every extension module and plugin, and every library no other binary needs (those
    # are loaded by name at run time, as libpython is).
    roots = {dest for dest in needs if dest not in dropped and ("/" in dest or dest not in needed)}
    return closure(dropped) - closure(roots)


def binaries(entries: list, workpath: Path) -> list:
    gone = needed_only_by_dropped(entries) | DROPPED_BINARIES
    kept = [entry for entry in entries if entry[0] not in gone]
    if sys.platform.startswith("linux"):
        # ICU's data without what Qt never asks it for (icu.py says what): 32 MB becomes 12.
        import icu

        kept = [(dest, str(icu.trimmed_library(Path(source), workpath / "icu")), kind)
                if Path(dest).name.startswith("libicudata.") and kind == "BINARY" else (dest, source, kind)
                for dest, source, kind in kept]
    return kept


def dangling_links(folder: Path) -> None:
    """PyInstaller links each library found under PySide6/ into the top folder; the links of the
    libraries left out would point at nothing."""
    for link in folder.rglob("*"):
        if link.is_symlink() and not link.exists():
            link.unlink()
