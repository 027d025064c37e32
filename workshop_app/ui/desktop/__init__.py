"""The program as the desktop sees it: files opened from the file manager or Finder, and one
window per user, to which a later launch hands its file."""

__all__ = ["application", "launches", "listener", "opening"]
