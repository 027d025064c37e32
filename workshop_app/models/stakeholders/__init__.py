"""Organizations and participants: the lists the Stakeholders page shows, removing and merging
organizations, attendance by day, participation figures, and matching organization names
that lists spell in several ways.
"""

__all__ = [
    "listing",
    "organizations",
    "attendance",
    "figures",
    "matching",
]
