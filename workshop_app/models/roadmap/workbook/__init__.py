"""The road-map workbook's columns (shared by its export and its import), reading an edited
workbook back, and planning its re-import against the workshop and the exported copy: what
it would do (results), reading and merging the cells (reimport), placing new rows and
drafting the one Change (drafting).
"""

__all__ = [
    "columns",
    "reading",
    "results",
    "reimport",
    "drafting",
]
