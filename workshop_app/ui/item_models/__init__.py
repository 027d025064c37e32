"""Qt item models over the document: the editable tables of the Stakeholders page and the
agenda and road-map trees (tree: what the two trees share). Each edit goes through the session,
one undo step each.
"""

from PySide6.QtCore import QModelIndex, Qt

ID_ROLE = Qt.UserRole + 1  # the data role that answers a row's document id
# The invisible root, as the default parent of rowCount() and the like (Qt passes the parent
# it means; Python callers may leave it out). An index cannot be changed, so one serves all.
ROOT = QModelIndex()

__all__ = [
    "ID_ROLE",
    "ROOT",
    "row_table",
    "action_plan",
    "stakeholders",
    "agenda",
    "roadmap",
    "drag",
    "guard",
    "tree",
]
