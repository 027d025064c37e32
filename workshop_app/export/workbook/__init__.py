"""What every Excel export shares.

- text:       user text that can never become a formula.
- styles:     the look of the sheets (font, header band, rules, row heights, print setup).
- list_sheet: a sheet listing one thing a line, its columns and rows sized to what they hold.
"""

__all__ = [
    "text",
    "styles",
    "list_sheet",
]
