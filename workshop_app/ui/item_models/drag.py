"""Drag and drop in the agenda and road-map trees: the dragged rows travel as a JSON list of
their ids, and a drop asks the document to move the first one; Qt never moves rows itself."""

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt

from workshop_app.ui.item_models import ID_ROLE


class MovesById:
    """For a tree model with a `session`: give the MIME type, say which rows can be dragged
    (draggable) and implement dropMimeData with dragged_id()."""

    MIME = ""  # the type the ids travel under; only this model accepts it

    def draggable(self, index: QModelIndex) -> bool:
        raise NotImplementedError

    def supportedDropActions(self):
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [self.MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = list(dict.fromkeys(index.data(ID_ROLE) for index in indexes if self.draggable(index)))
        data = QMimeData()
        data.setData(self.MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> bool:
        return data.hasFormat(self.MIME) and self.session is not None and not self.session.document.readonly

    def dragged_id(self, data: QMimeData, action, row: int, column: int, parent: QModelIndex) -> str | None:
        """The id of the row to move (the first dragged: one row moves at a time), or None when
        this model cannot take the drop."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return None
        ids = json.loads(bytes(data.data(self.MIME)).decode())
        return ids[0] if ids else None
