"""The window's side of breakout handouts: writing one for a group, the banner a handout opens
with, and merging handouts back with their conflicts decided."""

__all__ = ["actions", "hand_out", "merge"]
