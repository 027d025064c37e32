"""Breakout handouts: a copy of the workshop that gives a group its part of the road map to
draft on its own laptop, and the three-way merge that brings the group's work back."""

__all__ = ["describing", "merging", "ordering", "part", "reading", "record", "writing"]
