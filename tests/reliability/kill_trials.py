"""Running a child process, killing it with SIGKILL at a random moment, and looking at what it
left behind the way the program will find it the next time it opens the file."""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from workshop_app.models.document import WorkshopDocument

ROOT = Path(__file__).resolve().parents[2]
CHILDREN = Path(__file__).with_name("kill_children.py")
SOAK = bool(os.environ.get("PATHFINDER_SOAK"))
JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
HANG_GUARD = 120  # seconds: a child or a check that takes this long is hung


@dataclass
class Figures:
    """What the kill -9 trials saw, reported at the end of the run."""

    trials: int = 0
    killed: int = 0  # trials where the child was still running when killed
    journals_left: int = 0  # kills that left a -journal beside the file
    hot_journals: int = 0  # of those, the ones holding an interrupted commit for the program to roll back
    committed_edits: int = 0  # edits reported committed before the kill, each found in the file
    imports_whole: int = 0
    imports_absent: int = 0
    losses: int = 0
    half_imports: int = 0
    by_operation: dict = field(default_factory=dict)

    def lines(self) -> list[str]:
        per = ", ".join(f"{name} {count}" for name, count in sorted(self.by_operation.items()))
        return [f"kill -9 trials: {self.trials} ({per}); child killed while running: {self.killed}",
                f"journals left beside the file: {self.journals_left}, of which hot (an interrupted commit, "
                f"rolled back by the program): {self.hot_journals}",
                f"committed edits checked: {self.committed_edits}; imports found whole: {self.imports_whole}, "
                f"absent: {self.imports_absent}",
                f"losses: {self.losses}; half imports: {self.half_imports}"]


FIGURES = Figures()


def environment() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def program(*arguments) -> list[str]:
    return [sys.executable, "-m", "workshop_app", *map(str, arguments)]


def child(*arguments) -> list[str]:
    return [sys.executable, str(CHILDREN), *map(str, arguments)]


@dataclass
class Outcome:
    finished: bool  # the child ended by itself before the kill
    returncode: int
    stdout: str
    stderr: str


def run_and_kill(command: list[str], delay: float, cwd: Path) -> Outcome:
    """Start `command`, SIGKILL it after `delay` seconds unless it ended by itself."""
    process = subprocess.Popen(command, cwd=cwd, env=environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        process.wait(timeout=delay)
        finished = True
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        finished = False
    stdout, stderr = process.communicate(timeout=HANG_GUARD)
    FIGURES.trials += 1
    FIGURES.killed += not finished
    return Outcome(finished, process.returncode, stdout, stderr)


def timed_run(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run `command` to its end: (seconds until it first wrote a file in `cwd`, seconds in all).
    The kill moments are spread over the whole run, with half of them in its writing part."""
    before = set(os.listdir(cwd))
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=environment(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    first_write = None
    while process.poll() is None:
        if first_write is None and set(os.listdir(cwd)) - before:
            first_write = time.monotonic() - start
        time.sleep(0.002)
    total = time.monotonic() - start
    stdout, stderr = process.communicate()
    assert process.returncode == 0, stderr
    return (total if first_write is None else first_write), total


def kill_moment(rng, first_write: float, total: float) -> float:
    if rng.random() < 0.5:
        return rng.uniform(0, total * 1.05)
    return rng.uniform(first_write * 0.9, total * 1.05)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal_is_hot(path: Path) -> bool:
    journal = Path(f"{path}-journal")
    try:
        with journal.open("rb") as handle:
            return handle.read(8) == JOURNAL_MAGIC
    except FileNotFoundError:
        return False


def recover_and_check(path: Path, cwd: Path) -> None:
    """What the user meets after the crash: the file must open in the program (which rolls an
    interrupted change back as its own), pass SQLite's integrity check and the program's check."""
    FIGURES.journals_left += Path(f"{path}-journal").exists()
    if journal_is_hot(path):
        FIGURES.hot_journals += 1
        before = digest(path)
        # Read-only commands cannot roll back: they must say so in one line and change nothing.
        refused = subprocess.run(program("check", path), cwd=cwd, env=environment(), capture_output=True, text=True,
                                 timeout=HANG_GUARD)
        assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
        assert "Traceback" not in refused.stderr and "not closed properly" in refused.stderr
        assert digest(path) == before and journal_is_hot(path)
    WorkshopDocument.open(path).close()  # the window's way in: rolls the interrupted change back
    assert not journal_is_hot(path)
    assert not list(cwd.glob("*foreign-journal*")), "the program took its own journal for another file's"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    checked = subprocess.run(program("check", path), cwd=cwd, env=environment(), capture_output=True, text=True,
                             timeout=HANG_GUARD)
    assert checked.returncode == 0 and "result: ok" in checked.stdout, checked.stdout + checked.stderr


def count(operation: str) -> None:
    FIGURES.by_operation[operation] = FIGURES.by_operation.get(operation, 0) + 1
