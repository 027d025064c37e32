"""What happens to an error nobody foresaw: its details go to a log file in the data folder, and
the user reads one line that names that file. Never a traceback on the screen.

The command line and the window both use it. The log keeps the last few hundred kilobytes: a
facilitator can send it with a report, and it never fills a laptop's disk.
"""

import datetime as dt
import traceback
from pathlib import Path

from workshop_app import __version__
from workshop_app.paths import data_dir

LOG_NAME = "errors.log"
LOG_LIMIT = 256 * 1024  # bytes; past that the older half is dropped


def log_path() -> Path:
    return data_dir() / LOG_NAME


def record(error: BaseException, context: str = "") -> Path | None:
    """Append the error and its traceback to the log; its path, or None when it cannot be written
    (a full disk, a read-only home folder): the one line is shown all the same."""
    path = log_path()
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    entry = (f"--- {stamp} · Pathfinder Workshop {__version__}{f' · {context}' if context else ''}\n"
             + "".join(traceback.format_exception(error)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        if len(old) + len(entry) > LOG_LIMIT:
            old = old[len(old) // 2:]
            old = old[old.find("--- "):] if "--- " in old else ""
        path.write_text(old + entry, encoding="utf-8")
    except OSError:
        return None
    return path


def one_line(error: BaseException, log: Path | None) -> str:
    """The sentence a user reads about an unexpected error."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    what = " ".join(what.split())[:300]
    if log is None:
        return f"unexpected error ({what}); the details could not be written to a log file"
    return f"unexpected error ({what}); the details are in {log}"
