"""The projector: the window the room sees, and the HTML it shows.
"""

__all__ = [
    "window",
    "content",
]
