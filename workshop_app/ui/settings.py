"""Every remembered setting in one place, with its key and default, stored in QSettings."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workshop_app.models.stakeholders.figures import DEFAULT_WOMEN_SHARE_MINIMUM

MAX_RECENT_FILES = 10


class Settings:
    def __init__(self, store: QSettings | None = None):
        self._store = store or QSettings()

    # Window state is UI state, not a preference: restored silently, never shown in a dialog.
    def window_geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    def recent_files(self) -> list[Path]:
        value = self._store.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [Path(item) for item in value or []]

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        files = [path] + [item for item in self.recent_files() if item != path]
        self._store.setValue("files/recent", [str(item) for item in files[:MAX_RECENT_FILES]])

    def remove_recent_file(self, path: Path) -> None:
        files = [item for item in self.recent_files() if item != Path(path).resolve()]
        self._store.setValue("files/recent", [str(item) for item in files])

    def clear_recent_files(self) -> None:
        self._store.setValue("files/recent", [])

    def last_folder(self) -> Path:
        value = self._store.value("files/last_folder", "")
        return Path(value) if value and Path(value).is_dir() else Path.home()

    def set_last_folder(self, folder: Path) -> None:
        self._store.setValue("files/last_folder", str(folder))

    def export_paper(self) -> str:
        """The paper chosen for the last PDF export ("A4" or "Letter"): it rarely changes."""
        value = str(self._store.value("export/paper", "A4"))
        return value if value in ("A4", "Letter") else "A4"

    def set_export_paper(self, paper: str) -> None:
        self._store.setValue("export/paper", paper)

    # Preferences: shown and changed in the Preferences dialog.
    def exported_from(self, path: Path) -> bool:
        """Whether anything was exported from this workshop file on this computer (the file
        itself keeps no record of exports; the getting-started checklist asks)."""
        value = self._store.value("files/exported", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return str(Path(path).resolve()) in (value or [])

    def add_exported_from(self, path: Path) -> None:
        if not self.exported_from(path):
            value = self._store.value("files/exported", [])
            value = [value] if isinstance(value, str) else list(value or [])
            # Newest last; a long-used computer keeps the last hundred files.
            self._store.setValue("files/exported", (value + [str(Path(path).resolve())])[-100:])

    def women_share_minimum(self) -> float:
        """Below this share of women among participants, the figures show a warning."""
        try:
            value = float(self._store.value("preferences/women_share_minimum", DEFAULT_WOMEN_SHARE_MINIMUM))
        except (TypeError, ValueError):
            return DEFAULT_WOMEN_SHARE_MINIMUM
        return min(max(value, 0.0), 1.0)

    def set_women_share_minimum(self, share: float) -> None:
        self._store.setValue("preferences/women_share_minimum", float(share))

    def open_exports(self) -> bool:
        """Open an exported file with the system's viewer when it is written."""
        return str(self._store.value("preferences/open_exports", "true")).lower() == "true"

    def set_open_exports(self, value: bool) -> None:
        self._store.setValue("preferences/open_exports", "true" if value else "false")

    def theme(self) -> str:
        """"system" (follow the desktop's light or dark look), "light" or "dark"."""
        value = str(self._store.value("preferences/theme", "system"))
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, theme: str) -> None:
        self._store.setValue("preferences/theme", theme)

    def language(self) -> str:
        """The window's language ("fr", "es", "ar", "en"), or "" to follow the desktop."""
        value = str(self._store.value("preferences/language", ""))
        return value if value in ("", "en", "fr", "es", "ar") else ""

    def set_language(self, language: str) -> None:
        self._store.setValue("preferences/language", language)

    def projector_screen(self) -> str:
        """The screen the room sees, by name; empty: any screen but the window's."""
        return str(self._store.value("window/projector_screen", ""))

    def set_projector_screen(self, name: str) -> None:
        self._store.setValue("window/projector_screen", name)

    def last_page(self) -> str:
        return str(self._store.value("window/page", "overview"))

    def set_last_page(self, page: str) -> None:
        self._store.setValue("window/page", page)
