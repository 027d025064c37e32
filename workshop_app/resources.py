"""Find bundled resources the same way from a source tree, an installed wheel and a frozen build."""

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:  # PyInstaller unpacks datas=[("resources", "resources")] here
        return Path(frozen) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"  # the wheel force-includes resources/ inside the package
    if installed.is_dir():
        return installed
    return package.parent / "resources"  # source checkout or editable install


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {'/'.join(parts)}")
    return path
