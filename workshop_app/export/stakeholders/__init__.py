"""The participant exports: the list as an Excel workbook or CSV, and the sign-in sheets (PDF).
"""

__all__ = [
    "participant_list",
    "participants_workbook",
    "participants_csv",
    "signin_sheet",
]
