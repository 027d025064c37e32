"""The agenda: start times from durations, moving and adding sessions, templates, the warnings
that would surprise the room, breakout groups, and running the day live.
"""

__all__ = [
    "schedule",
    "templates",
    "warnings",
    "groups",
    "live",
]
