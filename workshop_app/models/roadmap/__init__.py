"""The road map: the tree of goal, outcomes, outputs and actions with derived codes; editing it;
totals per currency, and year by year; versions and the differences between them; plenary
comments, and the comments the room sends from its phones until the facilitator accepts them.
The road-map workbook that leaves for Excel and comes back is in `workbook`.
"""

__all__ = [
    "tree",
    "editing",
    "totals",
    "yearly",
    "versions",
    "diff",
    "comments",
    "phone_comments",
    "workbook",
]
