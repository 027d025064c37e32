"""Spreadsheet files as both imports read them (a participant list, an edited road-map
workbook): what kind of file it is, a fast read-only .xlsx reader (which can tell a formula's
cell from a typed value), and CSV in any encoding.
"""

__all__ = [
    "files",
    "xlsx",
    "csv_records",
    "bounded",
    "empty_cells",
    "formulas",
]
