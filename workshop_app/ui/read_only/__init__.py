"""A workshop open read-only: why it is (`reasons`), the banner that says so over the workshop
view with its "Save a Copy As…" (`banner`), and the offer to read a file that cannot be edited here
(`actions`)."""

__all__ = ["reasons", "banner", "actions"]
