"""Import participants from the messy list a ministry sends: find the table in the sheet,
read its headers in English, French or Spanish, understand its cells, and plan the whole
import as one Change.
"""

__all__ = [
    "table",
    "headers",
    "cell_values",
    "plan",
    "reading",
    "report",
]
