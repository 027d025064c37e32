"""The road-map workbook: the road map as Excel for people who live in Excel, made to come back
(see models.roadmap.workbook for its columns and its re-import).
"""

__all__ = [
    "writer",
]
