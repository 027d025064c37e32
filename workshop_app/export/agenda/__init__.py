"""The agenda exports: the printed programme and the facilitators' version (PDF), the agenda
workbook, and the breakout-group lists for the room doors.
"""

__all__ = [
    "contents",
    "pdf_parts",
    "pdf",
    "workbook",
    "group_lists",
]
