"""The road-map workbook's columns (shared by its export and its import), reading an edited
workbook back, and planning its re-import against the workshop and the exported copy: what
it would do (results), reading and merging the cells (reimport), placing new rows and
drafting the one Change (drafting), and the same for the plan's texts, reference figures and
acronyms (plan_sheets: their columns and record; plan_import: their three-way merge).
"""

__all__ = [
    "columns",
    "reading",
    "results",
    "reimport",
    "drafting",
    "funding_cells",
    "plan_sheets",
    "plan_import",
]
