"""The bundle's size as a download or a USB stick counts it: the bytes of its files (links
counted once, as the links they are)."""

import sys
from pathlib import Path

GOAL_MB = 140


def size_mb(folder: Path) -> float:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() or path.is_symlink()) / 1e6


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    size = size_mb(folder)
    verdict = "within" if size <= GOAL_MB else "OVER"
    print(f"{folder}: {size:.1f} MB, {verdict} the {GOAL_MB} MB goal")
