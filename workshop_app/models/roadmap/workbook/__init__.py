"""The road-map workbook's columns (shared by its export and its import), reading an edited
workbook back, and planning its re-import against the workshop and the exported copy.
"""

__all__ = [
    "columns",
    "reading",
    "reimport",
]
