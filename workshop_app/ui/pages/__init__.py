"""The pages of the workshop view, one file each, on a shared Page base that follows the
document only while the page is visible.
"""

__all__ = [
    "base",
    "start",
    "overview",
    "action_plan",
    "stakeholders",
    "attendance",
    "figures",
    "agenda",
    "roadmap",
]
