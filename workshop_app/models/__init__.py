"""The workshop core. Nothing in this package imports Qt: it is tested and scripted without a screen."""

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopFileError

__all__ = ["WorkshopDocument", "WorkshopFileError"]
