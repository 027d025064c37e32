"""The pages of the workshop view, one file each, on a shared Page base that refreshes a page
from the document only while it is visible.
"""

__all__ = [
    "base",
    "start",
    "overview",
    "stakeholders",
    "attendance",
    "figures",
    "agenda",
    "roadmap",
]
