"""Run every benchmark and print its ratio against the peer measured in the same run."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import edit_field  # noqa: E402
import open_window  # noqa: E402

if __name__ == "__main__":
    edit_field.main()
    open_window.main()
