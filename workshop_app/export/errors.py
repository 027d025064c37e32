"""The failure a user can cause while exporting: a missing folder, a read-only target, a day that
does not exist. Shown as one line naming the file, like every WorkshopError."""

from pathlib import Path

from workshop_app.models.errors import WorkshopError


class ExportError(WorkshopError):
    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")
