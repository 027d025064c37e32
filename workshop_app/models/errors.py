"""Errors a user can cause and can act on. Each carries one sentence that names the file."""

from pathlib import Path

from workshop_app.i18n.catalogs import _


class WorkshopError(Exception):
    """A mistake or a state the user can fix; shown as one line, never as a traceback."""


class WorkshopFileError(WorkshopError):
    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        # Translators: a file's name, then what is wrong with it ("list.csv: is empty")
        super().__init__(_("{file}: {problem}").format(file=self.path.name or self.path, problem=problem))


class InvalidValueError(WorkshopError):
    """A value that the workshop file would refuse (a bad date, an unknown category...)."""


class SpreadsheetError(WorkshopFileError):
    """A file that cannot be read as the spreadsheet asked for; one sentence naming the file."""

