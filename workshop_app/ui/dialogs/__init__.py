"""The dialogs, one file each.
"""

__all__ = [
    "comment",
    "export",
    "groups",
    "guide",
    "new_workshop",
    "participant_import",
    "preferences",
    "shortcuts",
    "template",
    "versions",
    "workbook_import",
]
