"""Run every benchmark; each prints its ratio against the peer it measures in the same run."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ("edit_field", "open_window", "filter_participants", "import_participants", "export_participants",
           "move_session", "export_agenda", "projector_update", "roadmap_workbook", "export_roadmap_pdf",
           "export_scripts_pdf", "hostile_sheets", "language_switch", "merge_handouts", "share_load")

if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    for name in BENCHES:
        if (HERE / f"{name}.py").exists():
            print(f"== {name}", flush=True)
            runpy.run_path(str(HERE / f"{name}.py"), run_name="__main__")
