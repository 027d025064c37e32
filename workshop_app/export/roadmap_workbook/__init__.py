"""The road-map workbook: the road map as Excel for people who live in Excel, made to come back
(see models.roadmap.workbook for its columns and its re-import).

- writer:          write_roadmap_xlsx; builds the package and puts each sheet's rows into it.
- contents:        what the sheets show, worked out from one snapshot.
- rows:            cell formats and rows written as sheet XML; column widths and row heights.
- editable_sheets: "Road map" and "Indicators", the sheets read back on import.
- derived_sheets:  "Responsibilities", "Budget" and "Summary", worked out by the program.
- plan_sheets:     "Plan texts", "Reference figures" and "Acronyms", read back on import too.
- lists:           the hidden "Lists" sheet and the Road map's drop-downs that use it.
- record:          the very hidden "Export record", the road map and the plan as exported.
"""

__all__ = [
    "writer",
    "contents",
    "rows",
    "editable_sheets",
    "derived_sheets",
    "plan_sheets",
    "lists",
    "record",
]
