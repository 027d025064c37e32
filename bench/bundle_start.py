"""Launching the built bundle until its window is shown, against a bare QMainWindow.

Ours: dist/PathfinderWorkshop (or $PATHFINDER_BUNDLE) opening the demo and a 2,000-participant
workshop offscreen, shown and grabbed (`open --screenshot`), from an empty home folder. Peer: a
bare PySide6 QMainWindow started by this Python, shown the same way. Goal (field-ready issue):
launch to window under 2 s.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNS = 5


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    sys.path.insert(0, str(HERE))
    from large_workshop import write_large_workshop
    from open_window import BARE

    bundle = Path(os.environ.get("PATHFINDER_BUNDLE", HERE.parent / "dist" / "PathfinderWorkshop")).resolve()
    program = bundle / "PathfinderWorkshop"
    if not program.is_file():
        sys.exit(f"no bundle at {bundle}: run make bundle first")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {"HOME": str(folder), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
        demo = folder / "demo.workshop"
        subprocess.run([str(program), "demo", str(demo)], check=True, env=env, stdout=subprocess.DEVNULL)
        large = write_large_workshop(folder / "large.workshop")
        peer_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        peer_env.pop("PYTHONDONTWRITEBYTECODE", None)
        png = str(folder / "shown.png")
        sides = {
            "bare QMainWindow": [sys.executable, "-c", BARE + "window.grab()\n"],
            "bundle, demo": [str(program), "open", str(demo), "--page", "overview", "--screenshot", png],
            "bundle, 2,000 participants": [str(program), "open", str(large), "--page", "overview", "--screenshot", png],
        }
        for command in sides.values():  # warm the file cache for every side
            timed(command, peer_env if command[0] == sys.executable else env)
        times = {name: [] for name in sides}
        for _ in range(RUNS):  # interleaved, so a busy moment hurts every side alike
            for name, command in sides.items():
                times[name].append(timed(command, peer_env if command[0] == sys.executable else env))
    bare = statistics.median(times["bare QMainWindow"])
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name}: {median * 1000:.0f} ms, ratio {median / bare:.2f}")
    print("goal: launch to window under 2,000 ms")


if __name__ == "__main__":
    main()
