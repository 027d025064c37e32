"""The failure a user can cause while exporting: a missing folder, a read-only target, a day that
does not exist. Shown as one line naming the file, like every WorkshopError."""

from pathlib import Path

from workshop_app.i18n.catalogs import _
from workshop_app.models.errors import WorkshopError


class ExportError(WorkshopError):
    def __init__(self, path: Path | str, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name}: {problem}")


def no_such_day(wanted, days: int) -> str:
    """The refusal of a day the workshop does not have, saying which it has."""
    if not days:
        return _("the workshop has no day {wanted}; it has no days yet (set the workshop dates)").format(wanted=wanted)
    return _("the workshop has no day {wanted}; it has days 1 to {count}").format(wanted=wanted, count=days)
