"""Qt item models over the document: the editable tables of the Stakeholders page and the
agenda and road-map trees. Each edit goes through the session, one undo step each.
"""

__all__ = [
    "row_table",
    "stakeholders",
    "agenda",
    "roadmap",
]
