"""Where the program keeps its own files (the demo workshop) on each operating system."""

from pathlib import Path

import platformdirs

from workshop_app import APP_NAME


def data_dir() -> Path:
    """~/.local/share/Pathfinder Workshop on Linux, %LOCALAPPDATA%\\Pathfinder Workshop on Windows,
    ~/Library/Application Support/Pathfinder Workshop on macOS."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_path() -> Path:
    return data_dir() / "Nepal demo workshop.workshop"


def packages_dir() -> Path:
    """Where opened share packages are unpacked, a folder for each."""
    return data_dir() / "Share packages"
